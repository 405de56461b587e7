import * as fc from 'fast-check';
import { checkFix, checkLint, saveFailure, SETTINGS_VARIANTS } from './check';
import { caseText, FuzzCase, fuzzCase } from './mutators';
import { Seed } from './seeds';

export interface FuzzOptions {
  seeds: Seed[];
  /** The first `focus` seeds get three in four cases. */
  focus?: number;
  /** fast-check seed: the same seed replays the same cases. */
  seed: number;
  numRuns: number;
  /** Bound for one lint (ms). */
  timeLimitMs: number;
  /** Every n-th case also runs fix-all (0: never). */
  fixEvery: number;
  /** Stop after this long (ms) even when runs remain (fast-check `interruptAfterTimeLimit`). */
  budgetMs?: number;
}

export interface FuzzOutcome {
  runs: number;
  /** A readable account of the (shrunk) failing case, when one failed. */
  failure?: string;
}

function describeCase(seeds: Seed[], c: FuzzCase): string {
  return `seed template ${seeds[c.seed].name}, settings #${c.settings}${c.sniff ? ', sniffed as .template' : ''}\n  tree ops: ${JSON.stringify(c.treeOps)}${c.treeOps.length ? ` (${c.shortForm ? 'short' : 'long'}-form tags)` : ''}\n  text ops: ${JSON.stringify(c.textOps)}`;
}

/** Mutates the seed templates and checks every outcome (check.ts); reports the first failure, shrunk. */
export function runFuzz(o: FuzzOptions): FuzzOutcome {
  let n = 0;
  let lastProblems: string[] = [];
  let lastText = '';
  let lastExt = '';
  const property = fc.property(fuzzCase(o.seeds.length, SETTINGS_VARIANTS.length, o.focus), (c) => {
    const seed = o.seeds[c.seed];
    const text = caseText(seed.text, seed.json, c);
    if (text === undefined) return true;
    const ext = c.sniff ? '.template' : seed.json ? '.json' : '.yaml';
    const fileName = `/fuzz/case${ext}`;
    const settings = SETTINGS_VARIANTS[c.settings];
    const problems = checkLint(text, fileName, settings, { timeLimitMs: o.timeLimitMs, determinism: n % 3 === 0 }).problems;
    if (o.fixEvery > 0 && n % o.fixEvery === 0) problems.push(...checkFix(text, fileName, settings));
    n++;
    if (problems.length) {
      lastProblems = problems;
      lastText = text;
      lastExt = ext;
      return false;
    }
    return true;
  });
  const details = fc.check(property, { seed: o.seed, numRuns: o.numRuns, interruptAfterTimeLimit: o.budgetMs, markInterruptAsFailure: false });
  if (!details.failed) return { runs: details.numRuns };
  const c = details.counterexample?.[0] as FuzzCase | undefined;
  if (!c) return { runs: details.numRuns, failure: `fast-check failed without a counterexample: ${details.errorInstance ?? ''}` };
  // Re-run the shrunk case so the problems shown are its own.
  const seed = o.seeds[c.seed];
  const text = caseText(seed.text, seed.json, c) ?? lastText;
  const ext = c.sniff ? '.template' : seed.json ? '.json' : '.yaml';
  const settings = SETTINGS_VARIANTS[c.settings];
  let problems = checkLint(text, `/fuzz/case${ext}`, settings, { timeLimitMs: o.timeLimitMs, determinism: true }).problems;
  if (!problems.length && o.fixEvery > 0) problems = checkFix(text, `/fuzz/case${ext}`, settings);
  if (!problems.length) problems = lastProblems;
  const saved = saveFailure(text || lastText, ext || lastExt);
  return {
    runs: details.numRuns,
    failure: `fuzz failure (fast-check seed ${o.seed}, path ${details.counterexamplePath}):\n  ${describeCase(o.seeds, c)}\n  input saved to ${saved}\n  ${problems.join('\n  ')}`,
  };
}

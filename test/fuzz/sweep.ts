import { parseSource } from '../../rules/src/parse/index';
import { checkLint, SETTINGS_VARIANTS } from './check';
import { HOSTILE, namesOf, setAt, slots, toJson, toYaml } from './mutators';
import { Seed } from './seeds';

/**
 * The type-confusion sweep: in each seed, every property value under `Resources.*.Properties`
 * (and every parameter, condition and mapping value) replaced in turn by every hostile value.
 * Deterministic and exhaustive where the random fuzzer samples; `stride` thins it for a quick run.
 */
export interface SweepOptions {
  seeds: Seed[];
  timeLimitMs: number;
  /** Take every n-th (slot, value) pair; 1 = all. */
  stride: number;
  /** Offset of the thinned pairs (vary it between runs to cover other pairs). */
  offset?: number;
  /** Stop after this many problems. */
  maxProblems?: number;
}

export interface SweepOutcome {
  lints: number;
  problems: string[];
}

export function sweep(o: SweepOptions): SweepOutcome {
  const problems: string[] = [];
  let lints = 0;
  let k = 0;
  const settings = SETTINGS_VARIANTS[2];
  for (const seed of o.seeds) {
    const src = parseSource(seed.text, seed.json ? 'seed.json' : 'seed.yaml');
    if (src.errors.length || !src.root) continue;
    const root = toJson(src.root);
    const names = namesOf(root);
    const targets = slots(root, false).filter((s) => s.path[0] !== 'Resources' || (s.path[2] === 'Properties' && s.path.length > 3));
    for (const target of targets) {
      for (let v = 0; v < HOSTILE.length; v++) {
        if (k++ % o.stride !== (o.offset ?? 0) % o.stride) continue;
        const copy = JSON.parse(JSON.stringify(root));
        setAt(copy, target.path, HOSTILE[v](names));
        const text = seed.json ? JSON.stringify(copy, null, 2) : toYaml(copy, v % 2 === 0);
        const r = checkLint(text, seed.json ? '/sweep/case.json' : '/sweep/case.yaml', settings, { timeLimitMs: o.timeLimitMs });
        lints++;
        for (const p of r.problems)
          problems.push(`${seed.name} ${JSON.stringify(target.path)} := hostile value #${v} (${JSON.stringify(HOSTILE[v](names)).slice(0, 80)}): ${p}`);
        if (problems.length >= (o.maxProblems ?? 20)) return { lints, problems };
      }
    }
  }
  return { lints, problems };
}

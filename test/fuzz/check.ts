import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fixFile } from '../../cli/src/fix';
import { ALL_RULES, ConfigLayer, defaultRegistry, lintText, mergeSettings, RuleRegistry, RuleSetting, Settings } from '../../rules/src/index';
import type { LintResult } from '../../rules/src/index';
import { positionAt } from '../../rules/src/parse/source-tree';

/**
 * What must hold for any text, however broken: lintText does not throw, no rule throws, every
 * range lies inside the document and agrees with its offsets, the same text gives the same
 * findings, and one lint finishes within a bound.
 */

/** Every rule on, also those that are off by default: a rule that never runs is never fuzzed. */
function allOn(extra: ConfigLayer = {}): Settings {
  const rules = new Map<string, RuleSetting>(ALL_RULES.map((r) => [r.meta.id, { severity: 'warning' }]));
  return mergeSettings({ rules, ...extra });
}

/** The settings a fuzz case lints with (index = FuzzCase.settings). */
export const SETTINGS_VARIANTS: Settings[] = [
  mergeSettings(),
  allOn(),
  allOn({ production: { files: ['**'], baseDir: '/' }, allowedDomains: ['example.com'], regions: ['eu-west-1'] }),
];

export interface CheckOptions {
  registry?: RuleRegistry;
  /** Upper bound for one lint (ms). */
  timeLimitMs: number;
  /** Also lint a second time and compare. */
  determinism?: boolean;
}

export interface Checked {
  problems: string[];
  result?: LintResult;
  ms: number;
}

/** Lints a text and returns what is wrong with the outcome (empty when all holds). */
export function checkLint(text: string, fileName: string, settings: Settings, o: CheckOptions): Checked {
  const registry = o.registry ?? defaultRegistry();
  const problems: string[] = [];
  const t0 = performance.now();
  let result: LintResult;
  try {
    result = lintText(text, fileName, registry, { settings });
  } catch (e) {
    return { problems: [`lintText threw: ${(e as Error).stack ?? e}`], ms: performance.now() - t0 };
  }
  const ms = performance.now() - t0;
  if (ms > o.timeLimitMs) problems.push(`lint took ${ms.toFixed(0)} ms (limit ${o.timeLimitMs} ms)`);
  for (const f of result.ruleFailures) problems.push(`rule ${f.rule} threw: ${f.message}`);
  const lines = text.split(/\r\n|\r|\n/);
  const inside = (what: string, p: { line: number; character: number }): void => {
    if (!(p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length)) {
      problems.push(`${what}: position ${p.line}:${p.character} lies outside the document`);
    }
  };
  for (const d of result.diagnostics) {
    const what = `${d.rule} at ${JSON.stringify(d.path)}`;
    inside(what, d.range.start);
    inside(what, d.range.end);
    if (!(d.offsets.start >= 0 && d.offsets.start <= d.offsets.end && d.offsets.end <= text.length))
      problems.push(`${what}: offsets ${d.offsets.start}-${d.offsets.end} outside 0-${text.length}`);
    if (result.source) {
      const s = positionAt(result.source.lineStarts, d.offsets.start);
      if (s.line !== d.range.start.line || s.character !== d.range.start.character) problems.push(`${what}: range does not match its offsets`);
    }
    for (const r of d.related) {
      inside(`${what} related`, r.range.start);
      inside(`${what} related`, r.range.end);
    }
  }
  if (o.determinism) {
    try {
      const again = lintText(text, fileName, registry, { settings });
      if (JSON.stringify(again.diagnostics) !== JSON.stringify(result.diagnostics)) problems.push('a second lint of the same text gave different findings');
    } catch (e) {
      problems.push(`the second lintText threw: ${(e as Error).message}`);
    }
  }
  return { problems, result, ms };
}

/**
 * Fix-all through the CLI's own path (dry run: nothing is written): it must not throw, and
 * from a text that parses it must not produce one that does not (fix.ts would refuse to
 * write it, but that is a bug of a fix).
 */
export function checkFix(text: string, fileName: string, settings: Settings, registry = defaultRegistry()): string[] {
  try {
    const r = fixFile({ file: fileName, relPath: path.basename(fileName), text, dryRun: true, lint: (t) => lintText(t, fileName, registry, { settings }) });
    if (r.error) return [`fix-all: ${r.error}`];
    return [];
  } catch (e) {
    return [`fix-all threw: ${(e as Error).stack ?? e}`];
  }
}

/** Saves a failing input where a developer can lint it again; returns the path. */
export function saveFailure(text: string, ext: string): string {
  const dir = path.join(os.tmpdir(), 'cfn-tls-lint-fuzz');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${crypto.createHash('sha1').update(text).digest('hex').slice(0, 12)}${ext}`);
  fs.writeFileSync(file, text);
  return file;
}

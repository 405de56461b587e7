import fs = require('fs');
import path = require('path');
import type { Diagnostic } from '../../rules/src/index';
import { FileReadError, MAX_BASELINE_BYTES, readRegularTextSync } from '../../rules/src/node/read-file';
import type { FileReport } from './format/report';

/**
 * Baseline file: findings keyed by file + rule + template path (not line numbers),
 * so edits elsewhere in a file do not resurrect a baselined finding.
 */
interface BaselineFile {
  version: 1;
  findings: { file: string; rule: string; path: (string | number)[] }[];
}

function keyOf(file: string, d: Pick<Diagnostic, 'rule' | 'path'>): string {
  return JSON.stringify([file, d.rule, d.path]);
}

function relTo(baselineFile: string, file: string): string {
  return path
    .relative(path.dirname(path.resolve(baselineFile)), file)
    .split(path.sep)
    .join('/');
}

export class BaselineError extends Error {}

export function readBaseline(file: string): Set<string> {
  let text: string;
  try {
    text = readRegularTextSync(file, MAX_BASELINE_BYTES);
  } catch (e) {
    if (e instanceof FileReadError && e.kind === 'too-large') {
      throw new BaselineError(`baseline ${file} is more than any baseline needs (${MAX_BASELINE_BYTES / 1048576} MB)`);
    }
    throw new BaselineError(`cannot read baseline ${file}: ${e instanceof FileReadError ? e.reason : (e as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    // Not the parser's message: it may quote the file.
    const at = /position (\d+)/.exec((e as Error).message);
    throw new BaselineError(`baseline ${file} is not valid JSON${at ? ` (at character ${at[1]})` : ''}`);
  }
  const problem = shapeProblem(data);
  if (problem) throw new BaselineError(`${file} is not a cfn-tls-lint baseline (version 1): ${problem}`);
  return new Set((data as BaselineFile).findings.map((f) => keyOf(f.file, f)));
}

/** What is wrong with a parsed baseline, named without quoting it (it may hold anything); undefined when it is right. */
function shapeProblem(data: unknown): string | undefined {
  if (!isObject(data)) return 'the top level is not an object';
  if (data.version !== 1) return '"version" is not 1';
  if (!Array.isArray(data.findings)) return '"findings" is not a list';
  for (const [i, f] of (data.findings as unknown[]).entries()) {
    const where = `findings[${i}]`;
    if (!isObject(f)) return `${where} is not an object`;
    if (typeof f.file !== 'string') return `${where}: "file" is not a string`;
    if (typeof f.rule !== 'string') return `${where}: "rule" is not a string`;
    if (!Array.isArray(f.path) || !f.path.every((k) => typeof k === 'string' || (Number.isInteger(k) && (k as number) >= 0))) {
      return `${where}: "path" is not a list of keys and indexes`;
    }
  }
  return undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Drops findings recorded in the baseline. */
export function applyBaseline(reports: FileReport[], baseline: Set<string>, baselineFile: string): void {
  for (const r of reports) {
    const rel = relTo(baselineFile, r.file);
    r.diagnostics = r.diagnostics.filter((d) => !baseline.has(keyOf(rel, d)));
  }
}

export function writeBaseline(reports: FileReport[], file: string): number {
  const findings: BaselineFile['findings'] = [];
  for (const r of reports) {
    const rel = relTo(file, r.file);
    for (const d of r.diagnostics) if (!d.suppressed) findings.push({ file: rel, rule: d.rule, path: d.path });
  }
  findings.sort((a, b) => keyOf(a.file, a).localeCompare(keyOf(b.file, b)));
  fs.writeFileSync(file, JSON.stringify({ version: 1, findings } satisfies BaselineFile, null, 2) + '\n');
  return findings.length;
}

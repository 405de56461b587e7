import * as fs from 'fs';
import * as path from 'path';
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
  return path.relative(path.dirname(path.resolve(baselineFile)), file).split(path.sep).join('/');
}

export class BaselineError extends Error {}

export function readBaseline(file: string): Set<string> {
  let data: BaselineFile;
  try {
    data = JSON.parse(readRegularTextSync(file, MAX_BASELINE_BYTES)) as BaselineFile;
  } catch (e) {
    throw new BaselineError(`cannot read baseline ${file}: ${e instanceof FileReadError ? e.reason : (e as Error).message}`);
  }
  if (!data || data.version !== 1 || !Array.isArray(data.findings)) throw new BaselineError(`${file} is not a cfn-tls-lint baseline (version 1)`);
  return new Set(data.findings.map((f) => keyOf(f.file, f)));
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

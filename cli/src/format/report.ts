import type { Diagnostic } from '../../../rules/src/index';

/** One file's outcome, as every output format sees it. */
export interface FileReport {
  /** Absolute path. */
  file: string;
  /** Path relative to the working directory, with forward slashes. */
  relPath: string;
  template: boolean;
  diagnostics: Diagnostic[];
  /** Why the file was not linted (too large, binary). */
  skipped?: string;
  /** Why the file could not be read. */
  readError?: string;
  /** The text of a template that may declare nested stacks (for lintNestedStacks). */
  nestingText?: string;
}

/** A problem of the run that makes the exit status 2 (bad usage, a config, a file that cannot be read or written...). */
export interface RunError {
  message: string;
  /** The file it is about, relative to the working directory, when there is one. */
  path?: string;
}

export interface Summary {
  files: number;
  templates: number;
  errors: number;
  warnings: number;
  infos: number;
  fixable: number;
  ms: number;
}

export function summarize(reports: FileReport[], ms: number): Summary {
  const s: Summary = { files: reports.length, templates: 0, errors: 0, warnings: 0, infos: 0, fixable: 0, ms: Math.round(ms) };
  for (const r of reports) {
    if (r.template) s.templates++;
    for (const d of r.diagnostics) {
      if (d.suppressed) continue;
      if (d.severity === 'error') s.errors++;
      else if (d.severity === 'warning') s.warnings++;
      else s.infos++;
      if (d.fixable) s.fixable++;
    }
  }
  return s;
}

/** Findings `--fix` applies a fix to: shown, not suppressed, with a safe fix (fix-all never applies an unsafe one). */
export function fixableByFix(reports: readonly FileReport[]): number {
  let n = 0;
  for (const r of reports) for (const d of r.diagnostics) if (!d.suppressed && d.fixes.some((f) => f.safe)) n++;
  return n;
}

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

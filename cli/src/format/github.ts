import { constructSuffix } from '../cdk';
import { printable } from './printable';
import type { FileReport, RunError } from './report';

const LEVEL = { error: 'error', warning: 'warning', info: 'notice' } as const;

/**
 * Escapes of the workflow-command syntax (GitHub Actions toolkit, `escapeData`/`escapeProperty`):
 * in the message `%`, CR and LF; in a property also `:` and `,`, which end a property. Control
 * and bidi characters are shown as escapes as well: the Actions log renders ANSI sequences.
 */
function escapeData(s: string): string {
  return printable(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}
function escapeProperty(s: string): string {
  return printable(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/:/g, '%3A').replace(/,/g, '%2C'));
}

/** `--format github`: one workflow annotation per finding, and one per error of the run. */
export function formatGithub(reports: FileReport[], errors: readonly RunError[] = []): string {
  const lines: string[] = [];
  for (const e of errors) {
    // A file's read error is annotated on the file below.
    if (e.path !== undefined && reports.some((r) => r.readError && r.relPath === e.path)) continue;
    lines.push(`::error${e.path !== undefined ? ` file=${escapeProperty(e.path)}` : ''}::${escapeData(e.message)}`);
  }
  for (const r of reports) {
    if (r.readError) lines.push(`::error file=${escapeProperty(r.relPath)}::${escapeData(r.readError)}`);
    for (const d of r.diagnostics) {
      if (d.suppressed) continue;
      const s = d.range.start;
      const e = d.range.end;
      // A CDK finding is annotated where the app creates the construct; the message names the template.
      const source = d.construct?.source;
      const at = source
        ? [`file=${escapeProperty(source.file)}`, `line=${source.line}`, `col=${source.column}`]
        : [`file=${escapeProperty(r.relPath)}`, `line=${s.line + 1}`, `col=${s.character + 1}`, `endLine=${e.line + 1}`, `endColumn=${e.character + 1}`];
      const props = [...at, `title=${escapeProperty(d.rule)}`].join(',');
      const message = source ? `${d.message} (${r.relPath}:${s.line + 1}, construct ${d.construct!.path})` : d.message + constructSuffix(d);
      lines.push(`::${LEVEL[d.severity]} ${props}::${escapeData(message)}`);
    }
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}

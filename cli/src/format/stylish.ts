import { constructSuffix } from '../cdk';
import { printable } from './printable';
import { fixableByFix, FileReport, RunError, Summary } from './report';

const COLORS = { reset: '\u001b[0m', red: '\u001b[31m', yellow: '\u001b[33m', blue: '\u001b[34m', dim: '\u001b[2m', underline: '\u001b[4m', bold: '\u001b[1m' };

/** `--format stylish`: grouped by file, 1-based line:col, coloured on a TTY (ESLint's layout). */
export function formatStylish(reports: FileReport[], summary: Summary, color: boolean, errors: readonly RunError[] = []): string {
  const c = (code: keyof typeof COLORS, s: string): string => (color ? COLORS[code] + s + COLORS.reset : s);
  const out: string[] = [];
  // Paths that could not be read come first: what is below them was not checked.
  for (const u of errors) if (u.path !== undefined) out.push(c('underline', printable(u.path)), `  ${c('red', 'error')}  ${printable(u.message)}`, '');
  for (const r of reports) {
    const shown = r.diagnostics;
    if (!shown.length && !r.readError && !r.skipped) continue;
    out.push(c('underline', printable(r.relPath)));
    if (r.readError) out.push(`  ${c('red', 'error')}  ${printable(r.readError)}`);
    if (r.skipped) out.push(`  ${c('dim', 'skipped')}  ${printable(r.skipped)}`);
    const rows = shown.map((d) => {
      const pos = `${d.range.start.line + 1}:${d.range.start.character + 1}`;
      const sev = d.severity === 'error' ? c('red', 'error') : d.severity === 'warning' ? c('yellow', 'warning') : c('blue', 'info');
      const sevWidth = d.severity.length;
      const mark = d.suppressed ? c('dim', ' (suppressed)') : '';
      return { pos, sev, sevWidth, msg: printable(d.message + constructSuffix(d)) + mark, rule: d.rule };
    });
    const posW = Math.max(0, ...rows.map((x) => x.pos.length));
    const sevW = Math.max(0, ...rows.map((x) => x.sevWidth));
    for (const x of rows) {
      out.push(`  ${c('dim', x.pos.padEnd(posW))}  ${x.sev}${' '.repeat(sevW - x.sevWidth)}  ${x.msg}  ${c('dim', x.rule)}`);
    }
    out.push('');
  }
  const total = summary.errors + summary.warnings + summary.infos;
  if (total > 0) {
    const line = `✖ ${total} problem${total === 1 ? '' : 's'} (${summary.errors} error${summary.errors === 1 ? '' : 's'}, ${summary.warnings} warning${summary.warnings === 1 ? '' : 's'}, ${summary.infos} info)`;
    out.push(c(summary.errors ? 'red' : 'yellow', c('bold', line)));
    // What --fix will apply: a finding's first safe fix (an unsafe one is only offered in the editor).
    const fixable = fixableByFix(reports);
    if (fixable) out.push(c('dim', `  ${fixable} of them can be fixed with --fix.`));
  } else if (errors.length) {
    out.push(
      c(
        'red',
        `${summary.templates} template${summary.templates === 1 ? '' : 's'} checked in ${summary.files} file${summary.files === 1 ? '' : 's'}; ${errors.length} path${errors.length === 1 ? '' : 's'} could not be read.`,
      ),
    );
  } else {
    out.push(
      c(
        'dim',
        `${summary.templates} template${summary.templates === 1 ? '' : 's'} checked in ${summary.files} file${summary.files === 1 ? '' : 's'}: no problems.`,
      ),
    );
  }
  return out.join('\n') + '\n';
}

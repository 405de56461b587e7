import type { FileReport } from './report';

const LEVEL = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** Escapes for workflow command properties and data (GitHub Actions toolkit rules). */
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `--format github`: one workflow annotation per finding. */
export function formatGithub(reports: FileReport[], errors: readonly { path: string; error: string }[] = []): string {
  const lines: string[] = errors.map((u) => `::error file=${escapeProperty(u.path)}::${escapeData(u.error)}`);
  for (const r of reports) {
    if (r.readError) lines.push(`::error file=${escapeProperty(r.relPath)}::${escapeData(r.readError)}`);
    for (const d of r.diagnostics) {
      if (d.suppressed) continue;
      const s = d.range.start;
      const e = d.range.end;
      const props = [
        `file=${escapeProperty(r.relPath)}`,
        `line=${s.line + 1}`,
        `col=${s.character + 1}`,
        `endLine=${e.line + 1}`,
        `endColumn=${e.character + 1}`,
        `title=${escapeProperty(d.rule)}`,
      ].join(',');
      lines.push(`::${LEVEL[d.severity]} ${props}::${escapeData(d.message)}`);
    }
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}

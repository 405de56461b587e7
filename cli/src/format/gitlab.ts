import { createHash } from 'crypto';
import type { FileReport } from './report';

const SEVERITY = { error: 'major', warning: 'minor', info: 'info' } as const;

/**
 * `--format gitlab`: a GitLab Code Quality report (`artifacts: reports: codequality:`), the
 * Code Climate subset GitLab reads. The fingerprint names the file, the rule and the template
 * path, not the line, so a finding keeps its identity when lines move; two findings of one
 * rule at one path (per environment, per nested stack) are told apart by their message.
 */
export function formatGitlab(reports: FileReport[]): string {
  const issues = [];
  const used = new Set<string>();
  for (const r of reports) {
    for (const d of r.diagnostics) {
      if (d.suppressed) continue;
      let fingerprint = hash(`${r.relPath}\u0000${d.rule}\u0000${d.path.join('/')}`);
      if (used.has(fingerprint)) fingerprint = hash(`${r.relPath}\u0000${d.rule}\u0000${d.path.join('/')}\u0000${d.message}`);
      for (let n = 2; used.has(fingerprint); n++) fingerprint = hash(`${fingerprint}\u0000${n}`);
      used.add(fingerprint);
      issues.push({
        type: 'issue',
        description: d.message,
        check_name: d.rule,
        fingerprint,
        severity: SEVERITY[d.severity],
        categories: ['Security'],
        location: {
          path: r.relPath,
          lines: { begin: d.range.start.line + 1, end: d.range.end.line + 1 },
        },
      });
    }
  }
  return JSON.stringify(issues, null, 2) + '\n';
}

function hash(s: string): string {
  return createHash('sha256').update(s).digest('hex').slice(0, 32);
}

import type { FileReport, Summary } from './report';

/** `--format json`: the contract of interfaces.md ("JSON output"). */
export function formatJson(reports: FileReport[], summary: Summary, errors: readonly { path: string; error: string }[] = []): string {
  const files = reports.map((r) => ({
    path: r.relPath,
    template: r.template,
    ...(r.skipped ? { skipped: r.skipped } : {}),
    ...(r.readError ? { error: r.readError } : {}),
    diagnostics: r.diagnostics.map((d) => ({
      rule: d.rule,
      severity: d.severity,
      message: d.message,
      resource: d.resource,
      path: d.path,
      range: d.range,
      fixable: d.fixable,
      suppressed: d.suppressed,
      ...(d.related.length ? { related: d.related.map((x) => ({ message: x.message, path: x.path, range: x.range })) } : {}),
    })),
  }));
  // `errors`: paths that could not be read (folders, ignore files, arguments); only when there are some.
  return JSON.stringify({ version: 1, files, ...(errors.length ? { errors } : {}), summary }, null, 2) + '\n';
}

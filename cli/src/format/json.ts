import { jsonSafe } from './printable';
import type { FileReport, RunError, Summary } from './report';

/**
 * `--format json`: the contract described in README "CLI", including `errors`: every problem of
 * the run that makes the exit status 2 (also printed on stderr), so that a run that fails still
 * prints a JSON document.
 */
export function formatJson(reports: FileReport[], summary: Summary, errors: readonly RunError[] = []): string {
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
      ...(d.environments ? { environments: d.environments } : {}),
      ...(d.construct ? { construct: d.construct } : {}),
      ...(d.related.length
        ? { related: d.related.map((x) => ({ message: x.message, ...(x.file !== undefined ? { file: x.file } : {}), path: x.path, range: x.range })) }
        : {}),
    })),
  }));
  return jsonSafe(JSON.stringify({ version: 1, files, summary, errors }, null, 2)) + '\n';
}

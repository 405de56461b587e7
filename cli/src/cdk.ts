import type { CdkStack } from '../../rules/src/node/cdk-assembly';
import type { FileReport } from './format/report';

/**
 * Findings in a cloud assembly's templates name the construct of their resource and, when the
 * assembly recorded it, the line of the app that created it (`relPath` names that file as the
 * report names files). Every output format shows them (docs/template-sources.md, "CDK"). They
 * offer no fix: the next `cdk synth` rewrites the template, so the change belongs in the app.
 */
export function attachConstructs(reports: readonly FileReport[], stacks: ReadonlyMap<string, CdkStack>, relPath: (file: string) => string): void {
  if (!stacks.size) return;
  for (const report of reports) {
    const stack = stacks.get(report.file);
    if (!stack) continue;
    for (const d of report.diagnostics) {
      // `--fix` leaves the assembly alone (the next synth rewrites it): nothing here is fixable.
      d.fixable = false;
      d.fixes = [];
      const construct = d.resource ? stack.constructs.get(d.resource) : undefined;
      if (!construct) continue;
      const { source } = construct;
      d.construct = { path: construct.path, ...(source ? { source: { file: relPath(source.file), line: source.line, column: source.column } } : {}) };
    }
  }
}

/** ` (construct Web/HttpsListener/Resource, lib/web.ts:21:5)` for plain-text formats. */
export function constructSuffix(d: { construct?: FileReport['diagnostics'][number]['construct'] }): string {
  const c = d.construct;
  if (!c) return '';
  return ` (construct ${c.path}${c.source ? `, ${c.source.file}:${c.source.line}:${c.source.column}` : ''})`;
}

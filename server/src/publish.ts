import type { Diagnostic } from './lsp';
import type { Diagnostic as EngineDiagnostic } from '../../rules/src/index';
import { toLspDiagnostic } from './convert';
import { lintFailedDiagnostic } from './notices';
import { customizedSeverity, type SeverityCustomization } from './severity-customizations';

/**
 * A lint's diagnostics for the client, at the severities the editor's customizations give them;
 * a lint that failed says so instead (notices.ts).
 */
export function lspDiagnostics(
  result: { diagnostics: readonly EngineDiagnostic[]; failed?: string },
  uri: string,
  customizations: readonly SeverityCustomization[] = [],
): Diagnostic[] {
  if (result.failed !== undefined) return [lintFailedDiagnostic(result.failed)];
  const out: Diagnostic[] = [];
  for (const d of result.diagnostics) {
    if (d.suppressed) continue;
    const severity = customizations.length ? customizedSeverity(d.rule, d.severity, customizations) : d.severity;
    if (severity !== 'off') out.push(toLspDiagnostic(severity === d.severity ? d : { ...d, severity }, uri));
  }
  return out;
}

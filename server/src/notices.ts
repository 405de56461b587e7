import { Diagnostic, DiagnosticSeverity } from './lsp';
import { SOURCE } from './convert';
import { looksBinary, mayBeTemplate } from '../../rules/src/index';

/**
 * Diagnostics the server makes about a document as a whole, not findings of a rule: without
 * them an empty Problems panel would pass for a clean file. Their codes are no rule ids, so
 * they get no quick fixes.
 */
export const NOT_LINTED_CODE = 'not-linted';
export const LINT_FAILED_CODE = 'internal-error';

const TOP_OF_FILE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** The lint failed outside any rule, twice (the worker threw, died, or its result could not be posted back). */
export function lintFailedDiagnostic(reason: string): Diagnostic {
  return {
    range: TOP_OF_FILE,
    severity: DiagnosticSeverity.Warning,
    source: SOURCE,
    code: LINT_FAILED_CODE,
    message: `cfn-tls-lint could not lint this file: ${reason}. Its findings are missing, not absent; the cfn-tls-lint output (in VS Code: "CloudFormation TLS Lint: Show Output") has the details.`,
  };
}

/**
 * An open document the engine refused (`skipped`: too large, binary). A large file that shows
 * no template word at all is data (a lock file, a dataset): it gets nothing, as any file that is
 * not a template. Binary content opened as YAML or JSON is always said, being a surprise.
 */
export function notLintedDiagnostic(skipped: string, text: string): Diagnostic | undefined {
  if (!looksBinary(text) && !mayBeTemplate(text)) return undefined;
  return {
    range: TOP_OF_FILE,
    severity: DiagnosticSeverity.Information,
    source: SOURCE,
    code: NOT_LINTED_CODE,
    message: `cfn-tls-lint did not lint this file: ${skipped}.`,
  };
}

/**
 * IAM actions of the certificate lifecycle that `iam-certificate-admin-wildcard` guards
 * (docs/rules/iam-certificate-admin-wildcard.md: restrict who can delete, import, export, issue
 * and revoke certificates).
 */
import { compileRe2, SafeRegex } from '../util/safe-regex';

/** The lifecycle actions; an Action pattern that matches one of them (`acm:*`, `*`, `acm:Delete*`) counts. */
export const CERTIFICATE_LIFECYCLE_ACTIONS: readonly string[] = Object.freeze([
  'acm:DeleteCertificate',
  'acm:ImportCertificate',
  'acm:ExportCertificate',
  'acm-pca:IssueCertificate',
  'acm-pca:RevokeCertificate',
]);

/** What each lifecycle action lets a principal do, for messages. */
export const LIFECYCLE_ACTION_EFFECTS: Readonly<Record<string, string>> = Object.freeze({
  'acm:DeleteCertificate': 'delete any ACM certificate',
  'acm:ImportCertificate': 'import a certificate, or re-import over any existing one',
  'acm:ExportCertificate': 'export any exportable certificate with its private key',
  'acm-pca:IssueCertificate': 'issue certificates from any private CA',
  'acm-pca:RevokeCertificate': 'revoke any certificate of any private CA',
});

/**
 * IAM action pattern -> a linear-time matcher (util/safe-regex.ts: the pattern comes from a
 * template). IAM matches actions case-insensitively, with `*` (any run of characters) and `?`
 * (one character) as wildcards. Undefined when the pattern is too large to compile.
 */
export function actionPattern(pattern: string): SafeRegex | undefined {
  const body = collapseWildcards(pattern)
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  const compiled = compileRe2(`^${body}$`, true);
  return compiled.ok ? compiled.regex : undefined;
}

/**
 * The same pattern with each run of wildcards as its `?`s then one `*` (`*?*?` is `??*`): as a
 * regular expression, `.*.*.*…X` backtracks exponentially (14 stars took over 20 s).
 */
function collapseWildcards(pattern: string): string {
  return pattern.replace(/[*?]+/g, (run) => '?'.repeat(run.replace(/\*/g, '').length) + (run.includes('*') ? '*' : ''));
}

/** Longer patterns (wildcards collapsed) cannot match any lifecycle action. */
const LONGEST_MATCHING_PATTERN = 2 * Math.max(...CERTIFICATE_LIFECYCLE_ACTIONS.map((a) => a.length)) + 1;

/** Answers per pattern: templates repeat the same actions, and compiling one costs more than linting a small template. */
const MATCHES = new Map<string, readonly string[]>();
const MAX_REMEMBERED = 4096;

/** Lifecycle actions an IAM action pattern allows (empty when none). */
export function lifecycleActionsMatching(pattern: string): string[] {
  const p = collapseWildcards(pattern.trim());
  // Each character matches at least one of the action's or is a `*` between them; beyond that
  // length nothing matches, and a huge pattern must not reach the regular-expression compiler.
  if (p.length > LONGEST_MATCHING_PATTERN) return [];
  // Without a wildcard, IAM compares the names case-insensitively: no expression needed.
  if (!/[*?]/.test(p)) return CERTIFICATE_LIFECYCLE_ACTIONS.filter((a) => a.toLowerCase() === p.toLowerCase());
  let found = MATCHES.get(p);
  if (!found) {
    const re = actionPattern(p);
    found = re ? CERTIFICATE_LIFECYCLE_ACTIONS.filter((a) => re.test(a)) : [];
    if (MATCHES.size >= MAX_REMEMBERED) MATCHES.clear();
    MATCHES.set(p, found);
  }
  return [...found];
}

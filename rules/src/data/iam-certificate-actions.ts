/**
 * IAM actions of the certificate lifecycle that `iam-certificate-admin-wildcard` guards
 * (docs/rules/iam-certificate-admin-wildcard.md: restrict who can delete, import, export, issue
 * and revoke certificates).
 */

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
 * Whether an IAM action pattern matches an action: case-insensitive, `*` any run of characters,
 * `?` one character. Greedy with one backtrack point (the last `*`): O(pattern × action) at worst,
 * and both are short here (the caller caps the pattern), so no regular expression is needed.
 */
export function actionMatches(pattern: string, action: string): boolean {
  const p = pattern.toLowerCase();
  const a = action.toLowerCase();
  let i = 0;
  let j = 0;
  let star = -1;
  let resume = 0;
  while (j < a.length) {
    if (i < p.length && (p[i] === '?' || p[i] === a[j])) {
      i++;
      j++;
    } else if (i < p.length && p[i] === '*') {
      star = i++;
      resume = j;
    } else if (star >= 0) {
      i = star + 1;
      j = ++resume;
    } else {
      return false;
    }
  }
  while (i < p.length && p[i] === '*') i++;
  return i === p.length;
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

/** Answers per pattern: templates repeat the same actions. */
const MATCHES = new Map<string, readonly string[]>();
const MAX_REMEMBERED = 4096;

/** Lifecycle actions an IAM action pattern allows (empty when none). */
export function lifecycleActionsMatching(pattern: string): string[] {
  const p = collapseWildcards(pattern.trim());
  // Each character matches at least one of the action's or is a `*` between them; beyond that
  // length nothing matches, and a huge pattern must not reach the regular-expression compiler.
  if (p.length > LONGEST_MATCHING_PATTERN) return [];
  let found = MATCHES.get(p);
  if (!found) {
    found = CERTIFICATE_LIFECYCLE_ACTIONS.filter((a) => actionMatches(p, a));
    if (MATCHES.size >= MAX_REMEMBERED) MATCHES.clear();
    MATCHES.set(p, found);
  }
  return [...found];
}

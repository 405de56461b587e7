/**
 * IAM actions of the certificate lifecycle that `iam-certificate-admin-wildcard` guards
 * (rules.md "ACM Private CA and IAM"; seed S15: restrict who can delete, import, export,
 * issue and revoke certificates).
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
 * IAM action pattern -> regular expression. IAM matches actions case-insensitively, with `*`
 * (any run of characters) and `?` (one character) as wildcards.
 */
export function actionPattern(pattern: string): RegExp {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 'i');
}

/** Lifecycle actions an IAM action pattern allows (empty when none). */
export function lifecycleActionsMatching(pattern: string): string[] {
  const re = actionPattern(pattern.trim());
  return CERTIFICATE_LIFECYCLE_ACTIONS.filter((a) => re.test(a));
}

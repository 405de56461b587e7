/**
 * Certificate ARN formats and tiny parsers. Source: docs/sources.md §10 (formats), §11 (regions).
 */

/**
 * CloudFront, edge-optimized API Gateway, AppSync (and Cognito / Amplify custom domains, unverified)
 * take ACM certificates from us-east-1 only (docs/sources.md §11).
 */
export const GLOBAL_CERTIFICATE_REGION = 'us-east-1';

/**
 * ACM certificate ARN, anchored: `arn:<partition>:acm:<region>:<12-digit account>:certificate/<id>`.
 * Partition/region as cfn-lint E1159 (`aws[a-zA-Z-]*`, `[a-z0-9-]+`); the id as the guard registry
 * regex (`[\w-]{1,64}`, a UUID in practice), which is stricter than cfn-lint's `.+` so that stray
 * whitespace, a second path segment or a trailing `:` are rejected.
 */
export const ACM_CERTIFICATE_ARN_RE = /^arn:(aws[a-zA-Z-]*):acm:([a-z0-9-]+):(\d{12}):certificate\/([A-Za-z0-9_-]{1,64})$/;

/**
 * IAM server certificate ARN, anchored: `arn:<partition>:iam::<account>:server-certificate/<path><name>`
 * (no region; path optional, e.g. `cloudfront/test/`; name `[\w+=,.@-]{1,128}`; docs/sources.md §10).
 */
export const IAM_SERVER_CERTIFICATE_ARN_RE = /^arn:(aws[a-zA-Z-]*):iam::(\d{12}):server-certificate\/((?:[\x21-\x7e]+\/)?)([\w+=,.@-]{1,128})$/;

/** ACM Private CA ARN, anchored: `arn:<partition>:acm-pca:<region>:<account>:certificate-authority/<uuid>` (docs/sources.md §10). */
export const ACM_PCA_ARN_RE = /^arn:(aws[a-zA-Z-]*):acm-pca:([a-z0-9-]+):(\d{12}):certificate-authority\/([A-Za-z0-9-]{1,64})$/;

/** Any ARN shape: `arn:partition:service:region:account:resource` (region/account may be empty). */
export const ARN_RE = /^arn:[A-Za-z0-9-]+:[A-Za-z0-9-]+:[A-Za-z0-9-]*:[A-Za-z0-9-]*:\S+$/;

export interface AcmCertificateArn {
  partition: string;
  region: string;
  account: string;
  id: string;
}

/** Parse an ACM certificate ARN, or undefined when `s` is not one. */
export function parseAcmCertificateArn(s: string): AcmCertificateArn | undefined {
  if (typeof s !== 'string') return undefined;
  const m = ACM_CERTIFICATE_ARN_RE.exec(s);
  if (!m) return undefined;
  return { partition: m[1]!, region: m[2]!, account: m[3]!, id: m[4]! };
}

export interface IamServerCertificateArn {
  partition: string;
  account: string;
  /** `/` when no path, else `/<path>/`, as IAM's `Path` property writes it. */
  path: string;
  name: string;
}

/** Parse an IAM server-certificate ARN, or undefined. */
export function parseIamServerCertificateArn(s: string): IamServerCertificateArn | undefined {
  if (typeof s !== 'string') return undefined;
  const m = IAM_SERVER_CERTIFICATE_ARN_RE.exec(s);
  if (!m) return undefined;
  return { partition: m[1]!, account: m[2]!, path: `/${m[3]!}`, name: m[4]! };
}

export function isAcmCertificateArn(s: string): boolean {
  return typeof s === 'string' && ACM_CERTIFICATE_ARN_RE.test(s);
}

export function isIamServerCertificateArn(s: string): boolean {
  return typeof s === 'string' && IAM_SERVER_CERTIFICATE_ARN_RE.test(s);
}

export function isAcmPcaArn(s: string): boolean {
  return typeof s === 'string' && ACM_PCA_ARN_RE.test(s);
}

/** True when `s` has the general ARN shape (any service). */
export function looksLikeArn(s: string): boolean {
  return typeof s === 'string' && ARN_RE.test(s);
}

/**
 * Shapes of a value that stands for "the certificate ARN goes here" rather than being one, as
 * published templates write it in a parameter `Default`: `<your-cert-arn>`, `changeme`,
 * `certificatearn-domainname`, `arn:aws:acm:REGION:ACCOUNT:certificate/ID`. Only consulted for
 * values that are already not a valid ARN of the kind the property takes.
 */
export const CERTIFICATE_ARN_PLACEHOLDERS: readonly RegExp[] = Object.freeze([
  /<[^<>]*>/, // <your-cert-arn>, arn:aws:acm:<region>:…
  /\{\{(?!resolve:)[^{}]*\}\}|\$\{[^{}]*\}/, // {{CertificateArn}}, ${CertificateArn}: a template engine's slot left in
  /\b(?:change|replace|fill|update|set)[-_ ]?(?:me|this|it)\b/i, // changeme, replace-me, fill_this
  /\b(?:placeholder|todo|tbd|fixme|dummy|none|null|xxx+)\b/i,
  /\byour[-_ ]/i, // your-certificate-arn
  /cert(?:ificate)?[-_ ]?arn/i, // certificatearn-domainname, CertificateArn, cert-arn
  /:(?:aws[-_]?)?(?:region|account(?:[-_]?id)?)(?=:)/i, // arn:aws:acm:REGION:ACCOUNT:… (slots left as their names)
  /certificate\/(?:id|cert(?:ificate)?[-_]?id|uuid)$/i, // …:certificate/ID
]);

/** Whether a value reads as a placeholder for a certificate ARN (CERTIFICATE_ARN_PLACEHOLDERS). */
export function isCertificateArnPlaceholder(s: string): boolean {
  return CERTIFICATE_ARN_PLACEHOLDERS.some((re) => re.test(s));
}

/**
 * CloudFront viewer-side facts used by the cloudfront rules, beyond `cloudfront.ts`.
 */
import type { TlsFloor } from './tls';

/**
 * Security policy CloudFront applies when a custom certificate is given without
 * `MinimumProtocolVersion`: TLSv1 with `sni-only` (AWS CDK `ViewerCertificateOptions.securityPolicy`
 * doc "TLSv1 if sslMethod SNI"; such stacks deploy, e.g. Rabadash8820/DotKEGG#52).
 */
export const CLOUDFRONT_OMITTED_MIN_PROTOCOL = 'TLSv1';

/**
 * What `MinimumProtocolVersion` fixes write for a required floor (option `minimumTls`), newest
 * broadly compatible policy first. TLSv1.2_2021 is the fix value of docs/rules/cloudfront-tls-version.md.
 */
export const CLOUDFRONT_MIN_PROTOCOL_FOR_FLOOR: Readonly<Partial<Record<TlsFloor, string>>> = Object.freeze({
  SSLv3: 'TLSv1.2_2021',
  '1.0': 'TLSv1.2_2021',
  '1.1': 'TLSv1.2_2021',
  '1.2': 'TLSv1.2_2021',
  '1.3': 'TLSv1.3_2025',
});

/** Why each non-SNI `SslSupportMethod` is a finding (docs/sources.md §4a, CloudFront API reference). */
export const SSL_SUPPORT_METHOD_PROBLEMS: Readonly<Record<string, string>> = Object.freeze({
  vip: 'serves HTTPS from dedicated IP addresses at every edge location, which CloudFront bills monthly (AWS: "not recommended") and only helps clients without SNI',
  'static-ip': 'is a legacy option that AWS says not to use unless the CloudFront team enabled it for the distribution',
});

/** The default certificate's name pattern, for messages. */
export const CLOUDFRONT_DEFAULT_CERTIFICATE_NAME = '*.cloudfront.net';

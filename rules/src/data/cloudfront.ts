/**
 * CloudFront (`AWS::CloudFront::Distribution`) TLS value sets. Source: docs/sources.md §4a, §4b, §6.
 */
import type { TlsFloor } from './tls';

/**
 * `ViewerCertificate.MinimumProtocolVersion` value -> lowest viewer protocol accepted (docs/sources.md §4a,
 * enum from the cfn-lint smithy patch). Applies only with a custom certificate: with
 * `CloudFrontDefaultCertificate: true` CloudFront uses TLSv1 whatever is set (§4a).
 */
export const MINIMUM_PROTOCOL_VERSIONS: Readonly<Record<string, TlsFloor>> = Object.freeze({
  SSLv3: 'SSLv3',
  TLSv1: '1.0',
  TLSv1_2016: '1.0',
  'TLSv1.1_2016': '1.1',
  'TLSv1.2_2018': '1.2',
  'TLSv1.2_2019': '1.2',
  'TLSv1.2_2021': '1.2',
  'TLSv1.2_2025': '1.2',
  'TLSv1.3_2025': '1.3',
});

/** Floor of a `MinimumProtocolVersion` value, or undefined for an unknown value. */
export function minimumProtocolFloor(value: string): TlsFloor | undefined {
  return Object.prototype.hasOwnProperty.call(MINIMUM_PROTOCOL_VERSIONS, value) ? MINIMUM_PROTOCOL_VERSIONS[value] : undefined;
}

/** What fixes insert (docs/rules/cloudfront-tls-version.md, docs/rules/cloudfront-viewer-certificate-incomplete.md). */
export const CLOUDFRONT_RECOMMENDED_MIN_PROTOCOL = 'TLSv1.2_2021';

/** Policy CloudFront applies with its default `*.cloudfront.net` certificate (docs/sources.md §4a). */
export const CLOUDFRONT_DEFAULT_CERTIFICATE_MIN_PROTOCOL = 'TLSv1';

/** `ViewerProtocolPolicy` values (docs/sources.md §4b) -> whether plain HTTP is served. */
export const VIEWER_PROTOCOL_POLICIES: Readonly<Record<string, { allowsHttp: boolean }>> = Object.freeze({
  'allow-all': { allowsHttp: true },
  'https-only': { allowsHttp: false },
  'redirect-to-https': { allowsHttp: false },
});

/** What fixes insert for `cloudfront-viewer-http`. */
export const CLOUDFRONT_RECOMMENDED_VIEWER_PROTOCOL_POLICY = 'redirect-to-https';

/**
 * `CustomOriginConfig.OriginProtocolPolicy` values (docs/sources.md §4b). `match-viewer` is plain HTTP to
 * the origin whenever the viewer used HTTP (Security Hub CloudFront.9 semantics).
 */
export const ORIGIN_PROTOCOL_POLICIES: Readonly<Record<string, { http: 'always' | 'when-viewer-http' | 'never' }>> = Object.freeze({
  'http-only': { http: 'always' },
  'match-viewer': { http: 'when-viewer-http' },
  'https-only': { http: 'never' },
});

/** What fixes insert for `cloudfront-origin-http`. */
export const CLOUDFRONT_RECOMMENDED_ORIGIN_PROTOCOL_POLICY = 'https-only';

/**
 * `CustomOriginConfig.OriginSSLProtocols` entries -> protocol they enable (docs/sources.md §4b). The list
 * names every allowed protocol (not a minimum), so its floor is its weakest entry.
 */
export const ORIGIN_SSL_PROTOCOLS: Readonly<Record<string, TlsFloor>> = Object.freeze({
  SSLv3: 'SSLv3',
  TLSv1: '1.0',
  'TLSv1.1': '1.1',
  'TLSv1.2': '1.2',
});

/** Floor of one `OriginSSLProtocols` entry, or undefined for an unknown value. */
export function originSslProtocolFloor(value: string): TlsFloor | undefined {
  return Object.prototype.hasOwnProperty.call(ORIGIN_SSL_PROTOCOLS, value) ? ORIGIN_SSL_PROTOCOLS[value] : undefined;
}

/** What fixes insert for `cloudfront-origin-tls-version`. */
export const CLOUDFRONT_RECOMMENDED_ORIGIN_SSL_PROTOCOLS: readonly string[] = Object.freeze(['TLSv1.2']);

export const CLOUDFRONT_RECOMMENDED_SSL_SUPPORT_METHOD = 'sni-only';

/**
 * ACM `KeyAlgorithm` values CloudFront can serve: "1024-bit RSA, 2048-bit RSA, 3072-bit RSA,
 * 4096-bit RSA, and Elliptic Prime Curve 256-bit keys" (docs/sources.md §4a, §6). Not EC_secp384r1/521r1.
 */
export const CLOUDFRONT_KEY_ALGORITHMS_SUPPORTED: readonly string[] = Object.freeze(['RSA_1024', 'RSA_2048', 'RSA_3072', 'RSA_4096', 'EC_prime256v1']);

/**
 * S3 website endpoints speak HTTP only (docs/rules/cloudfront-origin-http.md: `*.s3-website*.amazonaws.com`),
 * both `bucket.s3-website-us-east-1.amazonaws.com` and `bucket.s3-website.eu-west-2.amazonaws.com`
 * (and `.amazonaws.com.cn`).
 */
export function isS3WebsiteEndpoint(domainName: string): boolean {
  return /\.s3-website[-.][a-z0-9.-]*\.amazonaws\.com(?:\.cn)?\.?$/i.test(domainName);
}

/**
 * Key facts for the certificate-consumer rules: which ACM key algorithms a consumer can use, and
 * what PEM private-key material looks like.
 */

/**
 * CloudFront: "CloudFront only supports 1024-bit RSA, 2048-bit RSA, 3072-bit RSA, 4096-bit RSA, and
 * Elliptic Prime Curve 256-bit keys" (AWS doc "Prerequisites for importing ACM certificates";
 * docs/sources.md §4a, §6). Edge-optimized API Gateway domains are served by CloudFront and "the
 * requirements and constraints of the certificate are specified by CloudFront" (API Gateway
 * developer guide, "Get certificates ready in AWS Certificate Manager").
 */
export const CLOUDFRONT_KEY_ALGORITHMS: readonly string[] = Object.freeze(['RSA_1024', 'RSA_2048', 'RSA_3072', 'RSA_4096', 'EC_prime256v1']);

/**
 * VPC Lattice: "VPC Lattice only supports certificates with 2048-bit RSA keys" (VPC Lattice user
 * guide, "Bring Your Own Certificate (BYOC) for VPC Lattice", limitations).
 */
export const VPC_LATTICE_KEY_ALGORITHMS: readonly string[] = Object.freeze(['RSA_2048']);

/**
 * PEM armour of private keys (PKCS#1 `RSA`, SEC1 `EC`, `DSA`, PKCS#8 plain and `ENCRYPTED`,
 * `OPENSSH`, PGP `PRIVATE KEY BLOCK`). The label is captured; the body never is.
 */
export const PEM_PRIVATE_KEY_HEADER = /-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY(?: BLOCK)?-----/;

/**
 * Key material after the header: base64 (optionally after RFC 1421 headers such as `Proc-Type:`),
 * at least this many characters, so that prose naming the header is not a finding.
 */
export const PEM_MIN_BODY_CHARS = 16;

/** Dynamic references that keep a secret out of the template. */
export const SECRET_DYNAMIC_REFERENCE = /\{\{resolve:(?:secretsmanager|ssm-secure):/;

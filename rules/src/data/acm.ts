/**
 * ACM (`AWS::CertificateManager::Certificate`) and ACM Private CA (`AWS::ACMPCA::*`) value sets.
 * Source: docs/sources.md §6 (ACM) and §7 (Private CA).
 */

/** ACM `KeyAlgorithm` API enum (docs/sources.md §6). */
export const ACM_KEY_ALGORITHMS: readonly string[] = Object.freeze([
  'RSA_1024',
  'RSA_2048',
  'RSA_3072',
  'RSA_4096',
  'EC_prime256v1',
  'EC_secp384r1',
  'EC_secp521r1',
]);

/** Algorithms ACM issues on request; the others are for imported certificates only (docs/sources.md §6). */
export const ACM_REQUESTABLE_KEY_ALGORITHMS: readonly string[] = Object.freeze(['RSA_2048', 'EC_prime256v1', 'EC_secp384r1']);

/** Default `KeyAlgorithm` of a requested certificate (docs/sources.md §6). */
export const ACM_DEFAULT_KEY_ALGORITHM = 'RSA_2048';

/** Below ACM.2's 2048-bit RSA minimum: keys too weak to use (docs/sources.md §6, §12). */
export const ACM_WEAK_KEY_ALGORITHMS: readonly string[] = Object.freeze(['RSA_1024']);

export type AcmKeyFamily = 'RSA' | 'EC';

/** Family of an ACM key algorithm (`RSA_*` -> RSA, `EC_*` -> EC), undefined when unknown. */
export function keyAlgorithmFamily(alg: string): AcmKeyFamily | undefined {
  if (!ACM_KEY_ALGORITHMS.includes(alg)) return undefined;
  return alg.startsWith('RSA_') ? 'RSA' : 'EC';
}

/** Validation used when `ValidationMethod` is absent (docs/rules/acm-email-validation.md; unverified for raw CloudFormation, docs/sources.md §6). */
export const ACM_DEFAULT_VALIDATION_METHOD = 'EMAIL';

/** ACM's default quota of names per certificate (docs/sources.md §6; docs/rules/acm-too-many-domains.md). */
export const ACM_MAX_DOMAIN_NAMES = 10;

/** Max length of `DomainName` (docs/rules/acm-domain-invalid.md). */
export const ACM_DOMAIN_NAME_MAX_LENGTH = 64;

// ---------------------------------------------------------------------------------------------
// ACM Private CA (docs/sources.md §7)

/**
 * `SigningAlgorithm` values seen in the API reference excerpt (docs/sources.md §7). The excerpt is
 * truncated: ML-DSA signing values exist but their spelling is unverified, so they are not listed
 * here; `signingAlgorithmFamily` still recognises an `ML_DSA_*` value by pattern.
 */
export const PCA_SIGNING_ALGORITHMS: readonly string[] = Object.freeze([
  'SHA256WITHECDSA',
  'SHA384WITHECDSA',
  'SHA512WITHECDSA',
  'SHA256WITHRSA',
  'SHA384WITHRSA',
  'SHA512WITHRSA',
  'SM3WITHSM2',
]);

/** Algorithm families that must match between a CA's key and its signing algorithm (docs/sources.md §7). */
export type PcaAlgorithmFamily = 'RSA' | 'ECDSA' | 'SM2' | 'ML_DSA';

/** Family of a Private CA key algorithm: `RSA_*` -> RSA, `EC_*` -> ECDSA, `SM2`, `ML_DSA_*`. */
export function pcaKeyAlgorithmFamily(alg: string): PcaAlgorithmFamily | undefined {
  if (/^RSA_\d+$/.test(alg)) return 'RSA';
  if (/^EC_[A-Za-z0-9]+$/.test(alg)) return 'ECDSA';
  if (alg === 'SM2') return 'SM2';
  if (/^ML_DSA_\d+$/.test(alg)) return 'ML_DSA';
  return undefined;
}

/** Family of a Private CA signing algorithm: `*WITHRSA` -> RSA, `*WITHECDSA` -> ECDSA, `SM3WITHSM2` -> SM2, `ML_DSA_*` -> ML_DSA. */
export function signingAlgorithmFamily(alg: string): PcaAlgorithmFamily | undefined {
  if (/^SHA(?:256|384|512)WITHRSA$/.test(alg)) return 'RSA';
  if (/^SHA(?:256|384|512)WITHECDSA$/.test(alg)) return 'ECDSA';
  if (alg === 'SM3WITHSM2') return 'SM2';
  if (/^ML_DSA_\d+$/.test(alg)) return 'ML_DSA';
  return undefined;
}

/** The resource type of an ACM certificate. */
export const ACM_CERTIFICATE_TYPE = 'AWS::CertificateManager::Certificate';

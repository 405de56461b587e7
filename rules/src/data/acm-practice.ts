/**
 * ACM certificate practice values used by the acm rules and their fixes (docs/rules/acm-*.md,
 * docs/sources.md §6). The AWS value sets themselves live in `acm.ts`.
 */

/**
 * ACM's `DomainNameString` pattern (acm-2015-12-08 model; the CloudFormation schema of
 * `DomainName` repeats it): ASCII only, labels of 1-63 characters that neither start nor end
 * with a hyphen, an optional whole-label `*.` prefix, a last label of at least 2 characters.
 * It applies to `DomainName`, every `SubjectAlternativeNames` entry and
 * `DomainValidationOptions[*].DomainName`.
 */
export const ACM_DOMAIN_NAME_PATTERN = /^(\*\.)?(((?!-)[A-Za-z0-9-]{0,62}[A-Za-z0-9])\.)+((?!-)[A-Za-z0-9-]{1,62}[A-Za-z0-9])$/;

/** Longest name (DNS limit, and the ACM `DomainNameString` length maximum). */
export const ACM_NAME_MAX_LENGTH = 253;

/** Longest DNS label. */
export const DNS_LABEL_MAX_LENGTH = 63;

/** Tag keys `acm-missing-tags` inserts when no `requiredTags` are configured: who owns it, which team, which application. */
export const ACM_DEFAULT_TAG_KEYS: readonly string[] = Object.freeze(['Owner', 'Team', 'Application']);

/** Validation method the `acm-email-validation` fix sets. */
export const ACM_RECOMMENDED_VALIDATION_METHOD = 'DNS';

/** `CertificateTransparencyLoggingPreference` value the fix sets. */
export const ACM_TRANSPARENCY_ENABLED = 'ENABLED';
export const ACM_TRANSPARENCY_DISABLED = 'DISABLED';

/**
 * Replacement for a `KeyAlgorithm` ACM cannot issue on request, by family: RSA -> RSA_2048
 * (docs/rules/acm-key-algorithm.md); EC -> EC_secp384r1, the strongest requestable curve, so that a
 * certificate from an ECDSA private CA keeps the CA's algorithm family (docs/sources.md §6: the
 * families must match).
 */
export const ACM_KEY_ALGORITHM_REPLACEMENT: Readonly<Record<'RSA' | 'EC', string>> = Object.freeze({
  RSA: 'RSA_2048',
  EC: 'EC_secp384r1',
});

/** Parameter the `acm-dns-validation-manual` fix references (and adds when missing). */
export const HOSTED_ZONE_PARAMETER = 'HostedZoneId';
export const HOSTED_ZONE_PARAMETER_TYPE = 'AWS::Route53::HostedZone::Id';

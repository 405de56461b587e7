/**
 * Classic Load Balancer (`AWS::ElasticLoadBalancing::LoadBalancer`) SSL negotiation data.
 * Source: docs/sources.md §2; weak-cipher rule: docs/rules/elb-ssl-policy.md.
 */
import type { TlsFloor } from './tls';

export interface ClassicPolicy {
  name: string;
  /** Lowest protocol the predefined policy enables. */
  minTls: TlsFloor;
  /** Protocol set read from the AWS CLB table (docs/sources.md §2). false = assumed. */
  verified: boolean;
  /** In the current predefined table (docs/sources.md §2). */
  current: boolean;
  note?: string;
}

/**
 * Predefined classic policies. The current three (docs/sources.md §2, protocols matching the identically
 * named ELBv2 policies of §1a) are verified; the older names come from checkov CKV_AWS_213 /
 * CKV2_AWS_74 deny-lists (docs/sources.md §2) and are recorded as TLS 1.0+, unverified.
 * (Some of the oldest, 2014-01 and earlier, may also have enabled SSLv3: not verified. Either way
 * their floor is below TLS 1.2, which is all `elb-ssl-policy` asks.)
 */
export const CLASSIC_POLICIES: readonly ClassicPolicy[] = Object.freeze(
  (
    [
      { name: 'ELBSecurityPolicy-TLS-1-2-2017-01', minTls: '1.2', verified: true, current: true },
      { name: 'ELBSecurityPolicy-TLS-1-1-2017-01', minTls: '1.1', verified: true, current: true },
      { name: 'ELBSecurityPolicy-2016-08', minTls: '1.0', verified: true, current: true, note: 'default when a listener has no SSL policy' },
      { name: 'ELBSecurityPolicy-2015-05', minTls: '1.0', verified: false, current: false },
      { name: 'ELBSecurityPolicy-2015-03', minTls: '1.0', verified: false, current: false },
      { name: 'ELBSecurityPolicy-2015-02', minTls: '1.0', verified: false, current: false },
      { name: 'ELBSecurityPolicy-TLS-1-0-2015-04', minTls: '1.0', verified: false, current: false, note: 'from checkov CKV_AWS_213 deny-list' },
      { name: 'ELBSecurityPolicy-2014-10', minTls: '1.0', verified: false, current: false },
      { name: 'ELBSecurityPolicy-2014-01', minTls: '1.0', verified: false, current: false },
      { name: 'ELBSecurityPolicy-2011-08', minTls: '1.0', verified: false, current: false },
      { name: 'ELBSecurityPolicy-Default', minTls: '1.0', verified: false, current: false },
      { name: 'ELBSample-ELBDefaultCipherPolicy', minTls: '1.0', verified: false, current: false },
      { name: 'ELBSample-OpenSSLDefaultCipherPolicy', minTls: '1.0', verified: false, current: false },
    ] satisfies ClassicPolicy[]
  ).map((p) => Object.freeze(p)),
);

const BY_NAME: ReadonlyMap<string, ClassicPolicy> = new Map(CLASSIC_POLICIES.map((p) => [p.name, p] as const));

/** Exact, case-sensitive lookup. */
export function findClassicPolicy(name: string): ClassicPolicy | undefined {
  return BY_NAME.get(name);
}

/** Policy applied to an HTTPS/SSL listener without an SSL negotiation policy (docs/sources.md §2). */
export const CLASSIC_DEFAULT_POLICY = 'ELBSecurityPolicy-2016-08';

/** AWS's recommendation and Security Hub ELB.8's `predefinedPolicyName` (docs/sources.md §2). */
export const CLASSIC_RECOMMENDED_POLICY = 'ELBSecurityPolicy-TLS-1-2-2017-01';

/** `Policies[*].PolicyType` of an SSL negotiation policy (docs/sources.md §2). */
export const SSL_NEGOTIATION_POLICY_TYPE = 'SSLNegotiationPolicyType';

/** Attribute naming the predefined policy a custom policy is based on (docs/sources.md §2). */
export const REFERENCE_SECURITY_POLICY_ATTRIBUTE = 'Reference-Security-Policy';

/** Cipher-ordering attribute (docs/sources.md §2); not a cipher. */
export const SERVER_DEFINED_CIPHER_ORDER_ATTRIBUTE = 'Server-Defined-Cipher-Order';

/** Every protocol attribute and the protocol it enables (docs/sources.md §2). `Protocol-SSLv2` is below any TlsFloor. */
export const PROTOCOL_ATTRIBUTES: Readonly<Record<string, TlsFloor | 'SSLv2'>> = Object.freeze({
  'Protocol-SSLv2': 'SSLv2',
  'Protocol-SSLv3': 'SSLv3',
  'Protocol-TLSv1': '1.0',
  'Protocol-TLSv1.1': '1.1',
  'Protocol-TLSv1.2': '1.2',
});

/** Protocol attributes that, set to `true`, enable a protocol below TLS 1.2 (docs/rules/elb-ssl-policy.md; the same four as KICS, docs/sources.md §2). */
export const WEAK_PROTOCOL_ATTRIBUTES: readonly string[] = Object.freeze(['Protocol-SSLv2', 'Protocol-SSLv3', 'Protocol-TLSv1', 'Protocol-TLSv1.1']);

/**
 * Substrings that make a cipher weak, exactly as docs/rules/elb-ssl-policy.md lists them. Matching is
 * case-sensitive on purpose: OpenSSL writes these tokens in upper case (`RC4-SHA`, `DES-CBC3-SHA`,
 * `NULL-SHA`, `EXP-RC4-MD5`, `ADH-AES128-SHA`, `AECDH-AES128-SHA`) and the IANA spelling writes
 * `anon` in lower case (`TLS_DH_anon_WITH_…`), so a case-insensitive match would only add noise.
 *
 * `DES` also covers 3DES (`DES-CBC3-SHA`, IANA `3DES_EDE`) and `EXP` covers `EXP1024-…` and IANA
 * `…_EXPORT_…`. No non-weak OpenSSL or IANA suite name contains the upper-case sequences `DES`,
 * `EXP`, `NULL`, `ADH` or `AECDH` (`ECDHE`, `DHE`, `DSS` do not contain them), so a plain substring
 * test has no known false positive on cipher names; the only collision risk is with non-cipher
 * attribute names, which `isWeakCipherName` excludes explicitly (`Protocol-*`,
 * `Server-Defined-Cipher-Order`, `Reference-Security-Policy`).
 * The wider KICS / Prisma lists (docs/sources.md §2) disagree with each other and are not used.
 */
export const WEAK_CIPHER_MARKERS: readonly string[] = Object.freeze(['RC4', 'DES', 'NULL', 'EXP', 'MD5', 'ADH', 'AECDH', 'anon']);

/** True when a classic policy attribute name is a weak cipher (docs/rules/elb-ssl-policy.md). */
export function isWeakCipherName(name: string): boolean {
  if (typeof name !== 'string') return false;
  if (name.startsWith('Protocol-') || name === SERVER_DEFINED_CIPHER_ORDER_ATTRIBUTE || name === REFERENCE_SECURITY_POLICY_ATTRIBUTE) {
    return false;
  }
  return WEAK_CIPHER_MARKERS.some((m) => name.includes(m));
}

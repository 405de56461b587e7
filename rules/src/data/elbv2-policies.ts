/**
 * Predefined security policies of Elastic Load Balancing v2 (ALB HTTPS / NLB TLS listeners,
 * `AWS::ElasticLoadBalancingV2::Listener.SslPolicy`; also Elastic Beanstalk's
 * `aws:elbv2:listener:<port>` `SSLPolicy` option, docs/sources.md §9). Source: docs/sources.md
 * §1a–§1g.
 *
 * Field meanings:
 * - `minTls` / `maxTls`: lowest / highest protocol accepted (the protocol columns of the AWS tables,
 *   docs/sources.md §1).
 * - `fips`: a FIPS policy (name contains `FIPS`; docs/sources.md §1b, §1d, §1e). ALB listeners cannot
 *   mix FIPS and non-FIPS policies (§1b).
 * - `forwardSecrecy`: true only where the AWS tables show that every cipher is forward-secret:
 *   policies accepting TLS 1.3 only, the `FS-*` policies (§1c), and §1a/§1b policies whose notes
 *   say "ECDHE only" (and their FIPS / PQ namesakes, which differ only in the FIPS cipher subset /
 *   key-exchange groups). false means "not established", not "known to lack FS".
 * - `postQuantum`: hybrid ML-KEM key exchange (`PQ` in the name, §1d).
 * - `verified`: the protocol columns were read from an AWS table. false = min TLS inferred from the
 *   `TLS13-1-x` naming convention (§1d, §1e) or from tools' lists (§1f).
 * - `nlbOnly`: listed only in the NLB table (§1f).
 * - `legacy`: provided for legacy compatibility only / outdated (§1b, §1f).
 */
import type { TlsFloor } from './tls';

export interface Elbv2Policy {
  name: string;
  minTls: TlsFloor;
  maxTls: TlsFloor;
  fips: boolean;
  forwardSecrecy: boolean;
  postQuantum: boolean;
  verified: boolean;
  nlbOnly?: boolean;
  legacy?: boolean;
  note?: string;
}

type Row = [name: string, minTls: TlsFloor, maxTls: TlsFloor, forwardSecrecy: boolean, extra?: Partial<Elbv2Policy>];

function rows(defaults: Partial<Elbv2Policy>, list: readonly Row[]): Elbv2Policy[] {
  return list.map(([name, minTls, maxTls, forwardSecrecy, extra]) => ({
    name,
    minTls,
    maxTls,
    fips: /FIPS/.test(name),
    forwardSecrecy,
    postQuantum: /-PQ-/.test(name),
    verified: true,
    ...defaults,
    ...extra,
  }));
}

/** docs/sources.md §1a: TLS security policies (AWS table, verified). */
const TLS_POLICIES = rows({}, [
  ['ELBSecurityPolicy-TLS13-1-3-2021-06', '1.3', '1.3', true, { note: 'TLS 1.3 ciphers only' }],
  [
    'ELBSecurityPolicy-TLS13-1-2-2021-06',
    '1.2',
    '1.3',
    true,
    { note: 'ECDHE only (GCM + CBC-SHA256/384); console default / recommendation in 2022-2023 docs' },
  ],
  ['ELBSecurityPolicy-TLS13-1-2-Res-2021-06', '1.2', '1.3', true, { note: 'ECDHE + GCM only (restricted)' }],
  ['ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06', '1.2', '1.3', false, { note: 'adds ECDHE CBC-SHA1 and RSA key-exchange AES ciphers' }],
  ['ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06', '1.2', '1.3', false, { note: 'adds RSA key-exchange AES-GCM/SHA256 ciphers' }],
  ['ELBSecurityPolicy-TLS13-1-1-2021-06', '1.1', '1.3', false],
  ['ELBSecurityPolicy-TLS13-1-0-2021-06', '1.0', '1.3', false, { note: 'also the back-end policy when the listener uses a TLS 1.3 policy' }],
  ['ELBSecurityPolicy-TLS-1-2-Ext-2018-06', '1.2', '1.2', false, { note: 'includes CBC-SHA1 and RSA key-exchange ciphers' }],
  ['ELBSecurityPolicy-TLS-1-2-2017-01', '1.2', '1.2', false],
  ['ELBSecurityPolicy-TLS-1-1-2017-01', '1.1', '1.2', false],
  ['ELBSecurityPolicy-2016-08', '1.0', '1.2', false, { note: 'CloudFormation/CLI/CDK default when SslPolicy is omitted' }],
]);

/** docs/sources.md §1b: FIPS security policies (AWS table, verified). */
const FIPS_POLICIES = rows({}, [
  ['ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04', '1.3', '1.3', true],
  ['ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04', '1.2', '1.3', true],
  ['ELBSecurityPolicy-TLS13-1-2-Res-FIPS-2023-04', '1.2', '1.3', true],
  ['ELBSecurityPolicy-TLS13-1-2-Ext2-FIPS-2023-04', '1.2', '1.3', false],
  ['ELBSecurityPolicy-TLS13-1-2-Ext1-FIPS-2023-04', '1.2', '1.3', false],
  ['ELBSecurityPolicy-TLS13-1-2-Ext0-FIPS-2023-04', '1.2', '1.3', false],
  ['ELBSecurityPolicy-TLS13-1-1-FIPS-2023-04', '1.1', '1.3', false, { legacy: true, note: 'provided for legacy compatibility only' }],
  [
    'ELBSecurityPolicy-TLS13-1-0-FIPS-2023-04',
    '1.0',
    '1.3',
    false,
    { legacy: true, note: 'provided for legacy compatibility only; back-end policy for FIPS listeners' },
  ],
]);

/** docs/sources.md §1c: forward-secrecy policies (AWS table, verified). */
const FS_POLICIES = rows({}, [
  ['ELBSecurityPolicy-FS-1-2-Res-2020-10', '1.2', '1.2', true, { note: 'ECDHE-GCM only' }],
  ['ELBSecurityPolicy-FS-1-2-Res-2019-08', '1.2', '1.2', true],
  ['ELBSecurityPolicy-FS-1-2-2019-08', '1.2', '1.2', true, { note: 'includes ECDHE CBC-SHA1' }],
  ['ELBSecurityPolicy-FS-1-1-2019-08', '1.1', '1.2', true],
  ['ELBSecurityPolicy-FS-2018-06', '1.0', '1.2', true],
]);

/**
 * docs/sources.md §1d: post-quantum (hybrid ML-KEM) policies, 2025-09. Protocols unverified (inferred
 * from names). `-Res-PQ-` is the console default and AWS recommendation (§1g).
 */
const PQ_POLICIES = rows({ verified: false }, [
  ['ELBSecurityPolicy-TLS13-1-3-PQ-2025-09', '1.3', '1.3', true],
  ['ELBSecurityPolicy-TLS13-1-2-PQ-2025-09', '1.2', '1.3', true],
  ['ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09', '1.2', '1.3', true, { note: 'current console default and AWS recommendation' }],
  ['ELBSecurityPolicy-TLS13-1-2-Ext1-PQ-2025-09', '1.2', '1.3', false],
  ['ELBSecurityPolicy-TLS13-1-2-Ext2-PQ-2025-09', '1.2', '1.3', false],
  ['ELBSecurityPolicy-TLS13-1-0-PQ-2025-09', '1.0', '1.3', false],
  ['ELBSecurityPolicy-TLS13-1-3-FIPS-PQ-2025-09', '1.3', '1.3', true],
  ['ELBSecurityPolicy-TLS13-1-2-FIPS-PQ-2025-09', '1.2', '1.3', true],
  ['ELBSecurityPolicy-TLS13-1-2-Res-FIPS-PQ-2025-09', '1.2', '1.3', true],
  ['ELBSecurityPolicy-TLS13-1-2-Ext0-FIPS-PQ-2025-09', '1.2', '1.3', false],
  ['ELBSecurityPolicy-TLS13-1-2-Ext1-FIPS-PQ-2025-09', '1.2', '1.3', false],
  ['ELBSecurityPolicy-TLS13-1-2-Ext2-FIPS-PQ-2025-09', '1.2', '1.3', false],
  ['ELBSecurityPolicy-TLS13-1-0-FIPS-PQ-2025-09', '1.0', '1.3', false],
]);

/** docs/sources.md §1e: RFC 9151 (CNSA 1.0) FIPS policies, 2023-07. Protocols unverified (inferred from names). */
const RFC9151_POLICIES = rows({ verified: false }, [
  ['ELBSecurityPolicy-TLS13-1-3-RFC9151-FIPS-2023-07', '1.3', '1.3', true],
  ['ELBSecurityPolicy-TLS13-1-2-RFC9151-FIPS-2023-07', '1.2', '1.3', false],
  ['ELBSecurityPolicy-TLS13-1-2-Ext0-RFC9151-FIPS-2023-07', '1.2', '1.3', false],
  ['ELBSecurityPolicy-TLS13-1-2-RFC9151-INTEROP1-FIPS-2023-07', '1.2', '1.3', false],
  ['ELBSecurityPolicy-TLS13-1-2-RFC9151-INTEROP2-FIPS-2023-07', '1.2', '1.3', false],
  ['ELBSecurityPolicy-TLS13-1-2-RFC9151-INTEROP3-FIPS-2023-07', '1.2', '1.3', false],
  ['ELBSecurityPolicy-TLS13-1-2-RFC9151-INTEROP4-FIPS-2023-07', '1.2', '1.3', false],
]);

/**
 * docs/sources.md §1f: other real names, protocols unverified (presumably TLS 1.0-1.2).
 * `ELBSecurityPolicy-2015` (cfn_nag W55 / guard deny-lists) is NOT a real policy name and is
 * deliberately absent, so `elbv2-ssl-policy-unknown` reports it.
 */
const OTHER_POLICIES = rows({ verified: false, legacy: true }, [
  ['ELBSecurityPolicy-2015-05', '1.0', '1.2', false, { nlbOnly: true, note: 'NLB table only; outdated (Trivy AWS-0047)' }],
  ['ELBSecurityPolicy-TLS-1-0-2015-04', '1.0', '1.2', false, { note: "not in the current ALB tables; seen in tools' deny-lists and an NLB enum" }],
]);

/** Every predefined ELBv2 policy name of docs/sources.md §1, as data. */
export const ELBV2_POLICIES: readonly Elbv2Policy[] = Object.freeze(
  [...TLS_POLICIES, ...FIPS_POLICIES, ...FS_POLICIES, ...PQ_POLICIES, ...RFC9151_POLICIES, ...OTHER_POLICIES].map((p) => Object.freeze(p)),
);

/** All names, in table order. */
export const ELBV2_POLICY_NAMES: readonly string[] = Object.freeze(ELBV2_POLICIES.map((p) => p.name));

/** Effective policy when `SslPolicy` is omitted in CloudFormation (docs/sources.md §1a, §1g). */
export const ELBV2_DEFAULT_POLICY = 'ELBSecurityPolicy-2016-08';

/**
 * What fixes insert by default (`recommendedPolicies.elbv2`, README "Configuration"). A TLS
 * 1.2+/1.3, ECDHE+GCM policy with verified protocol columns (docs/sources.md §1a); the newer AWS
 * recommendation is its PQ variant, `ELBV2_RECOMMENDED_PQ` (§1g, protocols unverified).
 */
export const ELBV2_RECOMMENDED = 'ELBSecurityPolicy-TLS13-1-2-Res-2021-06';

/** FIPS counterpart of `ELBV2_RECOMMENDED` (docs/sources.md §1b; `recommendedPolicies.elbv2Fips`, README "Configuration"). */
export const ELBV2_RECOMMENDED_FIPS = 'ELBSecurityPolicy-TLS13-1-2-Res-FIPS-2023-04';

/** AWS's current console default / recommendation (docs/sources.md §1g, docs.amazonaws.cn). */
export const ELBV2_RECOMMENDED_PQ = 'ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09';

const BY_NAME: ReadonlyMap<string, Elbv2Policy> = new Map(ELBV2_POLICIES.map((p) => [p.name, p] as const));

/** Exact, case-sensitive lookup (AWS policy names are case-sensitive). */
export function findElbv2Policy(name: string): Elbv2Policy | undefined {
  return BY_NAME.get(name);
}

/** True for a FIPS policy name (known or not: FIPS policies carry `FIPS` in the name, docs/sources.md §1b). */
export function isFipsPolicyName(name: string): boolean {
  return findElbv2Policy(name)?.fips ?? /-FIPS-/.test(name);
}

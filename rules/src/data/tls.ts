/**
 * TLS protocol floors and their ordering.
 *
 * A "floor" is the lowest protocol version a policy / setting accepts (docs/sources.md §1, §4a).
 * SSLv3 appears only in CloudFront (`MinimumProtocolVersion: SSLv3`, `OriginSSLProtocols: [SSLv3]`,
 * docs/sources.md §4a/§4b) and classic ELB custom policies (`Protocol-SSLv3`, docs/sources.md §2).
 */

/** A TLS protocol version (no SSL). */
export type TlsVersion = '1.0' | '1.1' | '1.2' | '1.3';

/** The lowest protocol a setting accepts: a TLS version, or SSLv3. */
export type TlsFloor = 'SSLv3' | TlsVersion;

/** Every floor, weakest first. */
export const TLS_FLOORS: readonly TlsFloor[] = Object.freeze(['SSLv3', '1.0', '1.1', '1.2', '1.3'] as const);

/** The floor our rules require by default: TLS 1.2 and newer only (docs/rules/elbv2-ssl-policy-weak.md). */
export const DEFAULT_MINIMUM_TLS: TlsFloor = '1.2';

const RANK: ReadonlyMap<TlsFloor, number> = new Map(TLS_FLOORS.map((f, i) => [f, i] as const));

/** Negative when `a` is weaker than `b`, 0 when equal, positive when stronger (SSLv3 < 1.0 < 1.1 < 1.2 < 1.3). */
export function compareTls(a: TlsFloor, b: TlsFloor): number {
  return (RANK.get(a) ?? -1) - (RANK.get(b) ?? -1);
}

/** True when `floor` accepts something older than `minimum`. */
export function isBelow(floor: TlsFloor, minimum: TlsFloor): boolean {
  return compareTls(floor, minimum) < 0;
}

/**
 * Parse a user-written protocol version: `1.2`, `TLSv1.2`, `TLS1.2`, `TLS 1.2`, `tlsv1_2`, `TLS_1_2`,
 * `1_2`, `1`/`TLSv1` (= 1.0), `1.0`, `SSLv3`, `SSL3`, `SSL 3.0`. Case-insensitive, surrounding
 * whitespace ignored. Returns undefined for anything else (including SSLv2 and policy names such as
 * CloudFront's `TLSv1.2_2021`: those have their own tables).
 */
export function parseTlsFloor(s: string): TlsFloor | undefined {
  if (typeof s !== 'string') return undefined;
  const t = s.trim();
  if (/^ssl\s*v?\s*3(?:[._]0)?$/i.test(t)) return 'SSLv3';
  const m = /^(?:tls\s*v?\s*[-_ ]?)?1(?:[._-]([0-3]))?$/i.exec(t);
  if (!m) return undefined;
  switch (m[1]) {
    case undefined:
    case '0':
      return '1.0';
    case '1':
      return '1.1';
    case '2':
      return '1.2';
    case '3':
      return '1.3';
    default:
      return undefined;
  }
}

/** Human label for messages: `SSLv3`, `TLS 1.0`, … */
export function tlsLabel(floor: TlsFloor): string {
  return floor === 'SSLv3' ? 'SSLv3' : `TLS ${floor}`;
}

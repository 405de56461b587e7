/** Engine versions as AWS writes them, compared by their numeric parts. */

/** A version's leading numeric parts: `8.0.35` → [8, 0, 35]. */
export type Version = readonly number[];

/**
 * The leading dotted numbers of a version string, ignoring what follows them:
 * `8.0.mysql_aurora.3.05.2` → [8, 0], `6.x` → [6], `15.4` → [15, 4], `OpenSearch_2.11` → undefined
 * (strip an engine prefix first). Undefined when the text does not start with a number.
 */
export function parseVersion(text: string): Version | undefined {
  const m = /^\s*v?(\d{1,6}(?:\.\d{1,6})*)/i.exec(text);
  return m ? m[1]!.split('.').map(Number) : undefined;
}

/** Negative when a < b, 0 when equal, positive when a > b; missing parts count as 0 (`8` = `8.0`). */
export function compareVersions(a: Version, b: Version): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

/** `a >= b`, with `b` written as text (data tables keep versions as AWS writes them). */
export function atLeast(a: Version, b: string): boolean {
  return compareVersions(a, parseVersion(b) ?? []) >= 0;
}

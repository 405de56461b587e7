import { parse } from 'yaml';
import type { ScalarValue } from '../parse/source-tree';

export type Quote = "'" | '"';

/** How strings are written: quoted always (the neighbours are), or plain where YAML allows it. */
export interface ScalarPolicy {
  /** Quote every string with this character. */
  quoteAll?: Quote;
  /** The quote used when a plain scalar is not possible. */
  quote: Quote;
}

const INDICATOR_START = /^[-?:,[\]{}#&*!|>'"%@`]/;
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\ufeff]/;

/**
 * Whether a string may be written as a plain scalar and still read back as the same
 * string under YAML 1.1 (CloudFormation's reading: `yes`, `on`, dates, `1:30`) and 1.2.
 */
export function plainSafe(s: string, flow: boolean): boolean {
  if (s === '' || s !== s.trim() || CONTROL.test(s) || s.includes('\t')) return false;
  // A plain `<<` key is YAML 1.1's merge key: PyYAML merges the value instead of keeping the key.
  if (s === '<<') return false;
  if (INDICATOR_START.test(s)) {
    // `-x`, `?x`, `:x` are plain; `- x`, `? x`, `: x` are not.
    if (!/^[-?:][^\s,[\]{}]/.test(s)) return false;
  }
  if (s.includes(': ') || s.includes(' #') || s.endsWith(':')) return false;
  if (flow && /[,[\]{}]/.test(s)) return false;
  return roundTrips(s, flow);
}

const roundTripCache = new Map<string, boolean>();

function roundTrips(s: string, flow: boolean): boolean {
  const cacheKey = (flow ? 'f' : 'b') + s;
  const hit = roundTripCache.get(cacheKey);
  if (hit !== undefined) return hit;
  let ok = true;
  for (const version of ['1.1', '1.2'] as const) {
    try {
      const doc = parse(flow ? `[${s}]` : `k: ${s}`, { version, prettyErrors: false, logLevel: 'silent' }) as unknown;
      const got = flow ? (doc as unknown[])[0] : (doc as Record<string, unknown>).k;
      if (got !== s) ok = false;
    } catch {
      ok = false;
    }
  }
  if (roundTripCache.size > 10_000) roundTripCache.clear();
  roundTripCache.set(cacheKey, ok);
  return ok;
}

export function quoted(s: string, q: Quote): string {
  if (q === "'" && !CONTROL.test(s)) return `'${s.replace(/'/g, "''")}'`;
  // JSON string syntax is valid YAML double-quoted syntax; characters YAML treats as
  // line breaks or does not print (NEL, LS, PS, C1 controls, BOM) are escaped too.
  return JSON.stringify(s).replace(/[\u007f-\u009f\u2028\u2029\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function yamlScalar(v: ScalarValue, flow: boolean, policy: ScalarPolicy): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean' || typeof v === 'number') return String(v);
  if (policy.quoteAll) return quoted(v, policy.quoteAll);
  return plainSafe(v, flow) ? v : quoted(v, policy.quote);
}

/** A mapping key: plain unless YAML needs quotes. */
export function yamlKey(k: string, quote: Quote): string {
  return plainSafe(k, true) ? k : quoted(k, quote);
}

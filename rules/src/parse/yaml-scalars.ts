/**
 * Plain scalars as CloudFormation reads them: YAML 1.1, resolved the way PyYAML's SafeLoader
 * resolves them (cfn-lint and SAM load templates with it, and CloudFormation documents YAML 1.1),
 * without timestamps (CloudFormation has no timestamp type: `2010-09-09` is a string).
 *
 * So `yes`/`no`/`on`/`off` are booleans, `0755` is octal, `1_000` is 1000, `1:20` is 80
 * (sexagesimal), `5.10` is the number 5.1 (which is why CloudFormation turns an unquoted
 * `EngineVersion: 5.10` into "5.1"), and `1e3` (no dot) is a string. Both YAML paths
 * (yaml.ts and yaml-fast.ts) resolve plain scalars here, so they cannot drift apart.
 */

export type PlainValue = string | number | boolean | null;

const BOOL = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const NULL = /^(?:~|null|Null|NULL|)$/;
const FLOAT =
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const INT = /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const TRUE_WORDS = new Set(['yes', 'true', 'on']);

/**
 * The value of a plain (unquoted, untagged) scalar. An integer past 2^53 is kept as its
 * decimal text, so that no digit is lost. A scalar PyYAML resolves to a type it then cannot
 * build (`0b_`, an octal of only underscores) is kept as written.
 */
export function resolvePlain11(s: string): PlainValue {
  const c = s.charCodeAt(0);
  // Letters other than y/Y/n/N/t/T/f/F/o/O start only strings: skip the tests.
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) {
    const lower = c | 32;
    if (lower !== 121 && lower !== 110 && lower !== 116 && lower !== 102 && lower !== 111) return s;
    if (BOOL.test(s)) return TRUE_WORDS.has(s.toLowerCase());
    if (NULL.test(s)) return null;
    return s;
  }
  if (s === '' || s === '~') return null;
  // Only these first characters can start a number (PyYAML dispatches on the first character too).
  if (!((c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46)) return s;
  if (FLOAT.test(s)) return float11(s);
  if (INT.test(s)) return int11(s) ?? s;
  return s;
}

function float11(s: string): number {
  let v = s.replace(/_/g, '').toLowerCase();
  let sign = 1;
  if (v[0] === '-') sign = -1;
  if (v[0] === '-' || v[0] === '+') v = v.slice(1);
  if (v === '.inf') return sign * Infinity;
  if (v === '.nan') return NaN;
  if (v.includes(':')) {
    let value = 0;
    for (const digit of v.split(':')) value = value * 60 + Number(digit);
    return sign * value;
  }
  return sign * Number(v);
}

function int11(s: string): number | string | undefined {
  let v = s.replace(/_/g, '');
  let negative = false;
  if (v[0] === '-' || v[0] === '+') {
    negative = v[0] === '-';
    v = v.slice(1);
  }
  let big: bigint;
  if (v === '0') big = 0n;
  else if (v.startsWith('0b')) {
    if (v.length === 2) return undefined;
    big = BigInt(v);
  } else if (v.startsWith('0x')) {
    if (v.length === 2) return undefined;
    big = BigInt(v);
  } else if (v[0] === '0') {
    if (v.length === 1) return undefined;
    big = BigInt(`0o${v.slice(1)}`);
  } else if (v.includes(':')) {
    big = 0n;
    for (const digit of v.split(':')) big = big * 60n + BigInt(digit);
  } else big = BigInt(v);
  if (negative) big = -big;
  return big <= BigInt(Number.MAX_SAFE_INTEGER) && big >= -BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big.toString();
}

/**
 * Private keys written without their PEM armour: the base64 body alone (a parameter Default, a
 * Sub, a script), which the `-----BEGIN … PRIVATE KEY-----` test cannot see. Long base64 is
 * everywhere in templates (certificates, public keys, user data), so a blob counts only when it
 * decodes to the DER structure of a private key: RSA PKCS#1, EC SEC1, DSA, PKCS#8 (plain or
 * encrypted), or an OpenSSH private key.
 */

export type BareKeyKind = 'RSA' | 'EC' | 'DSA' | 'PKCS#8' | 'encrypted PKCS#8' | 'OpenSSH';

export interface BareKey {
  kind: BareKeyKind;
  /** Offsets of the base64 in the scanned text (from its first character to the end of its run of lines). */
  start: number;
  end: number;
  /** The base64 pieces as written (lines), for the redactor to recognise in quotes. */
  pieces: string[];
}

/** The smallest key worth finding: an Ed25519 PKCS#8 key is 48 bytes, 64 base64 characters. */
const MIN_CHARS = 60;
/** Characters decoded per candidate at most (a 16,384-bit RSA key is about 12,600). */
const MAX_KEY_CHARS = 16_384;
/** Characters decoded per scanned text at most, so that a hostile file full of near-keys stays cheap. */
const SCAN_BUDGET = 4_000_000;
/** "openssh-key-v1\0" in base64. */
const OPENSSH = 'b3BlbnNzaC1rZXktdjE';
const CHEAP_TEST = /M[A-P][A-Za-z0-9+/]{20}|b3BlbnNzaC1rZXktdjE/;

/**
 * A test of a whole template text that fails only when no string of it can hold private-key
 * material (a PEM header or CHEAP_TEST's start of a bare key): most templates, which then need
 * no look at each string. A string's value is its text unless escapes or YAML line folding make
 * it differ; each escape may stand before a base64 character, and texts with escapes that could
 * spell one (`\u`, `\x`, `\U`, a double-quoted line joined by a `\` at its end) always pass.
 */
export function mayHoldKeyMaterial(text: string): boolean {
  return KEY_MATERIAL_HINT.test(text) || SPELLING_ESCAPE.test(text);
}

const KEY_MATERIAL_HINT = /PRIVATE\s+KEY|M[A-P](?:\\?[A-Za-z0-9+/]){20}|b3BlbnNzaC1rZXktdjE/;
const SPELLING_ESCAPE = /\\[uxU]|\\\r?\n/;

/**
 * Base64 private keys in `s`. Lines of one blob are joined across whitespace; with `escapes`
 * (raw JSON or YAML text) also across `\n`, `\r` and `\t` escapes.
 */
export function findBareKeys(s: string, escapes = false): BareKey[] {
  if (s.length < MIN_CHARS || !CHEAP_TEST.test(s)) return [];
  const found: BareKey[] = [];
  let budget = SCAN_BUDGET;
  for (const run of runsOf(s, escapes)) {
    for (let i = 0; i < run.length && budget > 0; i++) {
      const first = run[i].text;
      if (first.length < 16 || !(first.startsWith(OPENSSH) || /^M[A-P]/.test(first))) continue;
      let b64 = '';
      for (let j = i; j < run.length && b64.length < MAX_KEY_CHARS; j++) b64 += run[j].text;
      if (b64.length < MIN_CHARS) break; // what follows in the run is shorter still
      budget -= Math.min(b64.length, MAX_KEY_CHARS);
      const der = decodeBase64(b64.slice(0, MAX_KEY_CHARS));
      const kind = keyKindOf(der);
      if (!kind) continue;
      // The key ends with its DER (a line of something else may follow); an OpenSSH key, with the run.
      const chars = kind === 'OpenSSH' ? Infinity : Math.ceil((tlvAt(der, 0, der.length)?.end ?? der.length) / 3) * 4;
      let last = i;
      for (let n = run[i].text.length; n < chars && last + 1 < run.length; n += run[last].text.length) last++;
      found.push({ kind, start: run[i].start, end: run[last].end, pieces: run.slice(i, last + 1).map((p) => p.text) });
      i = last;
    }
  }
  return found;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const SEXTET = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++) SEXTET[BASE64.charCodeAt(i)] = i;

/** Base64 to bytes, stopping at the first character that is not base64 (`=` padding included); no Buffer: the engine is plain JS. */
function decodeBase64(s: string): Uint8Array {
  const out = new Uint8Array(Math.floor((s.length * 3) / 4));
  let n = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? SEXTET[c] : -1;
    if (v < 0) break;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (acc >> bits) & 0xff;
    }
  }
  return out.subarray(0, n);
}

interface Piece {
  text: string;
  start: number;
  end: number;
}

/** Runs of base64 pieces separated only by whitespace (and, with `escapes`, `\n`-style escapes). */
function runsOf(s: string, escapes: boolean): Piece[][] {
  const token = escapes ? /\\[nrt]|[A-Za-z0-9+/]+={0,2}/g : /[A-Za-z0-9+/]+={0,2}/g;
  const runs: Piece[][] = [];
  let run: Piece[] = [];
  let lastEnd = -1;
  for (const m of s.matchAll(token)) {
    const at = m.index!;
    const gap = lastEnd < 0 ? '' : s.slice(lastEnd, at);
    if (m[0].startsWith('\\')) {
      if (!/^\s*$/.test(gap)) run = flush(runs, run);
      lastEnd = at + m[0].length;
      continue;
    }
    if (run.length && (!/^\s*$/.test(gap) || /=$/.test(run[run.length - 1].text))) run = flush(runs, run);
    run.push({ text: m[0], start: at, end: at + m[0].length });
    lastEnd = at + m[0].length;
  }
  flush(runs, run);
  return runs;
}

function flush(runs: Piece[][], run: Piece[]): Piece[] {
  if (run.length) runs.push(run);
  return [];
}

interface Tlv {
  tag: number;
  /** Offsets of the contents. */
  start: number;
  end: number;
}

/** One DER element at `at`, or undefined when it does not fit in `limit`. */
function tlvAt(der: Uint8Array, at: number, limit: number): Tlv | undefined {
  if (at + 2 > limit) return undefined;
  const tag = der[at];
  let len = der[at + 1];
  let start = at + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 3 || start + n > limit) return undefined;
    len = 0;
    for (let k = 0; k < n; k++) len = len * 256 + der[start + k];
    start += n;
  }
  const end = start + len;
  return end <= limit ? { tag, start, end } : undefined;
}

/** The elements of a constructed element, or undefined when they do not exactly fill it. */
function childrenOf(der: Uint8Array, parent: Tlv): Tlv[] | undefined {
  const out: Tlv[] = [];
  for (let at = parent.start; at < parent.end;) {
    const t = tlvAt(der, at, parent.end);
    if (!t) return undefined;
    out.push(t);
    at = t.end;
  }
  return out;
}

const INTEGER = 0x02;
const OCTET_STRING = 0x04;
const OID = 0x06;
const SEQUENCE = 0x30;
/** PKCS#5 (PBES1, PBES2) and PKCS#12 password-based encryption: 1.2.840.113549.1.5.* and 1.2.840.113549.1.12.1.* */
const PBE_PREFIXES = [
  [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x05],
  [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x0c, 0x01],
];

function smallInt(der: Uint8Array, t: Tlv): number | undefined {
  return t.tag === INTEGER && t.end - t.start === 1 ? der[t.start] : undefined;
}

/** The kind of private key a DER (or OpenSSH) blob holds, or undefined for anything else (certificates, public keys, data). */
export function keyKindOf(der: Uint8Array): BareKeyKind | undefined {
  if (String.fromCharCode(...der.subarray(0, 15)) === 'openssh-key-v1\0') return 'OpenSSH';
  const outer = tlvAt(der, 0, der.length);
  if (!outer || outer.tag !== SEQUENCE) return undefined;
  const items = childrenOf(der, outer);
  if (!items || items.length < 2) return undefined;
  const version = smallInt(der, items[0]);
  // RSAPrivateKey (RFC 8017): version, n, e, d, p, q, dP, dQ, qInv (and other primes for version 1).
  if ((version === 0 || version === 1) && items.length >= 9 && items.every((t) => t.tag === INTEGER) && items[1].end - items[1].start >= 64) return 'RSA';
  // DSA (OpenSSL): version 0, p, q, g, y, x.
  if (version === 0 && items.length === 6 && items.every((t) => t.tag === INTEGER) && items[1].end - items[1].start >= 64) return 'DSA';
  // ECPrivateKey (RFC 5915): version 1, the private key, [0] parameters, [1] public key.
  if (
    version === 1 &&
    items.length <= 4 &&
    items[1].tag === OCTET_STRING &&
    items[1].end - items[1].start >= 16 &&
    items.slice(2).every((t) => t.tag === 0xa0 || t.tag === 0xa1)
  )
    return 'EC';
  // PrivateKeyInfo / OneAsymmetricKey (RFC 5958): version, algorithm, the private key, [0] attributes, [1] public key.
  if (
    (version === 0 || version === 1) &&
    items.length >= 3 &&
    items.length <= 5 &&
    items[1].tag === SEQUENCE &&
    items[2].tag === OCTET_STRING &&
    items[2].end - items[2].start >= 16
  ) {
    const alg = childrenOf(der, items[1]);
    if (alg?.[0]?.tag === OID && items.slice(3).every((t) => t.tag === 0xa0 || t.tag === 0x81 || t.tag === 0xa1)) return 'PKCS#8';
  }
  // EncryptedPrivateKeyInfo (RFC 5958): a password-based encryption algorithm, the encrypted key.
  if (items.length === 2 && items[0].tag === SEQUENCE && items[1].tag === OCTET_STRING && items[1].end - items[1].start >= 16) {
    const oid = childrenOf(der, items[0])?.[0];
    if (oid?.tag === OID && PBE_PREFIXES.some((p) => p.every((b, k) => der[oid.start + k] === b))) return 'encrypted PKCS#8';
  }
  return undefined;
}

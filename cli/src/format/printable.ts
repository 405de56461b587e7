/**
 * Text from a cloned repository (file names, quoted values, parser messages) must not drive the
 * terminal or CI log it is printed to: ESC and BEL open escape sequences (a window title, a
 * cleared screen, OSC 52 writing the clipboard), C1 controls do the same on terminals that take
 * them, line and paragraph separators break lines, and bidirectional overrides make text read
 * differently from what it is ("Trojan Source"). Human-readable output shows each of them as an
 * escape (`\x1b`, `\u202e`) instead.
 */

/** C0 and DEL, C1, U+2028/2029, the bidi marks, embeddings, overrides and isolates. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** The same, minus the tab and the line breaks a multi-line text keeps. */
const UNSAFE_IN_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function escapeChar(c: string): string {
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One line of output: every unsafe character escaped, tabs and line breaks too. */
export function printable(s: string): string {
  return s.replace(UNSAFE, escapeChar);
}

/** Text printed as several lines (stderr, a diff on a terminal): line breaks and tabs kept, the rest escaped. */
export function printableLines(s: string): string {
  return s.replace(UNSAFE_IN_LINES, escapeChar);
}

/** JSON text with the characters JSON.stringify leaves raw (C1, separators, bidi) written as \u escapes: the same data, safe to print. */
export function jsonSafe(json: string): string {
  return json.replace(/[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

import { RE2JS } from 're2js';

/**
 * Every regular expression built from text a user or a repository supplies (config patterns,
 * globs, .gitignore lines, IAM action wildcards) runs on RE2 (`re2js`): matching takes time
 * linear in the input, so no pattern can backtrack for minutes (`^(a+)+$` on 34 characters took
 * over 30 s with JavaScript's engine). Fixed patterns written in this code base may still use RegExp.
 */

/** A compiled linear-time pattern. `test` finds a match anywhere, like `RegExp.prototype.test`. */
export interface SafeRegex {
  readonly source: string;
  test(text: string): boolean;
}

export type SafeRegexResult = { ok: true; regex: SafeRegex } | { ok: false; problem: string };

/** Longer patterns are refused: RE2 compiles in time and memory proportional to the pattern. */
export const MAX_PATTERN_LENGTH = 1000;
/**
 * RE2 instructions a pattern may compile to. Matching costs up to this much per input character
 * (when the DFA gives way to the NFA), so it bounds the worst case; `a{1000}` is 1,001.
 */
export const MAX_PROGRAM_SIZE = 5000;

/**
 * A user's regular expression, written in JavaScript syntax (as the config documents), run on RE2.
 * Patterns RE2 cannot run in linear time (backreferences, lookaround) are refused with the reason.
 */
export function compileUserRegex(source: string, opts: { ignoreCase?: boolean } = {}): SafeRegexResult {
  if (source.length > MAX_PATTERN_LENGTH) return { ok: false, problem: `is longer than ${MAX_PATTERN_LENGTH} characters` };
  try {
    new RegExp(source); // compiling is linear; only matching can backtrack
  } catch {
    return { ok: false, problem: 'is not a valid regular expression' };
  }
  const unsupported = unsupportedSyntax(source);
  if (unsupported) return { ok: false, problem: `uses ${unsupported}, which cannot be matched in linear time (use a pattern without it)` };
  let translated: string;
  try {
    translated = RE2JS.translateRegExp(source);
  } catch {
    translated = source;
  }
  return compileRe2(translated, opts.ignoreCase ?? false);
}

/** A pattern already in RE2 syntax (as glob.ts builds them). */
export function compileRe2(source: string, ignoreCase = false): SafeRegexResult {
  let re: RE2JS;
  try {
    re = RE2JS.compile(source, ignoreCase ? RE2JS.CASE_INSENSITIVE : 0);
  } catch (e) {
    const detail = e instanceof Error ? e.message.replace(/^error parsing regexp: /, '') : String(e);
    return { ok: false, problem: `is not supported by the linear-time matcher (${detail})` };
  }
  if (re.programSize() > MAX_PROGRAM_SIZE) return { ok: false, problem: `is too complex (over ${MAX_PROGRAM_SIZE} matcher instructions)` };
  return { ok: true, regex: { source, test: (text) => re.test(text) } };
}

/** JavaScript-only constructs, named for the message (RE2's own error would say "invalid escape"). */
const UNSUPPORTED: readonly [RegExp, string][] = [
  [/\\[1-9]|\\k</, 'a backreference'],
  [/\(\?<?[=!]/, 'lookahead or lookbehind'],
];

function unsupportedSyntax(source: string): string | undefined {
  // Escaped backslashes first, so `\\1` (a backslash then 1) is not read as a backreference.
  const plain = source.replace(/\\\\/g, '');
  return UNSUPPORTED.find(([re]) => re.test(plain))?.[1];
}

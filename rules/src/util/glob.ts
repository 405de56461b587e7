import { compileRe2, MAX_PATTERN_LENGTH, SafeRegex } from './safe-regex';

/**
 * Globs from config files and editor settings (`exclude`, `production.files`, `files.exclude`…),
 * compiled to RE2 so matching is linear in the path: picomatch's backtracking regular expressions
 * took 11 s to match `*a*a*a*a*a*a*a*b` against one 100-character name.
 *
 * The syntax is picomatch's with `dot: true`, as these globs were read before: `*` and `?` within a
 * path segment, `**` as a whole segment for any number of segments (`dir/**` also matches `dir`),
 * `[abc]`, `[a-z]`, `[!abc]`/`[^abc]`, `[[:alpha:]]`, `{a,b}` (nested), `\` to quote, a leading `!`
 * to negate, a leading `./` ignored. Not supported: extglobs (`@(a|b)`, `!(a)`, `+(a)`…) are refused
 * with a message, and `{1..3}` is literal text (picomatch matched both `2` and `{1..3}` with it).
 */

export type GlobResult = { ok: true; matches: (path: string) => boolean } | { ok: false; problem: string };

const EXTGLOB = /[@!+*?]\(/;

class GlobSyntaxError extends Error {}

export function compileGlob(glob: string): GlobResult {
  if (glob.length > MAX_PATTERN_LENGTH) return { ok: false, problem: `is longer than ${MAX_PATTERN_LENGTH} characters` };
  let body = glob;
  let negated = false;
  while (body.startsWith('!') && !body.startsWith('!(')) {
    negated = !negated;
    body = body.slice(1);
  }
  while (body.startsWith('./')) body = body.slice(2);
  const ext = unquotedMatch(body, EXTGLOB);
  if (ext) return { ok: false, problem: `uses extended glob syntax (${ext}…), which is not supported` };
  let source: string;
  try {
    source = globToRe2(body);
  } catch (e) {
    if (e instanceof GlobSyntaxError) return { ok: false, problem: `does not compile: ${e.message}` };
    throw e;
  }
  const compiled = compileRe2(`^${source}$`);
  if (!compiled.ok) return { ok: false, problem: compiled.problem };
  const re: SafeRegex = compiled.regex;
  return { ok: true, matches: negated ? (p) => !re.test(p) : (p) => re.test(p) };
}

/** Several globs: a path matches when any does. Globs that do not compile are left out and listed. */
export function compileGlobs(globs: readonly string[]): { matches: (path: string) => boolean; problems: { glob: string; problem: string }[] } {
  const matchers: ((p: string) => boolean)[] = [];
  const problems: { glob: string; problem: string }[] = [];
  for (const g of globs) {
    const r = compileGlob(g);
    if (r.ok) matchers.push(r.matches);
    else problems.push({ glob: g, problem: r.problem });
  }
  return { matches: (p) => matchers.some((m) => m(p)), problems };
}

/** The first match of `re` outside `\` quotes and `[...]` classes (extglob markers there are literal). */
function unquotedMatch(glob: string, re: RegExp): string | undefined {
  const plain = glob.replace(/\\./g, '__').replace(/\[[^\]]*\]/g, (m) => '_'.repeat(m.length));
  const m = re.exec(plain);
  return m ? glob.slice(m.index, m.index + 2) : undefined;
}

const RE2_SPECIAL = /[\\.+*?()|[\]{}^$]/;

function literal(ch: string): string {
  return RE2_SPECIAL.test(ch) ? `\\${ch}` : ch;
}

/** For each `{`, the index of its `}` when it is an alternation (has a comma at its own depth). */
function alternations(glob: string): Map<number, number> {
  const out = new Map<number, number>();
  const stack: { open: number; comma: boolean }[] = [];
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '\\') i++;
    else if (ch === '{') stack.push({ open: i, comma: false });
    else if (ch === ',' && stack.length) stack[stack.length - 1].comma = true;
    else if (ch === '}' && stack.length) {
      const b = stack.pop()!;
      if (b.comma) out.set(b.open, i);
    }
  }
  return out;
}

/** `[...]` at `start`: its RE2 class and the index after it, or undefined when it never closes. */
function bracket(glob: string, start: number): { source: string; end: number } | undefined {
  let i = start + 1;
  let negated = false;
  if (glob[i] === '!' || glob[i] === '^') {
    negated = true;
    i++;
  }
  let body = '';
  let first = true;
  for (; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === ']' && !first) return { source: negated ? `[^/${body}]` : `[${body}]`, end: i + 1 };
    first = false;
    if (ch === '\\' && i + 1 < glob.length) {
      body += `\\${glob[++i]}`;
    } else if (ch === '[' && glob[i + 1] === ':') {
      const close = glob.indexOf(':]', i + 2);
      if (close < 0) return undefined;
      body += glob.slice(i, close + 2);
      i = close + 1;
    } else body += ch === '[' || ch === ']' || ch === '^' ? `\\${ch}` : ch;
  }
  return undefined;
}

/** The glob as an RE2 pattern body (without anchors). */
function globToRe2(glob: string): string {
  const alts = alternations(glob);
  const closers = new Set(alts.values());
  const openAlts: number[] = [];
  let out = '';
  const segmentStart = (i: number): boolean => i === 0 || glob[i - 1] === '/' || alts.has(i - 1) || (glob[i - 1] === ',' && openAlts.length > 0);
  const segmentEnd = (j: number): boolean => j === glob.length || glob[j] === '/' || (openAlts.length > 0 && (glob[j] === ',' || closers.has(j)));
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '\\') {
      if (i + 1 < glob.length) out += literal(glob[++i]);
      continue;
    }
    if (ch === '*') {
      let j = i;
      while (glob[j] === '*') j++;
      if (j - i >= 2 && segmentStart(i) && segmentEnd(j)) {
        if (glob[j] === '/') {
          out += '(?:[^/]*/)*'; // `**/`: any number of whole segments
          i = j; // the slash is part of it
        } else if (out.endsWith('/')) {
          out = `${out.slice(0, -1)}(?:/.*)?`; // `dir/**`: dir and everything below it
          i = j - 1;
        } else {
          out += '.*';
          i = j - 1;
        }
      } else {
        out += '[^/]*';
        i = j - 1;
      }
      continue;
    }
    if (ch === '?') {
      out += '[^/]';
      continue;
    }
    if (ch === '[') {
      const b = bracket(glob, i);
      if (b) {
        out += b.source;
        i = b.end - 1;
        continue;
      }
      throw new GlobSyntaxError('a "[" is never closed (write "\\[" for the character)');
    }
    if (ch === '{' && alts.has(i)) {
      openAlts.push(alts.get(i)!);
      out += '(?:';
      continue;
    }
    if (openAlts.length && ch === ',') {
      out += '|';
      continue;
    }
    if (openAlts.length && i === openAlts[openAlts.length - 1]) {
      openAlts.pop();
      out += ')';
      continue;
    }
    out += literal(ch);
  }
  return out;
}

/** Line-level helpers on raw text (LF, CRLF and lone CR all end a line). */

export function isLineBreak(c: string | undefined): boolean {
  return c === '\n' || c === '\r';
}

/** The file's line ending: the first one found, LF when there is none. */
export function eolOf(text: string): string {
  const i = text.search(/[\r\n]/);
  if (i < 0) return '\n';
  if (text[i] === '\r') return text[i + 1] === '\n' ? '\r\n' : '\r';
  return '\n';
}

export function lineStartAt(text: string, pos: number): number {
  let i = pos;
  while (i > 0 && !isLineBreak(text[i - 1])) i--;
  return i;
}

/** Offset of the line break ending the line of `pos` (or the text's end). */
export function lineEndAt(text: string, pos: number): number {
  let i = pos;
  while (i < text.length && !isLineBreak(text[i])) i++;
  return i;
}

/** Offset just past the line break ending the line of `pos` (or the text's end). */
export function nextLineStart(text: string, pos: number): number {
  const i = lineEndAt(text, pos);
  if (text[i] === '\r' && text[i + 1] === '\n') return i + 2;
  if (i < text.length) return i + 1;
  return i;
}

export function columnAt(text: string, pos: number): number {
  return pos - lineStartAt(text, pos);
}

/** Whether only spaces and tabs precede `pos` on its line. */
export function startsLine(text: string, pos: number): boolean {
  return /^[ \t]*$/.test(text.slice(lineStartAt(text, pos), pos));
}

/** The leading whitespace of the line holding `pos`. */
export function lineIndent(text: string, pos: number): string {
  const start = lineStartAt(text, pos);
  return /^[ \t]*/.exec(text.slice(start, lineEndAt(text, pos)))![0];
}

export function lineOf(text: string, pos: number): number {
  let n = 0;
  for (let i = 0; i < pos && i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) n++;
  }
  return n;
}

/** Moves back from `pos` over whitespace (line breaks included). */
export function trimBackWhitespace(text: string, pos: number, floor = 0): number {
  let i = pos;
  while (i > floor && /\s/.test(text[i - 1])) i--;
  return i;
}

export function spaces(n: number): string {
  return ' '.repeat(Math.max(0, n));
}

/** Most frequent value of a list (ties: the first seen), or undefined when empty. */
export function mostCommon<T>(values: readonly T[]): T | undefined {
  const counts = new Map<T, number>();
  let best: T | undefined;
  let bestCount = 0;
  for (const v of values) {
    const c = (counts.get(v) ?? 0) + 1;
    counts.set(v, c);
    if (c > bestCount) {
      best = v;
      bestCount = c;
    }
  }
  return best;
}

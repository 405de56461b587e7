/** Unified diff of two texts by lines, for `--fix-dry-run` (the line diff itself is line-diff.ts). */
import { diffLines, LineChange, splitLines } from './line-diff';

function show(kind: ' ' | '-' | '+', line: string): string {
  const body = line.replace(/(\r\n|\n|\r)$/, '');
  return `${kind}${body}\n${body === line ? '\\ No newline at end of file\n' : ''}`;
}

/** The unified diff from `before` to `after` ('' when they are equal). */
export function unifiedDiff(before: string, after: string, beforeName: string, afterName: string, context = 3): string {
  if (before === after) return '';
  const a = splitLines(before);
  const b = splitLines(after);
  const changes = diffLines(a, b);
  const parts: string[] = [`--- ${beforeName}\n+++ ${afterName}\n`];
  let i = 0;
  while (i < changes.length) {
    // One hunk: changes fewer than 2 × context unchanged lines apart.
    let j = i;
    while (j + 1 < changes.length && changes[j + 1].aStart - changes[j].aEnd <= 2 * context) j++;
    parts.push(hunk(a, b, changes, i, j, context));
    i = j + 1;
  }
  return parts.join('');
}

function hunk(a: readonly string[], b: readonly string[], changes: readonly LineChange[], first: number, last: number, context: number): string {
  const lead = Math.min(context, changes[first].aStart);
  const aFrom = changes[first].aStart - lead;
  const bFrom = changes[first].bStart - lead;
  const aTo = Math.min(a.length, changes[last].aEnd + context);
  const bTo = changes[last].bEnd + (aTo - changes[last].aEnd);
  const aCount = aTo - aFrom;
  const bCount = bTo - bFrom;
  const out: string[] = [`@@ -${aCount ? aFrom + 1 : aFrom},${aCount} +${bCount ? bFrom + 1 : bFrom},${bCount} @@\n`];
  let at = aFrom;
  for (let k = first; k <= last; k++) {
    const c = changes[k];
    for (; at < c.aStart; at++) out.push(show(' ', a[at]));
    for (let x = c.aStart; x < c.aEnd; x++) out.push(show('-', a[x]));
    for (let y = c.bStart; y < c.bEnd; y++) out.push(show('+', b[y]));
    at = c.aEnd;
  }
  for (; at < aTo; at++) out.push(show(' ', a[at]));
  return out.join('');
}

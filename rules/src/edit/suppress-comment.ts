import type { TextEdit } from './index';

/**
 * The "disable for this line" edit of the editor (YAML only, docs/suppression.md,
 * docs/editor.md): a `# cfn-tls-lint-disable-next-line <id> -- <reason>` comment
 * on its own line above `line`, at that line's indentation. When the line above
 * already is such a comment, the id joins its list instead (its reason is kept).
 * Pure: text in, one edit out.
 */

const NEXT_LINE = /^([ \t]*#\s*cfn-tls-lint-disable-next-line)([^\r\n]*)$/;

function lineBounds(text: string, line: number): { start: number; end: number } | undefined {
  let start = 0;
  for (let l = 0; l < line; l++) {
    const nl = nextBreak(text, start);
    if (nl < 0) return undefined;
    start = nl + (text[nl] === '\r' && text[nl + 1] === '\n' ? 2 : 1);
  }
  const brk = nextBreak(text, start);
  return { start, end: brk < 0 ? text.length : brk };
}

function nextBreak(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return -1;
}

/** The file's line break: CRLF when its first break is one. */
function eolOf(text: string): string {
  const i = nextBreak(text, 0);
  if (i < 0) return '\n';
  return text[i] === '\r' ? (text[i + 1] === '\n' ? '\r\n' : '\r') : '\n';
}

/**
 * The edit that suppresses `ruleId` on 0-based `line`. `reason` may be empty: the
 * comment then ends in ` --`, and the engine's `suppression-without-reason` asks
 * for one at that place.
 */
export function disableNextLineEdit(text: string, line: number, ruleId: string, reason = ''): TextEdit {
  const target = lineBounds(text, line) ?? { start: text.length, end: text.length };
  if (line > 0) {
    const above = lineBounds(text, line - 1);
    const m = above && NEXT_LINE.exec(text.slice(above.start, above.end));
    if (above && m) {
      const rest = m[2];
      const sep = /\s--(\s|$)/.exec(rest);
      const idsPart = sep ? rest.slice(0, sep.index) : rest;
      const ids = idsPart.split(/[\s,]+/).filter(Boolean);
      if (ids.length === 0 || ids.includes(ruleId)) return { start: above.end, end: above.end, newText: '' };
      const at = above.start + m[1].length + idsPart.replace(/\s+$/, '').length;
      return { start: at, end: at, newText: `, ${ruleId}` };
    }
  }
  const indent = /^[ \t]*/.exec(text.slice(target.start, target.end))![0];
  const tail = reason.trim() ? ` -- ${reason.trim()}` : ' --';
  const comment = `${indent}# cfn-tls-lint-disable-next-line ${ruleId}${tail}`;
  if (target.start >= text.length && text.length > 0 && !/[\r\n]$/.test(text)) {
    // A line past the end: the comment goes on a new last line.
    return { start: text.length, end: text.length, newText: eolOf(text) + comment };
  }
  return { start: target.start, end: target.start, newText: comment + eolOf(text) };
}

import type { Diagnostic, Range } from 'vscode-languageserver/node';
import { diffLines, type LineChange } from '../../rules/src/index';
import type { DiagnosticData } from './convert';

/**
 * While a document has a syntax error the rules cannot run, and its findings would vanish on the
 * first keystroke of a new line. The last version that parsed keeps speaking for the lines the
 * edits since then left alone: its findings are moved with those lines and marked as kept.
 */

/** What a kept finding's message ends with. */
export const KEPT_SUFFIX = ' (kept from the last version without syntax errors)';

/**
 * Diff work allowed per mapping (the engine's default is for fix-all). Past it the diff is still
 * exact but coarser: more lines count as changed, so fewer findings are kept, never a wrong one.
 */
const DIFF_BUDGET = 1_000_000;

/** LSP lines, without their terminators: a line that only changed its line ending kept its positions. */
function lines(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}

/** Maps lines of `before` to `after`: where each unchanged line went; undefined for a changed or removed one. */
export function lineMapping(before: string, after: string): (line: number) => number | undefined {
  const changes: LineChange[] = before === after ? [] : diffLines(lines(before), lines(after), DIFF_BUDGET);
  return (line) => {
    let shift = 0;
    for (const c of changes) {
      if (line < c.aStart) break;
      if (line < c.aEnd) return undefined;
      shift += c.bEnd - c.bStart - (c.aEnd - c.aStart);
    }
    return line + shift;
  };
}

/** A range moved with its lines; undefined when one of them changed or lines came in between. */
export function mapRange(range: Range, map: (line: number) => number | undefined): Range | undefined {
  const start = map(range.start.line);
  const end = map(range.end.line);
  if (start === undefined || end === undefined || end - start !== range.end.line - range.start.line) return undefined;
  return { start: { line: start, character: range.start.character }, end: { line: end, character: range.end.character } };
}

/** Whether a published diagnostic is one kept from an earlier version (it has no fixes nor code actions). */
export function isKept(d: Diagnostic): boolean {
  return (d.data as { stale?: unknown } | undefined)?.stale === true;
}

/**
 * The findings published for `before` that still stand in `after`, at their new positions:
 * marked (message suffix, `data.stale`), without fixes, since their fixes' data refer to the old text.
 */
export function keptFindings(findings: readonly Diagnostic[], before: string, after: string): Diagnostic[] {
  const map = lineMapping(before, after);
  const out: Diagnostic[] = [];
  for (const d of findings) {
    const range = mapRange(d.range, map);
    if (!range) continue;
    const kept: Diagnostic = { ...d, range, message: d.message + KEPT_SUFFIX };
    const data = d.data as DiagnosticData | undefined;
    if (data) kept.data = { ...data, fixes: [], stale: true };
    else kept.data = { stale: true };
    if (d.relatedInformation) {
      // Related places on changed lines are dropped: they would point at other text.
      const related = d.relatedInformation.flatMap((r) => {
        const moved = mapRange(r.location.range, map);
        return moved ? [{ ...r, location: { ...r.location, range: moved } }] : [];
      });
      if (related.length) kept.relatedInformation = related;
      else delete kept.relatedInformation;
    }
    out.push(kept);
  }
  return out;
}

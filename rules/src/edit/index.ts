import type { SourceFile } from '../parse/source-tree';
import type { Fix } from '../engine/types';
import { FixError } from './errors';
import { planEdits } from './plan';
import type { TextEdit } from './writer';

/**
 * The edit layer: fix intents to minimal text edits on the original text (never a
 * re-serialised document). See docs/fixes.md.
 */

export type { TextEdit } from './writer';
export { applyEdits, fixAll } from './fix-all';
export type { FixAllResult, LintFn, LintOutcome } from './fix-all';
export { FixError } from './errors';
export { planEdits } from './plan';
export { unifiedDiff } from './diff';
// The line diff that turns fix-all's whole text into small editor edits (server code actions).
export { diffLines, lineDiffEdits, splitLines } from './line-diff';
export type { LineChange } from './line-diff';

/** Minimal edits that carry out one fix on a parsed file, sorted; [] when the fix no longer applies. */
export function editsForFix(source: SourceFile, fix: Fix): TextEdit[] {
  try {
    return planEdits(source, fix);
  } catch (e) {
    if (e instanceof FixError) return [];
    throw e;
  }
}

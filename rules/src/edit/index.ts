import type { SourceFile } from '../parse/source-tree';
import type { Diagnostic, Fix } from '../engine/types';

/**
 * The edit layer: fix intents to minimal text edits on the original text.
 * (Implemented in this folder; this file is its public surface.)
 */

/** A replacement of text[start, end) with newText. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export interface FixAllResult {
  text: string;
  /** Fixes applied over all passes. */
  applied: number;
  passes: number;
}

/** Minimal edits that carry out one fix on a parsed file. */
export function editsForFix(_source: SourceFile, _fix: Fix): TextEdit[] {
  throw new Error('edit layer not implemented yet');
}

/** Applies non-overlapping edits (any order) to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** Applies every safe fix, re-linting between passes, to a fixed point (bounded). */
export function fixAll(_text: string, _lint: (text: string) => { diagnostics: Diagnostic[]; source?: SourceFile }, _maxPasses = 10): FixAllResult {
  throw new Error('edit layer not implemented yet');
}

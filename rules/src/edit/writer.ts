import type { FixValue } from '../engine/types';
import type { SPair, SScalar } from '../parse/source-tree';
import type { Located } from './locate';

/** A replacement of text[start, end) with newText. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** Where new pairs go in a mapping: after its last pair (default), after a given pair, or first. */
export type PairPosition = SPair | 'start' | undefined;

/** Structural operations, each turned into minimal edits by a format-specific writer. */
export interface Writer {
  /** Replaces the value at `at` (a scalar keeps its quoting). */
  replace(at: Located, value: FixValue): TextEdit[];
  /** Adds pairs to the mapping at `at`. */
  addPairs(at: Located, pairs: [string, FixValue][], position: PairPosition): TextEdit[];
  /** Removes entries (pair or item indices, ascending) of the collection at `at`. */
  remove(at: Located, indices: number[]): TextEdit[];
  rename(key: SScalar, newKey: string): TextEdit[];
  /** Adds items at the end of the sequence at `at`. */
  append(at: Located, items: FixValue[]): TextEdit[];
}

/** Maximal runs of consecutive indices: [[first, last], ...]. */
export function runsOf(indices: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const i of indices) {
    const last = runs[runs.length - 1];
    if (last && last[1] === i - 1) last[1] = i;
    else runs.push([i, i]);
  }
  return runs;
}

/** A fix value written as one scalar (not a mapping or a list). */
export function isScalarValue(v: FixValue): v is string | number | boolean | null {
  return v === null || typeof v !== 'object';
}

import type { Diagnostic } from '../engine/types';
import { parseJson } from '../parse/json';
import type { SourceFile } from '../parse/source-tree';
import { parseYaml } from '../parse/yaml';
import { FixError } from './errors';
import { editsOverlap, normalize, PlannedFix, planFix, writerFor } from './plan';
import type { TextEdit } from './writer';

export interface FixAllResult {
  text: string;
  /** Fixes applied over all passes. */
  applied: number;
  /** Passes that changed the text. */
  passes: number;
}

export type LintFn = (text: string) => { diagnostics: Diagnostic[]; source?: SourceFile };

/** Applies non-overlapping edits (any order); throws when two overlap. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = normalize(edits);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + text.slice(at);
}

const SEVERITY_ORDER: Record<Diagnostic['severity'], number> = { error: 0, warning: 1, info: 2 };

/**
 * Whether `b` writes text that `a` replaces: `b` copied a value (a domain name into
 * new DomainValidationOptions) that `a` corrects in the same pass. `b` then waits for
 * the next pass, which sees the corrected value.
 */
function copiesChangedText(text: string, a: readonly TextEdit[], b: readonly TextEdit[]): boolean {
  for (const x of a) {
    const old = text.slice(x.start, x.end).trim();
    if (old.length < 4) continue;
    if (b.some((y) => y.newText.includes(old))) return true;
  }
  return false;
}

function parsesClean(text: string, format: SourceFile['format']): boolean {
  const src = format === 'json' ? parseJson(text) : parseYaml(text);
  return src.errors.length === 0 && src.root !== null;
}

/**
 * Fix-all: every unsuppressed diagnostic's first safe fix, the non-overlapping ones
 * together, then lint again and repeat until nothing changes (at most maxPasses).
 * A pass whose result would not parse keeps only the fixes that parse on their own.
 */
export function fixAll(text: string, lint: LintFn, maxPasses = 10): FixAllResult {
  let current = text;
  let applied = 0;
  let passes = 0;
  const seen = new Set<string>([text]);
  while (passes < maxPasses) {
    const { diagnostics, source } = lint(current);
    if (!source || source.errors.length || source.text !== current) break;
    const writer = writerFor(source);
    let chosen: TextEdit[][] = [];
    const claimed = new Set<string>();
    const keys = new Set<string>();
    // Errors first, then warnings, then infos; document order within a severity.
    const ordered = diagnostics
      .map((d, i) => ({ d, i }))
      .sort((a, b) => SEVERITY_ORDER[a.d.severity] - SEVERITY_ORDER[b.d.severity] || a.i - b.i)
      .map((x) => x.d);
    for (const d of ordered) {
      if (d.suppressed) continue;
      const fix = d.fixes.find((f) => f.safe);
      if (!fix) continue;
      let planned: PlannedFix;
      try {
        planned = planFix(source, fix, writer);
      } catch (e) {
        if (e instanceof FixError) continue;
        throw e;
      }
      const edits = planned.edits;
      if (!edits.length || edits.every((e) => current.slice(e.start, e.end) === e.newText)) continue;
      const key = JSON.stringify(edits);
      if (keys.has(key)) continue; // the same fix offered by two diagnostics
      // Conflicts wait for the next pass, which lints the text this pass produced.
      if (chosen.some((c) => editsOverlap(c, edits) || copiesChangedText(current, c, edits) || copiesChangedText(current, edits, c))) continue;
      if ([...planned.claims].some((c) => claimed.has(c))) continue;
      keys.add(key);
      planned.claims.forEach((c) => claimed.add(c));
      chosen.push(edits);
    }
    if (!chosen.length) break;
    let next = applyEdits(current, chosen.flat());
    if (!parsesClean(next, source.format)) {
      chosen = chosen.filter((c) => parsesClean(applyEdits(current, c), source.format));
      next = applyEdits(current, chosen.flat());
      if (chosen.length > 1 && !parsesClean(next, source.format)) {
        chosen = chosen.slice(0, 1);
        next = applyEdits(current, chosen[0]);
      }
    }
    if (!chosen.length || next === current || seen.has(next)) break;
    seen.add(next);
    current = next;
    passes++;
    applied += chosen.length;
  }
  return { text: current, applied, passes };
}

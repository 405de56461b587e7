import type { Diagnostic } from '../engine/types';
import { parseJson } from '../parse/json';
import type { SourceFile } from '../parse/source-tree';
import { parseYaml } from '../parse/yaml';
import { FixError } from './errors';
import { fixesThatParse } from './fixes-that-parse';
import { EditIndex, CopyIndex } from './pass-conflicts';
import { normalize, PlannedFix, planFix, writerFor } from './plan';
import type { TextEdit } from './writer';

export interface FixAllResult<R extends LintOutcome = LintOutcome> {
  text: string;
  /** Fixes applied over all passes. */
  applied: number;
  /** Passes that changed the text. */
  passes: number;
  /** The lint of `text` when fix-all ran one (it ends by linting the text it leaves): callers need not lint it again. */
  lint?: R;
}

export type LintOutcome = { diagnostics: Diagnostic[]; source?: SourceFile };
export type LintFn<R extends LintOutcome = LintOutcome> = (text: string) => R;

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

function parsesClean(text: string, format: SourceFile['format']): boolean {
  const src = format === 'json' ? parseJson(text) : parseYaml(text);
  return src.errors.length === 0 && src.root !== null;
}

/** Length and a 32-bit FNV-1a hash of a text: enough to see fix-all come back to an earlier text. */
function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return `${text.length}:${h >>> 0}`;
}

/**
 * Fix-all: every unsuppressed diagnostic's first safe fix, the non-overlapping ones
 * together, then lint again and repeat until nothing changes (at most maxPasses).
 * A pass whose result would not parse keeps the fixes that parse together.
 */
export function fixAll<R extends LintOutcome>(text: string, lint: LintFn<R>, maxPasses = 10): FixAllResult<R> {
  let current = text;
  let applied = 0;
  let passes = 0;
  let last: R | undefined;
  // Fingerprints, not texts: ten passes over a 10 MB template would otherwise keep 200 MB of copies.
  const seen = new Set<string>([fingerprint(text)]);
  while (passes < maxPasses) {
    last = lint(current);
    const { diagnostics, source } = last;
    if (!source || source.errors.length || source.text !== current) break;
    let chosen = choose(current, source, diagnostics);
    if (!chosen.length) break;
    let next = applyEdits(current, chosen.flat());
    if (!parsesClean(next, source.format)) {
      chosen = fixesThatParse(chosen, (fixes) => parsesClean(applyEdits(current, fixes.flat()), source.format));
      next = applyEdits(current, chosen.flat());
    }
    if (!chosen.length || next === current || seen.has(fingerprint(next))) break;
    seen.add(fingerprint(next));
    current = next;
    passes++;
    applied += chosen.length;
    last = undefined; // a lint of an earlier text
  }
  return { text: current, applied, passes, ...(last && last.source?.text === current ? { lint: last } : {}) };
}

/** The edits of the fixes one pass applies: errors first, then warnings, then infos; document order within a severity. */
function choose(current: string, source: SourceFile, diagnostics: readonly Diagnostic[]): TextEdit[][] {
  const writer = writerFor(source);
  const candidates: PlannedFix[] = [];
  const keys = new Set<string>();
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
    keys.add(key);
    candidates.push(planned);
  }
  // Conflicts wait for the next pass, which lints the text this pass produced.
  const placed = new EditIndex();
  const copies = new CopyIndex(
    current,
    candidates.map((c) => c.edits),
  );
  const claimed = new Set<string>();
  const chosen: TextEdit[][] = [];
  candidates.forEach((planned, i) => {
    if (placed.overlaps(planned.edits, planned.appends) || copies.conflicts(i)) return;
    for (const c of planned.claims) if (claimed.has(c)) return;
    placed.add(planned.edits, planned.appends);
    copies.choose(i);
    planned.claims.forEach((c) => claimed.add(c));
    chosen.push(planned.edits);
  });
  return chosen;
}

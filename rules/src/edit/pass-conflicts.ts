import type { TextEdit } from './writer';

/**
 * Conflicts between the fixes of one fix-all pass, in time linear in the edits: a template with
 * 16,000 fixable listeners has 16,000 fixes in its first pass, and comparing each with every fix
 * chosen before it (as fix-all did) took minutes.
 */

/** Offsets per bucket: an edit is filed under every bucket its span (or insertion point) touches. */
const BUCKET = 1024;

function bucketsOf(e: TextEdit): [number, number] {
  return [Math.floor(e.start / BUCKET), Math.floor(Math.max(e.start, e.end - 1) / BUCKET)];
}

/** Two edits touch the same text; insertions at the same offset count (their order would be a guess). */
export function editOverlaps(x: TextEdit, y: TextEdit): boolean {
  return (x.start < y.end && y.start < x.end) || x.start === y.start;
}

interface Placed {
  edit: TextEdit;
  /** For an append after the last pair of a YAML block mapping: the mapping's offset (PlannedFix.appends). */
  mapping?: number;
}

/**
 * The edits of the fixes chosen so far, found by offset. Appends of whole lines to the same
 * block mapping do not conflict although they insert at the same offset: one after the other
 * they are valid YAML (new parameters of several fixes).
 */
export class EditIndex {
  private readonly buckets = new Map<number, Placed[]>();

  overlaps(edits: readonly TextEdit[], appends: ReadonlyMap<number, number>): boolean {
    for (const y of edits) {
      const mapping = y.start === y.end ? appends.get(y.start) : undefined;
      const [from, to] = bucketsOf(y);
      for (let b = from; b <= to; b++) {
        for (const x of this.buckets.get(b) ?? []) {
          if (!editOverlaps(x.edit, y)) continue;
          const sameMappingAppends = mapping !== undefined && x.mapping === mapping && x.edit.start === x.edit.end;
          if (!sameMappingAppends) return true;
        }
      }
    }
    return false;
  }

  add(edits: readonly TextEdit[], appends: ReadonlyMap<number, number>): void {
    for (const edit of edits) {
      const placed: Placed = edit.start === edit.end && appends.has(edit.start) ? { edit, mapping: appends.get(edit.start) } : { edit };
      const [from, to] = bucketsOf(edit);
      for (let b = from; b <= to; b++) {
        const list = this.buckets.get(b);
        if (list) list.push(placed);
        else this.buckets.set(b, [placed]);
      }
    }
  }
}

/** A replaced text long enough to be recognised when another fix writes a copy of it. */
interface OldText {
  text: string;
  /** Chosen fixes that replace it. */
  chosen: number;
  /** A chosen fix writes a copy of it. */
  copied: boolean;
}

const MIN_OLD = 4;
const P = 0x01000193;

/** Polynomial hash of s[from, from + len) modulo 2^32. */
function hashOf(s: string, from: number, len: number): number {
  let h = 0;
  for (let i = from; i < from + len; i++) h = (Math.imul(h, P) + s.charCodeAt(i)) | 0;
  return h;
}

/**
 * "Fix b copies a value that fix a changes in the same pass" (a domain name copied into new
 * DomainValidationOptions while another fix lower-cases it): b must wait for the next pass, which
 * sees the corrected value. It is "a new text of b contains a replaced text of a", in either
 * direction. Every candidate's replaced texts are known before the choice starts, so each new
 * text is scanned once, with a rolling hash per length of replaced text, instead of being
 * compared with every chosen fix.
 */
export class CopyIndex {
  /** Replaced texts by length, then by hash. */
  private readonly byLength = new Map<number, Map<number, OldText[]>>();
  private readonly oldsOf: OldText[][];
  private readonly copiedBy: OldText[][];

  constructor(text: string, candidates: readonly (readonly TextEdit[])[]) {
    const distinct = new Map<string, OldText>();
    this.oldsOf = candidates.map((edits) => {
      const olds: OldText[] = [];
      for (const e of edits) {
        const s = text.slice(e.start, e.end).trim();
        if (s.length < MIN_OLD) continue;
        let old = distinct.get(s);
        if (!old) {
          distinct.set(s, (old = { text: s, chosen: 0, copied: false }));
          this.file(old);
        }
        olds.push(old);
      }
      return olds;
    });
    this.copiedBy = candidates.map((edits) => this.copiesIn(edits));
  }

  /** Whether candidate `i` copies a text a chosen fix replaces, or replaces a text a chosen fix copies. */
  conflicts(i: number): boolean {
    return this.oldsOf[i].some((o) => o.copied) || this.copiedBy[i].some((o) => o.chosen > 0);
  }

  choose(i: number): void {
    for (const o of this.oldsOf[i]) o.chosen++;
    for (const o of this.copiedBy[i]) o.copied = true;
  }

  private file(old: OldText): void {
    const len = old.text.length;
    let byHash = this.byLength.get(len);
    if (!byHash) this.byLength.set(len, (byHash = new Map()));
    const h = hashOf(old.text, 0, len);
    const list = byHash.get(h);
    if (list) list.push(old);
    else byHash.set(h, [old]);
  }

  /** The replaced texts (of any candidate) that occur in these edits' new texts. */
  private copiesIn(edits: readonly TextEdit[]): OldText[] {
    const found = new Set<OldText>();
    for (const { newText: t } of edits) {
      for (const [len, byHash] of this.byLength) {
        if (len > t.length) continue;
        // P^(len-1), to take the leaving character out of the rolling hash.
        let lead = 1;
        for (let k = 1; k < len; k++) lead = Math.imul(lead, P);
        let h = hashOf(t, 0, len);
        for (let at = 0; ; at++) {
          const hits = byHash.get(h);
          if (hits) for (const o of hits) if (t.startsWith(o.text, at)) found.add(o);
          if (at + len >= t.length) break;
          h = (Math.imul((h - Math.imul(t.charCodeAt(at), lead)) | 0, P) + t.charCodeAt(at + len)) | 0;
        }
      }
    }
    return [...found];
  }
}

import type { TextEdit } from './writer';

/**
 * Line diff in linear memory: common prefix and suffix, then lines unique to both sides as
 * anchors (patience diff), then Myers' O(ND) search with linear space (the middle snake,
 * divide and conquer) between the anchors. Memory is O(lines) whatever the number of changes
 * (the old search kept a copy of its working array per step: 8.3 GB for 16,000 changes).
 * Past a work budget the rest of a stretch becomes one change: still exact, less minimal.
 */

/** Lines a[aStart, aEnd) became b[bStart, bEnd) (half-open; one side may be empty). */
export interface LineChange {
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

/** Lines with their terminators (LF, CRLF or a lone CR; the last may have none): joined, they give the text back. */
export function splitLines(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\n|\r)|[^\r\n]+$/g) ?? [];
}

/** Snake steps allowed to the Myers search over a whole diff before it settles for coarser changes. */
export const DIFF_WORK_BUDGET = 50_000_000;

/** The changed runs from `a` to `b`, in order, never adjacent to each other. */
export function diffLines(a: readonly string[], b: readonly string[], budget = DIFF_WORK_BUDGET): LineChange[] {
  // Lines as small integers: equality is then a number comparison.
  const ids = new Map<string, number>();
  const idOf = (s: string): number => {
    let id = ids.get(s);
    if (id === undefined) ids.set(s, (id = ids.size));
    return id;
  };
  const A = Int32Array.from(a, idOf);
  const B = Int32Array.from(b, idOf);
  const out = new ChangeList();
  const myers = new Myers(A, B, budget);
  let pa = 0;
  let pb = 0;
  for (const [i, j] of uniqueAnchors(A, B, ids.size)) {
    myers.diff(pa, i, pb, j, out);
    pa = i + 1;
    pb = j + 1;
  }
  myers.diff(pa, A.length, pb, B.length, out);
  return out.changes;
}

/** Edits turning `before` into `after`, one per changed run of lines (for editors: fix-all returns a whole text). */
export function lineDiffEdits(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  const a = splitLines(before);
  const b = splitLines(after);
  const changes = diffLines(a, b);
  const edits: TextEdit[] = [];
  let line = 0;
  let offset = 0;
  for (const c of changes) {
    for (; line < c.aStart; line++) offset += a[line].length;
    const start = offset;
    for (; line < c.aEnd; line++) offset += a[line].length;
    edits.push({ start, end: offset, newText: b.slice(c.bStart, c.bEnd).join('') });
  }
  return edits;
}

/** Collects changes in order, joining one that starts where the last ended. */
class ChangeList {
  readonly changes: LineChange[] = [];
  add(aStart: number, aEnd: number, bStart: number, bEnd: number): void {
    if (aStart === aEnd && bStart === bEnd) return;
    const last = this.changes[this.changes.length - 1];
    if (last && last.aEnd === aStart && last.bEnd === bStart) {
      last.aEnd = aEnd;
      last.bEnd = bEnd;
    } else {
      this.changes.push({ aStart, aEnd, bStart, bEnd });
    }
  }
}

/**
 * Pairs (i, j) with A[i] === B[j] for lines that occur exactly once in each, forming the longest
 * chain increasing on both sides (patience sorting, O(k log k)). Templates have many such lines
 * (logical ids, ports, names), so the stretches left between anchors are short.
 */
function uniqueAnchors(A: Int32Array, B: Int32Array, idCount: number): [number, number][] {
  const countA = new Int32Array(idCount);
  const countB = new Int32Array(idCount);
  const posB = new Int32Array(idCount);
  for (const id of A) countA[id]++;
  B.forEach((id, j) => {
    countB[id]++;
    posB[id] = j;
  });
  const as: number[] = [];
  const bs: number[] = [];
  A.forEach((id, i) => {
    if (countA[id] === 1 && countB[id] === 1) {
      as.push(i);
      bs.push(posB[id]);
    }
  });
  // Longest increasing subsequence of bs: tails[k] = index (into as/bs) ending the best chain of length k + 1.
  const tails: number[] = [];
  const prev = new Int32Array(bs.length).fill(-1);
  for (let n = 0; n < bs.length; n++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (bs[tails[mid]] < bs[n]) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[n] = tails[lo - 1];
    tails[lo] = n;
  }
  const chain: [number, number][] = [];
  for (let n = tails.length ? tails[tails.length - 1] : -1; n >= 0; n = prev[n]) chain.push([as[n], bs[n]]);
  return chain.reverse();
}

/** Myers' linear-space diff over two id arrays, with a shared work budget. */
class Myers {
  private forward = new Int32Array(0);
  private backward = new Int32Array(0);
  private work = 0;

  constructor(
    private readonly A: Int32Array,
    private readonly B: Int32Array,
    private readonly budget: number,
  ) {}

  /** Appends the changes turning A[aLo, aHi) into B[bLo, bHi). */
  diff(aLo: number, aHi: number, bLo: number, bHi: number, out: ChangeList): void {
    // Ranges still to do, the next one last: no recursion, however deep the splits go.
    const todo: number[] = [aLo, aHi, bLo, bHi];
    while (todo.length) {
      let bh = todo.pop()!;
      let bl = todo.pop()!;
      let ah = todo.pop()!;
      let al = todo.pop()!;
      const { A, B } = this;
      while (al < ah && bl < bh && A[al] === B[bl]) {
        al++;
        bl++;
      }
      while (al < ah && bl < bh && A[ah - 1] === B[bh - 1]) {
        ah--;
        bh--;
      }
      if (al === ah || bl === bh) {
        out.add(al, ah, bl, bh);
        continue;
      }
      const split = this.work < this.budget ? this.middle(al, ah, bl, bh) : undefined;
      // A split at either end would not shrink the problem (never expected; a guard against looping).
      if (!split || (split[0] === 0 && split[1] === 0) || (split[0] === ah - al && split[1] === bh - bl)) {
        out.add(al, ah, bl, bh);
        continue;
      }
      const [x, y] = split;
      todo.push(al + x, ah, bl + y, bh, al, al + x, bl, bl + y);
    }
  }

  /**
   * A point (x, y) on a shortest edit path from (0, 0) to (n, m) of the ranges, strictly inside
   * them, found by searching from both ends until the paths meet (Myers 1986, section 4b; the
   * shape of diff-match-patch's bisect). Undefined when the budget runs out.
   */
  private middle(aLo: number, aHi: number, bLo: number, bHi: number): [number, number] | undefined {
    const { A, B } = this;
    const n = aHi - aLo;
    const m = bHi - bLo;
    const maxD = Math.ceil((n + m) / 2);
    const offset = maxD + 1;
    const size = 2 * maxD + 3;
    if (this.forward.length < size) {
      this.forward = new Int32Array(size);
      this.backward = new Int32Array(size);
    }
    const v1 = this.forward;
    const v2 = this.backward;
    v1.fill(-1, 0, size);
    v2.fill(-1, 0, size);
    v1[offset + 1] = 0;
    v2[offset + 1] = 0;
    const delta = n - m;
    const front = (delta & 1) !== 0; // odd: the paths meet on a forward step
    let k1start = 0;
    let k1end = 0;
    let k2start = 0;
    let k2end = 0;
    for (let d = 0; d < maxD; d++) {
      if (this.work > this.budget) return undefined;
      for (let k1 = -d + k1start; k1 <= d - k1end; k1 += 2) {
        const i1 = offset + k1;
        let x1 = k1 === -d || (k1 !== d && v1[i1 - 1] < v1[i1 + 1]) ? v1[i1 + 1] : v1[i1 - 1] + 1;
        const from = x1;
        let y1 = x1 - k1;
        while (x1 < n && y1 < m && A[aLo + x1] === B[bLo + y1]) {
          x1++;
          y1++;
        }
        this.work += 1 + x1 - from;
        v1[i1] = x1;
        if (x1 > n) k1end += 2;
        else if (y1 > m) k1start += 2;
        else if (front) {
          const i2 = offset + delta - k1;
          if (i2 >= 0 && i2 < size && v2[i2] !== -1 && x1 >= n - v2[i2]) return [x1, y1];
        }
      }
      for (let k2 = -d + k2start; k2 <= d - k2end; k2 += 2) {
        const i2 = offset + k2;
        let x2 = k2 === -d || (k2 !== d && v2[i2 - 1] < v2[i2 + 1]) ? v2[i2 + 1] : v2[i2 - 1] + 1;
        const from = x2;
        let y2 = x2 - k2;
        while (x2 < n && y2 < m && A[aHi - x2 - 1] === B[bHi - y2 - 1]) {
          x2++;
          y2++;
        }
        this.work += 1 + x2 - from;
        v2[i2] = x2;
        if (x2 > n) k2end += 2;
        else if (y2 > m) k2start += 2;
        else if (!front) {
          const i1 = offset + delta - k2;
          if (i1 >= 0 && i1 < size && v1[i1] !== -1) {
            const x1 = v1[i1];
            if (x1 >= n - x2) return [x1, x1 - (i1 - offset)];
          }
        }
      }
    }
    return undefined; // nothing in common: one change
  }
}

/**
 * PyYAML's leniency about indentation inside flow nodes, as a deliberate tolerance.
 *
 * PyYAML (and so cfn-lint, SAM and CloudFormation's own tooling) does not check indentation
 * inside a quoted scalar or a flow collection: a multi-line `!Sub '{ … }'` JSON policy whose
 * closing line sits at its key's indentation, a `ZipFile: "…"` whose code starts at column 0,
 * or `{` … `}` entries written at the key's indentation all load. The `yaml` package follows
 * YAML 1.2, which asks those continuation lines to be indented past their parent, and gives
 * up. Templates that deploy must not be parse errors, so when the strict parse fails, this
 * finds the continuation lines of quoted scalars and flow collections that sit too far left
 * and indents them (only leading spaces, which neither kind of node reads: a quoted scalar
 * folds them away, a flow collection skips them). parseYamlGeneral then parses the padded
 * text and maps every offset back through `OffsetMap`, so ranges stay exact in the original.
 *
 * The scan only needs to know where quoted scalars and flow collections start and end in
 * block context: comments, block scalars and multi-line plain scalars are skipped the way the
 * YAML scanner skips them. When it is unsure (an unclosed quote, a document marker inside),
 * it pads nothing and the strict errors stand.
 */

/** Spaces to insert at the start of a line (an offset of the original text). */
export interface Pad {
  at: number;
  count: number;
}

/** Maps offsets of the padded text back to the original. */
export class OffsetMap {
  /** Padded offset where each pad starts, and the total shift after it. */
  private readonly starts: number[] = [];
  private readonly shifts: number[] = [];

  constructor(pads: readonly Pad[]) {
    let shift = 0;
    for (const p of pads) {
      this.starts.push(p.at + shift);
      shift += p.count;
      this.shifts.push(shift);
    }
  }

  toOriginal(padded: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    let k = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] <= padded) {
        k = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (k < 0) return padded;
    const before = k === 0 ? 0 : this.shifts[k - 1];
    const padEnd = this.starts[k] + (this.shifts[k] - before);
    // Inside the inserted spaces: the line start they were inserted at.
    if (padded < padEnd) return this.starts[k] - before;
    return padded - this.shifts[k];
  }
}

/** The padded text, or undefined when no line needs padding (or more would be added than the text holds). */
export function padText(text: string, pads: readonly Pad[]): string | undefined {
  if (!pads.length) return undefined;
  let total = 0;
  for (const p of pads) total += p.count;
  if (total > text.length) return undefined;
  const parts: string[] = [];
  let last = 0;
  for (const p of pads) {
    parts.push(text.slice(last, p.at), ' '.repeat(p.count));
    last = p.at;
  }
  parts.push(text.slice(last));
  return parts.join('');
}

const FAIL = -1;

/** Continuation lines of quoted scalars and flow collections that sit at or left of their parent's indentation. */
export function flowContinuationPads(text: string): Pad[] {
  return new Scan(text).run();
}

class Scan {
  private readonly pads: Pad[] = [];
  private readonly n: number;
  /** Block scalar content: lines indented more than this (or blank) belong to it. */
  private blockScalarParent = -1;
  /** A plain scalar that may go on over lines indented more than this. */
  private plainParent = -1;

  constructor(private readonly t: string) {
    this.n = t.length;
  }

  run(): Pad[] {
    let i = 0;
    while (i < this.n) {
      const lineStart = i;
      const p = this.skip(i, ' ');
      const indent = p - lineStart;
      const blank = this.isLineEnd(p) || this.onlyWhitespace(p);
      if (this.blockScalarParent >= 0) {
        if (blank || indent > this.blockScalarParent) {
          i = this.nextLine(p);
          continue;
        }
        this.blockScalarParent = -1;
      }
      if (this.plainParent >= 0) {
        if (blank || (indent > this.plainParent && this.t[p] !== '#')) {
          i = this.nextLine(p);
          continue;
        }
        this.plainParent = -1;
      }
      if (blank || this.t[p] === '#') {
        i = this.nextLine(p);
        continue;
      }
      let q = p;
      if (indent === 0 && this.isDocumentMarker(p)) q = p + 3;
      const next = this.blockLine(q, lineStart);
      if (next === FAIL) return [];
      i = next;
    }
    return this.pads;
  }

  /** The rest of a line in block context; returns the start of the next line to scan. */
  private blockLine(p: number, lineStart: number): number {
    let nodeCol = p - lineStart;
    for (;;) {
      p = this.skipBlanks(p);
      if (this.isLineEnd(p)) return this.nextLine(p);
      const c = this.t[p];
      const ws1 = this.isBlankAt(p + 1);
      if (c === '#') return this.nextLine(p);
      if ((c === '-' || c === '?') && ws1) {
        nodeCol = p - lineStart;
        p++;
        continue;
      }
      if (c === ':' && ws1) {
        p++;
        continue;
      }
      if (c === '!' || c === '&' || c === '*') {
        p = this.skipToken(p);
        continue;
      }
      if (c === '|' || c === '>') {
        this.blockScalarParent = nodeCol;
        return this.nextLine(p);
      }
      const required = nodeCol + 1;
      if (c === "'" || c === '"' || c === '[' || c === '{') {
        const start = p;
        p = c === '[' || c === '{' ? this.flow(p, required) : this.quoted(p, required);
        if (p === FAIL) return FAIL;
        const after = this.skipBlanks(p);
        if (this.t[after] === ':' && this.isBlankAt(after + 1)) nodeCol = start - lineStart;
        // A multi-line node leaves the scan on a later line; what follows it there is read as usual.
        lineStart = this.t.lastIndexOf('\n', p - 1) + 1;
        continue;
      }
      // A plain scalar: a key when `: ` follows on the line; else a value that may go on.
      const key = this.plainKeyEnd(p);
      if (key >= 0) {
        nodeCol = p - lineStart;
        p = key;
        continue;
      }
      const comment = this.commentIn(p);
      if (comment < 0) this.plainParent = nodeCol;
      return this.nextLine(p);
    }
  }

  /** A flow collection from its opening bracket; the offset after its closing one. */
  private flow(p: number, required: number): number {
    let depth = 0;
    let expectNode = true;
    let afterJsonNode = false;
    for (let i = p; i < this.n;) {
      const c = this.t[i];
      if (c === '\n') {
        if (!this.continuation(i + 1, required)) return FAIL;
        i++;
        continue;
      }
      if (c === ' ' || c === '\t' || c === '\r') {
        i++;
        continue;
      }
      if (c === '#' && this.isBlankAt(i - 1)) {
        i = this.lineEndFrom(i);
        continue;
      }
      if (c === '[' || c === '{') {
        depth++;
        expectNode = true;
        afterJsonNode = false;
        i++;
        continue;
      }
      if (c === ']' || c === '}') {
        depth--;
        i++;
        if (depth === 0) return i;
        expectNode = false;
        afterJsonNode = true;
        continue;
      }
      if (c === ',') {
        expectNode = true;
        afterJsonNode = false;
        i++;
        continue;
      }
      if (c === ':' && (afterJsonNode || this.isBlankAt(i + 1) || ',[]{}'.includes(this.t[i + 1] ?? ''))) {
        expectNode = true;
        afterJsonNode = false;
        i++;
        continue;
      }
      if (c === '?' && expectNode && this.isBlankAt(i + 1)) {
        i++;
        continue;
      }
      if ((c === "'" || c === '"') && expectNode) {
        i = this.quoted(i, required);
        if (i === FAIL) return FAIL;
        expectNode = false;
        afterJsonNode = true;
        continue;
      }
      if ((c === '!' || c === '&' || c === '*') && expectNode) {
        i = this.skipToken(i, true);
        if (c === '*') expectNode = false;
        continue;
      }
      expectNode = false;
      afterJsonNode = false;
      i++;
    }
    return FAIL;
  }

  /** A quoted scalar from its opening quote; the offset after its closing quote. */
  private quoted(p: number, required: number): number {
    const q = this.t[p];
    for (let i = p + 1; i < this.n;) {
      const c = this.t[i];
      if (c === '\n') {
        if (!this.continuation(i + 1, required)) return FAIL;
        i++;
        continue;
      }
      if (q === "'" && c === "'") {
        if (this.t[i + 1] === "'") {
          i += 2;
          continue;
        }
        return i + 1;
      }
      if (q === '"' && c === '\\') {
        // An escaped line break: the line after it is a continuation line as well.
        i += this.t[i + 1] === '\n' || this.t[i + 1] === '\r' ? 1 : 2;
        continue;
      }
      if (q === '"' && c === '"') return i + 1;
      i++;
    }
    return FAIL;
  }

  /** Records the pad a continuation line needs; false where the line ends the document. */
  private continuation(lineStart: number, required: number): boolean {
    if (lineStart >= this.n) return true;
    const p = this.skip(lineStart, ' ');
    if (this.isLineEnd(p) || this.onlyWhitespace(p)) return true;
    if (p === lineStart && this.isDocumentMarker(p)) return false;
    const indent = p - lineStart;
    if (indent < required) this.pads.push({ at: lineStart, count: required - indent });
    return true;
  }

  // ------------------------------------------------------------------ characters

  private skip(i: number, ch: string): number {
    while (this.t[i] === ch) i++;
    return i;
  }

  private skipBlanks(i: number): number {
    while (this.t[i] === ' ' || this.t[i] === '\t') i++;
    return i;
  }

  /** Past a tag, anchor or alias (to the next blank, or flow indicator in flow context). */
  private skipToken(i: number, flow = false): number {
    i++;
    while (i < this.n && !this.isBlankAt(i) && !(flow && ',[]{}'.includes(this.t[i]))) i++;
    return i;
  }

  private isLineEnd(i: number): boolean {
    return i >= this.n || this.t[i] === '\n' || (this.t[i] === '\r' && (i + 1 >= this.n || this.t[i + 1] === '\n'));
  }

  private isBlankAt(i: number): boolean {
    const c = this.t[i];
    return i >= this.n || i < 0 || c === ' ' || c === '\t' || c === '\n' || c === '\r';
  }

  private onlyWhitespace(i: number): boolean {
    return this.isLineEnd(this.skipBlanks(i));
  }

  private lineEndFrom(i: number): number {
    const e = this.t.indexOf('\n', i);
    return e < 0 ? this.n : e;
  }

  private nextLine(i: number): number {
    const e = this.t.indexOf('\n', i);
    return e < 0 ? this.n : e + 1;
  }

  private isDocumentMarker(p: number): boolean {
    const three = this.t.slice(p, p + 3);
    return (three === '---' || three === '...') && this.isBlankAt(p + 3);
  }

  /** Where a plain key on this line ends (just past its `:`), or -1 when the plain scalar is not a key. */
  private plainKeyEnd(p: number): number {
    const end = this.lineEndFrom(p);
    for (let i = p; i < end; i++) {
      const c = this.t[i];
      if (c === '#' && this.isBlankAt(i - 1)) return -1;
      if (c === ':' && this.isBlankAt(i + 1)) return i + 1;
    }
    return -1;
  }

  /** Offset of a comment after a plain scalar on this line, or -1. */
  private commentIn(p: number): number {
    const end = this.lineEndFrom(p);
    for (let i = p; i < end; i++) if (this.t[i] === '#' && this.isBlankAt(i - 1)) return i;
    return -1;
  }
}

import { longFormName, longFormOf } from './cfn-tags';
import { resolvePlain11 } from './yaml-scalars';
import { computeLineStarts, SMap, SNode, SPair, SScalar, SourceFile } from './source-tree';

/**
 * A fast path for the YAML most templates are written in: block mappings and sequences,
 * one-line plain and quoted scalars, flow collections (over several lines too, without
 * comments), literal and folded block scalars, CloudFormation short-form tags and comments.
 * It builds the same source tree, with the same offsets, as parseYaml's `yaml`-package path
 * (a differential test over the corpus and mutations of it holds it to that), without the
 * package's token stream and document model: several times faster, a fraction of the
 * allocation, and far less code to compile in a short run (B1 in bench/NOTES.md).
 *
 * Anything else (anchors, aliases, explicit keys, multi-line plain or quoted scalars, `!!` and
 * verbatim tags, tabs outside a block scalar's text, CR line ends, several documents, duplicate
 * keys, comment placements whose ranges it does not mirror, anything doubtful) makes it
 * decline, and parseYaml takes the general path, which also reports the syntax errors: this
 * path only ever accepts valid YAML.
 *
 * `rootColumn`: the column of the root mapping's keys, for one resource's lines cut out of a
 * template (parse/reparse.ts, which holds the result to a parse of the whole text).
 */
export function parseYamlFast(text: string, rootColumn = 0): SourceFile | undefined {
  if (!quickCheck(text)) return undefined;
  try {
    const parser = new FastYaml(text);
    const root = parser.document(rootColumn);
    if (!parser.tabsAreContent()) return undefined;
    return { text, format: 'yaml', lineStarts: computeLineStarts(text), root, errors: [] };
  } catch (e) {
    // A stack overflow on deep nesting declines too: the general path reports it.
    if (e === DECLINE || e instanceof RangeError) return undefined;
    throw e;
  }
}

const DECLINE = new Error('yaml-fast: declined');

interface Trail {
  /** Indentation of the comment lines that did not join the leaf's trailing tokens. */
  dangling: number[];
  /** Start of the next token after them (or the end of the text). */
  next: number;
  /** A collection kept them. */
  kept: boolean;
}

function decline(): never {
  throw DECLINE;
}

/** Text-level exclusions, one native scan each. */
function quickCheck(text: string): boolean {
  if (text.includes('\r') || text.charCodeAt(0) === 0xfeff) return false;
  // Directives and document markers (a single leading `---` is handled by document()).
  if (text.startsWith('%') || text.includes('\n%') || text.includes('\n...')) return false;
  return true;
}

const SP = 32;
const NL = 10;
const HASH = 35;

/** A value scalar as parseYaml's convertScalar makes it: YAML 1.1, as CloudFormation reads it. */
function plainValue(source: string, start: number, end: number): SScalar {
  return { kind: 'scalar', value: resolvePlain11(source), start, end, style: 'plain' };
}

const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
};

/** Characters that cannot start a plain scalar in block context (YAML c-indicator, plus reserved). */
function isIndicator(c: number): boolean {
  // - ? : , [ ] { } # & * ! | > ' " % @ `
  return (
    c === 45 ||
    c === 63 ||
    c === 58 ||
    c === 44 ||
    c === 91 ||
    c === 93 ||
    c === 123 ||
    c === 125 ||
    c === HASH ||
    c === 38 ||
    c === 42 ||
    c === 33 ||
    c === 124 ||
    c === 62 ||
    c === 39 ||
    c === 34 ||
    c === 37 ||
    c === 64 ||
    c === 96
  );
}

/** Indicators that may start a plain scalar when a non-space follows (YAML's ns-plain-first): - ? : */
function isPlainLead(c: number): boolean {
  return c === 45 || c === 63 || c === 58;
}

/**
 * A folded scalar's lines (blank ones as ''): a break between two lines of text folds to a
 * space, a break followed by blank lines becomes those lines' breaks; a more-indented line
 * (starting with a space) keeps the breaks around it.
 */
function foldLines(lines: string[]): string {
  let value = '';
  let lastText = -1; // the last non-blank line
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k];
    if (line === '') continue;
    if (lastText < 0) value = '\n'.repeat(k) + line;
    else {
      const blanks = k - lastText - 1;
      const folds = lines[lastText].charCodeAt(0) !== SP && line.charCodeAt(0) !== SP;
      value += (folds ? (blanks ? '\n'.repeat(blanks) : ' ') : '\n'.repeat(blanks + 1)) + line;
    }
    lastText = k;
  }
  return value;
}

/** Flow indicators: , [ ] { } */
function isFlowIndicator(c: number): boolean {
  return c === 44 || c === 91 || c === 93 || c === 123 || c === 125;
}

/**
 * The same-key test of the general path (keys of the same type and string form are equal):
 * a scan while a mapping is small, a set once it is large (50,000 resources).
 */
class KeySet {
  private readonly values: unknown[] = [];
  private ids: Set<unknown> | undefined;

  /** Records a key; true when an equal one came before. */
  repeats(v: unknown): boolean {
    if (this.ids) {
      const id = KeySet.id(v);
      if (this.ids.has(id)) return true;
      this.ids.add(id);
      return false;
    }
    for (const w of this.values) if (w === v || (typeof w === typeof v && String(w) === String(v))) return true;
    this.values.push(v);
    if (this.values.length > 16) this.ids = new Set(this.values.map(KeySet.id));
    return false;
  }

  /** Strings stand for themselves, other keys go by type and string form (a string key that happens to look the same only makes the fast path decline). */
  private static id(v: unknown): unknown {
    return typeof v === 'string' ? v : `\u0000${typeof v}:${String(v)}`;
  }
}

class FastYaml {
  private readonly t: string;
  private readonly n: number;
  /** Where the node just parsed ends, with its trailing comment and line break (a collection's end). */
  private after = 0;
  /** The column of the block collection around the flow collection being read (its lines must be indented more). */
  private flowCol = 0;
  /** Comment lines after the last leaf value, once a collection around it has ended. */
  private trail: Trail | undefined;
  /** The last leaf can take comment lines after it (a block scalar cannot). */
  private leafTakesComments = true;

  /** Tabs are only read inside the text of block scalar lines; the ranges where they were. */
  private readonly tabs: boolean;
  private readonly tabRanges: number[] = [];

  constructor(text: string) {
    this.t = text;
    this.n = text.length;
    this.tabs = text.includes('\t');
  }

  /** A tab may stand in a block scalar's line after its first character: there it is text. */
  private tabsAllowed(from: number, to: number): void {
    this.tabRanges.push(from, to);
  }

  /** Whether every tab of the text was inside such a range (elsewhere it may be whitespace to YAML). */
  tabsAreContent(): boolean {
    if (!this.tabs) return true;
    let r = 0;
    for (let i = this.t.indexOf('\t'); i >= 0; i = this.t.indexOf('\t', i + 1)) {
      while (r < this.tabRanges.length && this.tabRanges[r + 1] <= i) r += 2;
      if (r >= this.tabRanges.length || this.tabRanges[r] > i) return false;
    }
    return true;
  }

  // ---------------------------------------------------------------------------------
  // Lines
  // ---------------------------------------------------------------------------------

  private lineEnd(p: number): number {
    const i = this.t.indexOf('\n', p);
    return i < 0 ? this.n : i;
  }

  /** Past the line break at or after p (or the end of the text). */
  private nextLine(p: number): number {
    const i = this.t.indexOf('\n', p);
    return i < 0 ? this.n : i + 1;
  }

  private skipSpaces(p: number): number {
    while (this.t.charCodeAt(p) === SP) p++;
    return p;
  }

  /**
   * From a line start, the first line with content (not blank, not only a comment):
   * the offset of its first non-space character, or -1 at the end of the text.
   */
  private contentFrom(lineStart: number): number {
    let p = lineStart;
    while (p < this.n) {
      const q = this.skipSpaces(p);
      const c = this.t.charCodeAt(q);
      if (q >= this.n) return -1;
      if (c === NL || c === HASH) {
        p = this.nextLine(q);
        continue;
      }
      return q;
    }
    return -1;
  }

  private column(p: number): number {
    return p - (this.t.lastIndexOf('\n', p - 1) + 1);
  }

  /** After a node on its line: only spaces and a comment may follow; returns the next line's start. */
  private endOfLine(p: number): number {
    const q = this.skipSpaces(p);
    const c = this.t.charCodeAt(q);
    if (q >= this.n) return this.n;
    if (c === NL) return q + 1;
    if (c === HASH && q > p) return this.nextLine(q);
    return decline();
  }

  // ---------------------------------------------------------------------------------
  // Document and block collections
  // ---------------------------------------------------------------------------------

  /** The document: a block mapping in column `col` (0, or a part of a document cut out at one of its mappings). */
  document(col: number): SNode {
    let p = this.contentFrom(0);
    if (p < 0) decline();
    if (this.t.startsWith('---', p) && this.column(p) === 0) {
      if (col !== 0) decline();
      // A lone document-start marker (a second one would be a second document).
      p = this.endOfLine(p + 3);
      if (this.t.indexOf('\n---', p - 1) >= 0) decline();
      p = this.contentFrom(p);
      if (p < 0) decline();
    } else if (this.t.includes('\n---')) decline();
    if (this.column(p) !== col || !this.isKeyAt(p)) decline();
    const root = this.blockMap(p, col);
    if (this.contentFrom(this.after) >= 0) decline();
    return root;
  }

  /** A block mapping whose first key starts at p, in column col. */
  private blockMap(p: number, col: number): SMap {
    const pairs: SPair[] = [];
    const keys = new KeySet();
    const start = p;
    for (;;) {
      this.trail = undefined;
      const key = this.key(p);
      if (keys.repeats(key.raw)) decline(); // the general path reports it
      const value = this.mapValue(key.colon + 1, col);
      pairs.push({ key: key.node, value });
      const next = this.contentFrom(this.after);
      if (next >= 0 && this.column(next) === col) {
        if (!this.isKeyAt(next)) decline();
        p = next;
        continue;
      }
      if (next >= 0 && this.column(next) > col) decline();
      break;
    }
    return { kind: 'map', pairs, start, end: this.close(col), flow: false };
  }

  /** A block sequence whose first `-` is at p, in column col. */
  private blockSeq(p: number, col: number): SNode {
    const items: SNode[] = [];
    const start = p;
    for (;;) {
      this.trail = undefined;
      items.push(this.seqItem(p, col));
      const next = this.contentFrom(this.after);
      if (next >= 0 && this.column(next) === col && this.isDashAt(next)) {
        p = next;
        continue;
      }
      if (next >= 0 && this.column(next) > col) decline();
      break; // a less indented line, or a key of the mapping around a zero-indented sequence
    }
    return { kind: 'seq', items, start, end: this.close(col), flow: false };
  }

  /**
   * Ends a collection in column col: returns its end and leaves in this.after the end its
   * parent sees, mirroring how the `yaml` package's parser hands out the comment lines that
   * follow the last leaf value. Comments indented more than the leaf's collection (blank
   * lines between) join the leaf's trailing tokens and so that collection's range; the rest
   * wait for the next item, and an ending collection indented at most as much as one of them
   * keeps them: its parent's range then reaches the next token.
   */
  private close(col: number): number {
    let end = this.after;
    if (!this.trail) {
      let attached = -1;
      let attaching = this.leafTakesComments;
      const dangling: number[] = [];
      let next = this.n;
      let line = this.after;
      while (line < this.n) {
        const q = this.skipSpaces(line);
        if (q >= this.n) break;
        const c = this.t.charCodeAt(q);
        if (c === NL) {
          line = q + 1;
          continue;
        }
        if (c !== HASH) {
          next = q;
          break;
        }
        if (attaching && q - line > col) attached = this.nextLine(q);
        else {
          attaching = false;
          dangling.push(q - line);
        }
        line = this.nextLine(q);
      }
      if (attached >= 0) end = attached;
      this.trail = { dangling, next, kept: false };
    }
    const tr = this.trail;
    this.after = end;
    if (!tr.kept && col !== 0 && tr.dangling.some((indent) => indent >= col)) {
      tr.kept = true;
      this.after = tr.next;
    }
    return end;
  }

  private isDashAt(p: number): boolean {
    if (this.t.charCodeAt(p) !== 45) return false;
    const c = this.t.charCodeAt(p + 1);
    return p + 1 >= this.n || c === SP || c === NL;
  }

  private seqItem(dash: number, col: number): SNode {
    const p = this.skipSpaces(dash + 1);
    const c = this.t.charCodeAt(p);
    if (p >= this.n || c === NL || (c === HASH && p > dash + 1)) return this.blockBelow(p, col, false);
    if (p === dash + 1) decline();
    if (this.isDashAt(p)) return this.blockSeq(p, this.column(p)); // `- - x`
    if (this.isKeyAt(p)) return this.blockMap(p, this.column(p));
    return this.inlineValue(p, col);
  }

  /** The value after a key's `:`. */
  private mapValue(p: number, col: number): SNode {
    const q = this.skipSpaces(p);
    const c = this.t.charCodeAt(q);
    if (q >= this.n || c === NL || (c === HASH && q > p)) return this.blockBelow(q, col, true);
    if (q === p) decline(); // `a:b` is not a key
    return this.inlineValue(q, col, true);
  }

  /**
   * A value that starts on a later line (after `key:` or `-` at p), or an empty value:
   * a block collection indented more than col (or a zero-indented sequence under a key).
   */
  private blockBelow(p: number, col: number, underKey: boolean): SNode {
    const next = this.contentFrom(this.nextLine(p));
    const c = next < 0 ? -1 : this.column(next);
    if (next >= 0 && (c > col || (underKey && c === col && this.isDashAt(next)))) {
      if (this.isDashAt(next)) return this.blockSeq(next, c);
      if (c > col && this.isKeyAt(next)) return this.blockMap(next, c);
      // A tagged node on a line of its own (`Key:\n  !If [a, b, c]`); what it tags must be
      // indented more than the tag.
      if (c > col && this.t.charCodeAt(next) === 33) return this.tagged(next, c);
      // A flow collection on lines of its own (`Key:\n  {\n    "a": 1\n  }`).
      const ch = this.t.charCodeAt(next);
      if (c > col && (ch === 91 || ch === 123)) return this.inlineValue(next, col);
      return decline();
    }
    return this.empty(p, null);
  }

  /**
   * An empty value at p: a null scalar (a tagged one is ''). Its collection ends at p,
   * unless comments follow, which the `yaml` package attaches in ways not mirrored here.
   */
  private empty(p: number, value: '' | null): SScalar {
    if (this.t.charCodeAt(p) === HASH) decline();
    // Comment lines just above give the empty node a comment, which changes its range.
    for (let line = this.t.lastIndexOf('\n', p - 1); line > 0;) {
      const prev = this.t.lastIndexOf('\n', line - 1) + 1;
      const q = this.skipSpaces(prev);
      const c = this.t.charCodeAt(q);
      if (c === HASH) decline();
      if (c !== NL) break;
      line = prev - 1;
    }
    for (let line = this.nextLine(p); line < this.n; line = this.nextLine(line)) {
      const q = this.skipSpaces(line);
      const c = this.t.charCodeAt(q);
      if (c === HASH) decline();
      if (c !== NL && q < this.n) break;
    }
    this.after = p;
    return { kind: 'scalar', value, start: p, end: p, style: 'plain' };
  }

  /** A value starting at p on the current line (p is not a space, a comment or a line end). */
  private inlineValue(p: number, col: number, underKey = false): SNode {
    const c = this.t.charCodeAt(p);
    if (c === 33) return this.tagged(p, col, underKey);
    if (c === 124 || c === 62) return this.blockScalar(p, col);
    this.flowCol = col;
    const node = this.inlineNode(p);
    this.leafTakesComments = true;
    this.after = this.endOfLine(node.end);
    this.noContinuation(col);
    return node;
  }

  /** A scalar or flow collection confined to its line. */
  private inlineNode(p: number): SNode {
    const c = this.t.charCodeAt(p);
    if (c === 91 || c === 123) return this.flow(p);
    if (c === 34) return this.doubleQuoted(p);
    if (c === 39) return this.singleQuoted(p);
    return this.plainBlock(p);
  }

  /** After a one-line value, a more-indented content line would continue it (multi-line): decline. */
  private noContinuation(col: number): void {
    const next = this.contentFrom(this.after);
    if (next >= 0 && this.column(next) > col) decline();
  }

  /** `underKey`: the tag is a mapping value, so the node below may be a sequence in the key's column. */
  private tagged(p: number, col: number, underKey = false): SNode {
    let q = p + 1;
    while (q < this.n) {
      const c = this.t.charCodeAt(q);
      if (c === SP || c === NL || isFlowIndicator(c)) break;
      q++;
    }
    const tag = this.t.slice(p, q);
    if (!LOCAL_TAG.test(tag)) decline();
    const r = this.skipSpaces(q);
    const c = this.t.charCodeAt(r);
    let inner: SNode;
    if (r >= this.n || c === NL || (c === HASH && r > q)) {
      // A tag alone on its line tags the node below, which must not carry a tag of its own.
      const nextContent = this.contentFrom(this.nextLine(r));
      if (nextContent >= 0 && this.t.charCodeAt(nextContent) === 33) decline();
      const below = this.blockBelow(r, col, underKey);
      // A tag on nothing tags an empty string (`!GetAZs` alone).
      inner = below.kind === 'scalar' && below.value === null && below.start === below.end ? this.empty(r, '') : below;
    } else if (r === q) return decline();
    else if (c === 33)
      return decline(); // two tags
    else inner = this.inlineValue(r, col);
    return applyTag(this.t, tag, inner);
  }

  // ---------------------------------------------------------------------------------
  // Keys
  // ---------------------------------------------------------------------------------

  /** Whether a mapping key (plain or quoted, then `:` and a space or line end) starts at p. */
  private isKeyAt(p: number): boolean {
    const c = this.t.charCodeAt(p);
    if (c === 34 || c === 39) {
      const close = this.quoteEnd(p);
      if (close < 0) return false;
      const colon = this.skipSpaces(close);
      return this.t.charCodeAt(colon) === 58 && this.colonEnds(colon);
    }
    if (isIndicator(c)) return false;
    const end = this.lineEnd(p);
    for (let i = p + 1; i < end; i++) {
      const d = this.t.charCodeAt(i);
      if (d === 58 && this.colonEnds(i)) return true;
      if (d === HASH && this.t.charCodeAt(i - 1) === SP) return false;
    }
    return false;
  }

  private colonEnds(i: number): boolean {
    const c = this.t.charCodeAt(i + 1);
    return i + 1 >= this.n || c === SP || c === NL;
  }

  /** Offset just past the closing quote of a one-line quoted scalar at p, or -1. */
  private quoteEnd(p: number): number {
    const q = this.t.charCodeAt(p);
    const end = this.lineEnd(p);
    for (let i = p + 1; i < end; i++) {
      const c = this.t.charCodeAt(i);
      if (q === 34 && c === 92) {
        i++;
        continue;
      }
      if (c === q) {
        if (q === 39 && this.t.charCodeAt(i + 1) === 39) {
          i++;
          continue;
        }
        return i + 1;
      }
    }
    return -1;
  }

  private key(p: number): { node: SScalar; raw: string | number | boolean | null; colon: number } {
    const c = this.t.charCodeAt(p);
    if (c === 34 || c === 39) {
      const node = c === 34 ? this.doubleQuoted(p) : this.singleQuoted(p);
      const colon = this.skipSpaces(node.end); // `"key" :` too
      if (this.t.charCodeAt(colon) !== 58) decline();
      return { node, raw: node.value, colon };
    }
    let i = p + 1;
    while (!(this.t.charCodeAt(i) === 58 && this.colonEnds(i))) i++;
    let end = i;
    while (this.t.charCodeAt(end - 1) === SP) end--; // `key :`: the key ends at its last character
    if (end - p > 1000) decline(); // longer than YAML allows
    const source = this.t.slice(p, end);
    if (source === '<<') decline(); // a merge key: the general path merges
    const raw = resolvePlain11(source);
    return { node: { kind: 'scalar', value: raw, start: p, end, style: 'plain' }, raw, colon: i };
  }

  // ---------------------------------------------------------------------------------
  // Scalars
  // ---------------------------------------------------------------------------------

  /** A plain scalar in block context, to the end of the line or a comment. */
  private plainBlock(p: number): SScalar {
    const c = this.t.charCodeAt(p);
    // `-`, `?` and `:` start a plain scalar only before another character of it (`-1`, `:x`).
    const d1 = this.t.charCodeAt(p + 1);
    if (isIndicator(c) && !(isPlainLead(c) && p + 1 < this.n && d1 !== SP && d1 !== NL)) decline();
    const lineEnd = this.lineEnd(p);
    let end = lineEnd;
    for (let i = p + 1; i < lineEnd; i++) {
      const d = this.t.charCodeAt(i);
      if (d === HASH && this.t.charCodeAt(i - 1) === SP) {
        end = i;
        break;
      }
      if (d === 58 && this.colonEnds(i)) decline(); // `a: b: c`
    }
    while (this.t.charCodeAt(end - 1) === SP) end--;
    return plainValue(this.t.slice(p, end), p, end);
  }

  private doubleQuoted(p: number): SScalar {
    const close = this.quoteEnd(p);
    if (close < 0) decline();
    const raw = this.t.slice(p + 1, close - 1);
    let value = raw;
    if (raw.includes('\\')) {
      value = '';
      for (let i = 0; i < raw.length; i++) {
        const ch = raw[i];
        if (ch !== '\\') {
          value += ch;
          continue;
        }
        const e = raw[++i];
        const simple = ESCAPES[e];
        if (simple !== undefined) {
          value += simple;
          continue;
        }
        const digits = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
        const hex = raw.slice(i + 1, i + 1 + digits);
        if (!digits || !new RegExp(`^[0-9a-fA-F]{${digits}}$`).test(hex)) decline();
        value += String.fromCodePoint(parseInt(hex, 16));
        i += digits;
      }
    }
    return { kind: 'scalar', value, start: p, end: close, style: 'double' };
  }

  private singleQuoted(p: number): SScalar {
    const close = this.quoteEnd(p);
    if (close < 0) decline();
    const value = this.t.slice(p + 1, close - 1).replace(/''/g, "'");
    return { kind: 'scalar', value, start: p, end: close, style: 'single' };
  }

  /**
   * `|` or `>` (with optional chomping and indentation indicators) and the lines below it
   * indented more than col. The range runs from the indicator to the end of the last line
   * that belongs to the value.
   */
  private blockScalar(p: number, col: number): SScalar {
    const folded = this.t.charCodeAt(p) === 62;
    let q = p + 1;
    let chomp: 'clip' | 'strip' | 'keep' = 'clip';
    let indent = -1;
    // The indicators, in either order: `|-`, `|2`, `|2-`, `|-2`.
    for (let k = 0; k < 2; k++) {
      const ch = this.t.charCodeAt(q);
      if (chomp === 'clip' && (ch === 45 || ch === 43)) {
        chomp = ch === 45 ? 'strip' : 'keep';
        q++;
      } else if (indent < 0 && ch > 48 && ch <= 57) {
        // Relative to the collection the value is in, as the `yaml` package and PyYAML read it.
        indent = col + ch - 48;
        q++;
      }
    }
    const first = this.endOfLine(q); // anything else after the header declines here
    // Content lines: the first non-blank one sets the indentation (unless the header did).
    let lineStart = first;
    const lines: string[] = [];
    let blanks = 0; // blank lines since the last content line (or the header)
    let widestBlank = 0; // the most spaces on a blank line so far
    let contentEnd = first; // past the last content line's break
    let end = first;
    while (lineStart < this.n) {
      const s = this.skipSpaces(lineStart);
      const le = this.lineEnd(lineStart);
      const spaces = s - lineStart;
      if (s === le) {
        // A blank line (only spaces): more spaces than the indentation would be content.
        if (le >= this.n) decline(); // spaces at the very end, with no line break: ranges not mirrored
        if (indent >= 0 && spaces > indent) decline();
        widestBlank = Math.max(widestBlank, spaces);
        blanks++;
        end = le < this.n ? le + 1 : le;
        lineStart = end;
        continue;
      }
      if (indent < 0) {
        if (spaces <= col || widestBlank > spaces) decline(); // an empty block scalar; leading blank lines wider than the content
        indent = spaces;
      } else if (spaces < indent) {
        if (!lines.length) decline(); // an empty block scalar
        break;
      }
      if (le >= this.n) decline(); // no final line break: chomping edge cases
      if (this.tabs) this.tabsAllowed(s + 1, le);
      for (let k = 0; k < blanks; k++) lines.push('');
      blanks = 0;
      lines.push(this.t.slice(lineStart + indent, le));
      contentEnd = le + 1;
      end = contentEnd;
      lineStart = le + 1;
    }
    if (!lines.length) decline();
    const value = (folded ? foldLines(lines) : lines.join('\n')) + (chomp === 'strip' ? '' : '\n') + (chomp === 'keep' ? '\n'.repeat(blanks) : '');
    // Keep chomping takes the blank lines after the value into it; the others leave them out.
    const rangeEnd = chomp === 'keep' ? end : contentEnd;
    this.after = rangeEnd;
    this.leafTakesComments = false;
    return { kind: 'scalar', value, start: p, end: rangeEnd, style: 'block' };
  }

  // ---------------------------------------------------------------------------------
  // Flow collections (one line)
  // ---------------------------------------------------------------------------------

  private flow(p: number): SNode {
    const close = this.t.charCodeAt(p) === 91 ? 93 : 125;
    const isSeq = close === 93;
    let q = this.flowSpace(p + 1);
    if (isSeq) {
      const items: SNode[] = [];
      while (this.t.charCodeAt(q) !== close) {
        const item = this.flowSeqEntry(q);
        items.push(item);
        q = this.flowSpace(item.end);
        const c = this.t.charCodeAt(q);
        if (c === 44) q = this.flowSpace(q + 1);
        else if (c !== close) decline(); // a multi-line plain scalar, anything else
      }
      return { kind: 'seq', items, start: p, end: q + 1, flow: true };
    }
    const pairs: SPair[] = [];
    const keys = new KeySet();
    while (this.t.charCodeAt(q) !== close) {
      const c = this.t.charCodeAt(q);
      let key: SScalar;
      let raw: string | number | boolean | null;
      if (c === 34 || c === 39) {
        key = c === 34 ? this.doubleQuoted(q) : this.singleQuoted(q);
        raw = key.value;
        q = key.end;
        if (this.t.charCodeAt(q) !== 58) decline();
      } else {
        const k = this.plainFlow(q);
        if (this.t.charCodeAt(k.end) !== 58 || this.t.charCodeAt(k.end + 1) !== SP) decline();
        const source = this.t.slice(k.start, k.end);
        if (source === '<<') decline(); // a merge key: the general path merges
        raw = resolvePlain11(source);
        key = { kind: 'scalar', value: raw, start: k.start, end: k.end, style: 'plain' };
        q = k.end;
      }
      if (keys.repeats(raw)) decline();
      const value = this.flowPairValue(q + 1);
      pairs.push({ key, value });
      q = this.flowSpace(value.end);
      const d = this.t.charCodeAt(q);
      if (d === 44) q = this.flowSpace(q + 1);
      else if (d !== close) decline();
    }
    return { kind: 'map', pairs, start: p, end: q + 1, flow: true };
  }

  /**
   * Past the spaces at p inside a flow collection, and past line breaks: a collection may run
   * over several lines when each is indented more than the block collection around it
   * (`this.flowCol`). A comment inside declines: the `yaml` package attaches it to nodes.
   */
  private flowSpace(p: number): number {
    let q = this.skipSpaces(p);
    while (this.t.charCodeAt(q) === NL) {
      const line = q + 1;
      q = this.skipSpaces(line);
      if (this.t.charCodeAt(q) === NL) continue; // a blank line
      if (q >= this.n || this.t.charCodeAt(q) === HASH || q - line <= this.flowCol) decline();
    }
    if (this.t.charCodeAt(q) === HASH) decline();
    return q;
  }

  /** The value after a flow pair's `:` (not empty). */
  private flowPairValue(p: number): SNode {
    const v = this.flowSpace(p);
    const vc = this.t.charCodeAt(v);
    if (vc === 44 || vc === 93 || vc === 125 || v >= this.n) decline(); // empty value
    return this.flowNode(v);
  }

  /** An entry of a flow sequence: a node, or a single pair (`[a, Ref: b]`), which is a one-pair map. */
  private flowSeqEntry(p: number): SNode {
    const c = this.t.charCodeAt(p);
    if (c === 91 || c === 123 || c === 33) return this.flowNode(p);
    let key: SScalar;
    if (c === 34 || c === 39) {
      key = c === 34 ? this.doubleQuoted(p) : this.singleQuoted(p);
      if (this.t.charCodeAt(key.end) !== 58) return key;
    } else {
      const s = this.plainFlow(p);
      const source = this.t.slice(s.start, s.end);
      if (this.t.charCodeAt(s.end) !== 58) return plainValue(source, s.start, s.end);
      if (source === '<<') decline(); // a merge key: the general path merges
      key = { kind: 'scalar', value: resolvePlain11(source), start: s.start, end: s.end, style: 'plain' };
    }
    if (this.t.charCodeAt(key.end + 1) !== SP) decline();
    const value = this.flowPairValue(key.end + 1);
    return { kind: 'map', pairs: [{ key, value }], start: key.start, end: value.end, flow: true };
  }

  private flowNode(p: number): SNode {
    const c = this.t.charCodeAt(p);
    if (c === 91 || c === 123) return this.flow(p);
    if (c === 34) return this.doubleQuoted(p);
    if (c === 39) return this.singleQuoted(p);
    if (c === 33) {
      let q = p + 1;
      while (q < this.n) {
        const d = this.t.charCodeAt(q);
        if (d === SP || d === NL || isFlowIndicator(d)) break;
        q++;
      }
      const tag = this.t.slice(p, q);
      if (!LOCAL_TAG.test(tag) || this.t.charCodeAt(q) !== SP) decline();
      const r = this.skipSpaces(q);
      const d = this.t.charCodeAt(r);
      if (d === 33 || d === 44 || d === 93 || d === 125 || d === NL || r >= this.n) decline();
      return applyTag(this.t, tag, this.flowNode(r));
    }
    const s = this.plainFlow(p);
    if (this.t.charCodeAt(s.end) === 58) decline(); // an implicit pair inside a sequence
    return plainValue(this.t.slice(s.start, s.end), s.start, s.end);
  }

  /** The extent of a plain scalar in flow context (one line). */
  private plainFlow(p: number): { start: number; end: number } {
    const c = this.t.charCodeAt(p);
    const d1 = this.t.charCodeAt(p + 1);
    // In flow context only `-` (PyYAML reads `[?x]` as a mapping and refuses `[:x]`).
    if (isIndicator(c) && !(c === 45 && p + 1 < this.n && !isFlowIndicator(d1) && d1 !== SP && d1 !== NL)) decline();
    const lineEnd = this.lineEnd(p);
    let end = p;
    for (let i = p; i < lineEnd; i++) {
      const d = this.t.charCodeAt(i);
      if (isFlowIndicator(d)) break;
      if (d === 58) {
        const e = this.t.charCodeAt(i + 1);
        if (e === SP || isFlowIndicator(e) || i + 1 >= lineEnd) break;
      }
      if (d === HASH && this.t.charCodeAt(i - 1) === SP) decline(); // a comment inside a flow collection
      if (d !== SP) end = i + 1;
    }
    if (end === p) decline();
    return { start: p, end };
  }
}

/**
 * A tagged node: the one-key map of its long form (`!Ref X` is `{Ref: X}`, `!ValueOf [...]` is
 * `{"Fn::ValueOf": [...]}`), as parseYaml's convert builds it. A tag takes a plain scalar as
 * written (`!Ref 80` is the string "80"), without YAML's typing.
 */
function applyTag(text: string, tag: string, tagged: SNode): SNode {
  const inner: SNode = tagged.kind === 'scalar' && tagged.style === 'plain' ? { ...tagged, value: text.slice(tagged.start, tagged.end) } : tagged;
  return longFormOf(text, longFormName(tag)!, tag, inner);
}

/** A local tag (`!Ref`, `!Rain::Module`): `!` and a name (not `!!str`, `!<…>`, `!h!x`). */
const LOCAL_TAG = /^![A-Za-z][A-Za-z0-9:_.-]*$/;

import type { FixValue } from '../engine/types';
import type { SMap, SNode, SourceFile, SScalar, SSeq } from '../parse/source-tree';
import { FixError } from './errors';
import { intrinsicKey, Located } from './locate';
import { eolOf, lineIndent, lineOf, lineStartAt, mostCommon, startsLine } from './text';
import { isScalarValue, PairPosition, runsOf, TextEdit, Writer } from './writer';

/** How a JSON file is written. */
export interface JsonStyle {
  eol: string;
  /** One level of indentation (spaces or a tab). */
  unit: string;
  /** Between a key and its value (`": "` usually). */
  colon: string;
  /** `{ "a": 1 }` rather than `{"a": 1}` for objects on one line. */
  braceSpace: boolean;
  /** Lists of scalars on one line (`["a", "b"]`), as most of the file's own are. */
  inlineScalarLists: boolean;
}

type Entry = { start: number; end: number };

function entriesOf(n: SMap | SSeq): Entry[] {
  return n.kind === 'map' ? n.pairs.map((p) => ({ start: p.key.start, end: p.value.end })) : n.items.map((i) => ({ start: i.start, end: i.end }));
}

export function detectJsonStyle(src: SourceFile): JsonStyle {
  const text = src.text;
  const units: string[] = [];
  const colons: string[] = [];
  let spaced = 0;
  let tight = 0;
  let inlineLists = 0;
  let blockLists = 0;
  const walk = (n: SNode): void => {
    if (n.kind === 'scalar') return;
    if (n.kind === 'seq' && n.items.length && n.items.every((i) => i.kind === 'scalar')) {
      lineOf(text, n.start) === lineOf(text, n.end) ? inlineLists++ : blockLists++;
    }
    const entries = entriesOf(n);
    if (entries.length && startsLine(text, entries[0].start) && lineOf(text, entries[0].start) > lineOf(text, n.start)) {
      const outer = lineIndent(text, n.start);
      const inner = lineIndent(text, entries[0].start);
      if (inner.startsWith(outer) && inner.length > outer.length) units.push(inner.slice(outer.length));
    } else if (n.kind === 'map' && entries.length) {
      text[n.start + 1] === ' ' ? spaced++ : tight++;
    }
    if (n.kind === 'map') {
      for (const p of n.pairs) {
        colons.push(text.slice(p.key.end, p.value.start));
        walk(p.value);
      }
    } else n.items.forEach(walk);
  };
  if (src.root) walk(src.root);
  return {
    eol: eolOf(text),
    unit: mostCommon(units) ?? '  ',
    colon: mostCommon(colons) ?? ': ',
    braceSpace: spaced >= tight,
    inlineScalarLists: inlineLists >= blockLists,
  };
}

function isObj(v: FixValue): v is { [k: string]: FixValue } {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** JSON edits: the file's indentation, key/value spacing and comma placement. */
export class JsonWriter implements Writer {
  private readonly text: string;
  private readonly style: JsonStyle;

  constructor(src: SourceFile) {
    this.text = src.text;
    this.style = detectJsonStyle(src);
  }

  private multiline(n: SNode): boolean {
    return lineOf(this.text, n.start) !== lineOf(this.text, n.end);
  }

  /** One-line JSON. */
  compact(v: FixValue): string {
    if (isScalarValue(v)) return JSON.stringify(v);
    if (Array.isArray(v)) return `[${v.map((x) => this.compact(x)).join(', ')}]`;
    const entries = Object.entries(v as object).map(([k, x]) => JSON.stringify(k) + this.style.colon + this.compact(x as FixValue));
    if (!entries.length) return '{}';
    const pad = this.style.braceSpace ? ' ' : '';
    return `{${pad}${entries.join(', ')}${pad}}`;
  }

  /** Pretty JSON whose closing bracket goes at `indent`; small intrinsics stay on one line. */
  pretty(v: FixValue, indent: string): string {
    if (isScalarValue(v)) return JSON.stringify(v);
    const simpleIntrinsic =
      isObj(v) &&
      intrinsicKey(v) !== undefined &&
      (() => {
        const arg = v[intrinsicKey(v)!];
        return isScalarValue(arg) || (Array.isArray(arg) && arg.every(isScalarValue));
      })();
    if (simpleIntrinsic || (Array.isArray(v) && this.style.inlineScalarLists && v.every(isScalarValue))) return this.compact(v);
    const inner = indent + this.style.unit;
    const eol = this.style.eol;
    if (Array.isArray(v)) {
      if (!v.length) return '[]';
      return `[${eol}${v.map((x) => inner + this.pretty(x, inner)).join(',' + eol)}${eol}${indent}]`;
    }
    const entries = Object.entries(v as object);
    if (!entries.length) return '{}';
    return `{${eol}${entries.map(([k, x]) => inner + JSON.stringify(k) + this.style.colon + this.pretty(x as FixValue, inner)).join(',' + eol)}${eol}${indent}}`;
  }

  replace(at: Located, value: FixValue): TextEdit[] {
    const old = at.node;
    let newText: string;
    if (old.kind === 'scalar' && isScalarValue(value)) {
      // A string stays a string ("443" does not become 443).
      newText = typeof old.value === 'string' && value !== null ? JSON.stringify(String(value)) : JSON.stringify(value);
    } else {
      const parent = at.ancestors[at.ancestors.length - 1];
      const pretty = this.multiline(old) || (parent !== undefined && this.multiline(parent));
      newText = pretty ? this.pretty(value, lineIndent(this.text, old.start)) : this.compact(value);
    }
    return [{ start: old.start, end: old.end, newText }];
  }

  /** Adds entries (already rendered by `render(indent)`) to an object or array. */
  private addEntries(at: Located, render: (pretty: boolean, indent: string) => string[], position: PairPosition): TextEdit[] {
    const text = this.text;
    const coll = at.node as SMap | SSeq;
    const eol = this.style.eol;
    const entries = entriesOf(coll);
    if (!entries.length) {
      const parent = at.ancestors[at.ancestors.length - 1];
      const pretty = parent === undefined || this.multiline(parent);
      const [open, close] = coll.kind === 'map' ? ['{', '}'] : ['[', ']'];
      if (!pretty) {
        const pad = coll.kind === 'map' && this.style.braceSpace ? ' ' : '';
        return [{ start: coll.start, end: coll.end, newText: open + pad + render(false, '').join(', ') + pad + close }];
      }
      const base = lineIndent(text, coll.start);
      const inner = base + this.style.unit;
      const items = render(true, inner).map((e) => inner + e);
      return [{ start: coll.start, end: coll.end, newText: open + eol + items.join(',' + eol) + eol + base + close }];
    }
    const first = entries[0];
    const multi = lineOf(text, first.start) !== lineOf(text, coll.start) || this.multiline(coll);
    if (!multi) {
      const parts = render(false, '');
      if (position === 'start') return [{ start: first.start, end: first.start, newText: parts.join(', ') + ', ' }];
      const anchor = this.anchorEnd(coll, position);
      return [{ start: anchor, end: anchor, newText: ', ' + parts.join(', ') }];
    }
    const indent = startsLine(text, first.start) ? lineIndent(text, first.start) : lineIndent(text, coll.start) + this.style.unit;
    const parts = render(true, indent);
    // Comma-first files (`\n  , "b": 2`) keep their separator shape.
    const sep = entries.length > 1 ? text.slice(entries[0].end, entries[1].start) : '';
    const commaFirst = /[\r\n][ \t]*,/.test(sep);
    const linePrefix = commaFirst ? sep.slice(sep.search(/[^\r\n]*$/)) : indent;
    if (position === 'start') {
      const joined = commaFirst ? parts.join(eol + linePrefix) + eol + linePrefix : parts.join(',' + eol + indent) + ',' + eol + indent;
      return [{ start: first.start, end: first.start, newText: joined }];
    }
    const anchor = this.anchorEnd(coll, position);
    const newText = commaFirst ? parts.map((p) => eol + linePrefix + p).join('') : parts.map((p) => ',' + eol + indent + p).join('');
    return [{ start: anchor, end: anchor, newText }];
  }

  private anchorEnd(coll: SMap | SSeq, position: PairPosition): number {
    if (position && position !== 'start') return position.value.end;
    const entries = entriesOf(coll);
    return entries[entries.length - 1].end;
  }

  addPairs(at: Located, pairs: [string, FixValue][], position: PairPosition): TextEdit[] {
    if (at.node.kind !== 'map') throw new FixError('not an object');
    return this.addEntries(
      at,
      (pretty, indent) => pairs.map(([k, v]) => JSON.stringify(k) + this.style.colon + (pretty ? this.pretty(v, indent) : this.compact(v))),
      position,
    );
  }

  append(at: Located, items: FixValue[]): TextEdit[] {
    if (at.node.kind !== 'seq') throw new FixError('not an array');
    return this.addEntries(at, (pretty, indent) => items.map((v) => (pretty ? this.pretty(v, indent) : this.compact(v))), undefined);
  }

  remove(at: Located, indices: number[]): TextEdit[] {
    const text = this.text;
    const coll = at.node;
    if (coll.kind === 'scalar') throw new FixError('nothing to remove from a scalar');
    const entries = entriesOf(coll);
    const n = entries.length;
    if (indices.length >= n) {
      if (at.container.kind === 'root') throw new FixError('cannot empty the whole document');
      return [{ start: coll.start, end: coll.end, newText: coll.kind === 'map' ? '{}' : '[]' }];
    }
    const edits: TextEdit[] = [];
    for (const [i, j] of runsOf(indices)) {
      if (j < n - 1) {
        let s = entries[i].start;
        let e = entries[j + 1].start;
        if (startsLine(text, s) && startsLine(text, e)) {
          s = lineStartAt(text, s);
          e = lineStartAt(text, e);
        }
        edits.push({ start: s, end: e, newText: '' });
      } else {
        edits.push({ start: entries[i - 1].end, end: entries[j].end, newText: '' });
      }
    }
    return edits;
  }

  rename(key: SScalar, newKey: string): TextEdit[] {
    return [{ start: key.start, end: key.end, newText: JSON.stringify(newKey) }];
  }
}

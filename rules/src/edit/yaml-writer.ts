import type { FixValue } from '../engine/types';
import type { SMap, SNode, SourceFile, SScalar, SSeq } from '../parse/source-tree';
import { FixError } from './errors';
import { contentEnd, inFlow, isEmptyNull, Located } from './locate';
import { columnAt, lineEndAt, lineStartAt, nextLineStart, startsLine } from './text';
import { blockLines, inlineValue, isInline, itemLines, keyedLines } from './yaml-render';
import { plainSafe, quoted, ScalarPolicy, yamlKey, yamlScalar } from './yaml-scalar';
import { detectYamlStyle, localSeqIndent, localStep, neighbourPolicy, RenderCtx, YamlStyle } from './yaml-style';
import { isScalarValue, PairPosition, runsOf, TextEdit, Writer } from './writer';

function isBlockCollection(n: SNode): boolean {
  if (n.kind === 'map') return !n.flow && !n.shortForm && n.pairs.length > 0;
  return n.kind === 'seq' && !n.flow && n.items.length > 0;
}

/** YAML edits: block and flow style, the file's indentation, quoting and line endings. */
export class YamlWriter implements Writer {
  private readonly text: string;
  private readonly style: YamlStyle;

  constructor(src: SourceFile) {
    this.text = src.text;
    this.style = detectYamlStyle(src);
  }

  private ctx(map: Located | undefined, policy: ScalarPolicy): RenderCtx {
    return {
      step: map ? localStep(this.text, map, this.style) : this.style.step,
      seqIndent: localSeqIndent(this.text, map?.node, this.style),
      shortForms: this.style.shortForms,
      flowSpace: this.style.flowSpace,
      policy,
    };
  }

  /** The located parent mapping of a pair's value (for indentation), rebuilt from the ancestors. */
  private parentMap(at: Located): Located | undefined {
    const c = at.container;
    if (c.kind !== 'pair') return undefined;
    const ancestors = at.ancestors.slice(0, -1);
    const grand = ancestors[ancestors.length - 1];
    let container: Located['container'] = { kind: 'root' };
    if (grand?.kind === 'map') {
      const index = grand.pairs.findIndex((p) => p.value === c.map);
      if (index >= 0) container = { kind: 'pair', map: grand, pair: grand.pairs[index], index };
    } else if (grand?.kind === 'seq') {
      container = { kind: 'item', seq: grand, index: grand.items.indexOf(c.map) };
    }
    return { node: c.map, container, ancestors, path: at.path.slice(0, -1) };
  }

  /** Offset just past the `:` that follows a block key. */
  private colonEnd(key: SScalar): number {
    let i = key.end;
    while (this.text[i] === ' ' || this.text[i] === '\t') i++;
    if (this.text[i] !== ':') throw new FixError('cannot find the ":" after a key');
    return i + 1;
  }

  /** Offset of the `-` that introduces a block sequence item. */
  private dashBefore(pos: number): number {
    let i = pos - 1;
    while (i >= 0 && /\s/.test(this.text[i])) i--;
    if (this.text[i] !== '-') throw new FixError('cannot find the "-" of a sequence item');
    return i;
  }

  private get eol(): string {
    return this.style.eol;
  }

  replace(at: Located, value: FixValue): TextEdit[] {
    const text = this.text;
    const old = at.node;
    const c = at.container;
    const parent = c.kind === 'pair' ? c.map : c.kind === 'item' ? c.seq : undefined;
    const mapAt = c.kind === 'pair' ? this.parentMap(at) : undefined;
    const flow = inFlow(at) || (c.kind === 'pair' && c.map.shortForm === true);
    const empty = isEmptyNull(text, old);

    if (old.kind === 'scalar' && old.style !== 'block' && !empty && isScalarValue(value)) {
      return [{ start: old.start, end: old.end, newText: this.scalarLike(old, value, flow, parent) }];
    }
    const ctx = this.ctx(mapAt, neighbourPolicy(isBlockCollection(old) ? old : parent, this.style));
    if (flow) return [{ start: old.start, end: contentEnd(text, old), newText: inlineValue(value, ctx, true) }];
    if (c.kind === 'root') throw new FixError('cannot replace the whole document');
    const inline = isInline(value, ctx);

    if (c.kind === 'item') {
      if (empty && old.start === old.end) {
        const dash = this.text[old.start] === '-' ? old.start : this.dashBefore(old.start);
        if (!inline) {
          const lines = itemLines(value, columnAt(text, dash), ctx);
          return [{ start: dash, end: dash + 1, newText: lines.join(this.eol).slice(columnAt(text, dash)) }];
        }
        return [{ start: dash + 1, end: dash + 1, newText: ' ' + inlineValue(value, ctx, false) }];
      }
      if (inline) return [{ start: old.start, end: contentEnd(text, old), newText: inlineValue(value, ctx, false) }];
      const col = columnAt(text, old.start);
      const lines = blockLines(value, col, ctx);
      lines[0] = lines[0].slice(col);
      return [{ start: old.start, end: contentEnd(text, old), newText: lines.join(this.eol) }];
    }

    // A pair's value in a block mapping.
    const colon = this.colonEnd(c.pair.key);
    const keyLineEnd = lineEndAt(text, c.pair.key.end);
    const oldBlock = isBlockCollection(old);
    if (inline) {
      const s = inlineValue(value, ctx, false);
      if (oldBlock) {
        // `Key: []` on the key line (its comment stays); the old lines go.
        return [
          { start: colon, end: colon, newText: ' ' + s },
          { start: keyLineEnd, end: lineEndAt(text, contentEnd(text, old)), newText: '' },
        ];
      }
      if (empty && old.start === old.end) return [{ start: colon, end: colon, newText: ' ' + s }];
      return [{ start: old.start, end: contentEnd(text, old), newText: s }];
    }
    const keyCol = columnAt(text, c.pair.key.start);
    const sameKind = oldBlock && (old.kind === 'seq') === Array.isArray(value);
    const indent = sameKind ? columnAt(text, old.start) : keyCol + (Array.isArray(value) ? ctx.seqIndent : ctx.step);
    const lines = blockLines(value, indent, ctx);
    if (oldBlock) {
      // Comment lines between the key and the old first entry stay.
      return [{ start: lineStartAt(text, old.start), end: contentEnd(text, old), newText: lines.join(this.eol) }];
    }
    if (empty) {
      const edits: TextEdit[] = [];
      if (old.start < old.end) edits.push({ start: colon, end: old.end, newText: '' });
      edits.push({ start: keyLineEnd, end: keyLineEnd, newText: this.eol + lines.join(this.eol) });
      return edits;
    }
    return [{ start: colon, end: contentEnd(text, old), newText: this.eol + lines.join(this.eol) }];
  }

  /** A new scalar in place of an old one, in the old one's quoting. */
  private scalarLike(old: SScalar, value: string | number | boolean | null, flow: boolean, parent: SNode | undefined): string {
    if ((old.style === 'single' || old.style === 'double') && value !== null) {
      const q = old.style === 'single' ? "'" : '"';
      return quoted(String(value), q);
    }
    // Plain stays plain where YAML allows it.
    return yamlScalar(value, flow, { quote: neighbourPolicy(parent, this.style).quoteAll ?? this.style.quote });
  }

  addPairs(at: Located, pairs: [string, FixValue][], position: PairPosition): TextEdit[] {
    const text = this.text;
    const map = at.node as SMap;
    if (map.shortForm) throw new FixError('cannot add keys to an intrinsic function');
    const ctx = this.ctx(at, neighbourPolicy(map, this.style));
    if (map.flow || inFlow(at)) {
      const entries = pairs.map(([k, v]) => `${yamlKey(k, ctx.policy.quote)}: ${inlineValue(v, ctx, true)}`).join(', ');
      if (!map.pairs.length) {
        const pad = this.style.flowSpace ? ' ' : '';
        return [{ start: map.start + 1, end: map.end - 1, newText: pad + entries + pad }];
      }
      if (position === 'start') return [{ start: map.pairs[0].key.start, end: map.pairs[0].key.start, newText: entries + ', ' }];
      const anchor = position ?? map.pairs[map.pairs.length - 1];
      return [{ start: this.pairEnd(anchor), end: this.pairEnd(anchor), newText: ', ' + entries }];
    }
    const keyCol = columnAt(text, map.pairs[0].key.start);
    const lines = pairs.flatMap(([k, v]) => keyedLines(k, v, keyCol, ctx));
    if (position === 'start') {
      const first = map.pairs[0].key.start;
      if (!startsLine(text, first)) throw new FixError('cannot insert before the first key of this mapping');
      const pos = lineStartAt(text, first);
      return [{ start: pos, end: pos, newText: lines.join(this.eol) + this.eol }];
    }
    const anchor = position ?? map.pairs[map.pairs.length - 1];
    const pos = lineEndAt(text, this.pairEnd(anchor));
    return [{ start: pos, end: pos, newText: this.eol + lines.join(this.eol) }];
  }

  private pairEnd(p: { key: SScalar; value: SNode }): number {
    return Math.max(p.key.end, contentEnd(this.text, p.value));
  }

  remove(at: Located, indices: number[]): TextEdit[] {
    const text = this.text;
    const coll = at.node;
    if (coll.kind === 'scalar') throw new FixError('nothing to remove from a scalar');
    const n = coll.kind === 'map' ? coll.pairs.length : coll.items.length;
    if (indices.length >= n) {
      if (at.container.kind === 'root') throw new FixError('cannot empty the whole document');
      return this.replace(at, coll.kind === 'map' ? {} : []);
    }
    const flow = (coll.kind === 'map' ? coll.flow || coll.shortForm : coll.flow) || inFlow(at);
    const end = (i: number): number => (coll.kind === 'map' ? this.pairEnd(coll.pairs[i]) : contentEnd(text, coll.items[i]));
    const start = (i: number): number => {
      if (coll.kind === 'map') return coll.pairs[i].key.start;
      return flow ? coll.items[i].start : this.dashBefore(coll.items[i].start);
    };
    const edits: TextEdit[] = [];
    for (const [i, j] of runsOf(indices)) {
      if (flow) {
        if (j < n - 1) edits.push({ start: start(i), end: start(j + 1), newText: '' });
        else edits.push({ start: end(i - 1), end: end(j), newText: '' });
        continue;
      }
      const s = start(i);
      if (startsLine(text, s)) {
        // Whole lines, trailing comment included.
        let from = lineStartAt(text, s);
        const lastLineEnd = lineEndAt(text, end(j));
        const to = nextLineStart(text, end(j));
        if (lastLineEnd === text.length && from > 0) {
          // Last line without a line break: take the break before it instead.
          from = lineEndAt(text, lineStartAt(text, from - 1));
        }
        edits.push({ start: from, end: to, newText: '' });
      } else {
        // First entry of a compact `- key: value` item: the next entry moves up.
        edits.push({ start: s, end: start(j + 1), newText: '' });
      }
    }
    return edits;
  }

  rename(key: SScalar, newKey: string): TextEdit[] {
    let t: string;
    if (key.style === 'single') t = quoted(newKey, "'");
    else if (key.style === 'double') t = quoted(newKey, '"');
    else t = plainSafe(newKey, true) ? newKey : quoted(newKey, this.style.quote);
    return [{ start: key.start, end: key.end, newText: t }];
  }

  append(at: Located, items: FixValue[]): TextEdit[] {
    const seq = at.node as SSeq;
    const c = at.container;
    const mapAt = c.kind === 'pair' ? this.parentMap(at) : undefined;
    const ctx = this.ctx(mapAt, neighbourPolicy(seq, this.style));
    if (seq.flow || inFlow(at) || !seq.items.length) {
      const entries = items.map((v) => inlineValue(v, ctx, true)).join(', ');
      if (!seq.items.length) return [{ start: seq.start + 1, end: seq.end - 1, newText: entries }];
      const pos = contentEnd(this.text, seq.items[seq.items.length - 1]);
      return [{ start: pos, end: pos, newText: ', ' + entries }];
    }
    const dashCol = columnAt(this.text, seq.start);
    const lines = items.flatMap((v) => itemLines(v, dashCol, ctx));
    const pos = lineEndAt(this.text, contentEnd(this.text, seq));
    return [{ start: pos, end: pos, newText: this.eol + lines.join(this.eol) }];
  }
}

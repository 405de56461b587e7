import type { SMap, SNode, SourceFile } from '../parse/source-tree';
import type { Located } from './locate';
import { columnAt, eolOf, mostCommon } from './text';
import type { Quote, ScalarPolicy } from './yaml-scalar';

/** How a YAML file is written, read off the file itself. */
export interface YamlStyle {
  eol: string;
  /** Most common indentation step of nested block mappings (default 2). */
  step: number;
  /** Column of a block sequence's `-` minus its key's column (0: not indented). */
  seqIndent: number;
  /** Quote used when one is needed: the file's more common one. */
  quote: Quote;
  /** Whether intrinsics are written as `!Ref`-style tags. */
  shortForms: boolean;
  /** `{ a: 1 }` rather than `{a: 1}`. */
  flowSpace: boolean;
}

/** The rendering settings at one place of the file. */
export interface RenderCtx {
  step: number;
  seqIndent: number;
  shortForms: boolean;
  flowSpace: boolean;
  policy: ScalarPolicy;
}

function isBlockMap(n: SNode): n is SMap {
  return n.kind === 'map' && !n.flow && !n.shortForm && n.pairs.length > 0;
}

function isBlockSeq(n: SNode): boolean {
  return n.kind === 'seq' && !n.flow && n.items.length > 0;
}

export function detectYamlStyle(src: SourceFile): YamlStyle {
  const text = src.text;
  const steps: number[] = [];
  const seqIndents: number[] = [];
  let single = 0;
  let double = 0;
  let short = 0;
  let long = 0;
  let spaced = 0;
  let tight = 0;
  const seen = new Set<SNode>();
  const walk = (n: SNode): void => {
    if (seen.has(n)) return; // aliases share nodes
    seen.add(n);
    if (n.kind === 'scalar') {
      if (n.style === 'single') single++;
      else if (n.style === 'double') double++;
      return;
    }
    if (n.kind === 'map') {
      if (n.shortForm) short++;
      else if (n.pairs.length === 1 && /^(Ref|Fn::)/.test(String(n.pairs[0].key.value))) long++;
      if (n.flow && !n.shortForm && n.pairs.length) text[n.start + 1] === ' ' ? spaced++ : tight++;
      for (const p of n.pairs) {
        if (isBlockMap(n)) {
          const keyCol = columnAt(text, p.key.start);
          if (isBlockMap(p.value)) steps.push(columnAt(text, (p.value as SMap).pairs[0].key.start) - keyCol);
          else if (isBlockSeq(p.value)) seqIndents.push(columnAt(text, p.value.start) - keyCol);
        }
        walk(p.value);
      }
      return;
    }
    for (const i of n.items) walk(i);
  };
  if (src.root) walk(src.root);
  const step = mostCommon(steps.filter((s) => s > 0)) ?? 2;
  return {
    eol: eolOf(text),
    step,
    seqIndent: mostCommon(seqIndents.filter((s) => s >= 0)) ?? step,
    quote: double > single ? '"' : "'",
    shortForms: short > 0 || long === 0,
    flowSpace: spaced > tight,
  };
}

/** The indentation step used under a block map: its own (nearest sibling first), else its parent's, else the file's. */
export function localStep(text: string, at: Located, style: YamlStyle): number {
  const map = at.node;
  if (isBlockMap(map)) {
    // The nearest sibling first: new pairs go after the last one.
    for (const p of [...map.pairs].reverse()) {
      if (isBlockMap(p.value)) {
        const s = columnAt(text, (p.value as SMap).pairs[0].key.start) - columnAt(text, p.key.start);
        if (s > 0) return s;
      }
    }
    const c = at.container;
    if (c.kind === 'pair' && !c.map.flow) {
      const s = columnAt(text, map.pairs[0].key.start) - columnAt(text, c.pair.key.start);
      if (s > 0) return s;
    }
  }
  return style.step;
}

/** Sequence indentation under the keys of a block map, from its siblings first. */
export function localSeqIndent(text: string, map: SNode | undefined, style: YamlStyle): number {
  if (map && isBlockMap(map)) {
    for (const p of [...map.pairs].reverse()) {
      if (isBlockSeq(p.value)) {
        const s = columnAt(text, p.value.start) - columnAt(text, p.key.start);
        if (s >= 0) return s;
      }
    }
  }
  return style.seqIndent;
}

/**
 * Quoting of new strings among existing ones: quoted when most of the neighbour strings
 * are (looking one level down when the collection holds only collections).
 */
export function neighbourPolicy(collection: SNode | undefined, style: YamlStyle): ScalarPolicy {
  const counts = { plain: 0, "'": 0, '"': 0 };
  const count = (n: SNode): void => {
    if (n.kind !== 'scalar' || typeof n.value !== 'string') return;
    if (n.style === 'single') counts["'"]++;
    else if (n.style === 'double') counts['"']++;
    else if (n.style === 'plain') counts.plain++;
  };
  const children = (n: SNode | undefined): SNode[] => {
    if (!n || n.kind === 'scalar' || (n.kind === 'map' && n.shortForm)) return [];
    return n.kind === 'map' ? n.pairs.map((p) => p.value) : n.items;
  };
  const direct = children(collection);
  direct.forEach(count);
  if (counts.plain + counts["'"] + counts['"'] === 0) for (const c of direct) children(c).forEach(count);
  const quotedCount = counts["'"] + counts['"'];
  if (quotedCount > counts.plain) return { quoteAll: counts['"'] > counts["'"] ? '"' : "'", quote: style.quote };
  return { quote: style.quote };
}

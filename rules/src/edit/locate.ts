import { isKey, keyString, Path, SMap, SNode, SPair, SSeq } from '../parse/source-tree';
import { FixError } from './errors';
import { trimBackWhitespace } from './text';

/** Where a node sits: what an edit needs to know about its surroundings. */
export type Container = { kind: 'root' } | { kind: 'pair'; map: SMap; pair: SPair; index: number } | { kind: 'item'; seq: SSeq; index: number };

export interface Located {
  node: SNode;
  container: Container;
  /** Nodes from the root down to the direct parent. */
  ancestors: SNode[];
  path: Path;
}

/** Mappings with more pairs than this get an index: a fix-all pass over 16,000 listeners locates 16,000 paths through Resources. */
const INDEX_FROM = 32;
const indexes = new WeakMap<SMap, { size: number; byKey: Map<string, number> }>();

/** Index of the pair CloudFormation reads for a key (the last one, as getPair does). */
function pairIndex(map: SMap, key: string): number {
  const pairs = map.pairs;
  if (pairs.length > INDEX_FROM) {
    let index = indexes.get(map);
    if (!index || index.size !== pairs.length) {
      const byKey = new Map<string, number>();
      pairs.forEach((p, i) => byKey.set(keyString(p.key.value), i)); // the last one wins
      indexes.set(map, (index = { size: pairs.length, byKey }));
    }
    return index.byKey.get(key) ?? -1;
  }
  for (let i = pairs.length - 1; i >= 0; i--) if (isKey(pairs[i].key.value, key)) return i;
  return -1;
}

/**
 * Walks a path as far as it goes. `depth` is how many steps were taken; the
 * result is the node at `path.slice(0, depth)`.
 */
export function locatePrefix(root: SNode | null, path: Path): { at: Located; depth: number } | undefined {
  if (!root) return undefined;
  let at: Located = { node: root, container: { kind: 'root' }, ancestors: [], path: [] };
  for (let d = 0; d < path.length; d++) {
    const step = path[d];
    const node = at.node;
    let next: Located | undefined;
    if (typeof step === 'number') {
      if (node.kind === 'seq' && step >= 0 && step < node.items.length) {
        const child = node.items[step];
        guard(node, child, step > 0 ? node.items[step - 1].end : node.start);
        next = { node: child, container: { kind: 'item', seq: node, index: step }, ancestors: [...at.ancestors, node], path: path.slice(0, d + 1) };
      }
    } else if (node.kind === 'map') {
      const i = pairIndex(node, step);
      if (i >= 0) {
        const pair = node.pairs[i];
        guard(node, pair.value, pair.key.end);
        next = { node: pair.value, container: { kind: 'pair', map: node, pair, index: i }, ancestors: [...at.ancestors, node], path: path.slice(0, d + 1) };
      }
    }
    if (!next) return { at, depth: d };
    at = next;
  }
  return { at, depth: path.length };
}

export function locate(root: SNode | null, path: Path): Located | undefined {
  const r = locatePrefix(root, path);
  return r && r.depth === path.length ? r.at : undefined;
}

/** Offsets of an alias point at its anchor: editing through one would edit the anchor. */
function guard(parent: SNode, child: SNode, notBefore: number): void {
  if (child.start < notBefore || child.end > Math.max(parent.end, child.start) || child.start < parent.start) {
    throw new FixError('the path goes through a YAML alias; edit the anchored node instead');
  }
}

/** Offset just past the last character that belongs to a node (no trailing line breaks or comments). */
export function contentEnd(text: string, node: SNode): number {
  switch (node.kind) {
    case 'scalar':
      return node.style === 'block' ? trimBackWhitespace(text, node.end, node.start + 1) : node.end;
    case 'map':
      if (node.shortForm) return node.pairs.length ? Math.max(node.pairs[0].key.end, contentEnd(text, node.pairs[0].value)) : node.end;
      if (node.flow || !node.pairs.length) return node.end;
      {
        const last = node.pairs[node.pairs.length - 1];
        return Math.max(last.key.end, contentEnd(text, last.value));
      }
    case 'seq':
      if (node.flow || !node.items.length) return node.end;
      return contentEnd(text, node.items[node.items.length - 1]);
  }
}

/** A YAML null written as nothing (`Key:`), `~` or `null`. */
export function isEmptyNull(text: string, node: SNode): boolean {
  if (node.kind !== 'scalar' || node.value !== null) return false;
  const t = text.slice(node.start, node.end).trim();
  return t === '' || t === '~' || t === 'null' || t === 'Null' || t === 'NULL';
}

/** Whether a node is inside a flow collection (where only flow style may be written). */
export function inFlow(at: Located): boolean {
  return at.ancestors.some((a) => (a.kind === 'map' || a.kind === 'seq') && a.flow === true && !(a.kind === 'map' && a.shortForm));
}

/** One-key map standing for an intrinsic function, or a `Ref`/`Condition`. */
export function intrinsicKey(v: unknown): string | undefined {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const keys = Object.keys(v);
  if (keys.length !== 1) return undefined;
  const k = keys[0];
  return k === 'Ref' || k === 'Condition' || k.startsWith('Fn::') ? k : undefined;
}

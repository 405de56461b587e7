import { getValue, keyString, Path, scalarString, SMap, SNode, SScalar } from '../parse/source-tree';

/** What sits under an offset of a parsed document. */
export interface NodeAtOffset {
  /** Template path of the node (for a key: the path of the value it holds). */
  path: Path;
  node: SNode;
  /** True when the offset is on a mapping key rather than a value. */
  onKey: boolean;
  key?: SScalar;
  /** The mapping holding the key/value (siblings, for Beanstalk option settings). */
  parent?: SMap;
}

function within(n: { start: number; end: number }, offset: number): boolean {
  return offset >= n.start && offset <= n.end;
}

/** The deepest key or value containing `offset`; undefined outside the root. */
export function nodeAtOffset(root: SNode | null, offset: number): NodeAtOffset | undefined {
  if (!root || !within(root, offset)) return undefined;
  let node: SNode = root;
  const path: Path = [];
  let parent: SMap | undefined;
  let key: SScalar | undefined;
  for (;;) {
    let next: SNode | undefined;
    if (node.kind === 'map') {
      for (const pair of node.pairs) {
        if (within(pair.key, offset)) {
          // A short-form tag's key spans the tag: treat it as the value's own text.
          if (node.shortForm) break;
          return { path: [...path, keyString(pair.key.value)], node: pair.value, onKey: true, key: pair.key, parent: node };
        }
        if (within(pair.value, offset)) {
          parent = node;
          key = pair.key;
          path.push(keyString(pair.key.value));
          next = pair.value;
          break;
        }
      }
    } else if (node.kind === 'seq') {
      const i = node.items.findIndex((item) => within(item, offset));
      if (i >= 0) {
        parent = undefined;
        key = undefined;
        path.push(i);
        next = node.items[i];
      }
    }
    if (!next) return { path, node, onKey: false, key, parent };
    node = next;
  }
}

/** The path inside a resource's Properties, without intrinsic-function steps (for the spec). */
export function propertyPathOf(path: Path): string[] | undefined {
  if (path[0] !== 'Resources' || typeof path[1] !== 'string' || path[2] !== 'Properties') return undefined;
  const out: string[] = [];
  for (let i = 3; i < path.length; i++) {
    const step = path[i];
    if (typeof step === 'string' && (step.startsWith('Fn::') || step === 'Ref')) {
      // Fn::If: [cond, a, b] -> skip the function and the branch index
      if (typeof path[i + 1] === 'number') i++;
      continue;
    }
    out.push(String(step));
  }
  return out;
}

/** The resource type of the resource a path is in, read from the tree. */
export function resourceTypeAt(root: SNode | null, path: Path): string | undefined {
  if (path[0] !== 'Resources' || typeof path[1] !== 'string') return undefined;
  return scalarString(getValue(getValue(getValue(root, 'Resources'), path[1]), 'Type'));
}

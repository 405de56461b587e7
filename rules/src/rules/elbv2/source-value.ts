import type { FixValue } from '../../engine/types';
import type { SNode } from '../../parse/source-tree';

/** A template node as a fix value (intrinsics are already in long form, so they round-trip). */
export function toFixValue(node: SNode): FixValue {
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'seq':
      return node.items.map(toFixValue);
    default: {
      const out: { [key: string]: FixValue } = {};
      for (const p of node.pairs) out[String(p.key.value)] = toFixValue(p.value);
      return out;
    }
  }
}

import type { Rule } from '../../engine/types';
import { DuplicateKey, keyString, nodeAtPath, Path, positionAt, SMap, SNode } from '../../parse/source-tree';
import { quote } from '../helpers';

/**
 * A key written twice in one mapping. CloudFormation (like PyYAML and JSON.parse) deploys the
 * template and keeps the last value, so the file is linted with the last value winning (the
 * source tree's lookups all take the last pair); this rule says that the earlier one is dead.
 */
export const templateDuplicateKey: Rule = {
  meta: {
    id: 'template-duplicate-key',
    severity: 'error',
    summary: 'A mapping key written twice in the same mapping: CloudFormation keeps the last value and silently drops the earlier one.',
    fixable: true,
    docs: { fixNote: 'quick fix only' },
    peers: [],
    resourceTypes: '*',
  },
  check(ctx) {
    const duplicates = ctx.template.source.duplicateKeys;
    if (!duplicates?.length) return;
    const paths = pathsOfMaps(ctx.template.root, new Set(duplicates.map((d) => d.map)));
    const lineOf = (offset: number): number => positionAt(ctx.template.source.lineStarts, offset).line + 1;
    for (const group of groupByKey(duplicates)) {
      const mapPath = paths.get(group.map);
      // A mapping inside the ignored copy of a duplicated key has no path of its own.
      if (!mapPath || nodeAtPath(ctx.template.root, mapPath)?.node !== group.map) continue;
      const key = keyString(group.last.value);
      const lines = group.earlier.map((k) => lineOf(k.start));
      const where = lines.length === 1 ? `line ${lines[0]}` : `lines ${lines.join(', ')}`;
      const what = mapPath.length === 1 && mapPath[0] === 'Resources' ? `Logical id ${quote(key)}` : `Key ${quote(key)}`;
      ctx.report({
        path: [...mapPath, key],
        target: 'key',
        message: `${what} is written again here (first at ${where}). CloudFormation keeps only this last one and ignores the earlier ${lines.length === 1 ? 'one' : 'ones'}, so what deploys is not what the earlier lines say. Remove or rename the duplicate.`,
        related: group.earlier.map((k) => ({
          path: [...mapPath, key],
          offsets: { start: k.start, end: k.end },
          message: `${quote(key)} first written here (ignored by CloudFormation)`,
        })),
        fixes:
          group.earlier.length === 1
            ? [
                {
                  title: `Remove the earlier ${quote(key)} (line ${lines[0]}), which CloudFormation ignores`,
                  intents: [{ kind: 'remove', path: [...mapPath, key], occurrence: 0 }],
                  safe: false,
                },
              ]
            : undefined,
        data: { key, earlierLines: lines },
      });
    }
  },
};

interface KeyGroup {
  map: SMap;
  earlier: DuplicateKey['earlier'][];
  last: DuplicateKey['later'];
}

/** One group per repeated key of a mapping: the keys written before its last occurrence. */
function groupByKey(duplicates: readonly DuplicateKey[]): KeyGroup[] {
  const groups = new Map<string, KeyGroup>();
  const ids = new Map<SMap, number>();
  for (const d of duplicates) {
    if (!ids.has(d.map)) ids.set(d.map, ids.size);
    const id = `${ids.get(d.map)}\u0000${typeof d.later.value}:${String(d.later.value)}`;
    const g = groups.get(id);
    if (!g) groups.set(id, { map: d.map, earlier: [d.earlier], last: d.later });
    else {
      // Three or more: every occurrence but the last is "earlier".
      g.earlier.push(g.last);
      g.last = d.later;
    }
  }
  return [...groups.values()];
}

/** The template path of each of the given mappings (the first path that reaches it). */
function pathsOfMaps(root: SNode, wanted: Set<SMap>): Map<SMap, Path> {
  const found = new Map<SMap, Path>();
  const stack: { node: SNode; path: Path }[] = [{ node: root, path: [] }];
  const seen = new Set<SNode>();
  while (stack.length && found.size < wanted.size) {
    const { node, path } = stack.pop()!;
    if (seen.has(node)) continue;
    seen.add(node);
    if (node.kind === 'map') {
      if (wanted.has(node) && !found.has(node)) found.set(node, path);
      for (const p of node.pairs) stack.push({ node: p.value, path: [...path, keyString(p.key.value)] });
    } else if (node.kind === 'seq') node.items.forEach((item, i) => stack.push({ node: item, path: [...path, i] }));
  }
  return found;
}

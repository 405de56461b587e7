import type { SMap, SNode, SourceFile } from './source-tree';

/**
 * Carries a document's unchanged subtrees over from its previous version's parse into the
 * fresh parse of its new text: each top-level section, and each resource under `Resources`,
 * whose fresh subtree equals the previous one (kinds, values, styles, keys) becomes the
 * previous node objects again, with the fresh offsets written into them. What reads a
 * version by node identity (the views of model/views.ts) can then keep what it derived from
 * the nodes an edit did not touch.
 *
 * The fresh parse stays the truth: a subtree is only ever swapped for an equal one, so the
 * result reads exactly as the fresh parse. The previous tree is changed in place (its
 * offsets): results of the previous version must not be read after this.
 */
export function graftUnchanged(previous: SourceFile, fresh: SourceFile): SourceFile {
  if (!carriable(previous) || !carriable(fresh) || previous.format !== fresh.format) return fresh;
  const before = previous.root as SMap;
  const after = fresh.root as SMap;
  if (before.pairs.length !== after.pairs.length) return fresh;
  const pairs = after.pairs.map((p, i) => {
    const old = before.pairs[i]!;
    if (old.key.value !== p.key.value) return p;
    if (p.key.value === 'Resources' && p.value.kind === 'map' && old.value.kind === 'map') return { key: p.key, value: graftResources(old.value, p.value) };
    return adopt(old.value, p.value) ? { key: p.key, value: old.value } : p;
  });
  return { ...fresh, root: { ...after, pairs } };
}

/**
 * Whether a parse's nodes may be carried into another version's tree (here and in reparse.ts):
 * a block or flow mapping without syntax errors, repeated keys or aliases (one node in several
 * places, whose offsets cannot follow each), and the file's own root (not an embedded template).
 */
export function carriable(f: SourceFile): boolean {
  return f.root?.kind === 'map' && !f.embedded && !f.sharedNodes && f.errors.length === 0 && !f.duplicateKeys?.length;
}

/** Resources matched by logical id, wherever an edit moved them. */
function graftResources(before: SMap, after: SMap): SMap {
  const old = new Map<unknown, SNode>();
  for (const p of before.pairs) old.set(p.key.value, p.value);
  const pairs = after.pairs.map((p) => {
    const o = old.get(p.key.value);
    return o && adopt(o, p.value) ? { key: p.key, value: o } : p;
  });
  return { ...after, pairs };
}

/** Whether `old` reads exactly as `fresh`; when it does, `old` takes `fresh`'s offsets. */
function adopt(old: SNode, fresh: SNode): boolean {
  if (old === fresh) return true;
  if (!same(old, fresh)) return false;
  takeOffsets(old, fresh);
  return true;
}

function same(old: SNode, fresh: SNode): boolean {
  switch (fresh.kind) {
    case 'scalar':
      return old.kind === 'scalar' && Object.is(old.value, fresh.value) && old.style === fresh.style;
    case 'map':
      if (old.kind !== 'map' || old.pairs.length !== fresh.pairs.length || old.flow !== fresh.flow || old.shortForm !== fresh.shortForm) return false;
      for (let i = 0; i < fresh.pairs.length; i++) {
        const o = old.pairs[i]!;
        const f = fresh.pairs[i]!;
        if (!same(o.key, f.key) || !same(o.value, f.value)) return false;
      }
      return true;
    case 'seq':
      if (old.kind !== 'seq' || old.items.length !== fresh.items.length || old.flow !== fresh.flow) return false;
      for (let i = 0; i < fresh.items.length; i++) if (!same(old.items[i]!, fresh.items[i]!)) return false;
      return true;
  }
}

/** `old` and `fresh` have the same shape (`same`). */
function takeOffsets(old: SNode, fresh: SNode): void {
  old.start = fresh.start;
  old.end = fresh.end;
  if (old.kind === 'map' && fresh.kind === 'map') {
    for (let i = 0; i < fresh.pairs.length; i++) {
      takeOffsets(old.pairs[i]!.key, fresh.pairs[i]!.key);
      takeOffsets(old.pairs[i]!.value, fresh.pairs[i]!.value);
    }
  } else if (old.kind === 'seq' && fresh.kind === 'seq') {
    for (let i = 0; i < fresh.items.length; i++) takeOffsets(old.items[i]!, fresh.items[i]!);
  }
}

import type { Candidate, RNode } from '../evaluate/values';
import { quote, quoteList } from '../util/quote';

export { quote, quoteList };
import { isMap, isSeq, Path, pathKey, SNode } from '../parse/source-tree';
import type { Fix, FixValue, RelatedInfo, RuleContext, Severity } from '../engine/types';

/**
 * Shared reporting helpers: a value found through a parameter or a mapping is
 * reported on the property, with related information at the value's source, and
 * its fix edits that source.
 */

/** Where a candidate is written, for messages and fix titles. */
export function originLabel(c: Candidate): string {
  switch (c.origin) {
    case 'default':
      return `the Default of parameter ${String(c.path[1])}`;
    case 'allowed':
      return `an AllowedValues entry of parameter ${String(c.path[1])}`;
    case 'mapping':
      return `mapping ${c.path.slice(1).map(String).join('.')}`;
    case 'supplied':
      return `the value ${c.from ?? 'the run'} gives parameter ${String(c.path[1])}`;
    default:
      return 'the template';
  }
}

/** Related information for candidates not written in place. */
export function relatedFor(cands: readonly Candidate[]): RelatedInfo[] {
  return cands.filter((c) => c.origin !== 'inplace').map((c) => ({ path: c.path, message: `${quote(c.value)} comes from ${originLabel(c)}` }));
}

/** A fix that replaces each candidate's written value (in place, parameter or mapping). */
export function setValueFix(cands: readonly Candidate[], value: FixValue, what: string, safe = true): Fix {
  const elsewhere = cands.find((c) => c.origin !== 'inplace');
  const title = elsewhere ? `Set ${what} to ${quote(value)} in ${originLabel(elsewhere)}` : `Set ${what} to ${quote(value)}`;
  const seen = new Set<string>();
  const intents = [];
  for (const c of cands) {
    const key = pathKey(c.path);
    if (seen.has(key)) continue;
    seen.add(key);
    intents.push({ kind: 'set' as const, path: c.path, value });
  }
  return { title, intents, safe };
}

/** Candidates of a leaf whose (string) value fails a test. */
export function badStrings(n: RNode | undefined, isBad: (v: string) => boolean): (Candidate & { value: string })[] {
  if (!n || n.kind !== 'leaf') return [];
  return n.candidates.filter((c): c is Candidate & { value: string } => typeof c.value === 'string' && isBad(c.value));
}

export interface ValueReport {
  /** The resolved property value. */
  node: RNode;
  bad: readonly Candidate[];
  message: string;
  fixValue?: FixValue;
  fixWhat?: string;
  severity?: Severity;
  data?: Record<string, unknown>;
}

/** Reports offending candidates of one property once, on the property, with related info and a fix. */
export function reportValue(ctx: RuleContext, r: ValueReport): void {
  if (!r.bad.length) return;
  ctx.report({
    path: r.node.path,
    message: r.message,
    severity: r.severity,
    related: relatedFor(r.bad),
    fixes: r.fixValue !== undefined ? [setValueFix(r.bad, r.fixValue, r.fixWhat ?? String(r.node.path[r.node.path.length - 1]))] : undefined,
    data: r.data,
  });
}

/** Candidates of a leaf whose value is false (`false`, or the string `"false"` in any case). */
export function falseCandidates(n: RNode | undefined): Candidate[] {
  if (!n || n.kind !== 'leaf') return [];
  return n.candidates.filter((c) => c.value === false || (typeof c.value === 'string' && c.value.trim().toLowerCase() === 'false'));
}

/** Quoted list of distinct candidate values for messages. */
export function listValues(cands: readonly Candidate[]): string {
  return quoteList(cands.map((c) => c.value));
}

/** Path of a resource's Properties key (where a missing property is reported). */
export function propertiesPath(resourceId: string): Path {
  return ['Resources', resourceId, 'Properties'];
}

/** Insert-property fix into a resource's Properties (or into a nested object path). */
export function insertFix(path: Path, key: string, value: FixValue, title?: string): Fix {
  return { title: title ?? `Insert ${key}: ${quote(value)}`, intents: [{ kind: 'insert', path, key, value }], safe: true };
}

/** A template node as a fix value (intrinsics stay intrinsics). */
export function toFixValue(node: SNode): FixValue {
  if (isSeq(node)) return node.items.map(toFixValue);
  if (isMap(node)) {
    const out: { [key: string]: FixValue } = {};
    for (const p of node.pairs) out[String(p.key.value)] = toFixValue(p.value);
    return out;
  }
  return node.value;
}

/**
 * What a rule found in one resource, kept per resource node for the next version of the
 * document: a node an edit did not touch stays the same object (parse/reparse.ts), so findings
 * that are a function of the resource's own text alone need not be computed again. Only for
 * such findings (no settings, parameters or other resources read); `id` guards against one
 * node under two logical ids (YAML aliases).
 */
export class ResourceMemo<T> {
  private readonly byNode = new WeakMap<SNode, { id: string; value: T }>();

  get(id: string, node: SNode, compute: () => T): T {
    const known = this.byNode.get(node);
    if (known && known.id === id) return known.value;
    const value = compute();
    this.byNode.set(node, { id, value });
    return value;
  }
}

import { isMap, isScalar, isSeq, Path, scalarString, SMap, SNode, SScalar } from '../parse/source-tree';

/**
 * `Fn::ForEach` (the `AWS::LanguageExtensions` transform) in `Resources`: each loop is
 * expanded as the transform expands it, so the resources it generates are linted like any
 * other. A generated resource keeps the nodes of the loop body (copies, with the same offsets),
 * so its findings sit on the body's property; `origin` says where the body is and which
 * values made it.
 *
 * As the transform does: the output key's `${Id}` and `&{Id}` (the value without its
 * non-alphanumeric characters) name the resource; in the body, `Ref: Id` becomes the value and
 * `${Id}` in an `Fn::Sub` string is replaced. Loops nest. A collection the engine cannot list
 * (a `Ref` to a parameter without a list `Default`, an `Fn::GetAtt`...) is not expanded: its
 * resources are unknown, never guessed.
 */

/** One generated resource. */
export interface Expansion {
  id: string;
  /** The output key as written (`Listener${Name}`): the generated resource's key node. */
  keyNode: SScalar;
  /** The body with the loop values put in. */
  body: SNode;
  /** Template path of the body as written. */
  sourcePath: Path;
  /** The loops that made it, outermost first. */
  loops: LoopValue[];
}

export interface LoopValue {
  /** `Fn::ForEach::Listeners`. */
  loop: string;
  identifier: string;
  value: string;
}

/** What the expansion needs of the template: parameter defaults (a `Ref` collection). */
export interface ForEachParameters {
  get(name: string): { defaultNode: SNode | undefined } | undefined;
}

export const FOR_EACH_PREFIX = 'Fn::ForEach::';
/** Generated resources per template at most (CloudFormation allows 500 resources after expansion): a bound on work, not a rule. */
const MAX_EXPANSIONS = 2000;
const MAX_DEPTH = 8;

/**
 * The resources one `Fn::ForEach::…` entry of `Resources` generates, appended to `out`: the same
 * array for every loop of a template, so MAX_EXPANSIONS bounds the template, not each loop.
 */
export function expandForEach(loop: string, value: SNode, sourcePath: Path, parameters: ForEachParameters, out: Expansion[] = []): Expansion[] {
  expand(loop, value, sourcePath, parameters, [], out, 0);
  return out;
}

function expand(loop: string, value: SNode, sourcePath: Path, parameters: ForEachParameters, outer: LoopValue[], out: Expansion[], depth: number): void {
  if (depth > MAX_DEPTH || !isSeq(value) || value.items.length !== 3) return;
  const [idNode, collectionNode, outputs] = value.items;
  const identifier = scalarString(idNode);
  const values = collectionOf(collectionNode, parameters, outer);
  if (identifier === undefined || !values || !isMap(outputs)) return;
  for (const v of values) {
    const loops = [...outer, { loop, identifier, value: v }];
    for (const pair of outputs.pairs) {
      const key = String(pair.key.value);
      const path = [...sourcePath, 2, key];
      if (key.startsWith(FOR_EACH_PREFIX)) {
        expand(key, pair.value, path, parameters, loops, out, depth + 1);
        continue;
      }
      if (out.length >= MAX_EXPANSIONS) return;
      out.push({ id: substituteKey(key, loops), keyNode: pair.key, body: substituteBody(pair.value, loops, 0), sourcePath: path, loops });
    }
  }
}

/** The collection's values: a list of strings, or a `Ref` to a list parameter's `Default`. */
function collectionOf(node: SNode, parameters: ForEachParameters, loops: LoopValue[]): string[] | undefined {
  if (isSeq(node)) {
    const values = node.items.map((i) => (isScalar(i) && i.value !== null ? String(i.value) : undefined));
    return values.every((v): v is string => v !== undefined) ? values : undefined;
  }
  const ref = isMap(node) && node.pairs.length === 1 && node.pairs[0].key.value === 'Ref' ? scalarString(node.pairs[0].value) : undefined;
  if (ref === undefined) return undefined;
  const bound = loops.find((l) => l.identifier === ref);
  if (bound) return undefined; // a single value where a list belongs
  const def = parameters.get(ref)?.defaultNode;
  if (isSeq(def)) return collectionOf(def, parameters, loops);
  const text = scalarString(def);
  return text === undefined ? undefined : text.split(',').map((s) => s.trim());
}

function substituteKey(key: string, loops: LoopValue[]): string {
  let out = key;
  for (const l of loops) {
    out = out.split(`\${${l.identifier}}`).join(l.value);
    out = out.split(`&{${l.identifier}}`).join(l.value.replace(/[^A-Za-z0-9]/g, ''));
  }
  return out;
}

function substituteSub(text: string, loops: LoopValue[]): string {
  let out = text;
  for (const l of loops) out = out.split(`\${${l.identifier}}`).join(l.value);
  return out;
}

/** A copy of the body with `Ref: Id` and `${Id}` in `Fn::Sub` strings replaced; the same offsets. */
function substituteBody(node: SNode, loops: LoopValue[], depth: number): SNode {
  if (depth > 200 || isScalar(node)) return node;
  if (isSeq(node)) return { ...node, items: node.items.map((i) => substituteBody(i, loops, depth + 1)) };
  if (node.pairs.length === 1) {
    const fn = node.pairs[0].key.value;
    const arg = node.pairs[0].value;
    if (fn === 'Ref') {
      const name = scalarString(arg);
      const bound = loops.find((l) => l.identifier === name);
      if (bound) return { kind: 'scalar', value: bound.value, start: node.start, end: node.end, style: 'plain' };
    }
    if (fn === 'Fn::Sub') {
      if (isScalar(arg) && typeof arg.value === 'string') return withArg(node, { ...arg, value: substituteSub(arg.value, loops) });
      if (isSeq(arg) && arg.items.length >= 1 && isScalar(arg.items[0]) && typeof arg.items[0].value === 'string') {
        const first = { ...arg.items[0], value: substituteSub(arg.items[0].value, loops) };
        return withArg(node, { ...arg, items: [first, ...arg.items.slice(1).map((i) => substituteBody(i, loops, depth + 1))] });
      }
    }
  }
  return { ...node, pairs: node.pairs.map((p) => ({ key: p.key, value: substituteBody(p.value, loops, depth + 1) })) };
}

function withArg(node: SMap, arg: SNode): SMap {
  return { ...node, pairs: [{ key: node.pairs[0].key, value: arg }] };
}

/** `Fn::ForEach::Listeners (Name = a)`, nested loops joined: how a finding names its iteration. */
export function describeLoops(loops: readonly LoopValue[]): string {
  return loops.map((l) => `${l.loop} with ${l.identifier} = ${l.value}`).join(', ');
}

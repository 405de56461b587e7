import { getValue, intrinsicName, isMap, isScalar, isSeq, Path, ScalarValue, scalarString, SMap, SNode, SScalar } from '../parse/source-tree';
import { Template } from '../template/template';
import { Scenario } from './conditions';

/**
 * Values through intrinsics. A node resolves, in one scenario, to a tree whose
 * leaves are the possible concrete values (with where each is written) or unknown.
 */

/** Where a candidate value is written. */
/** `supplied`: a parameter value given for the run (`--parameters`), not written in the template. */
export type Origin = 'inplace' | 'default' | 'allowed' | 'mapping' | 'supplied';

export interface Candidate {
  value: ScalarValue;
  node: SNode;
  /** Template path where the value is written (a parameter Default, a mapping entry, or in place). */
  path: Path;
  origin: Origin;
  /** Where a supplied value comes from (`prod.json`). */
  from?: string;
}

interface RBase {
  /** Template path of the node (in the resource) that produced this value. */
  path: Path;
  node: SNode;
}

export interface REntry {
  key: SScalar;
  value: RNode;
}

export interface RMap extends RBase {
  kind: 'map';
  entries: Map<string, REntry>;
}

export interface RSeq extends RBase {
  kind: 'seq';
  items: RNode[];
}

export interface RLeaf extends RBase {
  kind: 'leaf';
  /** Non-empty. */
  candidates: Candidate[];
}

export interface RUnknown extends RBase {
  kind: 'unknown';
  /** The logical id of a resource of this template referenced by `Ref`/`Fn::GetAtt`. */
  ref?: string;
  attribute?: string;
}

export type RNode = RMap | RSeq | RLeaf | RUnknown;

/** `AWS::NoValue`: the property or item is absent. */
export const ABSENT = Symbol('absent');
export type Resolved = RNode | typeof ABSENT;

const MAX_DEPTH = 200;

export class Resolver {
  constructor(
    private readonly template: Template,
    private readonly scenario: Scenario,
  ) {}

  resolve(node: SNode, path: Path, depth = 0): Resolved {
    if (depth > MAX_DEPTH) return { kind: 'unknown', path, node };
    if (isScalar(node)) return { kind: 'leaf', path, node, candidates: [{ value: node.value, node, path, origin: 'inplace' }] };
    if (isSeq(node)) {
      const items: RNode[] = [];
      node.items.forEach((item, i) => {
        const r = this.resolve(item, [...path, i], depth + 1);
        if (r !== ABSENT) items.push(r);
      });
      return { kind: 'seq', path, node, items };
    }
    const fn = intrinsicName(node);
    if (fn && fn !== 'Condition') return this.intrinsic(fn, node, path, depth);
    const entries = new Map<string, REntry>();
    for (const pair of node.pairs) {
      const key = String(pair.key.value);
      const r = this.resolve(pair.value, [...path, key], depth + 1);
      if (r !== ABSENT) entries.set(key, { key: pair.key, value: r });
      else entries.delete(key);
    }
    return { kind: 'map', path, node, entries };
  }

  private intrinsic(fn: string, node: SMap, path: Path, depth: number): Resolved {
    const arg = node.pairs[0].value;
    const argPath = [...path, fn];
    const unknown = (extra: Partial<RUnknown> = {}): RUnknown => ({ kind: 'unknown', path, node, ...extra });
    switch (fn) {
      case 'Ref':
        return this.ref(scalarString(arg), node, path);
      case 'Fn::GetAtt': {
        const target = isSeq(arg) ? scalarString(arg.items[0]) : scalarString(arg)?.split('.')[0];
        const attribute = isSeq(arg) ? scalarString(arg.items[1]) : scalarString(arg)?.split('.').slice(1).join('.');
        return unknown(target && this.template.resources.has(target) ? { ref: target, attribute } : {});
      }
      case 'Fn::If': {
        if (!isSeq(arg) || arg.items.length !== 3) return unknown();
        const cond = scalarString(arg.items[0]);
        const value = cond === undefined || this.scenario.conditionsUnknown ? undefined : this.scenario.assignment.get(cond);
        if (value === undefined) return unknown();
        const i = value ? 1 : 2;
        return this.resolve(arg.items[i], [...argPath, i], depth + 1);
      }
      case 'Fn::FindInMap':
        return this.findInMap(arg, node, path, depth);
      case 'Fn::Sub': {
        const s = isSeq(arg) ? scalarString(arg.items[0]) : scalarString(arg);
        if (s === undefined || /\$\{(?!!)/.test(s)) return unknown();
        return { kind: 'leaf', path, node, candidates: [{ value: s.replace(/\$\{!/g, '${'), node, path, origin: 'inplace' }] };
      }
      case 'Fn::Join': {
        if (!isSeq(arg) || arg.items.length !== 2) return unknown();
        const delim = scalarString(arg.items[0]);
        const list = this.resolve(arg.items[1], [...argPath, 1], depth + 1);
        if (delim === undefined || list === ABSENT || list.kind !== 'seq') return unknown();
        const parts: string[] = [];
        for (const item of list.items) {
          if (item.kind !== 'leaf' || item.candidates.length !== 1 || item.candidates[0].value === null) return unknown();
          parts.push(String(item.candidates[0].value));
        }
        return { kind: 'leaf', path, node, candidates: [{ value: parts.join(delim), node, path, origin: 'inplace' }] };
      }
      case 'Fn::Select': {
        if (!isSeq(arg) || arg.items.length !== 2) return unknown();
        const index = Number(scalarString(arg.items[0]));
        const list = this.resolve(arg.items[1], [...argPath, 1], depth + 1);
        if (!Number.isInteger(index) || list === ABSENT || list.kind !== 'seq' || index < 0 || index >= list.items.length) return unknown();
        return list.items[index];
      }
      case 'Fn::Length': {
        // AWS::LanguageExtensions: the number of items of a list written here or resolved to one.
        const list = this.resolve(arg, argPath, depth + 1);
        if (list === ABSENT || list.kind !== 'seq') return unknown();
        return { kind: 'leaf', path, node, candidates: [{ value: list.items.length, node, path, origin: 'inplace' }] };
      }
      case 'Fn::ToJsonString': {
        // AWS::LanguageExtensions: an object or list as compact JSON, when every value in it is known.
        const value = knownJson(this.resolve(arg, argPath, depth + 1));
        return value === undefined ? unknown() : { kind: 'leaf', path, node, candidates: [{ value: JSON.stringify(value), node, path, origin: 'inplace' }] };
      }
      default:
        return unknown();
    }
  }

  private ref(name: string | undefined, node: SMap, path: Path): Resolved {
    if (name === undefined) return { kind: 'unknown', path, node };
    if (name === 'AWS::NoValue') return ABSENT;
    const param = this.template.parameters.get(name);
    if (param) {
      const type = param.type ?? 'String';
      if (type.startsWith('AWS::SSM::Parameter::Value') || type.startsWith('List<') || type === 'CommaDelimitedList') {
        return { kind: 'unknown', path, node };
      }
      const allowedInScenario = this.scenario.params.get(name);
      if (param.supplied) {
        const v = param.defaultNode;
        if (!isScalar(v) || (allowedInScenario && !allowedInScenario.has(String(v.value)))) return { kind: 'unknown', path, node };
        return {
          kind: 'leaf',
          path,
          node,
          candidates: [{ value: v.value, node: v, path: ['Parameters', name], origin: 'supplied', from: param.supplied.from }],
        };
      }
      const candidates: Candidate[] = [];
      const add = (n: SNode | undefined, p: Path, origin: Origin): void => {
        if (!isScalar(n) || n.value === null) return;
        if (allowedInScenario && !allowedInScenario.has(String(n.value))) return;
        candidates.push({ value: n.value, node: n, path: p, origin });
      };
      add(param.defaultNode, ['Parameters', name, 'Default'], 'default');
      param.allowedValues.forEach((v, i) => add(v, ['Parameters', name, 'AllowedValues', i], 'allowed'));
      return candidates.length ? { kind: 'leaf', path, node, candidates } : { kind: 'unknown', path, node };
    }
    if (this.template.resources.has(name)) return { kind: 'unknown', path, node, ref: name };
    return { kind: 'unknown', path, node };
  }

  private findInMap(arg: SNode, node: SMap, path: Path, depth: number): Resolved {
    const unknown: RUnknown = { kind: 'unknown', path, node };
    if (!isSeq(arg) || arg.items.length < 3) return unknown;
    // `{DefaultValue: x}` (AWS::LanguageExtensions): the value when the lookup finds nothing.
    const fallbackNode = arg.items.length === 4 ? getValue(arg.items[3], 'DefaultValue') : undefined;
    const fallback = (): Resolved => (fallbackNode ? this.resolve(fallbackNode, [...path, 'Fn::FindInMap', 3, 'DefaultValue'], depth + 1) : unknown);
    const mapName = scalarString(arg.items[0]);
    const top = mapName === undefined || !this.template.mappings ? undefined : getValue(this.template.mappings, mapName);
    if (!isMap(top)) return fallback();
    const keyChoices = (i: number): string[] | undefined => {
      const r = this.resolve(arg.items[i], [...path, 'Fn::FindInMap', i], depth + 1);
      if (r === ABSENT) return undefined;
      if (r.kind === 'leaf' && r.candidates.every((c) => c.origin === 'inplace' && c.value !== null)) return r.candidates.map((c) => String(c.value));
      return undefined; // not literal: every key
    };
    const k1 = keyChoices(1);
    const k2 = keyChoices(2);
    const found: { node: SNode; path: Path }[] = [];
    for (const p1 of top.pairs) {
      const n1 = String(p1.key.value);
      if (k1 && !k1.includes(n1)) continue;
      if (!isMap(p1.value)) continue;
      for (const p2 of p1.value.pairs) {
        const n2 = String(p2.key.value);
        if (k2 && !k2.includes(n2)) continue;
        found.push({ node: p2.value, path: ['Mappings', mapName!, n1, n2] });
      }
    }
    // Keys that may be missing from the map (unknown ones may be anything) leave the default possible.
    const mayMiss =
      !!fallbackNode &&
      (!k1 ||
        !k2 ||
        k1.some((a) => {
          const m = getValue(top, a);
          return !isMap(m) || k2.some((b) => getValue(m, b) === undefined);
        }));
    if (!found.length) return fallback();
    if (found.length === 1 && k1 && k2 && !mayMiss) {
      const r = this.resolve(found[0].node, found[0].path, depth + 1);
      if (r === ABSENT) return ABSENT;
      if (r.kind === 'leaf') return { kind: 'leaf', path, node, candidates: r.candidates.map((c) => ({ ...c, origin: 'mapping' })) };
      return r;
    }
    const candidates: Candidate[] = [];
    for (const f of found) {
      if (!isScalar(f.node) || f.node.value === null) return unknown; // lists or intrinsics: no single answer
      candidates.push({ value: f.node.value, node: f.node, path: f.path, origin: 'mapping' });
    }
    if (mayMiss) {
      const d = fallback();
      if (d === ABSENT || d.kind !== 'leaf') return unknown;
      candidates.push(...d.candidates);
    }
    return { kind: 'leaf', path, node, candidates };
  }
}

/** Condition names used by `Fn::If` anywhere below a node. */
export function conditionsIn(node: SNode | undefined, out = new Set<string>()): Set<string> {
  if (!node) return out;
  const stack: SNode[] = [node];
  let budget = 100_000;
  while (stack.length && budget-- > 0) {
    const n = stack.pop()!;
    if (n.kind === 'seq') {
      for (const i of n.items) stack.push(i);
    } else if (n.kind === 'map') {
      if (n.pairs.length === 1 && n.pairs[0].key.value === 'Fn::If' && isSeq(n.pairs[0].value)) {
        const c = scalarString(n.pairs[0].value.items[0]);
        if (c !== undefined) out.add(c);
      }
      for (const p of n.pairs) stack.push(p.value);
    }
  }
  return out;
}

// ------------------------------------------------------------------ helpers for rules

/** The entry of a resolved map, or undefined when absent (or the map is not known). */
export function entry(map: RNode | undefined, key: string): RNode | undefined {
  return map && map.kind === 'map' ? map.entries.get(key)?.value : undefined;
}

/** Walks keys through resolved maps. */
export function entryAt(map: RNode | undefined, ...keys: string[]): RNode | undefined {
  let n = map;
  for (const k of keys) n = entry(n, k);
  return n;
}

/** Known string values of a node (empty for unknown, non-leaf or non-string). */
export function strings(n: RNode | undefined): string[] {
  if (!n || n.kind !== 'leaf') return [];
  return n.candidates.filter((c) => typeof c.value === 'string').map((c) => c.value as string);
}

/** Candidates of a leaf whose value is a string. */
export function stringCandidates(n: RNode | undefined): (Candidate & { value: string })[] {
  if (!n || n.kind !== 'leaf') return [];
  return n.candidates.filter((c): c is Candidate & { value: string } => typeof c.value === 'string');
}

/** Known boolean value (`true`/`"true"`), undefined when unknown. */
export function booleans(n: RNode | undefined): boolean[] {
  if (!n || n.kind !== 'leaf') return [];
  const out: boolean[] = [];
  for (const c of n.candidates) {
    if (typeof c.value === 'boolean') out.push(c.value);
    else if (typeof c.value === 'string' && /^(true|false)$/i.test(c.value)) out.push(c.value.toLowerCase() === 'true');
  }
  return out;
}

/** A resolved value as plain JSON when every leaf has one known value; undefined otherwise. */
function knownJson(r: Resolved): unknown {
  if (r === ABSENT) return undefined;
  switch (r.kind) {
    case 'leaf':
      return r.candidates.length === 1 ? r.candidates[0].value : undefined;
    case 'seq': {
      const items = r.items.map(knownJson);
      return items.includes(undefined) ? undefined : items;
    }
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const [k, e] of r.entries) {
        const v = knownJson(e.value);
        if (v === undefined) return undefined;
        out[k] = v;
      }
      return out;
    }
    default:
      return undefined;
  }
}

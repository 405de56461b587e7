import { expandForEach, FOR_EACH_PREFIX, type Expansion, type LoopValue } from './foreach';
import { getPair, keyString, getValue, isMap, isSeq, nodeAtPath, Path, positionAt, scalarString, SMap, SNode, SourceFile, SScalar } from '../parse/source-tree';

export interface Range {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export interface OffsetRange {
  start: number;
  end: number;
}

export interface ParameterInfo {
  name: string;
  node: SMap;
  type: string | undefined;
  defaultNode: SNode | undefined;
  allowedValues: SNode[];
  noEcho: boolean;
  /** Set when the run supplies this parameter's value (`--parameters`): `defaultNode` is that value, the only one allowed. */
  supplied?: { from: string };
}

/** A parameter value given for a run, not written in the template (`--parameters prod.json`). */
export interface SuppliedParameter {
  /** Undefined: a value is given, but not known (a parent stack passes a resource attribute). */
  value: string | undefined;
  /** Where it comes from, for messages: the file's name. */
  from: string;
}

export interface ResourceInfo {
  id: string;
  keyNode: SScalar;
  node: SNode;
  type: string | undefined;
  properties: SNode | undefined;
  propertiesKey: SScalar | undefined;
  metadata: SNode | undefined;
  condition: string | undefined;
  /** A resource an `Fn::ForEach` loop generates: where its body is written, and the loop values (foreach.ts). */
  origin?: { path: Path; loops: LoopValue[] };
}

const NONE_SUPPLIED: ReadonlyMap<string, SuppliedParameter> = new Map();

/** Typed access to a parsed template's sections; `rangeOf(path)` lives here only. */
export class Template {
  readonly root: SMap;
  readonly parameters = new Map<string, ParameterInfo>();
  readonly conditions = new Map<string, SNode>();
  readonly mappings: SMap | undefined;
  readonly resources = new Map<string, ResourceInfo>();
  readonly resourcesByType = new Map<string, ResourceInfo[]>();
  readonly globals: SMap | undefined;
  readonly metadata: SNode | undefined;

  constructor(
    readonly source: SourceFile,
    readonly fileName: string,
    supplied: ReadonlyMap<string, SuppliedParameter> = NONE_SUPPLIED,
  ) {
    if (!isMap(source.root)) throw new Error('Template root must be a mapping');
    this.root = source.root;
    const params = getValue(this.root, 'Parameters');
    if (isMap(params)) {
      for (const p of params.pairs) {
        if (!isMap(p.value)) continue;
        const allowed = getValue(p.value, 'AllowedValues');
        const noEcho = getValue(p.value, 'NoEcho');
        const name = String(p.key.value);
        const info: ParameterInfo = {
          name,
          node: p.value,
          type: scalarString(getValue(p.value, 'Type')),
          defaultNode: getValue(p.value, 'Default'),
          allowedValues: isSeq(allowed) ? allowed.items : [],
          noEcho: noEcho !== undefined && String(scalarString(noEcho)).toLowerCase() === 'true',
        };
        const given = supplied.get(name);
        if (given && given.value === undefined) {
          Object.assign(info, { defaultNode: undefined, allowedValues: [], supplied: { from: given.from } });
        } else if (given && given.value !== undefined) {
          // The value stands where the Default is written (or the declaration): findings relate there.
          const at = info.defaultNode ?? p.key;
          const value: SScalar = { kind: 'scalar', value: given.value, start: at.start, end: at.end, style: 'plain' };
          Object.assign(info, { defaultNode: value, allowedValues: [value], supplied: { from: given.from } });
        }
        this.parameters.set(name, info);
      }
    }
    const conditions = getValue(this.root, 'Conditions');
    if (isMap(conditions)) for (const c of conditions.pairs) this.conditions.set(String(c.key.value), c.value);
    const mappings = getValue(this.root, 'Mappings');
    this.mappings = isMap(mappings) ? mappings : undefined;
    const globals = getValue(this.root, 'Globals');
    this.globals = isMap(globals) ? globals : undefined;
    this.metadata = getValue(this.root, 'Metadata');
    const resources = getValue(this.root, 'Resources');
    if (isMap(resources)) {
      for (const r of resources.pairs) {
        const id = keyString(r.key.value);
        if (id.startsWith(FOR_EACH_PREFIX)) continue; // expanded below
        // A logical id written twice: CloudFormation keeps the last (template-duplicate-key says so).
        if (getPair(resources, id) !== r) continue;
        this.add(resourceInfo(id, r.key, r.value));
      }
      // After the resources written out: a generated id that one of them has is not added.
      const generated: Expansion[] = [];
      for (const r of resources.pairs) {
        const loop = keyString(r.key.value);
        if (loop.startsWith(FOR_EACH_PREFIX)) expandForEach(loop, r.value, ['Resources', loop], this.parameters, generated);
      }
      for (const e of generated) {
        if (!this.resources.has(e.id)) this.add({ ...resourceInfo(e.id, e.keyNode, e.body), origin: { path: e.sourcePath, loops: e.loops } });
      }
    }
  }

  private add(info: ResourceInfo): void {
    this.resources.set(info.id, info);
    if (info.type) {
      let list = this.resourcesByType.get(info.type);
      if (!list) this.resourcesByType.set(info.type, (list = []));
      list.push(info);
    }
  }

  /** Where a template path is written: a generated resource's path goes into its loop body. */
  sourcePath(path: Path): Path {
    if (path[0] !== 'Resources' || typeof path[1] !== 'string') return path;
    const origin = this.resources.get(path[1])?.origin;
    return origin ? [...origin.path, ...path.slice(2)] : path;
  }

  get text(): string {
    return this.source.text;
  }

  ofType(...types: string[]): ResourceInfo[] {
    if (types.length === 1) return this.resourcesByType.get(types[0]) ?? [];
    const out: ResourceInfo[] = [];
    for (const t of types) out.push(...(this.resourcesByType.get(t) ?? []));
    return out.sort((a, b) => a.keyNode.start - b.keyNode.start);
  }

  /**
   * The source range of a template path: its value, or with `target: 'key'` the
   * key that holds it (for a missing property, the object that should hold it).
   * A path that leaves the tree maps to its deepest existing ancestor.
   */
  offsetsOf(written: Path, target: 'key' | 'value' = 'value'): OffsetRange {
    const path = this.sourcePath(written);
    for (let n = path.length; n >= 0; n--) {
      const hit = nodeAtPath(this.root, path.slice(0, n));
      if (!hit) continue;
      if (target === 'key' && hit.key) return { start: hit.key.start, end: hit.key.end };
      if (hit.key && n < path.length) return { start: hit.key.start, end: hit.key.end };
      return { start: hit.node.start, end: hit.node.end };
    }
    return { start: 0, end: 0 };
  }

  rangeOf(path: Path, target: 'key' | 'value' = 'value'): Range {
    return this.toRange(this.offsetsOf(path, target));
  }

  toRange(o: OffsetRange): Range {
    return { start: positionAt(this.source.lineStarts, o.start), end: positionAt(this.source.lineStarts, o.end) };
  }
}

function resourceInfo(id: string, keyNode: SScalar, node: SNode): ResourceInfo {
  const propsPair = isMap(node) ? getPair(node, 'Properties') : undefined;
  return {
    id,
    keyNode,
    node,
    type: scalarString(getValue(node, 'Type')),
    properties: propsPair?.value,
    propertiesKey: propsPair?.key,
    metadata: getValue(node, 'Metadata'),
    condition: scalarString(getValue(node, 'Condition')),
  };
}

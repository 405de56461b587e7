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
}

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
  ) {
    if (!isMap(source.root)) throw new Error('Template root must be a mapping');
    this.root = source.root;
    const params = getValue(this.root, 'Parameters');
    if (isMap(params)) {
      for (const p of params.pairs) {
        if (!isMap(p.value)) continue;
        const allowed = getValue(p.value, 'AllowedValues');
        const noEcho = getValue(p.value, 'NoEcho');
        this.parameters.set(String(p.key.value), {
          name: String(p.key.value),
          node: p.value,
          type: scalarString(getValue(p.value, 'Type')),
          defaultNode: getValue(p.value, 'Default'),
          allowedValues: isSeq(allowed) ? allowed.items : [],
          noEcho: noEcho !== undefined && String(scalarString(noEcho)).toLowerCase() === 'true',
        });
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
        // A logical id written twice: CloudFormation keeps the last (template-duplicate-key says so).
        if (getPair(resources, id) !== r) continue;
        const propsPair = isMap(r.value) ? getPair(r.value, 'Properties') : undefined;
        const info: ResourceInfo = {
          id,
          keyNode: r.key,
          node: r.value,
          type: scalarString(getValue(r.value, 'Type')),
          properties: propsPair?.value,
          propertiesKey: propsPair?.key,
          metadata: getValue(r.value, 'Metadata'),
          condition: scalarString(getValue(r.value, 'Condition')),
        };
        this.resources.set(id, info);
        if (info.type) {
          let list = this.resourcesByType.get(info.type);
          if (!list) this.resourcesByType.set(info.type, (list = []));
          list.push(info);
        }
      }
    }
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
  offsetsOf(path: Path, target: 'key' | 'value' = 'value'): OffsetRange {
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

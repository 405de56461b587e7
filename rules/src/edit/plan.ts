import type { Fix, FixIntent, FixValue } from '../engine/types';
import { isKey } from '../parse/source-tree';
import type { Path, SMap, SNode, SourceFile, SPair, SScalar } from '../parse/source-tree';
import { FixError } from './errors';
import { JsonWriter } from './json-writer';
import { isEmptyNull, Located, locate, locatePrefix } from './locate';
import type { PairPosition, TextEdit, Writer } from './writer';
import { YamlWriter } from './yaml-writer';

/**
 * Turns the intents of one fix into structural operations first (so that two inserts
 * into the same mapping, or two parameters added to a missing section, become one
 * edit), then into text edits against the same original text.
 */

type Obj = { [key: string]: FixValue };

function isObj(v: FixValue): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Deep merge of two values written to the same new place. */
function merge(a: FixValue, b: FixValue, where: string): FixValue {
  if (isObj(a) && isObj(b)) {
    const out: Obj = { ...a };
    for (const [k, v] of Object.entries(b)) out[k] = k in out ? merge(out[k], v, `${where}.${k}`) : v;
    return out;
  }
  if (Array.isArray(a) && Array.isArray(b)) return [...a, ...b];
  if (JSON.stringify(a) === JSON.stringify(b)) return a;
  throw new FixError(`two intents write different values to ${where}`);
}

function pathText(path: Path): string {
  return path.map(String).join('.') || '(root)';
}

interface AddOp {
  kind: 'add';
  at: Located;
  position: PairPosition;
  pairs: [string, FixValue][];
}

type Op =
  | AddOp
  | { kind: 'replace'; at: Located; value: FixValue }
  | { kind: 'remove'; at: Located; indices: number[] }
  | { kind: 'rename'; map: SMap; key: SScalar; newKey: string }
  | { kind: 'append'; at: Located; items: FixValue[] };

class Planner {
  readonly ops: Op[] = [];
  private readonly adds = new Map<string, AddOp>();
  private readonly replaces = new Map<SNode, Extract<Op, { kind: 'replace' }>>();
  private readonly removes = new Map<SNode, Extract<Op, { kind: 'remove' }>>();
  private readonly appends = new Map<SNode, Extract<Op, { kind: 'append' }>>();

  constructor(private readonly src: SourceFile) {}

  private get root(): SNode | null {
    return this.src.root;
  }

  add(intent: FixIntent): void {
    switch (intent.kind) {
      case 'set':
        return this.set(intent.path, intent.value);
      case 'insert':
        return this.insert(intent.path, intent.key, intent.value);
      case 'remove':
        return this.remove(intent.path, intent.occurrence);
      case 'rename':
        return this.rename(intent.path, intent.newKey);
      case 'append':
        return this.append(intent.path, intent.value);
      case 'addParameter':
        return this.addSectionEntry('Parameters', intent.name, intent.definition, false);
      case 'addResource':
        return this.addSectionEntry('Resources', intent.name, intent.definition, true);
    }
  }

  private replace(at: Located, value: FixValue): void {
    const prev = this.replaces.get(at.node);
    if (prev) {
      prev.value = merge(prev.value, value, pathText(at.path));
      return;
    }
    const op = { kind: 'replace' as const, at, value };
    this.replaces.set(at.node, op);
    this.ops.push(op);
  }

  private addPair(at: Located, key: string, value: FixValue, position?: PairPosition): void {
    const map = at.node;
    if (map.kind === 'scalar' && isEmptyNull(this.src.text, map)) return this.replace(at, { [key]: value });
    if (map.kind !== 'map' || map.shortForm) throw new FixError(`${pathText(at.path)} is not a mapping`);
    const id = `${map.start}:${position === undefined ? 'end' : position === 'start' ? 'start' : position.key.start}`;
    let op = this.adds.get(id);
    if (!op) {
      op = { kind: 'add', at, position, pairs: [] };
      this.adds.set(id, op);
      this.ops.push(op);
    }
    const same = op.pairs.find((p) => p[0] === key);
    if (same) same[1] = merge(same[1], value, pathText([...at.path, key]));
    else op.pairs.push([key, value]);
  }

  private set(path: Path, value: FixValue): void {
    const at = locate(this.root, path);
    if (at) return this.replace(at, value);
    const last = path[path.length - 1];
    if (typeof last === 'string') return this.insert(path.slice(0, -1), last, value);
    throw new FixError(`nothing at ${pathText(path)}`);
  }

  /** Inserts key: value into the mapping at path, creating missing mappings on the way. */
  private insert(path: Path, key: string, value: FixValue): void {
    const found = locatePrefix(this.root, path);
    if (!found) throw new FixError('the document is empty');
    const { at, depth } = found;
    if (depth === path.length) {
      const node = at.node;
      if (node.kind === 'map' && !node.shortForm) {
        const existing = locate(this.root, [...path, key]);
        if (existing) return this.replace(existing, value);
      }
      return this.addPair(at, key, value);
    }
    const rest = path.slice(depth);
    if (rest.some((s) => typeof s !== 'string')) throw new FixError(`nothing at ${pathText(path)}`);
    let nested: FixValue = { [key]: value };
    for (let i = rest.length - 1; i >= 1; i--) nested = { [rest[i] as string]: nested };
    this.addPair(at, rest[0] as string, nested);
  }

  private parentOf(path: Path): Located {
    const at = locate(this.root, path.slice(0, -1));
    if (!at) throw new FixError(`nothing at ${pathText(path)}`);
    return at;
  }

  private remove(path: Path, occurrence?: number): void {
    const at = locate(this.root, path);
    if (!at) throw new FixError(`nothing to remove at ${pathText(path)}`);
    const c = at.container;
    if (c.kind === 'root') throw new FixError('cannot remove the whole document');
    const parent = this.parentOf(path);
    if (occurrence !== undefined && c.kind === 'pair') {
      // One of several pairs written with the same key (a duplicate), not the one CloudFormation reads.
      const key = String(path[path.length - 1]);
      const written = c.map.pairs.flatMap((p, i) => (isKey(p.key.value, key) ? [i] : []));
      if (occurrence < 0 || occurrence >= written.length) throw new FixError(`no occurrence ${occurrence} of ${pathText(path)}`);
      return this.removeIndex(parent, written[occurrence]);
    }
    this.removeIndex(parent, c.index);
  }

  private removeIndex(parent: Located, index: number): void {
    let op = this.removes.get(parent.node);
    if (!op) {
      op = { kind: 'remove', at: parent, indices: [] };
      this.removes.set(parent.node, op);
      this.ops.push(op);
    }
    if (!op.indices.includes(index)) op.indices.push(index);
    op.indices.sort((a, b) => a - b);
  }

  private rename(path: Path, newKey: string): void {
    const at = locate(this.root, path);
    if (!at || at.container.kind !== 'pair') throw new FixError(`no key at ${pathText(path)}`);
    const map: SMap = at.container.map;
    if (map.pairs.some((p) => p.key.value === newKey)) throw new FixError(`${pathText(path.slice(0, -1))} already has ${newKey}`);
    this.ops.push({ kind: 'rename', map, key: at.container.pair.key, newKey });
  }

  private append(path: Path, value: FixValue): void {
    const at = locate(this.root, path);
    if (at) {
      if (at.node.kind === 'scalar' && isEmptyNull(this.src.text, at.node)) return this.replace(at, [value]);
      if (at.node.kind !== 'seq') throw new FixError(`${pathText(path)} is not a list`);
      let op = this.appends.get(at.node);
      if (!op) {
        op = { kind: 'append', at, items: [] };
        this.appends.set(at.node, op);
        this.ops.push(op);
      }
      op.items.push(value);
      return;
    }
    const last = path[path.length - 1];
    if (typeof last !== 'string') throw new FixError(`nothing at ${pathText(path)}`);
    this.insert(path.slice(0, -1), last, [value]);
  }

  /** Adds `name` to a top-level section, creating the section where CloudFormation templates usually have it. */
  private addSectionEntry(section: 'Parameters' | 'Resources', name: string, definition: FixValue, mustBeNew: boolean): void {
    const root = this.root;
    if (!root || root.kind !== 'map') throw new FixError('the template is not a mapping');
    const rootAt: Located = { node: root, container: { kind: 'root' }, ancestors: [], path: [] };
    const sectionAt = locate(root, [section]);
    if (sectionAt) {
      if (sectionAt.node.kind === 'map' && locate(root, [section, name])) {
        if (mustBeNew) throw new FixError(`${section} already has ${name}`);
        return; // the parameter exists: nothing to add
      }
      return this.addPair(sectionAt, name, definition);
    }
    let position: PairPosition;
    if (section === 'Parameters') {
      const before = root.pairs.filter((p) => p.key.value === 'AWSTemplateFormatVersion' || p.key.value === 'Description');
      position = before.length ? before.reduce((a, b): SPair => (a.key.start > b.key.start ? a : b)) : root.pairs.length ? 'start' : undefined;
    }
    this.addPair(rootAt, section, { [name]: definition }, position);
  }
}

export function writerFor(src: SourceFile): Writer {
  return src.format === 'json' ? new JsonWriter(src) : new YamlWriter(src);
}

/** The text edits of one fix, sorted; throws FixError when the fix cannot be carried out. */
export function planEdits(src: SourceFile, fix: Fix, writer: Writer = writerFor(src)): TextEdit[] {
  return planFix(src, fix, writer).edits;
}

export interface PlannedFix {
  edits: TextEdit[];
  /**
   * Keys of mappings the fix adds, renames (old and new name) or removes, as
   * "<mapping offset>:<key>": two fixes claiming the same key conflict even when their
   * text edits do not overlap (a rename to SslPolicy and an insert of SslPolicy).
   */
  claims: Set<string>;
  /**
   * Insertions of whole lines after the last pair of a YAML block mapping, by offset, with the
   * mapping's offset: two fixes adding different keys to the same mapping insert at the same
   * offset, and their lines can follow each other (one pass, instead of one pass per fix).
   */
  appends: Map<number, number>;
}

export function planFix(src: SourceFile, fix: Fix, writer: Writer = writerFor(src)): PlannedFix {
  if (src.errors.length) throw new FixError('the file has syntax errors');
  const planner = new Planner(src);
  for (const intent of fix.intents) planner.add(intent);
  const edits: TextEdit[] = [];
  const claims = new Set<string>();
  for (const op of planner.ops) {
    switch (op.kind) {
      case 'add':
        for (const [k] of op.pairs) claims.add(`${op.at.node.start}:${k}`);
        break;
      case 'rename':
        claims.add(`${op.map.start}:${String(op.key.value)}`).add(`${op.map.start}:${op.newKey}`);
        break;
      case 'remove':
        if (op.at.node.kind === 'map') for (const i of op.indices) claims.add(`${op.at.node.start}:${String(op.at.node.pairs[i].key.value)}`);
        break;
      case 'replace':
        // Filling an empty `Key:` adds keys under it.
        if (op.value !== null && typeof op.value === 'object' && !Array.isArray(op.value))
          for (const k of Object.keys(op.value)) claims.add(`${op.at.node.start}:${k}`);
        break;
    }
  }
  // Additions at the same offset (a list that ends where its mapping ends) go innermost first.
  const depth = (op: Op): number => (op.kind === 'rename' ? 0 : op.at.path.length);
  const ordered = planner.ops
    .map((op, i) => ({ op, i }))
    .sort((a, b) => depth(b.op) - depth(a.op) || a.i - b.i)
    .map((x) => x.op);
  const appendsTo = new Map<number, number>();
  for (const op of ordered) {
    switch (op.kind) {
      case 'replace':
        edits.push(...writer.replace(op.at, op.value));
        break;
      case 'add': {
        const added = writer.addPairs(op.at, op.pairs, op.position);
        const e = added[0];
        if (src.format === 'yaml' && op.position === undefined && added.length === 1 && e.start === e.end && /^[\r\n]/.test(e.newText))
          appendsTo.set(e.start, op.at.node.start);
        edits.push(...added);
        break;
      }
      case 'remove':
        edits.push(...writer.remove(op.at, op.indices));
        break;
      case 'rename':
        edits.push(...writer.rename(op.key, op.newKey));
        break;
      case 'append':
        edits.push(...writer.append(op.at, op.items));
        break;
    }
  }
  // An append this fix joins with another insertion of its own at the same offset is not a plain append.
  const insertions = new Map<number, number>();
  for (const e of edits) if (e.start === e.end) insertions.set(e.start, (insertions.get(e.start) ?? 0) + 1);
  const appends = new Map([...appendsTo].filter(([at]) => insertions.get(at) === 1));
  return { edits: normalize(edits), claims, appends };
}

/**
 * Sorts edits, joins insertions at the same offset (in intent order) and rejects
 * overlapping ones. Edits that only touch (one ends where the next starts) are fine.
 */
export function normalize(edits: readonly TextEdit[]): TextEdit[] {
  const sorted = edits
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.start - b.e.start || a.e.end - a.e.start - (b.e.end - b.e.start) || a.i - b.i)
    .map((x) => x.e);
  const out: TextEdit[] = [];
  for (const e of sorted) {
    const prev = out[out.length - 1];
    if (prev && prev.start === e.start && prev.end === prev.start && e.end === e.start) {
      out[out.length - 1] = { start: prev.start, end: prev.end, newText: prev.newText + e.newText };
      continue;
    }
    if (prev && e.start < prev.end) throw new FixError('the edits of this fix overlap');
    out.push(e);
  }
  return out;
}

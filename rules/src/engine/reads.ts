import { keyString, type Path, type SMap, type SPair } from '../parse/source-tree';
import type { ResourceInfo, Template } from '../template/template';
import type { TemplateChange } from '../model/views';
import type { Report, Rule } from './types';

/**
 * What one rule read of a template in one lint, recorded by its context: the resource types it
 * listed, the resources it looked at by id, or (`all`) something that may depend on any part of
 * the text (the raw tree, offsets, a node of unknown place). The template's other sections
 * (parameters, conditions, mappings, globals…) are not recorded: a rule is only ever reused
 * when they are the very same nodes as before (model/views.ts `resourceChanges`).
 */
export class Reads {
  all = false;
  readonly types = new Set<string>();
  readonly ids = new Set<string>();

  addAll(other: Reads): void {
    if (other.all) this.all = true;
    for (const t of other.types) this.types.add(t);
    for (const id of other.ids) this.ids.add(id);
  }

  /** Whether a change of the resources leaves everything read here as it was. */
  untouchedBy(change: TemplateChange): boolean {
    if (this.all) return false;
    for (const t of this.types) if (change.types.has(t)) return false;
    for (const id of this.ids) if (change.ids.has(id)) return false;
    return true;
  }
}

/** One rule's run in a lint, kept for the next version: what it read and what it reported. */
export interface RuleRecord {
  rule: Rule;
  reads: Reads;
  reports: Report[];
}

/**
 * The reads being recorded: the running rule's, and above it those of the derivations
 * (`TemplateReader.derived`) it is computing, which hold what the derivation read for every
 * later reader of its value.
 */
export class ReadRecorder {
  private readonly stack: Reads[] = [];

  /** Runs `f` with `reads` on top; what it reads is recorded in every set of the stack. */
  within<T>(reads: Reads, f: () => T): T {
    this.stack.push(reads);
    try {
      return f();
    } finally {
      this.stack.pop();
    }
  }

  types(types: readonly string[]): void {
    for (const r of this.stack) for (const t of types) r.types.add(t);
  }

  id(id: string): void {
    for (const r of this.stack) r.ids.add(id);
  }

  all(): void {
    for (const r of this.stack) r.all = true;
  }

  /** Whether every set recording now already depends on everything (recording more changes nothing). */
  get allRecorded(): boolean {
    return this.stack.every((r) => r.all);
  }

  merge(reads: Reads): void {
    for (const r of this.stack) r.addAll(reads);
  }

  /** A node's dependence by its template path: a resource's, none for other sections (context), anything else unknown. */
  path(path: Path): void {
    if (path[0] !== 'Resources') return;
    if (typeof path[1] === 'string') this.id(path[1]);
    else this.all();
  }
}

/** Template members a resource's context covers (recorded as nothing). */
const CONTEXT_MEMBERS = new Set<PropertyKey>(['parameters', 'conditions', 'mappings', 'globals', 'metadata', 'fileName']);

/** What a rule may read of the root and the `Resources` map without depending on more than their keys. */
const SHAPE_MEMBERS = new Set<PropertyKey>(['kind', 'flow', 'shortForm']);

/**
 * The template as a rule sees it: the same object behind a proxy that records reads. Looking up
 * resources by id records the id, listing by type records the type; walking the raw tree down
 * to a resource records that resource; the text, the source and offsets record `all`.
 */
export function recordingTemplate(template: Template, rec: ReadRecorder): Template {
  const resources = recordingResources(template.resources, rec);
  const ofType = (...types: string[]): ResourceInfo[] => (rec.types(types), template.ofType(...types));
  const root = recordingMap(template.root, rec, (p) =>
    p.key.value === 'Resources' && p.value.kind === 'map' ? { key: p.key, value: recordingMap(p.value, rec, recordingPair) } : p,
  );
  return new Proxy(template, {
    get(target, prop) {
      if (prop === 'resources') return resources;
      // A rule that already depends on everything (it read the source) gets the tree itself, node identities included.
      if (prop === 'root') return rec.allRecorded ? target.root : root;
      if (prop === 'ofType') return ofType;
      if (!CONTEXT_MEMBERS.has(prop)) rec.all();
      return member(target, prop);
    },
  });
}

/** A member of the object behind a proxy, its methods bound to that object (Map's need their own `this`). */
function member(target: object, prop: PropertyKey): unknown {
  const value = Reflect.get(target, prop, target) as unknown;
  return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
}

function recordingResources(map: ReadonlyMap<string, ResourceInfo>, rec: ReadRecorder): ReadonlyMap<string, ResourceInfo> {
  const get = (id: string): ResourceInfo | undefined => (rec.id(id), map.get(id));
  const has = (id: string): boolean => (rec.id(id), map.has(id));
  return new Proxy(map as Map<string, ResourceInfo>, {
    get(target, prop) {
      if (prop === 'get') return get;
      if (prop === 'has') return has;
      // The logical ids are the context's (the same set whenever a rule is reused); listing them with their resources is not.
      if (prop !== 'size' && prop !== 'keys') rec.all();
      return member(target, prop);
    },
  });
}

/**
 * A map of the tree (the root, `Resources`) whose pairs are read through `pair`; its offsets
 * record `all` (they move with any edit before it).
 */
function recordingMap(map: SMap, rec: ReadRecorder, pair: (p: SPair, rec: ReadRecorder) => SPair): SMap {
  let pairs: SPair[] | undefined;
  return new Proxy(map, {
    get(target, prop) {
      if (prop === 'pairs') return (pairs ??= target.pairs.map((p) => pair(p, rec)));
      if (!SHAPE_MEMBERS.has(prop)) rec.all();
      return Reflect.get(target, prop, target) as unknown;
    },
  });
}

/** A resource's pair under `Resources`: reading its value records the resource. */
function recordingPair(p: SPair, rec: ReadRecorder): SPair {
  const id = keyString(p.key.value);
  return {
    key: p.key,
    get value() {
      rec.id(id);
      return p.value;
    },
  };
}

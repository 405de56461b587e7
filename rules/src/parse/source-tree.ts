/**
 * The source tree: one shape for YAML and JSON templates, every node with the
 * offsets of its text. CloudFormation short-form tags are already normalised to
 * their long form (`!Ref X` is a map `{Ref: X}` whose key node spans the tag).
 */

export type Path = (string | number)[];

/** A template path as one string, for maps and sets keyed by place (steps cannot contain U+0001). */
export function pathKey(path: readonly (string | number)[]): string {
  return path.join('\u0001');
}

export type ScalarValue = string | number | boolean | null;

interface NodeBase {
  /** Offset of the first character of the node's text. */
  start: number;
  /** Offset just past the node's text. */
  end: number;
}

export interface SScalar extends NodeBase {
  kind: 'scalar';
  value: ScalarValue;
  /** YAML scalar style: how the text was written (fixes keep it). */
  style?: 'plain' | 'single' | 'double' | 'block';
}

export interface SPair {
  key: SScalar;
  value: SNode;
}

export interface SMap extends NodeBase {
  kind: 'map';
  pairs: SPair[];
  flow?: boolean;
  /** Set when the map stands for a short-form tag such as `!Ref`. */
  shortForm?: boolean;
}

export interface SSeq extends NodeBase {
  kind: 'seq';
  items: SNode[];
  flow?: boolean;
}

export type SNode = SScalar | SMap | SSeq;

export interface ParseProblem {
  message: string;
  start: number;
  end: number;
  /** The parser's code for the kind of error, where it has one. */
  code?: string;
}

/** A mapping key written again in the same mapping (CloudFormation keeps the last value). */
export interface DuplicateKey {
  /** The mapping that holds both. */
  map: SMap;
  /** The key written first. */
  earlier: SScalar;
  /** The key written again. */
  later: SScalar;
}

export interface SourceFile {
  text: string;
  format: 'yaml' | 'json';
  /** Offsets where each line starts (line 0 at offset 0). */
  lineStarts: number[];
  root: SNode | null;
  /** Syntax errors; a file with errors still has the best root the parser could build. */
  errors: ParseProblem[];
  /** Repeated mapping keys, in text order: not errors (the last value wins), but reported. */
  duplicateKeys?: DuplicateKey[];
  /** Set when `root` is a template embedded in another file (parse/serverless.ts), not the file's own root. */
  embedded?: 'serverless';
  /** Set when YAML aliases made nodes that stand in several places (one object each). */
  sharedNodes?: true;
}

export function isMap(n: SNode | null | undefined): n is SMap {
  return !!n && n.kind === 'map';
}
export function isSeq(n: SNode | null | undefined): n is SSeq {
  return !!n && n.kind === 'seq';
}
export function isScalar(n: SNode | null | undefined): n is SScalar {
  return !!n && n.kind === 'scalar';
}

/** Maps with more pairs than this get an index (a template with 50,000 resources looks ids up once per finding). */
const INDEX_FROM = 32;
const pairIndex = new WeakMap<SMap, { size: number; byKey: Map<unknown, SPair> }>();

export function getPair(map: SMap, key: string): SPair | undefined {
  const pairs = map.pairs;
  if (pairs.length > INDEX_FROM) {
    let index = pairIndex.get(map);
    if (!index || index.size !== pairs.length) {
      // Last one wins, as below.
      const byKey = new Map<unknown, SPair>();
      for (const p of pairs) byKey.set(keyString(p.key.value), p);
      pairIndex.set(map, (index = { size: pairs.length, byKey }));
    }
    return index.byKey.get(key);
  }
  // Last one wins, as in CloudFormation's own YAML handling of duplicate keys.
  for (let i = pairs.length - 1; i >= 0; i--) if (isKey(pairs[i].key.value, key)) return pairs[i];
  return undefined;
}

/** Whether a key written in the template is the key a path names. */
export function isKey(v: ScalarValue, key: string): boolean {
  return v === key || (typeof v !== 'string' && keyString(v) === key);
}

/**
 * A key as a template names it: YAML 1.1 reads `yes:` or `443:` as a boolean or a number, and
 * CloudFormation, which works on JSON, names it by its text form.
 */
export function keyString(v: ScalarValue): string {
  return typeof v === 'string' ? v : String(v);
}

export function getValue(map: SNode | null | undefined, key: string): SNode | undefined {
  return isMap(map) ? getPair(map, key)?.value : undefined;
}

/** The string of a scalar, or undefined for anything else. */
export function scalarString(n: SNode | null | undefined): string | undefined {
  if (!isScalar(n) || n.value === null) return undefined;
  return String(n.value);
}

/** A node with exactly one key that is an intrinsic function or `Ref`/`Condition`. */
export function intrinsicName(n: SNode | null | undefined): string | undefined {
  if (!isMap(n) || n.pairs.length !== 1) return undefined;
  const k = n.pairs[0].key.value;
  if (typeof k !== 'string') return undefined;
  if (k === 'Ref' || k === 'Condition' || k.startsWith('Fn::')) return k;
  return undefined;
}

export interface NodeAtPath {
  node: SNode;
  /** The key node when the last step was a map key. */
  key?: SScalar;
}

/** Walks a template path; undefined when it leaves the tree. */
export function nodeAtPath(root: SNode | null, path: Path): NodeAtPath | undefined {
  let node: SNode | null = root;
  let key: SScalar | undefined;
  for (const step of path) {
    if (!node) return undefined;
    if (typeof step === 'number') {
      if (node.kind !== 'seq' || step < 0 || step >= node.items.length) return undefined;
      node = node.items[step];
      key = undefined;
    } else {
      if (node.kind !== 'map') return undefined;
      const pair = getPair(node, step);
      if (!pair) return undefined;
      node = pair.value;
      key = pair.key;
    }
  }
  return node ? { node, key } : undefined;
}

/** Builds the line index of a text (LF, CRLF and lone CR all end a line). */
export function computeLineStarts(text: string): number[] {
  const starts = [0];
  if (!text.includes('\r')) {
    // The common case, LF only: indexOf is a native scan, several times faster than a char loop.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** An offset that does not fall between the CR and LF of a CRLF (a position there is past the line's end). */
export function outsideCrlf(text: string, offset: number): number {
  return offset > 0 && text.charCodeAt(offset) === 10 && text.charCodeAt(offset - 1) === 13 ? offset - 1 : offset;
}

export interface Position {
  line: number;
  character: number;
}

export function positionAt(lineStarts: number[], offset: number): Position {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - lineStarts[lo] };
}

export function offsetAt(lineStarts: number[], pos: Position): number {
  const line = Math.max(0, Math.min(pos.line, lineStarts.length - 1));
  return lineStarts[line] + pos.character;
}

import { Alias, Composer, Document, isAlias, isMap, isPair, isScalar, isSeq, Node as YNode, Pair, Parser, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { longFormName, longFormOf } from './cfn-tags';
import { flowContinuationPads, OffsetMap, padText } from './yaml-lenient';
import { parseYamlFast } from './yaml-fast';
import { resolvePlain11 } from './yaml-scalars';
import { computeLineStarts, DuplicateKey, outsideCrlf, ParseProblem, SMap, SNode, SPair, SScalar, SourceFile } from './source-tree';

/** Upper bound on nodes produced by alias expansion (defends against alias bombs). */
const MAX_ALIAS_EXPANSION = 200_000;

/** One syntax mistake is one diagnostic, a few at most: the parser's own cascade is cut here. */
const MAX_REPORTED_ERRORS = 3;

class AliasBombError extends Error {}

interface ConvertState {
  text: string;
  doc: Document.Parsed;
  expanded: number;
  aliasCache: Map<YNode, SNode>;
  errors: ParseProblem[];
  duplicates: DuplicateKey[];
}

const TOO_DEEP = 'YAML nesting is too deep to parse (the parser ran out of stack); CloudFormation templates are never nested this deeply.';

/** Parses YAML text into the source tree (first document only: a template is one document). */
export function parseYaml(text: string): SourceFile {
  // Most templates are plain block YAML, which the fast path parses to the very same tree
  // (yaml-fast.ts); it declines everything else, and errors, to the general path.
  return parseYamlFast(text) ?? parseYamlGeneral(text);
}

/**
 * The general path: the `yaml` package's parser and composer, then conversion to the source
 * tree with CloudFormation's reading of YAML (PyYAML's YAML 1.1, see yaml-scalars.ts). Where
 * the package is stricter than PyYAML about indentation inside quoted scalars and flow
 * collections, the text is padded and parsed again (yaml-lenient.ts), offsets mapped back.
 */
export function parseYamlGeneral(text: string): SourceFile {
  // A lone CR ends a line in YAML 1.2 (and for every editor) but not for the lexer: make it
  // an LF of the same length, so offsets into the original text stay right.
  const lexed = text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
  const strict = parseLexed(lexed, text);
  if (!strict.errors.length) return strict;
  const pads = flowContinuationPads(lexed);
  const padded = padText(lexed, pads);
  if (padded === undefined) return strict;
  const lenient = parseLexed(padded, padded);
  // Take the padded reading when it gets further than the strict one (usually: to the end).
  const firstError = (f: SourceFile): number => (f.errors.length ? f.errors[0].start : Infinity);
  if (firstError(lenient) <= firstError(strict)) return strict;
  return remap(lenient, text, new OffsetMap(pads));
}

function parseLexed(lexed: string, text: string): SourceFile {
  const parser = new Parser();
  // Duplicate keys are found in convert(): the composer's own check is quadratic in a map's size.
  const composer = new Composer({ prettyErrors: false, uniqueKeys: false });
  const errors: ParseProblem[] = [];
  let first: Document.Parsed | undefined;
  let count = 0;
  // The composer makes a YAMLWarning, an Error, for each CloudFormation tag it does not know
  // (every `!Ref`): nothing reads their stacks, and capturing them was a third of the parse.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    for (const doc of composer.compose(parser.parse(lexed), true, lexed.length)) {
      count++;
      if (count === 1) first = doc;
      else if (!isEmptyDocument(doc)) {
        const r = doc.range ?? [0, 0];
        errors.push({ message: 'A CloudFormation template holds one YAML document; this file has more than one.', start: r[0], end: r[0] });
        break;
      }
    }
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  const lineStarts = computeLineStarts(text);
  if (!first) return { text, format: 'yaml', lineStarts, root: null, errors };
  // Inside the text, and never between the CR and LF of a line break.
  const inText = (e: ParseProblem): ParseProblem => {
    const start = outsideCrlf(text, Math.min(e.start, text.length));
    return { ...e, start, end: Math.max(start, outsideCrlf(text, Math.min(e.end, text.length))) };
  };
  const parserErrors: ParseProblem[] = [];
  for (const e of first.errors) {
    // The composer turns a stack overflow on deep nesting into an error per level it unwinds: say it once.
    if (e.code === 'RESOURCE_EXHAUSTION') {
      const at = Math.min(e.pos[0], text.length);
      if (!parserErrors.some((x) => x.message === TOO_DEEP)) parserErrors.push({ message: TOO_DEEP, start: at, end: at });
      continue;
    }
    parserErrors.push(inText({ message: e.message.split('\n')[0], start: e.pos[0], end: e.pos[1], code: e.code }));
  }
  let root: SNode | null;
  const st: ConvertState = { text: lexed, doc: first, expanded: 0, aliasCache: new Map(), errors: [], duplicates: [] };
  try {
    root = first.contents ? convert(first.contents as YNode, st) : null;
  } catch (e) {
    if (e instanceof AliasBombError) errors.push({ message: e.message, start: 0, end: 0 });
    else if (e instanceof RangeError) errors.push({ message: TOO_DEEP, start: 0, end: 0 });
    else throw e;
    root = null;
  }
  errors.push(...withoutCascade([...parserErrors, ...st.errors.map(inText)]));
  errors.sort((a, b) => a.start - b.start);
  const out: SourceFile = { text, format: 'yaml', lineStarts, root, errors };
  if (st.duplicates.length) out.duplicateKeys = st.duplicates.sort((a, b) => a.later.start - b.later.start);
  if (st.aliasCache.size) out.sharedNodes = true;
  return out;
}

/**
 * The errors worth showing: after the first, the parser has lost its place, and what it
 * reports next (unexpected tokens, unclosed quotes and brackets of the lines it misread) is
 * the same mistake again. A later error is kept only when it is of another kind and some lines
 * after the last one kept, up to MAX_REPORTED_ERRORS; the first says how many it stands for.
 */
function withoutCascade(errors: ParseProblem[]): ParseProblem[] {
  if (errors.length <= 1) return errors;
  const sorted = [...errors].sort((a, b) => a.start - b.start);
  const kept = [sorted[0]];
  for (const e of sorted.slice(1)) {
    if (kept.length >= MAX_REPORTED_ERRORS) break;
    const last = kept[kept.length - 1];
    if (e.code === 'UNEXPECTED_TOKEN' || e.code === last.code || e.start - last.start < 200) continue;
    kept.push(e);
  }
  const dropped = sorted.length - kept.length;
  if (dropped > 0) {
    const more = dropped === 1 ? '1 more syntax error follows from it' : `${dropped} more syntax errors follow from it`;
    kept[0] = { ...kept[0], message: `${kept[0].message} (${more}; fix this one first)` };
  }
  return kept;
}

/** A padded parse as if it were of the original text: every offset mapped back. */
function remap(file: SourceFile, text: string, map: OffsetMap): SourceFile {
  const seen = new Set<SNode>();
  const visit = (n: SNode): void => {
    // Aliases share nodes: map each once.
    if (seen.has(n)) return;
    seen.add(n);
    n.start = map.toOriginal(n.start);
    n.end = map.toOriginal(n.end);
    if (n.kind === 'map') {
      for (const p of n.pairs) {
        if (!seen.has(p.key)) {
          seen.add(p.key);
          p.key.start = map.toOriginal(p.key.start);
          p.key.end = map.toOriginal(p.key.end);
        }
        visit(p.value);
      }
    } else if (n.kind === 'seq') for (const i of n.items) visit(i);
  };
  if (file.root) visit(file.root);
  const errors = file.errors.map((e) => ({ ...e, start: map.toOriginal(e.start), end: map.toOriginal(e.end) }));
  return { ...file, text, lineStarts: computeLineStarts(text), errors };
}

/** A document with nothing in it (`---` at the end of a file). */
function isEmptyDocument(doc: Document.Parsed): boolean {
  const c = doc.contents;
  return c === null || (isScalar(c) && c.value === null && (c.range === undefined || c.range === null || c.range[0] === c.range[1]));
}

function rangeOf(n: YNode): [number, number] {
  const r = n.range ?? [0, 0, 0];
  return [r[0], r[1]];
}

function convert(n: YNode | null | undefined, st: ConvertState): SNode {
  if (!n) return { kind: 'scalar', value: null, start: 0, end: 0 };
  if (isAlias(n)) return convertAlias(n, st);
  const tag = n.tag;
  const longForm = tag && tag.startsWith('!') ? longFormName(tag) : undefined;
  const inner = convertPlain(n, st, longForm !== undefined);
  if (!longForm) return inner;
  return longFormOf(st.text, longForm, tag!, inner);
}

function convertAlias(n: Alias, st: ConvertState): SNode {
  const target = n.resolve(st.doc);
  const [start, end] = rangeOf(n);
  if (!target) {
    st.errors.push({ message: `The alias *${n.source} refers to no anchor (&${n.source}) before it`, start, end });
    return { kind: 'scalar', value: null, start, end };
  }
  let cached = st.aliasCache.get(target);
  if (!cached) {
    cached = convert(target, st);
    st.aliasCache.set(target, cached);
  }
  st.expanded += countNodes(cached, MAX_ALIAS_EXPANSION - st.expanded + 1);
  if (st.expanded > MAX_ALIAS_EXPANSION) {
    throw new AliasBombError(`YAML aliases expand to more than ${MAX_ALIAS_EXPANSION} nodes; refusing to expand them (alias bomb?).`);
  }
  return cached;
}

function countNodes(n: SNode, limit: number): number {
  let count = 0;
  const stack: SNode[] = [n];
  while (stack.length && count < limit) {
    const x = stack.pop()!;
    count++;
    if (x.kind === 'map') for (const p of x.pairs) stack.push(p.value);
    else if (x.kind === 'seq') for (const i of x.items) stack.push(i);
  }
  return count;
}

/** `tagged`: the node carries a local tag, whose scalar is its text as written (as PyYAML's construct_scalar gives it). */
function convertPlain(n: YNode, st: ConvertState, tagged: boolean): SNode {
  const [start, end] = rangeOf(n);
  if (isScalar(n)) return convertScalar(n as Scalar, start, end, tagged);
  if (isMap(n)) return convertMap(n as YAMLMap, start, end, st);
  if (isSeq(n)) {
    const s = n as YAMLSeq;
    const items: SNode[] = [];
    for (const item of s.items) {
      if (isPair(item)) {
        // `[a: b]` inside a flow sequence is a single-pair map.
        const inner = new YAMLMap();
        inner.items.push(item);
        const ks = rangeOf(item.key as YNode)[0];
        const ve = item.value ? rangeOf(item.value as YNode)[1] : rangeOf(item.key as YNode)[1];
        inner.range = [ks, ve, ve];
        inner.flow = true;
        items.push(convertMap(inner, ks, ve, st));
      } else {
        items.push(convert(item as YNode, st));
      }
    }
    return { kind: 'seq', items, start, end, flow: s.flow === true };
  }
  return { kind: 'scalar', value: null, start, end };
}

function convertMap(m: YAMLMap, start: number, end: number, st: ConvertState): SMap {
  const pairs: SPair[] = [];
  let merged = false;
  for (const item of m.items) {
    if (!isPair(item)) continue;
    if (isMergeKey(item)) {
      pairs.push(...mergedPairs(item, st));
      merged = true;
      continue;
    }
    const key = convertKey(item.key as YNode | null, start, st);
    const value =
      item.value === null || item.value === undefined
        ? ({ kind: 'scalar', value: null, start: key.end, end: key.end } as SScalar)
        : convert(item.value as YNode, st);
    pairs.push({ key, value });
  }
  const map: SMap = { kind: 'map', pairs, start, end, flow: m.flow === true };
  // A mapping with a merge key overrides merged keys on purpose (cfn-lint does not check it either).
  if (!merged) findDuplicates(map, st);
  return map;
}

/**
 * A mapping key. The `yaml` package takes keys that PyYAML refuses, and so must we (they do
 * not load in cfn-lint or SAM): a collection or an intrinsic as a key (PyYAML: "found
 * unhashable key"), and a `:` with no key before it and no `?` (PyYAML: "did not find
 * expected key"). Each is an error on the key; its text is kept so that nothing else is lost.
 */
function convertKey(k: YNode | null, mapStart: number, st: ConvertState): SScalar {
  if (k && isScalar(k)) {
    const [ks, ke] = rangeOf(k);
    if (k.tag && longFormName(k.tag)) {
      st.errors.push({ message: `A mapping key cannot be an intrinsic function (${k.tag})`, start: ks, end: ke });
    } else if (ks === ke && (k as Scalar).source === '' && !explicitKeyBefore(st.text, ks)) {
      st.errors.push({ message: "A mapping key is missing before ':'", start: ks, end: ks + 1 });
    }
    return convertScalar(k as Scalar, ks, ke, false);
  }
  if (k) {
    const [ks, ke] = rangeOf(k);
    st.errors.push({ message: 'A mapping key must be a single value, not a list or a mapping', start: ks, end: ke });
    return { kind: 'scalar', value: st.text.slice(ks, ke), start: ks, end: ke };
  }
  return { kind: 'scalar', value: '', start: mapStart, end: mapStart };
}

/** Whether an empty key at `at` follows an explicit key indicator `?` (which PyYAML allows). */
function explicitKeyBefore(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i--;
  return text[i] === '?';
}

/** `<<: *base` (PyYAML merges, as YAML 1.1 has it): a plain `<<` key. */
function isMergeKey(item: Pair): boolean {
  const k = item.key as YNode | null;
  return !!k && isScalar(k) && k.type === 'PLAIN' && !k.tag && (k as Scalar).source === '<<';
}

/**
 * The pairs a merge key brings in, in PyYAML's order: the maps of a list are merged so that
 * an earlier one wins over a later one, and the mapping's own keys (after them) win over all.
 */
function mergedPairs(item: Pair, st: ConvertState): SPair[] {
  const value = convert(item.value as YNode, st);
  const sources = value.kind === 'seq' ? [...value.items].reverse() : [value];
  const out: SPair[] = [];
  for (const s of sources) {
    if (s.kind !== 'map') {
      st.errors.push({ message: 'A merge key (<<) takes a mapping or a list of mappings', start: value.start, end: value.end });
      return [];
    }
    out.push(...s.pairs);
  }
  return out;
}

/** Repeated keys (equal as PyYAML compares them: the same type and value), recorded, not refused. */
function findDuplicates(map: SMap, st: ConvertState): void {
  if (map.pairs.length < 2) return;
  const first = new Map<string, SScalar>();
  for (const p of map.pairs) {
    const v = p.key.value;
    const id = typeof v === 'string' ? v : `\u0000${typeof v}:${String(v)}`;
    const earlier = first.get(id);
    if (earlier) st.duplicates.push({ map, earlier, later: p.key });
    else first.set(id, p.key);
  }
}

function styleOf(s: Scalar): SScalar['style'] {
  switch (s.type) {
    case 'QUOTE_SINGLE':
      return 'single';
    case 'QUOTE_DOUBLE':
      return 'double';
    case 'BLOCK_FOLDED':
    case 'BLOCK_LITERAL':
      return 'block';
    default:
      return 'plain';
  }
}

function convertScalar(s: Scalar, start: number, end: number, tagged: boolean): SScalar {
  const style = styleOf(s);
  // A plain scalar without a tag is resolved as YAML 1.1; a tagged or quoted one is its text.
  if (style === 'plain' && !s.tag) return { kind: 'scalar', value: resolvePlain11(s.source ?? String(s.value ?? '')), start, end, style };
  if (tagged) return { kind: 'scalar', value: typeof s.value === 'string' ? s.value : String(s.source ?? s.value ?? ''), start, end, style };
  const v = s.value;
  let value: SScalar['value'];
  if (v === null || v === undefined) value = null;
  else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') value = v;
  else if (typeof v === 'bigint') value = Number(v);
  else value = String(v);
  return { kind: 'scalar', value, start, end, style };
}

import { Alias, Composer, Document, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, Node as YNode, Parser, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { CFN_TAG_BY_NAME, CFN_TAGS, longFormOf } from './cfn-tags';
import { parseYamlFast } from './yaml-fast';
import { computeLineStarts, outsideCrlf, ParseProblem, SMap, SNode, SScalar, SourceFile } from './source-tree';

/** Upper bound on nodes produced by alias expansion (defends against alias bombs). */
const MAX_ALIAS_EXPANSION = 200_000;

const CUSTOM_TAGS = CFN_TAGS.flatMap((t) =>
  t.kinds.map((kind) =>
    kind === 'scalar'
      ? { tag: t.tag, identify: () => false, resolve: (s: string) => s }
      : {
          tag: t.tag,
          collection: kind,
          nodeClass: kind === 'seq' ? YAMLSeq : YAMLMap,
          identify: () => false,
          resolve: (v: unknown) => v,
        },
  ),
);

class AliasBombError extends Error {}

interface ConvertState {
  text: string;
  doc: Document.Parsed;
  expanded: number;
  aliasCache: Map<YNode, SNode>;
  errors: ParseProblem[];
}

const TOO_DEEP = 'YAML nesting is too deep to parse (the parser ran out of stack); CloudFormation templates are never nested this deeply.';

/** Parses YAML text into the source tree (first document only: a template is one document). */
export function parseYaml(text: string): SourceFile {
  // Most templates are plain block YAML, which the fast path parses to the very same tree
  // (yaml-fast.ts); it declines everything else, and errors, to the general path.
  return parseYamlFast(text) ?? parseYamlGeneral(text);
}

/** The general path: the `yaml` package's parser and composer, then conversion. */
export function parseYamlGeneral(text: string): SourceFile {
  const lineCounter = new LineCounter();
  const parser = new Parser(lineCounter.addNewLine);
  // Duplicate keys are found in convert(): the composer's own check is quadratic in a map's size.
  const composer = new Composer({ customTags: CUSTOM_TAGS as never, prettyErrors: false, uniqueKeys: false });
  const errors: ParseProblem[] = [];
  let first: Document.Parsed | undefined;
  let count = 0;
  // A lone CR ends a line in YAML 1.2 (and for every editor) but not for the lexer: make it
  // an LF of the same length, so offsets into the original text stay right.
  const lexed = text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
  for (const doc of composer.compose(parser.parse(lexed), true, text.length)) {
    count++;
    if (count === 1) first = doc;
    else if (!isEmptyDocument(doc)) {
      const r = doc.range ?? [0, 0];
      errors.push({ message: 'A CloudFormation template holds one YAML document; this file has more than one.', start: r[0], end: r[0] });
      break;
    }
  }
  const lineStarts = computeLineStarts(text);
  if (!first) return { text, format: 'yaml', lineStarts, root: null, errors };
  for (const e of first.errors) {
    // The composer turns a stack overflow on deep nesting into an error per level it unwinds: say it once.
    if (e.code === 'RESOURCE_EXHAUSTION') {
      const at = Math.min(e.pos[0], text.length);
      if (!errors.some((x) => x.message === TOO_DEEP)) errors.push({ message: TOO_DEEP, start: at, end: at });
      continue;
    }
    // Inside the text, and never between the CR and LF of a line break.
    const start = outsideCrlf(text, Math.min(e.pos[0], text.length));
    errors.push({ message: e.message.split('\n')[0], start, end: Math.max(start, outsideCrlf(text, Math.min(e.pos[1], text.length))) });
  }
  let root: SNode | null = null;
  const st: ConvertState = { text: lexed, doc: first, expanded: 0, aliasCache: new Map(), errors: [] };
  try {
    root = first.contents ? convert(first.contents as YNode, st) : null;
  } catch (e) {
    if (e instanceof AliasBombError) errors.push({ message: e.message, start: 0, end: 0 });
    else if (e instanceof RangeError) errors.push({ message: TOO_DEEP, start: 0, end: 0 });
    else throw e;
    root = null;
  }
  errors.push(...st.errors);
  errors.sort((a, b) => a.start - b.start);
  return { text, format: 'yaml', lineStarts, root, errors };
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
  const cfn = tag && tag.startsWith('!') ? CFN_TAG_BY_NAME.get(tag) : undefined;
  const inner = convertPlain(n, st);
  if (!cfn) return inner;
  return longFormOf(st.text, cfn, tag!, inner);
}

function convertAlias(n: Alias, st: ConvertState): SNode {
  const target = n.resolve(st.doc);
  const [start, end] = rangeOf(n);
  if (!target) return { kind: 'scalar', value: null, start, end };
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

function convertPlain(n: YNode, st: ConvertState): SNode {
  const [start, end] = rangeOf(n);
  if (isScalar(n)) return convertScalar(n as Scalar, start, end);
  if (isMap(n)) {
    const m = n as YAMLMap;
    const pairs = [];
    const seen = new Set<string>();
    for (const item of m.items) {
      if (!isPair(item)) continue;
      const k = item.key as YNode | null;
      let key: SScalar;
      if (k && isScalar(k)) {
        const [ks, ke] = rangeOf(k);
        const v = (k as Scalar).value;
        key = { kind: 'scalar', value: v === null || v === undefined ? '' : typeof v === 'object' ? String(v) : (v as string | number | boolean), start: ks, end: ke, style: styleOf(k as Scalar) };
        // Same test as the yaml package's uniqueKeys (equal scalar values), with a set instead of a scan.
        const id = `${typeof v}:${String(v)}`;
        if (seen.has(id)) st.errors.push({ message: 'Map keys must be unique', start: ks, end: ks + 1 });
        seen.add(id);
      } else if (k) {
        const [ks, ke] = rangeOf(k);
        key = { kind: 'scalar', value: st.text.slice(ks, ke), start: ks, end: ke };
      } else {
        key = { kind: 'scalar', value: '', start, end: start };
      }
      const value = item.value === null || item.value === undefined
        ? ({ kind: 'scalar', value: null, start: key.end, end: key.end } as SScalar)
        : convert(item.value as YNode, st);
      pairs.push({ key, value });
    }
    return { kind: 'map', pairs, start, end, flow: m.flow === true };
  }
  if (isSeq(n)) {
    const s = n as YAMLSeq;
    const items: SNode[] = [];
    for (const item of s.items) {
      if (isPair(item)) {
        // `[a: b]` inside a flow sequence is a single-pair map.
        const pr = item;
        const inner = new YAMLMap();
        inner.items.push(pr);
        const ks = rangeOf(pr.key as YNode)[0];
        const ve = pr.value ? rangeOf(pr.value as YNode)[1] : rangeOf(pr.key as YNode)[1];
        inner.range = [ks, ve, ve];
        inner.flow = true;
        items.push(convertPlain(inner, st));
      } else {
        items.push(convert(item as YNode, st));
      }
    }
    return { kind: 'seq', items, start, end, flow: s.flow === true };
  }
  return { kind: 'scalar', value: null, start, end };
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

function convertScalar(s: Scalar, start: number, end: number): SScalar {
  const v = s.value;
  let value: SScalar['value'];
  if (v === null || v === undefined) value = null;
  else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') value = v;
  else if (typeof v === 'bigint') value = Number(v);
  else value = String(v);
  // A plain YAML number like 1.10 or 0443 loses its spelling as a number; templates
  // mean strings there often enough that we keep the source text for non-canonical numbers.
  if (typeof value === 'number' && s.source !== undefined && String(value) !== s.source) {
    return { kind: 'scalar', value: s.source, start, end, style: 'plain' };
  }
  return { kind: 'scalar', value, start, end, style: styleOf(s) };
}

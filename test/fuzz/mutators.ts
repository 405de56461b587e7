import * as fc from 'fast-check';
import { Document, Node as YNode } from 'yaml';
import { CFN_TAGS } from '../../rules/src/parse/cfn-tags';
import { parseSource } from '../../rules/src/parse/index';
import { SNode } from '../../rules/src/parse/source-tree';

/**
 * Mutations of a template, as plain data (fast-check shrinks them and a failure prints them):
 * tree mutations on the parsed template (wrong types, intrinsics where scalars belong and the
 * reverse, removed and wrapped values), then text mutations on the written text (truncation,
 * inserted and deleted characters, indentation, broken tags, duplicated keys, line endings).
 */

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

// ------------------------------------------------------------------ tree mutations

/** Names of the template a hostile value may refer to. */
export interface Names {
  params: string[];
  resources: string[];
  conditions: string[];
  mappings: string[];
}

const pick = <T>(list: T[], fallback: T, i = 0): T => (list.length ? list[i % list.length] : fallback);

/** Values of the wrong type, odd intrinsics and broken intrinsics, for any property. */
export const HOSTILE: ((n: Names) => Json)[] = [
  () => null,
  () => true,
  () => false,
  () => 0,
  () => -1,
  () => 1e308,
  () => 443,
  () => '',
  () => ' ',
  () => 'x'.repeat(2000),
  () => '443',
  () => 'HTTPS',
  () => 'TLS',
  () => 'true',
  () => 'ELBSecurityPolicy-2016-08',
  () => 'arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012',
  () => 'arn:aws:iam::123456789012:server-certificate/x',
  () => 'arn:',
  () => '*.',
  () => '${AWS::Region}',
  () => '\u0000\ud800',
  // Backtracking bait for patterns built from values and for regular expressions run on them.
  () => '*'.repeat(12) + 'X',
  () => '*?'.repeat(20) + 'X',
  () => '*.'.repeat(3000),
  () => 'a'.repeat(5000) + '!',
  () => 'a.'.repeat(2000) + '-',
  () => '-'.repeat(5000),
  () => ' '.repeat(5000) + 'x',
  () => [],
  () => [null],
  () => [[]],
  () => [{}],
  () => ['a', 1, true, null],
  () => ({}),
  () => ({ a: 1 }),
  () => ({ Key: 'Name', Value: 'x' }),
  () => ({ Ref: 'AWS::NoValue' }),
  () => ({ Ref: 'AWS::Region' }),
  () => ({ Ref: 'NoSuchThing' }),
  () => ({ Ref: ['a'] }),
  () => ({ Ref: null }),
  (n) => ({ Ref: pick(n.params, 'P') }),
  (n) => ({ Ref: pick(n.resources, 'R') }),
  (n) => ({ 'Fn::GetAtt': [pick(n.resources, 'R'), 'Arn'] }),
  (n) => ({ 'Fn::GetAtt': `${pick(n.resources, 'R')}.A.B` }),
  () => ({ 'Fn::GetAtt': 'x' }),
  () => ({ 'Fn::GetAtt': [] }),
  () => ({ 'Fn::If': ['NoSuchCondition', 'a', 'b'] }),
  (n) => ({ 'Fn::If': [pick(n.conditions, 'C'), { Ref: 'AWS::NoValue' }, []] }),
  (n) => ({ 'Fn::If': [pick(n.conditions, 'C'), { 'Fn::If': [pick(n.conditions, 'C', 1), 'a', { Ref: 'AWS::NoValue' }] }, 443] }),
  () => ({ 'Fn::If': 'broken' }),
  () => ({ 'Fn::If': [{ Ref: 'x' }, 1, 2] }),
  () => ({ 'Fn::If': ['C'] }),
  () => ({ 'Fn::Sub': '${AWS::Region}-x' }),
  () => ({ 'Fn::Sub': 'plain-${!Literal}' }),
  () => ({ 'Fn::Sub': ['${A}', { A: { Ref: 'AWS::NoValue' } }] }),
  () => ({ 'Fn::Sub': [] }),
  () => ({ 'Fn::Sub': 42 }),
  () => ({ 'Fn::Join': [',', 'not-a-list'] }),
  () => ({ 'Fn::Join': [',', ['a', { Ref: 'AWS::NoValue' }, ['b']]] }),
  () => ({ 'Fn::Join': [] }),
  () => ({ 'Fn::Select': [99, []] }),
  () => ({ 'Fn::Select': ['-1', ['a']] }),
  () => ({ 'Fn::Select': ['x', { Ref: 'P' }] }),
  () => ({ 'Fn::Select': [0, { 'Fn::GetAZs': '' }] }),
  (n) => ({ 'Fn::FindInMap': [pick(n.mappings, 'M'), 'a'] }),
  (n) => ({ 'Fn::FindInMap': [pick(n.mappings, 'M'), { Ref: 'AWS::Region' }, { Ref: pick(n.params, 'P') }] }),
  () => ({ 'Fn::FindInMap': [{ Ref: 'AWS::Region' }, 'a', 'b'] }),
  () => ({ 'Fn::FindInMap': 'M' }),
  () => ({ 'Fn::ImportValue': 'exported' }),
  () => ({ 'Fn::ImportValue': { 'Fn::Sub': '${AWS::StackName}-x' } }),
  () => ({ 'Fn::Base64': {} }),
  () => ({ 'Fn::Split': [',', 1] }),
  () => ({ 'Fn::Cidr': [] }),
  () => ({ 'Fn::GetAZs': '' }),
  () => ({ 'Fn::Length': [] }),
  () => ({ 'Fn::ToJsonString': {} }),
  () => ({ 'Fn::Transform': { Name: 'x' } }),
  () => ({ 'Fn::ForEach::x': ['i', ['a'], { 'R${i}': {} }] }),
  () => ({ Condition: 'NoSuchCondition' }),
  (n) => ({ Condition: pick(n.conditions, 'C') }),
  () => ({ 'Fn::Equals': [1] }),
  () => ({ 'Fn::Not': 'x' }),
  () => ({ 'Fn::And': [] }),
  (n) => ({ 'Fn::Or': [{ Condition: pick(n.conditions, 'C') } as Json, { 'Fn::Equals': [{ Ref: pick(n.params, 'P') }, 'x'] }] }),
  () => ({ Ref: 'a', 'Fn::Sub': 'b' }),
  () => ({ 'Fn::NoSuchFunction': 'x' }),
];

export const HOSTILE_COUNT = HOSTILE.length;

export type TreeOp =
  /** Replace a node with a hostile value. */
  | { kind: 'replace'; at: number; value: number; props: boolean }
  /** Replace a node with a copy of another node of the template (realistic wrong types). */
  | { kind: 'copy'; at: number; from: number; props: boolean }
  | { kind: 'remove'; at: number; props: boolean }
  /** Wrap a value in an intrinsic that passes it through (or not). */
  | { kind: 'wrap'; at: number; how: number; props: boolean }
  /** The reverse: an intrinsic replaced by its argument, or by a plain scalar. */
  | { kind: 'unwrap'; at: number; scalar: boolean };

interface Slot {
  /** Path of keys and indexes from the root. */
  path: (string | number)[];
  value: Json;
}

export function toJson(n: SNode | null): Json {
  if (!n) return null;
  if (n.kind === 'scalar') return n.value;
  if (n.kind === 'seq') return n.items.map(toJson);
  const o: { [k: string]: Json } = {};
  for (const p of n.pairs) o[String(p.key.value)] = toJson(p.value);
  return o;
}

export function slots(root: Json, propsOnly: boolean): Slot[] {
  const out: Slot[] = [];
  const walk = (v: Json, path: (string | number)[]): void => {
    const inProps = path[0] === 'Resources' && path[2] === 'Properties' && path.length > 3;
    if (path.length && (!propsOnly || inProps)) out.push({ path, value: v });
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (v && typeof v === 'object') for (const k of Object.keys(v)) walk(v[k], [...path, k]);
  };
  walk(root, []);
  return out;
}

export function setAt(root: Json, path: (string | number)[], value: Json | undefined): void {
  let parent = root as { [k: string]: Json } & Json[];
  for (const step of path.slice(0, -1)) parent = parent[step as never] as never;
  const last = path[path.length - 1];
  if (value === undefined) {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last as never];
  } else parent[last as never] = value as never;
}

export function namesOf(root: Json): Names {
  const keys = (k: string): string[] => {
    const v = root && typeof root === 'object' && !Array.isArray(root) ? root[k] : undefined;
    return v && typeof v === 'object' && !Array.isArray(v) ? Object.keys(v) : [];
  };
  return { params: keys('Parameters'), resources: keys('Resources'), conditions: keys('Conditions'), mappings: keys('Mappings') };
}

const clone = (v: Json): Json => (v === undefined ? null : JSON.parse(JSON.stringify(v)));

function applyTreeOp(root: Json, op: TreeOp): void {
  const all = slots(root, op.kind !== 'unwrap' && op.props);
  const list = all.length ? all : slots(root, false);
  if (!list.length) return;
  const slot = list[op.at % list.length];
  const names = namesOf(root);
  switch (op.kind) {
    case 'replace':
      setAt(root, slot.path, HOSTILE[op.value % HOSTILE.length](names));
      return;
    case 'copy': {
      const every = slots(root, false);
      setAt(root, slot.path, clone(every[op.from % every.length].value));
      return;
    }
    case 'remove':
      setAt(root, slot.path, undefined);
      return;
    case 'wrap': {
      const v = clone(slot.value);
      const cond = pick(names.conditions, 'NoSuchCondition');
      const wraps: Json[] = [
        { 'Fn::If': [cond, v, { Ref: 'AWS::NoValue' }] },
        { 'Fn::If': [cond, { Ref: 'AWS::NoValue' }, v] },
        { 'Fn::If': ['NoSuchCondition', v, v] },
        { 'Fn::Select': [0, [v]] },
        { 'Fn::Select': [1, [v]] },
        { 'Fn::Join': ['', [v]] },
        { 'Fn::Sub': [typeof v === 'string' ? v : '${X}', { X: v }] },
        [v],
        { Value: v },
      ];
      setAt(root, slot.path, wraps[op.how % wraps.length]);
      return;
    }
    case 'unwrap': {
      const intrinsics = list.filter(
        (s) =>
          s.value &&
          typeof s.value === 'object' &&
          !Array.isArray(s.value) &&
          Object.keys(s.value).length === 1 &&
          /^(Ref|Condition|Fn::)/.test(Object.keys(s.value)[0]),
      );
      if (!intrinsics.length) return;
      const target = intrinsics[op.at % intrinsics.length];
      const arg = Object.values(target.value as object)[0] as Json;
      setAt(root, target.path, op.scalar ? 'unwrapped' : clone(arg));
      return;
    }
  }
}

const TAG_OF = new Map(CFN_TAGS.map((t) => [t.longForm, t]));

/** YAML text with short-form tags where CloudFormation allows them (`{Ref: X}` is `!Ref X`). */
export function toYaml(root: Json, shortForm: boolean): string {
  const doc = new Document();
  const node = (v: Json): unknown => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const keys = Object.keys(v);
      const tag = shortForm && keys.length === 1 ? TAG_OF.get(keys[0]) : undefined;
      if (tag) {
        const arg = v[keys[0]];
        const kind = Array.isArray(arg) ? 'seq' : arg && typeof arg === 'object' ? 'map' : 'scalar';
        if (tag.kinds.includes(kind)) {
          const inner = doc.createNode(kind === 'scalar' ? arg : (node(arg) as never)) as YNode;
          inner.tag = tag.tag;
          if (kind === 'seq') (inner as unknown as { flow: boolean }).flow = true;
          return inner;
        }
      }
      const m = doc.createNode({}) as unknown as { set: (k: string, v: unknown) => void };
      for (const k of keys) m.set(k, node(v[k]));
      return m;
    }
    if (Array.isArray(v)) return doc.createNode(v.map(node));
    return doc.createNode(v);
  };
  doc.contents = node(root) as never;
  return doc.toString({ lineWidth: 0 });
}

/** The template after tree mutations, written as JSON or YAML; undefined when the seed does not parse. */
export function mutateTree(text: string, json: boolean, ops: TreeOp[], shortForm: boolean): string | undefined {
  const src = parseSource(text, json ? 'seed.json' : 'seed.yaml');
  if (src.errors.length || !src.root) return undefined;
  const root = toJson(src.root);
  for (const op of ops) applyTreeOp(root, op);
  return json ? JSON.stringify(root, null, 2) : toYaml(root, shortForm);
}

// ------------------------------------------------------------------ text mutations

export type TextOp =
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'indent'; line: number; delta: number }
  | { kind: 'tabIndent'; line: number }
  | { kind: 'duplicateLine'; line: number }
  | { kind: 'swapLines'; a: number; b: number }
  | { kind: 'breakTag'; at: number; how: number }
  | { kind: 'lineEndings'; style: 'crlf' | 'cr' | 'mixed' }
  | { kind: 'bom' };

/** Text that means something to YAML or JSON, or to the rules. */
const TOKENS = [
  ':',
  ': ',
  '- ',
  '-',
  '{',
  '}',
  '[',
  ']',
  ',',
  '"',
  "'",
  '#',
  '&a ',
  '*a',
  '*',
  '&',
  '!',
  '!Ref ',
  '!If ',
  '!GetAtt ',
  '!Sub ',
  '!Bogus ',
  '!!str ',
  '!!binary ',
  '|',
  '>',
  '|-',
  '? ',
  '%YAML 1.2\n',
  '---\n',
  '...\n',
  '\n',
  '\r\n',
  '\r',
  '\t',
  ' ',
  '  ',
  '\\',
  '\\u',
  '\u00a0',
  '\u2028',
  '\ufeff',
  '\ud83d\ude00',
  '\ud800',
  '<<: *a\n',
  '~',
  'null',
  '0x1F',
  '1e999',
  '.inf',
  '.nan',
  'AWS::',
  'Fn::If',
  'Ref',
  'Type: AWS::ElasticLoadBalancingV2::Listener\n',
  'Properties:\n',
];

const textOp: fc.Arbitrary<TextOp> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 4 })),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('indent' as const), line: fc.nat(), delta: fc.integer({ min: -4, max: 4 }) }),
  fc.record({ kind: fc.constant('tabIndent' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('duplicateLine' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('swapLines' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('breakTag' as const), at: fc.nat(), how: fc.nat() }),
  fc.record({ kind: fc.constant('lineEndings' as const), style: fc.constantFrom('crlf' as const, 'cr' as const, 'mixed' as const) }),
  fc.record({ kind: fc.constant('bom' as const) }),
);

function lineSpans(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /[^\r\n]*(\r\n|\r|\n|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m[0].length) {
    out.push({ start: m.index, end: m.index + m[0].length });
    re.lastIndex = m.index + m[0].length;
  }
  return out;
}

export function applyTextOp(text: string, op: TextOp): string {
  const at = (n: number): number => (text.length ? n % (text.length + 1) : 0);
  const lines = lineSpans(text);
  const line = (n: number) => (lines.length ? lines[n % lines.length] : { start: 0, end: 0 });
  switch (op.kind) {
    case 'truncate':
      return text.slice(0, at(op.at));
    case 'insert': {
      const i = at(op.at);
      return text.slice(0, i) + op.text + text.slice(i);
    }
    case 'delete': {
      const i = at(op.at);
      return text.slice(0, i) + text.slice(i + op.length);
    }
    case 'indent': {
      const l = line(op.line);
      const body = text.slice(l.start, l.end);
      const lead = /^ */.exec(body)![0].length;
      const indent = Math.max(0, lead + op.delta);
      return text.slice(0, l.start) + ' '.repeat(indent) + body.slice(lead) + text.slice(l.end);
    }
    case 'tabIndent': {
      const l = line(op.line);
      return text.slice(0, l.start) + text.slice(l.start, l.end).replace(/^ {1,2}/, '\t') + text.slice(l.end);
    }
    case 'duplicateLine': {
      const l = line(op.line);
      let body = text.slice(l.start, l.end);
      if (!/(\r\n|\r|\n)$/.test(body)) body += '\n';
      return text.slice(0, l.start) + body + text.slice(l.start);
    }
    case 'swapLines': {
      if (lines.length < 2) return text;
      const [a, b] = [line(op.a), line(op.b)].sort((x, y) => x.start - y.start);
      if (a.start === b.start) return text;
      return text.slice(0, a.start) + text.slice(b.start, b.end) + text.slice(a.end, b.start) + text.slice(a.start, a.end) + text.slice(b.end);
    }
    case 'breakTag': {
      // Mangle one tag (or one long-form intrinsic key) of the text.
      const hits: number[] = [];
      const re = /!\w+|"?(Fn::\w+|Ref)"?\s*:/g;
      let m: RegExpExecArray | null;
      while ((m = re.exec(text))) hits.push(m.index);
      if (!hits.length) return text;
      const i = hits[op.at % hits.length];
      const edits = [
        (s: string) => s.replace(/^!\w+/, '!'),
        (s: string) => s.replace(/^!(\w+)/, '!$1x'),
        (s: string) => s.replace(/^!\w+/, '!!str'),
        (s: string) => s.replace(/^!(\w+)/, '!<!$1>'),
        (s: string) => s.replace(/^!\w+/, '!Ref'),
        (s: string) => s.replace(/^!\w+/, '!If'),
        (s: string) => s.replace(/^"?(Fn::\w+|Ref)/, (x) => x.replace('Fn::', 'Fn:')),
        (s: string) => s.replace(/^"?(Fn::\w+|Ref)/, (x) => x.toLowerCase()),
      ];
      const rest = text.slice(i);
      return text.slice(0, i) + edits[op.how % edits.length](rest);
    }
    case 'lineEndings': {
      if (op.style === 'crlf') return text.replace(/\r?\n/g, '\r\n');
      if (op.style === 'cr') return text.replace(/\r?\n/g, '\r');
      let k = 0;
      return text.replace(/\r?\n/g, () => ['\n', '\r\n', '\r'][k++ % 3]);
    }
    case 'bom':
      return text.startsWith('\ufeff') ? text : '\ufeff' + text;
  }
}

// ------------------------------------------------------------------ the case arbitrary

export interface FuzzCase {
  seed: number;
  treeOps: TreeOp[];
  shortForm: boolean;
  textOps: TextOp[];
  /** Index into the settings variants of the property. */
  settings: number;
  /** Lint as `.template` (format sniffed) instead of by the seed's extension. */
  sniff: boolean;
}

const propsFlag = fc.boolean();
const treeOp: fc.Arbitrary<TreeOp> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: fc.nat({ max: HOSTILE_COUNT - 1 }), props: propsFlag }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('copy' as const), at: fc.nat(), from: fc.nat(), props: propsFlag }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), at: fc.nat(), props: propsFlag }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('wrap' as const), at: fc.nat(), how: fc.nat(), props: propsFlag }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('unwrap' as const), at: fc.nat(), scalar: fc.boolean() }) },
);

/** Cases over `seedCount` seeds, three in four of them from the first `focus` (the TLS templates). */
export function fuzzCase(seedCount: number, settingsCount: number, focus = seedCount): fc.Arbitrary<FuzzCase> {
  const f = Math.max(1, Math.min(focus, seedCount));
  const seed =
    f < seedCount
      ? fc.oneof({ weight: 3, arbitrary: fc.nat({ max: f - 1 }) }, { weight: 1, arbitrary: fc.integer({ min: f, max: seedCount - 1 }) })
      : fc.nat({ max: seedCount - 1 });
  return fc.record({
    seed,
    treeOps: fc.array(treeOp, { maxLength: 4 }),
    shortForm: fc.boolean(),
    textOps: fc.array(textOp, { maxLength: 3 }),
    settings: fc.nat({ max: settingsCount - 1 }),
    sniff: fc.boolean(),
  });
}

/** The text a case lints, or undefined when its tree mutations need a seed that parses. */
export function caseText(seedText: string, json: boolean, c: FuzzCase): string | undefined {
  let text = seedText;
  if (c.treeOps.length) {
    const t = mutateTree(seedText, json, c.treeOps, c.shortForm);
    if (t === undefined) return undefined;
    text = t;
  }
  for (const op of c.textOps) text = applyTextOp(text, op);
  return text;
}

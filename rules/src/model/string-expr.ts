import { RESOURCE_RETURN_VALUES } from '../data/return-values';
import type { Scenario } from '../evaluate/conditions';
import { ABSENT, Resolver } from '../evaluate/values';
import { intrinsicName, isMap, isScalar, isSeq, scalarString, SNode } from '../parse/source-tree';
import type { Template } from '../template/template';

/**
 * A string as CloudFormation will build it, read through `Fn::Sub`, `Fn::Join`, `Ref`,
 * `Fn::GetAtt` and `Fn::If`: literal text and symbols. A symbol stands for a string this template
 * cannot spell out but can name: a resource's `Ref` or attribute, a parameter, a pseudo parameter.
 * Two ARNs written differently (`!GetAtt Bucket.Arn` and `!Sub arn:${AWS::Partition}:s3:::${Bucket}`)
 * become the same expression, so a policy's Resource can be compared with the resource it protects.
 */

export type Part =
  | { kind: 'text'; text: string }
  /**
   * `certain`: the symbol names one string in a stack, and only the same symbol spells it
   * (a resource's generated name or ARN, the partition). Parameters and the other pseudo
   * parameters may equal some literal text, so a comparison with text is undecided.
   */
  | { kind: 'symbol'; name: string; certain: boolean }
  /** Not knowable (`Fn::ImportValue`, an undecided `Fn::If`, a list parameter…). */
  | { kind: 'opaque' };

export type StringExpr = readonly Part[];

export type Tri = 'yes' | 'no' | 'unknown';

const MAX_DEPTH = 50;
const PARTITION: Part = { kind: 'symbol', name: 'AWS::Partition', certain: true };

export interface ExprContext {
  template: Template;
  scenario: Scenario;
}

/** The expression of a template node (a scalar, or a string intrinsic). */
export function stringExpr(node: SNode | undefined, cx: ExprContext): StringExpr {
  return normalise(build(node, cx, 0));
}

/** A literal string as an expression. */
export function textExpr(text: string): StringExpr {
  return normalise([{ kind: 'text', text }]);
}

/** Whether an expression is only text (the string is known). */
export function isText(e: StringExpr): boolean {
  return e.every((p) => p.kind === 'text');
}

/** Whether an expression has a part that cannot be known. */
export function isOpaque(e: StringExpr): boolean {
  return e.some((p) => p.kind === 'opaque');
}

/** The expression with text appended. */
export function withSuffix(e: StringExpr, suffix: string): StringExpr {
  return normalise([...e, { kind: 'text', text: suffix }]);
}

function build(node: SNode | undefined, cx: ExprContext, depth: number): Part[] {
  if (!node || depth > MAX_DEPTH) return [{ kind: 'opaque' }];
  if (isScalar(node)) return node.value === null ? [{ kind: 'opaque' }] : [{ kind: 'text', text: String(node.value) }];
  if (isSeq(node)) return [{ kind: 'opaque' }];
  const fn = intrinsicName(node);
  if (!fn) return [{ kind: 'opaque' }];
  const arg = node.pairs[0].value;
  switch (fn) {
    case 'Ref':
      return named(scalarString(arg), undefined, cx);
    case 'Fn::GetAtt': {
      const [id, attribute] = isSeq(arg)
        ? [scalarString(arg.items[0]), scalarString(arg.items[1])]
        : [scalarString(arg)?.split('.')[0], scalarString(arg)?.split('.').slice(1).join('.')];
      return id && attribute ? named(id, attribute, cx) : [{ kind: 'opaque' }];
    }
    case 'Fn::Sub':
      return sub(arg, cx, depth);
    case 'Fn::Join': {
      if (!isSeq(arg) || arg.items.length !== 2) return [{ kind: 'opaque' }];
      const delimiter = scalarString(arg.items[0]);
      const list = arg.items[1];
      if (delimiter === undefined || !isSeq(list)) return [{ kind: 'opaque' }];
      const out: Part[] = [];
      let first = true;
      for (const item of list.items) {
        const r = branch(item, cx);
        if (r === ABSENT) continue;
        if (!first) out.push({ kind: 'text', text: delimiter });
        first = false;
        out.push(...build(r, cx, depth + 1));
      }
      return out;
    }
    case 'Fn::If': {
      const r = branch(node, cx);
      // AWS::NoValue in a string, or an undecided condition: not knowable.
      return r === ABSENT || r === node ? [{ kind: 'opaque' }] : build(r, cx, depth + 1);
    }
    default: {
      // FindInMap, Select…: whatever the resolver knows as one value.
      const r = new Resolver(cx.template, cx.scenario).resolve(node, []);
      if (r !== ABSENT && r.kind === 'leaf' && r.candidates.length === 1 && r.candidates[0].value !== null) {
        return [{ kind: 'text', text: String(r.candidates[0].value) }];
      }
      return [{ kind: 'opaque' }];
    }
  }
}

/** The branch an `Fn::If` takes in the scenario (ABSENT for `AWS::NoValue`); the node itself when undecided or not an `Fn::If`. */
function branch(node: SNode, cx: ExprContext): SNode | typeof ABSENT {
  let n = node;
  for (let i = 0; i < MAX_DEPTH; i++) {
    if (intrinsicName(n) === 'Ref' && isMap(n) && scalarString(n.pairs[0].value) === 'AWS::NoValue') return ABSENT;
    if (intrinsicName(n) !== 'Fn::If' || !isMap(n)) return n;
    const arg = n.pairs[0].value;
    if (!isSeq(arg) || arg.items.length !== 3) return node;
    const cond = scalarString(arg.items[0]);
    const value = cond === undefined || cx.scenario.conditionsUnknown ? undefined : cx.scenario.assignment.get(cond);
    if (value === undefined) return node;
    n = arg.items[value ? 1 : 2];
  }
  return node;
}

/** `Ref` / `Fn::GetAtt` / `${Name}` of a resource, parameter or pseudo parameter. */
function named(name: string | undefined, attribute: string | undefined, cx: ExprContext): Part[] {
  if (name === undefined) return [{ kind: 'opaque' }];
  if (attribute === undefined) {
    if (name === 'AWS::Partition') return [PARTITION];
    if (name === 'AWS::NoValue') return [{ kind: 'opaque' }];
    if (name.startsWith('AWS::')) return [{ kind: 'symbol', name, certain: false }];
    const param = cx.template.parameters.get(name);
    if (param) {
      const type = param.type ?? 'String';
      if (type.startsWith('List<') || type === 'CommaDelimitedList') return [{ kind: 'opaque' }];
      return [{ kind: 'symbol', name: `param:${name}`, certain: false }];
    }
  }
  const resource = cx.template.resources.get(name);
  if (!resource) return [{ kind: 'opaque' }];
  if (attribute === undefined) return [{ kind: 'symbol', name: `ref:${name}`, certain: true }];
  const returned = resource.type ? RESOURCE_RETURN_VALUES[resource.type]?.[attribute] : undefined;
  if (returned !== undefined) return expandReturn(returned, name);
  return [{ kind: 'symbol', name: `ref:${name}.${attribute}`, certain: true }];
}

/** A return-value template of data/return-values.ts, for one resource. */
function expandReturn(template: string, id: string): Part[] {
  const out: Part[] = [];
  for (const piece of template.split(/(\$\{[^}]*\})/)) {
    if (piece === '${Ref}') out.push({ kind: 'symbol', name: `ref:${id}`, certain: true });
    else if (piece === '${AWS::Partition}') out.push(PARTITION);
    else if (piece) out.push({ kind: 'text', text: piece });
  }
  return out;
}

function sub(arg: SNode, cx: ExprContext, depth: number): Part[] {
  const text = isSeq(arg) ? scalarString(arg.items[0]) : scalarString(arg);
  if (text === undefined) return [{ kind: 'opaque' }];
  const vars = isSeq(arg) && isMap(arg.items[1]) ? arg.items[1] : undefined;
  const out: Part[] = [];
  const re = /\$\{([^}]*)\}/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ kind: 'text', text: text.slice(last, m.index) });
    last = m.index + m[0].length;
    const inner = m[1];
    if (inner.startsWith('!')) {
      out.push({ kind: 'text', text: '${' + inner.slice(1) + '}' });
      continue;
    }
    const variable = vars?.pairs.find((p) => String(p.key.value) === inner);
    if (variable) {
      const r = branch(variable.value, cx);
      out.push(...(r === ABSENT ? [{ kind: 'opaque' } as Part] : build(r, cx, depth + 1)));
      continue;
    }
    const dot = inner.indexOf('.');
    out.push(...(dot > 0 ? named(inner.slice(0, dot), inner.slice(dot + 1), cx) : named(inner, undefined, cx)));
  }
  out.push({ kind: 'text', text: text.slice(last) });
  return out;
}

/**
 * Adjacent text merged, empty text dropped, and the partition of an ARN (`arn:aws:`,
 * `arn:aws-us-gov:`, `arn:${AWS::Partition}:`) made one symbol: a template names its own partition
 * either way.
 */
function normalise(parts: readonly Part[]): Part[] {
  const merged = mergeText(parts);
  const head = merged[0];
  const m = head && head.kind === 'text' ? /^arn:(aws(?:-[a-z]+)*):/.exec(head.text) : null;
  if (!m || head.kind !== 'text') return merged;
  return mergeText([{ kind: 'text', text: 'arn:' }, PARTITION, { kind: 'text', text: ':' + head.text.slice(m[0].length) }, ...merged.slice(1)]);
}

function mergeText(parts: readonly Part[]): Part[] {
  const out: Part[] = [];
  for (const p of parts) {
    const prev = out[out.length - 1];
    if (p.kind !== 'text') out.push(p);
    else if (!p.text) continue;
    else if (prev && prev.kind === 'text') out[out.length - 1] = { kind: 'text', text: prev.text + p.text };
    else out.push(p);
  }
  return out;
}

// ------------------------------------------------------------------ matching

type Token = { t: 'c'; c: string } | { t: 'star' } | { t: 'q' } | { t: 'sym'; name: string; certain: boolean } | { t: 'opaque' };

/** Longest expressions compared; longer ones are undecided. */
const MAX_TOKENS = 2048;

function tokens(e: StringExpr, wildcards: boolean): Token[] {
  const out: Token[] = [];
  for (const p of e) {
    if (p.kind === 'text') {
      // A pattern's `*` and `?` are wildcards; a target's `*` means any string (`bucket/*`).
      for (const c of p.text) out.push(c === '*' ? { t: 'star' } : wildcards && c === '?' ? { t: 'q' } : { t: 'c', c });
    } else if (p.kind === 'symbol') out.push({ t: 'sym', name: p.name, certain: p.certain });
    else out.push({ t: 'opaque' });
  }
  return out;
}

function triOr(a: Tri, b: Tri): Tri {
  return a === 'yes' || b === 'yes' ? 'yes' : a === 'unknown' || b === 'unknown' ? 'unknown' : 'no';
}

/**
 * Whether an IAM pattern (`*` and `?` are wildcards) matches every string the target can be. A
 * `*` in the target (as in `arn:…:bucket/*`) stands for any string: only a `*` of the pattern
 * covers it. Undecided where a parameter, pseudo parameter or opaque part meets text.
 */
export function patternCovers(pattern: StringExpr, target: StringExpr): Tri {
  return match(tokens(pattern, true), tokens(target, false));
}

/** Whether two expressions are the same string (no wildcards). */
export function sameString(a: StringExpr, b: StringExpr): Tri {
  const ta = tokens(a, false).map((t) => (t.t === 'star' ? ({ t: 'c', c: '*' } as Token) : t));
  const tb = tokens(b, false).map((t) => (t.t === 'star' ? ({ t: 'c', c: '*' } as Token) : t));
  return match(ta, tb);
}

function match(p: Token[], s: Token[]): Tri {
  if (p.length > MAX_TOKENS || s.length > MAX_TOKENS) return 'unknown';
  const m = p.length;
  const n = s.length;
  const memo = new Map<number, Tri>();
  const go = (i: number, j: number): Tri => {
    const key = i * (n + 1) + j;
    const cached = memo.get(key);
    if (cached) return cached;
    let r: Tri;
    if (i === m) r = j === n ? 'yes' : 'no';
    else {
      const pt = p[i];
      const st = j < n ? s[j] : undefined;
      if (pt.t === 'opaque' || st?.t === 'opaque') r = 'unknown';
      else if (pt.t === 'star') r = triOr(go(i + 1, j), st ? go(i, j + 1) : 'no');
      else if (!st) r = pt.t === 'sym' && !pt.certain ? 'unknown' : 'no';
      else if (pt.t === 'q') r = st.t === 'c' ? go(i + 1, j + 1) : st.t === 'sym' && !st.certain ? 'unknown' : 'no';
      else if (pt.t === 'c') {
        if (st.t === 'c') r = st.c === pt.c ? go(i + 1, j + 1) : 'no';
        else r = st.t === 'sym' && !st.certain ? 'unknown' : 'no';
      } else {
        // pattern symbol
        if (st.t === 'sym' && st.name === pt.name) r = go(i + 1, j + 1);
        else r = !pt.certain || (st.t === 'sym' && !st.certain) ? 'unknown' : 'no';
      }
    }
    memo.set(key, r);
    return r;
  };
  return go(0, 0);
}

/** Expressions one after the other, as one string. */
export function concatExpr(...es: StringExpr[]): StringExpr {
  return normalise(es.flat());
}

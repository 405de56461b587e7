import type { Candidate, RNode } from '../../evaluate/values';
import type { Path, ScalarValue, SNode } from '../../parse/source-tree';
import { pathKey } from '../../parse/source-tree';
import { isOpaque, isText, patternCovers, stringExpr, textExpr } from '../string-expr';
import type { ExprContext, StringExpr, Tri } from '../string-expr';

/**
 * An IAM policy document as the template will produce it, whichever way it is written: a YAML or
 * JSON object with intrinsics inside (ARNs through `Fn::Sub` / `Fn::Join` / `Fn::GetAtt`, values from
 * parameters, `Fn::If` statements), or a JSON string. Questions about statements are answered
 * yes / no / unknown, so that a rule never reports what it cannot know: "is there a statement that
 * denies every principal every S3 action on the bucket when aws:SecureTransport is false?".
 */

export type PolicyValue =
  | { kind: 'values'; values: ScalarValue[]; candidates?: Candidate[]; node?: SNode }
  | { kind: 'list'; items: PolicyValue[]; node?: SNode }
  | { kind: 'object'; entries: Map<string, PolicyValue>; node?: SNode }
  /** A string built by intrinsics (`Fn::Sub`, `Fn::Join`, `Ref`, `Fn::GetAtt`). */
  | { kind: 'expr'; expr: StringExpr; node?: SNode }
  | { kind: 'unknown'; node?: SNode };

export interface PolicyStatement {
  /** Template path of the statement (its mapping; for a JSON-string document, the string). */
  path: Path;
  /** Identity of the statement, so findings about it merge across scenarios. */
  key: string;
  entries: Map<string, PolicyValue>;
  /** The statement as written (object documents only). */
  node?: SNode;
}

export interface PolicyDocument {
  /** Template path of the document. */
  path: Path;
  form: 'object' | 'json-string';
  /** The statements that can be read. */
  statements: PolicyStatement[];
  /** Some statement, or the `Statement` list itself, cannot be known. */
  incomplete: boolean;
  /** Object form: the resolved `Statement` (a list or one statement); undefined when absent. */
  statement?: RNode;
}

/** Reads a resolved `PolicyDocument` (undefined when absent). */
export function readPolicyDocument(doc: RNode | undefined, cx: ExprContext): PolicyDocument | undefined {
  if (!doc) return undefined;
  if (doc.kind === 'leaf') return jsonDocument(doc, cx);
  if (doc.kind !== 'map') return { path: doc.path, form: 'object', statements: [], incomplete: true };
  const statement = doc.entries.get('Statement')?.value;
  const out: PolicyDocument = { path: doc.path, form: 'object', statements: [], incomplete: false, statement };
  if (!statement) return out;
  const items = statement.kind === 'seq' ? statement.items : [statement];
  for (const item of items) {
    if (item.kind !== 'map') {
      out.incomplete = true;
      continue;
    }
    const value = fromResolved(item, cx);
    if (value.kind !== 'object') continue;
    out.statements.push({ path: item.path, key: pathKey(item.path), entries: value.entries, node: item.node });
  }
  return out;
}

function fromResolved(n: RNode, cx: ExprContext): PolicyValue {
  switch (n.kind) {
    case 'leaf':
      return { kind: 'values', values: n.candidates.map((c) => c.value), candidates: n.candidates, node: n.node };
    case 'seq':
      return { kind: 'list', items: n.items.map((i) => fromResolved(i, cx)), node: n.node };
    case 'map': {
      const entries = new Map<string, PolicyValue>();
      for (const [k, e] of n.entries) entries.set(k, fromResolved(e.value, cx));
      return { kind: 'object', entries, node: n.node };
    }
    default: {
      const expr = stringExpr(n.node, cx);
      return expr.length === 1 && expr[0].kind === 'opaque' ? { kind: 'unknown', node: n.node } : { kind: 'expr', expr, node: n.node };
    }
  }
}

/** A document written as a JSON string (CloudFormation accepts both forms). */
function jsonDocument(doc: RNode & { kind: 'leaf' }, cx: ExprContext): PolicyDocument {
  const out: PolicyDocument = { path: doc.path, form: 'json-string', statements: [], incomplete: false };
  if (doc.candidates.length !== 1 || typeof doc.candidates[0].value !== 'string') {
    out.incomplete = true;
    return out;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(doc.candidates[0].value);
  } catch {
    out.incomplete = true;
    return out;
  }
  const statement = (parsed as { Statement?: unknown } | null)?.Statement;
  if (statement === undefined) return out;
  const items = Array.isArray(statement) ? statement : [statement];
  items.forEach((s: unknown, i) => {
    const value = fromJson(s, cx);
    if (value.kind !== 'object') {
      out.incomplete = true;
      return;
    }
    out.statements.push({ path: doc.path, key: `${pathKey(doc.path)}#${i}`, entries: value.entries });
  });
  return out;
}

function fromJson(v: unknown, cx: ExprContext): PolicyValue {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return { kind: 'values', values: [v] };
  if (Array.isArray(v)) return { kind: 'list', items: v.map((x) => fromJson(x, cx)) };
  if (typeof v === 'object') {
    const entries = new Map<string, PolicyValue>();
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) entries.set(k, fromJson(x, cx));
    return { kind: 'object', entries };
  }
  return { kind: 'unknown' };
}

// ------------------------------------------------------------------ three-valued answers

export function triAnd(...xs: Tri[]): Tri {
  return xs.includes('no') ? 'no' : xs.includes('unknown') ? 'unknown' : 'yes';
}

export function triOr(...xs: Tri[]): Tri {
  return xs.includes('yes') ? 'yes' : xs.includes('unknown') ? 'unknown' : 'no';
}

/** Every alternative of one value (a parameter's Default and AllowedValues) must pass. */
function triAll(xs: Tri[]): Tri {
  if (!xs.length) return 'unknown';
  return xs.every((x) => x === 'yes') ? 'yes' : xs.every((x) => x === 'no') ? 'no' : 'unknown';
}

/**
 * The strings of a value that is a string or a list of strings: one entry per item, each with its
 * alternatives (a parameter's Default and AllowedValues); `undefined` for an item that cannot be read.
 */
function stringItems(v: PolicyValue): (StringExpr[] | undefined)[] {
  switch (v.kind) {
    case 'values':
      return [v.values.map((x) => (x === null ? [{ kind: 'opaque' as const }] : textExpr(String(x))))];
    case 'expr':
      return [[v.expr]];
    case 'list':
      return v.items.flatMap(stringItems);
    default:
      return [undefined];
  }
}

/** Whether some item of a string-or-list value passes a test (every alternative of that item passing). */
export function anyItem(v: PolicyValue | undefined, test: (e: StringExpr) => Tri): Tri {
  if (!v) return 'no';
  return triOr(...stringItems(v).map((alts) => (alts ? triAll(alts.map((a) => (isOpaque(a) ? 'unknown' : test(a)))) : 'unknown')));
}

/** A text-only expression as its string (undefined when it has symbols). */
export function textOf(e: StringExpr): string | undefined {
  return isText(e) ? e.map((p) => (p.kind === 'text' ? p.text : '')).join('') : undefined;
}

function textIs(expected: string, caseInsensitive = false): (e: StringExpr) => Tri {
  return (e) => {
    const t = textOf(e);
    if (t === undefined) return 'unknown';
    return (caseInsensitive ? t.toLowerCase() === expected.toLowerCase() : t === expected) ? 'yes' : 'no';
  };
}

/** `Effect` is `Deny`. */
export function isDeny(st: PolicyStatement): Tri {
  return anyItem(st.entries.get('Effect'), textIs('Deny'));
}

/**
 * Whether a written principal is `*`. Text other than `*`, a pseudo parameter (`AWS::AccountId`)
 * or a resource's `Ref`/attribute is never `*`; a template parameter may be.
 */
function isStar(e: StringExpr): Tri {
  const t = textOf(e);
  if (t !== undefined) return t === '*' ? 'yes' : 'no';
  const never = e.some((p) => (p.kind === 'text' && /[^*]/.test(p.text)) || (p.kind === 'symbol' && (p.name.startsWith('AWS::') || p.name.startsWith('ref:'))));
  return never ? 'no' : 'unknown';
}

/** `Principal` is everyone: `"*"` or `{"AWS": "*"}` (a `NotPrincipal` statement is not). */
export function appliesToEveryone(st: PolicyStatement): Tri {
  if (st.entries.has('NotPrincipal')) return 'no';
  const principal = st.entries.get('Principal');
  if (!principal) return 'no';
  if (principal.kind === 'object') return anyItem(principal.entries.get('AWS'), isStar);
  if (principal.kind === 'unknown') return 'unknown';
  return anyItem(principal, isStar);
}

/**
 * `Action` covers an action or action pattern (`s3:*` means every S3 action): some written pattern
 * matches all of it, case-insensitively as IAM compares actions. `NotAction` is not decided.
 */
export function coversAction(st: PolicyStatement, action: string): Tri {
  if (st.entries.has('NotAction')) return 'unknown';
  const target = textExpr(action.toLowerCase());
  return anyItem(st.entries.get('Action'), (e) => patternCovers(lower(e), target));
}

function lower(e: StringExpr): StringExpr {
  return e.map((p) => (p.kind === 'text' ? { kind: 'text', text: p.text.toLowerCase() } : p));
}

/** `Resource` covers a resource ARN (IAM wildcards in the written ARNs). `NotResource` is not decided. */
export function coversResource(st: PolicyStatement, target: StringExpr): Tri {
  if (st.entries.has('NotResource')) return 'unknown';
  return anyItem(st.entries.get('Resource'), (e) => patternCovers(e, target));
}

export interface ConditionTest {
  /** The condition as messages name it (`Bool aws:SecureTransport false`). */
  label: string;
  /** Condition operators that count (`Bool`, `BoolIfExists`). */
  operators: readonly string[];
  /** The condition key (compared case-insensitively, as IAM compares keys). */
  key: string;
  /** Whether one written value makes the statement apply to the requests in question. */
  value: (e: StringExpr) => Tri;
}

/**
 * The statement's `Condition` is exactly this test: the operator and key, with a value that
 * passes, and no other condition (another condition narrows the statement to some of the
 * requests). No `Condition` at all: no.
 */
export function conditionIs(st: PolicyStatement, test: ConditionTest): Tri {
  const condition = st.entries.get('Condition');
  if (!condition) return 'no';
  if (condition.kind !== 'object') return 'unknown';
  let found: PolicyValue | undefined;
  let pairs = 0;
  for (const [operator, keys] of condition.entries) {
    if (keys.kind !== 'object') return 'unknown';
    for (const [key, value] of keys.entries) {
      pairs++;
      if (test.operators.includes(operator) && key.toLowerCase() === test.key.toLowerCase()) found = value;
    }
  }
  if (!found || pairs > 1) return 'no';
  return anyItem(found, test.value);
}

/** The statement's condition mentions the key with one of the operators, whatever else it says. */
export function mentionsCondition(st: PolicyStatement, operators: readonly string[], key: string): boolean {
  const condition = st.entries.get('Condition');
  if (!condition || condition.kind !== 'object') return false;
  for (const [operator, keys] of condition.entries) {
    if (!operators.includes(operator) || keys.kind !== 'object') continue;
    for (const k of keys.entries.keys()) if (k.toLowerCase() === key.toLowerCase()) return true;
  }
  return false;
}

/** The `Sid` values written in a document. */
export function sidsOf(doc: PolicyDocument): Set<string> {
  const out = new Set<string>();
  for (const st of doc.statements) {
    const sid = st.entries.get('Sid');
    if (sid?.kind === 'values') for (const v of sid.values) if (v !== null) out.add(String(v));
  }
  return out;
}

/** The written items of a statement's string-or-list element (`Resource`, `Action`), with their template nodes. */
export function writtenItems(v: PolicyValue | undefined): PolicyValue[] {
  if (!v) return [];
  return v.kind === 'list' ? v.items.flatMap(writtenItems) : [v];
}

/** The expression of one written item (undefined when it is not a string). */
export function itemExpr(v: PolicyValue): StringExpr | undefined {
  if (v.kind === 'expr') return v.expr;
  if (v.kind === 'values' && v.values.length === 1 && v.values[0] !== null) return textExpr(String(v.values[0]));
  return undefined;
}

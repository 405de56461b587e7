import type { Candidate, RNode } from '../../evaluate/values';
import { entry, strings } from '../../evaluate/values';
import type { Path } from '../../parse/source-tree';
import { pathKey } from '../../parse/source-tree';
import type { TemplateReader } from '../reader';

/**
 * The statements of every IAM policy document in a template, whichever resource holds it:
 * `PolicyDocument` of AWS::IAM::Policy / ManagedPolicy / RolePolicy / UserPolicy / GroupPolicy,
 * and the inline `Policies[*].PolicyDocument` of roles, users and groups.
 */

export const POLICY_DOCUMENT_TYPES: readonly string[] = [
  'AWS::IAM::Policy',
  'AWS::IAM::ManagedPolicy',
  'AWS::IAM::RolePolicy',
  'AWS::IAM::UserPolicy',
  'AWS::IAM::GroupPolicy',
];
export const INLINE_POLICY_TYPES: readonly string[] = ['AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group'];

/** One action value of a statement, with where it is written (parameters and mappings count). */
export interface ActionValue {
  value: string;
  candidate?: Candidate;
}

export interface StatementFacts {
  /** Where a finding about the statement sits (its `Action`, or a JSON-string document). */
  path: Path;
  /** Identity of the statement, so findings of one statement merge across scenarios. */
  key: string;
  /** Known `Effect` values; empty when not known. */
  effects: string[];
  /** Known `Action` values (unknown items are left out). */
  actions: ActionValue[];
  /** Whether some known `Resource` value is `"*"`. */
  resourceStar: boolean;
}

/** Every statement of every policy document, one entry per statement and scenario. */
export function iamStatements(ctx: TemplateReader): StatementFacts[] {
  const out: StatementFacts[] = [];
  for (const view of ctx.viewsOf(...POLICY_DOCUMENT_TYPES)) out.push(...statementsOf(entry(view.props, 'PolicyDocument')));
  for (const view of ctx.viewsOf(...INLINE_POLICY_TYPES)) {
    const policies = entry(view.props, 'Policies');
    if (!policies || policies.kind !== 'seq') continue;
    for (const p of policies.items) out.push(...statementsOf(entry(p, 'PolicyDocument')));
  }
  return out;
}

function statementsOf(doc: RNode | undefined): StatementFacts[] {
  if (!doc) return [];
  if (doc.kind === 'leaf') return jsonStatements(doc);
  const statement = entry(doc, 'Statement');
  if (!statement) return [];
  const items = statement.kind === 'seq' ? statement.items : [statement];
  const out: StatementFacts[] = [];
  for (const s of items) {
    if (s.kind !== 'map') continue;
    const action = entry(s, 'Action');
    if (!action) continue; // NotAction statements are out of scope
    out.push({
      path: action.path,
      key: pathKey(s.path),
      effects: strings(entry(s, 'Effect')),
      actions: actionValues(action),
      resourceStar: resourceValues(entry(s, 'Resource')).includes('*'),
    });
  }
  return out;
}

function actionValues(n: RNode): ActionValue[] {
  const leaves = n.kind === 'seq' ? n.items : [n];
  const out: ActionValue[] = [];
  for (const leaf of leaves) {
    if (leaf.kind !== 'leaf') continue;
    for (const c of leaf.candidates) if (typeof c.value === 'string') out.push({ value: c.value, candidate: c });
  }
  return out;
}

function resourceValues(n: RNode | undefined): string[] {
  if (!n) return [];
  return n.kind === 'seq' ? n.items.flatMap((i) => strings(i)) : strings(n);
}

/** A policy document written as a JSON string (CloudFormation accepts both). */
function jsonStatements(doc: RNode & { kind: 'leaf' }): StatementFacts[] {
  const out: StatementFacts[] = [];
  for (const c of doc.candidates) {
    if (typeof c.value !== 'string') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(c.value);
    } catch {
      continue;
    }
    const statement = (parsed as { Statement?: unknown } | null)?.Statement;
    const items = Array.isArray(statement) ? statement : statement ? [statement] : [];
    items.forEach((s: unknown, i) => {
      if (!s || typeof s !== 'object') return;
      const st = s as Record<string, unknown>;
      if (st.Action === undefined) return;
      const list = (v: unknown): string[] => (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');
      out.push({
        path: doc.path,
        key: `${pathKey(doc.path)}#${String(pathKey(c.path))}#${i}`,
        effects: list(st.Effect),
        actions: list(st.Action).map((value) => ({ value })),
        resourceStar: list(st.Resource).includes('*'),
      });
    });
  }
  return out;
}

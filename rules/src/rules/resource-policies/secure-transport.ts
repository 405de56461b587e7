import { SECURE_TRANSPORT_KEY } from '../../data/resource-policies';
import type { SecureTransportPolicy } from '../../data/resource-policies';
import type { Fix, FixValue, RelatedInfo, ResourceView, RuleContext } from '../../engine/types';
import { entry } from '../../evaluate/values';
import type { RNode } from '../../evaluate/values';
import type { Path } from '../../parse/source-tree';
import { getValue } from '../../parse/source-tree';
import type { ConditionTest, PolicyDocument } from '../../model/iam/policy-document';
import { isDeny, mentionsCondition, readPolicyDocument, sidsOf } from '../../model/iam/policy-document';
import type { DenyAnswer } from '../../model/iam/secure-transport';
import { documentRefuses, PLAIN_HTTP } from '../../model/iam/secure-transport';
import type { ExprContext } from '../../model/string-expr';
import { quote, toFixValue } from '../helpers';

/**
 * What the three secure-transport rules share: reading the policy document of a policy view,
 * where a finding about a missing statement sits, and the fix that adds the statement to the
 * document as it is written.
 */

/** The expression context of a view (its template and scenario). */
export function exprContext(ctx: RuleContext, view: ResourceView): ExprContext {
  return { template: ctx.template, scenario: view.scenario };
}

/** The policy document of a policy resource's view. */
export function policyDocumentOf(ctx: RuleContext, view: ResourceView): PolicyDocument | undefined {
  return readPolicyDocument(entry(view.props, 'PolicyDocument'), exprContext(ctx, view));
}

/** Where a missing statement is reported: the `Statement` key (or the `Fn::If` branch holding the list), else the document. */
export function findingSite(doc: PolicyDocument): { path: Path; target: 'key' | 'value' } {
  if (doc.form === 'json-string') return { path: doc.path, target: 'value' };
  if (doc.statement) return { path: doc.statement.path, target: 'key' };
  return { path: doc.path, target: 'key' };
}

/** A deny statement as the fix writes it (AWS's documented shape). */
export function denyStatement(sid: string, action: string, resource: FixValue | undefined, operator: string, key: string, value: FixValue): FixValue {
  const st: { [key: string]: FixValue } = { Sid: sid, Effect: 'Deny', Principal: '*', Action: action };
  if (resource !== undefined) st.Resource = resource;
  st.Condition = { [operator]: { [key]: value } };
  return st;
}

/** A `Sid` the document does not use yet. */
export function freeSid(doc: PolicyDocument, base: string): string {
  const taken = sidsOf(doc);
  let sid = base;
  for (let i = 2; taken.has(sid); i++) sid = `${base}${i}`;
  return sid;
}

/**
 * The fix that adds a statement to the document: appended to the `Statement` list; `Statement`
 * inserted when the document has none; a single statement turned into a list of two (which
 * rewrites that statement, so the editor offers it but fix-all does not apply it). A JSON-string
 * document is not edited.
 */
export function addStatementFix(doc: PolicyDocument, statement: FixValue, title: string): Fix | undefined {
  if (doc.form === 'json-string') return undefined;
  const list: RNode | undefined = doc.statement;
  if (!list) return { title, intents: [{ kind: 'insert', path: doc.path, key: 'Statement', value: [statement] }], safe: true };
  if (list.kind === 'seq') return { title, intents: [{ kind: 'append', path: list.path, value: statement }], safe: true };
  if (list.kind === 'map') {
    return {
      title: `${title} (rewrites Statement as a list)`,
      intents: [{ kind: 'set', path: list.path, value: [toFixValue(list.node), statement] }],
      safe: false,
    };
  }
  return undefined;
}

/** Related information: deny statements that fall short, and allows on `aws:SecureTransport` that refuse nothing. */
export function relatedStatements(doc: PolicyDocument, answer: DenyAnswer, condition: ConditionTest): RelatedInfo[] {
  const out: RelatedInfo[] = answer.nearMisses.map((m) => ({
    path: m.statement.path,
    message: `This Deny statement on ${condition.key} lets some requests through: ${m.reasons.join('; ')}`,
  }));
  for (const st of doc.statements) {
    if (isDeny(st) !== 'no' || !mentionsCondition(st, condition.operators, SECURE_TRANSPORT_KEY) || condition.key !== SECURE_TRANSPORT_KEY) continue;
    out.push({
      path: st.path,
      message: `An Allow on ${SECURE_TRANSPORT_KEY} refuses nothing: another statement, or the caller's own IAM policy, can still allow plain HTTP`,
    });
  }
  return out;
}

/** The resolved items of a policy's target list (`Topics`, `Queues`), or undefined when the list is not known. */
export function targetItems(view: ResourceView, property: string): RNode[] | undefined {
  const list = entry(view.props, property);
  if (!list || list.kind !== 'seq') return undefined;
  return list.items;
}

/** The in-template resource of a given type a target item refers to (`!Ref Topic`). */
export function targetResource(ctx: RuleContext, item: RNode, type: string): string | undefined {
  const id = item.kind === 'unknown' ? item.ref : undefined;
  return id && ctx.template.resources.get(id)?.type === type && item.kind === 'unknown' && item.attribute === undefined ? id : undefined;
}

/** A property present with a value that is not the empty string or `false` (an undecided `Fn::If` may be `AWS::NoValue`). */
export function certainlySet(props: ResourceView['props'], key: string): boolean {
  const v = entry(props, key);
  if (!v) return false;
  if (v.kind === 'unknown') return getValue(v.node, 'Fn::If') === undefined;
  if (v.kind === 'leaf') return v.candidates.every((c) => c.value !== '' && c.value !== false && c.value !== null && String(c.value).toLowerCase() !== 'false');
  return true;
}

/** The title of the fix that adds a deny statement. */
export function addDenyTitle(what: string, sid: string): string {
  return `Add statement ${quote(sid)} denying ${what}`;
}

/** Whether a protected resource refuses plain HTTP by its own settings: yes, no, or by a default that depends on when it was created. */
export type OwnRefusal = 'yes' | 'no' | 'default';

export interface TargetPolicyCheck {
  /** Which service (data/resource-policies.ts). */
  policy: SecureTransportPolicy;
  /** Whether a protected resource's own settings already refuse plain HTTP (server-side encryption). */
  refusesHttpItself: (props: ResourceView['props']) => OwnRefusal;
  /** What the fix writes as `Resource` (undefined: no fix). */
  resource: (ctx: RuleContext, view: ResourceView, doc: PolicyDocument, items: RNode[] | undefined) => FixValue | undefined;
  /** The message; `byDefault` when every resource named relies on a default that refuses HTTP (reported as info). */
  message: (byDefault: boolean) => string;
}

/** How the resources a policy names refuse HTTP themselves: all explicitly (yes), some only by default, or not (no). */
function ownRefusal(ctx: RuleContext, view: ResourceView, check: TargetPolicyCheck): OwnRefusal {
  const items = targetItems(view, check.policy.targetsProperty);
  if (!items?.length) return 'no';
  let byDefault = false;
  for (const item of items) {
    const id = targetResource(ctx, item, check.policy.resourceType);
    const views = id ? ctx.viewsIn(id, view.scenario) : [];
    if (!views.length) return 'no';
    for (const v of views) {
      const own = check.refusesHttpItself(v.props);
      if (own === 'no') return 'no';
      if (own === 'default') byDefault = true;
    }
  }
  return byDefault ? 'default' : 'yes';
}

/**
 * SNS topic policies and SQS queue policies: a finding when no statement refuses plain HTTP,
 * unless every topic or queue the policy names is one of the template with server-side
 * encryption, which already refuses HTTP ("All requests to topics/queues with SSE enabled must
 * use HTTPS"). Info when that encryption is only the service's default for new resources.
 */
export function checkTargetPolicies(ctx: RuleContext, check: TargetPolicyCheck): void {
  const { policy } = check;
  for (const view of ctx.viewsOf(policy.policyType)) {
    const own = ownRefusal(ctx, view, check);
    if (own === 'yes') continue;
    const doc = policyDocumentOf(ctx, view);
    if (!doc) continue;
    const answer = documentRefuses(doc, { action: policy.action, resources: [], condition: PLAIN_HTTP });
    if (answer.answer !== 'no') continue;
    const sid = freeSid(doc, policy.sid);
    const resource = check.resource(ctx, view, doc, targetItems(view, policy.targetsProperty));
    const fix =
      resource === undefined
        ? undefined
        : addStatementFix(
            doc,
            denyStatement(sid, policy.fixAction, resource, 'Bool', SECURE_TRANSPORT_KEY, 'false'),
            addDenyTitle(`${policy.requests} over plain HTTP`, sid),
          );
    ctx.report({
      ...findingSite(doc),
      severity: own === 'default' ? 'info' : undefined,
      message: check.message(own === 'default') + nearMissNote(answer),
      related: relatedStatements(doc, answer, PLAIN_HTTP),
      fixes: fix ? [fix] : undefined,
      data: { condition: SECURE_TRANSPORT_KEY },
    });
  }
}

/** A sentence for a document whose deny on the condition falls short (the related information says where). */
export function nearMissNote(answer: DenyAnswer): string {
  if (!answer.nearMisses.length) return '';
  return ` The Deny statement written for this lets some requests through: ${answer.nearMisses[0].reasons.join('; ')}.`;
}

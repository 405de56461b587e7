import {
  CLASSIC_DEFAULT_POLICY,
  CLASSIC_RECOMMENDED_POLICY,
  findClassicPolicy,
  isWeakCipherName,
  REFERENCE_SECURITY_POLICY_ATTRIBUTE,
  SSL_NEGOTIATION_POLICY_TYPE,
  WEAK_PROTOCOL_ATTRIBUTES,
} from '../../data/elb-classic-policies';
import { isBelow, tlsLabel } from '../../data/tls';
import type { RMap } from '../../evaluate/values';
import { entry } from '../../evaluate/values';
import { BranchCondition, branchConditions } from '../../engine/branch-conditions';
import type { Fix, FixIntent, FixValue, ResourceView, Rule, RuleContext } from '../../engine/types';
import { isMap, isSeq, scalarString, SNode } from '../../parse/source-tree';
import { badStrings, listValues, quote, relatedFor, reportValue } from '../helpers';
import {
  CLASSIC_LB,
  isSslNegotiation,
  isTlsListener,
  listenerLabel,
  listenersOf,
  PolicyDef,
  PolicyIndex,
  policyIndex,
  singleText,
  sslPoliciesOf,
  trueCandidates,
} from '../../model/elb-classic/load-balancer';

const MINIMUM = '1.2';
const NEW_POLICY_NAME = 'TLSNegotiationPolicy';

const weakReference = (v: string): boolean => {
  const p = findClassicPolicy(v.trim());
  return !!p && isBelow(p.minTls, MINIMUM);
};

/** Attributes of a policy as (name, value node) pairs with a known name. */
function attributesOf(policy: RMap): { name: string; attr: RMap }[] {
  const attrs = entry(policy, 'Attributes');
  if (!attrs || attrs.kind !== 'seq') return [];
  const out: { name: string; attr: RMap }[] = [];
  for (const a of attrs.items) {
    const name = a.kind === 'map' ? singleText(entry(a, 'Name')) : undefined;
    if (a.kind === 'map' && name !== undefined) out.push({ name: name.trim(), attr: a });
  }
  return out;
}

/** An SSL negotiation policy that is exactly the recommended reference: a fix can reuse it. */
function isRecommendedPolicy(p: PolicyDef, recommended: string): boolean {
  if (isSslNegotiation(p.node) !== true) return false;
  const attrs = attributesOf(p.node);
  const ref = attrs.find((a) => a.name === REFERENCE_SECURITY_POLICY_ATTRIBUTE);
  return (
    !!ref &&
    singleText(entry(ref.attr, 'Value')) === recommended &&
    !attrs.some((a) => isWeakAttribute(a.name) && trueCandidates(entry(a.attr, 'Value')).length)
  );
}

function isWeakAttribute(name: string): boolean {
  return WEAK_PROTOCOL_ATTRIBUTES.includes(name) || isWeakCipherName(name);
}

function replaceAttributesFix(policy: RMap, recommended: string): Fix | undefined {
  const attrs = entry(policy, 'Attributes');
  if (!attrs) return undefined;
  return {
    title: `Replace the policy's Attributes with ${REFERENCE_SECURITY_POLICY_ATTRIBUTE}: ${recommended}`,
    intents: [{ kind: 'set', path: attrs.path, value: [{ Name: REFERENCE_SECURITY_POLICY_ATTRIBUTE, Value: recommended }] }],
    safe: true,
  };
}

/** Findings inside one attached SSL negotiation policy: weak reference, protocols, ciphers. */
function checkPolicy(ctx: RuleContext, policy: PolicyDef, recommended: string): void {
  for (const { name, attr } of attributesOf(policy.node)) {
    const value = entry(attr, 'Value');
    if (!value) continue;
    if (name === REFERENCE_SECURITY_POLICY_ATTRIBUTE) {
      const bad = badStrings(value, weakReference);
      const floors = [...new Set(bad.map((c) => tlsLabel(findClassicPolicy(c.value.trim())!.minTls)))].join(', ');
      reportValue(ctx, {
        node: value,
        bad,
        message: `Policy ${quote(policy.name)} references ${listValues(bad)}, which accepts ${floors}: clients can negotiate a protocol below TLS ${MINIMUM}. Use ${recommended}.`,
        fixValue: recommended,
        fixWhat: REFERENCE_SECURITY_POLICY_ATTRIBUTE,
        data: { replacement: recommended },
      });
    } else if (isWeakAttribute(name)) {
      const bad = trueCandidates(value);
      if (!bad.length) continue;
      const what = WEAK_PROTOCOL_ATTRIBUTES.includes(name)
        ? `enables the protocol ${name.slice('Protocol-'.length)}`
        : `enables the weak cipher ${quote(name)}`;
      const fix = replaceAttributesFix(policy.node, recommended);
      ctx.report({
        path: value.path,
        message: `Policy ${quote(policy.name)} ${what} on an HTTPS/SSL listener. Set it to false, or base the policy on ${REFERENCE_SECURITY_POLICY_ATTRIBUTE} ${recommended} (TLS 1.2, strong ciphers).`,
        related: relatedFor(bad),
        fixes: fix ? [fix] : undefined,
        data: { attribute: name, replacement: recommended },
      });
    }
  }
}

function uniqueName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}${i}`)) return `${base}${i}`;
}

/** Every `PolicyName` written under a node, in every `Fn::If` branch: names no scenario may reuse. */
function writtenPolicyNames(node: SNode | undefined, out = new Set<string>(), isName = false): Set<string> {
  if (isSeq(node)) for (const item of node.items) writtenPolicyNames(item, out, isName);
  else if (isMap(node)) for (const pair of node.pairs) writtenPolicyNames(pair.value, out, isName || pair.key.value === 'PolicyName');
  else if (isName && scalarString(node) !== undefined) out.add(scalarString(node)!);
  return out;
}

/** A value that exists only where the branch conditions hold (`AWS::NoValue` elsewhere), innermost condition last. */
function onlyWhen(conditions: readonly BranchCondition[], value: FixValue): FixValue {
  const none: FixValue = { Ref: 'AWS::NoValue' };
  return conditions.reduceRight<FixValue>((v, c) => ({ 'Fn::If': c.value ? [c.condition, v, none] : [c.condition, none, v] }), value);
}

/**
 * Attach the recommended policy: reuse one that is exactly it, else add it to Policies. A listener
 * written in an `Fn::If` branch gets a policy that exists only in that branch, so the load
 * balancer of the other scenarios keeps its Policies as they are.
 */
function attachPolicyFix(
  ctx: RuleContext,
  view: ResourceView,
  listener: RMap,
  index: PolicyIndex,
  recommended: string,
  mayCreate: boolean,
): { fix: Fix; creates: boolean } {
  const reuse = index.policies.find((p) => isRecommendedPolicy(p, recommended));
  const taken = new Set([...index.names, ...writtenPolicyNames(view.resource.properties)]);
  const name = reuse?.name ?? uniqueName(NEW_POLICY_NAME, taken);
  const branch = branchConditions(ctx.template.root, listener.path);
  const intents: FixIntent[] = [];
  // The listener's edit first: when the listener is the last thing in Properties, both edits
  // land at the same offset and the inner one must come first.
  const names = entry(listener, 'PolicyNames');
  intents.push(names ? { kind: 'append', path: names.path, value: name } : { kind: 'insert', path: listener.path, key: 'PolicyNames', value: [name] });
  if (!reuse) {
    const def = { PolicyName: name, PolicyType: SSL_NEGOTIATION_POLICY_TYPE, Attributes: [{ Name: REFERENCE_SECURITY_POLICY_ATTRIBUTE, Value: recommended }] };
    const policies = entry(view.props, 'Policies');
    intents.push(
      policies
        ? { kind: 'append', path: policies.path, value: onlyWhen(branch, def) }
        : { kind: 'insert', path: view.path, key: 'Policies', value: onlyWhen(branch, [def]) },
    );
  }
  return {
    fix: {
      title: reuse
        ? `Attach policy ${quote(name)} (${recommended}) to the listener`
        : `Add policy ${name} with ${REFERENCE_SECURITY_POLICY_ATTRIBUTE} ${recommended} and attach it`,
      intents,
      // Two fixes adding the same new policy in one pass would duplicate it: fix-all adds it for
      // the first listener, and the next pass reuses it for the others.
      safe: !!reuse || mayCreate,
    },
    creates: !reuse,
  };
}

export const elbSslPolicy: Rule = {
  meta: {
    id: 'elb-ssl-policy',
    severity: 'warning',
    summary:
      'Classic HTTPS/SSL listener whose SSL negotiation policy (or the default ELBSecurityPolicy-2016-08) allows protocols below TLS 1.2 or weak ciphers.',
    fixable: true,
    peers: [
      '61a94903-3cd3-4780-88ec-fc918819b9c8', // KICS ELB Using Insecure Protocols
      '809f77f8-d10e-4842-a84f-3be7b6ff1190', // KICS ELB Using Weak Ciphers
      'ELB_PREDEFINED_SECURITY_POLICY_SSL_CHECK',
      'ELB.8',
      'CKV_AWS_213',
    ],
    resourceTypes: [CLASSIC_LB],
  },
  check(ctx) {
    const recommended = ctx.settings.recommendedPolicies.classic ?? CLASSIC_RECOMMENDED_POLICY;
    for (const view of ctx.viewsOf(CLASSIC_LB)) {
      const index = policyIndex(view);
      let createOffered = false;
      for (const listener of listenersOf(view)) {
        if (!isTlsListener(listener)) continue;
        const attached = sslPoliciesOf(view, listener, index);
        for (const p of attached.policies) checkPolicy(ctx, p, recommended);
        if (attached.policies.length || !attached.complete) continue;
        const names = entry(listener, 'PolicyNames');
        const { fix, creates } = attachPolicyFix(ctx, view, listener, index, recommended, !createOffered);
        createOffered ||= creates;
        ctx.report({
          path: names ? names.path : listener.path,
          target: names ? 'value' : 'key',
          message:
            `${listenerLabel(listener)} has no SSL negotiation policy${names ? ' (PolicyNames names none of type SSLNegotiationPolicyType)' : ''}, ` +
            `so Elastic Load Balancing applies ${CLASSIC_DEFAULT_POLICY}, which accepts TLS 1.0 and 1.1. ` +
            `Attach a policy of type ${SSL_NEGOTIATION_POLICY_TYPE} whose ${REFERENCE_SECURITY_POLICY_ATTRIBUTE} is ${recommended}.`,
          fixes: [fix],
          data: { effectivePolicy: CLASSIC_DEFAULT_POLICY, recommended },
        });
      }
    }
  },
};

import { ELBV2_PLAINTEXT_TARGET_PROTOCOLS } from '../../data/elbv2-protocols';
import type { Candidate, RNode } from '../../evaluate/values';
import { entry, stringCandidates } from '../../evaluate/values';
import type { RelatedInfo, ResourceView, Rule, RuleContext } from '../../engine/types';
import type { Path } from '../../parse/source-tree';
import { pathKey } from '../../parse/source-tree';
import { listValues, relatedFor } from '../helpers';
import {
  attachedListener,
  forwardTargets,
  isTlsListener,
  LISTENER,
  LISTENER_RULE,
  protocolsOf,
  TARGET_GROUP,
  TargetRef,
  TLS_PROTOCOLS,
} from '../../model/elbv2/graph';

interface PlaintextTarget {
  ref: TargetRef;
  /** The plaintext values of the target group's Protocol. */
  protocols: Candidate[];
  /** Template path of the target group's `Protocol` property. */
  property: Path;
}

/** The first forwarded in-template target group whose Protocol is plaintext, in a scenario. */
function firstPlaintextTarget(ctx: RuleContext, actions: RNode | undefined, view: ResourceView): PlaintextTarget | undefined {
  for (const ref of forwardTargets(actions)) {
    if (ctx.template.resources.get(ref.id)?.type !== TARGET_GROUP) continue;
    for (const tg of ctx.viewsIn(ref.id, view.scenario)) {
      const plain = stringCandidates(entry(tg.props, 'Protocol')).filter((c) => ELBV2_PLAINTEXT_TARGET_PROTOCOLS.has(c.value));
      if (plain.length) return { ref, protocols: plain, property: [...tg.path, 'Protocol'] };
    }
  }
  return undefined;
}

/** The target group's Protocol, and each parameter or mapping entry its plaintext value comes from. */
function protocolRelated(found: PlaintextTarget): RelatedInfo[] {
  return [{ path: found.property, message: `${found.ref.id} has Protocol ${listValues(found.protocols)}` }, ...relatedFor(found.protocols)];
}

function report(ctx: RuleContext, view: ResourceView, property: string, listenerProtocol: string, where: string): void {
  const found = firstPlaintextTarget(ctx, entry(view.props, property), view);
  if (!found) return;
  ctx.report({
    path: found.ref.path,
    key: pathKey([...view.path, property]),
    message:
      `${where} forwards to target group ${found.ref.id}, whose Protocol is ${listValues(found.protocols)}: TLS from clients ends at ` +
      `the ${listenerProtocol} listener and the load balancer sends the traffic to the targets unencrypted. ` +
      `Where data must stay encrypted end to end, use ${listenerProtocol === 'TLS' ? 'a TLS' : 'an HTTPS'} target group.`,
    related: protocolRelated(found),
    data: { targetGroup: found.ref.id },
  });
}

export const elbv2PlaintextToTargets: Rule = {
  meta: {
    id: 'elbv2-plaintext-to-targets',
    severity: 'info',
    summary: 'HTTPS/TLS listener (or a rule on one) forwarding to an HTTP/TCP target group: TLS ends at the load balancer.',
    fixable: false,
    docs: { appliesTo: '`AWS::ElasticLoadBalancingV2::Listener` (and `ListenerRule`s on it)' },
    peers: [],
    resourceTypes: [LISTENER],
  },
  check(ctx) {
    if (!ctx.resources(TARGET_GROUP).length) return; // target groups outside the template are unknown
    for (const view of ctx.viewsOf(LISTENER)) {
      const protocol = protocolsOf(view).find((p) => TLS_PROTOCOLS.has(p));
      if (protocol) report(ctx, view, 'DefaultActions', protocol, `This ${protocol} listener`);
    }
    for (const view of ctx.viewsOf(LISTENER_RULE)) {
      const listener = attachedListener(ctx, view);
      const secure = listener?.views.find(isTlsListener);
      const protocol = secure && protocolsOf(secure).find((p) => TLS_PROTOCOLS.has(p));
      if (listener && protocol) report(ctx, view, 'Actions', protocol, `This rule of ${protocol} listener ${listener.id}`);
    }
  },
};

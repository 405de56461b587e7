import { ELBV2_DEFAULT_POLICY, ELBV2_RECOMMENDED, ELBV2_RECOMMENDED_FIPS, isFipsPolicyName } from '../../data/elbv2-policies';
import { entry, stringCandidates } from '../../evaluate/values';
import type { ResourceView, Rule, RuleContext } from '../../engine/types';
import { getValue, intrinsicName, isMap, Path, scalarString } from '../../parse/source-tree';
import { listValues } from '../helpers';
import { LISTENER, loadBalancerOf, mayBeAlb, protocolsOf } from '../../model/elbv2/graph';
import type { ResourceInfo } from '../../template/template';

interface PolicyFamily {
  fips: boolean;
  /** How the policy reads in a message. */
  label: string;
  /** Where a finding sits: the SslPolicy value, or the Properties key when it is absent. */
  path: Path;
  target?: 'key';
}

/** The policy family of a listener view; undefined when unknown or mixed (a parameter allowing both). */
function familyOf(view: ResourceView): PolicyFamily | undefined {
  const policy = entry(view.props, 'SslPolicy');
  if (policy === undefined) return { fips: false, label: `no SslPolicy (so ${ELBV2_DEFAULT_POLICY})`, path: view.path, target: 'key' };
  const values = stringCandidates(policy);
  if (policy.kind !== 'leaf' || values.length !== policy.candidates.length) return undefined;
  const fips = new Set(values.map((c) => isFipsPolicyName(c.value)));
  if (fips.size !== 1) return undefined;
  return { fips: [...fips][0], label: listValues(values), path: policy.path };
}

/** The in-template ALB an HTTPS listener view belongs to. */
function albOfHttpsListener(ctx: RuleContext, view: ResourceView): string | undefined {
  if (!protocolsOf(view).includes('HTTPS') || !mayBeAlb(ctx, view)) return undefined;
  return loadBalancerOf(ctx, view)?.id;
}

const familyName = (fips: boolean): string => (fips ? 'FIPS' : 'non-FIPS');

export const elbv2FipsPolicyMix: Rule = {
  meta: {
    id: 'elbv2-fips-policy-mix',
    severity: 'error',
    summary: 'HTTPS listeners of one ALB mix FIPS and non-FIPS security policies.',
    fixable: false,
    peers: [],
    resourceTypes: [LISTENER],
  },
  check(ctx) {
    const listeners = ctx.resources(LISTENER);
    listeners.forEach((listener, index) => {
      for (const view of ctx.views(listener)) {
        const alb = albOfHttpsListener(ctx, view);
        const family = alb ? familyOf(view) : undefined;
        if (!alb || !family) continue;
        const first = firstKnown(ctx, listeners, index, alb, view);
        if (!first || first.family.fips === family.fips) continue;
        const wanted = first.family.fips
          ? (ctx.settings.recommendedPolicies.elbv2Fips ?? ELBV2_RECOMMENDED_FIPS)
          : (ctx.settings.recommendedPolicies.elbv2 ?? ELBV2_RECOMMENDED);
        ctx.report({
          path: family.path,
          target: family.target,
          message:
            `This HTTPS listener has ${family.label} (${familyName(family.fips)}), but ${first.id}, the first HTTPS listener of ` +
            `load balancer ${alb}, has ${first.family.label} (${familyName(first.family.fips)}). The secure listeners of an ` +
            `Application Load Balancer must all use FIPS policies or all non-FIPS policies; AWS rejects the mix. ` +
            `Use a ${familyName(first.family.fips)} policy here, such as ${wanted}.`,
          related: [{ path: first.family.path, message: `${first.id} has ${first.family.label}` }],
          data: { loadBalancer: alb, firstListener: first.id },
        });
      }
    });
  },
};

/** The first HTTPS listener before `listeners[before]` of the same ALB, in document order, whose policy family is known. */
function firstKnown(
  ctx: RuleContext,
  listeners: readonly ResourceInfo[],
  before: number,
  alb: string,
  view: ResourceView,
): { id: string; family: PolicyFamily } | undefined {
  for (let i = 0; i < before; i++) {
    const id = listeners[i]!.id;
    // A listener written with another load balancer is skipped before its views are read (many listeners: quadratic otherwise).
    const written = writtenLoadBalancer(ctx, id);
    if (written !== undefined && written !== alb) continue;
    for (const other of ctx.viewsIn(id, view.scenario)) {
      if (albOfHttpsListener(ctx, other) !== alb) continue;
      const family = familyOf(other);
      if (family) return { id, family };
    }
  }
  return undefined;
}

/** The id a listener's `LoadBalancerArn: !Ref X` names, as written (undefined for anything else: it is read through its views). */
function writtenLoadBalancer(ctx: RuleContext, listenerId: string): string | undefined {
  const arn = getValue(ctx.template.resources.get(listenerId)?.properties ?? null, 'LoadBalancerArn');
  return arn && intrinsicName(arn) === 'Ref' && isMap(arn) ? scalarString(arn.pairs[0].value) : undefined;
}

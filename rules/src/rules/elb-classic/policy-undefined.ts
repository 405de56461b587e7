import { findClassicPolicy, REFERENCE_SECURITY_POLICY_ATTRIBUTE } from '../../data/elb-classic-policies';
import { entry, stringCandidates } from '../../evaluate/values';
import type { Rule } from '../../engine/types';
import { listValues, quote, reportValue } from '../helpers';
import { CLASSIC_LB, listenersOf, policyIndex } from '../../model/elb-classic/load-balancer';

/** Spelling-insensitive form, to point at the name that was probably meant. */
const loose = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');

export const elbPolicyUndefined: Rule = {
  meta: {
    id: 'elb-policy-undefined',
    severity: 'error',
    summary: 'Classic listener PolicyNames names a policy the load balancer does not define.',
    fixable: false,
    peers: [],
    resourceTypes: [CLASSIC_LB],
  },
  check(ctx) {
    for (const view of ctx.viewsOf(CLASSIC_LB)) {
      const index = policyIndex(view);
      if (!index.complete) continue;
      for (const listener of listenersOf(view)) {
        const names = entry(listener, 'PolicyNames');
        if (!names || names.kind !== 'seq') continue;
        for (const item of names.items) {
          const bad = stringCandidates(item).filter((c) => !index.names.has(c.value));
          if (!bad.length) continue;
          const meant = [...index.names].find((n) => bad.some((c) => loose(c.value) === loose(n)));
          const predefined = bad.some((c) => findClassicPolicy(c.value));
          const hint = meant
            ? ` Did you mean ${quote(meant)}?`
            : predefined
              ? ` A predefined security policy is used through a Policies entry of type SSLNegotiationPolicyType whose ${REFERENCE_SECURITY_POLICY_ATTRIBUTE} attribute names it.`
              : '';
          reportValue(ctx, {
            node: item,
            bad,
            message: `PolicyNames names ${listValues(bad)}, which is not defined in Policies, AppCookieStickinessPolicy or LBCookieStickinessPolicy: Elastic Load Balancing rejects the listener (PolicyNotFound).${hint}`,
          });
        }
      }
    }
  },
};

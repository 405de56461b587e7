import { ELBV2_POLICY_NAMES, ELBV2_RECOMMENDED, findElbv2Policy } from '../../data/elbv2-policies';
import type { Candidate } from '../../evaluate/values';
import { entry } from '../../evaluate/values';
import type { Fix, Rule } from '../../engine/types';
import { badStrings, listValues, quote, relatedFor, setValueFix } from '../helpers';
import { suggestPolicies } from './did-you-mean';
import { isKnownPlainListener, LISTENER } from '../../model/elbv2/graph';

export const elbv2SslPolicyUnknown: Rule = {
  meta: {
    id: 'elbv2-ssl-policy-unknown',
    severity: 'error',
    summary: 'Listener SslPolicy that is not a predefined ELBv2 security policy name (the stack fails).',
    fixable: true,
    peers: [],
    resourceTypes: [LISTENER],
  },
  check(ctx) {
    for (const view of ctx.viewsOf(LISTENER)) {
      if (isKnownPlainListener(view)) continue;
      const policy = entry(view.props, 'SslPolicy');
      const bad = badStrings(policy, (v) => !findElbv2Policy(v));
      if (!policy || !bad.length) continue;
      const byValue = new Map<string, Candidate[]>();
      for (const c of bad) byValue.set(c.value, [...(byValue.get(c.value) ?? []), c]);
      const fixes: Fix[] = [];
      const hints: string[] = [];
      const suggested: string[] = [];
      for (const [value, cands] of byValue) {
        const s = suggestPolicies(value, ELBV2_POLICY_NAMES);
        for (const n of s.names) {
          fixes.push(setValueFix(cands, n.name, 'SslPolicy', n.name === s.safe));
          suggested.push(n.name);
        }
        const options = s.names.map((n) => quote(n.name)).join(', or ');
        if (s.names.length) hints.push(byValue.size > 1 ? `For ${quote(value)}, did you mean ${options}?` : `Did you mean ${options}?`);
      }
      const recommended = ctx.settings.recommendedPolicies.elbv2 ?? ELBV2_RECOMMENDED;
      ctx.report({
        path: policy.path,
        message:
          `SslPolicy ${listValues(bad)} is not a predefined ELBv2 security policy, and load balancers take only predefined ` +
          `policies, so CloudFormation fails to create or update the listener. ` +
          (hints.length ? hints.join(' ') : `Use a predefined policy such as ${recommended}.`),
        related: relatedFor(bad),
        fixes,
        data: { suggestions: suggested },
      });
    }
  },
};

import { ELBV2_DEFAULT_POLICY, ELBV2_RECOMMENDED } from '../../data/elbv2-policies';
import { entry } from '../../evaluate/values';
import type { Rule } from '../../engine/types';
import { missingPropertySite } from '../missing-property';
import { isTlsListener, LISTENER, protocolsOf } from '../../model/elbv2/graph';

export const elbv2SslPolicyMissing: Rule = {
  meta: {
    id: 'elbv2-ssl-policy-missing',
    severity: 'warning',
    summary: 'HTTPS/TLS listener without SslPolicy: the effective policy ELBSecurityPolicy-2016-08 accepts TLS 1.0.',
    fixable: true,
    peers: [
      'CKV_AWS_103', // checkov's CKV_AWS_103 also fails an HTTP listener without a redirect to HTTPS.
      'W55',
      'ELBV2_LISTENER_SSL_POLICY_RULE', // port of W55
      'ELB.17', // policy not in the recommended list: an absent (= 2016-08) or weak policy both fail it.
    ],
    resourceTypes: [LISTENER],
  },
  check(ctx) {
    const recommended = ctx.settings.recommendedPolicies.elbv2 ?? ELBV2_RECOMMENDED;
    for (const view of ctx.viewsOf(LISTENER)) {
      if (!view.props || !isTlsListener(view) || entry(view.props, 'SslPolicy') !== undefined) continue;
      const protocol = protocolsOf(view).find((p) => p === 'HTTPS' || p === 'TLS');
      const site = missingPropertySite(ctx.template.root, view.scenario, view.path, 'SslPolicy', recommended, `Insert SslPolicy: ${recommended}`);
      ctx.report({
        path: site.path,
        target: site.target,
        message: `${protocol} listener has no SslPolicy, so it gets ${ELBV2_DEFAULT_POLICY}, which accepts TLS 1.0 and 1.1. Set SslPolicy to a TLS 1.2+ policy such as ${recommended}.`,
        fixes: [site.fix],
        data: { recommended },
      });
    }
  },
};

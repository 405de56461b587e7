import { ELBV2_DEFAULT_POLICY, ELBV2_RECOMMENDED } from '../../data/elbv2-policies';
import { entry } from '../../evaluate/values';
import type { Rule } from '../../engine/types';
import { RULE_PEERS } from '../../data/peers';
import { insertFix } from '../helpers';
import { isTlsListener, LISTENER, protocolsOf } from '../../model/elbv2/graph';

export const elbv2SslPolicyMissing: Rule = {
  meta: {
    id: 'elbv2-ssl-policy-missing',
    severity: 'warning',
    summary: 'HTTPS/TLS listener without SslPolicy: the effective policy ELBSecurityPolicy-2016-08 accepts TLS 1.0.',
    fixable: true,
    peers: RULE_PEERS['elbv2-ssl-policy-missing'],
    resourceTypes: [LISTENER],
    principles: ['S1'],
  },
  check(ctx) {
    const recommended = ctx.settings.recommendedPolicies.elbv2 ?? ELBV2_RECOMMENDED;
    for (const view of ctx.viewsOf(LISTENER)) {
      if (!view.props || !isTlsListener(view) || entry(view.props, 'SslPolicy') !== undefined) continue;
      const protocol = protocolsOf(view).find((p) => p === 'HTTPS' || p === 'TLS');
      ctx.report({
        path: view.path,
        target: 'key',
        message: `${protocol} listener has no SslPolicy, so it gets ${ELBV2_DEFAULT_POLICY}, which accepts TLS 1.0 and 1.1. Set SslPolicy to a TLS 1.2+ policy such as ${recommended}.`,
        fixes: [insertFix(view.path, 'SslPolicy', recommended, `Insert SslPolicy: ${recommended}`)],
        data: { recommended },
      });
    }
  },
};

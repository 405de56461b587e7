import { findElbv2Policy, ELBV2_RECOMMENDED, ELBV2_RECOMMENDED_FIPS } from '../../data/elbv2-policies';
import { isBelow, parseTlsFloor, TlsFloor, tlsLabel } from '../../data/tls';
import { entry } from '../../evaluate/values';
import { ruleOption } from '../../engine/config';
import type { Rule } from '../../engine/types';
import { badStrings, listValues, reportValue } from '../helpers';
import { isTlsListener, LISTENER } from '../../model/elbv2/graph';

export const elbv2SslPolicyWeak: Rule = {
  meta: {
    id: 'elbv2-ssl-policy-weak',
    severity: 'warning',
    summary: 'HTTPS/TLS listener SslPolicy whose lowest TLS version is below the configured minimum (default 1.2).',
    fixable: true,
    peers: [
      'CKV_AWS_103', // checkov's CKV_AWS_103 also fails an HTTP listener without a redirect to HTTPS.
      'W55',
      'ELBV2_LISTENER_SSL_POLICY_RULE', // port of W55
      'AWS-0047', // absent SslPolicy is not flagged by Trivy
      'ELB.17', // policy not in the recommended list: an absent (= 2016-08) or weak policy both fail it.
    ],
    resourceTypes: [LISTENER],
    options: { minimumTls: { type: 'string', description: 'Lowest acceptable TLS version', values: ['1.0', '1.1', '1.2', '1.3'] } },
  },
  check(ctx) {
    const minimum: TlsFloor = parseTlsFloor(String(ruleOption(ctx.options, 'minimumTls', '1.2'))) ?? '1.2';
    for (const view of ctx.viewsOf(LISTENER)) {
      if (!isTlsListener(view)) continue;
      const policy = entry(view.props, 'SslPolicy');
      const bad = badStrings(policy, (v) => {
        const p = findElbv2Policy(v);
        return !!p && isBelow(p.minTls, minimum);
      });
      if (!bad.length || !policy) continue;
      const fips = bad.some((c) => findElbv2Policy(c.value)?.fips);
      const replacement = fips
        ? (ctx.settings.recommendedPolicies.elbv2Fips ?? ELBV2_RECOMMENDED_FIPS)
        : (ctx.settings.recommendedPolicies.elbv2 ?? ELBV2_RECOMMENDED);
      const floors = [...new Set(bad.map((c) => tlsLabel(findElbv2Policy(c.value)!.minTls)))].join(', ');
      reportValue(ctx, {
        node: policy,
        bad,
        message: `SslPolicy ${listValues(bad)} accepts ${floors}; the minimum is TLS ${minimum}. Use ${replacement}.`,
        fixValue: replacement,
        fixWhat: 'SslPolicy',
        data: { replacement, minimumTls: minimum },
      });
    }
  },
};

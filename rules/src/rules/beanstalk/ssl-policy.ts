import { ELBV2_LISTENER } from '../../data/beanstalk-options';
import { ELBV2_DEFAULT_POLICY, ELBV2_RECOMMENDED, ELBV2_RECOMMENDED_FIPS, findElbv2Policy } from '../../data/elbv2-policies';
import { isBelow, tlsLabel } from '../../data/tls';
import type { Fix, Rule } from '../../engine/types';
import { badStrings, listValues, quote, relatedFor, reportValue } from '../helpers';
import { beanstalkCases, isTls, listenersOf } from '../../model/beanstalk/environment';
import { BEANSTALK_TYPES, OptionEntry } from '../../model/beanstalk/options';

const MINIMUM = '1.2';

/** Adds `{Namespace, OptionName: SSLPolicy, Value}` to the OptionSettings that make the listener HTTPS. */
function addPolicyFix(protocolEntry: OptionEntry, namespace: string, policy: string): Fix | undefined {
  const list = protocolEntry.source.list;
  if (!list || list.kind !== 'seq') return undefined;
  return {
    title: `Add option ${ELBV2_LISTENER.sslPolicy}: ${quote(policy)} to ${quote(namespace)}`,
    intents: [{ kind: 'append', path: list.path, value: { Namespace: namespace, OptionName: ELBV2_LISTENER.sslPolicy, Value: policy } }],
    safe: true,
  };
}

export const beanstalkSslPolicy: Rule = {
  meta: {
    id: 'beanstalk-ssl-policy',
    severity: 'warning',
    summary: 'Elastic Beanstalk HTTPS aws:elbv2:listener without SSLPolicy (ELB default accepts TLS 1.0) or with a policy below TLS 1.2.',
    fixable: true,
    peers: [],
    resourceTypes: [...BEANSTALK_TYPES],
  },
  check(ctx) {
    const recommended = ctx.settings.recommendedPolicies.elbv2 ?? ELBV2_RECOMMENDED;
    const recommendedFips = ctx.settings.recommendedPolicies.elbv2Fips ?? ELBV2_RECOMMENDED_FIPS;
    for (const c of beanstalkCases(ctx)) {
      // SSLPolicy applies to application load balancers only (Elastic Beanstalk option reference).
      if (c.lb !== 'application') continue;
      for (const l of listenersOf(c.set, c.lb).listeners) {
        const protocolEntry = l.tlsEntry;
        if (l.enabled !== true || !isTls(l) || !protocolEntry?.value || !l.sslPolicy) continue;
        if (l.sslPolicy.state === 'unset') {
          const fix = addPolicyFix(protocolEntry, l.namespace, recommended);
          ctx.report({
            path: protocolEntry.value.path,
            message: `${quote(l.namespace)} is an HTTPS listener without ${ELBV2_LISTENER.sslPolicy}: the load balancer gets the ELB default ${ELBV2_DEFAULT_POLICY}, which accepts TLS 1.0 and 1.1. Set ${ELBV2_LISTENER.sslPolicy} to a TLS 1.2+ policy such as ${recommended}.`,
            related: relatedFor(l.tlsCandidates),
            fixes: fix ? [fix] : undefined,
            data: { namespace: l.namespace, recommended },
          });
          continue;
        }
        if (l.sslPolicy.state !== 'set') continue;
        for (const e of l.sslPolicy.entries) {
          if (!e.value) continue;
          const bad = badStrings(e.value, (v) => {
            const p = findElbv2Policy(v.trim());
            return !!p && isBelow(p.minTls, MINIMUM);
          });
          if (!bad.length) continue;
          const fips = bad.some((b) => findElbv2Policy(b.value.trim())?.fips);
          const replacement = fips ? recommendedFips : recommended;
          const floors = [...new Set(bad.map((b) => tlsLabel(findElbv2Policy(b.value.trim())!.minTls)))].join(', ');
          reportValue(ctx, {
            node: e.value,
            bad,
            message: `${quote(l.namespace)} ${ELBV2_LISTENER.sslPolicy} ${listValues(bad)} accepts ${floors}: clients can negotiate a protocol below TLS ${MINIMUM}. Use ${replacement}.`,
            fixValue: replacement,
            fixWhat: ELBV2_LISTENER.sslPolicy,
            data: { namespace: l.namespace, replacement },
          });
        }
      }
    }
  },
};

import { TRANSIT_DEFAULTS } from '../../data/transit';
import { entry } from '../../evaluate/values';
import type { Rule } from '../../engine/types';
import { DB_PROXY } from '../../model/rds/parameter-groups';
import { falseCandidates, insertFix, listValues, reportValue } from '../helpers';

export const rdsProxyRequireTls: Rule = {
  meta: {
    id: 'rds-proxy-require-tls',
    severity: 'warning',
    summary: 'RDS Proxy whose RequireTLS is not true (absent counts: the proxy then also accepts plaintext connections).',
    fixable: true,
    peers: ['RDS_PROXY_TLS_ENCRYPTION', 'CT.RDS.PR.26'],
    resourceTypes: [DB_PROXY],
  },
  check(ctx) {
    for (const view of ctx.viewsOf(DB_PROXY)) {
      if (!view.props && view.resource.properties !== undefined) continue; // Properties not knowable
      const value = entry(view.props, 'RequireTLS');
      if (value === undefined) {
        ctx.report({
          path: view.path,
          target: 'key',
          message:
            `RequireTLS is not set, so it is ${String(TRANSIT_DEFAULTS.rdsProxyRequireTls)}: the proxy accepts connections without TLS, ` +
            'and credentials and queries can travel in plaintext between clients and the proxy. Set RequireTLS: true.',
          fixes: view.resource.properties !== undefined ? [insertFix(view.path, 'RequireTLS', true)] : [],
        });
        continue;
      }
      const bad = falseCandidates(value);
      reportValue(ctx, {
        node: value,
        bad,
        message:
          `RequireTLS is ${listValues(bad)}: the proxy accepts connections without TLS, and credentials and queries can travel in ` +
          'plaintext between clients and the proxy. Set RequireTLS: true.',
        fixValue: true,
        fixWhat: 'RequireTLS',
      });
    }
  },
};

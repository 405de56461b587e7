import { DAX_ENDPOINT_ENCRYPTION_TLS, TRANSIT_DEFAULTS } from '../../data/transit';
import { entry } from '../../evaluate/values';
import type { Rule } from '../../engine/types';
import { badStrings, listValues, quote, relatedFor, setValueFix } from '../helpers';

export const DAX_CLUSTER = 'AWS::DAX::Cluster';

const REPLACES = '(replaces the cluster: encryption in transit can only be chosen when it is created)';

export const daxTlsDisabled: Rule = {
  meta: {
    id: 'dax-tls-disabled',
    severity: 'warning',
    summary: "DAX cluster whose ClusterEndpointEncryptionType is not TLS (absent counts: the default is 'NONE').",
    fixable: true,
    docs: { fixNote: 'quick fix only: the change replaces the cluster' },
    peers: ['DAX_TLS_ENDPOINT_ENCRYPTION', 'CT.DAX.PR.3', 'DynamoDB.7'],
    resourceTypes: [DAX_CLUSTER],
  },
  check(ctx) {
    const tls = DAX_ENDPOINT_ENCRYPTION_TLS;
    for (const view of ctx.viewsOf(DAX_CLUSTER)) {
      if (!view.props && view.resource.properties !== undefined) continue;
      const value = entry(view.props, 'ClusterEndpointEncryptionType');
      if (value === undefined) {
        ctx.report({
          path: view.path,
          target: 'key',
          message:
            `ClusterEndpointEncryptionType is not set, so it is ${quote(TRANSIT_DEFAULTS.daxEndpointEncryption)}: the cluster endpoint takes ` +
            `only unencrypted connections, and cached DynamoDB items travel in plaintext. Set ClusterEndpointEncryptionType to ${quote(tls)} ` +
            '(it can only be chosen when the cluster is created).',
          fixes:
            view.resource.properties !== undefined
              ? [
                  {
                    title: `Insert ClusterEndpointEncryptionType: ${quote(tls)} ${REPLACES}`,
                    intents: [{ kind: 'insert', path: view.path, key: 'ClusterEndpointEncryptionType', value: tls }],
                    safe: false,
                  },
                ]
              : [],
        });
        continue;
      }
      const bad = badStrings(value, (v) => v.trim().toUpperCase() === TRANSIT_DEFAULTS.daxEndpointEncryption);
      if (!bad.length) continue;
      ctx.report({
        path: value.path,
        message:
          `ClusterEndpointEncryptionType is ${listValues(bad)}: the cluster endpoint takes only unencrypted connections, and cached ` +
          `DynamoDB items travel in plaintext. Set it to ${quote(tls)} (it can only be chosen when the cluster is created).`,
        related: relatedFor(bad),
        fixes: [{ ...setValueFix(bad, tls, 'ClusterEndpointEncryptionType', false), title: `Set ClusterEndpointEncryptionType to ${quote(tls)} ${REPLACES}` }],
      });
    }
  },
};

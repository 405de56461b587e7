import { NODE_TO_NODE_ELASTICSEARCH_ENABLE_EXISTING, NODE_TO_NODE_ELASTICSEARCH_MINIMUM } from '../../data/opensearch';
import { entry } from '../../evaluate/values';
import type { Fix, FixIntent, Rule } from '../../engine/types';
import { domainEngines, DomainEngine } from '../../model/opensearch/engine-version';
import { domainViews, OPENSEARCH_DOMAIN_TYPES } from '../../model/opensearch/endpoint-options';
import { atLeast } from '../../util/version';
import { falseCandidates, listValues, relatedFor, setValueFix } from '../helpers';

const supports = (e: DomainEngine): boolean => e.engine === 'OpenSearch' || atLeast(e.version ?? [], NODE_TO_NODE_ELASTICSEARCH_MINIMUM);

/** Elasticsearch 6.0 to 6.6: only a new domain can have it. */
const newDomainOnly = (e: DomainEngine): boolean => e.engine === 'Elasticsearch' && !atLeast(e.version ?? [], NODE_TO_NODE_ELASTICSEARCH_ENABLE_EXISTING);

export const opensearchNodeToNodeEncryption: Rule = {
  meta: {
    id: 'opensearch-node-to-node-encryption',
    severity: 'warning',
    summary: 'OpenSearch / Elasticsearch domain whose NodeToNodeEncryptionOptions.Enabled is not true (on engines that support it).',
    fixable: true,
    docs: { fixNote: 'quick fix only: enabling it starts a blue/green deployment and cannot be undone' },
    peers: ['CKV_AWS_6', 'W85', 'AWS-0043', 'ELASTICSEARCH_NODE_TO_NODE_ENCRYPTION_CHECK', 'OPENSEARCH_NODE_TO_NODE_ENCRYPTION_CHECK', 'Opensearch.3', 'ES.3'],
    resourceTypes: OPENSEARCH_DOMAIN_TYPES,
  },
  check(ctx) {
    for (const view of domainViews(ctx)) {
      if (!view.props && view.resource.properties !== undefined) continue;
      const engines = domainEngines(view)?.filter(supports);
      if (!engines?.length) continue; // Elasticsearch before 6.0 (1.5 when no version is named) has no node-to-node encryption
      const change =
        '(starts a blue/green deployment of the domain and cannot be turned off' +
        (engines.every(newDomainOnly) ? '; Elasticsearch before 6.7 needs a new domain' : '') +
        ')';
      const quick = (title: string, intent: FixIntent): Fix[] => [{ title: `${title} ${change}`, intents: [intent], safe: false }];
      const options = entry(view.props, 'NodeToNodeEncryptionOptions');
      const because = 'the nodes of the domain exchange data and search traffic with each other unencrypted';
      if (options === undefined) {
        ctx.report({
          path: view.path,
          target: 'key',
          message: `NodeToNodeEncryptionOptions is not set, so node-to-node encryption is off: ${because}. Set NodeToNodeEncryptionOptions.Enabled: true.`,
          fixes:
            view.resource.properties !== undefined
              ? quick('Insert NodeToNodeEncryptionOptions with Enabled: true', {
                  kind: 'insert',
                  path: view.path,
                  key: 'NodeToNodeEncryptionOptions',
                  value: { Enabled: true },
                })
              : [],
        });
        continue;
      }
      if (options.kind !== 'map') continue;
      const enabled = entry(options, 'Enabled');
      if (enabled === undefined) {
        ctx.report({
          path: options.path,
          target: 'key',
          message: `NodeToNodeEncryptionOptions.Enabled is not set, so node-to-node encryption is off: ${because}. Set Enabled: true.`,
          fixes: quick('Insert Enabled: true', { kind: 'insert', path: options.path, key: 'Enabled', value: true }),
        });
        continue;
      }
      const off = falseCandidates(enabled);
      if (!off.length) continue;
      ctx.report({
        path: enabled.path,
        message: `NodeToNodeEncryptionOptions.Enabled is ${listValues(off)}: ${because}. Set Enabled: true.`,
        related: relatedFor(off),
        fixes: [{ ...setValueFix(off, true, 'Enabled', false), title: `Set Enabled to true ${change}` }],
      });
    }
  },
};

import { entry } from '../../evaluate/values';
import type { Rule } from '../../engine/types';
import { reportValue } from '../helpers';
import { domainViews, endpointOptionsOf, OPENSEARCH_DOMAIN_TYPES } from '../../model/opensearch/endpoint-options';
import { missingOptionSite } from './missing-option';

export const opensearchEnforceHttps: Rule = {
  meta: {
    id: 'opensearch-enforce-https',
    severity: 'warning',
    summary: 'OpenSearch / Elasticsearch domain whose DomainEndpointOptions.EnforceHTTPS is not true (absent counts).',
    fixable: true,
    peers: [
      'CKV_AWS_83',
      '4cdc88e6-c0c8-4081-a639-bb3a557cbedf', // KICS Elasticsearch with HTTPS disabled
      'ELASTICSEARCH_HTTPS_REQUIRED',
      'OPENSEARCH_HTTPS_REQUIRED',
      'AWS-0046',
      'Opensearch.8',
      'ES.8',
    ],
    resourceTypes: OPENSEARCH_DOMAIN_TYPES,
  },
  check(ctx) {
    for (const view of domainViews(ctx)) {
      const eo = endpointOptionsOf(view);
      if (eo.state === 'unknown') continue;
      const value = eo.state === 'present' ? entry(eo.options, 'EnforceHTTPS') : undefined;
      if (value === undefined) {
        const site = missingOptionSite(ctx.template.root, view, eo, 'EnforceHTTPS', true);
        ctx.report({
          path: site.path,
          target: site.target,
          message:
            'DomainEndpointOptions.EnforceHTTPS is not set, so it is false: the domain endpoint also answers plain HTTP, ' +
            'and requests (with their credentials and data) can travel unencrypted. Set EnforceHTTPS: true.',
          fixes: site.fixes,
        });
        continue;
      }
      if (value.kind !== 'leaf') continue;
      const bad = value.candidates.filter((c) => c.value === false || (typeof c.value === 'string' && c.value.toLowerCase() === 'false'));
      reportValue(ctx, {
        node: value,
        bad,
        message:
          'EnforceHTTPS is false: the domain endpoint also answers plain HTTP, so requests (with their credentials and data) ' +
          'can travel unencrypted. Set EnforceHTTPS: true.',
        fixValue: true,
        fixWhat: 'EnforceHTTPS',
      });
    }
  },
};

import { booleans, entry } from '../../evaluate/values';
import type { Rule } from '../../engine/types';
import { relatedFor } from '../helpers';
import { domainViews, endpointOptionsOf, OPENSEARCH_DOMAIN_TYPES } from '../../model/opensearch/endpoint-options';

export const opensearchCustomEndpointCertificate: Rule = {
  meta: {
    id: 'opensearch-custom-endpoint-certificate',
    severity: 'error',
    summary: 'OpenSearch / Elasticsearch domain with CustomEndpointEnabled: true but no CustomEndpointCertificateArn.',
    fixable: false,
    peers: [],
    resourceTypes: OPENSEARCH_DOMAIN_TYPES,
  },
  check(ctx) {
    for (const view of domainViews(ctx)) {
      const eo = endpointOptionsOf(view);
      if (eo.state !== 'present') continue;
      const enabled = entry(eo.options, 'CustomEndpointEnabled');
      if (!booleans(enabled).includes(true)) continue;
      if (entry(eo.options, 'CustomEndpointCertificateArn') !== undefined) continue;
      const enabledCandidates = enabled && enabled.kind === 'leaf' ? enabled.candidates : [];
      ctx.report({
        path: eo.options.path,
        target: 'key',
        message:
          'CustomEndpointEnabled is true but CustomEndpointCertificateArn is missing: the domain cannot serve its custom endpoint over ' +
          'HTTPS without a certificate, so OpenSearch Service rejects the configuration. Set CustomEndpointCertificateArn to an ACM certificate for the CustomEndpoint name.',
        related: relatedFor(enabledCandidates.filter((c) => c.value === true || String(c.value).toLowerCase() === 'true')),
      });
    }
  },
};

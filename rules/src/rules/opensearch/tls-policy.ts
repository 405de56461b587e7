import { findOpenSearchTlsPolicy, OPENSEARCH_DEFAULT_TLS_POLICY, recommendedOpenSearchTlsPolicy } from '../../data/opensearch';
import { isBelow } from '../../data/tls';
import { entry } from '../../evaluate/values';
import type { Rule, RuleContext } from '../../engine/types';
import { badStrings, listValues, reportValue } from '../helpers';
import { domainViews, endpointOptionsOf, OPENSEARCH_DOMAIN_TYPES } from '../../model/opensearch/endpoint-options';
import { missingOptionSite } from './missing-option';

/** TLS 1.2 is the floor. */
const MINIMUM = '1.2';

export const opensearchTlsPolicy: Rule = {
  meta: {
    id: 'opensearch-tls-policy',
    severity: 'warning',
    summary: 'OpenSearch / Elasticsearch domain whose TLSSecurityPolicy is absent (default TLS 1.0) or Policy-Min-TLS-1-0-2019-07.',
    fixable: true,
    peers: [
      'CKV_AWS_228', // Terraform-only
      'ELASTICSEARCH_HTTPS_REQUIRED',
      'OPENSEARCH_HTTPS_REQUIRED',
      'AWS-0126',
      'Opensearch.8',
      'ES.8',
    ],
    resourceTypes: OPENSEARCH_DOMAIN_TYPES,
  },
  check(ctx) {
    for (const view of domainViews(ctx)) {
      const eo = endpointOptionsOf(view);
      if (eo.state === 'unknown') continue;
      const recommended = recommendedFor(ctx, view.resource.type!);
      const policy = eo.state === 'present' ? entry(eo.options, 'TLSSecurityPolicy') : undefined;
      if (policy === undefined) {
        const site = missingOptionSite(ctx.template.root, view, eo, 'TLSSecurityPolicy', recommended);
        ctx.report({
          path: site.path,
          target: site.target,
          message:
            `DomainEndpointOptions.TLSSecurityPolicy is not set, so the domain uses ${OPENSEARCH_DEFAULT_TLS_POLICY} and accepts TLS 1.0 ` +
            `and 1.1 clients. Set TLSSecurityPolicy: ${recommended}.`,
          fixes: site.fixes,
          data: { recommended },
        });
        continue;
      }
      const bad = badStrings(policy, (v) => {
        const p = findOpenSearchTlsPolicy(v);
        return !!p && isBelow(p.minTls, MINIMUM);
      });
      reportValue(ctx, {
        node: policy,
        bad,
        message: `TLSSecurityPolicy ${listValues(bad)} accepts TLS 1.0 and 1.1 clients. Use ${recommended}, which accepts only TLS 1.2 and newer.`,
        fixValue: recommended,
        fixWhat: 'TLSSecurityPolicy',
        data: { recommended },
      });
    }
  },
};

/** Configured value first (`recommendedPolicies.opensearch` / `.elasticsearch`), then the per-type default. */
function recommendedFor(ctx: RuleContext, type: string): string {
  const configured = type === 'AWS::Elasticsearch::Domain' ? ctx.settings.recommendedPolicies.elasticsearch : ctx.settings.recommendedPolicies.opensearch;
  return configured ?? recommendedOpenSearchTlsPolicy(type);
}

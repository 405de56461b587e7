/**
 * OpenSearch / Elasticsearch `DomainEndpointOptions.TLSSecurityPolicy`. Source: docs/sources.md §8.
 */
import type { TlsFloor } from './tls';

export interface OpenSearchTlsPolicy {
  name: string;
  minTls: TlsFloor;
  fips: boolean;
  forwardSecrecy: boolean;
  note?: string;
}

/**
 * The four allowed values (CFN template reference, SDK enums; docs/sources.md §8).
 * `Policy-Min-TLS-1-2-RFC9151-FIPS-2024-08`: the SDK describes it as "supports TLS version 1.3 with
 * FIPS" while the name says Min-TLS-1-2 (name and description disagree); recorded as 1.2,
 * the lower (conservative) reading; either way it is not below TLS 1.2.
 */
export const OPENSEARCH_TLS_POLICIES: readonly OpenSearchTlsPolicy[] = Object.freeze(
  [
    { name: 'Policy-Min-TLS-1-0-2019-07', minTls: '1.0', fips: false, forwardSecrecy: false, note: 'TLS 1.0 and higher; default when omitted' },
    { name: 'Policy-Min-TLS-1-2-2019-07', minTls: '1.2', fips: false, forwardSecrecy: false, note: 'only TLS 1.2' },
    {
      name: 'Policy-Min-TLS-1-2-PFS-2023-10',
      minTls: '1.2',
      fips: false,
      forwardSecrecy: true,
      note: 'TLS 1.2-1.3, PFS cipher suites; latest (Security Hub Opensearch.8)',
    },
    {
      name: 'Policy-Min-TLS-1-2-RFC9151-FIPS-2024-08',
      minTls: '1.2',
      fips: true,
      forwardSecrecy: false,
      note: 'SDK says TLS 1.3 with FIPS; name says min 1.2',
    },
  ].map((x) => Object.freeze(x as OpenSearchTlsPolicy)),
);

const BY_NAME: ReadonlyMap<string, OpenSearchTlsPolicy> = new Map(OPENSEARCH_TLS_POLICIES.map((x) => [x.name, x] as const));

/** Exact, case-sensitive lookup. */
export function findOpenSearchTlsPolicy(name: string): OpenSearchTlsPolicy | undefined {
  return BY_NAME.get(name);
}

/** Effective policy when `TLSSecurityPolicy` is absent (docs/sources.md §8: TLS 1.0). */
export const OPENSEARCH_DEFAULT_TLS_POLICY = 'Policy-Min-TLS-1-0-2019-07';

/**
 * Recommended policy per resource type (docs/rules/opensearch-tls-policy.md): the latest for
 * OpenSearch; for the legacy Elasticsearch resource the older API lists only the first two values
 * (docs/sources.md §8), so the TLS 1.2 one.
 */
export const OPENSEARCH_RECOMMENDED_TLS_POLICY: Readonly<Record<string, string>> = Object.freeze({
  'AWS::OpenSearchService::Domain': 'Policy-Min-TLS-1-2-PFS-2023-10',
  'AWS::Elasticsearch::Domain': 'Policy-Min-TLS-1-2-2019-07',
});

/** Recommended policy for a domain resource type (OpenSearch's for anything not Elasticsearch). */
export function recommendedOpenSearchTlsPolicy(resourceType: string): string {
  return resourceType === 'AWS::Elasticsearch::Domain'
    ? OPENSEARCH_RECOMMENDED_TLS_POLICY['AWS::Elasticsearch::Domain']!
    : OPENSEARCH_RECOMMENDED_TLS_POLICY['AWS::OpenSearchService::Domain']!;
}

/** Resource types the OpenSearch rules read. */
export const OPENSEARCH_DOMAIN_TYPES: readonly string[] = Object.freeze(['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain']);

/** Values the legacy `AWS::Elasticsearch::Domain` API documents (docs/sources.md §8; newer two unverified there). */
export const ELASTICSEARCH_DOCUMENTED_TLS_POLICIES: readonly string[] = Object.freeze(['Policy-Min-TLS-1-0-2019-07', 'Policy-Min-TLS-1-2-2019-07']);

/**
 * Node-to-node encryption (https://docs.aws.amazon.com/opensearch-service/latest/developerguide/ntn.html):
 * any OpenSearch version, Elasticsearch 6.0 and later for new domains; enabling it on an existing
 * domain needs OpenSearch or Elasticsearch 6.7 and later, starts a blue/green deployment, and it
 * cannot be disabled afterwards.
 */
export const NODE_TO_NODE_ELASTICSEARCH_MINIMUM = '6.0';
export const NODE_TO_NODE_ELASTICSEARCH_ENABLE_EXISTING = '6.7';

/** `ElasticsearchVersion` of an `AWS::Elasticsearch::Domain` that names none (CloudFormation reference: 1.5). */
export const ELASTICSEARCH_DEFAULT_VERSION = '1.5';

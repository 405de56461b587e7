/**
 * What each `recommendedPolicies` entry of `.cfn-tls-lint.yaml` may name: a known policy of its
 * kind whose lowest TLS version is at least TLS 1.2 (the floor of every rule that inserts these
 * policies), and for `elbv2Fips` a FIPS policy. A config value is trusted as the
 * text `--fix` writes into templates and messages call "a TLS 1.2+ policy", so anything else is
 * refused at config time and the built-in default used.
 */
import { APIGW_RECOMMENDED, findApigwSecurityPolicy } from './apigw';
import { minimumProtocolFloor, CLOUDFRONT_RECOMMENDED_MIN_PROTOCOL } from './cloudfront';
import { CLASSIC_RECOMMENDED_POLICY, findClassicPolicy } from './elb-classic-policies';
import { ELBV2_RECOMMENDED, ELBV2_RECOMMENDED_FIPS, findElbv2Policy } from './elbv2-policies';
import { findOpenSearchTlsPolicy, OPENSEARCH_RECOMMENDED_TLS_POLICY } from './opensearch';
import { DEFAULT_MINIMUM_TLS, TlsFloor } from './tls';

export interface RecommendedPolicyKind {
  /** For messages: "an ELBv2 security policy". */
  what: string;
  /** The policy's lowest TLS version and whether it is a FIPS policy; undefined for an unknown name. */
  lookup: (name: string) => { minTls: TlsFloor; fips: boolean } | undefined;
  mustBeFips: boolean;
  builtIn: string;
}

const elbv2 = (name: string): { minTls: TlsFloor; fips: boolean } | undefined => findElbv2Policy(name);

export const RECOMMENDED_POLICY_KINDS: ReadonlyMap<string, RecommendedPolicyKind> = new Map<string, RecommendedPolicyKind>([
  ['elbv2', { what: 'an ELBv2 security policy', lookup: elbv2, mustBeFips: false, builtIn: ELBV2_RECOMMENDED }],
  ['elbv2Fips', { what: 'an ELBv2 security policy', lookup: elbv2, mustBeFips: true, builtIn: ELBV2_RECOMMENDED_FIPS }],
  [
    'classic',
    { what: 'a Classic Load Balancer security policy', lookup: (n) => withFips(findClassicPolicy(n)), mustBeFips: false, builtIn: CLASSIC_RECOMMENDED_POLICY },
  ],
  [
    'cloudfront',
    {
      what: 'a CloudFront MinimumProtocolVersion',
      lookup: (n) => withFips(floorOf(minimumProtocolFloor(n))),
      mustBeFips: false,
      builtIn: CLOUDFRONT_RECOMMENDED_MIN_PROTOCOL,
    },
  ],
  ['apigw', { what: 'an API Gateway security policy', lookup: (n) => withFips(findApigwSecurityPolicy(n)), mustBeFips: false, builtIn: APIGW_RECOMMENDED }],
  [
    'opensearch',
    {
      what: 'an OpenSearch TLS security policy',
      lookup: findOpenSearchTlsPolicy,
      mustBeFips: false,
      builtIn: OPENSEARCH_RECOMMENDED_TLS_POLICY['AWS::OpenSearchService::Domain']!,
    },
  ],
  [
    'elasticsearch',
    {
      what: 'an OpenSearch TLS security policy',
      lookup: findOpenSearchTlsPolicy,
      mustBeFips: false,
      builtIn: OPENSEARCH_RECOMMENDED_TLS_POLICY['AWS::Elasticsearch::Domain']!,
    },
  ],
]);

/** The lowest TLS version a recommended policy may accept. */
export const RECOMMENDED_POLICY_MINIMUM_TLS: TlsFloor = DEFAULT_MINIMUM_TLS;

function floorOf(minTls: TlsFloor | undefined): { minTls: TlsFloor } | undefined {
  return minTls === undefined ? undefined : { minTls };
}

function withFips(p: { minTls: TlsFloor; fips?: boolean } | undefined): { minTls: TlsFloor; fips: boolean } | undefined {
  return p && { minTls: p.minTls, fips: p.fips === true };
}

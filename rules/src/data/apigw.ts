/**
 * API Gateway custom-domain security policies (`SecurityPolicy` of `AWS::ApiGateway::DomainName`,
 * `AWS::ApiGateway::DomainNameV2`, `AWS::ApiGatewayV2::DomainName.DomainNameConfigurations[*]`, SAM
 * `Domain`). Source: docs/sources.md §5 (SDK model enum `SecurityPolicy` + AWS docs).
 */
import type { TlsFloor } from './tls';

export interface ApigwSecurityPolicy {
  name: string;
  minTls: TlsFloor;
  /** Starts with `SecurityPolicy_`: requires `EndpointAccessMode`; no mTLS; no HTTP-API mappings (docs/sources.md §5). */
  enhanced: boolean;
  /** `*_EDGE`: only for edge-optimized endpoints (docs/sources.md §5, unverified against the AWS table). */
  edgeOnly: boolean;
  fips?: boolean;
  postQuantum?: boolean;
  forwardSecrecy?: boolean;
  /** min TLS read from AWS docs (true) or inferred from the name (false). */
  verified: boolean;
  note?: string;
}

function p(name: string, minTls: TlsFloor, verified: boolean, note?: string): ApigwSecurityPolicy {
  const policy: ApigwSecurityPolicy = {
    name,
    minTls,
    enhanced: name.startsWith('SecurityPolicy_'),
    edgeOnly: name.endsWith('_EDGE'),
    verified,
  };
  if (/_FIPS_/.test(name)) policy.fips = true;
  if (/_PQ_/.test(name)) policy.postQuantum = true;
  if (/_PFS_/.test(name)) policy.forwardSecrecy = true;
  if (note !== undefined) policy.note = note;
  return Object.freeze(policy);
}

/**
 * docs/sources.md §5. `TLS_1_0`: AWS docs disagree on whether TLS 1.1 is accepted, its floor is 1.0
 * either way. Enhanced `TLS13_1_2` = accepts TLS 1.2 and 1.3, `TLS13_1_3` = TLS 1.3 only (confirmed
 * for `SecurityPolicy_TLS13_1_3_2025_09`); the other enhanced floors are inferred from the names.
 */
export const APIGW_SECURITY_POLICIES: readonly ApigwSecurityPolicy[] = Object.freeze([
  p('TLS_1_0', '1.0', true, 'legacy; docs disagree on TLS 1.1'),
  p('TLS_1_2', '1.2', true, 'legacy; accepts TLS 1.2 and 1.3'),
  p('SecurityPolicy_TLS13_1_3_2025_09', '1.3', true),
  p('SecurityPolicy_TLS13_1_3_FIPS_2025_09', '1.3', false),
  p('SecurityPolicy_TLS13_1_2_PFS_PQ_2025_09', '1.2', false),
  p('SecurityPolicy_TLS13_1_2_FIPS_PQ_2025_09', '1.2', false),
  p('SecurityPolicy_TLS13_1_2_FIPS_PFS_PQ_2025_09', '1.2', false),
  p('SecurityPolicy_TLS13_1_2_PQ_2025_09', '1.2', false),
  p('SecurityPolicy_TLS13_1_2_2021_06', '1.2', false),
  p('SecurityPolicy_TLS13_2025_EDGE', '1.3', false, 'edge-optimized only; min TLS inferred from the name'),
  p('SecurityPolicy_TLS12_PFS_2025_EDGE', '1.2', false, 'edge-optimized only'),
  p('SecurityPolicy_TLS12_2018_EDGE', '1.2', false, 'edge-optimized only'),
]);

const BY_NAME: ReadonlyMap<string, ApigwSecurityPolicy> = new Map(APIGW_SECURITY_POLICIES.map((x) => [x.name, x] as const));

/** Exact, case-sensitive lookup. */
export function findApigwSecurityPolicy(name: string): ApigwSecurityPolicy | undefined {
  return BY_NAME.get(name);
}

/** "Any policy that starts with `SecurityPolicy_` is an enhanced security policy" (docs/sources.md §5). */
export function isEnhancedSecurityPolicy(name: string): boolean {
  return name.startsWith('SecurityPolicy_');
}

/** What fixes insert (docs/rules/apigw-domain-tls-version.md). */
export const APIGW_RECOMMENDED = 'TLS_1_2';

/**
 * Default for custom domains created now (docs/sources.md §5); domains created earlier keep TLS_1_0, so
 * an absent `SecurityPolicy` is reported as info, not assumed strong.
 */
export const APIGW_DEFAULT_POLICY_NEW_DOMAINS = 'TLS_1_2';

/** Values documented for `AWS::ApiGatewayV2::DomainName` (docs/sources.md §5; enhanced values not verified). */
export const APIGWV2_SECURITY_POLICIES: readonly string[] = Object.freeze(['TLS_1_0', 'TLS_1_2']);

/**
 * `AWS::ApiGatewayV2::Api.ProtocolType` values whose custom domains negotiate TLS 1.2 whatever the
 * domain's SecurityPolicy: "For HTTP or WebSocket APIs, API Gateway only supports the TLS_1_2
 * security policy", and "API Gateway uses the API's security policy to negotiate the TLS handshake"
 * (AWS doc "Choose a security policy for your custom domain in API Gateway"; docs/rules/apigw-domain-tls-version.md).
 */
export const TLS12_ONLY_API_PROTOCOLS: readonly string[] = Object.freeze(['HTTP', 'WEBSOCKET']);

/** The only security policy HTTP and WebSocket APIs support (same source). */
export const HTTP_API_SECURITY_POLICY = 'TLS_1_2';

/**
 * API resource types by the kind of API they create. An `AWS::ApiGatewayV2::Api` is either kind
 * (its `ProtocolType` says which); SAM's `HttpApi` is an HTTP API, its `Api` a REST API.
 */
export const APIGW_API_KINDS: Readonly<Record<string, 'rest' | 'http' | 'v2'>> = Object.freeze({
  'AWS::ApiGateway::RestApi': 'rest',
  'AWS::Serverless::Api': 'rest',
  'AWS::Serverless::HttpApi': 'http',
  'AWS::ApiGatewayV2::Api': 'v2',
});

/**
 * The security policy of a REST API's default `execute-api` endpoint when the API sets none, by
 * endpoint type: "edge-optimized TLS_1_0, Regional TLS_1_0, private TLS_1_2" (AWS doc "Choose a
 * security policy for your custom domain in API Gateway"). A REST API can now carry its own
 * `SecurityPolicy` (AWS doc "Security policies for REST APIs in API Gateway"; AWS Compute Blog
 * "Enhancing API security with Amazon API Gateway TLS security policies"), which then applies to
 * its endpoint.
 */
export const REST_API_DEFAULT_ENDPOINT_POLICY: Readonly<Record<string, string>> = Object.freeze({
  EDGE: 'TLS_1_0',
  REGIONAL: 'TLS_1_0',
  PRIVATE: 'TLS_1_2',
});

/** `AWS::ApiGateway::RestApi` without `EndpointConfiguration` is edge-optimized (CloudFormation reference). */
export const REST_API_DEFAULT_ENDPOINT_TYPE = 'EDGE';

/** HTTP and WebSocket APIs: "API Gateway enforces TLS_1_2 for all HTTP API endpoints" (AWS doc "http-api-ciphers"). */
export const V2_API_ENDPOINT_POLICY = 'TLS_1_2';

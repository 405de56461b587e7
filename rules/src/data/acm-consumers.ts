/**
 * Whether a certificate consumer's endpoint is reachable from the internet (used by
 * `acm-public-certificate-production`).
 */

export type Exposure =
  /** Always an internet endpoint (CloudFront and its distribution tenants, Amplify, AppSync, Cognito, HTTP/WebSocket API domains). */
  | 'public'
  /** ELBv2 listener: public when its in-template load balancer has no `Scheme: internal`. */
  | 'elbv2-listener'
  /** ELBv2 listener certificate: through `ListenerArn` to its listener. */
  | 'elbv2-listener-certificate'
  /** Classic load balancer: public unless `Scheme: internal`. */
  | 'classic-elb'
  /** API Gateway REST domain: public unless `EndpointConfiguration.Types` is `PRIVATE`. */
  | 'apigw-domain'
  /** OpenSearch/Elasticsearch domain: public unless it sits in a VPC (`VPCOptions`). */
  | 'opensearch'
  /** SAM `AWS::Serverless::Api` `Domain`: public unless `Domain.EndpointConfiguration` is `PRIVATE`. */
  | 'sam-api';

/**
 * How each consumer type (the consumer table is rules/src/rules/certificates/consumers.ts)
 * decides whether its endpoint is reachable from the internet. Types not listed are not judged.
 */
export const EXPOSURE_BY_TYPE: Readonly<Record<string, Exposure>> = Object.freeze({
  'AWS::ElasticLoadBalancingV2::Listener': 'elbv2-listener',
  'AWS::ElasticLoadBalancingV2::ListenerCertificate': 'elbv2-listener-certificate',
  'AWS::ElasticLoadBalancing::LoadBalancer': 'classic-elb',
  'AWS::CloudFront::Distribution': 'public',
  'AWS::CloudFront::DistributionTenant': 'public',
  'AWS::Amplify::Domain': 'public',
  'AWS::ApiGateway::DomainName': 'apigw-domain',
  'AWS::ApiGatewayV2::DomainName': 'public',
  'AWS::AppSync::DomainName': 'public',
  'AWS::Cognito::UserPoolDomain': 'public',
  'AWS::OpenSearchService::Domain': 'opensearch',
  'AWS::Elasticsearch::Domain': 'opensearch',
  'AWS::Serverless::Api': 'sam-api',
  'AWS::Serverless::HttpApi': 'public',
});

/**
 * Where a template's resources take an ACM certificate ARN, and how each decides whether the
 * endpoint is reachable from the internet (rules.md "Certificates wherever they are used";
 * used by `acm-public-certificate-production`). Paths are relative to `Properties`; `*` steps
 * into every item of a list.
 */

export type Exposure =
  /** Always an internet endpoint (CloudFront, AppSync, Cognito, HTTP/WebSocket API domains). */
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

export interface CertificateConsumer {
  type: string;
  paths: readonly (readonly string[])[];
  exposure: Exposure;
}

export const CERTIFICATE_CONSUMERS: readonly CertificateConsumer[] = Object.freeze([
  { type: 'AWS::ElasticLoadBalancingV2::Listener', paths: [['Certificates', '*', 'CertificateArn']], exposure: 'elbv2-listener' },
  { type: 'AWS::ElasticLoadBalancingV2::ListenerCertificate', paths: [['Certificates', '*', 'CertificateArn']], exposure: 'elbv2-listener-certificate' },
  { type: 'AWS::ElasticLoadBalancing::LoadBalancer', paths: [['Listeners', '*', 'SSLCertificateId']], exposure: 'classic-elb' },
  { type: 'AWS::CloudFront::Distribution', paths: [['DistributionConfig', 'ViewerCertificate', 'AcmCertificateArn']], exposure: 'public' },
  { type: 'AWS::ApiGateway::DomainName', paths: [['CertificateArn'], ['RegionalCertificateArn']], exposure: 'apigw-domain' },
  { type: 'AWS::ApiGatewayV2::DomainName', paths: [['DomainNameConfigurations', '*', 'CertificateArn']], exposure: 'public' },
  { type: 'AWS::AppSync::DomainName', paths: [['CertificateArn']], exposure: 'public' },
  { type: 'AWS::Cognito::UserPoolDomain', paths: [['CustomDomainConfig', 'CertificateArn']], exposure: 'public' },
  { type: 'AWS::OpenSearchService::Domain', paths: [['DomainEndpointOptions', 'CustomEndpointCertificateArn']], exposure: 'opensearch' },
  { type: 'AWS::Elasticsearch::Domain', paths: [['DomainEndpointOptions', 'CustomEndpointCertificateArn']], exposure: 'opensearch' },
  { type: 'AWS::Serverless::Api', paths: [['Domain', 'CertificateArn']], exposure: 'sam-api' },
  { type: 'AWS::Serverless::HttpApi', paths: [['Domain', 'CertificateArn']], exposure: 'public' },
] as CertificateConsumer[]);

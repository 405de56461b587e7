import { acmPublicCertificateProduction } from '../../../../rules/src/rules/acm/public-certificate-production';
import { runRuleTests } from '../../../support/rule-tester';
import { CERT_PATH, IS_PROD_CONDITION, jsonCert, PRIVATE_CA, yamlCert } from './fixtures';

const env = (def: string): string => `  Environment:\n    Type: String\n    Default: ${def}`;
const cert = '      DomainName: shop.example.com\n      ValidationMethod: DNS';
const alb = (scheme: string): string => `  Alb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
${scheme ? `      Scheme: ${scheme}\n` : ''}      Subnets: [subnet-1, subnet-2]
  HttpsListener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Alb
      Port: 443
      Protocol: HTTPS
      Certificates:
        - CertificateArn: !Ref Certificate
      DefaultActions:
        - Type: fixed-response
          FixedResponseConfig: {StatusCode: '404'}`;
const distribution = `  Distribution:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        ViewerCertificate:
          AcmCertificateArn: !Ref Certificate
          SslSupportMethod: sni-only
          MinimumProtocolVersion: TLSv1.2_2021`;

runRuleTests(acmPublicCertificateProduction, {
  valid: [
    {
      name: 'JSON internal load balancer',
      code: jsonCert(
        { DomainName: 'shop.example.com' },
        {
          Parameters: { Environment: { Type: 'String', Default: 'prod' } },
          Resources: {
            Alb: { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Scheme: 'internal' } },
            L: {
              Type: 'AWS::ElasticLoadBalancingV2::Listener',
              Properties: { LoadBalancerArn: { Ref: 'Alb' }, Protocol: 'HTTPS', Certificates: [{ CertificateArn: { Ref: 'Certificate' } }] },
            },
          },
        },
      ),
    },
    {
      name: 'private exactly where the distribution uses it; the reference is AWS::NoValue otherwise',
      code: yamlCert(`${cert}\n      CertificateAuthorityArn: !If [IsProd, ${PRIVATE_CA}, !Ref AWS::NoValue]`, {
        parameters: env('prod'),
        conditions: IS_PROD_CONDITION,
        resources: distribution.replace('AcmCertificateArn: !Ref Certificate', 'AcmCertificateArn: !If [IsProd, !Ref Certificate, !Ref AWS::NoValue]'),
      }),
    },
    { name: 'not production', code: yamlCert(cert, { parameters: env('dev'), resources: alb('internet-facing') }) },
    { name: 'internal load balancer', code: yamlCert(cert, { parameters: env('prod'), resources: alb('internal') }) },
    { name: 'no consumer in the template', code: yamlCert(cert, { parameters: env('prod') }) },
    {
      name: 'private certificate',
      code: yamlCert(`${cert}\n      CertificateAuthorityArn: ${PRIVATE_CA}`, { parameters: env('prod'), resources: distribution }),
    },
    {
      name: 'load balancer outside the template is unknown',
      code: yamlCert(cert, {
        parameters: env('prod'),
        resources: alb('internet-facing').replace('LoadBalancerArn: !Ref Alb', 'LoadBalancerArn: !ImportValue shared-alb'),
      }),
    },
    { name: 'scheme unknown', code: yamlCert(cert, { parameters: env('prod'), resources: alb('!ImportValue scheme') }) },
    {
      name: 'private API Gateway domain',
      code: yamlCert(cert, {
        parameters: env('prod'),
        resources:
          '  Domain:\n    Type: AWS::ApiGateway::DomainName\n    Properties:\n      DomainName: shop.example.com\n      RegionalCertificateArn: !Ref Certificate\n      EndpointConfiguration:\n        Types: [PRIVATE]',
      }),
    },
    {
      name: 'OpenSearch domain inside a VPC',
      code: yamlCert(cert, {
        parameters: env('prod'),
        resources:
          '  Search:\n    Type: AWS::OpenSearchService::Domain\n    Properties:\n      VPCOptions:\n        SubnetIds: [subnet-1]\n      DomainEndpointOptions:\n        CustomEndpointEnabled: true\n        CustomEndpoint: shop.example.com\n        CustomEndpointCertificateArn: !Ref Certificate',
      }),
    },
  ],
  invalid: [
    {
      name: 'scheme chosen by Fn::If: internet-facing in one branch',
      code: yamlCert(cert, { parameters: env('prod'), conditions: IS_PROD_CONDITION, resources: alb('!If [IsProd, internet-facing, internal]') }),
      errors: [{ path: CERT_PATH }],
    },
    {
      name: 'internet-facing ALB in a production template',
      code: yamlCert(cert, { parameters: env('prod'), resources: alb('internet-facing') }),
      errors: [{ path: CERT_PATH, line: 9, resource: 'Certificate', related: 1, messageIncludes: 'HttpsListener' }],
    },
    { name: 'no Scheme means internet-facing', code: yamlCert(cert, { parameters: env('prod'), resources: alb('') }), errors: [{ path: CERT_PATH }] },
    {
      name: 'CloudFront is always public',
      code: yamlCert(cert, { parameters: env('prod'), resources: distribution }),
      errors: [{ path: CERT_PATH, messageIncludes: 'Distribution' }],
    },
    {
      name: 'production by tag; GetAtt reference from a listener certificate',
      code: yamlCert(`${cert}\n      Tags:\n        - Key: Environment\n          Value: production`, {
        resources: `${alb('internet-facing')}\n  Extra:\n    Type: AWS::ElasticLoadBalancingV2::ListenerCertificate\n    Properties:\n      ListenerArn: !Ref HttpsListener\n      Certificates:\n        - CertificateArn: !GetAtt Certificate.CertificateArn`,
      }),
      errors: [{ path: CERT_PATH, related: 2 }],
    },
    {
      name: 'scheme from a parameter that allows internet-facing',
      code: yamlCert(cert, {
        parameters: `${env('prod')}\n  Scheme:\n    Type: String\n    Default: internal\n    AllowedValues: [internal, internet-facing]`,
        resources: alb('!Ref Scheme'),
      }),
      errors: [{ path: CERT_PATH }],
    },
    {
      name: 'JSON: HTTP API domain',
      code: jsonCert(
        { DomainName: 'api.example.com', ValidationMethod: 'DNS' },
        {
          Parameters: { Stage: { Type: 'String', Default: 'prod' } },
          Resources: {
            ApiDomain: {
              Type: 'AWS::ApiGatewayV2::DomainName',
              Properties: { DomainName: 'api.example.com', DomainNameConfigurations: [{ CertificateArn: { Ref: 'Certificate' }, EndpointType: 'REGIONAL' }] },
            },
          },
        },
      ),
      errors: [{ path: CERT_PATH, messageIncludes: 'ApiDomain' }],
    },
  ],
});

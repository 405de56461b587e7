import { certificateRegion } from '../../../../rules/src/rules/certificates/region';
import { runRuleTests } from '../../../support/rule-tester';

const arn = (region: string, partition = 'aws'): string => `arn:${partition}:acm:${region}:123456789012:certificate/6a1c3d2e-8f4b-4e5a-9c7d-0b1e2f3a4b5c`;

const distribution = (cert: string, head = ''): string => `AWSTemplateFormatVersion: '2010-09-09'
${head}Resources:
  Distribution:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        ViewerCertificate:
          AcmCertificateArn: ${cert}
          SslSupportMethod: sni-only
          MinimumProtocolVersion: TLSv1.2_2021
`;

const CERT = `  SiteCertificate:
    Type: AWS::CertificateManager::Certificate
    Properties:
      DomainName: www.example.com
      ValidationMethod: DNS
`;

const restDomain = (props: object): string =>
  JSON.stringify({ Resources: { ApiDomain: { Type: 'AWS::ApiGateway::DomainName', Properties: { DomainName: 'api.example.com', ...props } } } }, null, 2);

const listener = (cert: string): string => `Resources:
  HttpsListener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !ImportValue shared-alb
      Port: 443
      Protocol: HTTPS
      Certificates:
        - CertificateArn: ${cert}
`;

const samApi = (domain: string): string => `Transform: AWS::Serverless-2016-10-31
Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      Domain:
        DomainName: api.example.com
${domain}`;

/** Consumers of TLS in transit: one resource of a type with its certificate property. */
const amplifyDomain = (cert: string): string => `Resources:
  AppDomain:
    Type: AWS::Amplify::Domain
    Properties:
      AppId: !ImportValue amplify-app
      DomainName: example.com
      SubDomainSettings:
        - BranchName: main
          Prefix: www
      CertificateSettings:
        CertificateType: CUSTOM
        CustomCertificateArn: ${cert}
`;

const iotDomain = (certs: string): string => `Resources:
  DeviceDomain:
    Type: AWS::IoT::DomainConfiguration
    Properties:
      DomainConfigurationName: devices
      DomainName: iot.example.com
      ServiceType: DATA
      ServerCertificateArns:
${certs}`;

const latticeService = (cert: string): string =>
  JSON.stringify(
    {
      Resources: { Orders: { Type: 'AWS::VpcLattice::Service', Properties: { Name: 'orders', CustomDomainName: 'orders.example.com', CertificateArn: cert } } },
    },
    null,
    2,
  );

runRuleTests(certificateRegion, {
  valid: [
    { name: 'CloudFront with a us-east-1 certificate', code: distribution(arn('us-east-1')) },
    { name: 'CloudFront with an imported ARN', code: distribution('!ImportValue global-cert') },
    { name: 'CloudFront with a Sub ARN', code: distribution('!Sub arn:aws:acm:${AWS::Region}:${AWS::AccountId}:certificate/${Id}') },
    { name: 'aws-cn partition: not the us-east-1 rule', code: distribution(arn('cn-north-1', 'aws-cn')) },
    {
      name: 'in-template certificate, target region us-east-1 only',
      code: distribution('!Ref SiteCertificate').replace('Resources:\n', `Resources:\n${CERT}`),
      settings: { regions: ['us-east-1'] },
    },
    {
      name: 'JSON: regional domain, no target regions',
      code: restDomain({ RegionalCertificateArn: arn('eu-west-1'), EndpointConfiguration: { Types: ['REGIONAL'] } }),
    },
    {
      name: 'JSON: REST CertificateArn with a REGIONAL endpoint is not edge',
      code: restDomain({ CertificateArn: arn('eu-west-1'), EndpointConfiguration: { Types: ['REGIONAL'] } }),
    },
    {
      name: 'JSON: REST endpoint type unknown',
      code: restDomain({ CertificateArn: arn('eu-west-1'), EndpointConfiguration: { Types: [{ 'Fn::ImportValue': 'endpoint-type' }] } }),
    },
    { name: 'listener in a target region', code: listener(arn('eu-west-1')), settings: { regions: ['eu-west-1', 'eu-central-1'] } },
    { name: 'listener: IAM ARNs have no region', code: listener('arn:aws:iam::123456789012:server-certificate/www'), settings: { regions: ['eu-west-1'] } },
    {
      name: 'listener: in-template certificate',
      code: listener('!Ref SiteCertificate').replace('Resources:\n', `Resources:\n${CERT}`),
      settings: { regions: ['eu-west-1'] },
    },
    { name: 'SAM Domain defaults to REGIONAL', code: samApi(`        CertificateArn: ${arn('eu-west-1')}\n`) },
    {
      name: 'NoValue: no certificate in the other branch',
      code: distribution(`!If [Custom, ${arn('us-east-1')}, !Ref AWS::NoValue]`, 'Conditions:\n  Custom: !Equals [!Ref AWS::Region, us-east-1]\n'),
    },
    { name: 'Amplify domain with a us-east-1 certificate', code: amplifyDomain(arn('us-east-1')) },
    { name: 'Amplify domain with an imported certificate', code: amplifyDomain('!ImportValue amplify-cert') },
    { name: 'IoT domain: regional, no target regions', code: iotDomain(`        - ${arn('eu-west-1')}\n`) },
    { name: 'IoT domain in a target region', code: iotDomain(`        - ${arn('eu-west-1')}\n`), settings: { regions: ['eu-west-1'] } },
    { name: 'JSON: VPC Lattice service in a target region', code: latticeService(arn('eu-west-1')), settings: { regions: ['eu-west-1'] } },
  ],
  invalid: [
    {
      name: 'CloudFront with an eu-west-1 certificate',
      code: distribution(arn('eu-west-1')),
      errors: [
        {
          path: ['Resources', 'Distribution', 'Properties', 'DistributionConfig', 'ViewerCertificate', 'AcmCertificateArn'],
          line: 9,
          severity: 'error',
          messageIncludes: 'us-east-1',
        },
      ],
    },
    {
      name: 'CloudFront: parameter AllowedValues, related at each',
      code: distribution(
        '!Ref CertArn',
        `Parameters:\n  CertArn:\n    Type: String\n    Default: ${arn('us-east-1')}\n    AllowedValues:\n      - ${arn('us-east-1')}\n      - ${arn('eu-west-1')}\n`,
      ),
      errors: [{ path: ['Resources', 'Distribution', 'Properties', 'DistributionConfig', 'ViewerCertificate', 'AcmCertificateArn'], related: 1 }],
    },
    {
      name: 'CloudFront: Fn::If branch',
      code: distribution(`!If [Prod, ${arn('us-east-1')}, ${arn('eu-west-1')}]`, 'Conditions:\n  Prod: !Equals [!Ref AWS::Region, us-east-1]\n'),
      errors: [{ path: ['Resources', 'Distribution', 'Properties', 'DistributionConfig', 'ViewerCertificate', 'AcmCertificateArn', 'Fn::If', 2], line: 11 }],
    },
    {
      name: 'CloudFront Refs a certificate of the stack: warning',
      code: distribution('!Ref SiteCertificate').replace('Resources:\n', `Resources:\n${CERT}`),
      errors: [
        {
          path: ['Resources', 'Distribution', 'Properties', 'DistributionConfig', 'ViewerCertificate', 'AcmCertificateArn'],
          severity: 'warning',
          messageIncludes: 'deployed in us-east-1',
        },
      ],
    },
    {
      name: 'CloudFront Refs a certificate of the stack, targets without us-east-1: error',
      code: distribution('!Ref SiteCertificate').replace('Resources:\n', `Resources:\n${CERT}`),
      settings: { regions: ['eu-west-1'] },
      errors: [{ severity: 'error' }],
    },
    {
      name: 'JSON: REST domain defaults to EDGE',
      code: restDomain({ CertificateArn: arn('eu-west-1') }),
      errors: [{ path: ['Resources', 'ApiDomain', 'Properties', 'CertificateArn'], line: 7 }],
    },
    {
      name: 'JSON: AppSync domain',
      code: JSON.stringify(
        { Resources: { D: { Type: 'AWS::AppSync::DomainName', Properties: { DomainName: 'g.example.com', CertificateArn: arn('eu-central-1') } } } },
        null,
        2,
      ),
      errors: [{ path: ['Resources', 'D', 'Properties', 'CertificateArn'] }],
    },
    {
      name: 'listener outside the target regions',
      code: listener(arn('us-west-2')),
      settings: { regions: ['eu-west-1'] },
      errors: [
        { path: ['Resources', 'HttpsListener', 'Properties', 'Certificates', 0, 'CertificateArn'], line: 9, severity: 'error', messageIncludes: 'eu-west-1' },
      ],
    },
    {
      name: 'SAM Domain with an EDGE endpoint is global',
      code: samApi(`        EndpointConfiguration: EDGE\n        CertificateArn: ${arn('eu-west-1')}\n`),
      errors: [{ path: ['Resources', 'Api', 'Properties', 'Domain', 'CertificateArn'], line: 10 }],
    },
    {
      name: 'SAM Globals.Api.Domain EDGE endpoint',
      code: `Transform: AWS::Serverless-2016-10-31
Globals:
  Api:
    Domain:
      DomainName: api.example.com
      EndpointConfiguration: EDGE
      CertificateArn: ${arn('eu-west-1')}
Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
`,
      errors: [{ path: ['Globals', 'Api', 'Domain', 'CertificateArn'], line: 7 }],
    },
    {
      name: 'Amplify domain with an eu-west-1 certificate: Amplify takes us-east-1 only',
      code: amplifyDomain(arn('eu-west-1')),
      errors: [
        {
          path: ['Resources', 'AppDomain', 'Properties', 'CertificateSettings', 'CustomCertificateArn'],
          line: 12,
          severity: 'error',
          messageIncludes: 'The Amplify domain CustomCertificateArn takes ACM certificates from us-east-1 only',
        },
      ],
    },
    {
      name: 'Amplify domain Refs a certificate of the stack: warning',
      code: amplifyDomain('!Ref SiteCertificate').replace('Resources:\n', `Resources:\n${CERT}`),
      errors: [{ path: ['Resources', 'AppDomain', 'Properties', 'CertificateSettings', 'CustomCertificateArn'], severity: 'warning' }],
    },
    {
      name: 'CloudFront distribution tenant outside us-east-1',
      code: `Resources:
  Tenant:
    Type: AWS::CloudFront::DistributionTenant
    Properties:
      DistributionId: !ImportValue multi-tenant-distribution
      Name: tenant-a
      Domains: [a.example.com]
      Customizations:
        Certificate:
          Arn: ${arn('eu-west-1')}
`,
      errors: [{ path: ['Resources', 'Tenant', 'Properties', 'Customizations', 'Certificate', 'Arn'], line: 10 }],
    },
    {
      name: 'IoT ServerCertificateArns: the item outside the target regions',
      code: iotDomain(`        - ${arn('eu-west-1')}\n        - ${arn('us-west-2')}\n`),
      settings: { regions: ['eu-west-1'] },
      errors: [
        {
          path: ['Resources', 'DeviceDomain', 'Properties', 'ServerCertificateArns', 1],
          line: 10,
          messageIncludes: 'IoT domain configuration ServerCertificateArns',
        },
      ],
    },
    {
      name: 'JSON: VPC Lattice service certificate outside the target regions',
      code: latticeService(arn('us-east-1')),
      settings: { regions: ['eu-west-1'] },
      errors: [{ path: ['Resources', 'Orders', 'Properties', 'CertificateArn'], severity: 'error', messageIncludes: 'VPC Lattice service CertificateArn' }],
    },
    {
      name: 'Transfer Family server certificate outside the target regions',
      code: `Resources:
  Sftp:
    Type: AWS::Transfer::Server
    Properties:
      Protocols: [FTPS]
      Certificate: ${arn('us-east-1')}
`,
      settings: { regions: ['eu-west-1'] },
      errors: [{ path: ['Resources', 'Sftp', 'Properties', 'Certificate'], line: 6 }],
    },
  ],
});

import { certificateKeyUnsupported } from '../../../../rules/src/rules/certificates/key-unsupported';
import { runRuleTests } from '../../../support/rule-tester';

const withCertificate = (keyAlgorithm: string, consumer: string, head = ''): string => `AWSTemplateFormatVersion: '2010-09-09'
${head}Resources:
  SiteCertificate:
    Type: AWS::CertificateManager::Certificate
    Properties:
      DomainName: cdn.example.com
      ValidationMethod: DNS
${keyAlgorithm ? `      KeyAlgorithm: ${keyAlgorithm}\n` : ''}${consumer}`;

const DISTRIBUTION = `  Distribution:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        ViewerCertificate:
          AcmCertificateArn: !Ref SiteCertificate
          SslSupportMethod: sni-only
          MinimumProtocolVersion: TLSv1.2_2021
`;

const LISTENER = `  HttpsListener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !ImportValue shared-alb
      Port: 443
      Protocol: HTTPS
      Certificates:
        - CertificateArn: !Ref SiteCertificate
`;

const restDomain = (endpoint: string): string => `  ApiDomain:
    Type: AWS::ApiGateway::DomainName
    Properties:
      DomainName: api.example.com
${endpoint}`;

const json = (keyAlgorithm: unknown, params?: object): string =>
  JSON.stringify(
    {
      AWSTemplateFormatVersion: '2010-09-09',
      ...(params ? { Parameters: params } : {}),
      Resources: {
        SiteCertificate: {
          Type: 'AWS::CertificateManager::Certificate',
          Properties: { DomainName: 'cdn.example.com', ValidationMethod: 'DNS', KeyAlgorithm: keyAlgorithm },
        },
        Distribution: {
          Type: 'AWS::CloudFront::Distribution',
          Properties: {
            DistributionConfig: {
              Enabled: true,
              ViewerCertificate: { AcmCertificateArn: { Ref: 'SiteCertificate' }, SslSupportMethod: 'sni-only', MinimumProtocolVersion: 'TLSv1.2_2021' },
            },
          },
        },
      },
    },
    null,
    2,
  );

const LATTICE = `  OrdersService:
    Type: AWS::VpcLattice::Service
    Properties:
      Name: orders
      CustomDomainName: cdn.example.com
      CertificateArn: !Ref SiteCertificate
`;

const TRANSFER = `  FtpsServer:
    Type: AWS::Transfer::Server
    Properties:
      Protocols: [FTPS]
      Certificate: !Ref SiteCertificate
`;

runRuleTests(certificateKeyUnsupported, {
  valid: [
    { name: 'CloudFront, default RSA_2048', code: withCertificate('', DISTRIBUTION) },
    { name: 'CloudFront, EC_prime256v1', code: withCertificate('EC_prime256v1', DISTRIBUTION) },
    { name: 'ALB takes every algorithm ACM issues', code: withCertificate('EC_secp384r1', LISTENER) },
    {
      name: 'regional REST domain: not served by CloudFront',
      code: withCertificate(
        'EC_secp384r1',
        restDomain('      RegionalCertificateArn: !Ref SiteCertificate\n      EndpointConfiguration:\n        Types: [REGIONAL]\n'),
      ),
    },
    { name: 'JSON: CloudFront, RSA_2048', code: json('RSA_2048') },
    { name: 'JSON: KeyAlgorithm unknown', code: json({ 'Fn::ImportValue': 'alg' }) },
    { name: 'JSON: KeyAlgorithm NoValue is the default', code: json({ Ref: 'AWS::NoValue' }) },
    {
      name: 'Fn::If: the EC_secp384r1 branch has no distribution',
      code: withCertificate(
        '!If [Cdn, RSA_2048, EC_secp384r1]',
        DISTRIBUTION.replace('  Distribution:\n', '  Distribution:\n    Condition: Cdn\n'),
        'Conditions:\n  Cdn: !Equals [!Ref AWS::Region, us-east-1]\n',
      ),
    },
    { name: 'VPC Lattice service with the default RSA_2048 certificate', code: withCertificate('', LATTICE) },
    { name: 'VPC Lattice service with RSA_2048', code: withCertificate('RSA_2048', LATTICE) },
    { name: 'Transfer Family server: no documented key limit', code: withCertificate('EC_secp384r1', TRANSFER) },
  ],
  invalid: [
    {
      name: 'CloudFront, EC_secp384r1: on the consumer, related to KeyAlgorithm',
      code: withCertificate('EC_secp384r1', DISTRIBUTION),
      errors: [
        {
          path: ['Resources', 'Distribution', 'Properties', 'DistributionConfig', 'ViewerCertificate', 'AcmCertificateArn'],
          line: 15,
          severity: 'error',
          related: 1,
          messageIncludes: 'EC_secp384r1',
        },
      ],
    },
    {
      name: 'edge REST domain (default endpoint) is served by CloudFront',
      code: withCertificate('EC_secp384r1', restDomain('      CertificateArn: !Ref SiteCertificate\n')),
      errors: [{ path: ['Resources', 'ApiDomain', 'Properties', 'CertificateArn'] }],
    },
    {
      name: 'JSON: KeyAlgorithm from a parameter AllowedValues',
      code: json({ Ref: 'Alg' }, { Alg: { Type: 'String', Default: 'RSA_2048', AllowedValues: ['RSA_2048', 'EC_secp384r1'] } }),
      errors: [{ path: ['Resources', 'Distribution', 'Properties', 'DistributionConfig', 'ViewerCertificate', 'AcmCertificateArn'], related: 1 }],
    },
    {
      name: 'Fn::If in KeyAlgorithm: the bad branch is found',
      code: withCertificate('!If [Small, EC_prime256v1, EC_secp384r1]', DISTRIBUTION, 'Conditions:\n  Small: !Equals [!Ref AWS::Region, us-east-1]\n'),
      errors: [{ messageIncludes: 'EC_secp384r1' }],
    },
    {
      name: 'VPC Lattice service with an EC certificate: RSA_2048 only',
      code: withCertificate('EC_prime256v1', LATTICE),
      errors: [
        {
          path: ['Resources', 'OrdersService', 'Properties', 'CertificateArn'],
          severity: 'error',
          messageIncludes: 'it supports RSA_2048): the deployment fails. Use RSA_2048 for this certificate.',
          related: 1,
        },
      ],
    },
  ],
});

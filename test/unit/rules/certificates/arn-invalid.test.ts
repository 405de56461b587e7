import { certificateArnInvalid } from '../../../../rules/src/rules/certificates/arn-invalid';
import { runRuleTests } from '../../../support/rule-tester';
import { ACM, iotDomain, listener, transferServer } from './fixtures';

const ACM_US = 'arn:aws:acm:us-east-1:123456789012:certificate/6a1c3d2e-8f4b-4e5a-9c7d-0b1e2f3a4b5c';
const IAM = 'arn:aws:iam::123456789012:server-certificate/cloudfront/ev-www-example-com-2025';
const PCA = 'arn:aws:acm-pca:eu-west-1:123456789012:certificate-authority/11112222-3333-4444-5555-666677778888';
/** Parameter Defaults seen in published templates (issue #12). */
const PLACEHOLDERS = ['certificatearn-domainname', 'arn:aws:acm:REGION:ACCOUNT:certificate/ID', 'changeme', '<your-cert-arn>'];

const domain = (props: object, parameters?: object): string =>
  JSON.stringify(
    {
      AWSTemplateFormatVersion: '2010-09-09',
      ...(parameters ? { Parameters: parameters } : {}),
      Resources: { ApiDomain: { Type: 'AWS::ApiGateway::DomainName', Properties: { DomainName: 'api.example.com', ...props } } },
    },
    null,
    2,
  );

const viewer = (cert: string): string => `Resources:
  Distribution:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        ViewerCertificate:
          ${cert}
          SslSupportMethod: sni-only
          MinimumProtocolVersion: TLSv1.2_2021
`;

runRuleTests(certificateArnInvalid, {
  valid: [
    { name: 'ACM ARN on a listener', code: listener(ACM) },
    { name: 'IAM server-certificate ARN (with a path) on a listener', code: listener(IAM) },
    { name: 'aws-cn partition ACM ARN', code: listener('arn:aws-cn:acm:cn-north-1:123456789012:certificate/0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9') },
    { name: 'Sub with variables is unknown', code: listener('!Sub arn:${AWS::Partition}:acm:${AWS::Region}:${AWS::AccountId}:certificate/${CertId}') },
    { name: 'ImportValue is unknown', code: listener('!ImportValue shared-cert') },
    { name: 'Ref to a resource is unknown', code: listener('!Ref Cert') },
    { name: 'SSM dynamic reference is resolved at deploy time', code: listener("'{{resolve:ssm:/certs/www}}'") },
    { name: 'empty parameter Default is a placeholder', code: listener('!Ref CertArn', "Parameters:\n  CertArn:\n    Type: String\n    Default: ''\n") },
    {
      name: 'SSM parameter type is unknown',
      code: listener('!Ref CertArn', 'Parameters:\n  CertArn:\n    Type: AWS::SSM::Parameter::Value<String>\n    Default: /certs/www\n'),
    },
    {
      name: 'NoValue: no certificate in that branch',
      code: listener(`!If [HasCert, ${ACM}, !Ref AWS::NoValue]`, 'Conditions:\n  HasCert: !Equals [!Ref AWS::Region, eu-west-1]\n'),
    },
    { name: 'JSON: regional ACM ARN', code: domain({ RegionalCertificateArn: ACM, EndpointConfiguration: { Types: ['REGIONAL'] } }) },
    { name: 'CloudFront IamCertificateId takes an id', code: viewer('IamCertificateId: ASCAQEXAMPLE7EXAMPLE2') },
    { name: 'CloudFront ACM ARN', code: viewer(`AcmCertificateArn: ${ACM_US}`) },
    {
      name: 'Beanstalk option with a comma-separated list of ARNs',
      code: `Resources:\n  Env:\n    Type: AWS::ElasticBeanstalk::Environment\n    Properties:\n      ApplicationName: shop\n      OptionSettings:\n        - Namespace: aws:elbv2:listener:443\n          OptionName: SSLCertificateArns\n          Value: ${ACM},${IAM}\n`,
    },
    { name: 'Transfer Family server with an ACM ARN', code: transferServer(ACM) },
    { name: 'IoT ServerCertificateArns with ACM ARNs', code: iotDomain(`        - ${ACM}\n        - ${ACM_US}\n`) },
  ],
  invalid: [
    {
      name: 'Private CA ARN instead of a certificate ARN',
      code: listener(PCA),
      errors: [
        { path: ['Resources', 'HttpsListener', 'Properties', 'Certificates', 0, 'CertificateArn'], line: 10, severity: 'error', messageIncludes: 'Private CA' },
      ],
    },
    {
      name: 'JSON: bare certificate id',
      code: domain({ RegionalCertificateArn: '6a1c3d2e-8f4b-4e5a-9c7d-0b1e2f3a4b5c', EndpointConfiguration: { Types: ['REGIONAL'] } }),
      errors: [{ path: ['Resources', 'ApiDomain', 'Properties', 'RegionalCertificateArn'], line: 8, messageIncludes: 'full ARN' }],
    },
    {
      name: 'IAM ARN where only ACM is accepted',
      code: viewer(`AcmCertificateArn: ${IAM}`),
      errors: [
        {
          path: ['Resources', 'Distribution', 'Properties', 'DistributionConfig', 'ViewerCertificate', 'AcmCertificateArn'],
          line: 8,
          messageIncludes: 'ACM certificates only',
        },
      ],
    },
    {
      name: 'ARN in IamCertificateId',
      code: viewer(`IamCertificateId: ${IAM}`),
      errors: [{ messageIncludes: 'IAM server certificate ID' }],
    },
    {
      name: 'malformed ACM ARN (11-digit account)',
      code: listener('arn:aws:acm:eu-west-1:12345678901:certificate/6a1c3d2e-8f4b-4e5a-9c7d-0b1e2f3a4b5c'),
      errors: [{ messageIncludes: '12-digit account' }],
    },
    {
      name: 'JSON: parameter Default that is not an ARN: a warning (the deployer passes the value), related at the Default',
      code: domain({ CertificateArn: { Ref: 'CertArn' } }, { CertArn: { Type: 'String', Default: 'www.example.com' } }),
      errors: [
        {
          path: ['Resources', 'ApiDomain', 'Properties', 'CertificateArn'],
          severity: 'warning',
          related: 1,
          messageIncludes: 'not an ARN; the property takes',
        },
      ],
    },
    {
      name: 'bad AllowedValues entry: a warning',
      code: listener('!Ref CertArn', `Parameters:\n  CertArn:\n    Type: String\n    Default: ${ACM}\n    AllowedValues: [${ACM}, ${PCA}]\n`),
      errors: [
        {
          path: ['Resources', 'HttpsListener', 'Properties', 'Certificates', 0, 'CertificateArn'],
          severity: 'warning',
          related: 1,
          messageIncludes: 'A deployment that passes it fails',
        },
      ],
    },
    ...PLACEHOLDERS.map((value) => ({
      name: `placeholder Default ${value}: a warning that says so`,
      code: listener('!Ref CertArn', `Parameters:\n  CertArn:\n    Type: String\n    Default: '${value}'\n`),
      errors: [
        {
          path: ['Resources', 'HttpsListener', 'Properties', 'Certificates', 0, 'CertificateArn'],
          severity: 'warning' as const,
          related: 1,
          messageIncludes: 'looks like a placeholder; pass the certificate ARN when deploying',
        },
      ],
    })),
    {
      name: 'JSON: placeholder Default on CloudFront',
      code: JSON.stringify(
        {
          Parameters: { CertArn: { Type: 'String', Default: '<your-cert-arn>' } },
          Resources: {
            Distribution: {
              Type: 'AWS::CloudFront::Distribution',
              Properties: {
                DistributionConfig: {
                  Enabled: true,
                  ViewerCertificate: { AcmCertificateArn: { Ref: 'CertArn' }, SslSupportMethod: 'sni-only', MinimumProtocolVersion: 'TLSv1.2_2021' },
                },
              },
            },
          },
        },
        null,
        2,
      ),
      errors: [
        {
          path: ['Resources', 'Distribution', 'Properties', 'DistributionConfig', 'ViewerCertificate', 'AcmCertificateArn'],
          severity: 'warning',
          messageIncludes: 'looks like a placeholder',
        },
      ],
    },
    {
      name: 'placeholder in AllowedValues: a warning naming AllowedValues',
      code: listener('!Ref CertArn', `Parameters:\n  CertArn:\n    Type: String\n    AllowedValues: [changeme, ${ACM}]\n`),
      errors: [{ severity: 'warning', messageIncludes: 'List real certificate ARNs in AllowedValues' }],
    },
    {
      name: 'a placeholder written in place stays an error',
      code: listener('changeme'),
      errors: [
        { path: ['Resources', 'HttpsListener', 'Properties', 'Certificates', 0, 'CertificateArn'], severity: 'error', messageIncludes: 'CloudFormation fails' },
      ],
    },
    {
      name: 'a mapping value is deployed as written: an error',
      code: listener('!FindInMap [Certs, prod, Arn]', 'Mappings:\n  Certs:\n    prod:\n      Arn: changeme\n'),
      errors: [{ severity: 'error', related: 1 }],
    },
    {
      name: 'Fn::If: a literal in one branch (error), a placeholder Default in the other (warning), each on its branch',
      code: listener(
        '!If [HasCert, not-an-arn, !Ref CertArn]',
        'Parameters:\n  CertArn:\n    Type: String\n    Default: changeme\nConditions:\n  HasCert: !Equals [!Ref AWS::Region, eu-west-1]\n',
      ),
      errors: [
        { path: ['Resources', 'HttpsListener', 'Properties', 'Certificates', 0, 'CertificateArn', 'Fn::If', 1], severity: 'error' },
        {
          path: ['Resources', 'HttpsListener', 'Properties', 'Certificates', 0, 'CertificateArn', 'Fn::If', 2],
          severity: 'warning',
          messageIncludes: 'placeholder',
        },
      ],
    },
    {
      name: 'Fn::If branch',
      code: listener(`!If [HasCert, ${ACM}, not-an-arn]`, 'Conditions:\n  HasCert: !Equals [!Ref AWS::Region, eu-west-1]\n'),
      errors: [{ path: ['Resources', 'HttpsListener', 'Properties', 'Certificates', 0, 'CertificateArn', 'Fn::If', 2], line: 12 }],
    },
    {
      name: 'Sub without variables is its string',
      code: listener('!Sub arn:aws:acm:eu-west-1:123456789012:certificate/'),
      errors: [{ line: 10 }],
    },
    {
      name: 'SAM Globals.Api.Domain',
      code: `Transform: AWS::Serverless-2016-10-31
Globals:
  Api:
    Domain:
      DomainName: api.example.com
      CertificateArn: ${PCA}
Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
`,
      errors: [{ path: ['Globals', 'Api', 'Domain', 'CertificateArn'], line: 6, resource: null }],
    },
    {
      name: 'Transfer Family Certificate: an IAM server certificate is refused (ACM only)',
      code: transferServer(IAM),
      errors: [
        {
          path: ['Resources', 'FtpsServer', 'Properties', 'Certificate'],
          line: 7,
          severity: 'error',
          messageIncludes: 'The Transfer Family server Certificate',
        },
      ],
    },
    {
      name: 'IoT ServerCertificateArns: the item that is a Private CA ARN',
      code: iotDomain(`        - ${ACM}\n        - ${PCA}\n`),
      errors: [{ path: ['Resources', 'DeviceDomain', 'Properties', 'ServerCertificateArns', 1], line: 10, messageIncludes: 'ACM Private CA ARN' }],
    },
    {
      name: 'JSON: VPC Lattice service with a bare certificate id',
      code: JSON.stringify(
        { Resources: { Orders: { Type: 'AWS::VpcLattice::Service', Properties: { Name: 'orders', CertificateArn: '6a1c3d2e-8f4b-4e5a-9c7d-0b1e2f3a4b5c' } } } },
        null,
        2,
      ),
      errors: [{ path: ['Resources', 'Orders', 'Properties', 'CertificateArn'], messageIncludes: 'bare certificate id' }],
    },
    {
      name: 'Amplify CustomCertificateArn: placeholder Default is a warning',
      code: `Parameters:
  CertArn:
    Type: String
    Default: changeme
Resources:
  AppDomain:
    Type: AWS::Amplify::Domain
    Properties:
      AppId: !ImportValue amplify-app
      DomainName: example.com
      SubDomainSettings: [{BranchName: main, Prefix: www}]
      CertificateSettings:
        CertificateType: CUSTOM
        CustomCertificateArn: !Ref CertArn
`,
      errors: [
        { path: ['Resources', 'AppDomain', 'Properties', 'CertificateSettings', 'CustomCertificateArn'], severity: 'warning', messageIncludes: 'placeholder' },
      ],
    },
  ],
});

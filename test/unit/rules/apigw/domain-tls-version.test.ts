import { apigwDomainTlsVersion } from '../../../../rules/src/rules/apigw/domain-tls-version';
import { runRuleTests } from '../../../support/rule-tester';

const rest = (props: string): string => `AWSTemplateFormatVersion: '2010-09-09'
Conditions:
  Legacy: !Equals [!Ref AWS::Region, eu-west-1]
Resources:
  ApiDomain:
    Type: AWS::ApiGateway::DomainName
    Properties:
      DomainName: api.example.com
      RegionalCertificateArn: arn:aws:acm:eu-west-1:123456789012:certificate/12345678-1234-1234-1234-123456789012
      EndpointConfiguration:
        Types: [REGIONAL]
${props}
`;

const v2 = (config: string): string => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  HttpDomain:
    Type: AWS::ApiGatewayV2::DomainName
    Properties:
      DomainName: events.example.com
      DomainNameConfigurations:
        - CertificateArn: arn:aws:acm:eu-west-1:123456789012:certificate/12345678-1234-1234-1234-123456789012
          EndpointType: REGIONAL
${config}
`;

const sam = (domain: string, globals = ''): string => `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
${globals}Resources:
  OrdersApi:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
${domain}
`;

const parameterTemplate = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  DomainPolicy:
    Type: String
    Default: TLS_1_2
    AllowedValues: [TLS_1_0, TLS_1_2]
Resources:
  ApiDomain:
    Type: AWS::ApiGateway::DomainName
    Properties:
      DomainName: api.example.com
      CertificateArn: arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012
      SecurityPolicy: !Ref DomainPolicy
`;

const json = (policy: string | undefined): string =>
  JSON.stringify(
    {
      AWSTemplateFormatVersion: '2010-09-09',
      Resources: {
        ApiDomain: {
          Type: 'AWS::ApiGateway::DomainName',
          Properties: {
            DomainName: 'api.example.com',
            RegionalCertificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/12345678-1234-1234-1234-123456789012',
            EndpointConfiguration: { Types: ['REGIONAL'] },
            ...(policy === undefined ? {} : { SecurityPolicy: policy }),
          },
        },
      },
    },
    null,
    2,
  ) + '\n';

runRuleTests(apigwDomainTlsVersion, {
  valid: [
    { name: 'TLS_1_2', code: rest('      SecurityPolicy: TLS_1_2') },
    { name: 'enhanced TLS 1.3 policy is strong', code: rest('      SecurityPolicy: SecurityPolicy_TLS13_1_3_2025_09\n      EndpointAccessMode: STRICT') },
    { name: 'enhanced edge policy is strong', code: rest('      SecurityPolicy: SecurityPolicy_TLS12_2018_EDGE') },
    { name: 'unknown name is not this rule', code: rest('      SecurityPolicy: TLS_1_1') },
    { name: 'GetAtt value is unknown', code: rest('      SecurityPolicy: !GetAtt Settings.Policy') },
    { name: 'ImportValue is unknown', code: rest('      SecurityPolicy: !ImportValue shared-policy') },
    { name: 'DomainNameV2 with TLS_1_2', code: rest('      SecurityPolicy: TLS_1_2').replace('AWS::ApiGateway::DomainName', 'AWS::ApiGateway::DomainNameV2') },
    { name: 'ApiGatewayV2 configuration with TLS_1_2', code: v2('          SecurityPolicy: TLS_1_2') },
    { name: 'SAM Domain with TLS_1_2', code: sam('      Domain:\n        DomainName: orders.example.com\n        CertificateArn: arn:aws:acm:eu-west-1:123456789012:certificate/1\n        SecurityPolicy: TLS_1_2') },
    { name: 'SAM Api without Domain has no custom domain', code: sam('      Description: no domain') },
    {
      name: 'SAM Domain inherits SecurityPolicy from Globals.Api.Domain',
      code: sam('      Domain:\n        DomainName: orders.example.com\n        CertificateArn: arn:aws:acm:eu-west-1:123456789012:certificate/1', 'Globals:\n  Api:\n    Domain:\n      SecurityPolicy: TLS_1_2\n'),
    },
    {
      name: 'SAM resource SecurityPolicy wins over Globals',
      code: sam('      Domain:\n        DomainName: orders.example.com\n        CertificateArn: arn\n        SecurityPolicy: TLS_1_2', 'Globals:\n  Api:\n    Domain:\n      DomainName: x.example.com\n      CertificateArn: arn\n      SecurityPolicy: TLS_1_0\n'),
    },
    {
      name: 'Globals.Api.Domain with no API at all is inert',
      code: "AWSTemplateFormatVersion: '2010-09-09'\nTransform: AWS::Serverless-2016-10-31\nGlobals:\n  Api:\n    Domain:\n      DomainName: x.example.com\n      CertificateArn: arn\n      SecurityPolicy: TLS_1_0\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: app.handler\n      Runtime: python3.12\n      CodeUri: src/\n",
    },
    { name: 'JSON TLS_1_2', code: json('TLS_1_2') },
  ],
  invalid: [
    {
      name: 'TLS_1_0 on a REST domain',
      code: rest('      SecurityPolicy: TLS_1_0'),
      errors: [{ path: ['Resources', 'ApiDomain', 'Properties', 'SecurityPolicy'], line: 12, severity: 'warning', resource: 'ApiDomain', messageIncludes: 'TLS 1.0', fixes: 1 }],
      output: rest('      SecurityPolicy: TLS_1_2'),
    },
    {
      name: 'no SecurityPolicy: info on the Properties key',
      code: rest('      Tags: []'),
      errors: [{ path: ['Resources', 'ApiDomain', 'Properties'], line: 7, severity: 'info', messageIncludes: 'TLS_1_0', fixes: 1 }],
      output: rest('      Tags: []\n      SecurityPolicy: TLS_1_2'),
    },
    {
      name: 'AWS::NoValue makes it absent',
      code: rest('      SecurityPolicy: !Ref AWS::NoValue'),
      errors: [{ path: ['Resources', 'ApiDomain', 'Properties'], severity: 'info' }],
    },
    {
      name: 'Fn::If branch: the range covers the written branch',
      code: rest('      SecurityPolicy: !If [Legacy, TLS_1_0, TLS_1_2]'),
      errors: [{ path: ['Resources', 'ApiDomain', 'Properties', 'SecurityPolicy', 'Fn::If', 1], line: 12 }],
      output: rest('      SecurityPolicy: !If [Legacy, TLS_1_2, TLS_1_2]'),
    },
    {
      name: 'Fn::If with NoValue: warning in neither branch, info where it is absent',
      code: rest('      SecurityPolicy: !If [Legacy, !Ref AWS::NoValue, TLS_1_2]'),
      errors: [{ path: ['Resources', 'ApiDomain', 'Properties'], severity: 'info' }],
    },
    {
      name: 'AllowedValues entry TLS_1_0: on the property, related info, fix edits the parameter',
      code: parameterTemplate,
      errors: [{ path: ['Resources', 'ApiDomain', 'Properties', 'SecurityPolicy'], line: 13, related: 1, fixes: 1 }],
      output: parameterTemplate.replace('AllowedValues: [TLS_1_0, TLS_1_2]', 'AllowedValues: [TLS_1_2, TLS_1_2]'),
    },
    {
      name: 'parameter Default TLS_1_0',
      code: parameterTemplate.replace('Default: TLS_1_2', 'Default: TLS_1_0').replace('    AllowedValues: [TLS_1_0, TLS_1_2]\n', ''),
      errors: [{ path: ['Resources', 'ApiDomain', 'Properties', 'SecurityPolicy'], related: 1 }],
      output: parameterTemplate.replace('    AllowedValues: [TLS_1_0, TLS_1_2]\n', ''),
    },
    {
      name: 'DomainNameV2 TLS_1_0',
      code: rest('      SecurityPolicy: TLS_1_0').replace('AWS::ApiGateway::DomainName', 'AWS::ApiGateway::DomainNameV2'),
      errors: [{ path: ['Resources', 'ApiDomain', 'Properties', 'SecurityPolicy'] }],
    },
    {
      name: 'ApiGatewayV2 configuration TLS_1_0',
      code: v2('          SecurityPolicy: TLS_1_0'),
      errors: [{ path: ['Resources', 'HttpDomain', 'Properties', 'DomainNameConfigurations', 0, 'SecurityPolicy'], line: 10, severity: 'warning' }],
      output: v2('          SecurityPolicy: TLS_1_2'),
    },
    {
      name: 'ApiGatewayV2 configuration without SecurityPolicy: info on the item',
      code: v2(''),
      errors: [{ path: ['Resources', 'HttpDomain', 'Properties', 'DomainNameConfigurations', 0], line: 8, severity: 'info' }],
    },
    {
      name: 'SAM Api Domain TLS_1_0',
      code: sam('      Domain:\n        DomainName: orders.example.com\n        CertificateArn: arn:aws:acm:eu-west-1:123456789012:certificate/1\n        SecurityPolicy: TLS_1_0'),
      errors: [{ path: ['Resources', 'OrdersApi', 'Properties', 'Domain', 'SecurityPolicy'], line: 11, resource: 'OrdersApi' }],
      output: sam('      Domain:\n        DomainName: orders.example.com\n        CertificateArn: arn:aws:acm:eu-west-1:123456789012:certificate/1\n        SecurityPolicy: TLS_1_2'),
    },
    {
      name: 'SAM Domain without SecurityPolicy: info on the Domain key',
      code: sam('      Domain:\n        DomainName: orders.example.com\n        CertificateArn: arn:aws:acm:eu-west-1:123456789012:certificate/1'),
      errors: [{ path: ['Resources', 'OrdersApi', 'Properties', 'Domain'], line: 8, severity: 'info' }],
      output: sam('      Domain:\n        DomainName: orders.example.com\n        CertificateArn: arn:aws:acm:eu-west-1:123456789012:certificate/1\n        SecurityPolicy: TLS_1_2'),
    },
    {
      name: 'SAM HttpApi Domain TLS_1_0',
      code: sam('      Domain:\n        DomainName: hooks.example.com\n        CertificateArn: arn\n        SecurityPolicy: TLS_1_0').replace('AWS::Serverless::Api', 'AWS::Serverless::HttpApi'),
      errors: [{ path: ['Resources', 'OrdersApi', 'Properties', 'Domain', 'SecurityPolicy'] }],
    },
    {
      name: 'TLS_1_0 in Globals.Api.Domain: one finding on Globals for every API that takes it',
      code: sam(
        '      Domain:\n        DomainName: orders.example.com\n        CertificateArn: arn\n  OtherApi:\n    Type: AWS::Serverless::Api\n    Properties:\n      StageName: prod\n      Domain:\n        DomainName: other.example.com\n        CertificateArn: arn',
        'Globals:\n  Api:\n    Domain:\n      SecurityPolicy: TLS_1_0\n',
      ),
      errors: [{ path: ['Globals', 'Api', 'Domain', 'SecurityPolicy'], line: 6, resource: null }],
    },
    {
      name: 'Globals.HttpApi.Domain of an implicit HTTP API',
      code: "AWSTemplateFormatVersion: '2010-09-09'\nTransform: AWS::Serverless-2016-10-31\nGlobals:\n  HttpApi:\n    Domain:\n      DomainName: hooks.example.com\n      CertificateArn: arn\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: app.handler\n      Runtime: python3.12\n      CodeUri: src/\n      Events:\n        Hook:\n          Type: HttpApi\n          Properties:\n            Path: /hook\n            Method: post\n",
      errors: [{ path: ['Globals', 'HttpApi', 'Domain'], line: 5, severity: 'info' }],
    },
    {
      name: 'JSON TLS_1_0',
      code: json('TLS_1_0'),
      errors: [{ path: ['Resources', 'ApiDomain', 'Properties', 'SecurityPolicy'], line: 14 }],
      output: json('TLS_1_2'),
    },
    {
      name: 'JSON without SecurityPolicy',
      code: json(undefined),
      errors: [{ path: ['Resources', 'ApiDomain', 'Properties'], line: 6, severity: 'info' }],
      output: json('TLS_1_2'),
    },
    {
      name: 'recommendedPolicies.apigw is what the fix writes',
      code: rest('      SecurityPolicy: TLS_1_0'),
      settings: { recommendedPolicies: { apigw: 'SecurityPolicy_TLS13_1_2_2021_06' } },
      errors: [{ messageIncludes: 'SecurityPolicy_TLS13_1_2_2021_06' }],
    },
  ],
});

import { apigwDomainTlsVersion } from '../../../../rules/src/rules/apigw/domain-tls-version';
import type { Path } from '../../../../rules/src/parse/source-tree';
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

/** A v2 domain without SecurityPolicy and the given APIs and mappings (YAML resources). */
const mapped = (resources: string, parameters = ''): string => `AWSTemplateFormatVersion: '2010-09-09'
${parameters}Resources:
  EventsDomain:
    Type: AWS::ApiGatewayV2::DomainName
    Properties:
      DomainName: events.example.com
      DomainNameConfigurations:
        - CertificateArn: arn:aws:acm:eu-west-1:123456789012:certificate/12345678-1234-1234-1234-123456789012
          EndpointType: REGIONAL
${resources}`;

const api = (id: string, protocol: string): string =>
  `  ${id}:\n    Type: AWS::ApiGatewayV2::Api\n    Properties:\n      Name: ${id}\n      ProtocolType: ${protocol}\n`;
const restApi = (id: string): string => `  ${id}:\n    Type: AWS::ApiGateway::RestApi\n    Properties:\n      Name: ${id}\n`;
const mapping = (id: string, apiId: string, domain = '!Ref EventsDomain'): string =>
  `  ${id}:\n    Type: AWS::ApiGatewayV2::ApiMapping\n    Properties:\n      DomainName: ${domain}\n      ApiId: ${apiId}\n      Stage: $default\n`;
const basePath = (id: string, restApiId: string): string =>
  `  ${id}:\n    Type: AWS::ApiGateway::BasePathMapping\n    Properties:\n      DomainName: !Ref EventsDomain\n      RestApiId: ${restApiId}\n      BasePath: v1\n`;
const V2_CONFIG: Path = ['Resources', 'EventsDomain', 'Properties', 'DomainNameConfigurations', 0];

const mappedJson = (resources: Record<string, unknown>): string =>
  JSON.stringify(
    {
      AWSTemplateFormatVersion: '2010-09-09',
      Resources: {
        EventsDomain: {
          Type: 'AWS::ApiGatewayV2::DomainName',
          Properties: {
            DomainName: 'events.example.com',
            DomainNameConfigurations: [
              { CertificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/12345678-1234-1234-1234-123456789012', EndpointType: 'REGIONAL' },
            ],
          },
        },
        ...resources,
      },
    },
    null,
    2,
  ) + '\n';

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
    {
      name: 'SAM Domain with TLS_1_2',
      code: sam(
        '      Domain:\n        DomainName: orders.example.com\n        CertificateArn: arn:aws:acm:eu-west-1:123456789012:certificate/1\n        SecurityPolicy: TLS_1_2',
      ),
    },
    { name: 'SAM Api without Domain has no custom domain', code: sam('      Description: no domain') },
    {
      name: 'SAM Domain inherits SecurityPolicy from Globals.Api.Domain',
      code: sam(
        '      Domain:\n        DomainName: orders.example.com\n        CertificateArn: arn:aws:acm:eu-west-1:123456789012:certificate/1',
        'Globals:\n  Api:\n    Domain:\n      SecurityPolicy: TLS_1_2\n',
      ),
    },
    {
      name: 'SAM resource SecurityPolicy wins over Globals',
      code: sam(
        '      Domain:\n        DomainName: orders.example.com\n        CertificateArn: arn\n        SecurityPolicy: TLS_1_2',
        'Globals:\n  Api:\n    Domain:\n      DomainName: x.example.com\n      CertificateArn: arn\n      SecurityPolicy: TLS_1_0\n',
      ),
    },
    {
      name: 'Globals.Api.Domain with no API at all is inert',
      code: "AWSTemplateFormatVersion: '2010-09-09'\nTransform: AWS::Serverless-2016-10-31\nGlobals:\n  Api:\n    Domain:\n      DomainName: x.example.com\n      CertificateArn: arn\n      SecurityPolicy: TLS_1_0\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: app.handler\n      Runtime: python3.12\n      CodeUri: src/\n",
    },
    { name: 'JSON TLS_1_2', code: json('TLS_1_2') },
    // No SecurityPolicy on a v2 domain that serves only HTTP/WebSocket APIs: they negotiate TLS 1.2 anyway.
    { name: 'v2 domain, its only mapping an HTTP API', code: mapped(api('HttpApi', 'HTTP') + mapping('Mapping', '!Ref HttpApi')) },
    { name: 'v2 domain, its only mapping a WebSocket API', code: mapped(api('Socket', 'WEBSOCKET') + mapping('Mapping', '!Ref Socket')) },
    {
      name: 'v2 domain mapped by its name written in the mapping',
      code: mapped(api('HttpApi', 'HTTP') + mapping('Mapping', '!Ref HttpApi', 'Events.Example.com')),
    },
    {
      name: 'v2 domain mapped to a SAM HttpApi',
      code: mapped(`  Hooks:\n    Type: AWS::Serverless::HttpApi\n    Properties: {}\n${mapping('Mapping', '!Ref Hooks')}`),
    },
    {
      name: 'v2 domain mapped to an API imported from OpenAPI (HTTP only)',
      code: mapped(
        `  Imported:\n    Type: AWS::ApiGatewayV2::Api\n    Properties:\n      BodyS3Location: {Bucket: specs, Key: api.yaml}\n${mapping('Mapping', '!Ref Imported')}`,
      ),
    },
    {
      name: 'v2 domain, HTTP and WebSocket mappings',
      code: mapped(api('HttpApi', 'HTTP') + api('Socket', 'WEBSOCKET') + mapping('Http', '!Ref HttpApi') + mapping('Ws', '!Ref Socket')),
    },
    {
      name: 'ProtocolType from a parameter allowing HTTP or WEBSOCKET',
      code: mapped(
        api('HttpApi', '!Ref Protocol') + mapping('Mapping', '!Ref HttpApi'),
        'Parameters:\n  Protocol:\n    Type: String\n    Default: HTTP\n    AllowedValues: [HTTP, WEBSOCKET]\n',
      ),
    },
    {
      name: 'a REST mapping of another domain does not count',
      code: mapped(
        api('HttpApi', 'HTTP') +
          restApi('Rest') +
          mapping('Mapping', '!Ref HttpApi') +
          mapping('Other', '!Ref Rest', '!Ref OtherDomain') +
          '  OtherDomain:\n    Type: AWS::ApiGatewayV2::DomainName\n    Properties:\n      DomainName: other.example.com\n      DomainNameConfigurations:\n        - CertificateArn: arn\n          SecurityPolicy: TLS_1_2\n',
      ),
    },
    {
      name: 'JSON: v2 domain, its only mapping an HTTP API',
      code: mappedJson({
        HttpApi: { Type: 'AWS::ApiGatewayV2::Api', Properties: { Name: 'events', ProtocolType: 'HTTP' } },
        Mapping: { Type: 'AWS::ApiGatewayV2::ApiMapping', Properties: { DomainName: { Ref: 'EventsDomain' }, ApiId: { Ref: 'HttpApi' }, Stage: '$default' } },
      }),
    },
    {
      name: 'SAM HttpApi Domain without SecurityPolicy (SAM maps it to that HTTP API)',
      code: sam('      Domain:\n        DomainName: hooks.example.com\n        CertificateArn: arn').replace(
        'AWS::Serverless::Api',
        'AWS::Serverless::HttpApi',
      ),
    },
    {
      name: 'Globals.HttpApi.Domain of an implicit HTTP API',
      code: "AWSTemplateFormatVersion: '2010-09-09'\nTransform: AWS::Serverless-2016-10-31\nGlobals:\n  HttpApi:\n    Domain:\n      DomainName: hooks.example.com\n      CertificateArn: arn\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: app.handler\n      Runtime: python3.12\n      CodeUri: src/\n      Events:\n        Hook:\n          Type: HttpApi\n          Properties:\n            Path: /hook\n            Method: post\n",
    },
  ],
  invalid: [
    {
      name: 'TLS_1_0 on a REST domain',
      code: rest('      SecurityPolicy: TLS_1_0'),
      errors: [
        {
          path: ['Resources', 'ApiDomain', 'Properties', 'SecurityPolicy'],
          line: 12,
          severity: 'warning',
          resource: 'ApiDomain',
          messageIncludes: 'TLS 1.0',
          fixes: 1,
        },
      ],
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
      // On the AWS::NoValue branch; the fix sets only it, the other scenario keeps its policy.
      errors: [
        { path: ['Resources', 'ApiDomain', 'Properties', 'SecurityPolicy', 'Fn::If', 1], severity: 'info', messageIncludes: '(when Legacy is true)', fixes: 1 },
      ],
      output: rest('      SecurityPolicy: !If [Legacy, TLS_1_2, TLS_1_2]'),
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
      code: sam(
        '      Domain:\n        DomainName: orders.example.com\n        CertificateArn: arn:aws:acm:eu-west-1:123456789012:certificate/1\n        SecurityPolicy: TLS_1_0',
      ),
      errors: [{ path: ['Resources', 'OrdersApi', 'Properties', 'Domain', 'SecurityPolicy'], line: 11, resource: 'OrdersApi' }],
      output: sam(
        '      Domain:\n        DomainName: orders.example.com\n        CertificateArn: arn:aws:acm:eu-west-1:123456789012:certificate/1\n        SecurityPolicy: TLS_1_2',
      ),
    },
    {
      name: 'SAM Domain without SecurityPolicy: info on the Domain key',
      code: sam('      Domain:\n        DomainName: orders.example.com\n        CertificateArn: arn:aws:acm:eu-west-1:123456789012:certificate/1'),
      errors: [{ path: ['Resources', 'OrdersApi', 'Properties', 'Domain'], line: 8, severity: 'info' }],
      output: sam(
        '      Domain:\n        DomainName: orders.example.com\n        CertificateArn: arn:aws:acm:eu-west-1:123456789012:certificate/1\n        SecurityPolicy: TLS_1_2',
      ),
    },
    {
      name: 'SAM HttpApi Domain TLS_1_0',
      code: sam('      Domain:\n        DomainName: hooks.example.com\n        CertificateArn: arn\n        SecurityPolicy: TLS_1_0').replace(
        'AWS::Serverless::Api',
        'AWS::Serverless::HttpApi',
      ),
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
    // Info stays where the template does not show only HTTP/WebSocket APIs on the domain.
    {
      name: 'v2 domain mapped to a REST API',
      code: mapped(restApi('Rest') + mapping('Mapping', '!Ref Rest')),
      errors: [{ path: V2_CONFIG, severity: 'info' }],
    },
    {
      name: 'v2 domain: an HTTP mapping and a REST base path mapping',
      code: mapped(api('HttpApi', 'HTTP') + restApi('Rest') + mapping('Mapping', '!Ref HttpApi') + basePath('Legacy', '!Ref Rest')),
      errors: [{ path: V2_CONFIG, severity: 'info', fixes: 1 }],
    },
    {
      name: 'v2 domain mapped to an API outside the template',
      code: mapped(mapping('Mapping', '!ImportValue events-api-id')),
      errors: [{ path: V2_CONFIG, severity: 'info' }],
    },
    {
      name: 'v2 domain: a mapping whose domain is not knowable may map a REST API',
      code: mapped(api('HttpApi', 'HTTP') + mapping('Mapping', '!Ref HttpApi') + mapping('Shared', '!ImportValue rest-api-id', '!ImportValue shared-domain')),
      errors: [{ path: V2_CONFIG, severity: 'info' }],
    },
    {
      name: 'v2 domain: ProtocolType not knowable',
      code: mapped(api('HttpApi', '!ImportValue protocol') + mapping('Mapping', '!Ref HttpApi')),
      errors: [{ path: V2_CONFIG, severity: 'info' }],
    },
    {
      name: 'v2 domain mapped to a SAM Api (REST)',
      code: mapped(`  Orders:\n    Type: AWS::Serverless::Api\n    Properties:\n      StageName: prod\n${mapping('Mapping', '!Ref Orders')}`),
      errors: [{ path: V2_CONFIG, severity: 'info' }],
    },
    {
      name: 'explicit TLS_1_0 stays a warning on an HTTP-only domain',
      code: mapped(api('HttpApi', 'HTTP') + mapping('Mapping', '!Ref HttpApi')).replace(
        '          EndpointType: REGIONAL\n',
        '          EndpointType: REGIONAL\n          SecurityPolicy: TLS_1_0\n',
      ),
      errors: [{ path: [...V2_CONFIG, 'SecurityPolicy'], severity: 'warning' }],
    },
    {
      name: 'a REST DomainName with an HTTP API mapping keeps the info (it can serve REST APIs)',
      code: rest('      Tags: []') + api('HttpApi', 'HTTP') + mapping('Mapping', '!Ref HttpApi', '!Ref ApiDomain'),
      errors: [{ path: ['Resources', 'ApiDomain', 'Properties'], severity: 'info' }],
    },
    {
      name: 'JSON: v2 domain mapped to a REST API by a base path mapping',
      code: mappedJson({
        Rest: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: 'orders' } },
        Legacy: { Type: 'AWS::ApiGateway::BasePathMapping', Properties: { DomainName: { Ref: 'EventsDomain' }, RestApiId: { Ref: 'Rest' } } },
      }),
      errors: [{ path: V2_CONFIG, line: 9, severity: 'info' }],
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

import { apigwDefaultEndpointBypass } from '../../../../rules/src/rules/apigw/default-endpoint-bypass';
import { strict as assert } from 'assert';
import { lintWith, runRuleTests } from '../../../support/rule-tester';

const HEAD = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  DisableDefault:
    Type: String
    Default: 'true'
    AllowedValues: ['true', 'false']
Conditions:
  Strict: !Equals [!Ref AWS::Region, eu-west-1]
Resources:
`;

/** A REST API (properties after Name), a regional custom domain (its extra properties) and the base path mapping between them. */
const rest = (
  apiProps = '',
  domainProps = '      SecurityPolicy: TLS_1_2\n',
  mapping = '      DomainName: !Ref ApiDomain\n      RestApiId: !Ref Api\n',
): string => `${HEAD}  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: orders
${apiProps}  ApiDomain:
    Type: AWS::ApiGateway::DomainName
    Properties:
      DomainName: api.example.com
      RegionalCertificateArn: arn:aws:acm:eu-west-1:123456789012:certificate/12345678-1234-1234-1234-123456789012
      EndpointConfiguration:
        Types: [REGIONAL]
${domainProps}  Mapping:
    Type: AWS::ApiGateway::BasePathMapping
    Properties:
${mapping}`;

/** An HTTP API mapped to a v2 domain. */
const http = (apiProps = '', domainProps = ''): string => `${HEAD}  HttpApi:
    Type: AWS::ApiGatewayV2::Api
    Properties:
      Name: events
      ProtocolType: HTTP
${apiProps}  HttpDomain:
    Type: AWS::ApiGatewayV2::DomainName
    Properties:
      DomainName: events.example.com
      DomainNameConfigurations:
        - CertificateArn: arn:aws:acm:eu-west-1:123456789012:certificate/12345678-1234-1234-1234-123456789012
          SecurityPolicy: TLS_1_2
${domainProps}  HttpMapping:
    Type: AWS::ApiGatewayV2::ApiMapping
    Properties:
      DomainName: !Ref HttpDomain
      ApiId: !Ref HttpApi
      Stage: $default
`;

const MTLS = '      MutualTlsAuthentication:\n        TruststoreUri: s3://acme-trust/ca.pem\n';

const sam = (apiProps: string): string => `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  SamApi:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      Domain:
        DomainName: api.example.com
        CertificateArn: arn:aws:acm:eu-west-1:123456789012:certificate/12345678-1234-1234-1234-123456789012
        EndpointConfiguration: REGIONAL
        SecurityPolicy: TLS_1_2
${apiProps}`;

const json = (api: Record<string, unknown>): string =>
  JSON.stringify(
    {
      Resources: {
        Api: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: 'orders', ...api } },
        ApiDomain: {
          Type: 'AWS::ApiGateway::DomainName',
          Properties: {
            DomainName: 'api.example.com',
            RegionalCertificateArn: 'arn',
            EndpointConfiguration: { Types: ['REGIONAL'] },
            SecurityPolicy: 'TLS_1_2',
          },
        },
        Mapping: { Type: 'AWS::ApiGateway::BasePathMapping', Properties: { DomainName: { Ref: 'ApiDomain' }, RestApiId: { Ref: 'Api' } } },
      },
    },
    null,
    2,
  );

const API = ['Resources', 'Api', 'Properties'];
const SETTING = [...API, 'DisableExecuteApiEndpoint'];

runRuleTests(apigwDefaultEndpointBypass, {
  valid: [
    { name: 'default endpoint disabled', code: rest('      DisableExecuteApiEndpoint: true\n') },
    {
      name: 'disabled through a parameter whose values are all true',
      code: rest('      DisableExecuteApiEndpoint: !Ref DisableDefault\n').replace("AllowedValues: ['true', 'false']", "AllowedValues: ['true']"),
    },
    { name: 'the REST API has a TLS 1.2 SecurityPolicy of its own', code: rest('      SecurityPolicy: TLS_1_2\n') },
    { name: 'a private REST API: its endpoint is TLS 1.2 already', code: rest('      EndpointConfiguration:\n        Types: [PRIVATE]\n') },
    { name: 'the domain accepts TLS 1.0 and has no mutual TLS: nothing to bypass', code: rest('', '      SecurityPolicy: TLS_1_0\n') },
    { name: 'the domain SecurityPolicy from GetAtt is unknown', code: rest('', '      SecurityPolicy: !GetAtt Config.Policy\n') },
    {
      name: 'the mapping names a domain from ImportValue',
      code: rest('', undefined, '      DomainName: !ImportValue shared-domain\n      RestApiId: !Ref Api\n'),
    },
    {
      name: 'the mapping names an API from ImportValue',
      code: rest('', undefined, '      DomainName: !Ref ApiDomain\n      RestApiId: !ImportValue shared-api\n'),
    },
    { name: 'DisableExecuteApiEndpoint from GetAtt is unknown', code: rest('      DisableExecuteApiEndpoint: !GetAtt Config.Disable\n') },
    { name: 'an HTTP API on a TLS 1.2 domain: HTTP APIs are TLS 1.2 everywhere', code: http() },
    { name: 'an HTTP API with mutual TLS and the default endpoint disabled', code: http('      DisableExecuteApiEndpoint: true\n', MTLS) },
    { name: 'JSON, disabled', code: json({ DisableExecuteApiEndpoint: true }) },
    { name: 'SAM API with the default endpoint disabled', code: sam('      DisableExecuteApiEndpoint: true\n') },
  ],
  invalid: [
    {
      name: 'an edge REST API behind a TLS 1.2 domain: quick fix inserts the setting',
      code: rest(),
      errors: [{ path: API, line: 12, severity: 'warning', resource: 'Api', messageIncludes: 'TLS 1.0', related: 1, fixes: 1 }],
      quickFixOutput: rest('      DisableExecuteApiEndpoint: true\n'),
    },
    {
      name: 'the REST API SecurityPolicy TLS_1_0 leaves the gap',
      code: rest('      SecurityPolicy: TLS_1_0\n'),
      errors: [{ path: API, messageIncludes: 'TLS 1.0' }],
    },
    {
      name: 'a TLS 1.0 domain with mutual TLS',
      code: rest('', `      SecurityPolicy: TLS_1_0\n${MTLS}`),
      errors: [{ path: API, messageIncludes: 'client certificate' }],
    },
    {
      name: 'DisableExecuteApiEndpoint false: set to true (quick fix only)',
      code: rest('      DisableExecuteApiEndpoint: false\n'),
      errors: [{ path: SETTING, line: 14, fixes: 1 }],
      quickFixOutput: rest('      DisableExecuteApiEndpoint: true\n'),
    },
    {
      name: 'a parameter that allows false',
      code: rest('      DisableExecuteApiEndpoint: !Ref DisableDefault\n'),
      errors: [{ path: SETTING, related: 2 }],
    },
    {
      name: 'Fn::If: the false branch',
      code: rest('      DisableExecuteApiEndpoint: !If [Strict, true, false]\n'),
      errors: [{ path: [...SETTING, 'Fn::If', 2], messageIncludes: '(when Strict is false)' }],
    },
    {
      name: 'the setting removed by AWS::NoValue in one scenario',
      code: rest('      DisableExecuteApiEndpoint: !If [Strict, true, !Ref AWS::NoValue]\n'),
      errors: [{ path: API }],
    },
    {
      name: 'an HTTP API on a domain with mutual TLS',
      code: http('', MTLS),
      errors: [{ path: ['Resources', 'HttpApi', 'Properties'], messageIncludes: 'mutual TLS', related: 1 }],
      quickFixOutput: http('      DisableExecuteApiEndpoint: true\n', MTLS),
    },
    {
      name: 'SAM API with a TLS 1.2 Domain',
      code: sam(''),
      errors: [{ path: ['Resources', 'SamApi', 'Properties'] }],
    },
    {
      name: 'JSON: an edge REST API behind a TLS 1.2 domain',
      code: json({}),
      errors: [{ path: API, fixes: 1 }],
    },
    {
      name: 'JSON: DisableExecuteApiEndpoint false',
      code: json({ DisableExecuteApiEndpoint: false }),
      errors: [{ path: SETTING }],
      quickFixOutput: json({ DisableExecuteApiEndpoint: true }),
    },
  ],
});

describe('apigw-default-endpoint-bypass fixes', () => {
  it('are quick fixes only: clients of the execute-api URL stop working', () => {
    for (const code of [rest(), rest('      DisableExecuteApiEndpoint: false\n')]) {
      const [d] = lintWith(apigwDefaultEndpointBypass, { name: 'fix', code });
      assert.equal(d.fixes.length, 1);
      assert.equal(d.fixes[0].safe, false);
      assert.match(d.fixes[0].title, /403 Forbidden/);
    }
  });
});

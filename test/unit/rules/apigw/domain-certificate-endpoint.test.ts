import { apigwDomainCertificateEndpoint } from '../../../../rules/src/rules/apigw/domain-certificate-endpoint';
import { runRuleTests } from '../../../support/rule-tester';

const rest = (props: string, type = 'AWS::ApiGateway::DomainName'): string => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  CertificateArn:
    Type: String
Conditions:
  Edge: !Equals [!Ref AWS::Region, us-east-1]
Resources:
  ApiDomain:
    Type: ${type}
    Properties:
      DomainName: api.example.com
${props}
`;

const sam = (type: string, domain: string): string => `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  WebApi:
    Type: ${type}
    Properties:
      Domain:
        DomainName: web.example.com
        CertificateArn: arn:aws:acm:eu-west-1:123456789012:certificate/12345678-1234-1234-1234-123456789012
${domain}
`;

const json = (props: Record<string, unknown>): string =>
  JSON.stringify({ Resources: { ApiDomain: { Type: 'AWS::ApiGateway::DomainName', Properties: { DomainName: 'api.example.com', ...props } } } }, null, 2);

runRuleTests(apigwDomainCertificateEndpoint, {
  valid: [
    { name: 'edge domain with CertificateArn', code: rest('      CertificateArn: !Ref CertificateArn\n      EndpointConfiguration:\n        Types: [EDGE]') },
    {
      name: 'regional domain with RegionalCertificateArn',
      code: rest('      RegionalCertificateArn: !Ref CertificateArn\n      EndpointConfiguration:\n        Types: [REGIONAL]'),
    },
    { name: 'no EndpointConfiguration: the type is not assumed', code: rest('      RegionalCertificateArn: !Ref CertificateArn') },
    {
      name: 'endpoint type from ImportValue is unknown',
      code: rest('      CertificateArn: !Ref CertificateArn\n      EndpointConfiguration:\n        Types: [!ImportValue endpoint-type]'),
    },
    {
      name: 'Fn::If switches certificate and type together',
      code: rest(
        '      CertificateArn: !If [Edge, !Ref CertificateArn, !Ref AWS::NoValue]\n      RegionalCertificateArn: !If [Edge, !Ref AWS::NoValue, !Ref CertificateArn]\n      EndpointConfiguration:\n        Types: [!If [Edge, EDGE, REGIONAL]]',
      ),
    },
    {
      name: 'enhanced policy with EndpointAccessMode',
      code: rest(
        '      RegionalCertificateArn: !Ref CertificateArn\n      EndpointConfiguration:\n        Types: [REGIONAL]\n      SecurityPolicy: SecurityPolicy_TLS13_1_3_2025_09\n      EndpointAccessMode: STRICT',
      ),
    },
    {
      name: 'EndpointAccessMode from GetAtt counts as set',
      code: rest('      SecurityPolicy: SecurityPolicy_TLS13_1_2_2021_06\n      EndpointAccessMode: !GetAtt Settings.Mode'),
    },
    {
      name: 'edge policy on an edge domain',
      code: rest(
        '      CertificateArn: !Ref CertificateArn\n      EndpointConfiguration:\n        Types: [EDGE]\n      SecurityPolicy: SecurityPolicy_TLS13_2025_EDGE\n      EndpointAccessMode: BASIC',
      ),
    },
    {
      name: 'mutual TLS with TLS_1_2',
      code: rest(
        '      RegionalCertificateArn: !Ref CertificateArn\n      EndpointConfiguration:\n        Types: [REGIONAL]\n      SecurityPolicy: TLS_1_2\n      MutualTlsAuthentication:\n        TruststoreUri: s3://bucket/truststore.pem',
      ),
    },
    { name: 'SAM Domain CertificateArn with the default REGIONAL endpoint', code: sam('AWS::Serverless::Api', '        SecurityPolicy: TLS_1_2') },
    {
      name: 'SAM Domain enhanced policy with EndpointAccessMode',
      code: sam('AWS::Serverless::Api', '        SecurityPolicy: SecurityPolicy_TLS13_1_2_2021_06\n        EndpointAccessMode: STRICT'),
    },
    {
      name: 'SAM edge Domain with an edge policy',
      code: sam(
        'AWS::Serverless::Api',
        '        EndpointConfiguration: EDGE\n        SecurityPolicy: SecurityPolicy_TLS12_2018_EDGE\n        EndpointAccessMode: STRICT',
      ),
    },
    { name: 'SAM HttpApi with TLS_1_2', code: sam('AWS::Serverless::HttpApi', '        SecurityPolicy: TLS_1_2') },
    { name: 'JSON regional domain', code: json({ RegionalCertificateArn: 'arn', EndpointConfiguration: { Types: ['REGIONAL'] }, SecurityPolicy: 'TLS_1_2' }) },
  ],
  invalid: [
    {
      name: 'CertificateArn with REGIONAL',
      code: rest('      CertificateArn: !Ref CertificateArn\n      EndpointConfiguration:\n        Types:\n          - REGIONAL'),
      errors: [
        {
          path: ['Resources', 'ApiDomain', 'Properties', 'CertificateArn'],
          line: 12,
          severity: 'error',
          resource: 'ApiDomain',
          messageIncludes: 'RegionalCertificateArn',
        },
      ],
    },
    {
      name: 'RegionalCertificateArn with EDGE',
      code: rest('      RegionalCertificateArn: !Ref CertificateArn\n      EndpointConfiguration:\n        Types: [EDGE]'),
      errors: [{ path: ['Resources', 'ApiDomain', 'Properties', 'RegionalCertificateArn'], line: 12, messageIncludes: 'us-east-1' }],
    },
    {
      name: 'one Fn::If scenario pairs REGIONAL with CertificateArn',
      code: rest('      CertificateArn: !Ref CertificateArn\n      EndpointConfiguration:\n        Types: [!If [Edge, EDGE, REGIONAL]]'),
      errors: [{ path: ['Resources', 'ApiDomain', 'Properties', 'CertificateArn'] }],
    },
    {
      name: 'enhanced policy without EndpointAccessMode',
      code: rest(
        '      RegionalCertificateArn: !Ref CertificateArn\n      EndpointConfiguration:\n        Types: [REGIONAL]\n      SecurityPolicy: SecurityPolicy_TLS13_1_2_2021_06',
      ),
      errors: [{ path: ['Resources', 'ApiDomain', 'Properties', 'SecurityPolicy'], line: 15, messageIncludes: 'EndpointAccessMode' }],
    },
    {
      name: 'EndpointAccessMode NoValue is absent',
      code: rest('      SecurityPolicy: SecurityPolicy_TLS13_1_3_2025_09\n      EndpointAccessMode: !Ref AWS::NoValue'),
      errors: [{ messageIncludes: 'EndpointAccessMode' }],
    },
    {
      name: 'enhanced policy on DomainNameV2 without EndpointAccessMode',
      code: rest('      CertificateArn: !Ref CertificateArn\n      SecurityPolicy: SecurityPolicy_TLS13_1_3_2025_09', 'AWS::ApiGateway::DomainNameV2'),
      errors: [{ path: ['Resources', 'ApiDomain', 'Properties', 'SecurityPolicy'], messageIncludes: 'EndpointAccessMode' }],
    },
    {
      name: 'edge-only policy on a regional domain',
      code: rest(
        '      RegionalCertificateArn: !Ref CertificateArn\n      EndpointConfiguration:\n        Types: [REGIONAL]\n      SecurityPolicy: SecurityPolicy_TLS12_PFS_2025_EDGE\n      EndpointAccessMode: STRICT',
      ),
      errors: [{ path: ['Resources', 'ApiDomain', 'Properties', 'SecurityPolicy'], messageIncludes: 'edge-optimized domains only' }],
    },
    {
      name: 'edge-only policy on a private DomainNameV2 (PRIVATE when not written)',
      code: rest(
        '      CertificateArn: !Ref CertificateArn\n      SecurityPolicy: SecurityPolicy_TLS13_2025_EDGE\n      EndpointAccessMode: STRICT',
        'AWS::ApiGateway::DomainNameV2',
      ),
      errors: [{ messageIncludes: 'PRIVATE' }],
    },
    {
      name: 'edge-only policy without EndpointAccessMode: two findings on the value',
      code: rest(
        '      RegionalCertificateArn: !Ref CertificateArn\n      EndpointConfiguration:\n        Types: [REGIONAL]\n      SecurityPolicy: SecurityPolicy_TLS12_2018_EDGE',
      ),
      errors: [{ messageIncludes: 'EndpointAccessMode' }, { messageIncludes: 'edge-optimized domains only' }],
    },
    {
      name: 'mutual TLS with an enhanced policy: on the MutualTlsAuthentication key',
      code: rest(
        '      RegionalCertificateArn: !Ref CertificateArn\n      EndpointConfiguration:\n        Types: [REGIONAL]\n      SecurityPolicy: SecurityPolicy_TLS13_1_2_2021_06\n      EndpointAccessMode: STRICT\n      MutualTlsAuthentication:\n        TruststoreUri: s3://bucket/truststore.pem',
      ),
      errors: [{ path: ['Resources', 'ApiDomain', 'Properties', 'MutualTlsAuthentication'], line: 17, messageIncludes: 'Mutual TLS' }],
    },
    {
      name: 'enhanced policy from a parameter AllowedValues entry: related info',
      code: rest('      SecurityPolicy: !Ref Policy').replace(
        'Parameters:\n',
        'Parameters:\n  Policy:\n    Type: String\n    Default: TLS_1_2\n    AllowedValues: [TLS_1_2, SecurityPolicy_TLS13_1_3_2025_09]\n',
      ),
      errors: [{ path: ['Resources', 'ApiDomain', 'Properties', 'SecurityPolicy'], related: 1 }],
    },
    {
      name: 'SAM edge policy on the default REGIONAL endpoint',
      code: sam('AWS::Serverless::Api', '        SecurityPolicy: SecurityPolicy_TLS12_2018_EDGE\n        EndpointAccessMode: STRICT'),
      errors: [{ path: ['Resources', 'WebApi', 'Properties', 'Domain', 'SecurityPolicy'], line: 10, messageIncludes: 'REGIONAL' }],
    },
    {
      name: 'SAM enhanced policy without EndpointAccessMode',
      code: sam('AWS::Serverless::Api', '        SecurityPolicy: SecurityPolicy_TLS13_1_3_2025_09'),
      errors: [{ messageIncludes: 'EndpointAccessMode' }],
    },
    {
      name: 'SAM HttpApi with an enhanced policy',
      code: sam('AWS::Serverless::HttpApi', '        SecurityPolicy: SecurityPolicy_TLS13_1_2_2021_06'),
      errors: [{ path: ['Resources', 'WebApi', 'Properties', 'Domain', 'SecurityPolicy'], messageIncludes: 'HTTP API' }],
    },
    {
      name: 'ApiGatewayV2 configuration with an edge-only policy',
      code: "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  HttpDomain:\n    Type: AWS::ApiGatewayV2::DomainName\n    Properties:\n      DomainName: events.example.com\n      DomainNameConfigurations:\n        - CertificateArn: arn\n          SecurityPolicy: SecurityPolicy_TLS12_2018_EDGE\n",
      errors: [{ path: ['Resources', 'HttpDomain', 'Properties', 'DomainNameConfigurations', 0, 'SecurityPolicy'], line: 9 }],
    },
    {
      name: 'JSON RegionalCertificateArn with EDGE',
      code: json({ RegionalCertificateArn: 'arn', EndpointConfiguration: { Types: ['EDGE'] }, SecurityPolicy: 'TLS_1_2' }),
      errors: [{ path: ['Resources', 'ApiDomain', 'Properties', 'RegionalCertificateArn'], line: 7 }],
    },
  ],
});

import { opensearchTlsPolicy } from '../../../../rules/src/rules/opensearch/tls-policy';
import { runRuleTests } from '../../../support/rule-tester';

const domain = (options: string, type = 'AWS::OpenSearchService::Domain'): string => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  TlsPolicy:
    Type: String
    Default: Policy-Min-TLS-1-2-PFS-2023-10
    AllowedValues: [Policy-Min-TLS-1-2-PFS-2023-10, Policy-Min-TLS-1-0-2019-07]
Conditions:
  Legacy: !Equals [!Ref AWS::Region, eu-west-1]
Resources:
  SearchDomain:
    Type: ${type}
    Properties:
      DomainName: catalog-search
${options}
`;

const json = (options: Record<string, unknown> | undefined, type = 'AWS::Elasticsearch::Domain'): string =>
  JSON.stringify(
    { Resources: { SearchDomain: { Type: type, Properties: { DomainName: 'legacy-search', ...(options ? { DomainEndpointOptions: options } : {}) } } } },
    null,
    2,
  );

runRuleTests(opensearchTlsPolicy, {
  valid: [
    { name: 'PFS policy', code: domain('      DomainEndpointOptions:\n        TLSSecurityPolicy: Policy-Min-TLS-1-2-PFS-2023-10') },
    { name: 'TLS 1.2 policy', code: domain('      DomainEndpointOptions:\n        TLSSecurityPolicy: Policy-Min-TLS-1-2-2019-07') },
    { name: 'RFC 9151 FIPS policy', code: domain('      DomainEndpointOptions:\n        TLSSecurityPolicy: Policy-Min-TLS-1-2-RFC9151-FIPS-2024-08') },
    { name: 'unknown name is not this rule', code: domain('      DomainEndpointOptions:\n        TLSSecurityPolicy: Policy-Min-TLS-1-1') },
    { name: 'GetAtt value is unknown', code: domain('      DomainEndpointOptions:\n        TLSSecurityPolicy: !GetAtt Config.Policy') },
    { name: 'ImportValue options are unknown', code: domain('      DomainEndpointOptions: !ImportValue shared-options') },
    { name: 'JSON Elasticsearch TLS 1.2', code: json({ EnforceHTTPS: true, TLSSecurityPolicy: 'Policy-Min-TLS-1-2-2019-07' }) },
  ],
  invalid: [
    {
      name: 'TLSSecurityPolicy AWS::NoValue in one branch: on that branch; the fix sets only it',
      code: domain(
        '      DomainEndpointOptions:\n        EnforceHTTPS: true\n        TLSSecurityPolicy: !If [Legacy, !Ref AWS::NoValue, Policy-Min-TLS-1-2-2019-07]',
      ),
      errors: [
        {
          path: ['Resources', 'SearchDomain', 'Properties', 'DomainEndpointOptions', 'TLSSecurityPolicy', 'Fn::If', 1],
          messageIncludes: '(when Legacy is true)',
          fixes: 1,
        },
      ],
      output: domain(
        '      DomainEndpointOptions:\n        EnforceHTTPS: true\n        TLSSecurityPolicy: !If [Legacy, Policy-Min-TLS-1-2-PFS-2023-10, Policy-Min-TLS-1-2-2019-07]',
      ),
    },
    {
      name: 'DomainEndpointOptions AWS::NoValue in one branch: the fix writes the options into that branch only',
      code: domain('      DomainEndpointOptions: !If [Legacy, !Ref AWS::NoValue, {EnforceHTTPS: true, TLSSecurityPolicy: Policy-Min-TLS-1-2-2019-07}]'),
      errors: [{ path: ['Resources', 'SearchDomain', 'Properties', 'DomainEndpointOptions', 'Fn::If', 1], messageIncludes: '(when Legacy is true)', fixes: 1 }],
      output: domain(
        '      DomainEndpointOptions: !If [Legacy, {TLSSecurityPolicy: Policy-Min-TLS-1-2-PFS-2023-10}, {EnforceHTTPS: true, TLSSecurityPolicy: Policy-Min-TLS-1-2-2019-07}]',
      ),
    },
    {
      name: 'TLS 1.0 policy',
      code: domain('      DomainEndpointOptions:\n        TLSSecurityPolicy: Policy-Min-TLS-1-0-2019-07'),
      errors: [{ path: ['Resources', 'SearchDomain', 'Properties', 'DomainEndpointOptions', 'TLSSecurityPolicy'], line: 15, severity: 'warning', fixes: 1 }],
      output: domain('      DomainEndpointOptions:\n        TLSSecurityPolicy: Policy-Min-TLS-1-2-PFS-2023-10'),
    },
    {
      name: 'Elasticsearch TLS 1.0 policy gets the Elasticsearch replacement',
      code: domain('      DomainEndpointOptions:\n        TLSSecurityPolicy: Policy-Min-TLS-1-0-2019-07', 'AWS::Elasticsearch::Domain'),
      errors: [{ messageIncludes: 'Policy-Min-TLS-1-2-2019-07' }],
      output: domain('      DomainEndpointOptions:\n        TLSSecurityPolicy: Policy-Min-TLS-1-2-2019-07', 'AWS::Elasticsearch::Domain'),
    },
    {
      name: 'absent TLSSecurityPolicy: on the DomainEndpointOptions key',
      code: domain('      DomainEndpointOptions:\n        EnforceHTTPS: true'),
      errors: [{ path: ['Resources', 'SearchDomain', 'Properties', 'DomainEndpointOptions'], line: 14, messageIncludes: 'Policy-Min-TLS-1-0-2019-07' }],
      output: domain('      DomainEndpointOptions:\n        EnforceHTTPS: true\n        TLSSecurityPolicy: Policy-Min-TLS-1-2-PFS-2023-10'),
    },
    {
      name: 'no DomainEndpointOptions: on Properties, the object inserted',
      code: domain('      EngineVersion: OpenSearch_2.11'),
      errors: [{ path: ['Resources', 'SearchDomain', 'Properties'], line: 12 }],
      output: domain('      EngineVersion: OpenSearch_2.11\n      DomainEndpointOptions:\n        TLSSecurityPolicy: Policy-Min-TLS-1-2-PFS-2023-10'),
    },
    {
      name: 'NoValue makes it absent',
      code: domain('      DomainEndpointOptions:\n        EnforceHTTPS: true\n        TLSSecurityPolicy: !Ref AWS::NoValue'),
      errors: [{ path: ['Resources', 'SearchDomain', 'Properties', 'DomainEndpointOptions'] }],
    },
    {
      name: 'Fn::If branch',
      code: domain('      DomainEndpointOptions:\n        TLSSecurityPolicy: !If [Legacy, Policy-Min-TLS-1-0-2019-07, Policy-Min-TLS-1-2-PFS-2023-10]'),
      errors: [{ path: ['Resources', 'SearchDomain', 'Properties', 'DomainEndpointOptions', 'TLSSecurityPolicy', 'Fn::If', 1], line: 15 }],
      output: domain('      DomainEndpointOptions:\n        TLSSecurityPolicy: !If [Legacy, Policy-Min-TLS-1-2-PFS-2023-10, Policy-Min-TLS-1-2-PFS-2023-10]'),
    },
    {
      name: 'AllowedValues entry: related info, fix edits the parameter',
      code: domain('      DomainEndpointOptions:\n        TLSSecurityPolicy: !Ref TlsPolicy'),
      errors: [{ path: ['Resources', 'SearchDomain', 'Properties', 'DomainEndpointOptions', 'TLSSecurityPolicy'], related: 1 }],
      output: domain('      DomainEndpointOptions:\n        TLSSecurityPolicy: !Ref TlsPolicy').replace(
        'AllowedValues: [Policy-Min-TLS-1-2-PFS-2023-10, Policy-Min-TLS-1-0-2019-07]',
        'AllowedValues: [Policy-Min-TLS-1-2-PFS-2023-10, Policy-Min-TLS-1-2-PFS-2023-10]',
      ),
    },
    {
      name: 'recommendedPolicies.opensearch is what the fix writes',
      code: domain('      DomainEndpointOptions:\n        TLSSecurityPolicy: Policy-Min-TLS-1-0-2019-07'),
      settings: { recommendedPolicies: { opensearch: 'Policy-Min-TLS-1-2-2019-07' } },
      errors: [{ messageIncludes: 'Policy-Min-TLS-1-2-2019-07' }],
      output: domain('      DomainEndpointOptions:\n        TLSSecurityPolicy: Policy-Min-TLS-1-2-2019-07'),
    },
    {
      name: 'JSON Elasticsearch without TLSSecurityPolicy',
      code: json({ EnforceHTTPS: true }),
      errors: [{ path: ['Resources', 'SearchDomain', 'Properties', 'DomainEndpointOptions'], line: 7 }],
      output: json({ EnforceHTTPS: true, TLSSecurityPolicy: 'Policy-Min-TLS-1-2-2019-07' }),
    },
    {
      name: 'JSON OpenSearch with the TLS 1.0 policy',
      code: json({ EnforceHTTPS: true, TLSSecurityPolicy: 'Policy-Min-TLS-1-0-2019-07' }, 'AWS::OpenSearchService::Domain'),
      errors: [{ line: 9 }],
      output: json({ EnforceHTTPS: true, TLSSecurityPolicy: 'Policy-Min-TLS-1-2-PFS-2023-10' }, 'AWS::OpenSearchService::Domain'),
    },
  ],
});

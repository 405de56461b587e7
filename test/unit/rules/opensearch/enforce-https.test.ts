import { opensearchEnforceHttps } from '../../../../rules/src/rules/opensearch/enforce-https';
import { runRuleTests } from '../../../support/rule-tester';

const domain = (options: string, type = 'AWS::OpenSearchService::Domain'): string => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Https:
    Type: String
    Default: 'true'
    AllowedValues: ['true', 'false']
Conditions:
  Public: !Equals [!Ref AWS::Region, eu-west-1]
Resources:
  SearchDomain:
    Type: ${type}
    Properties:
      DomainName: catalog-search
${options}
`;

const json = (options: Record<string, unknown> | undefined): string =>
  JSON.stringify(
    {
      Resources: {
        SearchDomain: {
          Type: 'AWS::Elasticsearch::Domain',
          Properties: { DomainName: 'legacy-search', ...(options ? { DomainEndpointOptions: options } : {}) },
        },
      },
    },
    null,
    2,
  );

runRuleTests(opensearchEnforceHttps, {
  valid: [
    { name: 'EnforceHTTPS true', code: domain('      DomainEndpointOptions:\n        EnforceHTTPS: true') },
    { name: "EnforceHTTPS 'true' as a string", code: domain("      DomainEndpointOptions:\n        EnforceHTTPS: 'true'") },
    { name: 'Elasticsearch EnforceHTTPS true', code: domain('      DomainEndpointOptions:\n        EnforceHTTPS: true', 'AWS::Elasticsearch::Domain') },
    { name: 'EnforceHTTPS from ImportValue is unknown', code: domain('      DomainEndpointOptions:\n        EnforceHTTPS: !ImportValue enforce') },
    { name: 'DomainEndpointOptions from GetAtt is unknown', code: domain('      DomainEndpointOptions: !GetAtt Config.Options') },
    { name: 'JSON EnforceHTTPS true', code: json({ EnforceHTTPS: true }) },
  ],
  invalid: [
    {
      name: 'EnforceHTTPS AWS::NoValue in one branch: on that branch; the fix sets only it',
      code: domain('      DomainEndpointOptions:\n        EnforceHTTPS: !If [Public, !Ref AWS::NoValue, true]'),
      errors: [
        {
          path: ['Resources', 'SearchDomain', 'Properties', 'DomainEndpointOptions', 'EnforceHTTPS', 'Fn::If', 1],
          messageIncludes: '(when Public is true)',
          fixes: 1,
        },
      ],
      output: domain('      DomainEndpointOptions:\n        EnforceHTTPS: !If [Public, true, true]'),
    },
    {
      name: 'EnforceHTTPS false',
      code: domain('      DomainEndpointOptions:\n        EnforceHTTPS: false'),
      errors: [
        {
          path: ['Resources', 'SearchDomain', 'Properties', 'DomainEndpointOptions', 'EnforceHTTPS'],
          line: 15,
          severity: 'warning',
          resource: 'SearchDomain',
          fixes: 1,
        },
      ],
      output: domain('      DomainEndpointOptions:\n        EnforceHTTPS: true'),
    },
    {
      name: 'EnforceHTTPS absent: on the DomainEndpointOptions key, inserted there',
      code: domain('      DomainEndpointOptions:\n        TLSSecurityPolicy: Policy-Min-TLS-1-2-PFS-2023-10'),
      errors: [{ path: ['Resources', 'SearchDomain', 'Properties', 'DomainEndpointOptions'], line: 14, fixes: 1 }],
      output: domain('      DomainEndpointOptions:\n        TLSSecurityPolicy: Policy-Min-TLS-1-2-PFS-2023-10\n        EnforceHTTPS: true'),
    },
    {
      name: 'no DomainEndpointOptions: on the Properties key, the whole object inserted',
      code: domain('      EngineVersion: OpenSearch_2.11'),
      errors: [{ path: ['Resources', 'SearchDomain', 'Properties'], line: 12, fixes: 1 }],
      output: domain('      EngineVersion: OpenSearch_2.11\n      DomainEndpointOptions:\n        EnforceHTTPS: true'),
    },
    {
      name: 'no Properties at all: on the logical id, no fix',
      code: "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  SearchDomain:\n    Type: AWS::OpenSearchService::Domain\n",
      errors: [{ line: 3, resource: 'SearchDomain', fixes: 0 }],
    },
    {
      name: 'NoValue makes it absent',
      code: domain('      DomainEndpointOptions:\n        TLSSecurityPolicy: Policy-Min-TLS-1-2-PFS-2023-10\n        EnforceHTTPS: !Ref AWS::NoValue'),
      errors: [{ path: ['Resources', 'SearchDomain', 'Properties', 'DomainEndpointOptions'] }],
    },
    {
      name: 'Fn::If branch false',
      code: domain('      DomainEndpointOptions:\n        EnforceHTTPS: !If [Public, true, false]'),
      errors: [{ path: ['Resources', 'SearchDomain', 'Properties', 'DomainEndpointOptions', 'EnforceHTTPS', 'Fn::If', 2], line: 15 }],
      output: domain('      DomainEndpointOptions:\n        EnforceHTTPS: !If [Public, true, true]'),
    },
    {
      name: "parameter AllowedValues 'false': related info, fix edits the parameter",
      code: domain('      DomainEndpointOptions:\n        EnforceHTTPS: !Ref Https'),
      errors: [{ path: ['Resources', 'SearchDomain', 'Properties', 'DomainEndpointOptions', 'EnforceHTTPS'], related: 1 }],
      output: domain('      DomainEndpointOptions:\n        EnforceHTTPS: !Ref Https').replace(
        "AllowedValues: ['true', 'false']",
        "AllowedValues: ['true', 'true']",
      ),
    },
    {
      name: 'JSON Elasticsearch with EnforceHTTPS false',
      code: json({ EnforceHTTPS: false, TLSSecurityPolicy: 'Policy-Min-TLS-1-2-2019-07' }),
      errors: [{ path: ['Resources', 'SearchDomain', 'Properties', 'DomainEndpointOptions', 'EnforceHTTPS'], line: 8 }],
      output: json({ EnforceHTTPS: true, TLSSecurityPolicy: 'Policy-Min-TLS-1-2-2019-07' }),
    },
    {
      name: 'JSON Elasticsearch without DomainEndpointOptions',
      code: json(undefined),
      errors: [{ path: ['Resources', 'SearchDomain', 'Properties'], line: 5 }],
      output: json({ EnforceHTTPS: true }),
    },
  ],
});

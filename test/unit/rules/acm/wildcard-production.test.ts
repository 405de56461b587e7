import { acmWildcardProduction } from '../../../../rules/src/rules/acm/wildcard-production';
import { runRuleTests } from '../../../support/rule-tester';
import { CERT_PATH, IS_PROD_CONDITION, jsonCert, yamlCert } from './fixtures';

const envParam = (def: string): string => `  Environment:\n    Type: String\n    Default: ${def}\n    AllowedValues: [dev, prod]`;
const prod = (props: string, more = ''): string => yamlCert(props, { parameters: envParam('prod') + more, conditions: IS_PROD_CONDITION });

runRuleTests(acmWildcardProduction, {
  valid: [
    { name: 'wildcard outside production', code: yamlCert("      DomainName: '*.dev.example.com'", { parameters: envParam('dev') }) },
    { name: 'production without wildcard', code: prod('      DomainName: www.example.com\n      SubjectAlternativeNames: [example.com]') },
    {
      name: 'preprod tag is not production',
      code: yamlCert("      DomainName: '*.example.com'\n      Tags:\n        - Key: Environment\n          Value: preprod"),
    },
    { name: 'unknown name in production', code: prod('      DomainName: !ImportValue site-name\n      SubjectAlternativeNames: [!GetAtt Naming.Name]') },
    { name: 'AWS::NoValue SAN', code: prod('      DomainName: www.example.com\n      SubjectAlternativeNames: [!Ref AWS::NoValue]') },
    { name: 'JSON non-production wildcard', code: jsonCert({ DomainName: '*.example.com' }) },
  ],
  invalid: [
    {
      name: 'wildcard DomainName in a production template',
      code: prod("      DomainName: '*.shop.example.com'"),
      errors: [
        {
          path: [...CERT_PATH, 'DomainName'],
          line: 13,
          severity: 'warning',
          resource: 'Certificate',
          messageIncludes: 'keep wildcards for non-production endpoints',
        },
      ],
    },
    {
      name: 'production by tag; wildcard SAN items: one finding on the first',
      code: yamlCert(
        "      DomainName: api.example.com\n      SubjectAlternativeNames:\n        - '*.api.example.com'\n        - '*.admin.example.com'\n      Tags:\n        - Key: Env\n          Value: Production",
      ),
      errors: [{ path: [...CERT_PATH, 'SubjectAlternativeNames', 0], related: 1 }],
    },
    {
      name: 'wildcard from a parameter AllowedValues',
      code: prod(
        '      DomainName: !Ref Name',
        '\n  Name:\n    Type: String\n    Default: www.example.com\n    AllowedValues: [www.example.com, "*.example.com"]',
      ),
      errors: [{ path: [...CERT_PATH, 'DomainName'], related: 1 }],
    },
    {
      name: 'wildcard in an Fn::If branch',
      code: prod("      DomainName: !If [IsProd, www.example.com, '*.example.com']"),
      errors: [{ path: [...CERT_PATH, 'DomainName', 'Fn::If', 2] }],
    },
    {
      name: 'both properties: one finding each',
      code: prod("      DomainName: '*.example.com'\n      SubjectAlternativeNames: ['*.example.org']"),
      errors: [{ path: [...CERT_PATH, 'DomainName'] }, { path: [...CERT_PATH, 'SubjectAlternativeNames', 0] }],
    },
    {
      name: 'JSON, Stage parameter production',
      code: jsonCert(
        { DomainName: 'api.example.com', SubjectAlternativeNames: ['*.api.example.com'] },
        { Parameters: { Stage: { Type: 'String', Default: 'production' } } },
      ),
      errors: [{ path: [...CERT_PATH, 'SubjectAlternativeNames', 0] }],
    },
    {
      name: 'production by configured file glob',
      code: yamlCert("      DomainName: '*.example.com'"),
      fileName: 'stacks/prod/edge.yaml',
      settings: { production: { files: ['**/prod/**'], baseDir: '.' } },
      errors: [{ path: [...CERT_PATH, 'DomainName'] }],
    },
  ],
});

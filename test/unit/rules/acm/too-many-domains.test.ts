import { acmTooManyDomains } from '../../../../rules/src/rules/acm/too-many-domains';
import { runRuleTests } from '../../../support/rule-tester';
import { CERT_PATH, IS_PROD_CONDITION, jsonCert, yamlCert } from './fixtures';

const hosts = (n: number): string[] => Array.from({ length: n }, (_, i) => `host${i + 1}.example.com`);
const sans = (items: string[], parts = {}): string =>
  yamlCert(`      DomainName: example.com\n      SubjectAlternativeNames:\n${items.map((i) => `        - ${i}`).join('\n')}`, parts);

runRuleTests(acmTooManyDomains, {
  valid: [
    {
      name: 'a parameter with AllowedValues still one name',
      code: sans([...hosts(8), '!Ref Extra'], {
        parameters: '  Extra:\n    Type: String\n    Default: a.example.com\n    AllowedValues: [a.example.com, b.example.com]',
      }),
    },
    { name: 'exactly 10 names', code: sans(hosts(9)) },
    { name: 'duplicates count once', code: sans([...hosts(9), 'host1.example.com', 'Example.com']) },
    { name: 'AWS::NoValue items do not count', code: sans([...hosts(9), '!Ref AWS::NoValue']) },
    { name: 'unknown list', code: yamlCert('      DomainName: example.com\n      SubjectAlternativeNames: !Split [",", !ImportValue names]') },
    { name: 'the same unknown expression twice counts once', code: sans([...hosts(8), '!ImportValue extra', '!ImportValue extra']) },
    {
      name: 'Fn::If: 10 in each branch',
      code: sans([...hosts(7), '!If [IsProd, a.example.com, b.example.com]', '!If [IsProd, c.example.com, !Ref AWS::NoValue]'], {
        conditions: IS_PROD_CONDITION,
      }),
    },
    { name: 'JSON 10 names', code: jsonCert({ DomainName: 'example.com', SubjectAlternativeNames: hosts(9) }) },
  ],
  invalid: [
    {
      name: 'a parameter with AllowedValues is one name',
      code: sans([...hosts(9), '!Ref Extra'], {
        parameters: '  Extra:\n    Type: String\n    Default: a.example.com\n    AllowedValues: [a.example.com, b.example.com]',
      }),
      errors: [{ messageIncludes: '11 names' }],
    },
    {
      name: '11 names',
      code: sans(hosts(10)),
      errors: [{ path: [...CERT_PATH, 'SubjectAlternativeNames'], line: 8, severity: 'warning', messageIncludes: '11 names' }],
    },
    { name: 'unknown items count as names', code: sans([...hosts(9), '!ImportValue extra-name']), errors: [{ messageIncludes: '11 names' }] },
    { name: 'a GetAtt item counts', code: sans([...hosts(9), '!GetAtt Naming.Name']), errors: [{ path: [...CERT_PATH, 'SubjectAlternativeNames'] }] },
    {
      name: 'over the quota in one branch',
      code: sans([...hosts(9), '!If [IsProd, extra.example.com, !Ref AWS::NoValue]'], { conditions: IS_PROD_CONDITION }),
      errors: [{ path: [...CERT_PATH, 'SubjectAlternativeNames'] }],
    },
    {
      name: 'a parameter item counts as one name',
      code: sans([...hosts(9), '!Ref Extra'], { parameters: '  Extra:\n    Type: String\n    Default: extra.example.com' }),
      errors: [{ messageIncludes: '11 names' }],
    },
    {
      name: 'JSON 12 names',
      code: jsonCert({ DomainName: 'example.com', SubjectAlternativeNames: hosts(11) }),
      errors: [{ path: [...CERT_PATH, 'SubjectAlternativeNames'], messageIncludes: '12 names' }],
    },
  ],
});

import { acmDuplicateDomain } from '../../../../rules/src/rules/acm/duplicate-domain';
import { runRuleTests } from '../../../support/rule-tester';
import { CERT_PATH, IS_PROD_CONDITION, jsonCert, yamlCert } from './fixtures';

const sans = (items: string[], domain = 'example.com', parts = {}): string =>
  yamlCert(`      DomainName: ${domain}\n      SubjectAlternativeNames:\n${items.map((i) => `        - ${i}`).join('\n')}\n      ValidationMethod: DNS`, parts);
const nameParam = '  Name:\n    Type: String\n    Default: www.example.com\n    AllowedValues: [www.example.com, shop.example.com]';

runRuleTests(acmDuplicateDomain, {
  valid: [
    { name: 'apex and wildcard are different names', code: sans(["'*.example.com'"]) },
    { name: 'distinct names', code: sans(['www.example.com', 'shop.example.com']) },
    { name: 'unknown items are not compared', code: sans(['!ImportValue a', '!ImportValue a']) },
    { name: 'GetAtt item', code: sans(['!GetAtt Naming.Name']) },
    { name: 'AWS::NoValue item', code: sans(['!Ref AWS::NoValue', 'www.example.com']) },
    {
      name: 'a parameter that may be another name is not a certain duplicate',
      code: sans(['!Ref Name', '!Ref Other'], 'example.com', {
        parameters: `${nameParam}\n  Other:\n    Type: String\n    Default: shop.example.com\n    AllowedValues: [www.example.com, shop.example.com]`,
      }),
    },
    {
      name: 'Fn::If branches that never meet',
      code: sans(['!If [IsProd, www.example.com, !Ref AWS::NoValue]', '!If [IsProd, !Ref AWS::NoValue, www.example.com]'], 'example.com', {
        conditions: IS_PROD_CONDITION,
      }),
    },
    { name: 'JSON distinct', code: jsonCert({ DomainName: 'example.com', SubjectAlternativeNames: ['www.example.com'] }) },
  ],
  invalid: [
    {
      name: 'a SAN repeating another SAN: the later one is removed',
      code: sans(['www.example.com', 'shop.example.com', 'www.example.com']),
      errors: [{ path: [...CERT_PATH, 'SubjectAlternativeNames', 2], line: 10, severity: 'warning', fixes: 1 }],
      output: sans(['www.example.com', 'shop.example.com']),
    },
    {
      name: 'a SAN repeating DomainName, case-insensitive',
      code: sans(['www.example.com', 'Example.COM']),
      errors: [{ path: [...CERT_PATH, 'SubjectAlternativeNames', 1], messageIncludes: 'DomainName' }],
      output: sans(['www.example.com']),
    },
    {
      name: 'the only SAN repeats DomainName: the property is removed (ACM rejects an empty list)',
      code: sans(['example.com']),
      errors: [{ path: [...CERT_PATH, 'SubjectAlternativeNames', 0] }],
      output: yamlCert('      DomainName: example.com\n      ValidationMethod: DNS'),
    },
    {
      name: 'two duplicates: one finding, both removed',
      code: sans(['www.example.com', 'example.com', 'www.example.com', 'shop.example.com']),
      errors: [{ path: [...CERT_PATH, 'SubjectAlternativeNames', 1], related: 1 }],
      output: sans(['www.example.com', 'shop.example.com']),
    },
    {
      name: 'a parameter Default repeating DomainName: reported, the fix is not safe',
      code: sans(['!Ref Name'], 'www.example.com', { parameters: nameParam }),
      errors: [{ path: [...CERT_PATH, 'SubjectAlternativeNames', 0], fixes: 1 }],
    },
    {
      name: 'the same parameter twice: always equal',
      code: sans(['!Ref Name', '!Ref Name'], 'example.com', { parameters: nameParam }),
      errors: [{ path: [...CERT_PATH, 'SubjectAlternativeNames', 1] }],
      output: sans(['!Ref Name'], 'example.com', { parameters: nameParam }),
    },
    {
      name: 'Fn::If items that meet in one branch',
      code: sans(['www.example.com', '!If [IsProd, www.example.com, shop.example.com]'], 'example.com', { conditions: IS_PROD_CONDITION }),
      errors: [{ path: [...CERT_PATH, 'SubjectAlternativeNames', 1, 'Fn::If', 1], fixes: 0 }],
    },
    {
      name: 'JSON duplicate',
      code: jsonCert({ DomainName: 'example.com', SubjectAlternativeNames: ['www.example.com', 'example.com', 'shop.example.com'] }),
      errors: [{ path: [...CERT_PATH, 'SubjectAlternativeNames', 1] }],
      output: jsonCert({ DomainName: 'example.com', SubjectAlternativeNames: ['www.example.com', 'shop.example.com'] }),
    },
  ],
});

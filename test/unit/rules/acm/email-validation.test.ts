import { acmEmailValidation } from '../../../../rules/src/rules/acm/email-validation';
import { runRuleTests } from '../../../support/rule-tester';
import { CERT_PATH, IS_PROD_CONDITION, jsonCert, PRIVATE_CA, yamlCert } from './fixtures';

const method = (v: string): string => yamlCert(`      DomainName: www.example.com\n      ValidationMethod: ${v}`);
const param = (def: string, allowed: string): string =>
  yamlCert('      DomainName: www.example.com\n      ValidationMethod: !Ref Method', {
    parameters: `  Method:\n    Type: String\n    Default: ${def}\n    AllowedValues: [${allowed}]`,
  });
const conditional = (v: string): string => yamlCert(`      DomainName: www.example.com\n      ValidationMethod: ${v}`, { conditions: IS_PROD_CONDITION });

runRuleTests(acmEmailValidation, {
  valid: [
    { name: 'DNS validation', code: method('DNS') },
    { name: 'HTTP validation', code: method('HTTP') },
    {
      name: 'private certificate needs no validation',
      code: yamlCert(`      DomainName: orders.internal.example.com\n      CertificateAuthorityArn: ${PRIVATE_CA}`),
    },
    {
      name: 'private CA from GetAtt is still a CA ARN',
      code: yamlCert('      DomainName: orders.internal.example.com\n      CertificateAuthorityArn: !GetAtt Ca.Arn'),
    },
    { name: 'ImportValue method is unknown', code: method('!ImportValue shared-validation-method') },
    { name: 'GetAtt method is unknown', code: method('!GetAtt Config.Method') },
    { name: 'parameter Default and AllowedValues without EMAIL', code: param('DNS', 'DNS, HTTP') },
    { name: 'Fn::If between DNS and HTTP', code: conditional('!If [IsProd, DNS, HTTP]') },
    {
      name: 'private exactly where the method is absent',
      code: yamlCert(
        `      DomainName: www.example.com\n      CertificateAuthorityArn: !If [IsProd, ${PRIVATE_CA}, !Ref AWS::NoValue]\n      ValidationMethod: !If [IsProd, !Ref AWS::NoValue, DNS]`,
        { conditions: IS_PROD_CONDITION },
      ),
    },
    { name: 'JSON DNS', code: jsonCert({ DomainName: 'www.example.com', ValidationMethod: 'DNS' }) },
    { name: 'JSON private certificate', code: jsonCert({ DomainName: 'www.example.com', CertificateAuthorityArn: PRIVATE_CA }) },
  ],
  invalid: [
    {
      name: 'EMAIL in place',
      code: method('EMAIL'),
      errors: [{ path: [...CERT_PATH, 'ValidationMethod'], line: 7, severity: 'warning', resource: 'Certificate', fixes: 1, messageIncludes: 'EMAIL' }],
      output: method('DNS'),
    },
    {
      name: 'absent: on the Properties key, DNS inserted',
      code: yamlCert('      DomainName: www.example.com'),
      errors: [{ path: CERT_PATH, line: 5, messageIncludes: 'EMAIL validation', fixes: 1 }],
      output: yamlCert('      DomainName: www.example.com\n      ValidationMethod: DNS'),
    },
    {
      name: 'JSON EMAIL',
      code: jsonCert({ DomainName: 'www.example.com', ValidationMethod: 'EMAIL' }),
      errors: [{ path: [...CERT_PATH, 'ValidationMethod'], line: 8 }],
      output: jsonCert({ DomainName: 'www.example.com', ValidationMethod: 'DNS' }),
    },
    {
      name: 'JSON absent',
      code: jsonCert({ DomainName: 'www.example.com' }),
      errors: [{ path: CERT_PATH, line: 6 }],
      output: jsonCert({ DomainName: 'www.example.com', ValidationMethod: 'DNS' }),
    },
    {
      name: 'EMAIL from the parameter Default and AllowedValues: related info, the fix edits the parameter',
      code: param('EMAIL', 'DNS, EMAIL'),
      errors: [{ path: [...CERT_PATH, 'ValidationMethod'], related: 2, fixes: 1 }],
      output: param('DNS', 'DNS, DNS'),
    },
    {
      name: 'EMAIL only in AllowedValues',
      code: param('DNS', 'DNS, EMAIL'),
      errors: [{ path: [...CERT_PATH, 'ValidationMethod'], related: 1 }],
      output: param('DNS', 'DNS, DNS'),
    },
    {
      name: 'Fn::If branch with EMAIL: the range covers the branch',
      code: conditional('!If [IsProd, DNS, EMAIL]'),
      errors: [{ path: [...CERT_PATH, 'ValidationMethod', 'Fn::If', 2] }],
      output: conditional('!If [IsProd, DNS, DNS]'),
    },
    {
      name: 'Fn::If branch with AWS::NoValue means the default EMAIL',
      code: conditional('!If [IsProd, DNS, !Ref AWS::NoValue]'),
      errors: [{ path: [...CERT_PATH, 'ValidationMethod'], messageIncludes: 'one branch' }],
      output: conditional('!If [IsProd, DNS, DNS]'),
    },
    {
      name: 'AWS::NoValue in place',
      code: method('!Ref AWS::NoValue'),
      errors: [{ path: [...CERT_PATH, 'ValidationMethod'], messageIncludes: 'AWS::NoValue' }],
      output: method('DNS'),
    },
    {
      name: 'a CA ARN only in one branch: the public branch is checked',
      code: yamlCert(
        `      DomainName: www.example.com\n      CertificateAuthorityArn: !If [IsProd, ${PRIVATE_CA}, !Ref AWS::NoValue]\n      ValidationMethod: EMAIL`,
        { conditions: IS_PROD_CONDITION },
      ),
      errors: [{ path: [...CERT_PATH, 'ValidationMethod'] }],
    },
  ],
});

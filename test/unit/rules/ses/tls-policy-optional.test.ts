import { sesTlsPolicyOptional } from '../../../../rules/src/rules/ses/tls-policy-optional';
import { runRuleTests } from '../../../support/rule-tester';

const set = (options: string): string => `AWSTemplateFormatVersion: '2010-09-09'
Conditions:
  Strict: !Equals [!Ref AWS::Region, eu-west-1]
Resources:
  Mail:
    Type: AWS::SES::ConfigurationSet
    Properties:
      Name: transactional
${options}`;

const withPolicy = (value: string): string => set(`      DeliveryOptions:\n        SendingPoolName: dedicated\n        TlsPolicy: ${value}\n`);

const param = (values: string): string => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Tls:
    Type: String
    Default: REQUIRE
    AllowedValues: [${values}]
Resources:
  Mail:
    Type: AWS::SES::ConfigurationSet
    Properties:
      DeliveryOptions:
        TlsPolicy: !Ref Tls
`;

const json = (properties: Record<string, unknown> | undefined): string =>
  JSON.stringify({ Resources: { Mail: { Type: 'AWS::SES::ConfigurationSet', ...(properties ? { Properties: properties } : {}) } } }, null, 2);

const POLICY = ['Resources', 'Mail', 'Properties', 'DeliveryOptions', 'TlsPolicy'];

runRuleTests(sesTlsPolicyOptional, {
  valid: [
    { name: 'TlsPolicy REQUIRE', code: withPolicy('REQUIRE') },
    { name: 'JSON, TlsPolicy REQUIRE', code: json({ DeliveryOptions: { TlsPolicy: 'REQUIRE' } }) },
    { name: 'TlsPolicy from GetAtt is unknown', code: withPolicy('!GetAtt Config.TlsPolicy') },
    { name: 'TlsPolicy from ImportValue is unknown', code: withPolicy('!ImportValue mail-tls-policy') },
    { name: 'DeliveryOptions from ImportValue is unknown', code: set('      DeliveryOptions: !ImportValue mail-delivery-options\n') },
    { name: 'a parameter whose values are all REQUIRE', code: param('REQUIRE') },
    { name: 'Fn::If with REQUIRE in both branches', code: withPolicy('!If [Strict, REQUIRE, REQUIRE]') },
  ],
  invalid: [
    {
      name: 'TlsPolicy OPTIONAL: set to REQUIRE',
      code: withPolicy('OPTIONAL'),
      errors: [{ path: POLICY, line: 11, severity: 'info', messageIncludes: "'OPTIONAL'", resource: 'Mail', fixes: 1 }],
      output: withPolicy('REQUIRE'),
    },
    {
      name: 'no DeliveryOptions: inserted',
      code: set(''),
      errors: [{ path: ['Resources', 'Mail', 'Properties'], line: 7, severity: 'info', fixes: 1 }],
      output: set('      DeliveryOptions:\n        TlsPolicy: REQUIRE\n'),
    },
    {
      name: 'DeliveryOptions without TlsPolicy: inserted',
      code: set('      DeliveryOptions:\n        SendingPoolName: dedicated\n'),
      errors: [{ path: ['Resources', 'Mail', 'Properties', 'DeliveryOptions'], line: 9 }],
      output: set('      DeliveryOptions:\n        SendingPoolName: dedicated\n        TlsPolicy: REQUIRE\n'),
    },
    {
      name: 'a parameter that allows OPTIONAL: the parameter value is fixed',
      code: param('REQUIRE, OPTIONAL'),
      errors: [{ path: POLICY, related: 1, fixes: 1 }],
      output: param('REQUIRE, REQUIRE'),
    },
    {
      name: 'Fn::If: the OPTIONAL branch',
      code: withPolicy('!If [Strict, REQUIRE, OPTIONAL]'),
      errors: [{ path: [...POLICY, 'Fn::If', 2], messageIncludes: '(when Strict is false)' }],
      output: withPolicy('!If [Strict, REQUIRE, REQUIRE]'),
    },
    {
      name: 'TlsPolicy removed by AWS::NoValue in one scenario',
      code: withPolicy('!If [Strict, REQUIRE, !Ref AWS::NoValue]'),
      errors: [{ path: ['Resources', 'Mail', 'Properties', 'DeliveryOptions'] }],
    },
    {
      name: 'JSON, TlsPolicy OPTIONAL',
      code: json({ DeliveryOptions: { TlsPolicy: 'OPTIONAL' } }),
      errors: [{ path: POLICY, fixes: 1 }],
      output: json({ DeliveryOptions: { TlsPolicy: 'REQUIRE' } }),
    },
    {
      name: 'JSON, no Properties: on the logical id',
      code: json(undefined),
      errors: [{ path: ['Resources', 'Mail', 'Properties'], line: 3 }],
    },
  ],
});

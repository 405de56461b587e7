import { acmMissingTags } from '../../../../rules/src/rules/acm/missing-tags';
import { runRuleTests } from '../../../support/rule-tester';
import { runQuickFixTests } from './apply-fix';
import { CERT_PATH, IS_PROD_CONDITION, jsonCert, yamlCert } from './fixtures';

const base = '      DomainName: billing.example.com\n      ValidationMethod: DNS';
const tagged = (tags: string): string => yamlCert(`${base}\n      Tags:\n${tags}`, { conditions: IS_PROD_CONDITION });
const tag = (k: string, v: string): string => `        - Key: ${k}\n          Value: ${v}`;
const requiredTags = ['Owner', 'CostCenter'];

runRuleTests(acmMissingTags, {
  valid: [
    {
      name: 'a tag whose key comes from a parameter with AllowedValues is still a tag',
      code: tagged(tag('!Ref TagKey', 'x')).replace(
        'Conditions:',
        'Parameters:\n  TagKey:\n    Type: String\n    Default: Owner\n    AllowedValues: [Owner, Team]\nConditions:',
      ),
    },
    { name: 'a tag list item from ImportValue is a tag', code: tagged('        - !ImportValue shared-tag') },
    { name: 'any tag without requiredTags', code: tagged(tag('Owner', 'billing-team')) },
    { name: 'every required key', code: tagged(`${tag('Owner', 'billing-team')}\n${tag('CostCenter', "'4711'")}`), options: { requiredTags } },
    {
      name: 'a tag key from ImportValue may be the required one',
      code: tagged(`${tag('Owner', 'a')}\n${tag('!ImportValue tag-key', 'b')}`),
      options: { requiredTags },
    },
    { name: 'unknown Tags', code: yamlCert(`${base}\n      Tags: !GetAtt Defaults.Tags`), options: { requiredTags } },
    {
      name: 'tag key from a parameter Default',
      code: tagged(tag('!Ref TagKey', 'x')).replace('Conditions:', 'Parameters:\n  TagKey:\n    Type: String\n    Default: Owner\nConditions:'),
    },
    {
      name: 'JSON with tags',
      code: jsonCert({
        DomainName: 'billing.example.com',
        Tags: [
          { Key: 'Owner', Value: 'bi' },
          { Key: 'CostCenter', Value: '4711' },
        ],
      }),
      options: { requiredTags },
    },
  ],
  invalid: [
    {
      name: 'a tag key parameter whose AllowedValues may miss the required key',
      code: yamlCert(`${base}\n      Tags:\n${tag('!Ref TagKey', 'x')}\n${tag('CostCenter', 'y')}`, {
        parameters: '  TagKey:\n    Type: String\n    Default: Owner\n    AllowedValues: [Owner, Team]',
      }),
      options: { requiredTags },
      errors: [{ path: [...CERT_PATH, 'Tags'], messageIncludes: "'Owner'" }],
    },
    {
      name: 'no Tags: info on the Properties key, Owner/Team/Application inserted',
      code: yamlCert(base),
      errors: [{ path: CERT_PATH, line: 5, severity: 'info', fixes: 1 }],
    },
    {
      name: 'empty Tags list',
      code: yamlCert(`${base}\n      Tags: []`),
      errors: [{ path: [...CERT_PATH, 'Tags'], severity: 'info' }],
    },
    {
      name: 'requiredTags: one warning per missing key, the fix adds both',
      code: yamlCert(base),
      options: { requiredTags },
      errors: [
        { path: CERT_PATH, severity: 'warning', messageIncludes: "'Owner'", fixes: 1 },
        { path: CERT_PATH, severity: 'warning', messageIncludes: "'CostCenter'", fixes: 1 },
      ],
      output: yamlCert(`${base}\n      Tags:\n${tag('Owner', "''")}\n${tag('CostCenter', "''")}`),
    },
    {
      name: 'requiredTags: the missing key is appended to the existing list',
      code: tagged(tag('Owner', 'billing-team')),
      options: { requiredTags },
      errors: [{ path: [...CERT_PATH, 'Tags'], severity: 'warning', messageIncludes: "'CostCenter'" }],
      output: tagged(`${tag('Owner', 'billing-team')}\n${tag('CostCenter', "''")}`),
    },
    {
      name: 'tag keys are case-sensitive',
      code: tagged(`${tag('owner', 'x')}\n${tag('CostCenter', 'y')}`),
      options: { requiredTags },
      errors: [{ messageIncludes: "'Owner'" }],
    },
    {
      name: 'a required tag only in one Fn::If branch',
      code: yamlCert(`${base}\n      Tags:\n${tag('Owner', 'x')}\n        - !If [IsProd, {Key: CostCenter, Value: '1'}, !Ref AWS::NoValue]`, {
        conditions: IS_PROD_CONDITION,
      }),
      options: { requiredTags },
      errors: [{ path: [...CERT_PATH, 'Tags'], messageIncludes: "'CostCenter'" }],
    },
    {
      name: 'JSON without Tags',
      code: jsonCert({ DomainName: 'billing.example.com', ValidationMethod: 'EMAIL' }),
      options: { requiredTags },
      errors: [
        { path: CERT_PATH, severity: 'warning' },
        { path: CERT_PATH, severity: 'warning' },
      ],
      output: jsonCert({
        DomainName: 'billing.example.com',
        ValidationMethod: 'EMAIL',
        Tags: [
          { Key: 'Owner', Value: '' },
          { Key: 'CostCenter', Value: '' },
        ],
      }),
    },
  ],
});

runQuickFixTests(acmMissingTags, [
  {
    name: 'without requiredTags the suggested keys are inserted, but not by fix-all',
    code: yamlCert(base),
    output: yamlCert(`${base}\n      Tags:\n${tag('Owner', "''")}\n${tag('Team', "''")}\n${tag('Application', "''")}`),
    safe: false,
  },
  {
    name: 'with requiredTags the fix is in fix-all',
    code: tagged(tag('Owner', 'billing-team')),
    options: { requiredTags },
    output: tagged(`${tag('Owner', 'billing-team')}\n${tag('CostCenter', "''")}`),
    safe: true,
  },
]);

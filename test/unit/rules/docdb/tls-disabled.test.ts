import { docdbTlsDisabled } from '../../../../rules/src/rules/docdb/tls-disabled';
import { runRuleTests } from '../../../support/rule-tester';

const group = (family: string, parameters: string): string => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Tls:
    Type: String
    Default: enabled
    AllowedValues: [enabled, disabled]
Conditions:
  Legacy: !Equals [!Ref AWS::Region, eu-west-1]
Resources:
  Params:
    Type: AWS::DocDB::DBClusterParameterGroup
    Properties:
      Description: catalogue
      Family: ${family}
${parameters}
`;

const json = (family: string, parameters: unknown): string =>
  JSON.stringify(
    {
      Resources: { Params: { Type: 'AWS::DocDB::DBClusterParameterGroup', Properties: { Description: 'catalogue', Family: family, Parameters: parameters } } },
    },
    null,
    2,
  );

runRuleTests(docdbTlsDisabled, {
  valid: [
    { name: 'tls1.2+', code: group('docdb5.0', '      Parameters:\n        tls: tls1.2+') },
    { name: 'tls1.3+', code: group('docdb4.0', '      Parameters:\n        tls: tls1.3+') },
    { name: 'fips-140-3', code: group('docdb5.0', '      Parameters:\n        tls: fips-140-3') },
    { name: 'enabled on DocumentDB 3.6 (no tls1.2+ there)', code: group('docdb3.6', '      Parameters:\n        tls: enabled') },
    { name: 'enabled with an unknown family', code: group('!ImportValue docdb-family', '      Parameters:\n        tls: enabled') },
    { name: 'no tls parameter: the family default (enabled) is not this rule', code: group('docdb5.0', '      Parameters:\n        audit_logs: enabled') },
    { name: 'tls from ImportValue is unknown', code: group('docdb5.0', '      Parameters:\n        tls: !ImportValue docdb-tls') },
    { name: 'Parameters from GetAtt are unknown', code: group('docdb5.0', '      Parameters: !GetAtt Settings.Parameters') },
    { name: 'JSON-string Parameters with tls1.2+', code: group('docdb5.0', `      Parameters: '{"tls": "tls1.2+", "ttl_monitor": "enabled"}'`) },
    { name: 'JSON-string Parameters that do not parse', code: group('docdb5.0', `      Parameters: '{"tls": "disabled"'`) },
    { name: 'JSON template with tls1.2+', code: json('docdb5.0', { tls: 'tls1.2+' }) },
  ],
  invalid: [
    {
      name: 'disabled on DocumentDB 5.0: fixed to tls1.2+',
      code: group('docdb5.0', '      Parameters:\n        tls: disabled'),
      errors: [{ path: ['Resources', 'Params', 'Properties', 'Parameters', 'tls'], line: 16, severity: 'warning', fixes: 1 }],
      output: group('docdb5.0', '      Parameters:\n        tls: tls1.2+'),
    },
    {
      name: 'disabled on DocumentDB 3.6: fixed to enabled',
      code: group('docdb3.6', '      Parameters:\n        tls: disabled'),
      errors: [{ messageIncludes: "Set tls to 'enabled'" }],
      output: group('docdb3.6', '      Parameters:\n        tls: enabled'),
    },
    {
      name: 'enabled on DocumentDB 4.0: info, fixed to tls1.2+',
      code: group('docdb4.0', '      Parameters:\n        tls: enabled'),
      errors: [{ severity: 'info', messageIncludes: 'TLS 1.0 and 1.1' }],
      output: group('docdb4.0', '      Parameters:\n        tls: tls1.2+'),
    },
    {
      name: 'Fn::If branch',
      code: group('docdb5.0', '      Parameters:\n        tls: !If [Legacy, disabled, tls1.2+]'),
      errors: [{ path: ['Resources', 'Params', 'Properties', 'Parameters', 'tls', 'Fn::If', 1], messageIncludes: 'when Legacy is true' }],
      output: group('docdb5.0', '      Parameters:\n        tls: !If [Legacy, tls1.2+, tls1.2+]'),
    },
    {
      name: 'parameter AllowedValues entry: related information, the fix edits the parameter',
      code: group('docdb3.6', '      Parameters:\n        tls: !Ref Tls'),
      errors: [{ relatedPaths: [['Parameters', 'Tls', 'AllowedValues', 1]] }],
      output: group('docdb3.6', '      Parameters:\n        tls: !Ref Tls').replace('AllowedValues: [enabled, disabled]', 'AllowedValues: [enabled, enabled]'),
    },
    {
      name: 'JSON-string Parameters: on the string, the fix rewrites it',
      code: group('docdb5.0', `      Parameters: '{"tls": "disabled", "ttl_monitor": "enabled"}'`),
      errors: [{ path: ['Resources', 'Params', 'Properties', 'Parameters'], line: 15 }],
      output: group('docdb5.0', `      Parameters: '{"tls":"tls1.2+","ttl_monitor":"enabled"}'`),
    },
    {
      name: 'JSON template with disabled',
      code: json('docdb4.0', { tls: 'disabled' }),
      errors: [{ path: ['Resources', 'Params', 'Properties', 'Parameters', 'tls'], line: 9 }],
      output: json('docdb4.0', { tls: 'tls1.2+' }),
    },
  ],
});

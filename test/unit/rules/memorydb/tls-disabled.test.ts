import { strict as assert } from 'assert';
import { memorydbTlsDisabled } from '../../../../rules/src/rules/memorydb/tls-disabled';
import { lintWith, runRuleTests } from '../../../support/rule-tester';

const cluster = (extra: string): string => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Tls:
    Type: String
    Default: 'true'
    AllowedValues: ['true', 'false']
Conditions:
  Legacy: !Equals [!Ref AWS::Region, eu-west-1]
Resources:
  Store:
    Type: AWS::MemoryDB::Cluster
    Properties:
      ClusterName: sessions
      NodeType: db.t4g.small
      ACLName: app-users
${extra}`;

const json = (props: Record<string, unknown>): string =>
  JSON.stringify(
    {
      Resources: {
        Store: { Type: 'AWS::MemoryDB::Cluster', Properties: { ClusterName: 'sessions', NodeType: 'db.t4g.small', ACLName: 'open-access', ...props } },
      },
    },
    null,
    2,
  );

runRuleTests(memorydbTlsDisabled, {
  valid: [
    { name: 'TLSEnabled absent: the default is true', code: cluster('') },
    { name: 'TLSEnabled true', code: cluster('      TLSEnabled: true\n') },
    { name: 'TLSEnabled "true" string', code: cluster("      TLSEnabled: 'true'\n") },
    { name: 'AWS::NoValue: the default', code: cluster('      TLSEnabled: !Ref AWS::NoValue\n') },
    { name: 'from ImportValue is unknown', code: cluster('      TLSEnabled: !ImportValue memorydb-tls\n') },
    { name: 'from GetAtt is unknown', code: cluster('      TLSEnabled: !GetAtt Settings.Tls\n') },
    { name: 'Fn::If with true on both branches', code: cluster("      TLSEnabled: !If [Legacy, true, 'true']\n") },
    { name: 'no Properties', code: 'Resources:\n  Store:\n    Type: AWS::MemoryDB::Cluster\n' },
    { name: 'JSON TLSEnabled true', code: json({ TLSEnabled: true }) },
  ],
  invalid: [
    {
      name: 'TLSEnabled false: on the value, quick fixes set true or remove it',
      code: cluster('      TLSEnabled: false\n'),
      errors: [{ path: ['Resources', 'Store', 'Properties', 'TLSEnabled'], line: 16, severity: 'warning', fixes: 2 }],
      quickFixOutput: cluster('      TLSEnabled: true\n'),
    },
    {
      name: "TLSEnabled 'false' string",
      code: cluster("      TLSEnabled: 'false'\n"),
      errors: [{ messageIncludes: "'false'" }],
    },
    {
      name: 'Fn::If branch false',
      code: cluster('      TLSEnabled: !If [Legacy, false, true]\n'),
      errors: [{ path: ['Resources', 'Store', 'Properties', 'TLSEnabled', 'Fn::If', 1], messageIncludes: 'when Legacy is true', fixes: 1 }],
      quickFixOutput: cluster('      TLSEnabled: !If [Legacy, true, true]\n'),
    },
    {
      name: 'parameter AllowedValues false: related information, the quick fix edits the parameter',
      code: cluster('      TLSEnabled: !Ref Tls\n'),
      errors: [{ relatedPaths: [['Parameters', 'Tls', 'AllowedValues', 1]], fixes: 1 }],
      quickFixOutput: cluster('      TLSEnabled: !Ref Tls\n').replace("AllowedValues: ['true', 'false']", "AllowedValues: ['true', 'true']"),
    },
    {
      name: 'JSON TLSEnabled false',
      code: json({ TLSEnabled: false }),
      errors: [{ path: ['Resources', 'Store', 'Properties', 'TLSEnabled'], line: 9 }],
      quickFixOutput: json({ TLSEnabled: true }),
    },
  ],
});

describe('memorydb-tls-disabled fixes', () => {
  it('are quick fixes only; the second removes the property', () => {
    const code = cluster('      TLSEnabled: false\n');
    const [d] = lintWith(memorydbTlsDisabled, { name: 'quick', code });
    assert.ok(d && d.fixes.every((f) => f.safe === false && /replaces the cluster/.test(f.title)), JSON.stringify(d?.fixes));
    assert.deepEqual(d!.fixes[1]!.intents, [{ kind: 'remove', path: ['Resources', 'Store', 'Properties', 'TLSEnabled'] }]);
  });
});

import { strict as assert } from 'assert';
import { daxTlsDisabled } from '../../../../rules/src/rules/dax/tls-disabled';
import { lintWith, runRuleTests } from '../../../support/rule-tester';

const dax = (extra: string): string => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Encryption:
    Type: String
    Default: TLS
    AllowedValues: [TLS, NONE]
Conditions:
  Legacy: !Equals [!Ref AWS::Region, eu-west-1]
Resources:
  Cache:
    Type: AWS::DAX::Cluster
    Properties:
      NodeType: dax.r5.large
      ReplicationFactor: 3
      IAMRoleARN: arn:aws:iam::123456789012:role/dax
${extra}`;

const json = (props: Record<string, unknown>): string =>
  JSON.stringify(
    {
      Resources: {
        Cache: {
          Type: 'AWS::DAX::Cluster',
          Properties: { NodeType: 'dax.r5.large', ReplicationFactor: 3, IAMRoleARN: 'arn:aws:iam::123456789012:role/dax', ...props },
        },
      },
    },
    null,
    2,
  );

runRuleTests(daxTlsDisabled, {
  valid: [
    { name: 'ClusterEndpointEncryptionType TLS', code: dax('      ClusterEndpointEncryptionType: TLS\n') },
    { name: 'from ImportValue is unknown', code: dax('      ClusterEndpointEncryptionType: !ImportValue dax-encryption\n') },
    { name: 'from GetAtt is unknown', code: dax('      ClusterEndpointEncryptionType: !GetAtt Settings.Encryption\n') },
    { name: 'Fn::If with TLS on both branches', code: dax('      ClusterEndpointEncryptionType: !If [Legacy, TLS, TLS]\n') },
    {
      name: 'Properties from ImportValue are unknown',
      code: 'Resources:\n  Cache:\n    Type: AWS::DAX::Cluster\n    Properties: !ImportValue dax-properties\n',
    },
    { name: 'JSON TLS', code: json({ ClusterEndpointEncryptionType: 'TLS' }) },
  ],
  invalid: [
    {
      name: 'absent: on Properties, quick fix inserts TLS',
      code: dax(''),
      errors: [{ path: ['Resources', 'Cache', 'Properties'], line: 12, severity: 'warning', fixes: 1, messageIncludes: "'NONE'" }],
      quickFixOutput: dax('      ClusterEndpointEncryptionType: TLS\n'),
    },
    {
      name: 'NONE: on the value, quick fix sets TLS',
      code: dax('      ClusterEndpointEncryptionType: NONE\n'),
      errors: [{ path: ['Resources', 'Cache', 'Properties', 'ClusterEndpointEncryptionType'], line: 16, fixes: 1 }],
      quickFixOutput: dax('      ClusterEndpointEncryptionType: TLS\n'),
    },
    {
      name: 'AWS::NoValue makes it absent',
      code: dax('      ClusterEndpointEncryptionType: !Ref AWS::NoValue\n'),
      errors: [{ path: ['Resources', 'Cache', 'Properties'] }],
    },
    {
      name: 'Fn::If branch NONE',
      code: dax('      ClusterEndpointEncryptionType: !If [Legacy, NONE, TLS]\n'),
      errors: [{ path: ['Resources', 'Cache', 'Properties', 'ClusterEndpointEncryptionType', 'Fn::If', 1], messageIncludes: 'when Legacy is true' }],
      quickFixOutput: dax('      ClusterEndpointEncryptionType: !If [Legacy, TLS, TLS]\n'),
    },
    {
      name: 'parameter AllowedValues NONE: related information, the quick fix edits the parameter',
      code: dax('      ClusterEndpointEncryptionType: !Ref Encryption\n'),
      errors: [{ relatedPaths: [['Parameters', 'Encryption', 'AllowedValues', 1]] }],
      quickFixOutput: dax('      ClusterEndpointEncryptionType: !Ref Encryption\n').replace('AllowedValues: [TLS, NONE]', 'AllowedValues: [TLS, TLS]'),
    },
    {
      name: 'no Properties at all: on the logical id, no fix',
      code: 'Resources:\n  Cache:\n    Type: AWS::DAX::Cluster\n',
      errors: [{ line: 2, fixes: 0 }],
    },
    {
      name: 'JSON NONE',
      code: json({ ClusterEndpointEncryptionType: 'NONE' }),
      errors: [{ path: ['Resources', 'Cache', 'Properties', 'ClusterEndpointEncryptionType'], line: 9 }],
      quickFixOutput: json({ ClusterEndpointEncryptionType: 'TLS' }),
    },
    {
      name: 'JSON absent',
      code: json({}),
      errors: [{ path: ['Resources', 'Cache', 'Properties'], line: 5 }],
      quickFixOutput: json({ ClusterEndpointEncryptionType: 'TLS' }),
    },
  ],
});

describe('dax-tls-disabled fixes', () => {
  it('are quick fixes only, and say the cluster is replaced', () => {
    for (const code of [dax(''), dax('      ClusterEndpointEncryptionType: NONE\n')]) {
      const [d] = lintWith(daxTlsDisabled, { name: 'quick', code });
      assert.ok(d && d.fixes.length === 1 && d.fixes[0]!.safe === false && /replaces the cluster/.test(d.fixes[0]!.title), JSON.stringify(d?.fixes));
    }
  });
});

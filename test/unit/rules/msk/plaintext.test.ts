import { strict as assert } from 'assert';
import { mskPlaintext } from '../../../../rules/src/rules/msk/plaintext';
import { lintWith, runRuleTests } from '../../../support/rule-tester';

const msk = (transit: string): string => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  ClientBroker:
    Type: String
    Default: TLS
    AllowedValues: [TLS, TLS_PLAINTEXT]
Conditions:
  Legacy: !Equals [!Ref AWS::Region, eu-west-1]
Resources:
  Kafka:
    Type: AWS::MSK::Cluster
    Properties:
      ClusterName: events
      KafkaVersion: 3.6.0
      NumberOfBrokerNodes: 3
      BrokerNodeGroupInfo:
        InstanceType: kafka.m5.large
        ClientSubnets: [subnet-1, subnet-2, subnet-3]
      EncryptionInfo:
        EncryptionInTransit:
${transit}`;

const json = (transit: Record<string, unknown>): string =>
  JSON.stringify(
    {
      Resources: {
        Kafka: {
          Type: 'AWS::MSK::Cluster',
          Properties: { ClusterName: 'events', KafkaVersion: '3.6.0', NumberOfBrokerNodes: 3, EncryptionInfo: { EncryptionInTransit: transit } },
        },
      },
    },
    null,
    2,
  );

runRuleTests(mskPlaintext, {
  valid: [
    { name: 'TLS and InCluster true', code: msk('          ClientBroker: TLS\n          InCluster: true\n') },
    { name: 'defaults (absent): TLS, true', code: msk('          ClientBroker: !Ref AWS::NoValue\n') },
    { name: 'no EncryptionInfo at all: defaults', code: 'Resources:\n  Kafka:\n    Type: AWS::MSK::Cluster\n    Properties:\n      ClusterName: events\n' },
    { name: 'ClientBroker from ImportValue is unknown', code: msk('          ClientBroker: !ImportValue msk-client-broker\n') },
    { name: 'InCluster from GetAtt is unknown', code: msk('          InCluster: !GetAtt Settings.InCluster\n') },
    { name: 'Fn::If with TLS on both branches', code: msk('          ClientBroker: !If [Legacy, TLS, TLS]\n') },
    { name: 'JSON TLS', code: json({ ClientBroker: 'TLS', InCluster: true }) },
  ],
  invalid: [
    {
      name: 'TLS_PLAINTEXT: on the value, fixed to TLS',
      code: msk('          ClientBroker: TLS_PLAINTEXT\n'),
      errors: [
        { path: ['Resources', 'Kafka', 'Properties', 'EncryptionInfo', 'EncryptionInTransit', 'ClientBroker'], line: 21, severity: 'warning', fixes: 1 },
      ],
      output: msk('          ClientBroker: TLS\n'),
    },
    {
      name: 'PLAINTEXT',
      code: msk('          ClientBroker: PLAINTEXT\n'),
      errors: [{ messageIncludes: "'PLAINTEXT'" }],
      output: msk('          ClientBroker: TLS\n'),
    },
    {
      name: 'InCluster false: quick fix only (replaces the cluster)',
      code: msk('          InCluster: false\n'),
      errors: [{ path: ['Resources', 'Kafka', 'Properties', 'EncryptionInfo', 'EncryptionInTransit', 'InCluster'], line: 21, fixes: 1 }],
      quickFixOutput: msk('          InCluster: true\n'),
    },
    {
      name: 'both: two findings; fix-all fixes ClientBroker only',
      code: msk('          ClientBroker: TLS_PLAINTEXT\n          InCluster: false\n'),
      errors: [{ line: 21 }, { line: 22 }],
    },
    {
      name: 'Fn::If branch TLS_PLAINTEXT',
      code: msk('          ClientBroker: !If [Legacy, TLS_PLAINTEXT, TLS]\n'),
      errors: [
        {
          path: ['Resources', 'Kafka', 'Properties', 'EncryptionInfo', 'EncryptionInTransit', 'ClientBroker', 'Fn::If', 1],
          messageIncludes: 'when Legacy is true',
        },
      ],
      output: msk('          ClientBroker: !If [Legacy, TLS, TLS]\n'),
    },
    {
      name: 'parameter AllowedValues TLS_PLAINTEXT: related information, the fix edits the parameter',
      code: msk('          ClientBroker: !Ref ClientBroker\n'),
      errors: [{ relatedPaths: [['Parameters', 'ClientBroker', 'AllowedValues', 1]] }],
      output: msk('          ClientBroker: !Ref ClientBroker\n').replace('AllowedValues: [TLS, TLS_PLAINTEXT]', 'AllowedValues: [TLS, TLS]'),
    },
    {
      name: 'JSON TLS_PLAINTEXT',
      code: json({ ClientBroker: 'TLS_PLAINTEXT' }),
      errors: [{ line: 11 }],
      output: json({ ClientBroker: 'TLS' }),
    },
    {
      name: 'JSON InCluster false',
      code: json({ InCluster: false }),
      errors: [{ line: 11 }],
      quickFixOutput: json({ InCluster: true }),
    },
  ],
});

describe('msk-plaintext fixes', () => {
  it('InCluster is a quick fix only; ClientBroker is in fix-all', () => {
    const found = lintWith(mskPlaintext, { name: 'both', code: msk('          ClientBroker: PLAINTEXT\n          InCluster: false\n') });
    assert.equal(found[0]!.fixes[0]!.safe, true);
    assert.ok(found[1]!.fixes[0]!.safe === false && /replaces the cluster/.test(found[1]!.fixes[0]!.title));
  });
});

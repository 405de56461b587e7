import { strict as assert } from 'assert';
import { lintText } from '../../../../rules/src/engine/lint';
import { defaultRegistry } from '../../../../rules/src/rules/index';
import { templateDuplicateKey } from '../../../../rules/src/rules/core/duplicate-key';
import { runRuleTests } from '../../../support/rule-tester';

const LISTENER = (policies: string[]): string => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  HttpsListener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !ImportValue shared-AlbArn
${policies.map((p) => `      SslPolicy: ${p}`).join('\n')}
      Port: 443
      Protocol: HTTPS
`;

runRuleTests(templateDuplicateKey, {
  valid: [
    { name: 'each key once (YAML)', code: LISTENER(['ELBSecurityPolicy-TLS13-1-2-Res-2021-06']) },
    { name: 'each key once (JSON)', code: '{"Resources": {"A": {"Type": "AWS::SNS::Topic", "Properties": {"TopicName": "a"}}}}' },
    { name: 'the same key in two mappings', code: 'Resources:\n  A:\n    Type: AWS::SNS::Topic\n  B:\n    Type: AWS::SNS::Topic\n' },
    {
      name: 'a merge key overrides merged keys on purpose',
      code: 'Resources:\n  A: &a\n    Type: AWS::SNS::Topic\n  B:\n    <<: *a\n    Type: AWS::SQS::Queue\n',
    },
    { name: 'keys that differ in case', code: 'Resources:\n  A:\n    Type: AWS::SNS::Topic\n  a:\n    Type: AWS::SNS::Topic\n' },
  ],
  invalid: [
    {
      name: 'a repeated property: on the later key, naming the earlier line; quick fix removes the earlier (YAML)',
      code: LISTENER(['ELBSecurityPolicy-TLS-1-1-2017-01', 'ELBSecurityPolicy-TLS13-1-2-Res-2021-06']),
      errors: [
        {
          path: ['Resources', 'HttpsListener', 'Properties', 'SslPolicy'],
          line: 8,
          messageIncludes: 'first at line 7',
          related: 1,
          fixes: 1,
          severity: 'error',
          resource: 'HttpsListener',
        },
      ],
      quickFixOutput: LISTENER(['ELBSecurityPolicy-TLS13-1-2-Res-2021-06']),
    },
    {
      name: 'a repeated property (JSON); quick fix removes the earlier',
      code: '{\n  "Resources": {\n    "Topic": {\n      "Type": "AWS::SNS::Topic",\n      "Properties": {\n        "TopicName": "a",\n        "TopicName": "b"\n      }\n    }\n  }\n}\n',
      errors: [{ path: ['Resources', 'Topic', 'Properties', 'TopicName'], line: 7, messageIncludes: 'first at line 6', related: 1, fixes: 1 }],
      quickFixOutput:
        '{\n  "Resources": {\n    "Topic": {\n      "Type": "AWS::SNS::Topic",\n      "Properties": {\n        "TopicName": "b"\n      }\n    }\n  }\n}\n',
    },
    {
      name: 'two resources with one logical id',
      code: 'Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n  Queue:\n    Type: AWS::SQS::Queue\n  Topic:\n    Type: AWS::SNS::Topic\n',
      errors: [{ path: ['Resources', 'Topic'], line: 6, messageIncludes: "Logical id 'Topic'" }],
    },
    {
      name: 'three copies: one diagnostic on the last, naming both earlier lines, no fix',
      code: LISTENER(['ELBSecurityPolicy-2016-08', 'ELBSecurityPolicy-TLS-1-1-2017-01', 'ELBSecurityPolicy-TLS13-1-2-Res-2021-06']),
      errors: [{ line: 9, messageIncludes: 'lines 7, 8', related: 2, fixes: 0 }],
    },
    {
      name: 'YAML 1.1 reads yes and Yes as the same key (true)',
      code: 'Mappings:\n  M:\n    yes: {A: 1}\n    Yes: {A: 2}\nResources:\n  T:\n    Type: AWS::SNS::Topic\n',
      errors: [{ line: 4 }],
    },
    {
      name: 'in a flow mapping and in a list item',
      code: 'Resources:\n  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      Tags:\n        - {Key: a, Key: b, Value: c}\n',
      errors: [{ path: ['Resources', 'T', 'Properties', 'Tags', 0, 'Key'], line: 6 }],
    },
  ],
});

describe('template-duplicate-key: linting goes on with the last value', () => {
  const lint = (text: string, file = 't.yaml') => lintText(text, file, defaultRegistry()).diagnostics;

  it('a weak policy written last is reported, on the last line (YAML)', () => {
    const d = lint(LISTENER(['ELBSecurityPolicy-TLS13-1-2-Res-2021-06', 'ELBSecurityPolicy-TLS-1-1-2017-01']));
    assert.deepEqual(
      d.filter((x) => x.rule === 'template-parse-error'),
      [],
    );
    const weak = d.find((x) => x.rule === 'elbv2-ssl-policy-weak');
    assert.ok(weak, 'weak policy reported');
    assert.equal(weak!.range.start.line + 1, 8);
  });

  it('a weak policy overridden by a strong one is not reported (JSON)', () => {
    const d = lint(
      '{"Resources": {"L": {"Type": "AWS::ElasticLoadBalancingV2::Listener", "Properties": {"Protocol": "HTTPS", "LoadBalancerArn": {"Fn::ImportValue": "a"}, "SslPolicy": "ELBSecurityPolicy-2016-08", "SslPolicy": "ELBSecurityPolicy-TLS13-1-2-Res-2021-06"}}}}',
      't.json',
    );
    assert.deepEqual(
      d.filter((x) => x.rule === 'elbv2-ssl-policy-weak' || x.rule === 'template-parse-error'),
      [],
    );
    assert.equal(d.filter((x) => x.rule === 'template-duplicate-key').length, 1);
  });

  it('a duplicated resource is one resource, the last', () => {
    const text =
      'Resources:\n  L:\n    Type: AWS::ElasticLoadBalancingV2::Listener\n    Properties: {Protocol: HTTPS, LoadBalancerArn: x, SslPolicy: ELBSecurityPolicy-2016-08}\n  L:\n    Type: AWS::SNS::Topic\n';
    const d = lint(text);
    assert.deepEqual(
      d.filter((x) => x.rule.startsWith('elbv2-')).map((x) => x.rule),
      [],
    );
  });
});

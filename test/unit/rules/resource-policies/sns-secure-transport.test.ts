import { snsSecureTransport } from '../../../../rules/src/rules/resource-policies/sns-secure-transport';
import { runRuleTests } from '../../../support/rule-tester';

const HEAD = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  TopicKey:
    Type: String
    Default: alias/aws/sns
Conditions:
  Strict: !Equals [!Ref AWS::Region, eu-west-1]
Resources:
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      TopicName: alerts
`;

const policy = (statements: string, topics = '[!Ref Topic]', head = HEAD): string => `${head}  TopicPolicy:
    Type: AWS::SNS::TopicPolicy
    Properties:
      Topics: ${topics}
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
${statements}
`;

const ALLOW_PUBLISH = `          - Sid: AllowEvents
            Effect: Allow
            Principal: {Service: events.amazonaws.com}
            Action: sns:Publish
            Resource: !Ref Topic`;

/** AWS's documented statement (SNS developer guide, security best practices). */
const DENY_HTTP = `          - Sid: AllowPublishThroughSSLOnly
            Effect: Deny
            Principal: '*'
            Action: SNS:Publish
            Resource: !Ref Topic
            Condition:
              Bool:
                aws:SecureTransport: 'false'`;

const ADDED_DENY = `          - Sid: AllowPublishThroughSSLOnly
            Effect: Deny
            Principal: '*'
            Action: sns:Publish
            Resource: !Ref Topic
            Condition:
              Bool:
                aws:SecureTransport: 'false'`;

const STATEMENT = ['Resources', 'TopicPolicy', 'Properties', 'PolicyDocument', 'Statement'];

const json = (statements: unknown[], topic: Record<string, unknown> = {}): string =>
  JSON.stringify(
    {
      Resources: {
        Topic: { Type: 'AWS::SNS::Topic', Properties: topic },
        TopicPolicy: {
          Type: 'AWS::SNS::TopicPolicy',
          Properties: { Topics: [{ Ref: 'Topic' }], PolicyDocument: { Version: '2012-10-17', Statement: statements } },
        },
      },
    },
    null,
    2,
  );

const JSON_ALLOW = { Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: 'sns:Publish', Resource: '*' };

runRuleTests(snsSecureTransport, {
  valid: [
    { name: "AWS's statement (action in capitals)", code: policy(`${ALLOW_PUBLISH}\n${DENY_HTTP}`) },
    {
      name: 'Action sns:* and Principal {AWS: "*"}',
      code: policy(DENY_HTTP.replace('SNS:Publish', "'sns:*'").replace("Principal: '*'", "Principal: {AWS: '*'}")),
    },
    {
      name: 'Action * with BoolIfExists and a boolean false',
      code: policy(DENY_HTTP.replace('SNS:Publish', "'*'").replace('Bool:', 'BoolIfExists:').replace("'false'", 'false')),
    },
    {
      name: 'an encrypted topic refuses plain HTTP itself',
      code: policy(ALLOW_PUBLISH, '[!Ref Topic]', HEAD.replace('TopicName: alerts', 'KmsMasterKeyId: !Ref TopicKey')),
    },
    {
      name: 'a key from GetAtt is still a key',
      code: policy(ALLOW_PUBLISH, '[!Ref Topic]', HEAD.replace('TopicName: alerts', 'KmsMasterKeyId: !GetAtt Key.Arn')),
    },
    {
      name: 'PolicyDocument from ImportValue is unknown',
      code: policy(ALLOW_PUBLISH).replace(/PolicyDocument:[\s\S]*$/, 'PolicyDocument: !ImportValue shared-policy\n'),
    },
    { name: 'a statement from ImportValue may be the deny', code: policy(`${ALLOW_PUBLISH}\n          - !ImportValue shared-deny`) },
    { name: 'a condition value from GetAtt may be false', code: policy(DENY_HTTP.replace("'false'", '!GetAtt Config.Value')) },
    {
      name: 'JSON with the deny',
      code: json([
        JSON_ALLOW,
        { Effect: 'Deny', Principal: '*', Action: 'sns:Publish', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
      ]),
    },
  ],
  invalid: [
    {
      name: 'only an Allow: the deny is appended for the topic',
      code: policy(ALLOW_PUBLISH),
      errors: [{ path: STATEMENT, line: 19, severity: 'warning', fixes: 1, messageIncludes: 'sns:Publish' }],
      output: policy(`${ALLOW_PUBLISH}\n${ADDED_DENY}`),
    },
    {
      name: 'a deny on Subscribe only (near miss)',
      code: policy(DENY_HTTP.replace('SNS:Publish', 'sns:Subscribe')),
      errors: [{ path: STATEMENT, messageIncludes: 'Action does not cover sns:Publish', related: 1 }],
    },
    {
      name: 'an Allow on aws:SecureTransport true refuses nothing',
      code: policy(ALLOW_PUBLISH.replace('Resource: !Ref Topic', "Resource: !Ref Topic\n            Condition: {Bool: {aws:SecureTransport: 'true'}}")),
      errors: [{ path: STATEMENT, related: 1 }],
    },
    {
      name: 'condition value from a parameter whose only value is true',
      code: policy(DENY_HTTP.replace("aws:SecureTransport: 'false'", 'aws:SecureTransport: !Ref Flag')).replace(
        'Conditions:',
        "  Flag:\n    Type: String\n    Default: 'true'\nConditions:",
      ),
      errors: [{ path: STATEMENT }],
    },
    {
      name: 'the deny only in one Fn::If branch: reported in the other',
      code: policy(
        `${ALLOW_PUBLISH}\n          - !If [Strict, !Ref AWS::NoValue, {Effect: Deny, Principal: '*', Action: 'sns:Publish', Resource: '*', Condition: {Bool: {aws:SecureTransport: 'false'}}}]`,
      ),
      errors: [{ path: STATEMENT }],
    },
    {
      name: 'KmsMasterKeyId removed by AWS::NoValue in one scenario',
      code: policy(ALLOW_PUBLISH, '[!Ref Topic]', HEAD.replace('TopicName: alerts', 'KmsMasterKeyId: !If [Strict, !Ref TopicKey, !Ref AWS::NoValue]')),
      errors: [{ path: STATEMENT }],
    },
    {
      name: 'a topic from another stack: the deny names it as Topics does',
      code: policy(ALLOW_PUBLISH.replace('Resource: !Ref Topic', "Resource: '*'"), '[!ImportValue shared-topic]'),
      errors: [{ path: STATEMENT, fixes: 1 }],
      output: policy(
        `${ALLOW_PUBLISH.replace('Resource: !Ref Topic', "Resource: '*'")}\n${ADDED_DENY.replace('Resource: !Ref Topic', 'Resource: !ImportValue shared-topic')}`,
        '[!ImportValue shared-topic]',
      ),
    },
    {
      name: 'JSON: appended to the statement list',
      code: json([JSON_ALLOW]),
      errors: [{ path: STATEMENT, severity: 'warning', fixes: 1 }],
      output: json([
        JSON_ALLOW,
        {
          Sid: 'AllowPublishThroughSSLOnly',
          Effect: 'Deny',
          Principal: '*',
          Action: 'sns:Publish',
          Resource: { Ref: 'Topic' },
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
      ]).replace(/"Resource": \{\n\s+"Ref": "Topic"\n\s+\}/, '"Resource": { "Ref": "Topic" }'),
    },
  ],
});

import { sqsSecureTransport } from '../../../../rules/src/rules/resource-policies/sqs-secure-transport';
import { runRuleTests } from '../../../support/rule-tester';

const HEAD = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Managed:
    Type: String
    Default: 'false'
    AllowedValues: ['false', 'true']
Conditions:
  Strict: !Equals [!Ref AWS::Region, eu-west-1]
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      SqsManagedSseEnabled: false
`;

const policy = (statements: string, head = HEAD, queues = '[!Ref Queue]'): string => `${head}  QueuePolicy:
    Type: AWS::SQS::QueuePolicy
    Properties:
      Queues: ${queues}
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
${statements}
`;

const ALLOW_SEND = `          - Sid: AllowSend
            Effect: Allow
            Principal: {Service: sns.amazonaws.com}
            Action: sqs:SendMessage
            Resource: !GetAtt Queue.Arn`;

const DENY_HTTP = `          - Sid: DenyInsecureTransport
            Effect: Deny
            Principal: '*'
            Action: sqs:*
            Resource: !GetAtt Queue.Arn
            Condition:
              Bool:
                aws:SecureTransport: 'false'`;

const STATEMENT = ['Resources', 'QueuePolicy', 'Properties', 'PolicyDocument', 'Statement'];
const withSse = (line: string): string => HEAD.replace('SqsManagedSseEnabled: false', line);

const json = (statements: unknown[], queue: Record<string, unknown>): string =>
  JSON.stringify(
    {
      Resources: {
        Queue: { Type: 'AWS::SQS::Queue', Properties: queue },
        QueuePolicy: {
          Type: 'AWS::SQS::QueuePolicy',
          Properties: { Queues: [{ Ref: 'Queue' }], PolicyDocument: { Version: '2012-10-17', Statement: statements } },
        },
      },
    },
    null,
    2,
  );

const JSON_ALLOW = { Effect: 'Allow', Principal: { Service: 'sns.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: '*' };

runRuleTests(sqsSecureTransport, {
  valid: [
    { name: 'the deny statement', code: policy(`${ALLOW_SEND}\n${DENY_HTTP}`) },
    {
      name: 'Action * and Principal {AWS: "*"}, BoolIfExists',
      code: policy(DENY_HTTP.replace('sqs:*', "'*'").replace("Principal: '*'", "Principal: {AWS: '*'}").replace('Bool:', 'BoolIfExists:')),
    },
    { name: 'SSE with a KMS key refuses plain HTTP itself', code: policy(ALLOW_SEND, withSse('KmsMasterKeyId: alias/aws/sqs')) },
    { name: 'SqsManagedSseEnabled: true refuses plain HTTP itself', code: policy(ALLOW_SEND, withSse('SqsManagedSseEnabled: true')) },
    {
      name: 'PolicyDocument from ImportValue is unknown',
      code: policy(ALLOW_SEND).replace(/PolicyDocument:[\s\S]*$/, 'PolicyDocument: !ImportValue shared-policy\n'),
    },
    { name: 'the condition value from GetAtt may be false', code: policy(DENY_HTTP.replace("'false'", '!GetAtt Config.Value')) },
    {
      name: 'JSON with the deny',
      code: json([JSON_ALLOW, { Effect: 'Deny', Principal: '*', Action: 'sqs:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': false } } }], {
        SqsManagedSseEnabled: false,
      }),
    },
  ],
  invalid: [
    {
      name: 'SSE turned off and only an Allow: the deny is appended with the ARN as written',
      code: policy(ALLOW_SEND),
      errors: [{ path: STATEMENT, line: 20, severity: 'warning', fixes: 1, messageIncludes: 'sqs:*' }],
      output: policy(`${ALLOW_SEND}\n${DENY_HTTP}`),
    },
    {
      name: 'no encryption setting: SSE-SQS by default, info',
      code: policy(ALLOW_SEND, withSse('VisibilityTimeout: 60')),
      errors: [{ path: STATEMENT, severity: 'info', messageIncludes: 'SqsManagedSseEnabled: true' }],
      output: policy(`${ALLOW_SEND}\n${DENY_HTTP}`, withSse('VisibilityTimeout: 60')),
    },
    {
      name: 'SqsManagedSseEnabled from a parameter that may be false',
      code: policy(ALLOW_SEND, withSse('SqsManagedSseEnabled: !Ref Managed')),
      errors: [{ path: STATEMENT, severity: 'info' }],
    },
    {
      name: 'a deny on SendMessage only (near miss)',
      code: policy(DENY_HTTP.replace('sqs:*', 'sqs:SendMessage')),
      errors: [{ path: STATEMENT, messageIncludes: 'Action does not cover sqs:*', related: 1 }],
    },
    {
      name: 'the deny removed by AWS::NoValue in one scenario',
      code: policy(
        `${ALLOW_SEND}\n          - !If [Strict, !Ref AWS::NoValue, {Effect: Deny, Principal: '*', Action: 'sqs:*', Resource: '*', Condition: {Bool: {aws:SecureTransport: 'false'}}}]`,
      ),
      errors: [{ path: STATEMENT }],
    },
    {
      name: 'a queue from another stack: reported without a fix (its ARN is not known)',
      code: policy(ALLOW_SEND.replace('Resource: !GetAtt Queue.Arn', "Resource: '*'"), HEAD, '[!ImportValue shared-queue-url]'),
      errors: [{ path: STATEMENT, fixes: 0 }],
    },
    {
      name: 'JSON: appended to the statement list',
      code: json([JSON_ALLOW], { SqsManagedSseEnabled: false }),
      errors: [{ path: STATEMENT, severity: 'warning', fixes: 1 }],
      output: json(
        [
          JSON_ALLOW,
          {
            Sid: 'DenyInsecureTransport',
            Effect: 'Deny',
            Principal: '*',
            Action: 'sqs:*',
            Resource: { 'Fn::GetAtt': ['Queue', 'Arn'] },
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          },
        ],
        { SqsManagedSseEnabled: false },
      ).replace(/"Resource": \{\n\s+"Fn::GetAtt": \[\n\s+"Queue",\n\s+"Arn"\n\s+\]\n\s+\}/, '"Resource": { "Fn::GetAtt": ["Queue", "Arn"] }'),
    },
  ],
});

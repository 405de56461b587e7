import { acmActivityUnmonitored } from '../../../../rules/src/rules/acm/activity-unmonitored';
import { runRuleTests } from '../../../support/rule-tester';
import { IS_PROD_CONDITION, jsonCert, yamlCert } from './fixtures';

const cert = '      DomainName: www.example.com\n      ValidationMethod: DNS';
const rule = (pattern: string, state = ''): string =>
  `  Watch:\n    Type: AWS::Events::Rule\n    Properties:\n${state ? `      State: ${state}\n` : ''}      EventPattern:\n${pattern}\n      Targets:\n        - Id: topic\n          Arn: arn:aws:sns:eu-west-1:123456789012:security`;

runRuleTests(acmActivityUnmonitored, {
  valid: [
    {
      name: 'source from a parameter Default',
      code: yamlCert(cert, { parameters: '  Source:\n    Type: String\n    Default: aws.acm', resources: rule('        source: [!Ref Source]') }),
    },
    {
      name: 'source in an Fn::If branch',
      code: yamlCert(cert, { conditions: IS_PROD_CONDITION, resources: rule('        source: [!If [IsProd, aws.acm, aws.ec2]]') }),
    },
    {
      name: 'GetAtt alarm namespace may be ACM',
      code: yamlCert(cert, {
        resources: '  A:\n    Type: AWS::CloudWatch::Alarm\n    Properties:\n      Namespace: !GetAtt Config.Namespace\n      MetricName: DaysToExpiry',
      }),
    },
    { name: 'EventBridge rule on aws.acm', code: yamlCert(cert, { resources: rule('        source: [aws.acm]') }) },
    {
      name: 'EventBridge rule on ACM CloudTrail calls',
      code: yamlCert(cert, { resources: rule('        source: [aws.acm-pca, aws.kms]\n        detail:\n          eventSource: [acm.amazonaws.com]') }),
    },
    { name: 'EventBridge rule naming ACM API calls', code: yamlCert(cert, { resources: rule('        detail:\n          eventName: [DeleteCertificate]') }) },
    { name: 'prefix filter that matches aws.acm', code: yamlCert(cert, { resources: rule('        source:\n          - prefix: aws.') }) },
    {
      name: 'EventPattern as a JSON string',
      code: yamlCert(cert, { resources: rule(`        '{"source": ["aws.acm"]}'`).replace('EventPattern:\n', 'EventPattern: ') }),
    },
    {
      name: 'unknown EventPattern may watch ACM',
      code: yamlCert(cert, { resources: rule('        !ImportValue acm-pattern').replace('EventPattern:\n', 'EventPattern: ') }),
    },
    {
      name: 'CloudWatch alarm on ACM DaysToExpiry',
      code: yamlCert(cert, {
        resources:
          '  Expiry:\n    Type: AWS::CloudWatch::Alarm\n    Properties:\n      Namespace: AWS/CertificateManager\n      MetricName: DaysToExpiry\n      Statistic: Minimum\n      Period: 86400\n      EvaluationPeriods: 1\n      Threshold: 30\n      ComparisonOperator: LessThanThreshold',
      }),
    },
    {
      name: 'CloudTrail metric filter on ACM calls',
      code: yamlCert(cert, {
        resources:
          "  Filter:\n    Type: AWS::Logs::MetricFilter\n    Properties:\n      LogGroupName: trail\n      FilterPattern: '{ $.eventSource = acm.amazonaws.com }'\n      MetricTransformations:\n        - {MetricName: AcmCalls, MetricNamespace: Security, MetricValue: '1'}",
      }),
    },
    {
      name: 'JSON rule',
      code: jsonCert(
        { DomainName: 'www.example.com' },
        { Resources: { Watch: { Type: 'AWS::Events::Rule', Properties: { EventPattern: { source: ['aws.acm'] } } } } },
      ),
    },
  ],
  invalid: [
    { name: 'a rule whose source is AWS::NoValue', code: yamlCert(cert, { resources: rule('        source: [!Ref AWS::NoValue]') }), errors: [{}] },
    {
      name: 'source parameter Default on another service',
      code: yamlCert(cert, { parameters: '  Source:\n    Type: String\n    Default: aws.ec2', resources: rule('        source: [!Ref Source]') }),
      errors: [{}],
    },
    {
      name: 'nothing watches: once, on the first certificate',
      code: yamlCert(cert, { resources: '  Other:\n    Type: AWS::CertificateManager::Certificate\n    Properties:\n      DomainName: shop.example.com' }),
      errors: [{ path: ['Resources', 'Certificate'], line: 3, resource: 'Certificate', related: 1, messageIncludes: '2 certificates' }],
    },
    {
      name: 'a rule on other sources',
      code: yamlCert(cert, { resources: rule('        source: [aws.ec2]') }),
      errors: [{ path: ['Resources', 'Certificate'] }],
    },
    {
      name: 'a disabled rule',
      code: yamlCert(cert, { resources: rule('        source: [aws.acm]', 'DISABLED') }),
      errors: [{ path: ['Resources', 'Certificate'] }],
    },
    { name: 'a prefix that does not match', code: yamlCert(cert, { resources: rule('        source:\n          - prefix: aws.ec') }), errors: [{}] },
    {
      name: 'an alarm on another namespace',
      code: yamlCert(cert, {
        resources:
          '  Cpu:\n    Type: AWS::CloudWatch::Alarm\n    Properties:\n      Namespace: AWS/EC2\n      MetricName: CPUUtilization\n      Statistic: Average\n      Period: 60\n      EvaluationPeriods: 1\n      Threshold: 90\n      ComparisonOperator: GreaterThanThreshold',
      }),
      errors: [{}],
    },
    { name: 'JSON without watchers', code: jsonCert({ DomainName: 'www.example.com' }), errors: [{ path: ['Resources', 'Certificate'], line: 4 }] },
  ],
});

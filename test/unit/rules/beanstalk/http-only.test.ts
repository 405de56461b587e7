import { beanstalkHttpOnly } from '../../../../rules/src/rules/beanstalk/http-only';
import { runRuleTests } from '../../../support/rule-tester';
import { env, envJson, LB_TYPE, opt } from './fixtures';

const L443 = 'aws:elbv2:listener:443';
const DEF = 'aws:elbv2:listener:default';
const C443 = 'aws:elb:listener:443';
const LB = 'aws:elb:loadbalancer';
const ENV_NS = 'aws:elasticbeanstalk:environment';
const COND = 'Conditions:\n  Tls: !Equals [!Ref AWS::Region, eu-west-1]\n';
const base = (options: string[]): string =>
  `  Base:\n    Type: AWS::ElasticBeanstalk::ConfigurationTemplate\n    Properties:\n      ApplicationName: app\n      SolutionStackName: 64bit Amazon Linux 2023 v6.1.0 running Node.js 20\n      OptionSettings:\n${options.join('\n')}\n`;

runRuleTests(beanstalkHttpOnly, {
  valid: [
    { name: 'ALB with an HTTPS listener', code: env([LB_TYPE('application'), opt(L443, 'Protocol', 'HTTPS'), opt(L443, 'SSLCertificateArns', 'arn')]) },
    {
      name: 'ALB, HTTP default listener disabled, HTTPS listener',
      code: env([LB_TYPE('application'), opt(DEF, 'ListenerEnabled', "'false'"), opt(L443, 'Protocol', 'HTTPS')]),
    },
    { name: 'classic with an HTTPS listener', code: env([opt(C443, 'ListenerProtocol', 'HTTPS'), opt(C443, 'SSLCertificateId', 'arn')]) },
    { name: 'classic with the deprecated secure port', code: env([opt(LB, 'LoadBalancerHTTPSPort', "'443'"), opt(LB, 'SSLCertificateId', 'arn')]) },
    { name: 'classic TCP listener may carry TLS', code: env([opt('aws:elb:listener', 'ListenerProtocol', 'TCP')]) },
    { name: 'network load balancer (TCP)', code: env([LB_TYPE('network')]) },
    { name: 'single instance', code: env([opt(ENV_NS, 'EnvironmentType', 'SingleInstance')]) },
    { name: 'worker tier', code: env([], { props: '      Tier:\n        Name: Worker\n        Type: SQS/HTTP\n' }) },
    { name: 'shared load balancer', code: env([LB_TYPE('application'), opt(ENV_NS, 'LoadBalancerIsShared', 'true')]) },
    { name: 'a ConfigurationTemplate is one layer: not checked', code: env([LB_TYPE('application')], { type: 'ConfigurationTemplate', id: 'Config' }) },
    { name: 'environment type unknown', code: env([opt(ENV_NS, 'EnvironmentType', '!ImportValue env-type')]) },
    {
      name: 'listener enablement unknown',
      code: env([LB_TYPE('application'), opt(L443, 'ListenerEnabled', '!ImportValue on'), opt(L443, 'Protocol', 'HTTPS')]),
    },
    { name: 'protocol unknown', code: env([LB_TYPE('application'), opt(L443, 'Protocol', '!GetAtt Config.Protocol')]) },
    { name: 'an option item with an unknown namespace may be a listener', code: env([LB_TYPE('application'), opt('!ImportValue ns', 'Protocol', 'HTTPS')]) },
    { name: 'saved configuration outside the template', code: env([LB_TYPE('application')], { props: '      TemplateName: saved\n' }) },
    {
      name: 'HTTPS listener in the base ConfigurationTemplate',
      code: env([LB_TYPE('application')], { props: '      TemplateName: !Ref Base\n', more: base([opt(L443, 'Protocol', 'HTTPS')]) }),
    },
    { name: 'aws:elbv2 listener options without LoadBalancerType: which type was meant is unclear', code: env([opt(L443, 'Protocol', 'HTTPS')]) },
    { name: 'classic listener options on an ALB: unclear', code: env([LB_TYPE('application'), opt(C443, 'ListenerProtocol', 'HTTPS')]) },
    { name: 'every listener disabled: nothing to report', code: env([LB_TYPE('application'), opt(DEF, 'ListenerEnabled', 'false')]) },
    {
      name: 'JSON ALB with HTTPS',
      code: envJson([
        [ENV_NS, 'LoadBalancerType', 'application'],
        [L443, 'Protocol', 'HTTPS'],
      ]),
    },
  ],
  invalid: [
    {
      name: 'ALB with only the default listener: on the OptionSettings key',
      code: env([opt(ENV_NS, 'EnvironmentType', 'LoadBalanced'), LB_TYPE('application')]),
      errors: [
        {
          path: ['Resources', 'Env', 'Properties', 'OptionSettings'],
          line: 8,
          severity: 'warning',
          resource: 'Env',
          messageIncludes: 'aws:elbv2:listener:default',
        },
      ],
    },
    {
      name: 'no options at all: classic load balancer with the port 80 listener, on the Properties key',
      code: env([]),
      errors: [{ path: ['Resources', 'Env', 'Properties'], line: 5, messageIncludes: 'Classic Load Balancer' }],
    },
    {
      name: 'ALB with two HTTP listeners',
      code: env([LB_TYPE('application'), opt('aws:elbv2:listener:8080', 'Protocol', 'HTTP')]),
      errors: [{ messageIncludes: 'aws:elbv2:listener:8080' }],
    },
    {
      name: 'HTTPS listener disabled',
      code: env([LB_TYPE('application'), opt(L443, 'Protocol', 'HTTPS'), opt(L443, 'ListenerEnabled', "'false'")]),
      errors: [{ path: ['Resources', 'Env', 'Properties', 'OptionSettings'] }],
    },
    {
      name: 'deprecated secure port OFF',
      code: env([opt(LB, 'LoadBalancerHTTPSPort', 'OFF')]),
      errors: [{ messageIncludes: 'aws:elb:listener' }],
    },
    {
      name: 'HTTPS listener only in one scenario (NoValue in the other)',
      code: env([LB_TYPE('application'), `        - !If [Tls, {Namespace: ${L443}, OptionName: Protocol, Value: HTTPS}, !Ref AWS::NoValue]`], { head: COND }),
      errors: [{ path: ['Resources', 'Env', 'Properties', 'OptionSettings'] }],
    },
    {
      name: 'load balancer type from a parameter Default',
      code: env([opt(ENV_NS, 'LoadBalancerType', '!Ref LbType')], { head: 'Parameters:\n  LbType:\n    Type: String\n    Default: application\n' }),
      errors: [{ messageIncludes: 'Application Load Balancer' }],
    },
    {
      name: 'environment built on a ConfigurationTemplate that adds only HTTP',
      code: env([opt(ENV_NS, 'EnvironmentType', 'LoadBalanced')], { props: '      TemplateName: !Ref Base\n', more: base([LB_TYPE('application')]) }),
      errors: [{ path: ['Resources', 'Env', 'Properties', 'OptionSettings'] }],
    },
    {
      name: 'JSON ALB, HTTP only',
      code: envJson([['aws:elasticbeanstalk:environment', 'LoadBalancerType', 'application']]),
      errors: [{ path: ['Resources', 'Env', 'Properties', 'OptionSettings'], line: 7 }],
    },
  ],
});

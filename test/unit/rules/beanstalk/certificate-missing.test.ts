import { beanstalkCertificateMissing } from '../../../../rules/src/rules/beanstalk/certificate-missing';
import { runRuleTests } from '../../../support/rule-tester';
import { env, envJson, LB_TYPE, opt } from './fixtures';

const L443 = 'aws:elbv2:listener:443';
const C443 = 'aws:elb:listener:443';
const LB = 'aws:elb:loadbalancer';
const ENV_NS = 'aws:elasticbeanstalk:environment';
const CERT = 'arn:aws:acm:eu-west-1:123456789012:certificate/12345678-1234-1234-1234-123456789012';
const COND = 'Conditions:\n  Tls: !Equals [!Ref AWS::Region, eu-west-1]\n';

runRuleTests(beanstalkCertificateMissing, {
  valid: [
    {
      name: 'ALB HTTPS listener with SSLCertificateArns',
      code: env([LB_TYPE('application'), opt(L443, 'Protocol', 'HTTPS'), opt(L443, 'SSLCertificateArns', CERT)]),
    },
    { name: 'classic HTTPS listener with SSLCertificateId', code: env([opt(C443, 'ListenerProtocol', 'HTTPS'), opt(C443, 'SSLCertificateId', CERT)]) },
    { name: 'deprecated secure port with SSLCertificateId', code: env([opt(LB, 'LoadBalancerHTTPSPort', "'443'"), opt(LB, 'SSLCertificateId', CERT)]) },
    { name: 'deprecated secure port OFF', code: env([opt(LB, 'LoadBalancerHTTPSPort', 'OFF')]) },
    { name: 'HTTP listener needs none', code: env([LB_TYPE('application'), opt('aws:elbv2:listener:8080', 'Protocol', 'HTTP')]) },
    { name: 'classic TCP listener needs none', code: env([opt('aws:elb:listener:5000', 'ListenerProtocol', 'TCP')]) },
    { name: 'classic namespaces on an application load balancer do not apply', code: env([LB_TYPE('application'), opt(C443, 'ListenerProtocol', 'HTTPS')]) },
    { name: 'aws:elbv2 namespaces on a classic load balancer do not apply', code: env([opt(L443, 'Protocol', 'HTTPS')]) },
    { name: 'single instance', code: env([opt(ENV_NS, 'EnvironmentType', 'SingleInstance'), opt(C443, 'ListenerProtocol', 'HTTPS')]) },
    { name: 'listener disabled', code: env([opt(C443, 'ListenerProtocol', 'HTTPS'), opt(C443, 'ListenerEnabled', 'false')]) },
    {
      name: 'certificate from ImportValue is present',
      code: env([LB_TYPE('application'), opt(L443, 'Protocol', 'HTTPS'), opt(L443, 'SSLCertificateArns', '!ImportValue cert')]),
    },
    { name: 'protocol unknown', code: env([LB_TYPE('application'), opt(L443, 'Protocol', '!ImportValue proto')]) },
    {
      name: 'OptionSettings partly unknown: the certificate may be there',
      code: env([LB_TYPE('application'), opt(L443, 'Protocol', 'HTTPS'), opt(L443, '!ImportValue option', CERT)]),
    },
    {
      name: 'saved configuration outside the template',
      code: env([LB_TYPE('application'), opt(L443, 'Protocol', 'HTTPS')], { props: '      TemplateName: saved\n' }),
    },
    {
      name: 'certificate NoValue only where the listener is HTTP',
      code: env(
        [LB_TYPE('application'), opt(L443, 'Protocol', '!If [Tls, HTTPS, HTTP]'), opt(L443, 'SSLCertificateArns', '!If [Tls, arn, !Ref AWS::NoValue]')],
        { head: COND },
      ),
    },
    {
      name: 'an item whose Value is NoValue still names the option: not known to be absent',
      code: env([LB_TYPE('application'), opt(L443, 'Protocol', 'HTTPS'), opt(L443, 'SSLCertificateArns', '!If [Tls, arn, !Ref AWS::NoValue]')], { head: COND }),
    },
    {
      name: 'JSON ALB HTTPS with certificate',
      code: envJson([
        [ENV_NS, 'LoadBalancerType', 'application'],
        [L443, 'Protocol', 'HTTPS'],
        [L443, 'SSLCertificateArns', { Ref: 'Cert' }],
      ]),
    },
  ],
  invalid: [
    {
      name: 'ALB HTTPS listener without SSLCertificateArns: on the Protocol value',
      code: env([LB_TYPE('application'), opt(L443, 'Protocol', 'HTTPS')]),
      errors: [
        {
          path: ['Resources', 'Env', 'Properties', 'OptionSettings', 1, 'Value'],
          line: 14,
          severity: 'error',
          resource: 'Env',
          messageIncludes: 'SSLCertificateArns',
          fixes: 0,
        },
      ],
    },
    {
      name: 'classic (default type) SSL listener without SSLCertificateId',
      code: env([opt(C443, 'ListenerProtocol', 'SSL'), opt(C443, 'InstancePort', "'80'")]),
      errors: [{ path: ['Resources', 'Env', 'Properties', 'OptionSettings', 0, 'Value'], messageIncludes: 'SSLCertificateId' }],
    },
    {
      name: 'deprecated LoadBalancerHTTPSPort without SSLCertificateId: on the port value',
      code: env([opt(LB, 'LoadBalancerHTTPSPort', "'443'")]),
      errors: [{ path: ['Resources', 'Env', 'Properties', 'OptionSettings', 0, 'Value'], messageIncludes: 'LoadBalancerHTTPSPort' }],
    },
    {
      name: 'protocol from a parameter AllowedValues entry: related info',
      code: env([LB_TYPE('application'), opt(L443, 'Protocol', '!Ref Proto')], {
        head: 'Parameters:\n  Proto:\n    Type: String\n    Default: HTTP\n    AllowedValues: [HTTP, HTTPS]\n',
      }),
      errors: [{ path: ['Resources', 'Env', 'Properties', 'OptionSettings', 1, 'Value'], related: 1 }],
    },
    {
      name: 'certificate item removed by NoValue while the listener stays HTTPS',
      code: env(
        [
          LB_TYPE('application'),
          opt(L443, 'Protocol', 'HTTPS'),
          `        - !If [Tls, {Namespace: ${L443}, OptionName: SSLCertificateArns, Value: arn}, !Ref AWS::NoValue]`,
        ],
        { head: COND },
      ),
      errors: [{ path: ['Resources', 'Env', 'Properties', 'OptionSettings', 1, 'Value'] }],
    },
    {
      name: 'Fn::If branch of the protocol',
      code: env([LB_TYPE('application'), opt(L443, 'Protocol', '!If [Tls, HTTPS, HTTP]')], { head: COND }),
      errors: [{ path: ['Resources', 'Env', 'Properties', 'OptionSettings', 1, 'Value', 'Fn::If', 1] }],
    },
    {
      name: 'ConfigurationTemplate',
      code: env([LB_TYPE('application'), opt(L443, 'Protocol', 'HTTPS')], { type: 'ConfigurationTemplate', id: 'Config' }),
      errors: [{ resource: 'Config' }],
    },
    {
      name: 'JSON classic listener',
      code: envJson([[C443, 'ListenerProtocol', 'HTTPS']]),
      errors: [{ path: ['Resources', 'Env', 'Properties', 'OptionSettings', 0, 'Value'], line: 11 }],
    },
  ],
});

import { beanstalkSslPolicy } from '../../../../rules/src/rules/beanstalk/ssl-policy';
import { runRuleTests } from '../../../support/rule-tester';
import { env, envJson, LB_TYPE, opt } from './fixtures';

const L443 = 'aws:elbv2:listener:443';
const ENV_NS = 'aws:elasticbeanstalk:environment';
const RES = 'ELBSecurityPolicy-TLS13-1-2-Res-2021-06';
const https = [
  LB_TYPE('application'),
  opt(L443, 'Protocol', 'HTTPS'),
  opt(L443, 'SSLCertificateArns', 'arn:aws:acm:eu-west-1:123456789012:certificate/12345678-1234-1234-1234-123456789012'),
];
const policy = (value: string): string => opt(L443, 'SSLPolicy', value);
const COND = 'Conditions:\n  Strict: !Equals [!Ref AWS::Region, eu-west-1]\n';

/** A ConfigurationTemplate `Base` with these options, for an Environment built on it. */
const base = (options: string[]): string =>
  `  Base:\n    Type: AWS::ElasticBeanstalk::ConfigurationTemplate\n    Properties:\n      ApplicationName: app\n      SolutionStackName: 64bit Amazon Linux 2023 v6.1.0 running Node.js 20\n      OptionSettings:\n${options.join('\n')}\n`;

runRuleTests(beanstalkSslPolicy, {
  valid: [
    { name: 'HTTPS listener with a TLS 1.2 policy', code: env([...https, policy(RES)]) },
    { name: 'FIPS TLS 1.2 policy', code: env([...https, policy('ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04')]) },
    { name: 'only the default HTTP listener', code: env([LB_TYPE('application')]) },
    { name: 'classic load balancer (the default type): aws:elbv2 options do not apply', code: env(https.slice(1)) },
    { name: 'network load balancer', code: env([LB_TYPE('network'), ...https.slice(1)]) },
    { name: 'single instance: no load balancer', code: env([opt(ENV_NS, 'EnvironmentType', 'SingleInstance'), ...https]) },
    { name: 'worker tier: no load balancer', code: env(https, { props: '      Tier: {Name: Worker, Type: SQS/HTTP}\n' }) },
    { name: 'shared load balancer: its listeners are managed outside Elastic Beanstalk', code: env([...https, opt(ENV_NS, 'LoadBalancerIsShared', "'true'")]) },
    { name: 'listener disabled', code: env([...https, opt(L443, 'ListenerEnabled', "'false'")]) },
    { name: 'SSLPolicy from ImportValue is unknown', code: env([...https, policy('!ImportValue policy')]) },
    { name: 'LoadBalancerType unknown', code: env([opt(ENV_NS, 'LoadBalancerType', '!ImportValue lb-type'), ...https.slice(1)]) },
    { name: 'an item with an unknown namespace may be the SSLPolicy', code: env([...https, opt('!ImportValue ns', 'SSLPolicy', RES)]) },
    { name: 'saved configuration outside the template may hold SSLPolicy', code: env(https, { props: '      TemplateName: shared-config\n' }) },
    {
      name: 'the environment overrides a weak policy of its base template',
      code: env([policy(RES)], { props: '      TemplateName: !Ref Base\n', more: base([...https, policy('ELBSecurityPolicy-2016-08')]) }),
    },
    {
      name: 'weak policy only where the listener is HTTP',
      code: env(
        [
          LB_TYPE('application'),
          opt(L443, 'Protocol', '!If [Strict, HTTPS, HTTP]'),
          opt(L443, 'SSLCertificateArns', 'arn'),
          policy(`!If [Strict, ${RES}, ELBSecurityPolicy-2016-08]`),
        ],
        { head: COND },
      ),
    },
    {
      name: 'JSON with a TLS 1.3 policy',
      code: envJson([
        [ENV_NS, 'LoadBalancerType', 'application'],
        [L443, 'Protocol', 'HTTPS'],
        [L443, 'SSLCertificateArns', 'arn'],
        [L443, 'SSLPolicy', 'ELBSecurityPolicy-TLS13-1-3-2021-06'],
      ]),
    },
  ],
  invalid: [
    {
      name: 'HTTPS listener without SSLPolicy: on the Protocol value; fix appends the option',
      code: env(https),
      errors: [
        {
          path: ['Resources', 'Env', 'Properties', 'OptionSettings', 1, 'Value'],
          line: 14,
          severity: 'warning',
          resource: 'Env',
          messageIncludes: 'ELBSecurityPolicy-2016-08',
          fixes: 1,
        },
      ],
      output: env([...https, policy(RES)]),
    },
    {
      name: 'weak SSLPolicy: on the value; fix sets the recommended policy',
      code: env([...https, policy('ELBSecurityPolicy-2016-08')]),
      errors: [{ path: ['Resources', 'Env', 'Properties', 'OptionSettings', 3, 'Value'], line: 20, messageIncludes: 'TLS 1.0', fixes: 1 }],
      output: env([...https, policy(RES)]),
    },
    {
      name: 'recommendedPolicies.elbv2 overrides what the fix writes',
      code: env([...https, policy('ELBSecurityPolicy-TLS-1-1-2017-01')]),
      settings: { recommendedPolicies: { elbv2: 'ELBSecurityPolicy-TLS13-1-3-2021-06' } },
      errors: [{ messageIncludes: 'ELBSecurityPolicy-TLS13-1-3-2021-06' }],
      output: env([...https, policy('ELBSecurityPolicy-TLS13-1-3-2021-06')]),
    },
    {
      name: 'weak FIPS policy gets the FIPS replacement',
      code: env([...https, policy('ELBSecurityPolicy-TLS13-1-1-FIPS-2023-04')]),
      errors: [{ messageIncludes: 'ELBSecurityPolicy-TLS13-1-2-Res-FIPS-2023-04' }],
      output: env([...https, policy('ELBSecurityPolicy-TLS13-1-2-Res-FIPS-2023-04')]),
    },
    {
      name: 'the default listener made HTTPS',
      code: env([
        LB_TYPE('application'),
        opt('aws:elbv2:listener:default', 'Protocol', 'HTTPS'),
        opt('aws:elbv2:listener:default', 'SSLCertificateArns', 'arn'),
      ]),
      errors: [{ path: ['Resources', 'Env', 'Properties', 'OptionSettings', 1, 'Value'], messageIncludes: 'aws:elbv2:listener:default' }],
    },
    {
      name: 'weak policy from a parameter Default: related info, fix edits the parameter',
      code: env([...https, policy('!Ref Policy')], { head: 'Parameters:\n  Policy:\n    Type: String\n    Default: ELBSecurityPolicy-FS-1-1-2019-08\n' }),
      errors: [{ path: ['Resources', 'Env', 'Properties', 'OptionSettings', 3, 'Value'], related: 1 }],
      output: env([...https, policy('!Ref Policy')], { head: `Parameters:\n  Policy:\n    Type: String\n    Default: ${RES}\n` }),
    },
    {
      name: 'Fn::If branch: on the written branch',
      code: env([...https, policy(`!If [Strict, ${RES}, ELBSecurityPolicy-2016-08]`)], { head: COND }),
      errors: [{ path: ['Resources', 'Env', 'Properties', 'OptionSettings', 3, 'Value', 'Fn::If', 2] }],
    },
    {
      name: 'SSLPolicy item removed by NoValue in one scenario',
      code: env(
        [...https, `        - !If\n          - Strict\n          - {Namespace: ${L443}, OptionName: SSLPolicy, Value: ${RES}}\n          - !Ref AWS::NoValue`],
        { head: COND },
      ),
      errors: [{ path: ['Resources', 'Env', 'Properties', 'OptionSettings', 1, 'Value'] }],
    },
    {
      name: 'ConfigurationTemplate with a weak policy',
      code: env([...https, policy('ELBSecurityPolicy-TLS-1-1-2017-01')], { type: 'ConfigurationTemplate', id: 'Config' }),
      errors: [{ path: ['Resources', 'Config', 'Properties', 'OptionSettings', 3, 'Value'], resource: 'Config' }],
    },
    {
      name: 'environment built on an in-template ConfigurationTemplate: reported where the listener is written',
      code: env([opt(ENV_NS, 'EnvironmentType', 'LoadBalanced')], { props: '      TemplateName: !Ref Base\n', more: base(https) }),
      errors: [{ path: ['Resources', 'Base', 'Properties', 'OptionSettings', 1, 'Value'], resource: 'Base' }],
    },
    {
      name: 'JSON HTTPS listener without SSLPolicy',
      code: envJson([
        [ENV_NS, 'LoadBalancerType', 'application'],
        [L443, 'Protocol', 'HTTPS'],
        [L443, 'SSLCertificateArns', 'arn'],
      ]),
      errors: [{ path: ['Resources', 'Env', 'Properties', 'OptionSettings', 1, 'Value'], line: 16 }],
      output: envJson([
        [ENV_NS, 'LoadBalancerType', 'application'],
        [L443, 'Protocol', 'HTTPS'],
        [L443, 'SSLCertificateArns', 'arn'],
        [L443, 'SSLPolicy', RES],
      ]),
    },
    {
      name: 'JSON weak policy',
      code: envJson([
        [ENV_NS, 'LoadBalancerType', 'application'],
        [L443, 'Protocol', 'HTTPS'],
        [L443, 'SSLCertificateArns', 'arn'],
        [L443, 'SSLPolicy', 'ELBSecurityPolicy-2016-08'],
      ]),
      errors: [{ path: ['Resources', 'Env', 'Properties', 'OptionSettings', 3, 'Value'] }],
      output: envJson([
        [ENV_NS, 'LoadBalancerType', 'application'],
        [L443, 'Protocol', 'HTTPS'],
        [L443, 'SSLCertificateArns', 'arn'],
        [L443, 'SSLPolicy', RES],
      ]),
    },
  ],
});

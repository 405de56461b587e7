import { elbv2FipsPolicyMix } from '../../../../rules/src/rules/elbv2/fips-policy-mix';
import { runRuleTests } from '../../../support/rule-tester';
import { CERT_ARN, jsonTemplate, listener, loadBalancer, yamlTemplate } from './fixtures';

const FIPS = 'ELBSecurityPolicy-TLS13-1-2-Res-FIPS-2023-04';
const PLAIN = 'ELBSecurityPolicy-TLS13-1-2-Res-2021-06';

const https = (id: string, policy: string | undefined, lb = '!Ref Alb', protocol = 'HTTPS'): string =>
  listener(
    id,
    `      LoadBalancerArn: ${lb}\n      Port: 443\n      Protocol: ${protocol}\n${policy === undefined ? '' : `      SslPolicy: ${policy}\n`}      Certificates:\n        - CertificateArn: ${CERT_ARN}\n      DefaultActions:\n        - Type: fixed-response\n          FixedResponseConfig: {StatusCode: '404'}`,
  );

const two = (first: string | undefined, second: string | undefined, opts: { lbType?: string; parameters?: string; conditions?: string } = {}): string =>
  yamlTemplate(loadBalancer('Alb', opts.lbType) + '\n' + https('PublicListener', first) + '\n' + https('PartnerListener', second), opts);

const jsonPair = (first: string, second: string | null): string => {
  const props = (policy: string | null): Record<string, unknown> => ({
    LoadBalancerArn: { Ref: 'Alb' },
    Port: 443,
    Protocol: 'HTTPS',
    ...(policy ? { SslPolicy: policy } : {}),
    Certificates: [{ CertificateArn: CERT_ARN }],
    DefaultActions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404' } }],
  });
  return jsonTemplate({
    Alb: { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Subnets: ['subnet-1'] } },
    A: { Type: 'AWS::ElasticLoadBalancingV2::Listener', Properties: props(first) },
    B: { Type: 'AWS::ElasticLoadBalancingV2::Listener', Properties: props(second) },
  });
};

runRuleTests(elbv2FipsPolicyMix, {
  valid: [
    { name: 'both FIPS', code: two(FIPS, 'ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04') },
    { name: 'both non-FIPS', code: two(PLAIN, 'ELBSecurityPolicy-TLS13-1-3-2021-06') },
    { name: 'non-FIPS and no SslPolicy (default 2016-08 is non-FIPS)', code: two(PLAIN, undefined) },
    {
      name: 'separate load balancers',
      code: yamlTemplate(
        loadBalancer('Alb') + '\n' + loadBalancer('Other') + '\n' + https('PublicListener', FIPS) + '\n' + https('PartnerListener', PLAIN, '!Ref Other'),
      ),
    },
    {
      name: 'load balancer outside the template',
      code: yamlTemplate(https('PublicListener', FIPS, '!ImportValue alb') + '\n' + https('PartnerListener', PLAIN, '!ImportValue alb')),
    },
    {
      name: 'network load balancer (the AWS statement is about ALBs)',
      code: two(FIPS, PLAIN, { lbType: 'network' }).replace(/Protocol: HTTPS/g, 'Protocol: TLS'),
    },
    { name: 'unknown policy is not compared', code: two(FIPS, '!ImportValue partner-policy') },
    {
      name: 'HTTP listener without policy does not count',
      code: yamlTemplate(loadBalancer() + '\n' + https('PublicListener', FIPS) + '\n' + https('HttpListener', undefined, '!Ref Alb', 'HTTP')),
    },
    {
      name: 'a parameter allowing both families is not known',
      code: two(FIPS, '!Ref PartnerPolicy', { parameters: `  PartnerPolicy:\n    Type: String\n    Default: ${FIPS}\n    AllowedValues: [${FIPS}, ${PLAIN}]` }),
    },
    {
      name: 'both switch on the same condition',
      code: two(`!If [Fips, ${FIPS}, ${PLAIN}]`, `!If [Fips, ${FIPS}, ${PLAIN}]`, { conditions: '  Fips: !Equals [!Ref AWS::Region, us-gov-west-1]' }),
    },
    { name: 'JSON, both FIPS', code: jsonPair(FIPS, 'ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04') },
  ],
  invalid: [
    {
      name: 'FIPS first, non-FIPS second: reported on the second',
      code: two(FIPS, PLAIN),
      errors: [
        {
          path: ['Resources', 'PartnerListener', 'Properties', 'SslPolicy'],
          line: 27,
          severity: 'error',
          resource: 'PartnerListener',
          related: 1,
          messageIncludes: 'PublicListener',
        },
      ],
    },
    {
      name: 'second listener without SslPolicy counts as non-FIPS: on its Properties key',
      code: two(FIPS, undefined),
      errors: [{ path: ['Resources', 'PartnerListener', 'Properties'], line: 23, messageIncludes: 'ELBSecurityPolicy-2016-08' }],
    },
    {
      name: 'every later listener of the other family is reported',
      code: yamlTemplate(
        loadBalancer() +
          '\n' +
          https('A', PLAIN) +
          '\n' +
          https('B', FIPS) +
          '\n' +
          https('C', 'ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04') +
          '\n' +
          https('D', PLAIN),
      ),
      errors: [{ path: ['Resources', 'B', 'Properties', 'SslPolicy'] }, { path: ['Resources', 'C', 'Properties', 'SslPolicy'] }],
    },
    {
      name: 'Fn::If: the branch where the families differ',
      code: two(FIPS, `!If [Fips, ${FIPS}, ${PLAIN}]`, { conditions: '  Fips: !Equals [!Ref AWS::Region, us-gov-west-1]' }),
      errors: [{ path: ['Resources', 'PartnerListener', 'Properties', 'SslPolicy', 'Fn::If', 2] }],
    },
    {
      name: 'policy from a parameter Default',
      code: two(FIPS, '!Ref PartnerPolicy', { parameters: `  PartnerPolicy:\n    Type: String\n    Default: ${PLAIN}` }),
      errors: [{ path: ['Resources', 'PartnerListener', 'Properties', 'SslPolicy'] }],
    },
    {
      name: 'JSON: non-FIPS first, FIPS second',
      code: jsonPair(PLAIN, FIPS),
      errors: [{ path: ['Resources', 'B', 'Properties', 'SslPolicy'], messageIncludes: 'ELBSecurityPolicy-TLS13-1-2-Res-2021-06' }],
    },
  ],
});

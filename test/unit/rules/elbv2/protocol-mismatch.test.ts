import { elbv2ProtocolMismatch } from '../../../../rules/src/rules/elbv2/protocol-mismatch';
import { runRuleTests } from '../../../support/rule-tester';
import { jsonTemplate, LB_ARN, listener, loadBalancer, yamlTemplate } from './fixtures';

const onLb = (lbType: string | undefined, protocol: string | undefined, opts: { parameters?: string; conditions?: string; lbArn?: string } = {}): string =>
  yamlTemplate(
    loadBalancer('Lb', lbType) +
      '\n' +
      listener(
        'Listener',
        `      LoadBalancerArn: ${opts.lbArn ?? '!Ref Lb'}\n${protocol === undefined ? '' : `      Port: 443\n      Protocol: ${protocol}\n`}      DefaultActions:\n        - Type: forward\n          TargetGroupArn: !ImportValue targets`,
      ),
    opts,
  );

const jsonOnLb = (lbProps: Record<string, unknown>, protocol: string): string =>
  jsonTemplate({
    Lb: { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Subnets: ['subnet-1'], ...lbProps } },
    SecureListener: {
      Type: 'AWS::ElasticLoadBalancingV2::Listener',
      Properties: {
        LoadBalancerArn: { Ref: 'Lb' },
        Port: 443,
        Protocol: protocol,
        DefaultActions: [{ Type: 'forward', TargetGroupArn: { 'Fn::ImportValue': 'targets' } }],
      },
    },
  });

runRuleTests(elbv2ProtocolMismatch, {
  valid: [
    { name: 'HTTPS on the default (application) type', code: onLb(undefined, 'HTTPS') },
    { name: 'HTTP on application', code: onLb('application', 'HTTP') },
    { name: 'TLS on network', code: onLb('network', 'TLS') },
    { name: 'TCP_UDP on network', code: onLb('network', 'TCP_UDP') },
    { name: 'QUIC on network', code: onLb('network', 'QUIC') },
    { name: 'gateway listener without Protocol', code: onLb('gateway', undefined) },
    { name: 'load balancer outside the template', code: onLb(undefined, 'TLS', { lbArn: LB_ARN }) },
    { name: 'load balancer from ImportValue', code: onLb(undefined, 'TLS', { lbArn: '!ImportValue shared-lb' }) },
    { name: 'unknown load balancer Type', code: onLb('!ImportValue lb-type', 'TLS') },
    { name: 'unknown Protocol', code: onLb('network', '!ImportValue listener-protocol') },
    { name: 'not a listener protocol at all is a schema error, not a mismatch', code: onLb('application', 'HTTP2') },
    {
      name: 'Type and Protocol switch on the same condition',
      code: onLb('!If [Nlb, network, application]', '!If [Nlb, TLS, HTTPS]', { conditions: '  Nlb: !Equals [!Ref AWS::Region, eu-west-1]' }),
    },
    { name: 'JSON: HTTPS on application', code: jsonOnLb({ Type: 'application' }, 'HTTPS') },
    { name: 'AWS::NoValue Protocol on a gateway listener', code: onLb('gateway', '!Ref AWS::NoValue') },
  ],
  invalid: [
    {
      name: 'HTTPS on a network load balancer',
      code: onLb('network', 'HTTPS'),
      errors: [
        {
          path: ['Resources', 'Listener', 'Properties', 'Protocol'],
          line: 14,
          severity: 'error',
          resource: 'Listener',
          messageIncludes: 'Network Load Balancer',
          fixes: 0,
        },
      ],
    },
    {
      name: 'HTTP on a network load balancer',
      code: onLb('network', 'HTTP'),
      errors: [{ messageIncludes: "'HTTP'" }],
    },
    {
      name: 'TLS on the default type (application)',
      code: onLb(undefined, 'TLS'),
      errors: [{ path: ['Resources', 'Listener', 'Properties', 'Protocol'], messageIncludes: 'Application Load Balancer' }],
    },
    {
      name: 'any Protocol on a gateway load balancer',
      code: onLb('gateway', 'TCP'),
      errors: [{ path: ['Resources', 'Listener', 'Properties', 'Protocol'], messageIncludes: 'Gateway Load Balancer' }],
    },
    {
      name: 'GENEVE is not specified either on a gateway load balancer',
      code: onLb('gateway', 'GENEVE'),
      errors: [{ messageIncludes: 'Gateway Load Balancer' }],
    },
    {
      name: 'load balancer Type from a parameter Default',
      code: onLb('!Ref LbType', 'HTTPS', { parameters: '  LbType:\n    Type: String\n    Default: network' }),
      errors: [{ path: ['Resources', 'Listener', 'Properties', 'Protocol'] }],
    },
    {
      name: 'Protocol AllowedValues entry that the type does not take: related information',
      code: onLb('network', '!Ref ListenerProtocol', {
        parameters: '  ListenerProtocol:\n    Type: String\n    Default: TLS\n    AllowedValues: [TLS, HTTPS]',
      }),
      errors: [{ path: ['Resources', 'Listener', 'Properties', 'Protocol'], related: 1 }],
    },
    {
      name: 'Fn::If branch',
      code: onLb('network', '!If [Secure, HTTPS, TCP]', { conditions: '  Secure: !Equals [!Ref AWS::Region, eu-west-1]' }),
      errors: [{ path: ['Resources', 'Listener', 'Properties', 'Protocol', 'Fn::If', 1] }],
    },
    {
      name: 'JSON: TLS on an ALB without Type',
      code: jsonOnLb({}, 'TLS'),
      errors: [{ path: ['Resources', 'SecureListener', 'Properties', 'Protocol'] }],
    },
  ],
});

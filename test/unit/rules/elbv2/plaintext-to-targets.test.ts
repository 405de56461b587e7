import { elbv2PlaintextToTargets } from '../../../../rules/src/rules/elbv2/plaintext-to-targets';
import { runRuleTests } from '../../../support/rule-tester';
import { CERT_ARN, jsonTemplate, listener, yamlTemplate } from './fixtures';

const targetGroup = (id: string, protocol: string): string =>
  `  ${id}:\n    Type: AWS::ElasticLoadBalancingV2::TargetGroup\n    Properties:\n      VpcId: vpc-12345678\n      Port: 8080\n      Protocol: ${protocol}\n\n`;

const https = (actions: string, opts: { protocol?: string; groups?: string; parameters?: string; conditions?: string; after?: string } = {}): string =>
  yamlTemplate(
    (opts.groups ?? targetGroup('AppTargets', 'HTTP')) +
      listener(
        'HttpsListener',
        `      LoadBalancerArn: !ImportValue shared-alb\n      Port: 443\n      Protocol: ${opts.protocol ?? 'HTTPS'}\n      SslPolicy: ELBSecurityPolicy-TLS13-1-2-Res-2021-06\n      Certificates:\n        - CertificateArn: ${CERT_ARN}\n      DefaultActions:\n${actions}`,
      ) +
      (opts.after ?? ''),
    opts,
  );

const FORWARD = '        - Type: forward\n          TargetGroupArn: !Ref AppTargets';

const TG_PROTOCOL = ['Resources', 'AppTargets', 'Properties', 'Protocol'];

/** A TLS listener forwarding to target group `Targets` whose Protocol is the given JSON value. */
const jsonTls = (tgProtocol: unknown, extra: Record<string, unknown> = {}): string =>
  jsonTemplate(
    {
      Targets: { Type: 'AWS::ElasticLoadBalancingV2::TargetGroup', Properties: { VpcId: 'vpc-1', Port: 8883, Protocol: tgProtocol } },
      TlsListener: {
        Type: 'AWS::ElasticLoadBalancingV2::Listener',
        Properties: {
          LoadBalancerArn: { 'Fn::ImportValue': 'shared-nlb' },
          Port: 8883,
          Protocol: 'TLS',
          SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-Res-2021-06',
          Certificates: [{ CertificateArn: CERT_ARN }],
          DefaultActions: [{ Type: 'forward', TargetGroupArn: { Ref: 'Targets' } }],
        },
      },
    },
    extra,
  );

const jsonFromMapping = jsonTls({ 'Fn::FindInMap': ['Backends', 'tls', 'Protocol'] }, { Mappings: { Backends: { tls: { Protocol: 'TCP' } } } });

const ruleOn = (listenerId: string): string => `
  ApiRule:
    Type: AWS::ElasticLoadBalancingV2::ListenerRule
    Properties:
      ListenerArn: !Ref ${listenerId}
      Priority: 1
      Conditions:
        - Field: path-pattern
          PathPatternConfig: {Values: ['/api/*']}
      Actions:
        - Type: forward
          TargetGroupArn: !Ref AppTargets
`;

runRuleTests(elbv2PlaintextToTargets, {
  valid: [
    { name: 'HTTPS target group', code: https(FORWARD, { groups: targetGroup('AppTargets', 'HTTPS') }) },
    { name: 'HTTP listener forwarding to HTTP (another rule)', code: https(FORWARD, { protocol: 'HTTP' }) },
    { name: 'target group outside the template', code: https('        - Type: forward\n          TargetGroupArn: !ImportValue app-targets') },
    { name: 'target group Protocol unknown', code: https(FORWARD, { groups: targetGroup('AppTargets', '!ImportValue tg-protocol') }) },
    {
      name: 'target group without Protocol (Lambda targets)',
      code: https(FORWARD, { groups: '  AppTargets:\n    Type: AWS::ElasticLoadBalancingV2::TargetGroup\n    Properties:\n      TargetType: lambda\n\n' }),
    },
    { name: 'not a forward action', code: https("        - Type: fixed-response\n          FixedResponseConfig: {StatusCode: '404'}") },
    { name: 'JSON: TLS to TLS', code: jsonTls('TLS') },
    { name: 'rule on an HTTP listener', code: https(FORWARD, { protocol: 'HTTP', groups: targetGroup('AppTargets', 'HTTP'), after: ruleOn('HttpsListener') }) },
  ],
  invalid: [
    {
      name: 'HTTPS listener forwarding to an HTTP target group: on the reference, related at the target group',
      code: https(FORWARD),
      errors: [
        {
          path: ['Resources', 'HttpsListener', 'Properties', 'DefaultActions', 0, 'TargetGroupArn'],
          line: 21,
          severity: 'info',
          resource: 'HttpsListener',
          relatedPaths: [TG_PROTOCOL],
          fixes: 0,
        },
      ],
    },
    {
      name: 'JSON: TLS listener to a TCP target group',
      code: jsonTls('TCP'),
      errors: [
        {
          path: ['Resources', 'TlsListener', 'Properties', 'DefaultActions', 0, 'TargetGroupArn'],
          messageIncludes: 'TLS listener',
          relatedPaths: [['Resources', 'Targets', 'Properties', 'Protocol']],
        },
      ],
    },
    {
      name: 'weighted forward: one of two target groups is HTTP',
      code: https(
        '        - Type: forward\n          ForwardConfig:\n            TargetGroups:\n              - TargetGroupArn: !Ref BlueTargets\n                Weight: 90\n              - TargetGroupArn: !Ref GreenTargets\n                Weight: 10',
        { groups: targetGroup('BlueTargets', 'HTTPS') + targetGroup('GreenTargets', 'HTTP') },
      ),
      errors: [
        {
          path: ['Resources', 'HttpsListener', 'Properties', 'DefaultActions', 0, 'ForwardConfig', 'TargetGroups', 1, 'TargetGroupArn'],
          messageIncludes: 'GreenTargets',
        },
      ],
    },
    {
      name: 'target group Protocol from a parameter Default: related at the Protocol and at the Default',
      code: https(FORWARD, { groups: targetGroup('AppTargets', '!Ref TargetProtocol'), parameters: '  TargetProtocol:\n    Type: String\n    Default: HTTP' }),
      errors: [{ relatedPaths: [TG_PROTOCOL, ['Parameters', 'TargetProtocol', 'Default']] }],
    },
    {
      name: 'HTTP as Default and AllowedValues entry: each place once, the Protocol once',
      code: https(FORWARD, {
        groups: targetGroup('AppTargets', '!Ref TargetProtocol'),
        parameters: '  TargetProtocol:\n    Type: String\n    Default: HTTP\n    AllowedValues: [HTTP, HTTPS]',
      }),
      errors: [{ relatedPaths: [TG_PROTOCOL, ['Parameters', 'TargetProtocol', 'Default'], ['Parameters', 'TargetProtocol', 'AllowedValues', 0]] }],
    },
    {
      name: 'JSON: target group Protocol from a mapping',
      code: jsonFromMapping,
      errors: [
        {
          relatedPaths: [
            ['Resources', 'Targets', 'Properties', 'Protocol'],
            ['Mappings', 'Backends', 'tls', 'Protocol'],
          ],
        },
      ],
    },
    {
      name: 'Fn::If: the target group is HTTP in one branch',
      code: https(FORWARD, {
        groups: targetGroup('AppTargets', '!If [EndToEnd, HTTPS, HTTP]'),
        conditions: '  EndToEnd: !Equals [!Ref AWS::Region, eu-west-1]',
      }),
      errors: [{ path: ['Resources', 'HttpsListener', 'Properties', 'DefaultActions', 0, 'TargetGroupArn'], relatedPaths: [TG_PROTOCOL] }],
    },
    {
      name: 'rule on the HTTPS listener forwarding to HTTP: reported on the rule too',
      code: https(FORWARD, { after: ruleOn('HttpsListener') }),
      errors: [{ resource: 'HttpsListener' }, { path: ['Resources', 'ApiRule', 'Properties', 'Actions', 0, 'TargetGroupArn'], resource: 'ApiRule' }],
    },
  ],
});

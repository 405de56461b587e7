import { elbv2TlsSettingsOnPlainListener } from '../../../../rules/src/rules/elbv2/tls-settings-on-plain-listener';
import { runRuleTests } from '../../../support/rule-tester';
import { jsonTemplate, listener, loadBalancer, yamlTemplate } from './fixtures';

const POLICY = 'ELBSecurityPolicy-TLS13-1-2-Res-2021-06';
const CERTS = '      Certificates:\n        - CertificateArn: !Ref CertificateArn\n';
const ACTIONS = "      DefaultActions:\n        - Type: redirect\n          RedirectConfig: {Protocol: HTTPS, Port: '443', StatusCode: HTTP_301}";

const plain = (protocol: string, settings: string, opts: { parameters?: string; conditions?: string } = {}): string =>
  yamlTemplate(listener('HttpListener', `      LoadBalancerArn: !ImportValue shared-alb\n      Port: 80\n      Protocol: ${protocol}\n${settings}${ACTIONS}`), {
    parameters: `  CertificateArn:\n    Type: String${opts.parameters ? `\n${opts.parameters}` : ''}`,
    conditions: opts.conditions,
  });

const withListenerCertificate = (protocol: string, secondListener = ''): string =>
  yamlTemplate(
    loadBalancer() +
      '\n' +
      listener('HttpListener', `      LoadBalancerArn: !Ref Alb\n      Port: 80\n      Protocol: ${protocol}\n${ACTIONS}`) +
      '\n' +
      secondListener +
      `  BlogCertificate:
    Type: AWS::ElasticLoadBalancingV2::ListenerCertificate
    Properties:
      ListenerArn: !Ref HttpListener
      Certificates:
        - CertificateArn: !Ref CertificateArn
`,
    { parameters: '  CertificateArn:\n    Type: String' },
  );

const HTTPS_SIBLING =
  listener(
    'HttpsListener',
    `      LoadBalancerArn: !Ref Alb\n      Port: 443\n      Protocol: HTTPS\n${CERTS}      DefaultActions:\n        - Type: fixed-response\n          FixedResponseConfig: {StatusCode: '404'}`,
  ) + '\n';

const jsonListener = (protocol: string, extra: Record<string, unknown>): string =>
  jsonTemplate({
    Listener: {
      Type: 'AWS::ElasticLoadBalancingV2::Listener',
      Properties: { LoadBalancerArn: { 'Fn::ImportValue': 'shared-lb' }, Port: 443, Protocol: protocol, ...extra, DefaultActions: [] },
    },
  });

runRuleTests(elbv2TlsSettingsOnPlainListener, {
  valid: [
    { name: 'HTTPS listener with policy and certificate', code: plain('HTTPS', `      SslPolicy: ${POLICY}\n${CERTS}`) },
    { name: 'plain HTTP listener', code: plain('HTTP', '') },
    {
      name: 'AlpnPolicy on a TLS listener',
      code: jsonListener('TLS', { SslPolicy: POLICY, AlpnPolicy: ['HTTP2Preferred'], Certificates: [{ CertificateArn: 'arn' }] }),
    },
    { name: 'unknown protocol', code: plain('!ImportValue listener-protocol', `      SslPolicy: ${POLICY}\n`) },
    { name: 'QUIC is not judged', code: plain('QUIC', `      SslPolicy: ${POLICY}\n`) },
    { name: 'AWS::NoValue SslPolicy', code: plain('HTTP', '      SslPolicy: !Ref AWS::NoValue\n') },
    { name: 'empty Certificates list', code: plain('HTTP', '      Certificates: []\n') },
    {
      name: 'settings switch on the same condition as the protocol',
      code: plain(
        '!If [HasCertificate, HTTPS, HTTP]',
        `      SslPolicy: !If [HasCertificate, ${POLICY}, !Ref AWS::NoValue]\n      Certificates: !If\n        - HasCertificate\n        - - CertificateArn: !Ref CertificateArn\n        - !Ref AWS::NoValue\n`,
        {
          conditions: "  HasCertificate: !Not [!Equals [!Ref CertificateArn, '']]",
        },
      ),
    },
    { name: 'ListenerCertificate on an HTTPS listener', code: withListenerCertificate('HTTPS') },
    {
      name: 'ListenerCertificate on a listener outside the template',
      code: withListenerCertificate('HTTP').replace('ListenerArn: !Ref HttpListener', 'ListenerArn: !ImportValue https-listener'),
    },
  ],
  invalid: [
    {
      name: 'SslPolicy on an HTTP listener: the fix removes it',
      code: plain('HTTP', `      SslPolicy: ${POLICY}\n`),
      errors: [{ path: ['Resources', 'HttpListener', 'Properties', 'SslPolicy'], line: 12, severity: 'error', resource: 'HttpListener', fixes: 1 }],
      output: plain('HTTP', ''),
    },
    {
      name: 'SslPolicy and Certificates: one finding per property',
      code: plain('HTTP', `      SslPolicy: ${POLICY}\n${CERTS}`),
      errors: [
        { path: ['Resources', 'HttpListener', 'Properties', 'SslPolicy'] },
        { path: ['Resources', 'HttpListener', 'Properties', 'Certificates'], line: 14 },
      ],
      output: plain('HTTP', ''),
    },
    {
      name: 'SslPolicy from ImportValue is still present',
      code: plain('TCP', '      SslPolicy: !ImportValue shared-policy\n'),
      errors: [{ path: ['Resources', 'HttpListener', 'Properties', 'SslPolicy'], messageIncludes: "'TCP'" }],
      output: plain('TCP', ''),
    },
    {
      name: 'JSON: AlpnPolicy on an HTTPS listener',
      code: jsonListener('HTTPS', { SslPolicy: POLICY, AlpnPolicy: ['HTTP2Preferred'] }),
      errors: [{ path: ['Resources', 'Listener', 'Properties', 'AlpnPolicy'], messageIncludes: 'TLS listeners' }],
      output: jsonListener('HTTPS', { SslPolicy: POLICY }),
    },
    {
      name: 'JSON: Certificates on a UDP listener',
      code: jsonListener('UDP', { Certificates: [{ CertificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/abc' }] }),
      errors: [{ path: ['Resources', 'Listener', 'Properties', 'Certificates'] }],
      output: jsonListener('UDP', {}),
    },
    {
      name: 'Fn::If branch where the protocol is plain: the branch becomes AWS::NoValue',
      code: plain('!If [Secure, HTTPS, HTTP]', `      SslPolicy: !If [Secure, ${POLICY}, ELBSecurityPolicy-2016-08]\n`, {
        conditions: '  Secure: !Equals [!Ref AWS::Region, eu-west-1]',
      }),
      errors: [{ path: ['Resources', 'HttpListener', 'Properties', 'SslPolicy', 'Fn::If', 2] }],
      output: plain('!If [Secure, HTTPS, HTTP]', `      SslPolicy: !If [Secure, ${POLICY}, !Ref AWS::NoValue]\n`, {
        conditions: '  Secure: !Equals [!Ref AWS::Region, eu-west-1]',
      }),
    },
    {
      name: 'Protocol parameter that allows HTTP: reported, no fix (HTTPS needs the policy)',
      code: plain('!Ref ListenerProtocol', `      SslPolicy: ${POLICY}\n`, {
        parameters: '  ListenerProtocol:\n    Type: String\n    Default: HTTPS\n    AllowedValues: [HTTPS, HTTP]',
      }),
      errors: [{ path: ['Resources', 'HttpListener', 'Properties', 'SslPolicy'], related: 1, fixes: 0, messageIncludes: 'one of its possible values' }],
    },
    {
      name: 'ListenerCertificate on an HTTP listener: the HTTPS sibling is offered, not applied',
      code: withListenerCertificate('HTTP', HTTPS_SIBLING),
      errors: [
        { path: ['Resources', 'BlogCertificate', 'Properties', 'ListenerArn'], resource: 'BlogCertificate', messageIncludes: 'HttpsListener', fixes: 1 },
      ],
    },
    {
      name: 'ListenerCertificate on an HTTP listener, no sibling',
      code: withListenerCertificate('HTTP'),
      errors: [{ path: ['Resources', 'BlogCertificate', 'Properties', 'ListenerArn'], fixes: 0 }],
    },
  ],
});

import { elbv2MtlsSettings } from '../../../../rules/src/rules/elbv2/mtls-settings';
import { runRuleTests } from '../../../support/rule-tester';

const listener = (mtls: string, protocol = 'HTTPS'): string => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  MtlsMode:
    Type: String
    Default: 'off'
    AllowedValues: ['off', verify]
Conditions:
  Strict: !Equals [!Ref AWS::Region, eu-west-1]
Resources:
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref LoadBalancer
      Port: 443
      Protocol: ${protocol}
      SslPolicy: ELBSecurityPolicy-TLS13-1-2-Res-2021-06
      Certificates:
        - CertificateArn: !Ref Certificate
      DefaultActions:
        - Type: fixed-response
          FixedResponseConfig: {StatusCode: '404'}
      MutualAuthentication:
${mtls}`;

const json = (mtls: Record<string, unknown>): string =>
  JSON.stringify(
    {
      Resources: {
        Listener: {
          Type: 'AWS::ElasticLoadBalancingV2::Listener',
          Properties: {
            LoadBalancerArn: 'arn',
            Port: 443,
            Protocol: 'HTTPS',
            Certificates: [{ CertificateArn: 'arn' }],
            DefaultActions: [],
            MutualAuthentication: mtls,
          },
        },
      },
    },
    null,
    2,
  );

const MTLS = ['Resources', 'Listener', 'Properties', 'MutualAuthentication'];
const STORE = '        TrustStoreArn: !Ref TrustStore\n';

runRuleTests(elbv2MtlsSettings, {
  valid: [
    { name: 'verify with a trust store', code: listener(`        Mode: verify\n${STORE}`) },
    { name: 'verify with IgnoreClientCertificateExpiry false', code: listener(`        Mode: verify\n${STORE}        IgnoreClientCertificateExpiry: false\n`) },
    { name: 'off', code: listener("        Mode: 'off'\n") },
    { name: 'JSON, verify with a trust store from ImportValue', code: json({ Mode: 'verify', TrustStoreArn: { 'Fn::ImportValue': 'trust-store' } }) },
    { name: 'Mode from GetAtt is unknown', code: listener(`        Mode: !GetAtt Config.Mode\n        IgnoreClientCertificateExpiry: true\n`) },
    { name: 'Mode from ImportValue is unknown', code: listener('        Mode: !ImportValue mtls-mode\n') },
    {
      name: 'IgnoreClientCertificateExpiry from GetAtt is unknown',
      code: listener(`        Mode: verify\n${STORE}        IgnoreClientCertificateExpiry: !GetAtt Config.Ignore\n`),
    },
    { name: 'a plain HTTP listener is another rule', code: listener('        Mode: passthrough\n', 'HTTP') },
  ],
  invalid: [
    {
      name: 'verify without a trust store: error on the MutualAuthentication key',
      code: listener('        Mode: verify\n'),
      errors: [{ path: MTLS, line: 22, severity: 'error', messageIncludes: 'TrustStoreArn', fixes: 0 }],
    },
    {
      name: 'IgnoreClientCertificateExpiry true: removed',
      code: listener(`        Mode: verify\n${STORE}        IgnoreClientCertificateExpiry: true\n`),
      errors: [{ path: [...MTLS, 'IgnoreClientCertificateExpiry'], line: 25, severity: 'warning', fixes: 1 }],
      output: listener(`        Mode: verify\n${STORE}`),
    },
    {
      name: 'passthrough: info on Mode',
      code: listener('        Mode: passthrough\n'),
      errors: [{ path: [...MTLS, 'Mode'], line: 23, severity: 'info', fixes: 0 }],
    },
    {
      name: 'Mode from a parameter that allows verify, no trust store',
      code: listener('        Mode: !Ref MtlsMode\n'),
      errors: [{ path: MTLS, severity: 'error', related: 1, messageIncludes: 'one of its possible values' }],
    },
    {
      name: 'Fn::If: passthrough in one branch',
      code: listener("        Mode: !If [Strict, 'off', passthrough]\n"),
      errors: [{ path: [...MTLS, 'Mode', 'Fn::If', 2], messageIncludes: '(when Strict is false)' }],
    },
    {
      name: 'TrustStoreArn removed by AWS::NoValue in one scenario',
      code: listener('        Mode: verify\n        TrustStoreArn: !If [Strict, !Ref TrustStore, !Ref AWS::NoValue]\n'),
      errors: [{ path: MTLS, severity: 'error' }],
    },
    {
      name: 'JSON: IgnoreClientCertificateExpiry true removed',
      code: json({ Mode: 'verify', TrustStoreArn: 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:truststore/ts/1', IgnoreClientCertificateExpiry: true }),
      errors: [{ path: [...MTLS, 'IgnoreClientCertificateExpiry'], fixes: 1 }],
      output: json({ Mode: 'verify', TrustStoreArn: 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:truststore/ts/1' }),
    },
  ],
});

import { cloudfrontTlsVersion } from '../../../../rules/src/rules/cloudfront/tls-version';
import { runRuleTests } from '../../../support/rule-tester';
import { at, cfg, json, withConditions, withParameters, yaml } from './fixtures';

const mpv = (value: string): [string, string] => ['MinimumProtocolVersion: TLSv1.2_2021', `MinimumProtocolVersion: ${value}`];
const MPV_PATH = cfg('ViewerCertificate', 'MinimumProtocolVersion');

const parameterTemplate = withParameters(
  yaml(mpv('!Ref SecurityPolicy')),
  `  SecurityPolicy:
    Type: String
    Default: TLSv1.2_2021
    AllowedValues: [TLSv1.2_2021, TLSv1_2016]
`,
);

const conditional = (value: string): string => withConditions(yaml(mpv(value)), '  Legacy: !Equals [!Ref AWS::Region, eu-west-1]\n');

const jsonWith = (value: string, bend: (vc: Record<string, unknown>) => void = () => undefined): string =>
  json((c) => {
    const vc = at(c, 'ViewerCertificate');
    vc.MinimumProtocolVersion = value;
    bend(vc);
  });

runRuleTests(cloudfrontTlsVersion, {
  valid: [
    { name: 'TLSv1.2_2021', code: yaml() },
    { name: 'TLSv1.2_2018 has a TLS 1.2 floor', code: yaml(mpv('TLSv1.2_2018')) },
    { name: 'TLSv1.3_2025 (cfn_nag W70 wrongly flags it)', code: jsonWith('TLSv1.3_2025') },
    { name: 'TLSv1.2_2025 in JSON', code: jsonWith('TLSv1.2_2025') },
    {
      name: 'weak value with the default certificate is cloudfront-default-certificate',
      code: yaml(
        ['AcmCertificateArn: !Ref CertificateArn', 'CloudFrontDefaultCertificate: true'],
        ['          SslSupportMethod: sni-only\n', ''],
        mpv('TLSv1'),
      ),
    },
    {
      name: 'weak value without any certificate is cloudfront-viewer-certificate-incomplete',
      code: yaml(['          AcmCertificateArn: !Ref CertificateArn\n', ''], mpv('TLSv1')),
    },
    { name: 'unknown policy name is not ours to judge', code: yaml(mpv('TLSv1.2_2030')) },
    { name: 'GetAtt value is unknown', code: yaml(mpv('!GetAtt Config.Policy')) },
    { name: 'ImportValue is unknown', code: yaml(mpv('!ImportValue edge-security-policy')) },
    { name: 'minimumTls 1.1 accepts TLSv1.1_2016', code: yaml(mpv('TLSv1.1_2016')), options: { minimumTls: '1.1' } },
    { name: 'Fn::If with two strong branches', code: conditional('!If [Legacy, TLSv1.2_2019, TLSv1.2_2021]') },
    {
      name: 'AWS::NoValue drops the certificate in the weak branch',
      code: withConditions(
        yaml(
          ['AcmCertificateArn: !Ref CertificateArn', 'AcmCertificateArn: !If [Custom, !Ref CertificateArn, !Ref AWS::NoValue]'],
          mpv('!If [Custom, TLSv1.2_2021, TLSv1]'),
        ),
        '  Custom: !Equals [!Ref AWS::Region, us-east-1]\n',
      ),
    },
  ],
  invalid: [
    {
      name: 'TLSv1 with an ACM certificate',
      code: yaml(mpv('TLSv1')),
      errors: [{ path: MPV_PATH, line: 25, severity: 'warning', resource: 'Distribution', messageIncludes: 'TLS 1.0', fixes: 1 }],
      output: yaml(),
    },
    {
      name: 'TLSv1.1_2016 in JSON',
      code: jsonWith('TLSv1.1_2016'),
      errors: [{ path: MPV_PATH, messageIncludes: 'TLS 1.1' }],
      output: jsonWith('TLSv1.2_2021'),
    },
    {
      name: 'TLSv1_2016 with an IAM certificate',
      code: yaml(['AcmCertificateArn: !Ref CertificateArn', 'IamCertificateId: ASCACKCEVSQ6C2EXAMPLE'], mpv('TLSv1_2016')),
      errors: [{ path: MPV_PATH }],
      output: yaml(['AcmCertificateArn: !Ref CertificateArn', 'IamCertificateId: ASCACKCEVSQ6C2EXAMPLE']),
    },
    {
      name: 'SSLv3 with vip: warning',
      code: yaml(mpv('SSLv3'), ['SslSupportMethod: sni-only', 'SslSupportMethod: vip']),
      errors: [{ path: MPV_PATH, severity: 'warning', messageIncludes: 'SSLv3' }],
      output: yaml(['SslSupportMethod: sni-only', 'SslSupportMethod: vip']),
    },
    {
      name: 'SSLv3 with sni-only fails to deploy: error',
      code: yaml(mpv('SSLv3')),
      errors: [{ path: MPV_PATH, severity: 'error', messageIncludes: 'sni-only' }],
      output: yaml(),
    },
    {
      name: 'weak AllowedValues entry: once on the property, fix edits the parameter',
      code: parameterTemplate,
      errors: [{ path: MPV_PATH, line: 29, related: 1, fixes: 1 }],
      output: parameterTemplate.replace('AllowedValues: [TLSv1.2_2021, TLSv1_2016]', 'AllowedValues: [TLSv1.2_2021, TLSv1.2_2021]'),
    },
    {
      name: 'FindInMap with a Ref key yields every mapped value',
      code: withParameters(yaml(mpv('!FindInMap [TlsByAudience, !Ref Audience, Minimum]')), '  Audience:\n    Type: String\n    Default: enterprise\n').replace(
        'Resources:\n',
        'Mappings:\n  TlsByAudience:\n    consumer: {Minimum: TLSv1_2016}\n    enterprise: {Minimum: TLSv1.2_2021}\nResources:\n',
      ),
      errors: [{ path: MPV_PATH, related: 1 }],
    },
    {
      name: 'Fn::If branch: the range covers the written branch',
      code: conditional('!If [Legacy, TLSv1, TLSv1.2_2021]'),
      errors: [{ path: [...MPV_PATH, 'Fn::If', 1] }],
      output: conditional('!If [Legacy, TLSv1.2_2021, TLSv1.2_2021]'),
    },
    {
      name: 'minimumTls 1.3 flags TLS 1.2 policies and fixes to TLSv1.3_2025',
      code: yaml(),
      options: { minimumTls: '1.3' },
      errors: [{ path: MPV_PATH, messageIncludes: 'TLS 1.3' }],
      output: yaml(mpv('TLSv1.3_2025')),
    },
    {
      name: 'recommendedPolicies.cloudfront is what the fix writes',
      code: yaml(mpv('TLSv1')),
      settings: { recommendedPolicies: { cloudfront: 'TLSv1.2_2025' } },
      errors: [{ path: MPV_PATH, messageIncludes: 'TLSv1.2_2025' }],
      output: yaml(mpv('TLSv1.2_2025')),
    },
  ],
});

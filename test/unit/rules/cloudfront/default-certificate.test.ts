import { cloudfrontDefaultCertificate } from '../../../../rules/src/rules/cloudfront/default-certificate';
import { runRuleTests } from '../../../support/rule-tester';
import { cfg, json, withConditions, withParameters, yaml } from './fixtures';

const CUSTOM = `        ViewerCertificate:
          AcmCertificateArn: !Ref CertificateArn
          SslSupportMethod: sni-only
          MinimumProtocolVersion: TLSv1.2_2021
`;
const DEFAULT_CERT: [string, string] = [CUSTOM, '        ViewerCertificate:\n          CloudFrontDefaultCertificate: true\n'];
const DEFAULT_WITH_MPV: [string, string] = [
  CUSTOM,
  '        ViewerCertificate:\n          CloudFrontDefaultCertificate: true\n          MinimumProtocolVersion: TLSv1.2_2021\n',
];
const NO_VC: [string, string] = [CUSTOM, ''];
const NO_ALIASES: [string, string] = ['        Aliases: [www.example.com]\n', ''];

runRuleTests(cloudfrontDefaultCertificate, {
  valid: [
    { name: 'ACM certificate', code: yaml() },
    {
      name: 'IAM certificate (JSON)',
      code: json(
        (c) => (c.ViewerCertificate = { IamCertificateId: 'ASCACKCEVSQ6C2EXAMPLE', SslSupportMethod: 'sni-only', MinimumProtocolVersion: 'TLSv1.2_2021' }),
      ),
    },
    {
      name: 'CloudFrontDefaultCertificate: false with an ACM certificate',
      code: yaml(['SslSupportMethod: sni-only', 'SslSupportMethod: sni-only\n          CloudFrontDefaultCertificate: false']),
    },
    { name: 'unknown ViewerCertificate', code: yaml(NO_ALIASES, [CUSTOM, '        ViewerCertificate: !ImportValue edge-viewer-certificate\n']) },
    {
      name: 'unknown default flag',
      code: yaml(NO_ALIASES, [CUSTOM, '        ViewerCertificate:\n          CloudFrontDefaultCertificate: !GetAtt Config.UseDefault\n']),
    },
    {
      name: 'default and ACM at once is cloudfront-viewer-certificate-incomplete',
      code: yaml(['SslSupportMethod: sni-only', 'SslSupportMethod: sni-only\n          CloudFrontDefaultCertificate: true']),
    },
    {
      name: 'ViewerCertificate switched off by AWS::NoValue only where a custom one replaces it',
      code: withConditions(
        yaml([
          CUSTOM,
          '        ViewerCertificate: !If\n          - Custom\n          - {AcmCertificateArn: !Ref CertificateArn, SslSupportMethod: sni-only, MinimumProtocolVersion: TLSv1.2_2021}\n          - {IamCertificateId: ASCACKCEVSQ6C2EXAMPLE, SslSupportMethod: sni-only, MinimumProtocolVersion: TLSv1.2_2021}\n',
        ]),
        '  Custom: !Equals [!Ref AWS::Region, us-east-1]\n',
      ),
    },
  ],
  invalid: [
    {
      name: 'no ViewerCertificate: reported on the DistributionConfig key',
      code: yaml(NO_ALIASES, NO_VC),
      errors: [{ path: cfg(), line: 9, severity: 'info', resource: 'Distribution', messageIncludes: 'no ViewerCertificate', related: 0, fixes: 0 }],
    },
    {
      name: 'CloudFrontDefaultCertificate: true',
      code: yaml(NO_ALIASES, DEFAULT_CERT),
      errors: [{ path: cfg('ViewerCertificate', 'CloudFrontDefaultCertificate'), line: 22, severity: 'info' }],
    },
    {
      name: 'MinimumProtocolVersion set with the default certificate is named as having no effect',
      code: yaml(NO_ALIASES, DEFAULT_WITH_MPV),
      errors: [
        {
          path: cfg('ViewerCertificate', 'CloudFrontDefaultCertificate'),
          messageIncludes: "MinimumProtocolVersion 'TLSv1.2_2021' set here has no effect",
          related: 1,
        },
      ],
    },
    {
      name: 'JSON: no ViewerCertificate',
      code: json((c) => (delete c.ViewerCertificate, delete c.Aliases)),
      errors: [{ path: cfg(), severity: 'info' }],
    },
    {
      name: 'JSON: default flag as the string "true"',
      code: json((c) => (delete c.Aliases, (c.ViewerCertificate = { CloudFrontDefaultCertificate: 'true', MinimumProtocolVersion: 'TLSv1' }))),
      errors: [{ path: cfg('ViewerCertificate', 'CloudFrontDefaultCertificate'), messageIncludes: "'TLSv1'" }],
    },
    {
      name: 'default flag from a parameter',
      code: withParameters(
        yaml(NO_ALIASES, [CUSTOM, '        ViewerCertificate:\n          CloudFrontDefaultCertificate: !Ref UseDefault\n']),
        "  UseDefault:\n    Type: String\n    Default: 'true'\n",
      ),
      errors: [{ path: cfg('ViewerCertificate', 'CloudFrontDefaultCertificate'), related: 1 }],
    },
    {
      name: 'ViewerCertificate dropped by AWS::NoValue in one branch',
      code: withConditions(
        yaml(NO_ALIASES, [
          CUSTOM,
          '        ViewerCertificate: !If\n          - Custom\n          - {AcmCertificateArn: !Ref CertificateArn, SslSupportMethod: sni-only, MinimumProtocolVersion: TLSv1.2_2021}\n          - !Ref AWS::NoValue\n',
        ]),
        '  Custom: !Equals [!Ref AWS::Region, us-east-1]\n',
      ),
      errors: [{ path: cfg(), messageIncludes: 'no ViewerCertificate' }],
    },
    {
      name: 'unknown MinimumProtocolVersion is still named as having no effect',
      code: yaml(NO_ALIASES, [
        CUSTOM,
        '        ViewerCertificate:\n          CloudFrontDefaultCertificate: true\n          MinimumProtocolVersion: !ImportValue edge-security-policy\n',
      ]),
      errors: [{ messageIncludes: 'MinimumProtocolVersion set here has no effect', related: 1 }],
    },
  ],
});

import { cloudfrontAliasesDefaultCertificate } from '../../../../rules/src/rules/cloudfront/aliases-default-certificate';
import { runRuleTests } from '../../../support/rule-tester';
import { at, cfg, json, withConditions, withParameters, yaml } from './fixtures';

const DEFAULT_CERT: [string, string] = [
  `        ViewerCertificate:
          AcmCertificateArn: !Ref CertificateArn
          SslSupportMethod: sni-only
          MinimumProtocolVersion: TLSv1.2_2021
`,
  `        ViewerCertificate:
          CloudFrontDefaultCertificate: true
`,
];
const NO_VC: [string, string] = [DEFAULT_CERT[0], ''];

runRuleTests(cloudfrontAliasesDefaultCertificate, {
  valid: [
    { name: 'Aliases with an ACM certificate', code: yaml() },
    { name: 'default certificate without Aliases', code: yaml(DEFAULT_CERT, ['        Aliases: [www.example.com]\n', '']) },
    { name: 'empty Aliases list', code: yaml(NO_VC, ['Aliases: [www.example.com]', 'Aliases: []']) },
    { name: 'JSON: no ViewerCertificate, no Aliases', code: json((c) => (delete c.ViewerCertificate, delete c.Aliases)) },
    {
      name: 'Aliases from an unknown list',
      code: withParameters(yaml(NO_VC, ['Aliases: [www.example.com]', 'Aliases: !Ref Names']), '  Names:\n    Type: CommaDelimitedList\n'),
    },
    {
      name: 'unknown ViewerCertificate',
      code: yaml(DEFAULT_CERT, [
        '        ViewerCertificate:\n          CloudFrontDefaultCertificate: true\n',
        '        ViewerCertificate: !ImportValue edge-viewer-certificate\n',
      ]),
    },
    {
      name: 'unknown default flag',
      code: yaml(DEFAULT_CERT, ['CloudFrontDefaultCertificate: true', 'CloudFrontDefaultCertificate: !ImportValue use-default']),
    },
    {
      name: 'Aliases only where the custom certificate is',
      code: withConditions(
        yaml(['Aliases: [www.example.com]', 'Aliases: !If [Custom, [www.example.com], !Ref AWS::NoValue]'], DEFAULT_CERT, [
          '        ViewerCertificate:\n          CloudFrontDefaultCertificate: true\n',
          '        ViewerCertificate: !If\n          - Custom\n          - {AcmCertificateArn: !Ref CertificateArn, SslSupportMethod: sni-only, MinimumProtocolVersion: TLSv1.2_2021}\n          - {CloudFrontDefaultCertificate: true}\n',
        ]),
        '  Custom: !Equals [!Ref AWS::Region, us-east-1]\n',
      ),
    },
    {
      name: 'both certificates at once is cloudfront-viewer-certificate-incomplete',
      code: yaml(['SslSupportMethod: sni-only', 'SslSupportMethod: sni-only\n          CloudFrontDefaultCertificate: true']),
    },
  ],
  invalid: [
    {
      name: 'Aliases without ViewerCertificate',
      code: yaml(NO_VC),
      errors: [{ path: cfg('Aliases'), line: 11, severity: 'error', resource: 'Distribution', messageIncludes: 'www.example.com', fixes: 0 }],
    },
    {
      name: 'block list: on the Aliases key, not on its first item',
      code: yaml(NO_VC, ['Aliases: [www.example.com]', 'Aliases:\n          - www.example.com\n          - shop.example.com']),
      errors: [{ path: cfg('Aliases'), line: 11, messageIncludes: "'www.example.com', 'shop.example.com'", related: 0 }],
    },
    {
      name: 'Fn::If lists in both branches: one finding on the key, related at each branch',
      code: withConditions(
        yaml(NO_VC, ['Aliases: [www.example.com]', 'Aliases: !If\n          - Shop\n          - [shop.example.com]\n          - [www.example.com]']),
        '  Shop: !Equals [!Ref AWS::StackName, shop]\n',
      ),
      errors: [
        {
          path: cfg('Aliases'),
          line: 13,
          relatedPaths: [
            [...cfg('Aliases'), 'Fn::If', 1],
            [...cfg('Aliases'), 'Fn::If', 2],
          ],
        },
      ],
    },
    {
      name: 'Aliases with CloudFrontDefaultCertificate: true',
      code: yaml(DEFAULT_CERT),
      errors: [{ path: cfg('Aliases'), messageIncludes: 'CloudFrontDefaultCertificate: true' }],
    },
    {
      name: 'JSON Aliases with the default certificate',
      code: json((c) => (c.ViewerCertificate = { CloudFrontDefaultCertificate: true })),
      errors: [{ path: cfg('Aliases'), line: 14, severity: 'error', related: 0 }],
    },
    {
      name: 'legacy CNAMEs',
      code: json((c) => {
        delete c.Aliases;
        delete c.ViewerCertificate;
        c.CNAMEs = ['media.example.com'];
      }),
      errors: [{ path: cfg('CNAMEs'), messageIncludes: 'CNAMEs' }],
    },
    {
      name: 'alias from a parameter',
      code: withParameters(
        yaml(NO_VC, ['Aliases: [www.example.com]', 'Aliases: [!Ref SiteName]']),
        '  SiteName:\n    Type: String\n    Default: shop.example.com\n',
      ),
      errors: [{ path: cfg('Aliases'), messageIncludes: 'shop.example.com' }],
    },
    {
      name: 'default flag from a parameter allowing true',
      code: withParameters(
        yaml(DEFAULT_CERT, ['CloudFrontDefaultCertificate: true', 'CloudFrontDefaultCertificate: !Ref UseDefault']),
        "  UseDefault:\n    Type: String\n    Default: 'true'\n",
      ),
      errors: [{ path: cfg('Aliases') }],
    },
    {
      name: 'Fn::If: the default certificate in one branch',
      code: withConditions(
        yaml(DEFAULT_CERT, [
          'CloudFrontDefaultCertificate: true',
          'CloudFrontDefaultCertificate: !If [Preview, true, !Ref AWS::NoValue]\n          AcmCertificateArn: !If [Preview, !Ref AWS::NoValue, !Ref CertificateArn]',
        ]),
        '  Preview: !Equals [!Ref AWS::StackName, preview]\n',
      ),
      errors: [{ path: cfg('Aliases') }],
    },
    {
      name: 'JSON: Aliases with no ViewerCertificate (legacy S3Origin distribution)',
      code: json((c) => {
        delete c.ViewerCertificate;
        at(c, 'DefaultCacheBehavior').ViewerProtocolPolicy = 'https-only';
      }),
      errors: [{ path: cfg('Aliases') }],
    },
  ],
});

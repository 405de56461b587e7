import { cloudfrontViewerCertificateIncomplete } from '../../../../rules/src/rules/cloudfront/viewer-certificate-incomplete';
import { runRuleTests } from '../../../support/rule-tester';
import { at, cfg, json, withConditions, withParameters, yaml } from './fixtures';

const VC = cfg('ViewerCertificate');
const NO_SSL: [string, string] = ['          SslSupportMethod: sni-only\n', ''];
const NO_MPV: [string, string] = ['          MinimumProtocolVersion: TLSv1.2_2021\n', ''];
const NO_ACM: [string, string] = ['          AcmCertificateArn: !Ref CertificateArn\n', ''];
const IAM: [string, string] = ['AcmCertificateArn: !Ref CertificateArn', 'IamCertificateId: ASCACKCEVSQ6C2EXAMPLE'];
const cond = (text: string): string => withConditions(text, '  Custom: !Equals [!Ref AWS::Region, us-east-1]\n');

const jsonVc = (bend: (vc: Record<string, unknown>) => void): string => json((c) => bend(at(c, 'ViewerCertificate')));

runRuleTests(cloudfrontViewerCertificateIncomplete, {
  valid: [
    { name: 'ACM certificate with both settings', code: yaml() },
    { name: 'IAM certificate with both settings', code: yaml(IAM) },
    {
      name: 'default certificate alone',
      code: yaml(NO_ACM, NO_SSL, NO_MPV, ['        ViewerCertificate:\n', '        ViewerCertificate:\n          CloudFrontDefaultCertificate: true\n']),
    },
    {
      name: 'CloudFrontDefaultCertificate: false next to an ACM certificate',
      code: yaml(['SslSupportMethod: sni-only', 'SslSupportMethod: sni-only\n          CloudFrontDefaultCertificate: false']),
    },
    { name: 'no ViewerCertificate at all (cloudfront-default-certificate)', code: json((c) => delete c.ViewerCertificate) },
    { name: 'JSON baseline', code: json() },
    {
      name: 'unknown ViewerCertificate',
      code: yaml(['        ViewerCertificate:\n', '        ViewerCertificate: !ImportValue shared-viewer-certificate\n'], NO_ACM, NO_SSL, NO_MPV),
    },
    {
      name: 'GetAtt certificate still counts as one',
      code: yaml(['AcmCertificateArn: !Ref CertificateArn', 'AcmCertificateArn: !GetAtt CertificateStack.Outputs.Arn']),
    },
    {
      name: 'certificate and its settings switch together on one condition',
      code: cond(
        yaml(
          ['AcmCertificateArn: !Ref CertificateArn', 'AcmCertificateArn: !If [Custom, !Ref CertificateArn, !Ref AWS::NoValue]'],
          ['SslSupportMethod: sni-only', 'SslSupportMethod: !If [Custom, sni-only, !Ref AWS::NoValue]'],
          [
            'MinimumProtocolVersion: TLSv1.2_2021',
            'MinimumProtocolVersion: !If [Custom, TLSv1.2_2021, !Ref AWS::NoValue]\n          CloudFrontDefaultCertificate: !If [Custom, !Ref AWS::NoValue, true]',
          ],
        ),
      ),
    },
    {
      name: 'unknown default flag: no count finding',
      code: yaml(['SslSupportMethod: sni-only', 'SslSupportMethod: sni-only\n          CloudFrontDefaultCertificate: !ImportValue use-default-certificate']),
    },
  ],
  invalid: [
    {
      name: 'ACM certificate without SslSupportMethod: error, insert sni-only',
      code: yaml(NO_SSL),
      errors: [{ path: VC, line: 22, severity: 'error', resource: 'Distribution', messageIncludes: 'SslSupportMethod', fixes: 1 }],
      output: yaml(NO_SSL, ['MinimumProtocolVersion: TLSv1.2_2021\n', 'MinimumProtocolVersion: TLSv1.2_2021\n          SslSupportMethod: sni-only\n']),
    },
    {
      name: 'ACM certificate without MinimumProtocolVersion: warning (CloudFront applies TLSv1), insert TLSv1.2_2021',
      code: yaml(NO_MPV),
      errors: [{ path: VC, severity: 'warning', messageIncludes: 'TLSv1', fixes: 1 }],
      output: yaml(),
    },
    {
      name: 'IAM certificate with neither: one finding, one fix inserting both',
      code: yaml(IAM, NO_SSL, NO_MPV),
      errors: [{ path: VC, severity: 'error', messageIncludes: 'IamCertificateId', fixes: 1 }],
      output: yaml(IAM, NO_SSL, NO_MPV, [
        'IamCertificateId: ASCACKCEVSQ6C2EXAMPLE\n',
        'IamCertificateId: ASCACKCEVSQ6C2EXAMPLE\n          SslSupportMethod: sni-only\n          MinimumProtocolVersion: TLSv1.2_2021\n',
      ]),
    },
    {
      name: 'missing SslSupportMethod next to SSLv3: the fix raises the floor too',
      code: yaml(NO_SSL, ['MinimumProtocolVersion: TLSv1.2_2021', 'MinimumProtocolVersion: SSLv3']),
      errors: [{ path: VC, severity: 'error', fixes: 1 }],
      output: yaml(NO_SSL, ['MinimumProtocolVersion: TLSv1.2_2021\n', 'MinimumProtocolVersion: TLSv1.2_2021\n          SslSupportMethod: sni-only\n']),
    },
    {
      name: 'JSON: ACM certificate without MinimumProtocolVersion',
      code: jsonVc((vc) => delete vc.MinimumProtocolVersion),
      errors: [{ path: VC, messageIncludes: 'MinimumProtocolVersion' }],
      output: json(),
    },
    {
      name: 'JSON: ACM certificate without SslSupportMethod',
      code: jsonVc((vc) => delete vc.SslSupportMethod),
      errors: [{ path: VC, severity: 'error' }],
      output: jsonVc((vc) => {
        delete vc.SslSupportMethod;
        vc.SslSupportMethod = 'sni-only';
      }),
    },
    {
      name: 'ACM and the default certificate: error, no fix',
      code: yaml(['SslSupportMethod: sni-only', 'SslSupportMethod: sni-only\n          CloudFrontDefaultCertificate: true']),
      errors: [{ path: VC, severity: 'error', messageIncludes: 'AcmCertificateArn and CloudFrontDefaultCertificate: true', fixes: 0 }],
    },
    {
      name: 'ACM and IAM certificates',
      code: jsonVc((vc) => (vc.IamCertificateId = 'ASCACKCEVSQ6C2EXAMPLE')),
      errors: [{ path: VC, messageIncludes: 'AcmCertificateArn and IamCertificateId' }],
    },
    {
      name: 'no certificate named at all',
      code: yaml(NO_ACM),
      errors: [{ path: VC, severity: 'error', messageIncludes: 'names no certificate' }],
    },
    {
      name: 'CloudFrontDefaultCertificate: false alone',
      code: jsonVc((vc) => {
        delete vc.AcmCertificateArn;
        delete vc.SslSupportMethod;
        delete vc.MinimumProtocolVersion;
        vc.CloudFrontDefaultCertificate = false;
      }),
      errors: [{ path: VC, messageIncludes: 'names no certificate' }],
    },
    {
      name: 'the certificate dropped by AWS::NoValue in one branch leaves none',
      code: cond(yaml(['AcmCertificateArn: !Ref CertificateArn', 'AcmCertificateArn: !If [Custom, !Ref CertificateArn, !Ref AWS::NoValue]'])),
      errors: [{ path: VC, messageIncludes: 'names no certificate' }],
    },
    {
      name: 'SslSupportMethod dropped in one Fn::If branch',
      code: cond(yaml(['SslSupportMethod: sni-only', 'SslSupportMethod: !If [Custom, sni-only, !Ref AWS::NoValue]'])),
      // On the AWS::NoValue branch; the fix sets only it (the Custom scenario keeps sni-only).
      errors: [{ path: [...VC, 'SslSupportMethod', 'Fn::If', 2], severity: 'error', messageIncludes: '(when Custom is false)', fixes: 1 }],
      output: cond(yaml(['SslSupportMethod: sni-only', 'SslSupportMethod: !If [Custom, sni-only, sni-only]'])),
    },
    {
      name: 'default flag from a parameter allowing true next to an ACM certificate',
      code: withParameters(
        yaml(['SslSupportMethod: sni-only', 'SslSupportMethod: sni-only\n          CloudFrontDefaultCertificate: !Ref UseDefault']),
        "  UseDefault:\n    Type: String\n    Default: 'false'\n    AllowedValues: ['true', 'false']\n",
      ),
      errors: [{ path: VC, messageIncludes: 'CloudFrontDefaultCertificate: true' }],
    },
  ],
});

import { CLOUDFRONT_RECOMMENDED_SSL_SUPPORT_METHOD } from '../../data/cloudfront';
import { Path, pathKey, SNode } from '../../parse/source-tree';
import type { Scenario } from '../../evaluate/conditions';
import { writeMissing } from '../missing-property';
import { CLOUDFRONT_OMITTED_MIN_PROTOCOL } from '../../data/cloudfront-viewer';
import { entry, stringCandidates } from '../../evaluate/values';
import type { Fix, FixIntent, Rule } from '../../engine/types';
import { CertificateFacts, certificateFacts, DISTRIBUTION, distributions, Presence } from '../../model/cloudfront/distribution';
import { recommendedMinimumProtocol } from './recommended';

const SOURCES = ['AcmCertificateArn', 'IamCertificateId', 'CloudFrontDefaultCertificate: true'] as const;
const EXACTLY_ONE =
  'CloudFormation requires exactly one of AcmCertificateArn, IamCertificateId or CloudFrontDefaultCertificate: true, and rejects the distribution otherwise.';

export const cloudfrontViewerCertificateIncomplete: Rule = {
  meta: {
    id: 'cloudfront-viewer-certificate-incomplete',
    severity: 'error',
    summary: 'ViewerCertificate naming no certificate or several, or a custom certificate without SslSupportMethod/MinimumProtocolVersion.',
    fixable: true,
    docs: { severityNote: 'warning when only `MinimumProtocolVersion` is missing', fixNote: 'missing settings' },
    peers: [
      'E3014',
      'E3021',
      'CKV_AWS_174',
      'W70',
      'CLOUDFRONT_MINIMUM_PROTOCOL_VERSION_RULE',
      'dc17ee4b-ddf2-4e23-96e8-7a36abad1303',
      'CLOUDFRONT_CUSTOM_SSL_CERTIFICATE',
      'CLOUDFRONT_SNI_ENABLED',
      'AWS-0013',
    ],
    resourceTypes: [DISTRIBUTION],
  },
  check(ctx) {
    const mpvValue = recommendedMinimumProtocol(ctx);
    for (const { view, config } of distributions(ctx)) {
      const cert = certificateFacts(config);
      if (!cert?.node) continue;
      const vc = cert.node;

      // Exactly one of AcmCertificateArn / IamCertificateId / CloudFrontDefaultCertificate: true.
      const sources: Presence[] = [cert.acm, cert.iam, cert.defaultFlag];
      if (!sources.includes('unknown')) {
        const least = sources.filter((p) => p === 'yes').length;
        const most = least + sources.filter((p) => p === 'maybe').length;
        if (least === 0 || most > 1) {
          const named = SOURCES.filter((_, i) => sources[i] !== 'no');
          ctx.report({
            path: vc.path,
            target: 'key',
            key: `${pathKey(vc.path)}#count`,
            message:
              most > 1
                ? `ViewerCertificate names ${named.join(' and ')}: ${EXACTLY_ONE} Keep only the certificate the distribution should serve.`
                : `ViewerCertificate names no certificate${most === 1 ? ' when CloudFrontDefaultCertificate is false' : ''}: ${EXACTLY_ONE} Add AcmCertificateArn (an ACM certificate in us-east-1) with SslSupportMethod and MinimumProtocolVersion, or CloudFrontDefaultCertificate: true.`,
          });
        }
      }

      // A custom certificate needs SslSupportMethod and MinimumProtocolVersion.
      if ((cert.acm !== 'yes' && cert.iam !== 'yes') || cert.defaultFlag === 'yes') continue;
      const missing = missingSettings(cert);
      if (!missing.ssl && !missing.mpv) continue;
      const certKey = cert.acm === 'yes' ? 'AcmCertificateArn' : 'IamCertificateId';
      const parts: string[] = [];
      if (missing.ssl) parts.push(`no SslSupportMethod, which CloudFront requires with a custom certificate (the stack fails)`);
      if (missing.mpv) parts.push(`no MinimumProtocolVersion, so CloudFront applies ${CLOUDFRONT_OMITTED_MIN_PROTOCOL}, which accepts TLS 1.0`);
      const inserts = [
        ...(missing.ssl ? [`SslSupportMethod: ${CLOUDFRONT_RECOMMENDED_SSL_SUPPORT_METHOD}`] : []),
        ...(missing.mpv ? [`MinimumProtocolVersion: ${mpvValue}`] : []),
      ];
      const fix = settingsFix(ctx.template.root, view.scenario, cert, missing, mpvValue);
      ctx.report({
        path: fix.branch ?? vc.path,
        target: fix.branch ? 'value' : 'key',
        message: `ViewerCertificate has ${certKey} but ${parts.join(', and ')}. Insert ${inserts.join(' and ')}.`,
        severity: missing.ssl ? undefined : 'warning',
        fixes: [fix.fix],
        data: { missing: [...(missing.ssl ? ['SslSupportMethod'] : []), ...(missing.mpv ? ['MinimumProtocolVersion'] : [])] },
      });
    }
  },
};

interface Missing {
  ssl: boolean;
  mpv: boolean;
}

function missingSettings(cert: CertificateFacts): Missing {
  return { ssl: entry(cert.node, 'SslSupportMethod') === undefined, mpv: entry(cert.node, 'MinimumProtocolVersion') === undefined };
}

/**
 * Writes the missing settings: inserted into ViewerCertificate, or into the `AWS::NoValue` branch
 * of an `Fn::If` that leaves one out in this scenario, where the report then goes (the other
 * scenarios keep theirs).
 */
function settingsFix(root: SNode, scenario: Scenario, cert: CertificateFacts, missing: Missing, mpvValue: string): { fix: Fix; branch?: Path } {
  const vc = cert.node!;
  const intents: FixIntent[] = [];
  const titles: string[] = [];
  let branch: Path | undefined;
  const write = (key: string, value: string): void => {
    const w = writeMissing(root, scenario, vc.path, key, value);
    intents.push(w.intent);
    branch ??= w.branch;
  };
  if (missing.ssl) {
    write('SslSupportMethod', CLOUDFRONT_RECOMMENDED_SSL_SUPPORT_METHOD);
    titles.push(`SslSupportMethod: ${CLOUDFRONT_RECOMMENDED_SSL_SUPPORT_METHOD}`);
    // sni-only needs TLSv1 or higher: an SSLv3 floor must go with it.
    for (const c of stringCandidates(entry(vc, 'MinimumProtocolVersion'))) {
      if (c.value === 'SSLv3') intents.push({ kind: 'set', path: c.path, value: mpvValue });
    }
  }
  if (missing.mpv) {
    write('MinimumProtocolVersion', mpvValue);
    titles.push(`MinimumProtocolVersion: ${mpvValue}`);
  }
  return { fix: { title: `${branch ? 'Set' : 'Insert'} ${titles.join(' and ')}`, intents, safe: true }, branch };
}

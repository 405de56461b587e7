import { CLOUDFRONT_DEFAULT_CERTIFICATE_MIN_PROTOCOL } from '../../data/cloudfront';
import { CLOUDFRONT_DEFAULT_CERTIFICATE_NAME } from '../../data/cloudfront-viewer';
import { entry, strings } from '../../evaluate/values';
import type { RelatedInfo, Rule } from '../../engine/types';
import { quoteList, relatedFor } from '../helpers';
import { certificateFacts, DISTRIBUTION, distributions, usesDefaultCertificate } from '../../model/cloudfront/distribution';

export const cloudfrontDefaultCertificate: Rule = {
  meta: {
    id: 'cloudfront-default-certificate',
    severity: 'info',
    summary: `Distribution served with the default ${CLOUDFRONT_DEFAULT_CERTIFICATE_NAME} certificate, where CloudFront allows TLSv1 whatever MinimumProtocolVersion says.`,
    fixable: false,
    peers: [
      'CloudFront.7',
      'W70',
      'CKV_AWS_174',
      'CLOUDFRONT_CUSTOM_SSL_CERTIFICATE',
      'CLOUDFRONT_MINIMUM_PROTOCOL_VERSION_RULE',
      'CLOUDFRONT_SNI_ENABLED',
      'dc17ee4b-ddf2-4e23-96e8-7a36abad1303',
      'AWS-0013',
      'CKV2_AWS_42',
    ],
    resourceTypes: [DISTRIBUTION],
  },
  check(ctx) {
    for (const { config } of distributions(ctx)) {
      const cert = certificateFacts(config);
      if (!cert || !usesDefaultCertificate(cert)) continue;
      const flag = entry(cert.node, 'CloudFrontDefaultCertificate');
      const mpv = entry(cert.node, 'MinimumProtocolVersion');
      const related: RelatedInfo[] = [];
      let ignored = '';
      if (mpv) {
        const values = strings(mpv);
        const shown = values.length ? `${quoteList(values)} ` : '';
        ignored = ` The MinimumProtocolVersion ${shown}set here has no effect.`;
        related.push({
          path: mpv.path,
          message: `MinimumProtocolVersion has no effect with the default certificate: CloudFront uses ${CLOUDFRONT_DEFAULT_CERTIFICATE_MIN_PROTOCOL}`,
        });
      }
      if (flag && flag.kind === 'leaf')
        related.push(...relatedFor(flag.candidates.filter((c) => c.value === true || String(c.value).toLowerCase() === 'true')));
      ctx.report({
        path: flag ? flag.path : config.path,
        target: flag ? 'value' : 'key',
        message:
          `The distribution uses the default ${CLOUDFRONT_DEFAULT_CERTIFICATE_NAME} certificate (${flag ? 'CloudFrontDefaultCertificate: true' : 'no ViewerCertificate'}), ` +
          `so CloudFront accepts ${CLOUDFRONT_DEFAULT_CERTIFICATE_MIN_PROTOCOL} (TLS 1.0) from viewers whatever MinimumProtocolVersion says.${ignored} ` +
          'To require TLS 1.2, serve it on your own domain: Aliases, and a ViewerCertificate with an ACM certificate in us-east-1, SslSupportMethod: sni-only and MinimumProtocolVersion: TLSv1.2_2021.',
        related,
        data: { minimumProtocolIgnored: !!mpv },
      });
    }
  },
};

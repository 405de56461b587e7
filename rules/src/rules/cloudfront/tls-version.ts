import { minimumProtocolFloor } from '../../data/cloudfront';
import { isBelow, tlsLabel } from '../../data/tls';
import { entry, strings } from '../../evaluate/values';
import type { Rule } from '../../engine/types';
import { badStrings, listValues, relatedFor, setValueFix } from '../helpers';
import { certificateFacts, DISTRIBUTION, distributions, usesCustomCertificate } from '../../model/cloudfront/distribution';
import { minimumTlsOption, recommendedMinimumProtocol } from './recommended';

export const cloudfrontTlsVersion: Rule = {
  meta: {
    id: 'cloudfront-tls-version',
    severity: 'warning',
    summary: 'Custom viewer certificate with a MinimumProtocolVersion below TLS 1.2 (SSLv3, TLSv1, TLSv1_2016, TLSv1.1_2016).',
    fixable: true,
    docs: { severityNote: 'error for `SSLv3` with `sni-only`' },
    peers: ['CKV_AWS_174', 'W70', 'CLOUDFRONT_MINIMUM_PROTOCOL_VERSION_RULE', 'dc17ee4b-ddf2-4e23-96e8-7a36abad1303', 'AWS-0013'],
    resourceTypes: [DISTRIBUTION],
    options: { minimumTls: { type: 'string', description: 'Lowest acceptable TLS version', values: ['1.0', '1.1', '1.2', '1.3'] } },
  },
  check(ctx) {
    const minimum = minimumTlsOption(ctx);
    const replacement = recommendedMinimumProtocol(ctx, minimum);
    for (const { config } of distributions(ctx)) {
      const cert = certificateFacts(config);
      if (!cert?.node || !usesCustomCertificate(cert)) continue;
      const mpv = entry(cert.node, 'MinimumProtocolVersion');
      const bad = badStrings(mpv, (v) => {
        const floor = minimumProtocolFloor(v);
        return floor !== undefined && isBelow(floor, minimum);
      });
      if (!mpv || !bad.length) continue;
      const floors = [...new Set(bad.map((c) => tlsLabel(minimumProtocolFloor(c.value)!)))].join(', ');
      // "When you're using SNI only, you must specify TLSv1 or higher": SSLv3 with sni-only fails to deploy.
      const sslv3WithSni = bad.some((c) => c.value === 'SSLv3') && strings(entry(cert.node, 'SslSupportMethod')).includes('sni-only');
      ctx.report({
        path: mpv.path,
        message:
          `MinimumProtocolVersion ${listValues(bad)} lets viewers connect with ${floors}; the minimum is TLS ${minimum}. ` +
          (sslv3WithSni ? 'CloudFront also rejects SSLv3 with SslSupportMethod sni-only. ' : '') +
          `Set it to ${replacement}.`,
        severity: sslv3WithSni ? 'error' : undefined,
        related: relatedFor(bad),
        fixes: [setValueFix(bad, replacement, 'MinimumProtocolVersion')],
        data: { replacement, minimumTls: minimum },
      });
    }
  },
};

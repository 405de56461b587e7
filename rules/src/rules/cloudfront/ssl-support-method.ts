import { CLOUDFRONT_RECOMMENDED_SSL_SUPPORT_METHOD } from '../../data/cloudfront';
import { SSL_SUPPORT_METHOD_PROBLEMS } from '../../data/cloudfront-viewer';
import { entry, stringCandidates } from '../../evaluate/values';
import type { FixIntent, Rule } from '../../engine/types';
import { quote, relatedFor, setValueFix } from '../helpers';
import { candidatesIn, certificateFacts, DISTRIBUTION, distributions, usesDefaultCertificate } from '../../model/cloudfront/distribution';
import { recommendedMinimumProtocol } from './recommended';

export const cloudfrontSslSupportMethod: Rule = {
  meta: {
    id: 'cloudfront-ssl-support-method',
    severity: 'warning',
    summary: 'ViewerCertificate SslSupportMethod vip (dedicated IPs, extra monthly cost) or static-ip instead of sni-only.',
    fixable: true,
    peers: ['CloudFront.8', 'CLOUDFRONT_SNI_ENABLED'],
    resourceTypes: [DISTRIBUTION],
  },
  check(ctx) {
    const sni = CLOUDFRONT_RECOMMENDED_SSL_SUPPORT_METHOD;
    for (const { config } of distributions(ctx)) {
      const cert = certificateFacts(config);
      if (!cert?.node || usesDefaultCertificate(cert)) continue;
      const method = entry(cert.node, 'SslSupportMethod');
      const bad = candidatesIn(method, Object.keys(SSL_SUPPORT_METHOD_PROBLEMS));
      if (!method || !bad.length) continue;
      const why = [...new Set(bad.map((c) => `${quote(c.value)} ${SSL_SUPPORT_METHOD_PROBLEMS[c.value]}`))].join('; ');
      const fix = setValueFix(bad, sni, 'SslSupportMethod');
      // sni-only requires MinimumProtocolVersion TLSv1 or higher: an SSLv3 floor changes with it.
      const mpvValue = recommendedMinimumProtocol(ctx);
      const sslv3 = stringCandidates(entry(cert.node, 'MinimumProtocolVersion')).filter((c) => c.value === 'SSLv3');
      if (sslv3.length) {
        fix.intents.push(...sslv3.map((c): FixIntent => ({ kind: 'set', path: c.path, value: mpvValue })));
        fix.title += ` and MinimumProtocolVersion to ${quote(mpvValue)}`;
      }
      ctx.report({
        path: method.path,
        message: `SslSupportMethod ${why}. Every current browser and client sends SNI; set it to ${sni}.`,
        related: relatedFor(bad),
        fixes: [fix],
        data: { replacement: sni },
      });
    }
  },
};

import { CLOUDFRONT_DEFAULT_CERTIFICATE_NAME } from '../../data/cloudfront-viewer';
import { entry, strings } from '../../evaluate/values';
import type { Rule } from '../../engine/types';
import { quoteList } from '../helpers';
import { certificateFacts, DISTRIBUTION, distributions, usesDefaultCertificate } from '../../model/cloudfront/distribution';

/** `Aliases`, and its legacy spelling `CNAMEs`. */
const ALIAS_KEYS = ['Aliases', 'CNAMEs'] as const;

export const cloudfrontAliasesDefaultCertificate: Rule = {
  meta: {
    id: 'cloudfront-aliases-default-certificate',
    severity: 'error',
    summary: `Aliases on a distribution that uses the default ${CLOUDFRONT_DEFAULT_CERTIFICATE_NAME} certificate, which CloudFront rejects.`,
    fixable: false,
    peers: [],
    resourceTypes: [DISTRIBUTION],
  },
  check(ctx) {
    for (const { config } of distributions(ctx)) {
      const cert = certificateFacts(config);
      if (!cert || !usesDefaultCertificate(cert)) continue;
      for (const key of ALIAS_KEYS) {
        const aliases = entry(config, key);
        if (!aliases || aliases.kind !== 'seq' || !aliases.items.length) continue;
        const names = aliases.items.flatMap((a) => strings(a));
        const shown = names.length ? ` (${quoteList(names)})` : '';
        const how = cert.node ? 'CloudFrontDefaultCertificate: true' : 'no ViewerCertificate';
        // The finding is about the property, not one name: it sits on the key, once, whichever
        // Fn::If branch holds the list (that branch is related information).
        const property = [...config.path, key];
        const inBranch = aliases.path.length > property.length;
        ctx.report({
          path: property,
          target: 'key',
          related: inBranch ? [{ path: aliases.path, message: `${key} in this branch: ${quoteList(names)}` }] : undefined,
          message:
            `${key}${shown} set while the distribution uses the default ${CLOUDFRONT_DEFAULT_CERTIFICATE_NAME} certificate (${how}): ` +
            'CloudFront refuses alternate domain names without a certificate that covers them, so the stack fails. ' +
            'Add a ViewerCertificate with AcmCertificateArn (an ACM certificate in us-east-1 covering these names), SslSupportMethod: sni-only and MinimumProtocolVersion: TLSv1.2_2021.',
          data: { aliases: names },
        });
      }
    }
  },
};

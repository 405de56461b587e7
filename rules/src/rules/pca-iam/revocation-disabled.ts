import type { RNode } from '../../evaluate/values';
import { booleans, entry, strings } from '../../evaluate/values';
import type { Rule } from '../../engine/types';
import { CERTIFICATE_AUTHORITY } from '../../model/pca-iam/certificate-authority';

/** CAs in this mode issue certificates valid for at most seven days: AWS says they need no revocation. */
const SHORT_LIVED = 'SHORT_LIVED_CERTIFICATE';

export const pcaRevocationDisabled: Rule = {
  meta: {
    id: 'pca-revocation-disabled',
    severity: 'warning',
    summary: 'Private CA without RevocationConfiguration enabling a CRL or OCSP: revocations never reach relying parties.',
    fixable: false,
    peers: [],
    resourceTypes: [CERTIFICATE_AUTHORITY],
  },
  check(ctx) {
    for (const view of ctx.viewsOf(CERTIFICATE_AUTHORITY)) {
      if (!view.props) continue;
      const modes = strings(entry(view.props, 'UsageMode'));
      if (modes.length && modes.every((m) => m === SHORT_LIVED)) continue;
      const config = entry(view.props, 'RevocationConfiguration');
      if (config === undefined) {
        ctx.report({
          path: view.path,
          target: 'key',
          message:
            'The CA has no RevocationConfiguration, so certificates it issues can be revoked but no relying party ever learns of it. ' +
            'Enable OCSP (RevocationConfiguration.OcspConfiguration.Enabled: true) or a CRL (CrlConfiguration with Enabled: true and an S3 bucket).',
        });
        continue;
      }
      if (config.kind !== 'map') continue;
      const crl = mayBeOff(entry(config, 'CrlConfiguration'));
      const ocsp = mayBeOff(entry(config, 'OcspConfiguration'));
      if (crl !== true || ocsp !== true) continue;
      ctx.report({
        path: config.path,
        target: 'key',
        message:
          'RevocationConfiguration enables neither a CRL nor OCSP, so relying parties cannot learn that a certificate was revoked. ' +
          'Set OcspConfiguration.Enabled: true, or CrlConfiguration.Enabled: true with an S3 bucket.',
      });
    }
  },
};

/**
 * Whether a CRL/OCSP configuration can be off: true when absent or `Enabled` is (or may be)
 * false or absent, false when it is on, undefined when not knowable.
 */
function mayBeOff(conf: RNode | undefined): boolean | undefined {
  if (conf === undefined) return true;
  if (conf.kind !== 'map') return undefined;
  const enabled = entry(conf, 'Enabled');
  if (enabled === undefined) return true;
  const values = booleans(enabled);
  if (!values.length) return undefined;
  return values.includes(false);
}

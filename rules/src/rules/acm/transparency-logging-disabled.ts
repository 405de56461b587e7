import { ACM_TRANSPARENCY_DISABLED, ACM_TRANSPARENCY_ENABLED } from '../../data/acm-practice';
import { entry } from '../../evaluate/values';
import type { Rule } from '../../engine/types';
import { badStrings, reportValue } from '../helpers';
import { CERTIFICATE, isPublic } from '../../model/acm/certificate';

export const acmTransparencyLoggingDisabled: Rule = {
  meta: {
    id: 'acm-transparency-logging-disabled',
    severity: 'warning',
    summary: 'Public ACM certificate with CertificateTransparencyLoggingPreference DISABLED.',
    fixable: true,
    peers: ['CKV_AWS_234'],
    resourceTypes: [CERTIFICATE],
  },
  check(ctx) {
    for (const view of ctx.viewsOf(CERTIFICATE)) {
      if (!view.props || !isPublic(view)) continue; // private CA certificates are never logged
      const pref = entry(view.props, 'CertificateTransparencyLoggingPreference');
      if (!pref) continue;
      reportValue(ctx, {
        node: pref,
        bad: badStrings(pref, (v) => v === ACM_TRANSPARENCY_DISABLED),
        message:
          'CertificateTransparencyLoggingPreference DISABLED: the public certificate is not written to Certificate Transparency logs, so it cannot be audited there, and modern browsers (Chrome, Safari) typically refuse a public certificate that was not logged. Set ENABLED.',
        fixValue: ACM_TRANSPARENCY_ENABLED,
        fixWhat: 'CertificateTransparencyLoggingPreference',
      });
    }
  },
};

import { entry } from '../../evaluate/values';
import type { Rule } from '../../engine/types';
import { certificateReference, insertCertificateFix } from '../certificate-fix';
import { LISTENER, protocolsOf, TLS_PROTOCOLS } from '../../model/elbv2/graph';

export const elbv2CertificateMissing: Rule = {
  meta: {
    id: 'elbv2-certificate-missing',
    severity: 'error',
    summary: 'HTTPS/TLS listener without Certificates (the stack fails).',
    fixable: true,
    peers: [
      'E3676',
      'ELBV2_ACM_CERTIFICATE_REQUIRED', // FAILs a non-ACM certificate, and an HTTPS/TLS listener with no Certificates.
    ],
    resourceTypes: [LISTENER],
  },
  check(ctx) {
    for (const view of ctx.viewsOf(LISTENER)) {
      const protocol = protocolsOf(view).find((p) => TLS_PROTOCOLS.has(p));
      if (!view.props || !protocol) continue;
      const certificates = entry(view.props, 'Certificates');
      const what = `${protocol} listener`;
      if (certificates === undefined) {
        const { fix, branch } = insertCertificateFix(ctx.template, view.scenario, view.path, 'Certificates', (ref) => [{ CertificateArn: ref }]);
        ctx.report({
          path: branch ?? view.path,
          target: branch ? 'value' : 'key',
          message: `${what} has no Certificates; an HTTPS or TLS listener needs exactly one default certificate, so CloudFormation fails to create it. Add Certificates with the ARN of an ACM certificate.`,
          fixes: [fix],
        });
      } else if (certificates.kind === 'seq' && certificates.items.length === 0) {
        const { ref, addParameter, label } = certificateReference(ctx.template);
        ctx.report({
          path: certificates.path,
          message: `${what} has an empty Certificates list; an HTTPS or TLS listener needs exactly one default certificate, so CloudFormation fails to create it. Add the ARN of an ACM certificate.`,
          fixes: [
            {
              title: `Set Certificates to a reference to ${label}`,
              intents: [...(addParameter ? [addParameter] : []), { kind: 'set', path: certificates.path, value: [{ CertificateArn: ref }] }],
              safe: true,
            },
          ],
        });
      }
    }
  },
};

import type { Rule } from '../../engine/types';
import { CERTIFICATE, isPublic } from '../../model/acm/certificate';
import { usesOf } from '../../model/acm/uses';

export const acmPublicCertificateProduction: Rule = {
  meta: {
    id: 'acm-public-certificate-production',
    severity: 'off',
    summary: 'ACM-issued public certificate on a production internet-facing endpoint (the seed prefers organisation-issued OV/EV certificates there).',
    fixable: false,
    docs: { severityNote: 'production only' },
    peers: [],
    resourceTypes: [CERTIFICATE],
  },
  check(ctx) {
    for (const view of ctx.viewsOf(CERTIFICATE)) {
      if (!view.props || !isPublic(view) || !ctx.isProduction(view.resource)) continue;
      const uses = usesOf(ctx, view.resource.id, view.scenario).filter((u) => u.internetFacing === true);
      if (!uses.length) continue;
      const consumers = [...new Set(uses.map((u) => u.consumer))];
      ctx.report({
        path: view.path,
        target: 'key',
        message: `ACM-issued public certificate on the production internet endpoint${consumers.length > 1 ? 's' : ''} ${consumers.join(', ')}: ACM issues domain-validated certificates that name Amazon as the issuer and carry no organisation, which security-aware customers may not trust. Where your policy asks for it, import an organisation-issued OV/EV certificate for production endpoints instead.`,
        related: uses.map((u) => ({ path: u.path, message: `${u.consumer} (${u.type}) serves this certificate to the internet` })),
        data: { consumers },
      });
    }
  },
};

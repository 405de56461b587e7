import { entry, strings } from '../../evaluate/values';
import type { Rule } from '../../engine/types';
import { CA_ACTIVATION, CERTIFICATE_AUTHORITY } from '../../model/pca-iam/certificate-authority';

/** An activation without `Status` activates the CA: ACTIVE is CloudFormation's default. */
const DEFAULT_STATUS = 'ACTIVE';

export const pcaRootCaActive: Rule = {
  meta: {
    id: 'pca-root-ca-active',
    severity: 'info',
    summary: 'A ROOT private CA activated in the template (CertificateAuthorityActivation with Status ACTIVE); Security Hub PCA.1.',
    fixable: false,
    docs: { appliesTo: '`AWS::ACMPCA::CertificateAuthorityActivation` (with `AWS::ACMPCA::CertificateAuthority`)' },
    peers: ['PCA.1'],
    resourceTypes: [CA_ACTIVATION],
  },
  check(ctx) {
    for (const view of ctx.viewsOf(CA_ACTIVATION)) {
      if (!view.props) continue;
      const status = entry(view.props, 'Status');
      const statuses = status === undefined ? [DEFAULT_STATUS] : strings(status);
      if (!statuses.includes('ACTIVE')) continue;
      const arn = entry(view.props, 'CertificateAuthorityArn');
      const caId = arn && arn.kind === 'unknown' ? arn.ref : undefined;
      if (!caId || ctx.template.resources.get(caId)?.type !== CERTIFICATE_AUTHORITY) continue;
      const caType = ctx
        .viewsIn(caId, view.scenario)
        .map((v) => entry(v.props, 'Type'))
        .find((t) => strings(t).includes('ROOT'));
      if (!caType) continue;
      ctx.report({
        path: status ? status.path : view.path,
        target: status ? 'value' : 'key',
        message:
          `This activation makes ROOT CA ${caId} active. A root CA should only sign subordinate CAs and otherwise stay disabled ` +
          '(Security Hub PCA.1): an active root widens who can mint trusted certificates. After signing the subordinates, set ' +
          'Status: DISABLED, or keep the root CA in its own rarely deployed stack.',
        related: [{ path: caType.path, message: `${caId} is a ROOT CA` }],
        data: { certificateAuthority: caId },
      });
    }
  },
};

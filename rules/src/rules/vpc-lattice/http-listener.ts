import { entry, stringCandidates } from '../../evaluate/values';
import type { Rule } from '../../engine/types';
import { listValues, reportValue } from '../helpers';

const LISTENER = 'AWS::VpcLattice::Listener';

export const vpcLatticeHttpListener: Rule = {
  meta: {
    id: 'vpc-lattice-http-listener',
    severity: 'info',
    summary: 'VPC Lattice listener with Protocol HTTP (requests reach the service in plaintext).',
    fixable: false,
    peers: [],
    resourceTypes: [LISTENER],
  },
  check(ctx) {
    for (const view of ctx.viewsOf(LISTENER)) {
      const protocol = entry(view.props, 'Protocol');
      const bad = stringCandidates(protocol).filter((c) => c.value.toUpperCase() === 'HTTP');
      if (!protocol || !bad.length) continue;
      reportValue(ctx, {
        node: protocol,
        bad,
        message:
          `VPC Lattice listener ${view.resource.id} has Protocol ${listValues(bad)}: clients in the service network send their requests ` +
          'to it in plaintext. Use HTTPS (VPC Lattice terminates TLS 1.2/1.3 with its own certificate or the service CertificateArn) or ' +
          'TLS_PASSTHROUGH (the targets terminate TLS). Protocol cannot be changed in place: CloudFormation replaces the listener.',
      });
    }
  },
};

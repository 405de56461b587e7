import { entry } from '../../evaluate/values';
import type { Rule } from '../../engine/types';
import { insertCertificateFix } from '../certificate-fix';
import { CLASSIC_LB, isTlsListener, listenerLabel, listenersOf } from '../../model/elb-classic/load-balancer';

export const elbCertificateMissing: Rule = {
  meta: {
    id: 'elb-certificate-missing',
    severity: 'error',
    summary: 'Classic Load Balancer HTTPS/SSL listener without SSLCertificateId: the stack fails to create it.',
    fixable: true,
    peers: ['E3679', 'ELB_ACM_CERTIFICATE_REQUIRED', 'CKV_AWS_127', 'CKV_AWS_376'],
    resourceTypes: [CLASSIC_LB],
  },
  check(ctx) {
    for (const view of ctx.viewsOf(CLASSIC_LB)) {
      for (const listener of listenersOf(view)) {
        if (!isTlsListener(listener) || entry(listener, 'SSLCertificateId') !== undefined) continue;
        const { fix, branch } = insertCertificateFix(ctx.template, view.scenario, listener.path, 'SSLCertificateId', (ref) => ref);
        ctx.report({
          path: branch ?? listener.path,
          target: branch ? 'value' : 'key',
          message: `${listenerLabel(listener)} has no SSLCertificateId: Elastic Load Balancing needs a server certificate (ACM or IAM ARN) to terminate TLS and rejects the listener. Set SSLCertificateId.`,
          fixes: [fix],
        });
      }
    }
  },
};

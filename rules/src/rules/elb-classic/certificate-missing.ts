import { RULE_PEERS } from '../../data/peers';
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
    peers: RULE_PEERS['elb-certificate-missing'],
    resourceTypes: [CLASSIC_LB],
    principles: ['S1'],
  },
  check(ctx) {
    for (const view of ctx.viewsOf(CLASSIC_LB)) {
      for (const listener of listenersOf(view)) {
        if (!isTlsListener(listener) || entry(listener, 'SSLCertificateId') !== undefined) continue;
        ctx.report({
          path: listener.path,
          target: 'key',
          message: `${listenerLabel(listener)} has no SSLCertificateId: Elastic Load Balancing needs a server certificate (ACM or IAM ARN) to terminate TLS and rejects the listener. Set SSLCertificateId.`,
          fixes: [insertCertificateFix(ctx.template, listener.path, 'SSLCertificateId', (ref) => ref)],
        });
      }
    }
  },
};

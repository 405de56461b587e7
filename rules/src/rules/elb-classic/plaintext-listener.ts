import { entry } from '../../evaluate/values';
import type { Rule } from '../../engine/types';
import { reportValue } from '../helpers';
import { CLASSIC_LB, listenersOf, normProtocol, protocolCandidates } from '../../model/elb-classic/load-balancer';

export const elbPlaintextListener: Rule = {
  meta: {
    id: 'elb-plaintext-listener',
    severity: 'warning',
    summary: 'Classic Load Balancer listener with Protocol HTTP: clients talk to it in plaintext.',
    fixable: false,
    peers: [
      '275a3217-ca37-40c1-a6cf-bb57d245ab32',
      '80908a75-586b-4c61-ab04-490f4f4525b8', // KICS ELB Without Secure Protocol
      'ELB_TLS_HTTPS_LISTENERS_ONLY',
      'ELB.3',
    ],
    resourceTypes: [CLASSIC_LB],
  },
  check(ctx) {
    for (const view of ctx.viewsOf(CLASSIC_LB)) {
      for (const listener of listenersOf(view)) {
        // TCP may carry TLS through to the instances untouched: only HTTP is known plaintext.
        const bad = protocolCandidates(listener, 'Protocol').filter((c) => normProtocol(c.value) === 'HTTP');
        const node = entry(listener, 'Protocol');
        if (!node || !bad.length) continue;
        reportValue(ctx, {
          node,
          bad,
          message:
            'Listener Protocol is HTTP: requests and responses cross the network unencrypted, and a Classic Load Balancer cannot redirect HTTP to HTTPS. ' +
            'Use an HTTPS (or SSL) listener with an SSLCertificateId, or TCP to pass TLS through to the instances.',
        });
      }
    }
  },
};

import { entry } from '../../evaluate/values';
import type { Rule } from '../../engine/types';
import { listValues, reportValue } from '../helpers';
import {
  CLASSIC_LB,
  familyOf,
  listenerLabel,
  listenersOf,
  normProtocol,
  PLAINTEXT_PROTOCOLS,
  protocolCandidates,
  TLS_PROTOCOLS,
} from '../../model/elb-classic/load-balancer';

export const elbPlaintextToInstances: Rule = {
  meta: {
    id: 'elb-plaintext-to-instances',
    severity: 'info',
    summary: 'Classic HTTPS/SSL listener with InstanceProtocol HTTP/TCP: TLS ends at the load balancer.',
    fixable: false,
    peers: [
      '80908a75-586b-4c61-ab04-490f4f4525b8', // KICS ELB Without Secure Protocol
      'CKV_AWS_376',
    ],
    resourceTypes: [CLASSIC_LB],
  },
  check(ctx) {
    for (const view of ctx.viewsOf(CLASSIC_LB)) {
      for (const listener of listenersOf(view)) {
        const tlsFamilies = new Set(
          protocolCandidates(listener, 'Protocol')
            .filter((c) => TLS_PROTOCOLS.has(normProtocol(c.value)))
            .map((c) => familyOf(c.value)),
        );
        if (!tlsFamilies.size) continue;
        // HTTPS -> TCP is a pairing error (elb-protocol-pairing), not this advice.
        const bad = protocolCandidates(listener, 'InstanceProtocol').filter(
          (c) => PLAINTEXT_PROTOCOLS.has(normProtocol(c.value)) && tlsFamilies.has(familyOf(c.value)),
        );
        const node = entry(listener, 'InstanceProtocol');
        if (!node || !bad.length) continue;
        reportValue(ctx, {
          node,
          bad,
          message: `${listenerLabel(listener)} forwards to the instances with InstanceProtocol ${listValues(bad)}: TLS ends at the load balancer and traffic inside the VPC is plaintext. Use ${[...tlsFamilies][0] === 'http' ? 'HTTPS' : 'SSL'} to the instances for encryption end to end.`,
        });
      }
    }
  },
};

import { entry } from '../../evaluate/values';
import type { Rule } from '../../engine/types';
import { listValues, reportValue } from '../helpers';
import { CLASSIC_LB, familyOf, Family, listenersOf, protocolCandidates } from '../../model/elb-classic/load-balancer';

const LABEL: Readonly<Record<Family, string>> = { http: 'HTTP/HTTPS', tcp: 'TCP/SSL' };

export const elbProtocolPairing: Rule = {
  meta: {
    id: 'elb-protocol-pairing',
    severity: 'error',
    summary: 'Classic listener whose front-end and back-end protocols are of different layers (HTTP/HTTPS vs TCP/SSL).',
    fixable: false,
    peers: [],
    resourceTypes: [CLASSIC_LB],
  },
  check(ctx) {
    for (const view of ctx.viewsOf(CLASSIC_LB)) {
      for (const listener of listenersOf(view)) {
        const front = protocolCandidates(listener, 'Protocol').filter((c) => familyOf(c.value));
        const back = protocolCandidates(listener, 'InstanceProtocol').filter((c) => familyOf(c.value));
        const frontFamilies = new Set(front.map((c) => familyOf(c.value)!));
        const backFamilies = new Set(back.map((c) => familyOf(c.value)!));
        // Two independent choices (e.g. two parameters) may still be paired right: report only
        // the side whose values clash with a front (or back) end that has a single family.
        let side: 'Protocol' | 'InstanceProtocol';
        let fixed: Family;
        if (frontFamilies.size === 1) {
          side = 'InstanceProtocol';
          fixed = [...frontFamilies][0];
        } else if (backFamilies.size === 1) {
          side = 'Protocol';
          fixed = [...backFamilies][0];
        } else continue;
        const bad = (side === 'InstanceProtocol' ? back : front).filter((c) => familyOf(c.value) !== fixed);
        const node = entry(listener, side);
        if (!node || !bad.length) continue;
        const other = side === 'InstanceProtocol' ? 'front-end Protocol' : 'InstanceProtocol';
        reportValue(ctx, {
          node,
          bad,
          message: `${side} ${listValues(bad)} does not pair with the ${LABEL[fixed]} ${other}: Elastic Load Balancing requires both ends of a listener to be HTTP/HTTPS or both TCP/SSL, and rejects the listener. Use ${fixed === 'http' ? 'HTTP or HTTPS' : 'TCP or SSL'}.`,
        });
      }
    }
  },
};

import { ELBV2_LISTENER_PROTOCOLS, ELBV2_PROTOCOLS_BY_LB_TYPE, Elbv2LoadBalancerType } from '../../data/elbv2-protocols';
import { entry } from '../../evaluate/values';
import type { Rule } from '../../engine/types';
import { badStrings, listValues, reportValue } from '../helpers';
import { isPresent, LISTENER, loadBalancerOf } from '../../model/elbv2/graph';

const TYPE_NAMES: Record<Elbv2LoadBalancerType, string> = {
  application: 'an Application Load Balancer',
  network: 'a Network Load Balancer',
  gateway: 'a Gateway Load Balancer',
};

function isLbType(t: string): t is Elbv2LoadBalancerType {
  return Object.prototype.hasOwnProperty.call(ELBV2_PROTOCOLS_BY_LB_TYPE, t);
}

export const elbv2ProtocolMismatch: Rule = {
  meta: {
    id: 'elbv2-protocol-mismatch',
    severity: 'error',
    summary: "Listener Protocol that its load balancer's Type does not take (ALB: HTTP/HTTPS; NLB: TCP/TLS/UDP/...; GWLB: none).",
    fixable: false,
    peers: [],
    resourceTypes: [LISTENER],
  },
  check(ctx) {
    for (const view of ctx.viewsOf(LISTENER)) {
      const protocol = entry(view.props, 'Protocol');
      const lb = isPresent(protocol) ? loadBalancerOf(ctx, view) : undefined;
      if (!isPresent(protocol) || !lb) continue; // a load balancer outside the template is unknown
      for (const type of lb.types.filter(isLbType)) {
        const allowed = ELBV2_PROTOCOLS_BY_LB_TYPE[type];
        if (type === 'gateway') {
          // Any Protocol at all: "You can't specify a protocol for a Gateway Load Balancer".
          ctx.report({
            path: protocol.path,
            message: `Load balancer ${lb.id} is ${TYPE_NAMES.gateway}, which takes no listener Protocol (nor Port); the API rejects the listener. Remove Protocol and Port.`,
            data: { loadBalancer: lb.id, loadBalancerType: type },
          });
          continue;
        }
        const bad = badStrings(protocol, (p) => ELBV2_LISTENER_PROTOCOLS.has(p) && !allowed.has(p));
        reportValue(ctx, {
          node: protocol,
          bad,
          message:
            `Protocol ${listValues(bad)} does not exist on ${TYPE_NAMES[type]} (load balancer ${lb.id}), which takes ` +
            `${[...allowed].join(', ')}; the listener is not created. ` +
            (type === 'application'
              ? 'Use HTTPS (or HTTP that redirects to HTTPS).'
              : 'Use TLS to terminate TLS on the load balancer, or TCP to pass it through.'),
          data: { loadBalancer: lb.id, loadBalancerType: type },
        });
      }
    }
  },
};

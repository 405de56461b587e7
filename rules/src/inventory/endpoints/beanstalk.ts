/** Elastic Beanstalk: the listeners an environment's options give its dedicated load balancer. */
import { CLASSIC_LISTENER, CLASSIC_LOADBALANCER, ELBV2_LISTENER, TLS_LISTENER_PROTOCOLS } from '../../data/beanstalk-options';
import { ELBV2_DEFAULT_POLICY, findElbv2Policy } from '../../data/elbv2-policies';
import type { TemplateReader } from '../../engine/types';
import type { Path } from '../../parse/source-tree';
import { beanstalkCases, BeanstalkListener, listenersOf } from '../../model/beanstalk/environment';
import { isPortOff, OptionSet, optionTexts } from '../../model/beanstalk/options';
import { EndpointTable, propertyPath } from '../collect';
import { weakestFloor } from './floors';
import { resourcePath } from './keys';

/** The port a listener namespace stands for. */
function portsOf(set: OptionSet, namespace: string): string[] | undefined {
  const ns = namespace.toLowerCase();
  if (ns === `${ELBV2_LISTENER.prefix}${ELBV2_LISTENER.defaultName}` || ns === CLASSIC_LISTENER.defaultNamespace) return ['80'];
  if (ns.startsWith(ELBV2_LISTENER.prefix)) return [ns.slice(ELBV2_LISTENER.prefix.length)];
  if (ns.startsWith(CLASSIC_LISTENER.prefix)) return [ns.slice(CLASSIC_LISTENER.prefix.length)];
  if (ns === CLASSIC_LOADBALANCER.namespace) return optionTexts(set.get(ns, CLASSIC_LOADBALANCER.httpsPort))?.filter((p) => !isPortOff(p));
  return undefined;
}

/** Paths of the option items in a listener's namespace. */
function optionPaths(set: OptionSet, namespace: string): Path[] {
  const ns = namespace.toLowerCase();
  return set.sources.flatMap((s) => s.entries.filter((e) => e.namespace.toLowerCase() === ns).map((e) => propertyPath(e.item.path)));
}

function policyOf(l: BeanstalkListener): { values: string[] | undefined; default: boolean } | undefined {
  if (!l.sslPolicy) return undefined; // classic listeners take policies through aws:elb:policies, not read here
  return { values: optionTexts(l.sslPolicy, ELBV2_DEFAULT_POLICY), default: l.sslPolicy.state === 'unset' };
}

export function addBeanstalkListeners(ctx: TemplateReader, table: EndpointTable): void {
  for (const c of beanstalkCases(ctx)) {
    if (c.lb === undefined || c.lb === 'none' || c.lb === 'shared') continue;
    const id = c.view.resource.id;
    for (const l of listenersOf(c.set, c.lb).listeners) {
      if (l.enabled === false) continue;
      const paths = optionPaths(c.set, l.namespace);
      const acc = table.get(`${id}.${l.namespace.toLowerCase()}`, 'beanstalk-listener', id, c.view.resource.type ?? null, paths[0] ?? resourcePath(id));
      for (const p of paths) acc.claim(p);
      acc.claim(resourcePath(id));
      if (l.certificate.state === 'set') for (const e of l.certificate.entries) acc.claimCertificates(propertyPath(e.item.path));
      const policy = policyOf(l);
      const floor = weakestFloor(policy?.values, (n) => findElbv2Policy(n)?.minTls);
      const details = { loadBalancerType: c.lb, enabled: l.enabled === undefined ? 'unknown' : undefined };
      const ports = portsOf(c.set, l.namespace);
      if (!l.protocols) {
        acc.observe({ ports, tls: undefined, details });
        continue;
      }
      for (const protocol of l.protocols) {
        const tls = TLS_LISTENER_PROTOCOLS.includes(protocol);
        acc.observe({
          protocols: [protocol],
          ports,
          tls,
          floor: tls ? floor : undefined,
          policy: tls ? policy : undefined,
          plaintext: protocol === 'HTTP',
          details,
        });
      }
    }
  }
}

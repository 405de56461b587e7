/** Load balancer listeners: ELBv2 listeners (with their ListenerCertificates and rules) and classic listeners. */
import { CLASSIC_DEFAULT_POLICY, findClassicPolicy, PROTOCOL_ATTRIBUTES, REFERENCE_SECURITY_POLICY_ATTRIBUTE } from '../../data/elb-classic-policies';
import { ELBV2_DEFAULT_POLICY, findElbv2Policy } from '../../data/elbv2-policies';
import { compareTls, TlsFloor } from '../../data/tls';
import type { TemplateReader } from '../../engine/types';
import { entry, RMap, RNode } from '../../evaluate/values';
import { httpsRedirectVerdict } from '../../model/elbv2/actions';
import { LISTENER, LISTENER_CERTIFICATE, LISTENER_RULE, listenerOf, loadBalancerOf, TLS_PROTOCOLS } from '../../model/elbv2/graph';
import {
  CLASSIC_LB,
  listenersOf,
  normProtocol,
  PolicyDef,
  policyIndex,
  singleText,
  sslPoliciesOf,
  TLS_PROTOCOLS as CLASSIC_TLS_PROTOCOLS,
  trueCandidates,
} from '../../model/elb-classic/load-balancer';
import { EndpointTable, propertyPath, texts } from '../collect';
import { weakestFloor } from './floors';
import { keyOf, resourcePath } from './keys';

/** `yes` when every default action redirects to HTTPS, `no` when one does not, else `unknown`. */
function redirectsToHttps(actions: RNode | undefined): string {
  if (!actions || actions.kind !== 'seq' || !actions.items.length) return 'unknown';
  const verdicts = actions.items.map(httpsRedirectVerdict);
  if (verdicts.some((v) => v.kind === 'plain')) return 'no';
  return verdicts.every((v) => v.kind === 'https') ? 'yes' : 'unknown';
}

export function addElbv2Listeners(ctx: TemplateReader, table: EndpointTable): void {
  for (const view of ctx.viewsOf(LISTENER)) {
    const id = view.resource.id;
    const acc = table.get(id, 'elbv2-listener', id, LISTENER, resourcePath(id));
    acc.claim(resourcePath(id));
    acc.claimCertificates([...view.path, 'Certificates']);
    const lb = loadBalancerOf(ctx, view);
    const policyNode = entry(view.props, 'SslPolicy');
    const policies = policyNode === undefined ? [ELBV2_DEFAULT_POLICY] : texts(policyNode);
    const floor = weakestFloor(policies, (n) => findElbv2Policy(n)?.minTls);
    const ports = texts(entry(view.props, 'Port'));
    const details = { loadBalancer: lb?.id, loadBalancerType: lb?.types };
    const protocols = texts(entry(view.props, 'Protocol'));
    if (!protocols) {
      acc.observe({ ports, tls: undefined, details });
      continue;
    }
    for (const protocol of protocols) {
      const tls = TLS_PROTOCOLS.has(protocol);
      acc.observe({
        protocols: [protocol],
        ports,
        tls,
        floor: tls ? floor : undefined,
        policy: tls ? { values: policies, default: policyNode === undefined } : undefined,
        plaintext: protocol === 'HTTP',
        details: { ...details, redirectsToHttps: protocol === 'HTTP' ? redirectsToHttps(entry(view.props, 'DefaultActions')) : undefined },
      });
    }
  }
  // Extra certificates and rules belong to the listener they attach to.
  for (const view of ctx.viewsOf(LISTENER_CERTIFICATE)) {
    const id = view.resource.id;
    const listener = listenerOf(ctx, view);
    const owner = listener ? table.find(listener) : undefined;
    if (owner) {
      owner.claim(resourcePath(id));
      owner.claimCertificates([...view.path, 'Certificates']);
      continue;
    }
    // Attached to a listener outside the template: a TLS listener (it takes certificates) we know nothing else of.
    const acc = table.get(id, 'elbv2-listener-certificate', id, LISTENER_CERTIFICATE, resourcePath(id));
    acc.claim(resourcePath(id));
    acc.claimCertificates([...view.path, 'Certificates']);
    acc.observe({ tls: true, details: { listener: texts(entry(view.props, 'ListenerArn')) ?? 'outside the template' } });
  }
  for (const view of ctx.viewsOf(LISTENER_RULE)) {
    const listener = listenerOf(ctx, view);
    const owner = listener ? table.find(listener) : undefined;
    if (owner) owner.claim(resourcePath(view.resource.id));
  }
}

/** A classic policy's `Attributes` by name. */
function attributes(policy: RMap): Map<string, RMap> {
  const out = new Map<string, RMap>();
  const attrs = entry(policy, 'Attributes');
  if (!attrs || attrs.kind !== 'seq') return out;
  for (const a of attrs.items) {
    const name = a.kind === 'map' ? singleText(entry(a, 'Name')) : undefined;
    if (a.kind === 'map' && name !== undefined) out.set(name.trim(), a);
  }
  return out;
}

/**
 * Policy names and the weakest floor of the SSL negotiation policies on a classic listener: a
 * `Reference-Security-Policy`, or protocols enabled one by one. SSLv2 counts as SSLv3, the lowest
 * floor the inventory names.
 */
function classicPolicy(policies: PolicyDef[]): { names: string[] | undefined; floor: TlsFloor | undefined } {
  const names: string[] = [];
  let floor: TlsFloor | undefined;
  let known = true;
  const lower = (f: TlsFloor | undefined): void => {
    if (f === undefined) known = false;
    else if (floor === undefined || compareTls(f, floor) < 0) floor = f;
  };
  for (const p of policies) {
    const attrs = attributes(p.node);
    const ref = attrs.get(REFERENCE_SECURITY_POLICY_ATTRIBUTE);
    const enabled = Object.entries(PROTOCOL_ATTRIBUTES).filter(([name]) => attrs.has(name) && trueCandidates(entry(attrs.get(name)!, 'Value')).length);
    for (const [, f] of enabled) lower(f === 'SSLv2' ? 'SSLv3' : f);
    if (ref) {
      const refs = texts(entry(ref, 'Value'));
      if (!refs) known = false;
      names.push(...(refs ?? []));
      lower(weakestFloor(refs, (n) => findClassicPolicy(n.trim())?.minTls));
    } else {
      names.push(p.name);
      if (!enabled.length) known = false;
    }
  }
  return { names: known ? names : names.length ? names : undefined, floor: known ? floor : undefined };
}

export function addClassicListeners(ctx: TemplateReader, table: EndpointTable): void {
  for (const view of ctx.viewsOf(CLASSIC_LB)) {
    const id = view.resource.id;
    const index = policyIndex(view);
    for (const listener of listenersOf(view)) {
      const path = propertyPath(listener.path);
      const acc = table.get(keyOf(path), 'elb-listener', id, CLASSIC_LB, path);
      acc.claim(path);
      acc.claim(resourcePath(id));
      acc.claimCertificates(path);
      const attachment = sslPoliciesOf(view, listener, index);
      // The policies it uses: their findings are this listener's too.
      for (const p of attachment.policies) acc.claim(propertyPath(p.node.path));
      const policy = attachment.policies.length
        ? classicPolicy(attachment.policies)
        : attachment.complete
          ? { names: [CLASSIC_DEFAULT_POLICY], floor: findClassicPolicy(CLASSIC_DEFAULT_POLICY)?.minTls }
          : { names: undefined, floor: undefined };
      const ports = texts(entry(listener, 'LoadBalancerPort'));
      const details = { loadBalancer: id, instanceProtocol: texts(entry(listener, 'InstanceProtocol')), instancePort: texts(entry(listener, 'InstancePort')) };
      const protocols = texts(entry(listener, 'Protocol'))?.map(normProtocol);
      if (!protocols) {
        acc.observe({ ports, tls: undefined, details });
        continue;
      }
      for (const protocol of protocols) {
        const tls = CLASSIC_TLS_PROTOCOLS.has(protocol);
        acc.observe({
          protocols: [protocol],
          ports,
          tls,
          floor: tls ? policy.floor : undefined,
          policy: tls ? { values: policy.names, default: !attachment.policies.length && attachment.complete } : undefined,
          plaintext: protocol === 'HTTP',
          details,
        });
      }
    }
  }
}

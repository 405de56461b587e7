import { ELBV2_PLAIN_PROTOCOLS, ELBV2_TLS_PROTOCOLS } from '../../data/elbv2-protocols';
import type { RNode } from '../../evaluate/values';
import { entry, strings } from '../../evaluate/values';
import type { ResourceView, TemplateReader } from '../reader';
import { intrinsicName, Path } from '../../parse/source-tree';

export const LISTENER = 'AWS::ElasticLoadBalancingV2::Listener';
export const LISTENER_RULE = 'AWS::ElasticLoadBalancingV2::ListenerRule';
export const LISTENER_CERTIFICATE = 'AWS::ElasticLoadBalancingV2::ListenerCertificate';
export const LOAD_BALANCER = 'AWS::ElasticLoadBalancingV2::LoadBalancer';
export const TARGET_GROUP = 'AWS::ElasticLoadBalancingV2::TargetGroup';

/** Protocols that terminate TLS on the listener (data: rules/src/data/elbv2-protocols.ts). */
export const TLS_PROTOCOLS = ELBV2_TLS_PROTOCOLS;

/** Known protocol values of a listener in one view (empty when unknown or absent). */
export function protocolsOf(view: ResourceView): string[] {
  return strings(entry(view.props, 'Protocol'));
}

/** Whether every known protocol of the listener is plain (TLS settings there are elbv2-tls-settings-on-plain-listener's finding). */
export function isKnownPlainListener(view: ResourceView): boolean {
  const protocols = protocolsOf(view);
  return protocols.length > 0 && protocols.every((p) => ELBV2_PLAIN_PROTOCOLS.has(p));
}

/** Whether some known protocol of the listener terminates TLS. */
export function isTlsListener(view: ResourceView): boolean {
  return protocolsOf(view).some((p) => TLS_PROTOCOLS.has(p));
}

/** The logical id of an in-template resource a resolved value references, if any. */
export function refTarget(n: RNode | undefined): string | undefined {
  return n && n.kind === 'unknown' ? n.ref : undefined;
}

export interface LoadBalancerFacts {
  id: string;
  /** Known `Type` values (default `application`); empty when unknown. */
  types: string[];
}

/** The in-template load balancer of a listener (through `LoadBalancerArn: !Ref LB`), with its types. */
export function loadBalancerOf(ctx: TemplateReader, view: ResourceView): LoadBalancerFacts | undefined {
  const id = refTarget(entry(view.props, 'LoadBalancerArn'));
  const lb = id ? ctx.template.resources.get(id) : undefined;
  if (!id || !lb || lb.type !== LOAD_BALANCER) return undefined;
  const types = new Set<string>();
  for (const v of ctx.viewsIn(id, view.scenario)) {
    const t = entry(v.props, 'Type');
    if (t === undefined) types.add('application');
    else for (const s of strings(t)) types.add(s);
    if (t && t.kind !== 'leaf') return { id, types: [] };
  }
  return { id, types: [...types] };
}

/** The in-template listener a ListenerRule or ListenerCertificate is attached to (`ListenerArn: !Ref L`). */
export function listenerOf(ctx: TemplateReader, view: ResourceView): string | undefined {
  const id = refTarget(entry(view.props, 'ListenerArn'));
  return id && ctx.template.resources.get(id)?.type === LISTENER ? id : undefined;
}

/**
 * False only when the listener's load balancer is in this template and its known `Type` is
 * not `application` in every agreeing scenario. A load balancer outside the template (or of
 * unknown type) may be an ALB: an HTTP/HTTPS listener then implies one.
 */
export function mayBeAlb(ctx: TemplateReader, view: ResourceView): boolean {
  const lb = loadBalancerOf(ctx, view);
  return !lb || lb.types.length === 0 || lb.types.includes('application');
}

/** A `TargetGroupArn` reference to an in-template target group, with where it is written. */
export interface TargetRef {
  id: string;
  /** Template path of the `TargetGroupArn` value. */
  path: Path;
}

/** In-template target groups the `forward` actions of an action list send to, with the reference's path. */
export function forwardTargets(actions: RNode | undefined): TargetRef[] {
  const out: TargetRef[] = [];
  if (!actions || actions.kind !== 'seq') return out;
  const add = (n: RNode | undefined): void => {
    const id = refTarget(n);
    if (id && n) out.push({ id, path: n.path });
  };
  for (const a of actions.items) {
    if (!strings(entry(a, 'Type')).includes('forward')) continue;
    add(entry(a, 'TargetGroupArn'));
    const groups = entry(entry(a, 'ForwardConfig'), 'TargetGroups');
    if (groups && groups.kind === 'seq') for (const g of groups.items) add(entry(g, 'TargetGroupArn'));
  }
  return out;
}

/** The in-template listener a ListenerRule or ListenerCertificate is attached to, and its views agreeing with the scenario. */
export function attachedListener(ctx: TemplateReader, view: ResourceView): { id: string; views: ResourceView[] } | undefined {
  const id = listenerOf(ctx, view);
  return id ? { id, views: ctx.viewsIn(id, view.scenario) } : undefined;
}

/**
 * Whether a property is certainly present: a value that is unknown only because an `Fn::If`
 * could not be decided may still be `AWS::NoValue`.
 */
export function isPresent(n: RNode | undefined): n is RNode {
  return n !== undefined && !(n.kind === 'unknown' && intrinsicName(n.node) === 'Fn::If');
}

/**
 * Whether the listener's load balancer has an HTTPS listener in the listener's scenario: true or
 * false when the load balancer and its listeners are in the template, undefined when that cannot
 * be known (a load balancer from outside, an unknown protocol or load balancer reference).
 */
export function httpsListenerAlongside(ctx: TemplateReader, view: ResourceView): boolean | undefined {
  const lb = loadBalancerOf(ctx, view);
  if (!lb) return undefined;
  let unknown = false;
  for (const other of ctx.resources(LISTENER)) {
    if (other.id === view.resource.id) continue;
    for (const v of ctx.viewsIn(other.id, view.scenario)) {
      const arn = entry(v.props, 'LoadBalancerArn');
      if (arn?.kind !== 'unknown' || arn.ref === undefined) {
        if (arn?.kind === 'unknown') unknown = true;
        continue;
      }
      if (arn.ref !== lb.id) continue;
      const protocols = protocolsOf(v);
      if (protocols.includes('HTTPS')) return true;
      if (!protocols.length) unknown = true;
    }
  }
  return unknown ? undefined : false;
}

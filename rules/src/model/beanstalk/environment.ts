import {
  CLASSIC_LISTENER,
  CLASSIC_LOADBALANCER,
  ELBV2_LISTENER,
  ENVIRONMENT_NAMESPACE,
  ENVIRONMENT_TYPE,
  LOAD_BALANCER_IS_SHARED,
  LOAD_BALANCER_TYPE,
  LoadBalancerType,
  TLS_LISTENER_PROTOCOLS,
  WORKER_TIER,
} from '../../data/beanstalk-options';
import type { Candidate } from '../../evaluate/values';
import { entry } from '../../evaluate/values';
import type { ResourceView, TemplateReader } from '../reader';
import {
  BEANSTALK_TYPES,
  ENVIRONMENT,
  isPortOff,
  Lookup,
  OptionEntry,
  leafText,
  optionFlag,
  optionSets,
  optionTexts,
  OptionSet,
  optionValue,
  referencedTemplates,
} from './options';

/**
 * What an environment's options make of its load balancer: none (single instance, worker tier),
 * a dedicated classic / application / network load balancer, a shared one, or unknown; and the
 * listeners Elastic Beanstalk creates on a dedicated one, with their defaults.
 */

export type LoadBalancing = 'none' | 'shared' | LoadBalancerType;

/** The environment's load balancer, or undefined when the options leave it unknown. */
export function loadBalancingOf(view: ResourceView, set: OptionSet): LoadBalancing | undefined {
  if (view.resource.type === ENVIRONMENT) {
    const tier = entry(view.props, 'Tier');
    if (tier !== undefined) {
      const name = leafText(entry(tier, 'Name'));
      if (tier.kind !== 'map' || (entry(tier, 'Name') !== undefined && name === undefined)) return undefined;
      if (name?.toLowerCase() === WORKER_TIER.toLowerCase()) return 'none';
    }
  }
  const type = optionValue(set.get(ENVIRONMENT_NAMESPACE, ENVIRONMENT_TYPE.option), ENVIRONMENT_TYPE.default, true);
  if (type === ENVIRONMENT_TYPE.singleInstance.toLowerCase()) return 'none';
  if (type !== ENVIRONMENT_TYPE.loadBalanced.toLowerCase()) return undefined;
  const lb = optionValue(set.get(ENVIRONMENT_NAMESPACE, LOAD_BALANCER_TYPE.option), LOAD_BALANCER_TYPE.default, true);
  if (!lb || !(LOAD_BALANCER_TYPE.values as readonly string[]).includes(lb)) return undefined;
  if (lb !== 'application') return lb as LoadBalancerType;
  const shared = optionFlag(set.get(ENVIRONMENT_NAMESPACE, LOAD_BALANCER_IS_SHARED.option), false);
  return shared === undefined ? undefined : shared ? 'shared' : 'application';
}

export interface BeanstalkListener {
  /** e.g. `aws:elbv2:listener:443`, or `aws:elb:loadbalancer` for the deprecated secure listener. */
  namespace: string;
  /** undefined when unknown. */
  enabled: boolean | undefined;
  /** Upper-cased protocol values (default applied); undefined when unknown. */
  protocols: string[] | undefined;
  /** The option that makes the listener TLS (its protocol, or the deprecated HTTPS port). */
  tlsEntry: OptionEntry | undefined;
  /** Candidates of `tlsEntry`'s value that make it TLS (for related information). */
  tlsCandidates: Candidate[];
  /** `SSLCertificateArns` / `SSLCertificateId`. */
  certificate: Lookup;
  /** `SSLPolicy` (ELBv2 listeners only). */
  sslPolicy?: Lookup;
}

export interface Listeners {
  listeners: BeanstalkListener[];
  /** False when listeners may exist that the options do not show. */
  complete: boolean;
}

const upper = (xs: string[] | undefined): string[] | undefined => xs?.map((x) => x.toUpperCase());

function and(a: boolean | undefined, b: boolean | undefined): boolean | undefined {
  if (a === false || b === false) return false;
  return a === undefined || b === undefined ? undefined : true;
}

/** The entry and TLS candidates of a protocol option that is set. */
function tlsOf(l: Lookup): { entry: OptionEntry | undefined; candidates: Candidate[] } {
  if (l.state !== 'set') return { entry: undefined, candidates: [] };
  for (const e of l.entries) {
    if (!e.value || e.value.kind !== 'leaf') continue;
    const candidates = e.value.candidates.filter((c) => typeof c.value === 'string' && TLS_LISTENER_PROTOCOLS.includes(c.value.trim().toUpperCase()));
    if (candidates.length) return { entry: e, candidates };
  }
  return { entry: undefined, candidates: [] };
}

function elbv2Listeners(set: OptionSet, type: 'application' | 'network'): Listeners {
  const namespaces = new Set([`${ELBV2_LISTENER.prefix}${ELBV2_LISTENER.defaultName}`, ...set.namespaces(ELBV2_LISTENER.prefix)]);
  const listeners = [...namespaces].map((ns): BeanstalkListener => {
    const protocol = set.get(ns, ELBV2_LISTENER.protocol);
    const tls = tlsOf(protocol);
    return {
      namespace: ns,
      enabled: optionFlag(set.get(ns, ELBV2_LISTENER.enabled), true),
      protocols: upper(optionTexts(protocol, ELBV2_LISTENER.defaultProtocol[type])),
      tlsEntry: tls.entry,
      tlsCandidates: tls.candidates,
      certificate: set.get(ns, ELBV2_LISTENER.certificates),
      sslPolicy: set.get(ns, ELBV2_LISTENER.sslPolicy),
    };
  });
  return { listeners, complete: set.complete };
}

function classicListeners(set: OptionSet): Listeners {
  const lb = CLASSIC_LOADBALANCER;
  const listeners: BeanstalkListener[] = [];
  // Port 80: aws:elb:listener, or the deprecated LoadBalancerHTTPPort / LoadBalancerPortProtocol.
  const def = CLASSIC_LISTENER.defaultNamespace;
  const httpPort = optionValue(set.get(lb.namespace, lb.httpPort), lb.defaultHttpPort, true);
  const defProtocol = set.get(def, CLASSIC_LISTENER.protocol);
  listeners.push({
    namespace: def,
    enabled: and(optionFlag(set.get(def, CLASSIC_LISTENER.enabled), true), httpPort === undefined ? undefined : !isPortOff(httpPort)),
    protocols: upper(defProtocol.state === 'unset' ? optionTexts(set.get(lb.namespace, lb.httpProtocol), lb.defaultHttpProtocol) : optionTexts(defProtocol)),
    tlsEntry: undefined,
    tlsCandidates: [],
    certificate: { state: 'unset' },
  });
  for (const ns of set.namespaces(CLASSIC_LISTENER.prefix)) {
    const protocol = set.get(ns, CLASSIC_LISTENER.protocol);
    const tls = tlsOf(protocol);
    listeners.push({
      namespace: ns,
      enabled: optionFlag(set.get(ns, CLASSIC_LISTENER.enabled), true),
      protocols: upper(optionTexts(protocol, CLASSIC_LISTENER.defaultProtocol)),
      tlsEntry: tls.entry,
      tlsCandidates: tls.candidates,
      certificate: set.get(ns, CLASSIC_LISTENER.certificate),
    });
  }
  // The deprecated secure listener: on when LoadBalancerHTTPSPort is not OFF (default OFF).
  const httpsPort = set.get(lb.namespace, lb.httpsPort);
  const ports = optionTexts(httpsPort, lb.off);
  const on = ports?.filter((p) => !isPortOff(p));
  if (ports === undefined || (on && on.length)) {
    const portEntry = httpsPort.state === 'set' ? httpsPort.entries.find((e) => e.value?.kind === 'leaf') : undefined;
    listeners.push({
      namespace: lb.namespace,
      enabled: ports === undefined ? undefined : on!.length === ports.length ? true : undefined,
      protocols: upper(optionTexts(set.get(lb.namespace, lb.httpsProtocol), lb.defaultHttpsProtocol)),
      tlsEntry: portEntry,
      tlsCandidates: portEntry?.value?.kind === 'leaf' ? portEntry.value.candidates.filter((c) => !isPortOff(String(c.value))) : [],
      certificate: set.get(lb.namespace, lb.certificate),
    });
  }
  return { listeners, complete: set.complete };
}

/** Whether the options configure listeners of the other load balancer family. */
function hasForeignListeners(set: OptionSet, lb: 'classic' | 'application' | 'network'): boolean {
  if (lb !== 'classic') return set.namespaces(CLASSIC_LISTENER.defaultNamespace).length > 0 || set.namespaces(CLASSIC_LOADBALANCER.namespace).length > 0;
  return set.namespaces(ELBV2_LISTENER.prefix).length > 0;
}

/**
 * The listeners of a dedicated load balancer (none for other kinds). Listener options of the
 * other load balancer family make the picture incomplete: the type the options meant is unclear.
 */
export function listenersOf(set: OptionSet, lb: LoadBalancing): Listeners {
  if (lb === 'none' || lb === 'shared') return { listeners: [], complete: lb === 'none' };
  const found = lb === 'classic' ? classicListeners(set) : elbv2Listeners(set, lb);
  return hasForeignListeners(set, lb) ? { ...found, complete: false } : found;
}

/** Whether some protocol of the listener terminates TLS. */
export function isTls(l: BeanstalkListener): boolean {
  return !!l.protocols?.some((p) => TLS_LISTENER_PROTOCOLS.includes(p));
}

export interface EnvironmentCase {
  view: ResourceView;
  set: OptionSet;
  lb: LoadBalancing | undefined;
}

/**
 * Every Environment (and ConfigurationTemplate) with its options, per scenario. A
 * ConfigurationTemplate that an in-template resource builds on is checked through that resource
 * only: its options are then one layer of a configuration, and what it lacks may be set above it.
 */
export function beanstalkCases(ctx: TemplateReader, environmentsOnly = false): EnvironmentCase[] {
  const referenced = referencedTemplates(ctx);
  const out: EnvironmentCase[] = [];
  for (const view of ctx.viewsOf(...(environmentsOnly ? [ENVIRONMENT] : BEANSTALK_TYPES))) {
    if (referenced.has(view.resource.id)) continue;
    for (const set of optionSets(ctx, view)) out.push({ view, set, lb: loadBalancingOf(view, set) });
  }
  return out;
}

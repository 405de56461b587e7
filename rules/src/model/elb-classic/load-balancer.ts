import { SSL_NEGOTIATION_POLICY_TYPE } from '../../data/elb-classic-policies';
import type { Candidate, RMap, RNode } from '../../evaluate/values';
import { entry, stringCandidates } from '../../evaluate/values';
import type { ResourceView } from '../reader';
import { quote } from '../../util/quote';

/**
 * How a Classic Load Balancer's listeners and policies read (docs/sources.md §2): listener protocols
 * and their families, the policies a listener names or gets through `LoadBalancerPorts`, and
 * the names a listener may reference.
 */

export const CLASSIC_LB = 'AWS::ElasticLoadBalancing::LoadBalancer';

/** Layer of a listener protocol: HTTP/HTTPS are one family, TCP/SSL the other (docs/sources.md §2). */
export type Family = 'http' | 'tcp';

const FAMILY: Readonly<Record<string, Family>> = { HTTP: 'http', HTTPS: 'http', TCP: 'tcp', SSL: 'tcp' };

/** Protocols that terminate TLS on the load balancer. */
export const TLS_PROTOCOLS: ReadonlySet<string> = new Set(['HTTPS', 'SSL']);

/** Protocols that carry plaintext. */
export const PLAINTEXT_PROTOCOLS: ReadonlySet<string> = new Set(['HTTP', 'TCP']);

/** The ELB API takes protocol names in any case (`https` works): compare upper-cased. */
export function normProtocol(v: string): string {
  return v.trim().toUpperCase();
}

export function familyOf(protocol: string): Family | undefined {
  return FAMILY[normProtocol(protocol)];
}

/** Resolved listener entries (maps) of one view; entries that are not known maps are skipped. */
export function listenersOf(view: ResourceView): RMap[] {
  const list = entry(view.props, 'Listeners');
  if (!list || list.kind !== 'seq') return [];
  return list.items.filter((i): i is RMap => i.kind === 'map');
}

/** Known string candidates of a listener's protocol property (`Protocol` or `InstanceProtocol`). */
export function protocolCandidates(listener: RMap, key: 'Protocol' | 'InstanceProtocol'): (Candidate & { value: string })[] {
  return stringCandidates(entry(listener, key));
}

/** Whether some known `Protocol` candidate of the listener terminates TLS. */
export function isTlsListener(listener: RMap): boolean {
  return protocolCandidates(listener, 'Protocol').some((c) => TLS_PROTOCOLS.has(normProtocol(c.value)));
}

/** The single known string of a leaf (numbers count: ports are often written unquoted). */
export function singleText(n: RNode | undefined): string | undefined {
  if (!n || n.kind !== 'leaf') return undefined;
  const values = [...new Set(n.candidates.map((c) => (c.value === null ? undefined : String(c.value))))];
  return values.length === 1 ? values[0] : undefined;
}

/** Items of a list of strings; undefined when the list or any item is not a single known value. */
export function knownTexts(n: RNode | undefined): { value: string; node: RNode }[] | undefined {
  if (!n || n.kind !== 'seq') return undefined;
  const out: { value: string; node: RNode }[] = [];
  for (const item of n.items) {
    const v = singleText(item);
    if (v === undefined) return undefined;
    out.push({ value: v, node: item });
  }
  return out;
}

export interface PolicyDef {
  node: RMap;
  name: string;
}

export interface PolicyIndex {
  /** `Policies` entries with a known name. */
  policies: PolicyDef[];
  /** Names a listener's `PolicyNames` may use: `Policies` plus the two stickiness lists. */
  names: Set<string>;
  /** False when some entry (or a whole list) is not known: absence cannot be concluded. */
  complete: boolean;
}

const STICKINESS_LISTS = ['AppCookieStickinessPolicy', 'LBCookieStickinessPolicy'] as const;

/** The policies a load balancer defines, in one view. */
export function policyIndex(view: ResourceView): PolicyIndex {
  const index: PolicyIndex = { policies: [], names: new Set(), complete: true };
  const collect = (key: string, keep: boolean): void => {
    const list = entry(view.props, key);
    if (list === undefined) return;
    if (list.kind !== 'seq') {
      index.complete = false;
      return;
    }
    for (const item of list.items) {
      const name = item.kind === 'map' ? singleText(entry(item, 'PolicyName')) : undefined;
      if (item.kind !== 'map' || name === undefined) {
        index.complete = false;
        continue;
      }
      index.names.add(name);
      if (keep) index.policies.push({ node: item, name });
    }
  };
  collect('Policies', true);
  for (const key of STICKINESS_LISTS) collect(key, false);
  return index;
}

/** `true` / `false` / undefined (unknown) for a policy's `PolicyType` being SSL negotiation. */
export function isSslNegotiation(policy: RMap): boolean | undefined {
  const type = singleText(entry(policy, 'PolicyType'));
  return type === undefined ? undefined : type === SSL_NEGOTIATION_POLICY_TYPE;
}

export interface Attachment {
  /** SSL negotiation policies attached to the listener (by `PolicyNames` or `LoadBalancerPorts`). */
  policies: PolicyDef[];
  /** False when some name, type or port is unknown, so "none attached" cannot be concluded. */
  complete: boolean;
}

/**
 * The SSL negotiation policies in effect on a listener. CloudFormation attaches a `Policies` entry
 * to a listener when the listener's `PolicyNames` names it, or when the entry's `LoadBalancerPorts`
 * lists the listener's `LoadBalancerPort`.
 */
export function sslPoliciesOf(view: ResourceView, listener: RMap, index: PolicyIndex = policyIndex(view)): Attachment {
  const out: Attachment = { policies: [], complete: index.complete };
  const add = (p: PolicyDef): void => {
    const ssl = isSslNegotiation(p.node);
    if (ssl === undefined) out.complete = false;
    else if (ssl && !out.policies.includes(p)) out.policies.push(p);
  };
  const namesNode = entry(listener, 'PolicyNames');
  const names = namesNode === undefined ? [] : knownTexts(namesNode);
  if (!names) out.complete = false;
  for (const { value } of names ?? []) {
    const defs = index.policies.filter((p) => p.name === value);
    // A name defined nowhere (elb-policy-undefined) may be the intended SSL policy.
    if (!defs.length && !index.names.has(value)) out.complete = false;
    defs.forEach(add);
  }
  const port = singleText(entry(listener, 'LoadBalancerPort'));
  for (const p of index.policies) {
    const portsNode = entry(p.node, 'LoadBalancerPorts');
    if (portsNode === undefined) continue;
    const ports = knownTexts(portsNode);
    if (!ports || port === undefined) {
      if (isSslNegotiation(p.node) !== false) out.complete = false;
      continue;
    }
    if (ports.some((x) => x.value.trim() === port.trim())) add(p);
  }
  return out;
}

/** Candidates of an attribute `Value` that are `true` (boolean or the string, any case). */
export function trueCandidates(n: RNode | undefined): Candidate[] {
  if (!n || n.kind !== 'leaf') return [];
  return n.candidates.filter((c) => c.value === true || (typeof c.value === 'string' && c.value.trim().toLowerCase() === 'true'));
}

/** A readable label for a listener in messages; anything but a known protocol or a port number is quoted. */
export function listenerLabel(listener: RMap): string {
  const protocols = new Set(protocolCandidates(listener, 'Protocol').map((c) => normProtocol(c.value)));
  const port = singleText(entry(listener, 'LoadBalancerPort'));
  const p = [...protocols].map((x) => (FAMILY[x] ? x : quote(x))).join('/') || 'listener';
  if (port === undefined) return `${p} listener`;
  return `${p} listener on port ${/^\d{1,5}$/.test(port) ? port : quote(port)}`;
}

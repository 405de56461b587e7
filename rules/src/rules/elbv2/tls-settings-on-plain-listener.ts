import { ELBV2_NO_ALPN_PROTOCOLS, ELBV2_PLAIN_PROTOCOLS } from '../../data/elbv2-protocols';
import { pathKey } from '../../parse/source-tree';
import type { Candidate, RNode } from '../../evaluate/values';
import { entry, stringCandidates } from '../../evaluate/values';
import type { Fix, ResourceView, Rule, RuleContext } from '../../engine/types';
import { listValues, relatedFor } from '../helpers';
import { attachedListener, isPresent, isTlsListener, LISTENER, LISTENER_CERTIFICATE, loadBalancerOf } from '../../model/elbv2/graph';

/** The listener properties that need a TLS-terminating protocol, and the protocols known not to take each. */
interface Setting {
  key: string;
  rejectedOn: ReadonlySet<string>;
  needs: string;
  /** What to do, after "Remove <key>". */
  remedy: string;
}

const TLS_SETTINGS: Setting[] = [
  { key: 'SslPolicy', rejectedOn: ELBV2_PLAIN_PROTOCOLS, needs: 'HTTPS and TLS listeners', remedy: ', or make the listener HTTPS (ALB) / TLS (NLB)' },
  { key: 'Certificates', rejectedOn: ELBV2_PLAIN_PROTOCOLS, needs: 'HTTPS and TLS listeners', remedy: ', or make the listener HTTPS (ALB) / TLS (NLB)' },
  {
    key: 'AlpnPolicy',
    rejectedOn: ELBV2_NO_ALPN_PROTOCOLS,
    needs: 'TLS listeners of a Network Load Balancer',
    remedy: '; to negotiate ALPN, use a TLS listener on a Network Load Balancer',
  },
];

/** The protocols of a view that reject a setting, and whether every known protocol does. */
function rejectingProtocols(view: ResourceView, rejectedOn: ReadonlySet<string>): { rejecting: Candidate[]; all: boolean } {
  const protocol = entry(view.props, 'Protocol');
  const protocols = stringCandidates(protocol);
  const rejecting = protocols.filter((c) => rejectedOn.has(c.value));
  const all = protocol?.kind === 'leaf' && protocols.length === protocol.candidates.length && rejecting.length === protocols.length;
  return { rejecting, all };
}

/**
 * Removes the setting: the whole property when the listener rejects it in every scenario, else
 * the `Fn::If` branch it is written in (set to `AWS::NoValue`) when this scenario rejects it.
 */
function removeFix(ctx: RuleContext, view: ResourceView, setting: Setting, value: RNode, rejectedHere: boolean): Fix | undefined {
  const property = [...view.path, setting.key];
  const always = ctx.views(view.resource).every((v) => rejectingProtocols(v, setting.rejectedOn).all);
  if (always) return { title: `Remove ${setting.key}`, intents: [{ kind: 'remove', path: property }], safe: true };
  if (rejectedHere && value.path.length > property.length && value.path[value.path.length - 2] === 'Fn::If') {
    return {
      title: `Replace this branch of ${setting.key} with AWS::NoValue`,
      intents: [{ kind: 'set', path: value.path, value: { Ref: 'AWS::NoValue' } }],
      safe: true,
    };
  }
  return undefined;
}

function checkListener(ctx: RuleContext, view: ResourceView): void {
  for (const setting of TLS_SETTINGS) {
    const value = entry(view.props, setting.key);
    if (!isPresent(value) || (value.kind === 'seq' && value.items.length === 0)) continue;
    const { rejecting, all } = rejectingProtocols(view, setting.rejectedOn);
    if (!rejecting.length) continue;
    const fix = removeFix(ctx, view, setting, value, all);
    ctx.report({
      path: value.path,
      key: pathKey([...view.path, setting.key]),
      message:
        `${setting.key} is set on a listener whose Protocol is ${listValues(rejecting)}${all ? '' : ' (one of its possible values)'}, ` +
        `but only ${setting.needs} take it: the API rejects the listener and the stack fails. ` +
        `Remove ${setting.key}${setting.remedy}.`,
      related: relatedFor(rejecting),
      fixes: fix ? [fix] : undefined,
      data: { property: setting.key, protocols: rejecting.map((c) => c.value) },
    });
  }
}

/** The single HTTPS/TLS listener of the same in-template load balancer, if there is exactly one. */
function secureSibling(ctx: RuleContext, listenerView: ResourceView): string | undefined {
  const lb = loadBalancerOf(ctx, listenerView)?.id;
  if (!lb) return undefined;
  const secure = ctx.resources(LISTENER).filter((l) => ctx.views(l).some((v) => loadBalancerOf(ctx, v)?.id === lb && isTlsListener(v)));
  return secure.length === 1 ? secure[0].id : undefined;
}

function checkListenerCertificate(ctx: RuleContext, view: ResourceView): void {
  const listener = attachedListener(ctx, view);
  const arn = entry(view.props, 'ListenerArn');
  if (!listener || !arn) return;
  for (const l of listener.views) {
    const rejecting = stringCandidates(entry(l.props, 'Protocol')).filter((c) => ELBV2_PLAIN_PROTOCOLS.has(c.value));
    if (!rejecting.length) continue;
    const sibling = secureSibling(ctx, l);
    ctx.report({
      path: arn.path,
      message:
        `This ListenerCertificate attaches certificates to listener ${listener.id}, whose Protocol is ${listValues(rejecting)}; ` +
        `only HTTPS and TLS listeners take certificates, so the API rejects it. ` +
        (sibling ? `Attach it to ${sibling}, the HTTPS/TLS listener of the same load balancer.` : 'Attach it to an HTTPS or TLS listener.'),
      related: [{ path: [...l.path, 'Protocol'], message: `${listener.id} has Protocol ${listValues(rejecting)}` }],
      fixes: sibling ? [{ title: `Attach it to ${sibling}`, intents: [{ kind: 'set', path: arn.path, value: { Ref: sibling } }], safe: false }] : undefined,
      data: { listener: listener.id },
    });
    return;
  }
}

export const elbv2TlsSettingsOnPlainListener: Rule = {
  meta: {
    id: 'elbv2-tls-settings-on-plain-listener',
    severity: 'error',
    summary: 'Certificates/SslPolicy on a listener that is not HTTPS/TLS, AlpnPolicy on one that is not TLS, or a ListenerCertificate on a plain listener.',
    fixable: true,
    peers: [],
    resourceTypes: [LISTENER, LISTENER_CERTIFICATE],
  },
  check(ctx) {
    for (const view of ctx.viewsOf(LISTENER)) checkListener(ctx, view);
    for (const view of ctx.viewsOf(LISTENER_CERTIFICATE)) checkListenerCertificate(ctx, view);
  },
};

import { findLightsailTlsPolicy, LIGHTSAIL_DEFAULT_TLS_POLICY, LIGHTSAIL_RECOMMENDED_TLS_POLICY } from '../../data/lightsail-policies';
import { isBelow, tlsLabel } from '../../data/tls';
import type { Candidate } from '../../evaluate/values';
import { booleans, entry, strings } from '../../evaluate/values';
import type { ResourceView, Rule, RuleContext } from '../../engine/types';
import { badStrings, insertFix, listValues, relatedFor, reportValue, setValueFix } from '../helpers';

const LOAD_BALANCER = 'AWS::Lightsail::LoadBalancer';
const TLS_CERTIFICATE = 'AWS::Lightsail::LoadBalancerTlsCertificate';
const MINIMUM = '1.2';

/** `IsAttached: true` in every candidate: the certificate serves HTTPS on its load balancer. */
function isAttached(view: ResourceView): boolean {
  const attached = booleans(entry(view.props, 'IsAttached'));
  return attached.length > 0 && attached.every((b) => b);
}

/** Whether an attached certificate of the template names this load balancer (`!Ref` to it, or its LoadBalancerName). */
function hasAttachedCertificate(ctx: RuleContext, lb: ResourceView): boolean {
  const names = strings(entry(lb.props, 'LoadBalancerName'));
  for (const cert of ctx.viewsOf(TLS_CERTIFICATE)) {
    if (!isAttached(cert)) continue;
    const target = entry(cert.props, 'LoadBalancerName');
    if (target?.kind === 'unknown' && target.ref === lb.resource.id) return true;
    if (strings(target).some((n) => names.includes(n))) return true;
  }
  return false;
}

function checkLoadBalancer(ctx: RuleContext, view: ResourceView): void {
  const policy = entry(view.props, 'TlsPolicyName');
  if (policy === undefined) {
    if (view.resource.properties !== undefined && !view.props) return;
    const https = hasAttachedCertificate(ctx, view);
    ctx.report({
      path: view.path,
      target: 'key',
      severity: https ? 'warning' : 'info',
      message:
        `Lightsail load balancer ${view.resource.id} does not set TlsPolicyName, so ${https ? 'its HTTPS listener uses' : 'once HTTPS is enabled it uses'} ` +
        `${LIGHTSAIL_DEFAULT_TLS_POLICY}, which accepts TLS 1.0 and 1.1 clients. Set TlsPolicyName: ${LIGHTSAIL_RECOMMENDED_TLS_POLICY} (TLS 1.2 with forward secrecy).`,
      fixes: [insertFix(view.path, 'TlsPolicyName', LIGHTSAIL_RECOMMENDED_TLS_POLICY, `Insert TlsPolicyName: ${LIGHTSAIL_RECOMMENDED_TLS_POLICY}`)],
      data: { recommended: LIGHTSAIL_RECOMMENDED_TLS_POLICY },
    });
    return;
  }
  const bad = badStrings(policy, (v) => {
    const p = findLightsailTlsPolicy(v);
    return !!p && isBelow(p.minTls, MINIMUM);
  });
  if (!bad.length) return;
  const floors = [...new Set(bad.map((c) => tlsLabel(findLightsailTlsPolicy(c.value)!.minTls)))].join(', ');
  reportValue(ctx, {
    node: policy,
    bad,
    message:
      `TlsPolicyName ${listValues(bad)} lets clients connect to Lightsail load balancer ${view.resource.id} with ${floors} and newer. ` +
      `Use ${LIGHTSAIL_RECOMMENDED_TLS_POLICY}, which accepts only TLS 1.2 (with forward secrecy).`,
    fixValue: LIGHTSAIL_RECOMMENDED_TLS_POLICY,
    fixWhat: 'TlsPolicyName',
    data: { recommended: LIGHTSAIL_RECOMMENDED_TLS_POLICY },
  });
}

function isNotTrue(c: Candidate): boolean {
  return !(c.value === true || (typeof c.value === 'string' && c.value.toLowerCase() === 'true'));
}

function checkCertificate(ctx: RuleContext, view: ResourceView): void {
  if (!isAttached(view)) return; // redirection needs a certificate attached to the load balancer
  const redirect = entry(view.props, 'HttpsRedirectionEnabled');
  const message =
    `Lightsail certificate ${view.resource.id} is attached to its load balancer without HttpsRedirectionEnabled: true, so the load ` +
    'balancer keeps serving plain HTTP on port 80 next to HTTPS. Set HttpsRedirectionEnabled: true to redirect HTTP requests to HTTPS.';
  if (redirect === undefined) {
    ctx.report({
      path: view.path,
      target: 'key',
      message,
      fixes: [insertFix(view.path, 'HttpsRedirectionEnabled', true, 'Insert HttpsRedirectionEnabled: true')],
    });
    return;
  }
  if (redirect.kind !== 'leaf') return;
  const bad = redirect.candidates.filter(isNotTrue);
  if (!bad.length) return;
  ctx.report({ path: redirect.path, message, related: relatedFor(bad), fixes: [setValueFix(bad, true, 'HttpsRedirectionEnabled')] });
}

export const lightsailLbTls: Rule = {
  meta: {
    id: 'lightsail-lb-tls',
    severity: 'warning',
    summary:
      'Lightsail load balancer whose TLS policy accepts TLS 1.0 (TLS-2016-08, also the default), or an attached Lightsail certificate without HTTPS redirection.',
    fixable: true,
    docs: { severityNote: 'info for a load balancer without `TlsPolicyName` when no certificate of the template is attached to it' },
    peers: [],
    resourceTypes: [LOAD_BALANCER, TLS_CERTIFICATE],
  },
  check(ctx) {
    for (const view of ctx.viewsOf(LOAD_BALANCER)) checkLoadBalancer(ctx, view);
    for (const view of ctx.viewsOf(TLS_CERTIFICATE)) checkCertificate(ctx, view);
  },
};

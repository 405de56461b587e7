import { MTLS_MODE_PASSTHROUGH, MTLS_MODE_VERIFY } from '../../data/elbv2-mtls';
import { booleans, entry, stringCandidates } from '../../evaluate/values';
import type { Candidate, RNode } from '../../evaluate/values';
import type { ResourceView, Rule, RuleContext } from '../../engine/types';
import { listValues, relatedFor } from '../helpers';
import { isKnownPlainListener, isPresent, LISTENER } from '../../model/elbv2/graph';

/** The candidates of `Mode` that are a given mode. */
function modes(mode: RNode | undefined, wanted: string): Candidate[] {
  return stringCandidates(mode).filter((c) => c.value === wanted);
}

function checkListener(ctx: RuleContext, view: ResourceView): void {
  if (isKnownPlainListener(view)) return;
  const mtls = entry(view.props, 'MutualAuthentication');
  if (!mtls || mtls.kind !== 'map') return;
  const mode = entry(mtls, 'Mode');
  const verify = modes(mode, MTLS_MODE_VERIFY);
  const passthrough = modes(mode, MTLS_MODE_PASSTHROUGH);
  const fromMode = (cands: Candidate[]): string => (cands.length === stringCandidates(mode).length ? '' : ' (one of its possible values)');

  if (verify.length && entry(mtls, 'TrustStoreArn') === undefined) {
    ctx.report({
      path: mtls.path,
      target: 'key',
      severity: 'error',
      message:
        `MutualAuthentication Mode is ${listValues(verify)}${fromMode(verify)} but there is no TrustStoreArn: verify mode checks client ` +
        'certificates against the CA bundle of a trust store attached to the listener, and with none the listener cannot be set ' +
        'to verify, so the deployment fails. Add TrustStoreArn (an AWS::ElasticLoadBalancingV2::TrustStore), or use Mode: off.',
      related: relatedFor(verify),
      data: { mode: MTLS_MODE_VERIFY },
    });
  }

  const ignore = entry(mtls, 'IgnoreClientCertificateExpiry');
  if (verify.length && isPresent(ignore) && booleans(ignore).includes(true)) {
    const trueCandidates =
      ignore.kind === 'leaf' ? ignore.candidates.filter((c) => c.value === true || (typeof c.value === 'string' && /^true$/i.test(c.value))) : [];
    ctx.report({
      path: ignore.path,
      severity: 'warning',
      message:
        'IgnoreClientCertificateExpiry is true, so the listener accepts client certificates that have expired: a certificate ' +
        'stays usable after its validity ends, however long ago that was. Remove IgnoreClientCertificateExpiry (the default, ' +
        'false, refuses expired certificates) and renew client certificates before they expire.',
      related: relatedFor(trueCandidates),
      fixes: [
        { title: 'Remove IgnoreClientCertificateExpiry', intents: [{ kind: 'remove', path: [...mtls.path, 'IgnoreClientCertificateExpiry'] }], safe: true },
      ],
      data: { mode: MTLS_MODE_VERIFY },
    });
  }

  if (passthrough.length && mode) {
    ctx.report({
      path: mode.path,
      severity: 'info',
      message:
        `MutualAuthentication Mode is ${listValues(passthrough)}${fromMode(passthrough)}: the load balancer sends the client certificate ` +
        'chain to the targets in HTTP headers without verifying it, so each target must verify the chain itself, or any ' +
        'certificate is accepted. Use Mode: verify with a trust store to have the load balancer verify clients.',
      related: relatedFor(passthrough),
      data: { mode: MTLS_MODE_PASSTHROUGH },
    });
  }
}

export const elbv2MtlsSettings: Rule = {
  meta: {
    id: 'elbv2-mtls-settings',
    severity: 'warning',
    summary:
      'Listener MutualAuthentication: IgnoreClientCertificateExpiry true in verify mode; error: Mode verify without TrustStoreArn; info: Mode passthrough.',
    fixable: true,
    docs: { severityNote: 'error for verify mode without a trust store; info for passthrough mode', fixNote: 'removes IgnoreClientCertificateExpiry' },
    peers: [],
    resourceTypes: [LISTENER],
  },
  check(ctx) {
    for (const view of ctx.viewsOf(LISTENER)) checkListener(ctx, view);
  },
};

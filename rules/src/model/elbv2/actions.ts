import { ELBV2_REDIRECT_KEEP_PROTOCOL } from '../../data/elbv2-protocols';
import type { RNode } from '../../evaluate/values';
import { entry, stringCandidates } from '../../evaluate/values';
import { quote } from '../../util/quote';

/**
 * What an ELBv2 action (listener `DefaultActions` / rule `Actions` entry) does with a request
 * that arrived over plain HTTP: redirect it to HTTPS, or not. Unknown values stay unknown.
 */
export type HttpsRedirectVerdict =
  | { kind: 'https' }
  /** Not a redirect to HTTPS; `why` completes "this action …". */
  | { kind: 'plain'; why: string }
  | { kind: 'unknown' };

const UNKNOWN: HttpsRedirectVerdict = { kind: 'unknown' };

/** Whether one action sends an HTTP request on to HTTPS (on an HTTP listener, `#{protocol}` is HTTP). */
export function httpsRedirectVerdict(action: RNode): HttpsRedirectVerdict {
  if (action.kind !== 'map') return UNKNOWN;
  const type = entry(action, 'Type');
  const types = stringCandidates(type);
  if (!type || type.kind !== 'leaf' || types.length !== type.candidates.length) return UNKNOWN;
  const other = types.find((c) => c.value !== 'redirect');
  if (other) return { kind: 'plain', why: `is a ${quote(other.value)} action` };
  const config = entry(action, 'RedirectConfig');
  if (!config || config.kind !== 'map') return UNKNOWN; // a redirect without RedirectConfig does not deploy
  const protocol = entry(config, 'Protocol');
  if (protocol === undefined)
    return {
      kind: 'plain',
      why: `redirects without RedirectConfig.Protocol, so it keeps the default ${ELBV2_REDIRECT_KEEP_PROTOCOL}, which is HTTP on an HTTP listener`,
    };
  const values = stringCandidates(protocol);
  if (protocol.kind !== 'leaf' || values.length !== protocol.candidates.length) return UNKNOWN;
  const bad = values.find((c) => c.value.toUpperCase() !== 'HTTPS');
  if (!bad) return { kind: 'https' };
  if (bad.value === ELBV2_REDIRECT_KEEP_PROTOCOL)
    return { kind: 'plain', why: `redirects with Protocol ${quote(ELBV2_REDIRECT_KEEP_PROTOCOL)}, which stays HTTP on an HTTP listener` };
  return { kind: 'plain', why: `redirects with Protocol ${quote(bad.value)}` };
}

/** The first action of a list that does not redirect to HTTPS (undefined when none is known to). */
export function firstPlainAction(actions: RNode | undefined): { action: RNode; why: string } | undefined {
  if (!actions || actions.kind !== 'seq') return undefined;
  for (const action of actions.items) {
    const v = httpsRedirectVerdict(action);
    if (v.kind === 'plain') return { action, why: v.why };
  }
  return undefined;
}

/** Redirect actions of a list, for rules that look at `RedirectConfig` wherever it is. */
export function redirectConfigs(actions: RNode | undefined): RNode[] {
  if (!actions || actions.kind !== 'seq') return [];
  const out: RNode[] = [];
  for (const a of actions.items) {
    const config = entry(a, 'RedirectConfig');
    if (config && stringCandidates(entry(a, 'Type')).some((c) => c.value === 'redirect')) out.push(config);
  }
  return out;
}

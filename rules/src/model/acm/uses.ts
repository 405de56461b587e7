import type { Scenario } from '../../evaluate/conditions';
import { entry, entryAt, strings } from '../../evaluate/values';
import type { Path } from '../../parse/source-tree';
import type { ResourceView, TemplateReader } from '../reader';
import { EXPOSURE_BY_TYPE, Exposure } from '../../data/acm-consumers';
import { certificateUses } from '../certificates/consumers';
import { LISTENER, LOAD_BALANCER, refTarget } from '../elbv2/graph';

/**
 * In-template consumers of a certificate (`Ref`/`GetAtt` to it at a certificate property) and
 * whether each is an internet endpoint. `undefined` exposure = not knowable: never reported.
 */

export interface CertificateUse {
  consumer: string;
  type: string;
  /** Where the reference is written. */
  path: Path;
  internetFacing: boolean | undefined;
}

/** Some scenario allows a value other than `internal` (absent: the default, internet-facing). */
function schemeIsPublic(views: ResourceView[]): boolean | undefined {
  let unknown = false;
  for (const v of views) {
    const scheme = entry(v.props, 'Scheme');
    if (scheme === undefined) return true;
    const values = strings(scheme);
    if (!values.length) unknown = true;
    else if (values.some((s) => s !== 'internal')) return true;
  }
  return unknown || !views.length ? undefined : false;
}

function listenerIsPublic(ctx: TemplateReader, listenerId: string | undefined, scenario: Scenario): boolean | undefined {
  if (!listenerId || ctx.template.resources.get(listenerId)?.type !== LISTENER) return undefined;
  let result: boolean | undefined = false;
  for (const listener of ctx.viewsIn(listenerId, scenario)) {
    const lbId = refTarget(entry(listener.props, 'LoadBalancerArn'));
    if (!lbId || ctx.template.resources.get(lbId)?.type !== LOAD_BALANCER) return undefined; // load balancer outside the template
    const p = schemeIsPublic(ctx.viewsIn(lbId, listener.scenario));
    if (p) return true;
    if (p === undefined) result = undefined;
  }
  return result;
}

function exposure(ctx: TemplateReader, view: ResourceView, kind: Exposure): boolean | undefined {
  switch (kind) {
    case 'public':
      return true;
    case 'elbv2-listener':
      return listenerIsPublic(ctx, view.resource.id, view.scenario);
    case 'elbv2-listener-certificate':
      return listenerIsPublic(ctx, refTarget(entry(view.props, 'ListenerArn')), view.scenario);
    case 'classic-elb':
      return schemeIsPublic([view]);
    case 'apigw-domain': {
      const types = entryAt(view.props, 'EndpointConfiguration', 'Types');
      if (types === undefined) return true; // EDGE by default
      if (types.kind !== 'seq') return undefined;
      const values = types.items.map((t) => strings(t));
      if (values.some((v) => !v.length)) return undefined;
      return !values.some((v) => v.includes('PRIVATE'));
    }
    case 'opensearch':
      return entry(view.props, 'VPCOptions') === undefined;
    case 'sam-api': {
      const endpoint = entryAt(view.props, 'Domain', 'EndpointConfiguration');
      if (endpoint === undefined) return true; // SAM default REGIONAL
      const values = strings(endpoint);
      return values.length ? values.some((v) => v !== 'PRIVATE') : undefined;
    }
  }
}

/** Every in-template use of certificate `certId` in resources that agree with `scenario`. */
export function usesOf(ctx: TemplateReader, certId: string, scenario: Scenario): CertificateUse[] {
  const out: CertificateUse[] = [];
  for (const use of certificateUses(ctx)) {
    if (use.certificate?.id !== certId || !use.resource || !use.resource.type) continue;
    const kind = EXPOSURE_BY_TYPE[use.resource.type];
    const view = kind && ctx.viewsIn(use.resource.id, scenario).find((v) => v.scenario === use.scenario);
    if (!kind || !view) continue;
    out.push({ consumer: use.resource.id, type: use.resource.type, path: use.value.path, internetFacing: exposure(ctx, view, kind) });
  }
  return out;
}

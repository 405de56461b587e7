import { OPENSEARCH_DOMAIN_TYPES } from '../../data/opensearch';
import type { RMap } from '../../evaluate/values';
import { entry } from '../../evaluate/values';
import type { FixValue, Fix, ResourceView, RuleContext } from '../../engine/types';
import type { Path } from '../../parse/source-tree';
import { insertFix, quote } from '../helpers';

export { OPENSEARCH_DOMAIN_TYPES };

/** `DomainEndpointOptions` of one domain view, or why it is not there. */
export type EndpointOptions =
  | { state: 'present'; options: RMap }
  /** Absent: a missing property is reported on `Properties` (or the logical id). */
  | { state: 'absent' }
  /** Written but not knowable (an intrinsic that does not resolve to a mapping). */
  | { state: 'unknown' };

export function endpointOptionsOf(view: ResourceView): EndpointOptions {
  if (!view.props) return view.resource.properties === undefined ? { state: 'absent' } : { state: 'unknown' };
  const options = entry(view.props, 'DomainEndpointOptions');
  if (options === undefined) return { state: 'absent' };
  return options.kind === 'map' ? { state: 'present', options } : { state: 'unknown' };
}

/**
 * Where a missing `DomainEndpointOptions.<key>` is reported and the fix that inserts it: into the
 * existing object, or the whole object into `Properties` (no fix when there is no `Properties`).
 */
export function missingOptionSite(view: ResourceView, eo: EndpointOptions, key: string, value: FixValue): { path: Path; fixes: Fix[] } {
  if (eo.state === 'present') return { path: eo.options.path, fixes: [insertFix(eo.options.path, key, value, `Insert ${key}: ${quote(value)}`)] };
  const fixes = view.resource.properties === undefined
    ? []
    : [insertFix(view.path, 'DomainEndpointOptions', { [key]: value }, `Insert DomainEndpointOptions with ${key}: ${quote(value)}`)];
  return { path: view.path, fixes };
}

export function domainViews(ctx: RuleContext): ResourceView[] {
  return ctx.viewsOf(...OPENSEARCH_DOMAIN_TYPES);
}

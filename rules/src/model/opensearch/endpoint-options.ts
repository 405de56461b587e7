import { OPENSEARCH_DOMAIN_TYPES } from '../../data/opensearch';
import type { RMap } from '../../evaluate/values';
import { entry } from '../../evaluate/values';
import type { ResourceView, TemplateReader } from '../reader';

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

export function domainViews(ctx: TemplateReader): ResourceView[] {
  return ctx.viewsOf(...OPENSEARCH_DOMAIN_TYPES);
}

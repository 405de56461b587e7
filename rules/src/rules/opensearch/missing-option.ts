import type { Fix, FixValue, ResourceView } from '../../engine/types';
import type { EndpointOptions } from '../../model/opensearch/endpoint-options';
import type { Path } from '../../parse/source-tree';
import { insertFix, quote } from '../helpers';

/**
 * Where a missing `DomainEndpointOptions.<key>` is reported and the fix that inserts it: into the
 * existing object, or the whole object into `Properties` (no fix when there is no `Properties`).
 */
export function missingOptionSite(view: ResourceView, eo: EndpointOptions, key: string, value: FixValue): { path: Path; fixes: Fix[] } {
  if (eo.state === 'present') return { path: eo.options.path, fixes: [insertFix(eo.options.path, key, value, `Insert ${key}: ${quote(value)}`)] };
  const fixes =
    view.resource.properties === undefined
      ? []
      : [insertFix(view.path, 'DomainEndpointOptions', { [key]: value }, `Insert DomainEndpointOptions with ${key}: ${quote(value)}`)];
  return { path: view.path, fixes };
}

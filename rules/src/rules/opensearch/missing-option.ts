import type { Fix, FixValue, ResourceView } from '../../engine/types';
import type { EndpointOptions } from '../../model/opensearch/endpoint-options';
import type { Path, SNode } from '../../parse/source-tree';
import { quote } from '../helpers';
import { missingPropertySite } from '../missing-property';

/**
 * Where a missing `DomainEndpointOptions.<key>` is reported and the fix that writes it: into the
 * existing object, or the whole object into `Properties` (no fix when there is no `Properties`);
 * into the `AWS::NoValue` branch of an `Fn::If` that leaves it out in this scenario, so that the
 * other scenarios keep theirs (missing-property.ts).
 */
export function missingOptionSite(
  root: SNode,
  view: ResourceView,
  eo: EndpointOptions,
  key: string,
  value: FixValue,
): { path: Path; target: 'key' | 'value'; fixes: Fix[] } {
  if (eo.state === 'present') {
    const site = missingPropertySite(root, view.scenario, eo.options.path, key, value, `Insert ${key}: ${quote(value)}`);
    return { path: site.path, target: site.target, fixes: [site.fix] };
  }
  const site = missingPropertySite(
    root,
    view.scenario,
    view.path,
    'DomainEndpointOptions',
    { [key]: value },
    `Insert DomainEndpointOptions with ${key}: ${quote(value)}`,
  );
  return { path: site.path, target: site.target, fixes: view.resource.properties === undefined ? [] : [site.fix] };
}

import { REDSHIFT_DEFAULT_GROUP_PREFIX } from '../../data/redshift-ssl';
import type { RLeaf, RNode, RSeq } from '../../evaluate/values';
import { entry, strings } from '../../evaluate/values';
import type { ResourceView, TemplateReader } from '../reader';

/**
 * Amazon Redshift parameters: the `{ParameterName, ParameterValue}` list of a cluster parameter
 * group (`{ParameterKey, ParameterValue}` in a Serverless workgroup's `ConfigParameters`), and the
 * parameter group a cluster of the template uses.
 */

export const REDSHIFT_CLUSTER = 'AWS::Redshift::Cluster';
export const REDSHIFT_PARAMETER_GROUP = 'AWS::Redshift::ClusterParameterGroup';
export const REDSHIFT_WORKGROUP = 'AWS::RedshiftServerless::Workgroup';

/** A parameter in a list: its entry and value, absent, or not knowable. */
export type ListParameter = { state: 'set'; values: RNode[] } | { state: 'absent'; list: RSeq | undefined } | { state: 'unknown' };

/** Finds `name` in a list of `{<keyField>: name, ParameterValue: value}` (names compared without case). */
export function listParameter(list: RNode | undefined, keyField: 'ParameterName' | 'ParameterKey', name: string): ListParameter {
  if (list === undefined) return { state: 'absent', list: undefined };
  if (list.kind !== 'seq') return { state: 'unknown' };
  const values: RNode[] = [];
  let unknown = false;
  for (const item of list.items) {
    const key = entry(item, keyField);
    if (item.kind !== 'map' || !key || key.kind !== 'leaf') {
      unknown = true;
      continue;
    }
    if (!strings(key).some((k) => k.trim().toLowerCase() === name)) continue;
    const value = entry(item, 'ParameterValue');
    if (value) values.push(value);
    else unknown = true;
  }
  if (values.length) return { state: 'set', values };
  return unknown ? { state: 'unknown' } : { state: 'absent', list };
}

/** The parameter group a Redshift cluster uses, as far as the template tells. */
export type ClusterGroup =
  | { kind: 'template'; id: string; value: RNode; views: ResourceView[] }
  /** No group named (the current default group), or a `default.` group named in `value`. */
  | { kind: 'default'; value?: RLeaf }
  | { kind: 'unknown' };

export function clusterGroupOf(ctx: TemplateReader, view: ResourceView): ClusterGroup {
  if (!view.props) return view.resource.properties === undefined ? { kind: 'default' } : { kind: 'unknown' };
  const value = entry(view.props, 'ClusterParameterGroupName');
  if (value === undefined) return { kind: 'default' };
  if (value.kind === 'leaf') {
    const names = value.candidates.map((c) => String(c.value).toLowerCase());
    return names.every((n) => n.startsWith(REDSHIFT_DEFAULT_GROUP_PREFIX)) ? { kind: 'default', value } : { kind: 'unknown' };
  }
  if (value.kind !== 'unknown' || !value.ref || ctx.template.resources.get(value.ref)?.type !== REDSHIFT_PARAMETER_GROUP) return { kind: 'unknown' };
  return { kind: 'template', id: value.ref, value, views: ctx.viewsIn(value.ref, view.scenario) };
}

/** Known `ParameterGroupFamily` values of a group (lower case); empty when not knowable. */
export function groupFamilies(view: ResourceView): string[] {
  const family = entry(view.props, 'ParameterGroupFamily');
  if (!family || family.kind !== 'leaf' || family.candidates.some((c) => typeof c.value !== 'string')) return [];
  return strings(family).map((f) => f.trim().toLowerCase());
}

import { rdsTlsEngine, rdsTlsFamily, RdsTlsEngine } from '../../data/rds-tls';
import type { RLeaf, RMap, RNode } from '../../evaluate/values';
import { entry, strings } from '../../evaluate/values';
import { parseVersion, Version } from '../../util/version';
import type { ResourceView, TemplateReader } from '../reader';

/**
 * RDS and Aurora databases and the parameter groups of the template they use: which group a DB
 * instance or cluster reads, the engine and major version a group's `Family` names, and the
 * group's `Parameters`.
 */

export const DB_INSTANCE = 'AWS::RDS::DBInstance';
export const DB_CLUSTER = 'AWS::RDS::DBCluster';
export const DB_PARAMETER_GROUP = 'AWS::RDS::DBParameterGroup';
export const DB_CLUSTER_PARAMETER_GROUP = 'AWS::RDS::DBClusterParameterGroup';
export const DB_PROXY = 'AWS::RDS::DBProxy';

export const RDS_PARAMETER_GROUP_TYPES: readonly string[] = Object.freeze([DB_PARAMETER_GROUP, DB_CLUSTER_PARAMETER_GROUP]);

/** An engine of the TLS table with the version a template gives (undefined: none given). */
export interface EngineAt {
  engine: RdsTlsEngine;
  version: Version | undefined;
}

/** The parameter group a DB instance or cluster uses, as far as the template tells. */
export type GroupUse =
  /** A group of this template (`!Ref Group`), with its views agreeing with the database's scenario. */
  | { kind: 'template'; id: string; value: RNode; views: ResourceView[] }
  /** The engine's default group: the property is absent (`value` undefined) or names a `default.` group. */
  | { kind: 'default'; value?: RLeaf }
  /** A group from outside the template, or not knowable. */
  | { kind: 'unknown' };

/** The property of a database that names its parameter group. */
function groupProperty(view: ResourceView): 'DBParameterGroupName' | 'DBClusterParameterGroupName' {
  return view.resource.type === DB_CLUSTER ? 'DBClusterParameterGroupName' : 'DBParameterGroupName';
}

/** Whether a DB instance belongs to a DB cluster (whose cluster parameter group holds the TLS switch). */
export function isClusterMember(view: ResourceView): boolean {
  return view.resource.type === DB_INSTANCE && entry(view.props, 'DBClusterIdentifier') !== undefined;
}

export function parameterGroupOf(ctx: TemplateReader, view: ResourceView): GroupUse {
  if (!view.props) return view.resource.properties === undefined ? { kind: 'default' } : { kind: 'unknown' };
  const value = entry(view.props, groupProperty(view));
  if (value === undefined) return { kind: 'default' };
  if (value.kind === 'leaf') {
    const names = value.candidates.map((c) => String(c.value));
    return names.every((n) => n.toLowerCase().startsWith('default.')) ? { kind: 'default', value } : { kind: 'unknown' };
  }
  const expected = view.resource.type === DB_CLUSTER ? DB_CLUSTER_PARAMETER_GROUP : DB_PARAMETER_GROUP;
  if (value.kind !== 'unknown' || !value.ref || ctx.template.resources.get(value.ref)?.type !== expected) return { kind: 'unknown' };
  return { kind: 'template', id: value.ref, value, views: ctx.viewsIn(value.ref, view.scenario) };
}

/** The TLS engines a parameter group's `Family` names; undefined when the family is not knowable. */
export function groupEngines(group: ResourceView): EngineAt[] | undefined {
  const family = entry(group.props, 'Family');
  if (!family || family.kind !== 'leaf' || family.candidates.some((c) => typeof c.value !== 'string')) return undefined;
  const out: EngineAt[] = [];
  for (const f of strings(family)) {
    const tls = rdsTlsFamily(f);
    if (tls) out.push({ engine: tls.engine, version: parseVersion(tls.version) });
  }
  return out;
}

/** The TLS engines a database's `Engine` and `EngineVersion` name; undefined when not knowable. */
export function databaseEngines(view: ResourceView): EngineAt[] | undefined {
  const engine = entry(view.props, 'Engine');
  if (!engine || engine.kind !== 'leaf') return undefined;
  const version = entry(view.props, 'EngineVersion');
  if (version !== undefined && version.kind !== 'leaf') return undefined;
  // An unquoted YAML version is a number (`EngineVersion: 14`).
  const versions = version
    ? version.candidates.map((c) => (typeof c.value === 'string' || typeof c.value === 'number' ? parseVersion(String(c.value)) : undefined))
    : [undefined];
  if (version && versions.some((v) => v === undefined)) return undefined;
  const out: EngineAt[] = [];
  for (const e of strings(engine)) {
    const tls = rdsTlsEngine(e);
    if (tls) for (const v of versions) out.push({ engine: tls, version: v });
  }
  return out;
}

/** A parameter group's `Parameters`: the map, absent, or not knowable. */
export function groupParameters(group: ResourceView): RMap | 'absent' | 'unknown' {
  if (!group.props) return group.resource.properties === undefined ? 'absent' : 'unknown';
  const p = entry(group.props, 'Parameters');
  if (p === undefined) return 'absent';
  return p.kind === 'map' ? p : 'unknown';
}

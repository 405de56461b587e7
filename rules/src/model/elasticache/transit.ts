import {
  ELASTICACHE_REPLICATION_GROUP,
  ELASTICACHE_REPLICATION_GROUP_DEFAULT_ENGINE,
  ELASTICACHE_TLS_ENGINES,
  CacheTlsEngine,
} from '../../data/elasticache-transit';
import { entry } from '../../evaluate/values';
import { compareVersions, parseVersion } from '../../util/version';
import type { ResourceView } from '../reader';

/**
 * Whether an ElastiCache replication group or cache cluster runs an engine version that supports
 * in-transit encryption: the first such engine of the view, `undefined` when its engine and version
 * support none (or cannot be known).
 */
export function tlsCapableEngine(view: ResourceView): { engine: CacheTlsEngine; version?: string } | undefined {
  const engineNode = entry(view.props, 'Engine');
  const versionNode = entry(view.props, 'EngineVersion');
  if ((engineNode && engineNode.kind !== 'leaf') || (versionNode && versionNode.kind !== 'leaf')) return undefined;
  const engines = engineNode
    ? engineNode.candidates.map((c) => String(c.value).trim().toLowerCase())
    : view.resource.type === ELASTICACHE_REPLICATION_GROUP
      ? [ELASTICACHE_REPLICATION_GROUP_DEFAULT_ENGINE]
      : [];
  // An unquoted YAML version is a number (`EngineVersion: 7.1`).
  const versions = versionNode ? versionNode.candidates.map((c) => String(c.value).trim()) : [undefined];
  for (const name of engines) {
    const engine = ELASTICACHE_TLS_ENGINES.find((e) => e.engine === name && e.resourceType === view.resource.type);
    if (!engine) continue;
    for (const text of versions) {
      if (text === undefined) return { engine }; // no version: the current default, which supports it
      const version = parseVersion(text);
      if (!version) continue;
      if (compareVersions(version, parseVersion(engine.from)!) >= 0 || engine.alsoExact?.includes(version.join('.'))) return { engine, version: text };
    }
  }
  return undefined;
}

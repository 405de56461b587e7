import { ELASTICSEARCH_DEFAULT_VERSION } from '../../data/opensearch';
import { entry } from '../../evaluate/values';
import { parseVersion, Version } from '../../util/version';
import type { ResourceView } from '../reader';

/** The engine a domain runs: OpenSearch (any version when none is named: the latest) or Elasticsearch. */
export interface DomainEngine {
  engine: 'OpenSearch' | 'Elasticsearch';
  /** Undefined: not named (OpenSearch Service then creates the latest OpenSearch). */
  version?: Version;
}

/**
 * The engines a domain view may run (`EngineVersion: OpenSearch_2.11 | Elasticsearch_7.10` on
 * `AWS::OpenSearchService::Domain`, `ElasticsearchVersion: 7.10` on `AWS::Elasticsearch::Domain`);
 * undefined when not knowable.
 */
export function domainEngines(view: ResourceView): DomainEngine[] | undefined {
  const legacy = view.resource.type === 'AWS::Elasticsearch::Domain';
  const node = entry(view.props, legacy ? 'ElasticsearchVersion' : 'EngineVersion');
  if (node === undefined) return [legacy ? { engine: 'Elasticsearch', version: parseVersion(ELASTICSEARCH_DEFAULT_VERSION) } : { engine: 'OpenSearch' }];
  if (node.kind !== 'leaf') return undefined;
  const out: DomainEngine[] = [];
  for (const c of node.candidates) {
    // An unquoted YAML version is a number (`ElasticsearchVersion: 7.10` reads as 7.1).
    const text = String(c.value).trim();
    const m = legacy ? ['', 'Elasticsearch', text] : /^(OpenSearch|Elasticsearch)_(.+)$/i.exec(text);
    const version = m ? parseVersion(m[2]!) : undefined;
    if (!m || !version) return undefined;
    out.push({ engine: m[1]!.toLowerCase() === 'opensearch' ? 'OpenSearch' : 'Elasticsearch', version });
  }
  return out;
}

/**
 * ElastiCache in-transit encryption: the engines and versions that support it, per resource type
 * (checked against AWS documentation, 2026):
 *
 * - Valkey 7.2 and later; Redis OSS 3.2.6 ("scheduled for end of life") and 4.0.10 and later; on
 *   replication groups (https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/in-transit-encryption.html,
 *   https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/in-transit-encryption-enable.html);
 * - Memcached 1.6.12 and later, on cache clusters (CreateCacheCluster `TransitEncryptionEnabled`);
 * - `TransitEncryptionMode` (replication groups only): `preferred` also accepts plaintext clients,
 *   the first of the two steps of enabling TLS on a running group; `required` accepts TLS only.
 * - Serverless caches always use TLS.
 */

export interface CacheTlsEngine {
  /** `Engine` value (lower case). */
  engine: string;
  label: string;
  /** The resource type on which the engine can enable in-transit encryption. */
  resourceType: string;
  /** First version with in-transit encryption. */
  from: string;
  /** Older versions that have it too. */
  alsoExact?: readonly string[];
}

export const ELASTICACHE_REPLICATION_GROUP = 'AWS::ElastiCache::ReplicationGroup';
export const ELASTICACHE_CACHE_CLUSTER = 'AWS::ElastiCache::CacheCluster';

export const ELASTICACHE_TLS_ENGINES: readonly CacheTlsEngine[] = Object.freeze([
  { engine: 'redis', label: 'Redis OSS', resourceType: ELASTICACHE_REPLICATION_GROUP, from: '4.0.10', alsoExact: ['3.2.6'] },
  { engine: 'valkey', label: 'Valkey', resourceType: ELASTICACHE_REPLICATION_GROUP, from: '7.2' },
  { engine: 'memcached', label: 'Memcached', resourceType: ELASTICACHE_CACHE_CLUSTER, from: '1.6.12' },
] satisfies CacheTlsEngine[]);

/** `Engine` of a replication group that does not name one. */
export const ELASTICACHE_REPLICATION_GROUP_DEFAULT_ENGINE = 'redis';

export const TRANSIT_ENCRYPTION_MODE_PREFERRED = 'preferred';
export const TRANSIT_ENCRYPTION_MODE_REQUIRED = 'required';

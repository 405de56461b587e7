/**
 * AWS DMS endpoint SSL: which `SslMode` values each source/target engine supports (checked against
 * AWS documentation, 2026: "Using SSL with AWS Database Migration Service",
 * https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Security.SSL.html). `none` is every engine's
 * default. Amazon Redshift endpoints already use SSL and are not in the table; engines without an
 * SSL mode (S3, DynamoDB, Kinesis, Neptune, OpenSearch, Kafka…) are secure by default or have
 * their own settings. Redis targets use `RedisSettings.SslSecurityProtocol` (`ssl-encryption`, the
 * default, or `plaintext`: DMS API RedisSettings).
 */

export type DmsSslMode = 'require' | 'verify-ca' | 'verify-full';

export interface DmsSslEngine {
  label: string;
  /** `EngineName` values (lower case). */
  engines: readonly string[];
  /** SSL modes the engine supports besides `none`. */
  modes: readonly DmsSslMode[];
}

export const DMS_SSL_ENGINES: readonly DmsSslEngine[] = Object.freeze([
  { label: 'MySQL, MariaDB and Aurora MySQL', engines: ['mysql', 'mariadb', 'aurora'], modes: ['verify-ca', 'verify-full'] },
  { label: 'SQL Server', engines: ['sqlserver'], modes: ['require', 'verify-full'] },
  { label: 'PostgreSQL', engines: ['postgres', 'aurora-postgresql'], modes: ['require', 'verify-ca', 'verify-full'] },
  { label: 'Oracle', engines: ['oracle'], modes: ['verify-ca'] },
  { label: 'SAP ASE', engines: ['sybase'], modes: ['verify-full'] },
  { label: 'MongoDB', engines: ['mongodb'], modes: ['require', 'verify-full'] },
  { label: 'Db2 LUW', engines: ['db2'], modes: ['verify-ca'] },
  { label: 'Db2 for z/OS', engines: ['db2-zos'], modes: ['verify-ca'] },
] satisfies DmsSslEngine[]);

export const DMS_SSL_MODE_NONE = 'none';
/** The mode a fix writes where the engine supports it: encrypted, no CA certificate needed. */
export const DMS_SSL_MODE_WITHOUT_CA: DmsSslMode = 'require';

export const DMS_REDIS_ENGINE = 'redis';
export const DMS_REDIS_SSL = 'ssl-encryption';
export const DMS_REDIS_PLAINTEXT = 'plaintext';

export function dmsSslEngine(engineName: string): DmsSslEngine | undefined {
  const e = engineName.trim().toLowerCase();
  return DMS_SSL_ENGINES.find((x) => x.engines.includes(e));
}

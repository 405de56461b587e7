/**
 * Requiring TLS on Amazon RDS and Aurora through a parameter group: the parameter of each engine,
 * its default per version, and the value that turns it on (checked against AWS documentation, 2026):
 *
 * - RDS for PostgreSQL: `rds.force_ssl` defaults to 1 from major version 15, 0 before
 *   (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/PostgreSQL.Concepts.General.SSL.html#PostgreSQL.Concepts.General.SSL.Requiring).
 * - Aurora PostgreSQL: `rds.force_ssl` defaults to 0
 *   (https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/ssl-certificate-rotation-aurora-postgresql.html).
 * - RDS for MySQL: `require_secure_transport` is 0 (OFF) for MySQL 8.4 and lower, 1 (ON) for MySQL 9.7;
 *   set it to 1 (ON), no reboot
 *   (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/mysql-ssl-connections.require-ssl.html).
 * - RDS for MariaDB: OFF for 11.4 and earlier, ON from 11.8; the parameter exists from 10.5
 *   (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/mariadb-ssl-connections.require-ssl.html).
 * - Aurora MySQL: OFF for version 2 (5.7) and 3 (8.0), ON for 8.4
 *   (https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/AuroraMySQL.Compare-v3-v84.html);
 *   Aurora MySQL 1 (engine `aurora`, MySQL 5.6) has no such parameter.
 * - RDS for SQL Server: `rds.force_ssl`, which AWS Config's rds-sqlserver-encrypted-in-transit wants
 *   at 1 (https://docs.aws.amazon.com/config/latest/developerguide/rds-sqlserver-encrypted-in-transit.html);
 *   its default of 0 is the one RDS ships (not stated on an AWS page found).
 *
 * Instance parameter groups write the MySQL switch as 0/1, cluster parameter groups (Aurora MySQL) as
 * OFF/ON (third-party: prowler-cloud/prowler#4116); a fix that replaces a value keeps its spelling.
 */

import { parseVersion, Version } from '../util/version';

export type RdsTlsParameter = 'rds.force_ssl' | 'require_secure_transport';

/** What an engine's default does with connections that do not use TLS. */
export type RdsTlsDefault = 'optional' | 'required' | 'unknown';

export interface RdsTlsEngine {
  /** The engine as messages name it. */
  label: string;
  /** `Engine` values of `AWS::RDS::DBInstance` / `AWS::RDS::DBCluster` (lower case). */
  engines: readonly string[];
  /** `Family` prefixes of DB (cluster) parameter groups; the major version follows (`postgres14`, `sqlserver-se-15.0`). */
  families: readonly string[];
  parameter: RdsTlsParameter;
  /** First version where the parameter exists: older versions cannot require TLS this way (not reported). */
  since?: string;
  /** Last version whose default leaves TLS optional (undefined: every version below `requiredFrom`). */
  optionalUpTo?: string;
  /** First version whose default requires TLS (undefined: none does). Versions between the two: unknown. */
  requiredFrom?: string;
  /** The template gives no version: AWS picks its current default version. */
  withoutVersion: RdsTlsDefault;
  /** The value that requires TLS, in a DB parameter group and in a DB cluster parameter group. */
  on: { instance: string; cluster: string };
}

export const RDS_TLS_ENGINES: readonly RdsTlsEngine[] = Object.freeze([
  {
    label: 'RDS for PostgreSQL',
    engines: ['postgres'],
    families: ['postgres'],
    parameter: 'rds.force_ssl',
    optionalUpTo: '14',
    requiredFrom: '15',
    withoutVersion: 'required',
    on: { instance: '1', cluster: '1' },
  },
  {
    label: 'Aurora PostgreSQL',
    engines: ['aurora-postgresql'],
    families: ['aurora-postgresql'],
    parameter: 'rds.force_ssl',
    withoutVersion: 'optional',
    on: { instance: '1', cluster: '1' },
  },
  {
    label: 'RDS for SQL Server',
    engines: ['sqlserver-ee', 'sqlserver-se', 'sqlserver-ex', 'sqlserver-web'],
    families: ['sqlserver-ee-', 'sqlserver-se-', 'sqlserver-ex-', 'sqlserver-web-'],
    parameter: 'rds.force_ssl',
    withoutVersion: 'optional',
    on: { instance: '1', cluster: '1' },
  },
  {
    label: 'RDS for MySQL',
    engines: ['mysql'],
    families: ['mysql'],
    parameter: 'require_secure_transport',
    optionalUpTo: '8.4',
    requiredFrom: '9.7',
    withoutVersion: 'optional',
    on: { instance: '1', cluster: 'ON' },
  },
  {
    label: 'RDS for MariaDB',
    engines: ['mariadb'],
    families: ['mariadb'],
    parameter: 'require_secure_transport',
    since: '10.5',
    optionalUpTo: '11.4',
    requiredFrom: '11.8',
    withoutVersion: 'unknown',
    on: { instance: '1', cluster: 'ON' },
  },
  {
    label: 'Aurora MySQL',
    engines: ['aurora-mysql'],
    families: ['aurora-mysql'],
    parameter: 'require_secure_transport',
    since: '5.7',
    optionalUpTo: '8.0',
    requiredFrom: '8.4',
    withoutVersion: 'unknown',
    on: { instance: '1', cluster: 'ON' },
  },
] satisfies RdsTlsEngine[]);

/** Every parameter that requires TLS on some engine. */
export const RDS_TLS_PARAMETERS: readonly RdsTlsParameter[] = Object.freeze(['rds.force_ssl', 'require_secure_transport'] as const);

/** Parameter values that turn the switch off (RDS takes 0/1, ON/OFF; a YAML `OFF` reads as false). */
export function isOffValue(v: unknown): boolean {
  if (v === false || v === 0) return true;
  return typeof v === 'string' && /^\s*(0|off|false)\s*$/i.test(v);
}

/** The engine of an `Engine` value (case-insensitive). */
export function rdsTlsEngine(engine: string): RdsTlsEngine | undefined {
  const e = engine.trim().toLowerCase();
  return RDS_TLS_ENGINES.find((x) => x.engines.includes(e));
}

/** The engine and the version text of a parameter group `Family` (`mysql8.0` → RDS for MySQL, `8.0`). */
export function rdsTlsFamily(family: string): { engine: RdsTlsEngine; version: string } | undefined {
  const f = family.trim().toLowerCase();
  let best: { engine: RdsTlsEngine; prefix: string } | undefined;
  for (const engine of RDS_TLS_ENGINES)
    for (const prefix of engine.families)
      if (f.startsWith(prefix) && /^\d/.test(f.slice(prefix.length)) && (!best || prefix.length > best.prefix.length)) best = { engine, prefix };
  return best && { engine: best.engine, version: f.slice(best.prefix.length) };
}

/** Compares a version with a threshold at the threshold's precision (`8.4.3` is `8.4`, `15.4` is `15`). */
function compareAt(version: Version, threshold: string): number {
  const t = parseVersion(threshold) ?? [];
  for (let i = 0; i < t.length; i++) {
    const d = (version[i] ?? 0) - t[i]!;
    if (d) return d;
  }
  return 0;
}

/**
 * What the engine does by default at a version (undefined: the template gives none), or
 * `unsupported` when the version has no such parameter.
 */
export function rdsTlsDefault(engine: RdsTlsEngine, version: Version | undefined): RdsTlsDefault | 'unsupported' {
  if (!version) return engine.withoutVersion;
  if (engine.since && compareAt(version, engine.since) < 0) return 'unsupported';
  if (engine.requiredFrom && compareAt(version, engine.requiredFrom) >= 0) return 'required';
  if (!engine.optionalUpTo || compareAt(version, engine.optionalUpTo) <= 0) return 'optional';
  return 'unknown';
}

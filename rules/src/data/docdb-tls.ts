/**
 * The `tls` parameter of an Amazon DocumentDB cluster parameter group (checked against AWS
 * documentation, 2026: https://docs.aws.amazon.com/documentdb/latest/developerguide/security.encryption.ssl.html
 * and the DocumentDB API `Parameter` reference):
 *
 * - `enabled`: TLS 1.0 to 1.3 (the default of new clusters);
 * - `disabled`: no TLS;
 * - `tls1.2+` / `tls1.3+`: DocumentDB 4.0 from engine 2.0.10980 and 5.0 from engine 3.0.11051;
 * - `fips-140-3`: DocumentDB 5.0 from engine 3.0.3727, some Regions.
 */

export const DOCDB_TLS_PARAMETER = 'tls';
export const DOCDB_TLS_DISABLED = 'disabled';
export const DOCDB_TLS_ENABLED = 'enabled';
/** What the rule recommends where the family allows it: TLS 1.2 and newer only. */
export const DOCDB_TLS_RECOMMENDED = 'tls1.2+';

/** Families whose engines accept `tls1.2+` (with the engine patch named above). */
export const DOCDB_TLS12_FAMILIES: readonly string[] = Object.freeze(['docdb4.0', 'docdb5.0']);

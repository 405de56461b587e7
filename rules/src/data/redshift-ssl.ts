/**
 * Amazon Redshift's `require_ssl` (checked against AWS documentation, 2026):
 *
 * - Since January 2025, `require_ssl` defaults to true in the `redshift-2.0` family, whose default
 *   group `default.redshift-2.0` new clusters get when no parameter group is named; a custom group
 *   starts with its family's default values (AWS Security Blog, "Amazon Redshift enhances security
 *   by changing default behavior in 2025", as the spec cites it; the exact AWS documentation text
 *   was not found when this table was checked, so it is recorded as unverified).
 * - The `redshift-1.0` family keeps `require_ssl` false: "By default, cluster databases accept a
 *   connection whether it uses SSL or not" (https://docs.aws.amazon.com/redshift/latest/mgmt/connecting-ssl-support.html).
 * - Redshift Serverless workgroups take `require_ssl` among their `ConfigParameters`
 *   (`ParameterKey`/`ParameterValue`).
 */

export const REDSHIFT_REQUIRE_SSL = 'require_ssl';

/** `require_ssl` in a group that does not set it, per `ParameterGroupFamily`. */
export const REDSHIFT_FAMILY_REQUIRE_SSL: Readonly<Record<string, boolean>> = Object.freeze({
  'redshift-1.0': false,
  'redshift-2.0': true,
});

/** The prefix of the default parameter groups (`default.redshift-1.0`). */
export const REDSHIFT_DEFAULT_GROUP_PREFIX = 'default.';

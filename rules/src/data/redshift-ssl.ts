/**
 * Amazon Redshift's `require_ssl` (checked against AWS documentation, 2026):
 *
 * - "As of January 10, 2025, the default value for the require_ssl parameter is true": the
 *   `redshift-2.0` family, whose default group `default.redshift-2.0` new clusters get when no
 *   parameter group is named; a custom group starts with its family's default values
 *   (https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-parameter-groups.html; AWS
 *   Security Blog, "Amazon Redshift enhances security by changing default behavior in 2025").
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

import { REDSHIFT_DEFAULT_GROUP_PREFIX, REDSHIFT_FAMILY_REQUIRE_SSL, REDSHIFT_REQUIRE_SSL } from '../../data/redshift-ssl';
import { entry } from '../../evaluate/values';
import type { Fix, ResourceView, Rule, RuleContext } from '../../engine/types';
import { clusterGroupOf, groupFamilies, listParameter, REDSHIFT_CLUSTER, REDSHIFT_PARAMETER_GROUP, REDSHIFT_WORKGROUP } from '../../model/redshift/parameters';
import { falseCandidates, insertFix, listValues, quote, reportValue } from '../helpers';

const P = REDSHIFT_REQUIRE_SSL;

/** `require_ssl` set to false in a parameter group's `Parameters` or a workgroup's `ConfigParameters`. */
function checkList(ctx: RuleContext, view: ResourceView, property: 'Parameters' | 'ConfigParameters', what: string): void {
  const found = listParameter(entry(view.props, property), property === 'Parameters' ? 'ParameterName' : 'ParameterKey', P);
  if (found.state !== 'set') return;
  for (const value of found.values) {
    const bad = falseCandidates(value);
    if (!bad.length) continue;
    reportValue(ctx, {
      node: value,
      bad,
      message:
        `${P} is ${listValues(bad)}: ${what} accepts connections without TLS, so credentials and query results can travel in ` +
        `plaintext. Set ${P} to ${quote('true')}.`,
      fixValue: bad.every((c) => typeof c.value === 'boolean') ? true : 'true',
      fixWhat: P,
    });
  }
}

/** A cluster whose parameter group leaves `require_ssl` at a default of false. */
function checkCluster(ctx: RuleContext, view: ResourceView): void {
  const use = clusterGroupOf(ctx, view);
  if (use.kind === 'unknown') return;
  if (use.kind === 'default') {
    // No group named: new clusters get default.redshift-2.0, where require_ssl is true.
    if (!use.value) return;
    const families = use.value.candidates.map((c) => String(c.value).toLowerCase().slice(REDSHIFT_DEFAULT_GROUP_PREFIX.length));
    const off = use.value.candidates.filter((_, i) => REDSHIFT_FAMILY_REQUIRE_SSL[families[i]!] === false);
    if (!off.length) return;
    ctx.report({
      path: use.value.path,
      severity: 'info',
      message:
        `The cluster uses the default parameter group ${listValues(off)}, where ${P} is false: clients may connect without TLS. ` +
        `Use default.redshift-2.0, or a parameter group that sets ${P} to ${quote('true')}.`,
    });
    return;
  }
  for (const group of use.views) {
    const families = groupFamilies(group);
    if (!families.length || !families.every((f) => REDSHIFT_FAMILY_REQUIRE_SSL[f] === false)) continue;
    if (!group.props && group.resource.properties !== undefined) continue;
    const found = listParameter(entry(group.props, 'Parameters'), 'ParameterName', P);
    if (found.state !== 'absent') continue; // set (a false value is reported on the group) or not knowable
    const item = { ParameterName: P, ParameterValue: 'true' };
    const fixes: Fix[] = found.list
      ? [{ title: `Add ${P}: ${quote('true')} to the Parameters of ${use.id}`, intents: [{ kind: 'append', path: found.list.path, value: item }], safe: true }]
      : group.resource.properties !== undefined
        ? [insertFix(group.path, 'Parameters', [item], `Insert Parameters with ${P}: ${quote('true')} in ${use.id}`)]
        : [];
    ctx.report({
      path: use.value.path,
      message:
        `The cluster uses parameter group ${use.id} (family ${quote(families[0])}), which does not set ${P}: it stays false, so clients ` +
        `may connect without TLS. Add ${P} with the value ${quote('true')} to ${use.id}.`,
      related: [{ path: found.list ? found.list.path : group.path, message: `${use.id} does not set ${P}` }],
      fixes,
      data: { parameterGroup: use.id },
    });
    return;
  }
}

export const redshiftRequireSsl: Rule = {
  meta: {
    id: 'redshift-require-ssl',
    severity: 'warning',
    summary: 'Redshift parameter group or Serverless workgroup with require_ssl false, or a cluster whose redshift-1.0 group leaves it out.',
    fixable: true,
    docs: {
      severityNote: 'info when the cluster names the `default.redshift-1.0` group',
      appliesTo: '`AWS::Redshift::ClusterParameterGroup` (and the `AWS::Redshift::Cluster`s using it), `AWS::RedshiftServerless::Workgroup`',
    },
    peers: ['CKV_AWS_105', 'REDSHIFT_REQUIRE_TLS_SSL', 'REDSHIFT_SERVERLESS_WORKGROUP_ENCRYPTED_IN_TRANSIT', 'CT.REDSHIFT.PR.9'],
    resourceTypes: [REDSHIFT_PARAMETER_GROUP, REDSHIFT_CLUSTER, REDSHIFT_WORKGROUP],
  },
  check(ctx) {
    for (const view of ctx.viewsOf(REDSHIFT_PARAMETER_GROUP)) checkList(ctx, view, 'Parameters', 'a cluster using this parameter group');
    for (const view of ctx.viewsOf(REDSHIFT_WORKGROUP)) checkList(ctx, view, 'ConfigParameters', 'the workgroup');
    for (const view of ctx.viewsOf(REDSHIFT_CLUSTER)) checkCluster(ctx, view);
  },
};

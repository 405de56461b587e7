import { isOffValue, RDS_TLS_PARAMETERS, RdsTlsEngine, RdsTlsParameter, rdsTlsDefault } from '../../data/rds-tls';
import type { Candidate } from '../../evaluate/values';
import { entry } from '../../evaluate/values';
import type { Fix, FixValue, ResourceView, Rule, RuleContext } from '../../engine/types';
import {
  databaseEngines,
  DB_CLUSTER,
  DB_CLUSTER_PARAMETER_GROUP,
  DB_INSTANCE,
  DB_PARAMETER_GROUP,
  EngineAt,
  groupEngines,
  groupParameters,
  isClusterMember,
  parameterGroupOf,
  RDS_PARAMETER_GROUP_TYPES,
} from '../../model/rds/parameter-groups';
import { insertFix, listValues, quote, reportValue } from '../helpers';

/** The value that turns the switch on, in the spelling of the value it replaces. */
function onValueFor(bad: Candidate, engineOn: string): FixValue {
  if (typeof bad.value === 'number') return 1;
  if (typeof bad.value === 'string' && /^\s*0\s*$/.test(bad.value)) return '1';
  if (typeof bad.value === 'string' && /^\s*off\s*$/i.test(bad.value)) return 'ON';
  return engineOn;
}

function onValue(engine: RdsTlsEngine, groupType: string | undefined): string {
  return groupType === DB_CLUSTER_PARAMETER_GROUP ? engine.on.cluster : engine.on.instance;
}

/** The parameters a group's family makes the TLS switch (both when the family is not knowable). */
function switchesOf(group: ResourceView): { parameter: RdsTlsParameter; engine?: RdsTlsEngine }[] {
  const engines = groupEngines(group);
  if (!engines) return RDS_TLS_PARAMETERS.map((parameter) => ({ parameter }));
  const seen = new Map<RdsTlsParameter, RdsTlsEngine>();
  for (const e of engines) if (!seen.has(e.engine.parameter)) seen.set(e.engine.parameter, e.engine);
  return [...seen].map(([parameter, engine]) => ({ parameter, engine }));
}

/** A parameter group that turns the switch off. */
function checkGroup(ctx: RuleContext, group: ResourceView): void {
  const parameters = groupParameters(group);
  if (typeof parameters === 'string') return;
  for (const s of switchesOf(group)) {
    const value = entry(parameters, s.parameter);
    if (!value || value.kind !== 'leaf') continue;
    const bad = value.candidates.filter((c) => isOffValue(c.value));
    if (!bad.length) continue;
    const engineOn = s.engine ? onValue(s.engine, group.resource.type) : group.resource.type === DB_CLUSTER_PARAMETER_GROUP ? 'ON' : '1';
    const fixValue = onValueFor(bad[0]!, s.parameter === 'rds.force_ssl' ? '1' : engineOn);
    const defaultNote =
      s.engine?.requiredFrom !== undefined ? ` (${s.engine.label} ${s.engine.requiredFrom} and later require TLS by default; this turns that off)` : '';
    reportValue(ctx, {
      node: value,
      bad,
      message:
        `${s.parameter} is ${listValues(bad)}: databases using this parameter group accept connections without TLS${defaultNote}, ` +
        `so credentials and data can travel in plaintext. Set ${s.parameter} to ${quote(fixValue)}.`,
      fixValue,
      fixWhat: s.parameter,
      data: { parameter: s.parameter },
    });
  }
}

/** The first engine (of a database or of its group's family) whose default leaves TLS optional. */
function optionalEngine(engines: EngineAt[] | undefined): EngineAt | undefined {
  return engines?.find((e) => rdsTlsDefault(e.engine, e.version) === 'optional');
}

function describe(e: EngineAt): string {
  return e.version ? `${e.engine.label} ${e.version.join('.')}` : e.engine.label;
}

/** A database whose parameter group leaves the switch at a default that does not require TLS. */
function checkDatabase(ctx: RuleContext, view: ResourceView): void {
  if (isClusterMember(view)) return; // the cluster's parameter group decides
  const what = view.resource.type === DB_CLUSTER ? 'DB cluster' : 'DB instance';
  const use = parameterGroupOf(ctx, view);
  if (use.kind === 'unknown') return;
  if (use.kind === 'default') {
    const found = optionalEngine(databaseEngines(view));
    if (!found) return;
    const p = found.engine.parameter;
    ctx.report({
      path: use.value ? use.value.path : view.path,
      target: use.value ? undefined : 'key',
      severity: 'info',
      message:
        `This ${what} uses the default parameter group, where ${p} is off for ${describe(found)}: clients may connect without TLS. ` +
        `To require TLS, give it a parameter group that sets ${p} to ${quote(onValue(found.engine, view.resource.type === DB_CLUSTER ? DB_CLUSTER_PARAMETER_GROUP : DB_PARAMETER_GROUP))}.`,
      data: { parameter: p },
    });
    return;
  }
  for (const group of use.views) {
    const engines = groupEngines(group);
    // A family of this table decides; a family of another engine (Oracle, Db2) is out of scope; an unknowable one falls back to the database.
    const found = optionalEngine(engines && engines.length ? engines : engines ? [] : databaseEngines(view));
    if (!found) continue;
    const parameters = groupParameters(group);
    if (parameters === 'unknown') continue;
    const p = found.engine.parameter;
    if (parameters !== 'absent' && parameters.entries.has(p)) continue; // set: an off value is reported on the group
    const on = onValue(found.engine, group.resource.type);
    const fixes: Fix[] =
      parameters !== 'absent'
        ? [insertFix(parameters.path, p, on, `Insert ${p}: ${quote(on)} in ${use.id}`)]
        : group.resource.properties !== undefined
          ? [insertFix(group.path, 'Parameters', { [p]: on }, `Insert Parameters with ${p}: ${quote(on)} in ${use.id}`)]
          : [];
    ctx.report({
      path: use.value.path,
      message:
        `This ${what} uses parameter group ${use.id}, which does not set ${p}: it stays off for ${describe(found)}, so clients may ` +
        `connect without TLS. Set ${p} to ${quote(on)} in ${use.id}.`,
      related: [{ path: parameters !== 'absent' ? parameters.path : group.path, message: `${use.id} does not set ${p}` }],
      fixes,
      data: { parameter: p, parameterGroup: use.id },
    });
    return;
  }
}

export const rdsTlsNotRequired: Rule = {
  meta: {
    id: 'rds-tls-not-required',
    severity: 'warning',
    summary: 'RDS / Aurora parameter group that turns off rds.force_ssl or require_secure_transport, or a database whose group leaves TLS optional.',
    fixable: true,
    docs: {
      severityNote: 'info when the database uses the default parameter group',
      appliesTo: '`AWS::RDS::DBParameterGroup`, `AWS::RDS::DBClusterParameterGroup`, and the `AWS::RDS::DBInstance` / `AWS::RDS::DBCluster` that use them',
    },
    peers: ['CKV2_AWS_69', 'RDS_SQLSERVER_ENCRYPTED_IN_TRANSIT', 'CT.RDS.PR.27', 'CT.RDS.PR.28'],
    resourceTypes: [...RDS_PARAMETER_GROUP_TYPES, DB_INSTANCE, DB_CLUSTER],
  },
  check(ctx) {
    for (const group of ctx.viewsOf(...RDS_PARAMETER_GROUP_TYPES)) checkGroup(ctx, group);
    for (const view of ctx.viewsOf(DB_INSTANCE, DB_CLUSTER)) checkDatabase(ctx, view);
  },
};

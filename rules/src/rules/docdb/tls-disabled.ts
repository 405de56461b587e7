import { DOCDB_TLS12_FAMILIES, DOCDB_TLS_DISABLED, DOCDB_TLS_ENABLED, DOCDB_TLS_PARAMETER, DOCDB_TLS_RECOMMENDED } from '../../data/docdb-tls';
import type { Fix, ResourceView, Rule, RuleContext, Severity } from '../../engine/types';
import { DOCDB_CLUSTER_PARAMETER_GROUP, docdbFamilies, docdbParameter, DocdbParameter, DocdbParameterValue } from '../../model/docdb/cluster-parameter-group';
import { quote, quoteList, relatedFor, setValueFix } from '../helpers';

/** The fix: the value itself, or the whole JSON text with the parameter replaced. */
function fixFor(bad: DocdbParameterValue[], value: string): Fix {
  if (!bad[0]!.json)
    return setValueFix(
      bad.map((b) => b.candidate),
      value,
      DOCDB_TLS_PARAMETER,
    );
  return {
    title: `Set ${DOCDB_TLS_PARAMETER} to ${quote(value)} in the Parameters JSON`,
    intents: bad.map((b) => ({ kind: 'set' as const, path: b.candidate.path, value: JSON.stringify({ ...b.json, [DOCDB_TLS_PARAMETER]: value }) })),
    safe: true,
  };
}

function report(ctx: RuleContext, param: DocdbParameter, bad: DocdbParameterValue[], message: string, value: string, severity?: Severity): void {
  if (!bad.length) return;
  ctx.report({
    path: param.node.path,
    message,
    severity,
    related: relatedFor(bad.map((b) => b.candidate)),
    fixes: [fixFor(bad, value)],
    data: { recommended: value },
  });
}

function check(ctx: RuleContext, view: ResourceView): void {
  const param = docdbParameter(view, DOCDB_TLS_PARAMETER);
  if (!param) return;
  const families = docdbFamilies(view);
  const tls12 = families.length > 0 && families.every((f) => DOCDB_TLS12_FAMILIES.includes(f));
  const is = (v: unknown, want: string): boolean => typeof v === 'string' && v.trim().toLowerCase() === want;
  const disabled = param.values.filter((v) => is(v.value, DOCDB_TLS_DISABLED));
  const target = tls12 ? DOCDB_TLS_RECOMMENDED : DOCDB_TLS_ENABLED;
  report(
    ctx,
    param,
    disabled,
    `${DOCDB_TLS_PARAMETER} is ${quoteList(disabled.map((d) => d.value))}: clusters using this parameter group accept only connections without ` +
      `TLS, so credentials and data travel in plaintext. Set ${DOCDB_TLS_PARAMETER} to ${quote(target)}` +
      (tls12 ? ' (TLS 1.2 and newer).' : ' (or tls1.2+ on DocumentDB 4.0 and 5.0).'),
    target,
  );
  if (!tls12 || disabled.length) return;
  const enabled = param.values.filter((v) => is(v.value, DOCDB_TLS_ENABLED));
  report(
    ctx,
    param,
    enabled,
    `${DOCDB_TLS_PARAMETER} is ${quote(DOCDB_TLS_ENABLED)}, which also accepts TLS 1.0 and 1.1 clients. Set it to ` +
      `${quote(DOCDB_TLS_RECOMMENDED)} to accept only TLS 1.2 and newer (DocumentDB 4.0 from engine 2.0.10980, 5.0 from engine 3.0.11051).`,
    DOCDB_TLS_RECOMMENDED,
    'info',
  );
}

export const docdbTlsDisabled: Rule = {
  meta: {
    id: 'docdb-tls-disabled',
    severity: 'warning',
    summary: "DocumentDB cluster parameter group whose tls parameter is 'disabled' (info: 'enabled', which still accepts TLS 1.0).",
    fixable: true,
    docs: { severityNote: 'info for `tls: enabled` on DocumentDB 4.0 and 5.0' },
    peers: ['CKV_AWS_90', 'DOCDB_CLUSTER_ENCRYPTED_IN_TRANSIT'],
    resourceTypes: [DOCDB_CLUSTER_PARAMETER_GROUP],
  },
  check(ctx) {
    for (const view of ctx.viewsOf(DOCDB_CLUSTER_PARAMETER_GROUP)) check(ctx, view);
  },
};

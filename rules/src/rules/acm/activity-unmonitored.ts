import {
  ACM_API_CALLS,
  ACM_CLOUDTRAIL_EVENT_SOURCE,
  ACM_EVENT_SOURCE,
  ACM_METRIC_NAMESPACE,
  CLOUDWATCH_ALARM,
  EVENTS_RULE,
  LOGS_METRIC_FILTER,
} from '../../data/acm-monitoring';
import type { RNode } from '../../evaluate/values';
import { entry, strings } from '../../evaluate/values';
import type { ResourceView, Rule, RuleContext } from '../../engine/types';
import { CERTIFICATE } from '../../model/acm/certificate';

/** How a watcher looks at ACM: `yes`, `no`, or `unknown` (an unknown value might watch ACM: never report then). */
type Watch = 'yes' | 'no' | 'unknown';

function anyOf(results: Watch[]): Watch {
  return results.includes('yes') ? 'yes' : results.includes('unknown') ? 'unknown' : 'no';
}

/** Whether a list of event-pattern values matches a wanted value (plain strings, or `prefix` filters). */
function patternMatches(values: RNode | undefined, wanted: readonly string[]): Watch {
  if (values === undefined) return 'no';
  const items = values.kind === 'seq' ? values.items : [values];
  const out: Watch[] = [];
  for (const item of items) {
    if (item.kind === 'leaf') out.push(strings(item).some((s) => wanted.includes(s)) ? 'yes' : 'no');
    else if (item.kind === 'map') {
      const prefix = strings(entry(item, 'prefix'));
      out.push(prefix.some((p) => wanted.some((w) => w.startsWith(p))) ? 'yes' : 'no');
    } else out.push('unknown');
  }
  return anyOf(out);
}

/** An `EventPattern` written as a JSON string. */
function jsonPatternWatches(text: string): Watch {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return 'unknown';
  }
  const values = (v: unknown): string[] =>
    (Array.isArray(v) ? v : [v]).flatMap((x) =>
      typeof x === 'string'
        ? [x]
        : x && typeof x === 'object' && typeof (x as { prefix?: unknown }).prefix === 'string'
          ? [`prefix:${(x as { prefix: string }).prefix}`]
          : [],
    );
  const hit = (list: string[], wanted: readonly string[]): boolean =>
    list.some((s) => wanted.includes(s) || (s.startsWith('prefix:') && wanted.some((w) => w.startsWith(s.slice(7)))));
  const p = parsed as Record<string, unknown> | null;
  if (!p || typeof p !== 'object') return 'no';
  const detail = (p.detail ?? {}) as Record<string, unknown>;
  return hit(values(p.source), [ACM_EVENT_SOURCE]) ||
    hit(values(detail.eventSource), [ACM_CLOUDTRAIL_EVENT_SOURCE]) ||
    hit(values(detail.eventName), ACM_API_CALLS)
    ? 'yes'
    : 'no';
}

function ruleWatches(view: ResourceView): Watch {
  const state = strings(entry(view.props, 'State'));
  if (state.length && state.every((s) => s === 'DISABLED')) return 'no';
  const pattern = entry(view.props, 'EventPattern');
  if (pattern === undefined) return 'no';
  if (pattern.kind === 'unknown') return 'unknown';
  if (pattern.kind === 'leaf') return anyOf(strings(pattern).map(jsonPatternWatches));
  if (pattern.kind !== 'map') return 'no';
  const detail = entry(pattern, 'detail');
  return anyOf([
    patternMatches(entry(pattern, 'source'), [ACM_EVENT_SOURCE]),
    patternMatches(entry(detail, 'eventSource'), [ACM_CLOUDTRAIL_EVENT_SOURCE]),
    patternMatches(entry(detail, 'eventName'), ACM_API_CALLS),
  ]);
}

function alarmWatches(view: ResourceView): Watch {
  const namespaces: RNode[] = [];
  const ns = entry(view.props, 'Namespace');
  if (ns) namespaces.push(ns);
  const metrics = entry(view.props, 'Metrics');
  if (metrics?.kind === 'seq')
    for (const m of metrics.items) {
      const n = entry(entry(entry(m, 'MetricStat'), 'Metric'), 'Namespace');
      if (n) namespaces.push(n);
    }
  return anyOf(namespaces.map((n) => (n.kind === 'leaf' ? (strings(n).includes(ACM_METRIC_NAMESPACE) ? 'yes' : 'no') : 'unknown')));
}

/** A CloudTrail log metric filter (the CIS-style "alarm on API calls") naming ACM. */
function metricFilterWatches(view: ResourceView): Watch {
  const pattern = entry(view.props, 'FilterPattern');
  if (!pattern) return 'no';
  if (pattern.kind !== 'leaf') return 'unknown';
  return strings(pattern).some((p) => p.includes(ACM_CLOUDTRAIL_EVENT_SOURCE) || ACM_API_CALLS.some((c) => p.includes(c))) ? 'yes' : 'no';
}

function templateWatches(ctx: RuleContext): Watch {
  return anyOf([
    ...ctx.viewsOf(EVENTS_RULE).map(ruleWatches),
    ...ctx.viewsOf(CLOUDWATCH_ALARM).map(alarmWatches),
    ...ctx.viewsOf(LOGS_METRIC_FILTER).map(metricFilterWatches),
  ]);
}

export const acmActivityUnmonitored: Rule = {
  meta: {
    id: 'acm-activity-unmonitored',
    severity: 'off',
    summary: 'Template creates ACM certificates but nothing in it (EventBridge rule, CloudWatch alarm) watches ACM events or API calls.',
    fixable: false,
    peers: [],
    resourceTypes: [CERTIFICATE],
  },
  check(ctx) {
    const certificates = ctx.resources(CERTIFICATE);
    if (!certificates.length || templateWatches(ctx) !== 'no') return;
    const [first, ...others] = certificates;
    ctx.report({
      path: ['Resources', first.id],
      target: 'key',
      message: `The template creates ${certificates.length === 1 ? 'a certificate' : `${certificates.length} certificates`} but nothing in it watches ACM activity: no AWS::Events::Rule matching source aws.acm or ACM CloudTrail calls, and no CloudWatch alarm on ACM metrics, so nobody hears of a certificate created, deleted or about to expire. Add an EventBridge rule for aws.acm events (expiry, issuance) and ACM API calls such as RequestCertificate and DeleteCertificate, with a target that alerts someone.`,
      related: others.map((c) => ({ path: ['Resources', c.id], message: `${c.id} is another certificate of this template` })),
    });
  },
};

import type { Settings } from '../engine/config';
import { conditionsIn, type RMap, type RNode } from '../evaluate/values';
import { tlsLabel } from '../data/tls';
import { intrinsicName, isMap, type SNode } from '../parse/source-tree';
import type { Template } from '../template/template';
import { TemplateViews } from '../model/views';
import { isPolicyProperty, policyChoices } from './policy-info';

/**
 * Inlay hints (issue 17, part 4): after a property written through an intrinsic (`Ref`,
 * `Fn::If`, `Fn::FindInMap`, …), the value it takes in each environment or scenario, with the
 * TLS floor of a policy: `prod: ELBSecurityPolicy-TLS13-1-2-2021-06 (TLS 1.2) · dev:
 * ELBSecurityPolicy-2016-08 (TLS 1.0) ⚠`. Values that are not known are never guessed: a reading
 * where one is not known shows `?`, and a property known in no reading gets no hint.
 */

export interface ValueHint {
  /** Where the hint goes: the end of the written value. */
  offset: number;
  label: string;
}

/** One reading of the template: an environment's (its name) or the template's own. */
export interface HintRun {
  environment?: string;
  template: Template;
}

/** Longest label; longer ones end with an ellipsis. */
const MAX_LABEL = 240;
/** A value that is not known in one reading. */
const UNKNOWN = '?';
const MAX_DEPTH = 12;

interface Seen {
  property: string;
  resourceType: string | undefined;
  /** Per environment, per scenario ("IsProd", "!IsProd, HasCdn"): the values. */
  groups: Map<string, Map<string, Set<string>>>;
}

export function valueHints(runs: readonly HintRun[], settings: Settings): ValueHint[] {
  const seen = new Map<number, Seen>();
  for (const run of runs) {
    const views = new TemplateViews(run.template);
    for (const resource of run.template.resources.values()) {
      // Loop bodies stand for several resources: their values are not one place's.
      if (resource.origin) continue;
      for (const view of views.views(resource)) {
        if (!view.props) continue;
        visit(view.props, 0, (written, property, value) => {
          // A reading where the value is not known shows as `?` beside the others, never alone.
          const values = known(value) ?? [UNKNOWN];
          const when = view.scenario.conditionsUnknown
            ? ''
            : [...conditionsIn(written)].map((c) => (view.scenario.assignment.get(c) === false ? `!${c}` : c)).join(', ');
          let s = seen.get(written.end);
          if (!s) seen.set(written.end, (s = { property, resourceType: resource.type, groups: new Map() }));
          let byScenario = s.groups.get(run.environment ?? '');
          if (!byScenario) s.groups.set(run.environment ?? '', (byScenario = new Map()));
          let set = byScenario.get(when);
          if (!set) byScenario.set(when, (set = new Set()));
          for (const v of values) set.add(v);
        });
      }
    }
  }
  const out: ValueHint[] = [];
  for (const [offset, s] of seen) {
    if ([...s.groups.values()].every((byScenario) => [...byScenario.values()].every((vs) => vs.size === 1 && vs.has(UNKNOWN)))) continue;
    const show = (v: string): string => withFloor(s.property, s.resourceType, v, settings);
    // An environment that decides the conditions is named alone; else with each scenario.
    const groups = [...s.groups].flatMap(([env, byScenario]) =>
      byScenario.size === 1 && env
        ? [[env, [...byScenario.values()][0]] as const]
        : [...byScenario].map(([when, vs]) => [[env, when].filter(Boolean).join(', '), vs] as const),
    );
    const sameEverywhere = groups.every(([, vs]) => sameSet(vs, groups[0][1]));
    const label = sameEverywhere
      ? `= ${[...groups[0][1]].map(show).join(' | ')}`
      : groups.map(([g, vs]) => `${g || 'otherwise'}: ${[...vs].map(show).join(' | ')}`).join(' · ');
    out.push({ offset, label: label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label });
  }
  return out.sort((a, b) => a.offset - b.offset);
}

/** Calls `found` for each property written through an intrinsic, with its resolved value. */
function visit(map: RMap, depth: number, found: (written: SNode, property: string, value: RNode | undefined) => void): void {
  if (depth > MAX_DEPTH || !isMap(map.node)) return;
  for (const pair of map.node.pairs) {
    const name = String(pair.key.value);
    const value = map.entries.get(name)?.value;
    if (intrinsicName(pair.value)) found(pair.value, name, value);
    else if (value?.kind === 'map') visit(value, depth + 1, found);
    else if (value?.kind === 'seq') for (const item of value.items) if (item.kind === 'map') visit(item, depth + 1, found);
  }
}

/** The values a resolved property may take, when every one is known. */
function known(value: RNode | undefined): string[] | undefined {
  if (value === undefined) return ['(absent)'];
  if (value.kind !== 'leaf') return undefined;
  return value.candidates.map((c) => (c.value === null ? 'null' : String(c.value)));
}

/** A policy value with the TLS floor it accepts, and ⚠ below TLS 1.2. */
function withFloor(property: string, resourceType: string | undefined, value: string, settings: Settings): string {
  if (value === UNKNOWN || !isPolicyProperty(property)) return value;
  const choice = policyChoices(property, resourceType, settings).find((c) => c.name === value);
  if (!choice) return value;
  if (choice.minTls) return `${value} (${tlsLabel(choice.minTls)})${choice.verdict === 'weak' ? ' ⚠' : ''}`;
  return choice.verdict === 'weak' ? `${value} ⚠` : value;
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}

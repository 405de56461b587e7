import { agrees, ConditionAnalyzer, MAX_SCENARIOS, Scenario } from './conditions';
import { coverRows, Row } from './covering';

/**
 * Scenarios for a resource with more than MAX_SCENARIOS of them (docs/scenarios.md). Its
 * conditions split into independent groups (no shared parameter, pseudo parameter or unknown
 * part), so any choice of one scenario per group is a real, consistent scenario. Instead of
 * giving up on every `Fn::If` of the resource, the views come from rows of a covering array
 * over the groups: a check whose values depend on at most `strength` groups still sees every
 * combination of their scenarios, and only a group that alone has too many scenarios stays
 * undecided (its `Fn::If`s are unknown).
 */

export interface ScenarioGroup {
  conditions: string[];
  /** Its consistent scenarios; one empty scenario when it alone has more than MAX_SCENARIOS. */
  scenarios: Scenario[];
}

export interface ScenarioPlan {
  groups: ScenarioGroup[];
  /** One scenario index per group, per row. */
  rows: Row[];
  /** The scenario of each row. */
  scenarios: Scenario[];
  /** Groups a check may read and still see every combination (`Infinity`: all rows). */
  strength: number;
}

/** Conditions in groups that share no dependency, in first-seen order. */
export function independentGroups(analyzer: ConditionAnalyzer, conditions: Iterable<string>): string[][] {
  const names = [...conditions];
  const parent = names.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  const owner = new Map<string, number>();
  names.forEach((name, i) => {
    for (const dependency of analyzer.dependencies(name)) {
      const j = owner.get(dependency);
      if (j === undefined) owner.set(dependency, i);
      else parent[Math.max(root(i), root(j))] = Math.min(root(i), root(j));
    }
  });
  const groups = new Map<number, string[]>();
  names.forEach((name, i) => {
    const r = root(i);
    const group = groups.get(r);
    if (group) group.push(name);
    else groups.set(r, [name]);
  });
  return [...groups.values()];
}

/**
 * The plan for a resource's conditions. `condition` is the resource's own `Condition`: its
 * group keeps only the scenarios where it holds (all of them if it never does), before the rows
 * are chosen, so the rows still cover everything.
 */
export function planScenarios(analyzer: ConditionAnalyzer, conditions: ReadonlySet<string>, condition?: string): ScenarioPlan {
  const groups = independentGroups(analyzer, conditions).map((names): ScenarioGroup => {
    let scenarios = analyzer.scenariosFor(new Set(names));
    if (scenarios.length === 1 && scenarios[0].conditionsUnknown) scenarios = [{ ...scenarios[0], conditionsUnknown: false }];
    if (condition !== undefined && names.includes(condition)) {
      const existing = scenarios.filter((s) => s.assignment.get(condition) !== false);
      if (existing.length) scenarios = existing;
    }
    return { conditions: names, scenarios };
  });
  const cover = coverRows(
    groups.map((g) => g.scenarios.length),
    MAX_SCENARIOS,
  );
  return { groups, rows: cover.rows, scenarios: cover.rows.map((row) => combine(groups, row)), strength: cover.strength };
}

/** Which scenarios of each group of a plan agree with another scenario. */
export interface Agreement {
  /** Per group, the indexes of its scenarios that agree. */
  allowed: number[][];
  /** Identifies `allowed`: the same key, the same agreeing scenarios. */
  key: string;
}

export function agreement(plan: ScenarioPlan, other: Scenario): Agreement {
  const allowed = plan.groups.map((g) => g.scenarios.flatMap((s, i) => (agrees(s, other) ? [i] : [])));
  return { allowed, key: allowed.map((a) => a.join('.')).join('|') };
}

/**
 * The scenarios of a planned resource that agree with another scenario on shared conditions.
 * Filtering the rows alone could lose combinations, or every row, when the other scenario
 * decides conditions of several groups: the rows that agree are kept (`rows`, indexes into the
 * plan's) and completed (`extra`) to a cover of the agreeing group scenarios.
 */
export function agreeingScenarios(plan: ScenarioPlan, { allowed }: Agreement): { rows: number[]; extra: Scenario[] } {
  if (allowed.some((a) => a.length === 0)) return { rows: [], extra: [] };
  const rows = plan.rows.flatMap((row, r) => (row.every((v, g) => allowed[g].includes(v)) ? [r] : []));
  if (allowed.every((a, g) => a.length === plan.groups[g].scenarios.length)) return { rows, extra: [] };
  const seeds = rows.map((r) => plan.rows[r].map((v, g) => allowed[g].indexOf(v)));
  const cover = coverRows(
    allowed.map((a) => a.length),
    MAX_SCENARIOS,
    seeds,
  );
  return {
    rows,
    extra: cover.rows.map((row) =>
      combine(
        plan.groups,
        row.map((k, g) => allowed[g][k]),
      ),
    ),
  };
}

/** One scenario from one scenario per group: groups decide disjoint conditions and parameters. */
function combine(groups: readonly ScenarioGroup[], row: Row): Scenario {
  const assignment = new Map<string, boolean>();
  const params = new Map<string, ReadonlySet<string>>();
  groups.forEach((g, i) => {
    const s = g.scenarios[row[i]];
    for (const [k, v] of s.assignment) assignment.set(k, v);
    for (const [k, v] of s.params) params.set(k, v);
  });
  return { assignment, params, conditionsUnknown: false };
}

import { agrees, ConditionAnalyzer, Scenario } from './conditions';
import { conditionsIn } from './values';
import { planScenarios } from './scenario-plan';
import type { SNode } from '../parse/source-tree';

/**
 * The scenarios in which a node's `Fn::If`s are decided, where a scenario leaves them open (SAM
 * `Globals`, read outside any resource's scenarios; a group of conditions too busy for a
 * resource's views). Each is the given scenario with the open conditions decided, consistently
 * with the conditions it already decides that share a parameter with them: the scenarios of
 * `ConditionAnalyzer`, as views are made, past 64 the rows of a plan (docs/scenarios.md).
 * `[scenario]` when nothing is open.
 */
export function branchScenarios(analyzer: ConditionAnalyzer, node: SNode, scenario: Scenario): Scenario[] {
  const open = [...conditionsIn(node)].filter((c) => scenario.conditionsUnknown || !scenario.assignment.has(c));
  if (!open.length) return [scenario];
  const decided = scenario.conditionsUnknown ? [] : [...scenario.assignment.keys()];
  const openDependencies = new Set(open.flatMap((c) => analyzer.dependencies(c)));
  const related = decided.filter((c) => analyzer.dependencies(c).some((d) => openDependencies.has(d)));
  const names = new Set([...open, ...related]);
  let found = analyzer.scenariosFor(names);
  if (found.length === 1 && found[0].conditionsUnknown) found = planScenarios(analyzer, names).scenarios;
  const out: Scenario[] = [];
  for (const s of found) if (agrees(s, scenario)) out.push(merge(scenario, s));
  return out;
}

/** `base` with what `more` decides: its conditions, and its narrowing of parameters (intersected where both narrow). */
function merge(base: Scenario, more: Scenario): Scenario {
  const assignment = new Map(base.conditionsUnknown ? [] : base.assignment);
  for (const [k, v] of more.assignment) assignment.set(k, v);
  const params = new Map(base.params);
  for (const [k, v] of more.params) {
    const mine = params.get(k);
    const both = mine ? new Set([...v].filter((x) => mine.has(x))) : v;
    params.set(k, both.size ? both : v);
  }
  return { assignment, params, conditionsUnknown: false };
}

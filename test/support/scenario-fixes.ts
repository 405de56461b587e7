/**
 * "Fixes never change other scenarios" (issue 15, point 1): a fix offered for a finding on an
 * `Fn::If` branch may change its resource's `Properties` only in the scenarios where that branch
 * is taken. Each fix is applied, the text parsed again, and the resource resolved by the engine's
 * evaluator in every scenario where the finding's conditions do not hold, before and after.
 */
import { applyEdits, editsForFix, lintText, parseSource, RuleRegistry, Template } from '../../rules/src/index';
import type { Diagnostic, Fix } from '../../rules/src/index';
import { ConditionAnalyzer, Scenario } from '../../rules/src/evaluate/conditions';
import { planScenarios } from '../../rules/src/evaluate/scenario-plan';
import { ABSENT, conditionsIn, Resolved, Resolver } from '../../rules/src/evaluate/values';
import { isMap, isSeq, SNode } from '../../rules/src/parse/source-tree';

export interface BranchCondition {
  condition: string;
  value: boolean;
}

/** One fix of one finding, checked. */
export interface FixCheck {
  file: string;
  rule: string;
  title: string;
  safe: boolean;
  /** The only fix of its finding and safe: the editor marks it preferred. */
  preferred: boolean;
  /** Scenarios where the finding's conditions do not hold that were compared. */
  compared: number;
  /** Those whose resolved `Properties` differ after the fix. */
  changed: string[];
  /** Why it was not checked (no edits, no longer a template…). */
  skipped?: string;
}

/** Titles of fixes that say they change every scenario (they replace the whole `Fn::If`). */
export const EVERY_SCENARIO_TITLE = /every scenario|all scenarios|whatever the condition|in every case/i;

/** The conditions that lead to the finding: `data.conditions`, else its `(when A is true and B is false)`. */
export function findingConditions(d: Diagnostic): BranchCondition[] {
  const data = d.data as { conditions?: BranchCondition[] } | undefined;
  if (data?.conditions?.length) return data.conditions;
  const when = /\(when ((?:\w+ is (?:true|false)(?: and )?)+)\)/.exec(d.message);
  if (!when) return [];
  return when[1].split(' and ').map((part) => {
    const [condition, , value] = part.split(' ');
    return { condition, value: value === 'true' };
  });
}

/** A template node as JSON (intrinsics in long form). */
function nodeJson(node: SNode): unknown {
  if (isSeq(node)) return node.items.map(nodeJson);
  if (isMap(node)) return Object.fromEntries(node.pairs.map((p) => [String(p.key.value), nodeJson(p.value)]));
  return node.value;
}

/** A resolved value as plain JSON: maps, lists, a leaf's candidate values, an unknown's expression. */
export function plain(r: Resolved | undefined): unknown {
  if (r === undefined || r === ABSENT) return { absent: true };
  switch (r.kind) {
    case 'map':
      return Object.fromEntries([...r.entries].map(([k, e]) => [k, plain(e.value)]));
    case 'seq':
      return r.items.map(plain);
    case 'leaf':
      return r.candidates.length === 1 ? r.candidates[0].value : { oneOf: r.candidates.map((c) => c.value) };
    default:
      return { unknown: nodeJson(r.node) };
  }
}

function resolvedProperties(template: Template, id: string, scenario: Scenario): unknown {
  const props = template.resources.get(id)?.properties;
  return props ? plain(new Resolver(template, scenario).resolve(props, ['Resources', id, 'Properties'])) : { absent: true };
}

/** Every scenario of the conditions either version of the resource uses (past 64, the rows of a plan). */
function scenariosOf(before: Template, after: Template, id: string): Scenario[] {
  const names = new Set<string>();
  for (const t of [before, after]) {
    const r = t.resources.get(id);
    conditionsIn(r?.properties, names);
    if (r?.condition) names.add(r.condition);
  }
  const analyzer = new ConditionAnalyzer(after);
  const all = analyzer.scenariosFor(names);
  return all.length === 1 && all[0].conditionsUnknown ? planScenarios(analyzer, names).scenarios : all;
}

const describeScenario = (s: Scenario): string => [...s.assignment].map(([k, v]) => `${k}=${v}`).join(', ');

/** Checks every fix of a finding on a branch; [] for a finding that is not on one or has no fixes. */
export function checkFinding(file: string, text: string, before: Template, d: Diagnostic): FixCheck[] {
  const conditions = findingConditions(d);
  if (!conditions.length || !d.fixes.length || d.path[0] !== 'Resources' || typeof d.path[1] !== 'string') return [];
  const id = d.path[1];
  const source = before.source;
  return d.fixes.map((fix: Fix): FixCheck => {
    const check: FixCheck = { file, rule: d.rule, title: fix.title, safe: fix.safe, preferred: d.fixes.length === 1 && fix.safe, compared: 0, changed: [] };
    const edits = editsForFix(source, fix);
    if (!edits.length) return { ...check, skipped: 'no edits' };
    const fixedText = applyEdits(text, edits);
    const parsed = parseSource(fixedText, file);
    if (parsed.errors.length || !isMap(parsed.root)) return { ...check, skipped: 'does not parse' };
    const after = new Template(parsed, file);
    if (!after.resources.has(id)) return { ...check, skipped: 'resource gone' };
    for (const s of scenariosOf(before, after, id)) {
      // The other branch: some condition leading to the finding goes the other way.
      if (!conditions.some((c) => s.assignment.get(c.condition) === !c.value)) continue;
      check.compared++;
      const was = JSON.stringify(resolvedProperties(before, id, s));
      const is = JSON.stringify(resolvedProperties(after, id, s));
      if (was !== is) check.changed.push(describeScenario(s));
    }
    return check;
  });
}

/** Lints a template and checks every fix of every finding on a branch. */
export function checkTemplate(file: string, text: string, registry: RuleRegistry): FixCheck[] {
  const result = lintText(text, file, registry);
  if (!result.parsed || result.diagnostics.some((d) => d.rule === 'template-parse-error')) return [];
  const before = result.parsed;
  return result.diagnostics.filter((d) => !d.suppressed).flatMap((d) => checkFinding(file, text, before, d));
}

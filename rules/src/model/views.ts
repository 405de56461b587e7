import { agrees, ConditionAnalyzer, Scenario } from '../evaluate/conditions';
import { agreeingScenarios, agreement, planScenarios, ScenarioPlan } from '../evaluate/scenario-plan';
import { branchScenarios } from '../evaluate/branch-scenarios';
import { ABSENT, conditionsIn, RNode, Resolver } from '../evaluate/values';
import type { Path, SNode } from '../parse/source-tree';
import { ResourceInfo, Template } from '../template/template';
import { DEFAULT_SETTINGS, Settings } from '../engine/config';
import { ProductionDetector } from './production';
import type { DerivedKey, ResourceView, TemplateReader } from './reader';

/**
 * Resources as rules see them: one view per scenario, resolved once per template. The lint run
 * reads through this, and so can other pure consumers of a template (the inventory).
 */
export class TemplateViews {
  private readonly analyzer: ConditionAnalyzer;
  private readonly cache = new Map<string, ResourceView[]>();
  /** Resources with more than MAX_SCENARIOS scenarios: their views are rows of a plan. */
  private readonly plans = new Map<string, ScenarioPlan>();
  /** viewsIn answers for planned resources, by resource and agreeing group scenarios. */
  private readonly agreeing = new Map<string, ResourceView[]>();
  private readonly derivedValues = new Map<DerivedKey<unknown>, unknown>();

  constructor(readonly template: Template) {
    this.analyzer = new ConditionAnalyzer(template);
  }

  /** One view per scenario of a resource (usually one). */
  views(resource: ResourceInfo): ResourceView[] {
    let views = this.cache.get(resource.id);
    if (views) return views;
    // A resource with a Condition exists only where it holds: its views live in those scenarios.
    const conditions = conditionsIn(resource.properties);
    if (resource.condition) conditions.add(resource.condition);
    let scenarios = this.analyzer.scenariosFor(conditions);
    if (scenarios.length === 1 && scenarios[0].conditionsUnknown) {
      // Too many scenarios together: cover independent groups of conditions instead (scenario-plan.ts).
      const plan = planScenarios(this.analyzer, conditions, resource.condition);
      this.plans.set(resource.id, plan);
      scenarios = plan.scenarios;
    } else if (resource.condition) {
      const existing = scenarios.filter((s) => s.assignment.get(resource.condition!) !== false);
      if (existing.length) scenarios = existing;
    }
    views = scenarios.map((scenario) => this.view(resource, scenario));
    this.cache.set(resource.id, views);
    return views;
  }

  private view(resource: ResourceInfo, scenario: Scenario): ResourceView {
    const path = ['Resources', resource.id, 'Properties'];
    let resolved = resource.properties ? new Resolver(this.template, scenario).resolve(resource.properties, path) : undefined;
    if (resolved === ABSENT) resolved = undefined;
    return { resource, scenario, props: resolved && resolved.kind === 'map' ? resolved : undefined, path };
  }

  /** Views of every resource of the given types. */
  viewsOf(...types: string[]): ResourceView[] {
    return this.template.ofType(...types).flatMap((r) => this.views(r));
  }

  /** Views of another resource that agree with a scenario on shared conditions. */
  viewsIn(id: string, scenario: Scenario): ResourceView[] {
    const other = this.template.resources.get(id);
    if (!other) return [];
    const views = this.views(other);
    const plan = this.plans.get(id);
    if (!plan) return views.filter((v) => agrees(v.scenario, scenario));
    // Its own views where they agree (the same objects), plus views completing their cover.
    const agreed = agreement(plan, scenario);
    const key = `${id}\u0000${agreed.key}`;
    let answer = this.agreeing.get(key);
    if (!answer) {
      const { rows, extra } = agreeingScenarios(plan, agreed);
      answer = [...rows.map((r) => views[r]), ...extra.map((s) => this.view(other, s))];
      this.agreeing.set(key, answer);
    }
    return answer;
  }

  /** Resolves any node of the template in a scenario. */
  resolve(node: SNode, path: Path, scenario: Scenario): RNode | undefined {
    const r = new Resolver(this.template, scenario).resolve(node, path);
    return r === ABSENT ? undefined : r;
  }

  /** A template-wide value computed once (TemplateReader.derived); not stored when `compute` throws. */
  derived<T>(key: DerivedKey<T>, compute: () => T): T {
    if (this.derivedValues.has(key)) return this.derivedValues.get(key) as T;
    const value = compute();
    this.derivedValues.set(key, value);
    return value;
  }

  /** The scenario with the `Fn::If`s of a node that it leaves open decided, one per way they can go (evaluate/branch-scenarios.ts). */
  branchScenarios(node: SNode, scenario: Scenario): Scenario[] {
    return branchScenarios(this.analyzer, node, scenario);
  }
}

/** A template read outside a lint run (the inventory): the views, the graph and production detection exactly as rules see them. */
export function readTemplate(template: Template, settings: Settings = DEFAULT_SETTINGS, views = new TemplateViews(template)): TemplateReader {
  const production = new ProductionDetector(template, settings.production);
  return {
    template,
    settings,
    resources: (...types) => template.ofType(...types),
    views: (r) => views.views(r),
    viewsOf: (...types) => views.viewsOf(...types),
    resolve: (node, path, scenario) => views.resolve(node, path, scenario),
    viewsIn: (id, scenario) => views.viewsIn(id, scenario),
    branchScenarios: (node, scenario) => views.branchScenarios(node, scenario),
    isProduction: (r) => production.isProduction(r),
    derived: (key, compute) => views.derived(key, compute),
  };
}

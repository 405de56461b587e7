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
  /** Views by logical id, with the resource they were resolved for. */
  private readonly cache = new Map<string, { resource: ResourceInfo; views: ResourceView[] }>();
  /** Resources with more than MAX_SCENARIOS scenarios: their views are rows of a plan. */
  private readonly plans = new Map<string, ScenarioPlan>();
  /** viewsIn answers for planned resources, by resource and agreeing group scenarios. */
  private readonly agreeing = new Map<string, ResourceView[]>();
  private readonly derivedValues = new Map<DerivedKey<unknown>, unknown>();

  constructor(
    readonly template: Template,
    analyzer?: ConditionAnalyzer,
  ) {
    this.analyzer = analyzer ?? new ConditionAnalyzer(template);
  }

  /**
   * The views of a template's next version that an edit left alone, carried over from the
   * views of the version before: a resource's views are a function of its own node, the
   * template's other sections and the set of logical ids (`Resolver` reads nothing else), so
   * when those sections are the very same nodes (parse/graft.ts keeps unchanged subtrees) the
   * views of a resource whose node is the same object are still right. The condition analyzer
   * is carried with them, so scenarios stay the same objects across versions.
   */
  static continuing(previous: TemplateViews | undefined, template: Template, change = previous && resourceChanges(previous.template, template)): TemplateViews {
    if (!previous || !change) return new TemplateViews(template);
    const next = new TemplateViews(template, previous.analyzer);
    for (const [id, old] of previous.cache) {
      const resource = template.resources.get(id);
      if (!resource || change.ids.has(id)) continue;
      next.cache.set(id, { resource, views: old.views.map((v) => ({ ...v, resource })) });
      const plan = previous.plans.get(id);
      if (plan) next.plans.set(id, plan);
    }
    return next;
  }

  /** One view per scenario of a resource (usually one). */
  views(resource: ResourceInfo): ResourceView[] {
    const cached = this.cache.get(resource.id);
    if (cached && cached.resource === resource) return cached.views;
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
    const views = scenarios.map((scenario) => this.view(resource, scenario));
    this.cache.set(resource.id, { resource, views });
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

/** The resources an edit changed between two versions of a template, and their types (before and after). */
export interface TemplateChange {
  ids: ReadonlySet<string>;
  types: ReadonlySet<string>;
}

/**
 * What changed between two versions whose parses share their unchanged nodes (parse/graft.ts):
 * the resources whose node is not the same object. Undefined when more than resources changed
 * (another section, the logical ids, a parameter's supplied value): then anything may have.
 * Resources a `Fn::ForEach` loop generates count as changed.
 */
export function resourceChanges(before: Template, after: Template): TemplateChange | undefined {
  if (!sameContext(before, after)) return undefined;
  const ids = new Set<string>();
  const types = new Set<string>();
  for (const [id, now] of after.resources) {
    const then = before.resources.get(id)!;
    if (now.node === then.node && !now.origin && !then.origin) continue;
    ids.add(id);
    if (then.type) types.add(then.type);
    if (now.type) types.add(now.type);
  }
  return { ids, types };
}

/**
 * Whether two versions of a template give every resource the same context: the same sections
 * besides `Resources` (the same node objects), the same logical ids and the same parameters
 * (supplied values included).
 */
function sameContext(a: Template, b: Template): boolean {
  if (a.fileName !== b.fileName || a.root.pairs.length !== b.root.pairs.length) return false;
  for (let i = 0; i < a.root.pairs.length; i++) {
    const pa = a.root.pairs[i]!;
    const pb = b.root.pairs[i]!;
    if (pa.key.value !== pb.key.value) return false;
    if (pa.key.value !== 'Resources' && pa.value !== pb.value) return false;
  }
  if (a.resources.size !== b.resources.size) return false;
  for (const id of a.resources.keys()) if (!b.resources.has(id)) return false;
  if (a.parameters.size !== b.parameters.size) return false;
  for (const [name, p] of a.parameters) {
    const q = b.parameters.get(name);
    if (!q || q.node !== p.node || q.supplied?.from !== p.supplied?.from) return false;
    if (scalarOf(q.defaultNode) !== scalarOf(p.defaultNode) || q.allowedValues.length !== p.allowedValues.length) return false;
    if (q.allowedValues.some((v, i) => scalarOf(v) !== scalarOf(p.allowedValues[i]))) return false;
  }
  return true;
}

/** A parameter's value node as a comparable value (its node itself when it is not a scalar). */
function scalarOf(node: SNode | undefined): unknown {
  return node?.kind === 'scalar' ? node.value : node;
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

import type { Scenario } from '../evaluate/conditions';
import type { RMap, RNode } from '../evaluate/values';
import type { Path, SNode } from '../parse/source-tree';
import type { ResourceInfo, Template } from '../template/template';
import type { Settings } from '../engine/config';

/** One resource as seen in one scenario. */
export interface ResourceView {
  resource: ResourceInfo;
  scenario: Scenario;
  /** The resolved `Properties` (undefined when absent or not a known mapping). */
  props: RMap | undefined;
  /** Template path of `Properties`. */
  path: Path;
}

/**
 * A template as rules and the inventory read it: resolved views per scenario, the graph, and
 * production detection. Read-only; a rule's context extends it with reporting.
 */
export interface TemplateReader {
  readonly template: Template;
  readonly settings: Settings;
  /** Resources of the given types, in document order. */
  resources(...types: string[]): ResourceInfo[];
  /** One view per scenario of a resource (usually one). */
  views(resource: ResourceInfo): ResourceView[];
  /** Views of every resource of the given types. */
  viewsOf(...types: string[]): ResourceView[];
  /** Resolves any node of the template in a scenario. */
  resolve(node: SNode, path: Path, scenario: Scenario): RNode | undefined;
  /** Views of another resource that agree with a scenario on shared conditions. */
  viewsIn(resourceId: string, scenario: Scenario): ResourceView[];
  /**
   * The scenario with the conditions of a node's `Fn::If`s that it leaves open decided, one per
   * consistent way (`[scenario]` when it decides them all): for a value read outside a resource's
   * views (SAM `Globals`) or in a group of conditions too busy for them.
   */
  branchScenarios(node: SNode, scenario: Scenario): Scenario[];
  /** Whether a resource (or, without one, the template) is production (README, "Configuration"). */
  isProduction(resource?: ResourceInfo): boolean;
  /**
   * A value derived from the whole template through this reader (every certificate use, say),
   * computed once per lint and shared by the rules that read it: `key` names the derivation.
   */
  derived<T>(key: DerivedKey<T>, compute: () => T): T;
}

/** Names one derivation of `TemplateReader.derived` (a module-level constant). */
export interface DerivedKey<T> {
  readonly name: string;
  /** Never set: ties the key to its value type. */
  readonly __type?: T;
}

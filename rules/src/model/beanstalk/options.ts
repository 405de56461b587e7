import { CLASSIC_LOADBALANCER } from '../../data/beanstalk-options';
import type { RMap, RNode } from '../../evaluate/values';
import { entry } from '../../evaluate/values';
import type { ResourceView, TemplateReader } from '../reader';

/**
 * Elastic Beanstalk `OptionSettings` ({Namespace, OptionName, Value}) indexed by namespace and
 * option, values resolved through intrinsics. An Environment's `TemplateName` (and a
 * ConfigurationTemplate's `SourceConfiguration.TemplateName`) pointing at a ConfigurationTemplate
 * of this template layers that template's options under its own (options set on the resource
 * itself win, as in Elastic Beanstalk). A base that is not in the template, or an item whose
 * namespace or option name is not known, makes the set incomplete: absence is then unknown.
 */

export const ENVIRONMENT = 'AWS::ElasticBeanstalk::Environment';
export const CONFIGURATION_TEMPLATE = 'AWS::ElasticBeanstalk::ConfigurationTemplate';
export const BEANSTALK_TYPES = [ENVIRONMENT, CONFIGURATION_TEMPLATE] as const;

export interface OptionSource {
  resourceId: string;
  /** The resolved `OptionSettings` list, where an added option goes. */
  list: RNode | undefined;
  entries: OptionEntry[];
  /** Every item has a known namespace and option name. */
  complete: boolean;
}

export interface OptionEntry {
  namespace: string;
  option: string;
  /** The resolved `Value` (undefined when the item has none). */
  value: RNode | undefined;
  item: RMap;
  source: OptionSource;
}

/** An option's state: set (by these entries), known unset (its default applies), or unknown. */
export type Lookup = { state: 'set'; entries: OptionEntry[] } | { state: 'unset' } | { state: 'unknown' };

export class OptionSet {
  constructor(
    /** Highest precedence first. */
    readonly sources: readonly OptionSource[],
    /** False when a base configuration is outside the template (or unknown). */
    readonly chainKnown: boolean,
  ) {}

  get complete(): boolean {
    return this.chainKnown && this.sources.every((s) => s.complete);
  }

  get(namespace: string, option: string): Lookup {
    const ns = namespace.toLowerCase();
    for (const source of this.sources) {
      const entries = source.entries.filter((e) => e.namespace.toLowerCase() === ns && e.option === option);
      if (entries.length) return { state: 'set', entries };
      // An unknown item of a source that takes precedence could be this option.
      if (!source.complete) return { state: 'unknown' };
    }
    return this.chainKnown ? { state: 'unset' } : { state: 'unknown' };
  }

  /** Known namespaces (lower case) that start with a prefix. */
  namespaces(prefix: string): string[] {
    const p = prefix.toLowerCase();
    const out = new Set<string>();
    for (const s of this.sources) for (const e of s.entries) if (e.namespace.toLowerCase().startsWith(p)) out.add(e.namespace.toLowerCase());
    return [...out];
  }
}

/** Single known text of a leaf (numbers and booleans as text), else undefined. */
export function leafText(n: RNode | undefined): string | undefined {
  if (!n || n.kind !== 'leaf') return undefined;
  const values = [...new Set(n.candidates.map((c) => (c.value === null ? undefined : String(c.value).trim())))];
  return values.length === 1 ? values[0] : undefined;
}

/**
 * Every possible text value of an option: its entries' candidates, or the default when unset;
 * undefined when unknown (or some entry's value is not a known leaf).
 */
export function optionTexts(l: Lookup, fallback?: string): string[] | undefined {
  if (l.state === 'unknown') return undefined;
  if (l.state === 'unset') return fallback === undefined ? [] : [fallback];
  const out: string[] = [];
  for (const e of l.entries) {
    if (!e.value || e.value.kind !== 'leaf') return undefined;
    for (const c of e.value.candidates) if (c.value !== null) out.push(String(c.value).trim());
  }
  return out;
}

/** Whether a port option's text turns the port off (`OFF`, or `false` where YAML read an unquoted OFF). */
export function isPortOff(text: string): boolean {
  return (CLASSIC_LOADBALANCER.offValues as readonly string[]).includes(text.toUpperCase());
}

/** The one value an option certainly has (case-folded when asked), else undefined. */
export function optionValue(l: Lookup, fallback: string | undefined, fold = false): string | undefined {
  const texts = optionTexts(l, fallback)?.map((t) => (fold ? t.toLowerCase() : t));
  if (!texts || !texts.length) return undefined;
  return texts.every((t) => t === texts[0]) ? texts[0] : undefined;
}

/** `ListenerEnabled`-style flag: true/false when every candidate agrees, else undefined. */
export function optionFlag(l: Lookup, fallback: boolean): boolean | undefined {
  const v = optionValue(l, String(fallback), true);
  return v === 'true' ? true : v === 'false' ? false : undefined;
}

function sourceOf(view: ResourceView): OptionSource {
  const list = entry(view.props, 'OptionSettings');
  const source: OptionSource = { resourceId: view.resource.id, list, entries: [], complete: true };
  if (list === undefined) return source;
  if (list.kind !== 'seq') {
    source.complete = false;
    return source;
  }
  for (const item of list.items) {
    const namespace = item.kind === 'map' ? leafText(entry(item, 'Namespace')) : undefined;
    const option = item.kind === 'map' ? leafText(entry(item, 'OptionName')) : undefined;
    if (item.kind !== 'map' || namespace === undefined || option === undefined) {
      source.complete = false;
      continue;
    }
    source.entries.push({ namespace, option, value: entry(item, 'Value'), item, source });
  }
  return source;
}

/** The node naming a resource's base configuration template, if it has one. */
function baseReference(view: ResourceView): { node: RNode | undefined; present: boolean } {
  if (view.resource.type === ENVIRONMENT) {
    const node = entry(view.props, 'TemplateName');
    return { node, present: node !== undefined };
  }
  const sourceConfig = entry(view.props, 'SourceConfiguration');
  // A template based on an environment's live configuration: not knowable from here.
  if (entry(view.props, 'EnvironmentId') !== undefined) return { node: undefined, present: true };
  if (sourceConfig === undefined) return { node: undefined, present: false };
  return { node: entry(sourceConfig, 'TemplateName'), present: true };
}

/** The in-template ConfigurationTemplate a resource builds on (by `Ref`), if any. */
export function baseTemplateId(ctx: TemplateReader, view: ResourceView): string | undefined {
  const { node } = baseReference(view);
  const id = node && node.kind === 'unknown' ? node.ref : undefined;
  return id && ctx.template.resources.get(id)?.type === CONFIGURATION_TEMPLATE ? id : undefined;
}

const MAX_CHAIN = 8;

/** The option sets of a resource in one scenario (several only when a base has several scenarios). */
export function optionSets(ctx: TemplateReader, view: ResourceView, seen: ReadonlySet<string> = new Set()): OptionSet[] {
  const own = sourceOf(view);
  const ref = baseReference(view);
  if (!ref.present) return [new OptionSet([own], true)];
  const baseId = baseTemplateId(ctx, view);
  if (!baseId || seen.has(baseId) || seen.size >= MAX_CHAIN) return [new OptionSet([own], false)];
  const next = new Set(seen).add(view.resource.id);
  const bases = ctx.viewsIn(baseId, view.scenario).flatMap((b) => optionSets(ctx, b, next));
  if (!bases.length) return [new OptionSet([own], false)];
  return bases.map((b) => new OptionSet([own, ...b.sources], b.chainKnown));
}

/** ConfigurationTemplates of this template that another Beanstalk resource builds on. */
export function referencedTemplates(ctx: TemplateReader): Set<string> {
  const out = new Set<string>();
  for (const view of ctx.viewsOf(...BEANSTALK_TYPES)) {
    const id = baseTemplateId(ctx, view);
    if (id) out.add(id);
  }
  return out;
}

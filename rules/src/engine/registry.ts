import { Template } from '../template/template';
import { Settings } from './config';
import { Rule, RuleMeta, SeverityOrOff } from './types';

/** Base URL of the rule documentation pages (docs/rules/<id>.md). */
export const DOCS_BASE_URL = 'https://github.com/cfn-tls-lint/cfn-tls-lint/blob/main/docs/rules/';

export function docsUrl(id: string): string {
  return `${DOCS_BASE_URL}${id}.md`;
}

/** Rules by id and by resource type, so a template pays only for the rules its types need. */
export class RuleRegistry {
  readonly byId = new Map<string, Rule>();
  readonly metas = new Map<string, RuleMeta>();
  private readonly byType = new Map<string, Rule[]>();
  private readonly everyTemplate: Rule[] = [];

  constructor(rules: readonly Rule[], engineMetas: readonly RuleMeta[] = []) {
    for (const m of engineMetas) this.metas.set(m.id, m);
    for (const rule of rules) {
      if (this.metas.has(rule.meta.id)) throw new Error(`duplicate rule id ${rule.meta.id}`);
      this.byId.set(rule.meta.id, rule);
      this.metas.set(rule.meta.id, rule.meta);
      if (rule.meta.resourceTypes === '*') this.everyTemplate.push(rule);
      else {
        for (const t of rule.meta.resourceTypes) {
          let list = this.byType.get(t);
          if (!list) this.byType.set(t, (list = []));
          list.push(rule);
        }
      }
    }
  }

  severityOf(id: string, settings: Settings): SeverityOrOff {
    return settings.rules.get(id)?.severity ?? this.metas.get(id)?.severity ?? 'off';
  }

  /** Enabled rules that apply to the template's resource types, each once, in registration order. */
  rulesFor(template: Template, settings: Settings): Rule[] {
    const picked = new Set<Rule>(this.everyTemplate);
    for (const type of template.resourcesByType.keys()) for (const r of this.byType.get(type) ?? []) picked.add(r);
    const order = [...this.byId.values()];
    return order.filter((r) => picked.has(r) && this.severityOf(r.meta.id, settings) !== 'off');
  }

  /** Every rule's metadata, sorted by id. */
  allMetas(): RuleMeta[] {
    return [...this.metas.values()].sort((a, b) => a.id.localeCompare(b.id));
  }
}

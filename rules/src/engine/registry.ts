import { peerKey } from '../data/peers';
import { ENGINE_RULE_METAS } from './engine-rules';
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
  /** Peer id (as `peerKey` spells it) -> our rules whose `meta.peers` name it. */
  private readonly byPeer = new Map<string, string[]>();

  /** The rules to run; the engine's own findings (template-parse-error, suppression-without-reason) are always there. */
  constructor(rules: readonly Rule[]) {
    for (const m of ENGINE_RULE_METAS) this.addMeta(m);
    for (const rule of rules) {
      if (this.metas.has(rule.meta.id)) throw new Error(`duplicate rule id ${rule.meta.id}`);
      this.byId.set(rule.meta.id, rule);
      this.addMeta(rule.meta);
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

  private addMeta(m: RuleMeta): void {
    this.metas.set(m.id, m);
    for (const peer of m.peers) {
      const key = peerKey(peer);
      const list = this.byPeer.get(key);
      if (!list) this.byPeer.set(key, [m.id]);
      else if (!list.includes(m.id)) list.push(m.id);
    }
  }

  /** Our rules that cover a peer tool's check id (for peer suppressions); [] for an id no rule names. */
  rulesForPeer(id: string): readonly string[] {
    return typeof id === 'string' ? (this.byPeer.get(peerKey(id)) ?? []) : [];
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

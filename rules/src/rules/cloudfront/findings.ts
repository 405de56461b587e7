import type { Report, Rule, RuleContext, Severity } from '../../engine/types';

const RANK: Readonly<Record<Severity, number>> = { info: 0, warning: 1, error: 2 };

/**
 * Collects one rule's reports over every scenario and reports each place once with its
 * strongest severity (the engine keeps the first report of a place, so a scenario reporting
 * `info` first must not hide another reporting `warning`). Related information is merged.
 */
export class Findings {
  private readonly byKey = new Map<string, Report>();

  constructor(private readonly ctx: RuleContext) {}

  add(r: Report): void {
    const key = `${r.key ?? r.path.join('\u0001')}\u0000${r.target ?? 'value'}`;
    const severity = r.severity ?? this.ctx.severity;
    const prev = this.byKey.get(key);
    if (!prev) {
      this.byKey.set(key, { ...r, severity });
      return;
    }
    const related = [...(prev.related ?? []), ...(r.related ?? [])];
    const stronger = RANK[severity] > RANK[prev.severity ?? this.ctx.severity];
    this.byKey.set(key, { ...(stronger ? { ...r, severity } : prev), related });
  }

  flush(): void {
    for (const r of this.byKey.values()) this.ctx.report(r);
    this.byKey.clear();
  }
}

/**
 * The severity for a trigger that rules.md grades differently from the rule's default: used only
 * while the rule runs at its default severity, so a configured severity always wins.
 */
export function triggerSeverity(ctx: RuleContext, rule: Rule, severity: Severity): Severity {
  return ctx.severity === rule.meta.severity ? severity : ctx.severity;
}

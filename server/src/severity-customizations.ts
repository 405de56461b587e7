import type { Severity } from '../../rules/src/index';

/**
 * `cfnTlsLint.rulesCustomizations` (as vscode-eslint's `eslint.rules.customizations`): the
 * severity the editor shows, remapped by rule id pattern, for the editor only (the CLI and CI keep
 * the configured severities). A pattern is a rule id, `*`, a prefix (`acm-*`), or any of them
 * after `!` (every rule it does not match). The last matching entry wins.
 */
export type CustomSeverity = Severity | 'off' | 'downgrade' | 'upgrade' | 'default';

export interface SeverityCustomization {
  rule: string;
  severity: CustomSeverity;
}

const VALUES: ReadonlySet<string> = new Set(['error', 'warning', 'info', 'off', 'downgrade', 'upgrade', 'default']);
const DOWN: Record<Severity, Severity> = { error: 'warning', warning: 'info', info: 'info' };
const UP: Record<Severity, Severity> = { info: 'warning', warning: 'error', error: 'error' };

/** The well-formed entries of the setting's value (anything else is passed over). */
export function parseCustomizations(raw: unknown): SeverityCustomization[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(
    (e): e is SeverityCustomization =>
      e !== null && typeof e === 'object' && typeof (e as SeverityCustomization).rule === 'string' && VALUES.has((e as SeverityCustomization).severity),
  );
}

function matches(pattern: string, rule: string): boolean {
  if (pattern.startsWith('!')) return !matches(pattern.slice(1), rule);
  if (pattern === '*') return true;
  return pattern.endsWith('*') ? rule.startsWith(pattern.slice(0, -1)) : pattern === rule;
}

/** The severity to show for a finding, or 'off' to show none. */
export function customizedSeverity(rule: string, severity: Severity, customizations: readonly SeverityCustomization[]): Severity | 'off' {
  let chosen: CustomSeverity = 'default';
  for (const c of customizations) if (matches(c.rule, rule)) chosen = c.severity;
  switch (chosen) {
    case 'default':
      return severity;
    case 'downgrade':
      return DOWN[severity];
    case 'upgrade':
      return UP[severity];
    default:
      return chosen;
  }
}

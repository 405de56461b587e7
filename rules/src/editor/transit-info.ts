import { transitSetting, TransitSetting } from '../data/transit-settings';
import type { Verdict } from '../data/verdict';
import type { Path } from '../parse/source-tree';
import { propertyPathOf } from './node-at-offset';
import type { PolicyChoice } from './policy-info';

/**
 * What the editor says about TLS-in-transit settings (ElastiCache, MSK, DMS, EFS volumes …):
 * the table of rules/src/data/transit-settings.ts, looked up by resource type and property.
 */

/** The setting a template path names (`Resources/<id>/Properties/…/<property>`, through `Fn::If` branches), if it is one. */
export function transitSettingAt(resourceType: string | undefined, path: Path): TransitSetting | undefined {
  const names = propertyPathOf(path)?.filter((s) => !/^\d+$/.test(s));
  return names ? transitSetting(resourceType, names[names.length - 1], names[names.length - 2]) : undefined;
}

const MARK: Record<Verdict, string> = { recommended: '✓', acceptable: '·', weak: '⚠' };

/** Hover Markdown for a setting, with the value under the cursor when there is one. */
export function describeTransitSetting(setting: TransitSetting, value?: unknown): string {
  const lines = [`**${setting.property}** (TLS in transit): ${setting.about}`, '', `When absent: ${setting.absent}.`];
  const current = value === undefined ? undefined : setting.values.find((v) => v.value === String(value));
  if (current) lines.push('', `${MARK[current.verdict]} \`${current.value}\`: ${current.note}.`);
  else lines.push('', setting.values.map((v) => `- ${MARK[v.verdict]} \`${v.value}\`: ${v.note}`).join('\n'));
  lines.push('', `Checked by \`${setting.rule}\`.`);
  return lines.join('\n');
}

/** The setting's values as completion choices, recommended first. */
export function transitChoices(setting: TransitSetting): PolicyChoice[] {
  const rank: Record<Verdict, number> = { recommended: 0, acceptable: 1, weak: 2 };
  return [...setting.values]
    .sort((a, b) => rank[a.verdict] - rank[b.verdict])
    .map((v) => ({ name: v.value, verdict: v.verdict, detail: `${v.note} · ${v.verdict === 'weak' ? 'weak' : v.verdict}`, notes: [] }));
}

import type { RuleMeta } from '../engine/types';

/** A KICS query id: a UUID, labelled on the page so that a reader knows the tool. */
const KICS_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The header table of a rule's page (docs/rules/<id>.md), from its `meta`: the page never
 * disagrees with the rule. `scripts/rule-pages.js` writes it; the catalogue test checks it.
 */
export function ruleDocHeader(meta: RuleMeta): string {
  const docs = meta.docs ?? {};
  const severity = docs.severityNote ? `${meta.severity} (${docs.severityNote})` : meta.severity;
  const fixable = meta.fixable ? (docs.fixNote ? `yes (${docs.fixNote})` : 'yes') : 'no';
  const types = docs.appliesTo ?? (meta.resourceTypes === '*' ? 'any template' : meta.resourceTypes.map((t) => `\`${t}\``).join(', '));
  const peers = meta.peers.length ? meta.peers.map((p) => (KICS_ID.test(p) ? `${p} (KICS)` : p)).join(', ') : '—';
  return ['| Severity | Fixable | Resource types | Peers |', '|---|---|---|---|', `| ${severity} | ${fixable} | ${types} | ${peers} |`].join('\n');
}

/** The page with its header table replaced (the three lines after the title). */
export function withDocHeader(page: string, meta: RuleMeta): string {
  const lines = page.split('\n');
  const at = lines.findIndex((l) => l.startsWith('| Severity |'));
  if (at < 0) throw new Error(`docs/rules/${meta.id}.md has no header table`);
  lines.splice(at, 3, ...ruleDocHeader(meta).split('\n'));
  return lines.join('\n');
}

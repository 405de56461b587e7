/**
 * The inventory as a Markdown report: the summary first, then one table of certificates and one
 * of endpoints across all templates (a template column), empty sections left out. Cells are
 * short: long names keep their start and end, lists wrap one item a line and stop after a few.
 */
import { tlsLabel } from '../data/tls';
import { MAX_LABEL, shortenMiddle } from './labels';
import type { CertificateEntry, CertificateLocator, EndpointEntry, InventoryReport, TemplateInventory } from './model';
import { certificateKindText, detailsParts, endpointKindText, findingTexts, floorText, settingText, tagsText } from './text';

/** Longest text of a cell item (a name: MAX_LABEL); list items past MAX_ITEMS are counted, not shown. */
const MAX_CELL_TEXT = 80;
const MAX_ITEMS = 5;

/** A part of a cell: plain text (escaped), or a code span. */
type Part = string | { code: string };

/** Plain text for a table: one line, characters Markdown would read as emphasis, HTML or a cell end escaped. */
function escapeText(s: string): string {
  return s.replace(/\r?\n/g, ' ').replace(/[\\*<>|`]/g, (c) => `\\${c}`);
}

function codeSpan(s: string): string {
  return s ? `\`${s.replace(/`/g, "'").replace(/\|/g, '\\|')}\`` : '';
}

function render(p: Part): string {
  return typeof p === 'string' ? escapeText(p) : codeSpan(p.code);
}

/** A cell of items, one a line (`<br>`), at most MAX_ITEMS of them, each shortened. */
function lines(items: readonly Part[][], max = MAX_ITEMS): string {
  const shown = items.slice(0, max).map((parts) => parts.map((p) => render(short(p))).join(''));
  if (items.length > max) shown.push(`+${items.length - max} more`);
  return shown.join('<br>');
}

function short(p: Part): Part {
  return typeof p === 'string' ? shortenMiddle(p, MAX_CELL_TEXT) : { code: shortenMiddle(p.code, MAX_LABEL) };
}

const text = (s: string): Part[][] => (s ? [[s]] : []);
const each = (items: readonly string[]): Part[][] => items.map((s) => [s]);
const codes = (items: readonly string[]): Part[][] => items.map((s) => [{ code: s }]);

function table(header: string[], rows: string[][]): string[] {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

function section(title: string, header: string[], rows: string[][]): string[] {
  return rows.length ? [title, '', ...table(header, rows), ''] : [];
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The template cell: its file, and whether it is production. */
function templateCell(t: TemplateInventory): string {
  return lines([[{ code: t.file }], ...(t.production ? [['production']] : [])]);
}

function labelOf(t: TemplateInventory | undefined, key: string): string {
  return t?.certificates.find((x) => x.key === key)?.label ?? key.replace(/^[a-z]+:/, '');
}

function certificateRow(t: TemplateInventory, c: CertificateEntry): string[] {
  const usedBy = [...new Set(c.consumers.map((u) => u.endpoint))];
  const settings = [
    c.validation ? `validation: ${settingText(c.validation)}` : '',
    c.keyAlgorithm ? `key: ${settingText(c.keyAlgorithm)}` : '',
    c.transparencyLogging ? `CT logging: ${settingText(c.transparencyLogging)}` : '',
  ].filter(Boolean);
  const notes: Part[][] = [...(c.issuer ? [['issued by ', { code: labelOf(t, c.issuer) }]] : []), ...each(detailsParts(c))];
  return [
    lines([[{ code: c.label }, ` (line ${c.line})`]]),
    templateCell(t),
    escapeText(certificateKindText(c)),
    lines([...each(c.domains), ...(c.domainsComplete || !c.domains.length ? [] : [['…']])]),
    lines(each(settings)),
    lines(text(tagsText(c.tags))),
    usedBy.length ? lines(codes(usedBy)) : c.issues.length ? lines([['issues'], ...codes(c.issues.map((k) => labelOf(t, k)))]) : 'unused',
    lines(notes),
    lines(each(findingTexts(c.findings))),
  ];
}

function endpointRow(t: TemplateInventory, e: EndpointEntry): string[] {
  const listens = [e.protocols.join(' / ') || 'unknown', e.ports.join(' / ')].filter(Boolean).join(' ');
  return [
    lines([[{ code: e.key }, ` (line ${e.line})`]]),
    templateCell(t),
    escapeText(endpointKindText(e)),
    escapeText(listens),
    lines(each(settingText(e.policy).split(' / '))),
    escapeText(floorText(e)),
    lines(codes(e.certificates.map((k) => labelOf(t, k)))),
    lines(each(e.domains)),
    lines(each(detailsParts(e))),
    lines(each(findingTexts(e.findings))),
  ];
}

function summarySections(report: InventoryReport): string[] {
  const s = report.summary;
  const byFile = new Map(report.templates.map((t) => [t.file, t] as const));
  const where = (l: CertificateLocator): Part[] => [{ code: labelOf(byFile.get(l.file), l.key) }, ' in ', { code: l.file }];
  const sections = [
    ...section(
      '### Endpoints below TLS 1.2',
      ['Endpoint', 'Template', 'TLS floor', 'Policy'],
      s.weakEndpoints.map((w) => [lines(codes([w.endpoint])), lines(codes([w.file])), tlsLabel(w.tlsFloor), lines(each(w.policy))]),
    ),
    ...section(
      '### Email validation (renewal waits on someone approving an email)',
      ['Certificate', 'Domains', 'Validation'],
      s.emailValidation.map((e) => [lines([where(e.certificate)]), lines(each(e.domains)), e.default ? 'EMAIL (default: no ValidationMethod)' : 'EMAIL']),
    ),
    ...section(
      '### Domains covered by more than one certificate',
      ['Domain', 'Certificates'],
      s.sharedDomains.map((d) => [escapeText(d.domain), lines(d.certificates.map(where))]),
    ),
    ...section(
      '### Wildcard names',
      ['Domain', 'Certificate', 'Production'],
      s.wildcards.map((w) => [escapeText(w.domain), lines([where(w.certificate)]), w.production ? 'yes' : 'no']),
    ),
  ];
  return sections.length ? ['## Summary', '', ...sections] : [];
}

export function inventoryMarkdown(report: InventoryReport): string {
  const s = report.summary;
  const failed = report.templates.filter((t) => t.error);
  const counts = [plural(s.templates, 'template'), plural(s.certificates, 'certificate'), plural(s.endpoints, 'endpoint')];
  if (s.weakEndpoints.length) counts.push(`${s.weakEndpoints.length} below TLS 1.2`);
  if (failed.length) counts.push(`${failed.length} not inventoried`);
  const out = ['# TLS certificate and endpoint inventory', '', `${counts.join(', ')}.`, '', ...summarySections(report)];
  out.push(
    ...section(
      `## Certificates (${s.certificates})`,
      ['Certificate', 'Template', 'Kind', 'Domains', 'Settings', 'Tags', 'Used by', 'Notes', 'Findings'],
      report.templates.flatMap((t) => t.certificates.map((c) => certificateRow(t, c))),
    ),
    ...section(
      `## Endpoints (${s.endpoints})`,
      ['Endpoint', 'Template', 'Type', 'Listens', 'Policy', 'TLS floor', 'Certificates', 'Domains', 'Notes', 'Findings'],
      report.templates.flatMap((t) => t.endpoints.map((e) => endpointRow(t, e))),
    ),
  );
  if (failed.length) out.push('## Templates not inventoried', '', ...failed.map((t) => `- ${codeSpan(t.file)}: ${escapeText(t.error ?? '')}`), '');
  while (out[out.length - 1] === '') out.pop();
  return out.join('\n') + '\n';
}

/** The inventory as a Markdown report: two tables per template, then the cross-template summary. */
import { tlsLabel } from '../data/tls';
import type { CertificateLocator, InventoryReport, TemplateInventory } from './model';
import { certificateKindText, detailsText, domainsText, endpointKindText, findingsText, floorText, settingText, tagsText } from './text';

/**
 * A table cell: one line, pipes escaped; outside code spans, characters Markdown would read as
 * emphasis or HTML (`*.example.com`, `Value<String>`) are escaped too.
 */
function cell(s: string): string {
  return s
    .replace(/\r?\n/g, ' ')
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 ? part : part.replace(/[\\*<>]/g, (c) => `\\${c}`)))
    .join('')
    .replace(/\|/g, '\\|');
}

function code(s: string): string {
  return s ? `\`${s.replace(/`/g, "'")}\`` : '';
}

function table(header: string[], rows: string[][]): string[] {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)];
}

function certificateName(t: TemplateInventory | undefined, key: string): string {
  const c = t?.certificates.find((x) => x.key === key);
  return code(c ? c.name : key);
}

function templateSection(t: TemplateInventory): string[] {
  const out = [`## ${code(t.file)}`, ''];
  if (t.error) return [...out, `Not inventoried: ${t.error}`, ''];
  if (t.production) out.push('Production template.', '');
  out.push('### Certificates', '');
  if (!t.certificates.length) out.push('None.', '');
  else {
    const rows = t.certificates.map((c) => [
      `${code(c.name)} (line ${c.line})`,
      certificateKindText(c),
      domainsText(c),
      settingText(c.validation),
      settingText(c.keyAlgorithm),
      settingText(c.transparencyLogging),
      tagsText(c.tags),
      [...new Set(c.consumers.map((u) => u.endpoint))].map(code).join(', ') ||
        (c.issues.length ? `issues ${c.issues.map((k) => certificateName(t, k)).join(', ')}` : 'unused'),
      [c.issuer ? `issued by ${certificateName(t, c.issuer)}` : '', detailsText(c)].filter(Boolean).join('; '),
      findingsText(c.findings),
    ]);
    out.push(...table(['Certificate', 'Kind', 'Domains', 'Validation', 'Key algorithm', 'CT logging', 'Tags', 'Used by', 'Notes', 'Findings'], rows), '');
  }
  out.push('### Endpoints', '');
  if (!t.endpoints.length) out.push('None.', '');
  else {
    const rows = t.endpoints.map((e) => [
      `${code(e.key)} (line ${e.line})`,
      endpointKindText(e),
      e.protocols.join(' / ') || 'unknown',
      e.ports.join(' / '),
      settingText(e.policy),
      floorText(e),
      e.certificates.map((k) => certificateName(t, k)).join(', '),
      e.domains.join(', '),
      detailsText(e),
      findingsText(e.findings),
    ]);
    out.push(...table(['Endpoint', 'Type', 'Protocol', 'Port', 'Policy', 'TLS floor', 'Certificates', 'Domains', 'Notes', 'Findings'], rows), '');
  }
  return out;
}

function summarySection(report: InventoryReport): string[] {
  const s = report.summary;
  const byFile = new Map(report.templates.map((t) => [t.file, t] as const));
  const where = (l: CertificateLocator): string => `${certificateName(byFile.get(l.file), l.key)} in ${code(l.file)}`;
  const section = (title: string, header: string[], rows: string[][]): string[] => [`### ${title}`, '', ...(rows.length ? table(header, rows) : ['None.']), ''];
  return [
    '## Summary',
    '',
    `${s.templates} template${s.templates === 1 ? '' : 's'}, ${s.certificates} certificate${s.certificates === 1 ? '' : 's'}, ${s.endpoints} endpoint${s.endpoints === 1 ? '' : 's'}.`,
    '',
    ...section(
      'Domains covered by more than one certificate',
      ['Domain', 'Certificates'],
      s.sharedDomains.map((d) => [d.domain, d.certificates.map(where).join(', ')]),
    ),
    ...section(
      'Wildcard names',
      ['Domain', 'Certificate', 'Production'],
      s.wildcards.map((w) => [w.domain, where(w.certificate), w.production ? 'yes' : 'no']),
    ),
    ...section(
      'Email validation (renewal waits on someone approving an email)',
      ['Certificate', 'Domains', 'Validation'],
      s.emailValidation.map((e) => [where(e.certificate), e.domains.join(', '), e.default ? 'EMAIL (default: no ValidationMethod)' : 'EMAIL']),
    ),
    ...section(
      'Endpoints below TLS 1.2',
      ['Endpoint', 'Template', 'TLS floor', 'Policy'],
      s.weakEndpoints.map((w) => [code(w.endpoint), code(w.file), tlsLabel(w.tlsFloor), w.policy.join(' / ')]),
    ),
  ];
}

export function inventoryMarkdown(report: InventoryReport): string {
  const lines = ['# TLS certificate and endpoint inventory', '', ...report.templates.flatMap(templateSection), ...summarySection(report)];
  while (lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n') + '\n';
}

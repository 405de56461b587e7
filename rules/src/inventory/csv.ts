/**
 * The inventory as CSV (RFC 4180 quoting, `\n` line ends): one row per endpoint and certificate
 * it presents; an endpoint without a certificate, and a certificate nothing uses, get a row of their own.
 */
import type { CertificateEntry, EndpointEntry, InventoryReport } from './model';
import { certificateKindText, detailsText, domainsText, endpointKindText, findingsText, floorText, settingText, tagsText } from './text';

export const CSV_COLUMNS = [
  'file',
  'endpoint',
  'endpoint_type',
  'endpoint_line',
  'protocols',
  'ports',
  'policy',
  'tls_floor',
  'plaintext',
  'endpoint_domains',
  'endpoint_notes',
  'endpoint_findings',
  'certificate',
  'certificate_kind',
  'certificate_line',
  'certificate_domains',
  'validation',
  'key_algorithm',
  'transparency_logging',
  'tags',
  'certificate_findings',
] as const;

function quote(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

function endpointCells(e: EndpointEntry | undefined): string[] {
  if (!e) return Array(11).fill('');
  return [
    e.key,
    endpointKindText(e),
    String(e.line),
    e.protocols.join(' / '),
    e.ports.join(' / '),
    settingText(e.policy),
    floorText(e),
    e.plaintext ? 'yes' : 'no',
    e.domains.join(', '),
    detailsText(e),
    findingsText(e.findings),
  ];
}

function certificateCells(c: CertificateEntry | undefined): string[] {
  if (!c) return Array(9).fill('');
  return [
    c.label,
    certificateKindText(c),
    String(c.line),
    domainsText(c),
    settingText(c.validation),
    settingText(c.keyAlgorithm),
    settingText(c.transparencyLogging),
    tagsText(c.tags),
    findingsText(c.findings),
  ];
}

export function inventoryCsv(report: InventoryReport): string {
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const t of report.templates) {
    const byKey = new Map(t.certificates.map((c) => [c.key, c] as const));
    for (const e of t.endpoints) {
      if (!e.certificates.length) rows.push([t.file, ...endpointCells(e), ...certificateCells(undefined)]);
      for (const k of e.certificates) rows.push([t.file, ...endpointCells(e), ...certificateCells(byKey.get(k))]);
    }
    for (const c of t.certificates) if (!c.consumers.length) rows.push([t.file, ...endpointCells(undefined), ...certificateCells(c)]);
  }
  return rows.map((r) => r.map(quote).join(',')).join('\n') + '\n';
}

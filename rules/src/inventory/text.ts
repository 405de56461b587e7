/** How the Markdown and CSV reports spell the inventory's values (one wording for both). */
import { tlsLabel } from '../data/tls';
import type { CertificateEntry, EndpointEntry, EndpointKind, InventoryFinding, Setting } from './model';

const CERTIFICATE_KINDS: Record<CertificateEntry['kind'], string> = {
  acm: 'ACM',
  iam: 'IAM server certificate',
  'private-ca': 'Private CA',
  unknown: 'unknown',
};

const ENDPOINT_KINDS: Record<EndpointKind, string> = {
  'elbv2-listener': 'ELBv2 listener',
  'elbv2-listener-certificate': 'ELBv2 listener certificate',
  'elb-listener': 'Classic ELB listener',
  'cloudfront-distribution': 'CloudFront distribution',
  'cloudfront-behaviour': 'CloudFront behaviour',
  'apigw-domain': 'API Gateway domain',
  'appsync-domain': 'AppSync domain',
  'cognito-domain': 'Cognito domain',
  'opensearch-domain': 'OpenSearch domain',
  'beanstalk-listener': 'Beanstalk listener',
  'elasticache-cluster': 'ElastiCache cluster',
  'memorydb-cluster': 'MemoryDB cluster',
  'dax-cluster': 'DAX cluster',
  'msk-cluster': 'MSK cluster',
  'rds-proxy': 'RDS proxy',
  'dms-endpoint': 'DMS endpoint',
  'ses-configuration-set': 'SES configuration set',
  'vpc-lattice-listener': 'VPC Lattice listener',
  'lambda-function-url': 'Lambda function URL',
};

/** `DNS`, `EMAIL (default)`, `not set`, `unknown`, `n/a`. */
export function settingText(s: Setting | null): string {
  if (!s) return 'n/a';
  if (!s.values.length) return s.default ? 'not set' : 'unknown';
  return s.values.join(' / ') + (s.default ? ' (default)' : '');
}

export function certificateKindText(c: CertificateEntry): string {
  const how = c.type ? `${c.source}, ${c.type}` : c.source;
  return `${CERTIFICATE_KINDS[c.kind]} (${how})`;
}

export function endpointKindText(e: EndpointEntry): string {
  return ENDPOINT_KINDS[e.kind];
}

export function domainsText(c: { domains: string[]; domainsComplete?: boolean }): string {
  const list = c.domains.join(', ');
  return c.domainsComplete === false && c.domains.length ? `${list}, …` : list;
}

export function tagsText(tags: Record<string, string | null> | null): string {
  if (!tags) return '';
  return Object.entries(tags)
    .map(([k, v]) => `${k}=${v ?? '?'}`)
    .join(', ');
}

export function floorText(e: EndpointEntry): string {
  if (e.tlsFloor) return tlsLabel(e.tlsFloor);
  if (e.tls === 'no') return e.plaintext ? 'none (plain HTTP)' : 'none';
  return 'unknown';
}

/**
 * `elbv2-ssl-policy-weak (warning, line 12)`, one per rule and severity: a rule that reports on
 * several lines reads `acm-missing-tags (info, lines 14, 20)`.
 */
export function findingTexts(findings: readonly InventoryFinding[]): string[] {
  const groups = new Map<string, { head: string; lines: number[] }>();
  for (const f of findings) {
    const head = `${f.rule} (${f.severity}${f.suppressed ? ', suppressed' : ''}`;
    const g = groups.get(head) ?? { head, lines: [] };
    if (!g.lines.includes(f.line)) g.lines.push(f.line);
    groups.set(head, g);
  }
  return [...groups.values()].map((g) => `${g.head}, line${g.lines.length > 1 ? 's' : ''} ${g.lines.join(', ')})`);
}

/** The findings, joined. */
export function findingsText(findings: readonly InventoryFinding[]): string {
  return findingTexts(findings).join('; ');
}

/** Kind-specific facts, one each: `loadBalancer: Alb`, `redirectsToHttps: yes`. */
export function detailsParts(e: { details: Record<string, string[]>; defaultCertificate?: boolean }): string[] {
  const parts = Object.entries(e.details).map(([k, v]) => `${k}: ${v.join(' / ')}`);
  if (e.defaultCertificate) parts.unshift('default certificate');
  return parts;
}

/** Kind-specific facts: `loadBalancer: Alb; redirectsToHttps: yes`. */
export function detailsText(e: { details: Record<string, string[]>; defaultCertificate?: boolean }): string {
  return detailsParts(e).join('; ');
}

/**
 * The "TLS Inventory" tree as data (no `vscode` here, so it is unit-tested): certificates ->
 * consumers -> findings, and endpoints grouped by TLS floor -> findings. The tree view
 * (inventory-tree.ts) only turns these nodes into TreeItems.
 */
import type {
  EditorCertificate,
  EditorConsumer,
  EditorEndpoint,
  EditorFinding,
  EditorInventoryReport,
  EditorTemplateInventory,
  LspRange,
} from '../../server/src/protocol';
import {
  DEFAULT_MINIMUM_TLS,
  isBelow,
  TLS_FLOORS,
  TlsFloor,
  floorGroup,
  endpointKindText,
  type Severity,
  type CertificateKind,
  type CertificateSource,
  type EndpointKind,
} from '../../rules/src/index';

/** How a node is coloured: by its worst finding, or by its TLS floor. */
export type Tone = 'error' | 'warning' | 'info' | 'good';

export interface InventoryNode {
  /** Stable across refreshes (the tree keeps expansion by it). */
  id: string;
  label: string;
  description?: string;
  /** Markdown. */
  tooltip?: string;
  /** A codicon id. */
  icon: string;
  tone?: Tone;
  /** Where a click takes the user. */
  location?: { uri: string; range: LspRange };
  children: InventoryNode[];
  expanded?: boolean;
  /** For the tree's context menus (`viewItem`). */
  contextValue: 'section' | 'certificate' | 'consumer' | 'floor' | 'endpoint' | 'finding';
}

const CERTIFICATE_ICONS: Record<CertificateKind, string> = { acm: 'verified', iam: 'key', 'private-ca': 'organization', unknown: 'question' };
const CERTIFICATE_KINDS: Record<CertificateKind, string> = {
  acm: 'ACM certificate',
  iam: 'IAM server certificate',
  'private-ca': 'private CA',
  unknown: 'certificate',
};
const SOURCES: Record<CertificateSource, string> = { resource: 'resource', parameter: 'parameter', literal: 'ARN written in place', expression: 'expression' };

const ENDPOINT_ICONS: Record<EndpointKind, string> = {
  'elbv2-listener': 'plug',
  'elbv2-listener-certificate': 'plug',
  'elb-listener': 'plug',
  'cloudfront-distribution': 'globe',
  'cloudfront-behaviour': 'arrow-right',
  'apigw-domain': 'cloud',
  'appsync-domain': 'cloud',
  'cognito-domain': 'person',
  'opensearch-domain': 'search',
  'beanstalk-listener': 'server',
  'elasticache-cluster': 'database',
  'memorydb-cluster': 'database',
  'dax-cluster': 'database',
  'msk-cluster': 'radio-tower',
  'rds-proxy': 'database',
  'dms-endpoint': 'arrow-swap',
  'ses-configuration-set': 'mail',
  'vpc-lattice-listener': 'plug',
  'lambda-function-url': 'link',
};

/** Floor groups in the order shown: plain HTTP and the weakest first. */
const GROUPS: readonly string[] = ['plaintext', ...TLS_FLOORS, 'unknown'];

export function groupLabel(group: string): string {
  if (group === 'plaintext') return 'Plaintext allowed';
  if (group === 'unknown') return 'Unknown';
  return group === 'SSLv3' ? 'SSLv3' : `TLS ${group}`;
}

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** The tree's top level; empty when the workspace has no certificate and no endpoint (the view then shows its welcome text). */
export function inventoryNodes(report: EditorInventoryReport | null | undefined): InventoryNode[] {
  if (!report) return [];
  const certificates = report.templates.flatMap((t) => t.certificates.map((c) => certificateNode(t, c)));
  const endpoints = report.templates.flatMap((t) => t.endpoints.map((e) => ({ group: floorGroup(e), node: endpointNode(t, e) })));
  if (!certificates.length && !endpoints.length) return [];
  const groups = GROUPS.map((g) =>
    floorNode(
      g,
      endpoints.filter((e) => e.group === g).map((e) => e.node),
    ),
  ).filter((g) => g.children.length);
  // A section first drawn empty (the scan had not reached a template yet) has no expansion state;
  // VS Code keeps the state it drew for an id, so a section that fills later gets a new id and
  // opens expanded instead of staying collapsed.
  return [
    {
      id: certificates.length ? 'certificates' : 'certificates:empty',
      label: 'Certificates',
      description: String(certificates.length),
      icon: 'shield',
      children: certificates,
      expanded: true,
      contextValue: 'section',
    },
    {
      id: groups.length ? 'endpoints' : 'endpoints:empty',
      label: 'Endpoints by TLS floor',
      description: String(endpoints.length),
      icon: 'lock',
      children: groups,
      expanded: true,
      contextValue: 'section',
    },
  ];
}

/** "3 certificates · 2 below TLS 1.2" for the view's title bar. */
export function inventoryDescription(report: EditorInventoryReport | null): string | undefined {
  if (!report) return undefined;
  const { certificates, weakEndpoints } = report.summary;
  const plain = report.templates.reduce((n, t) => n + t.endpoints.filter((e) => floorGroup(e) === 'plaintext').length, 0);
  const parts = [`${certificates} certificate${certificates === 1 ? '' : 's'}`];
  if (weakEndpoints.length) parts.push(`${weakEndpoints.length} below TLS 1.2`);
  if (plain) parts.push(`${plain} plaintext allowed`);
  return parts.join(' · ');
}

function certificateNode(t: EditorTemplateInventory, c: EditorCertificate): InventoryNode {
  const id = `cert:${t.file}:${c.key}`;
  const findings = visible(c.findings).map((f, i) => findingNode(`${id}:f${i}`, t, f));
  const consumers = c.consumers.map((u) => consumerNode(id, t, c, u));
  const children = [...findings, ...consumers];
  const what = c.domains.length
    ? listed(c.domains, 3)
    : c.source === 'resource'
      ? CERTIFICATE_KINDS[c.kind]
      : `${SOURCES[c.source]}, ${CERTIFICATE_KINDS[c.kind]}`;
  const unused = c.source === 'resource' && c.kind !== 'private-ca' && !c.consumers.length;
  const lines = [
    `**${escape(c.label)}**: ${CERTIFICATE_KINDS[c.kind]}${c.type ? `, ${c.type}` : ''} (${c.source}${c.resourceType ? ` \`${c.resourceType}\`` : ''})`,
    c.domains.length
      ? `Domains: ${c.domains.map((d) => `\`${d}\``).join(', ')}${c.domainsComplete ? '' : ' (and names not known from the template)'}`
      : undefined,
    setting('Validation', c.validation),
    setting('Key algorithm', c.keyAlgorithm),
    setting('Transparency logging', c.transparencyLogging),
    c.consumers.length ? `Used by: ${[...new Set(c.consumers.map((u) => `\`${u.endpoint}\``))].join(', ')}` : unused ? 'Not used in this template' : undefined,
    `${escape(t.file)}, line ${c.line}`,
  ];
  return {
    id,
    label: shorten(c.label),
    description: [what, unused ? 'unused' : undefined, t.file].filter(Boolean).join(' · '),
    tooltip: lines.filter(Boolean).join('\n\n'),
    icon: CERTIFICATE_ICONS[c.kind],
    tone: worst(children),
    location: { uri: t.uri, range: c.range },
    children,
    contextValue: 'certificate',
  };
}

function consumerNode(parent: string, t: EditorTemplateInventory, c: EditorCertificate, u: EditorConsumer): InventoryNode {
  const id = `${parent}:use:${u.endpoint}:${u.path.join('.')}`;
  // The consumer property's findings, and those of the endpoint that presents the certificate.
  const endpoint = t.endpoints.find((e) => e.key === u.endpoint);
  const findings = dedupe([...u.findings, ...(endpoint?.findings ?? [])]);
  const children = findings.map((f, i) => findingNode(`${id}:f${i}`, t, f));
  return {
    id,
    label: u.endpoint,
    description: `${u.property} · line ${u.line}`,
    tooltip: `\`${escape(u.endpoint)}\` uses **${escape(c.label)}** through ${escape(u.property)}\n\n${escape(t.file)}, line ${u.line}`,
    icon: endpoint ? ENDPOINT_ICONS[endpoint.kind] : 'link',
    tone: worst(children),
    location: { uri: t.uri, range: u.range },
    children,
    contextValue: 'consumer',
  };
}

function floorNode(group: string, children: InventoryNode[]): InventoryNode {
  const floor = (TLS_FLOORS as readonly string[]).includes(group) ? (group as TlsFloor) : undefined;
  let tone: Tone | undefined;
  if (group === 'plaintext') tone = 'error';
  else if (floor && isBelow(floor, DEFAULT_MINIMUM_TLS)) tone = 'warning';
  else if (floor === '1.3') tone = 'good';
  const tooltips: Record<string, string> = {
    plaintext: 'Endpoints that clients can reach without TLS in some scenario (plain HTTP, a plaintext port, TLS only preferred), whatever their TLS floor.',
    unknown:
      'Endpoints whose lowest TLS version is not knowable from the template (a policy from an import, a parameter without allowed values, a service that sets it).',
  };
  return {
    id: `floor:${group}`,
    label: groupLabel(group),
    description: String(children.length),
    tooltip: tooltips[group] ?? `Endpoints whose weakest scenario accepts ${groupLabel(group)} and above.`,
    icon: group === 'plaintext' ? 'unlock' : group === 'unknown' ? 'question' : 'lock',
    tone,
    children,
    expanded: tone === 'error' || tone === 'warning',
    contextValue: 'floor',
  };
}

function endpointNode(t: EditorTemplateInventory, e: EditorEndpoint): InventoryNode {
  const id = `endpoint:${t.file}:${e.key}`;
  const children = visible(e.findings).map((f, i) => findingNode(`${id}:f${i}`, t, f));
  const redirects = e.details.redirectsToHttps?.length === 1 && e.details.redirectsToHttps[0] === 'yes';
  const listens = [e.protocols.join('/'), e.ports.join(', '), redirects ? '→ HTTPS' : undefined].filter(Boolean).join(' ');
  const lines = [
    `**${escape(e.key)}**: ${endpointKindText(e)}${e.resourceType ? ` (\`${e.resourceType}\`)` : ''}`,
    listens ? `Listens: ${listens}${e.plaintext && e.tls !== 'no' ? ' (plain HTTP too, in some scenario)' : ''}` : undefined,
    e.policy ? setting('Policy', e.policy) : undefined,
    `TLS floor: ${e.tlsFloor ? groupLabel(e.tlsFloor) : e.tls === 'no' ? 'no TLS' : 'unknown'}`,
    e.domains.length ? `Domains: ${e.domains.map((d) => `\`${d}\``).join(', ')}` : undefined,
    e.certificates.length ? `Certificates: ${e.certificates.map((k) => `\`${certificateLabel(t, k)}\``).join(', ')}` : undefined,
    e.defaultCertificate ? `Presents the service's default certificate in some scenario` : undefined,
    `${escape(t.file)}, line ${e.line}`,
  ];
  return {
    id,
    label: e.key,
    description: [listens, e.domains.length ? listed(e.domains, 2) : undefined, t.file].filter(Boolean).join(' · '),
    tooltip: lines.filter(Boolean).join('\n\n'),
    icon: ENDPOINT_ICONS[e.kind],
    tone: worst(children),
    location: { uri: t.uri, range: e.range },
    children,
    contextValue: 'endpoint',
  };
}

function findingNode(id: string, t: EditorTemplateInventory, f: EditorFinding): InventoryNode {
  return {
    id,
    label: firstSentence(f.message),
    description: `${f.rule} · line ${f.line}`,
    tooltip: `**${f.rule}** (${f.severity})\n\n${escape(f.message)}\n\n${escape(t.file)}, line ${f.line}`,
    icon: f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'info',
    tone: f.severity,
    location: { uri: t.uri, range: f.range },
    children: [],
    contextValue: 'finding',
  };
}

function visible(findings: readonly EditorFinding[]): EditorFinding[] {
  return findings.filter((f) => !f.suppressed);
}

function dedupe(findings: readonly EditorFinding[]): EditorFinding[] {
  const seen = new Set<string>();
  return visible(findings).filter((f) => {
    const k = `${f.rule}\u0000${f.path.join('\u0001')}\u0000${f.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The worst severity among the findings under a node. */
function worst(children: readonly InventoryNode[]): Tone | undefined {
  let best: Severity | undefined;
  for (const c of children) {
    const t = c.tone;
    if ((t === 'error' || t === 'warning' || t === 'info') && (!best || SEVERITY_RANK[t] > SEVERITY_RANK[best])) best = t;
  }
  return best;
}

function setting(label: string, s: { values: string[]; default: boolean } | null): string | undefined {
  if (!s) return undefined;
  const values = s.values.length ? s.values.map((v) => `\`${v}\``).join(', ') : 'unknown';
  return `${label}: ${values}${s.default ? (s.values.length ? ' (default)' : ' (not set)') : ''}`;
}

function listed(items: readonly string[], max: number): string {
  return items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} +${items.length - max}`;
}

/** At most `max` characters: the start and the end around `…` (an ARN keeps its id, a label its last branch). */
function shorten(s: string, max = 60): string {
  if (s.length <= max) return s;
  const tail = Math.floor((max - 1) / 3);
  return `${s.slice(0, max - 1 - tail)}…${s.slice(s.length - tail)}`;
}

/** How the view names a certificate of a template: its label (for a key it does not list, the key without its kind). */
function certificateLabel(t: EditorTemplateInventory, key: string): string {
  return t.certificates.find((c) => c.key === key)?.label ?? key.replace(/^[a-z]+:/, '');
}

/** The first sentence of a message, for a one-line label (the tooltip has all of it). */
export function firstSentence(message: string): string {
  const m = /^(.+?[.:])(\s|$)/.exec(message);
  const sentence = m ? m[1].replace(/[.:]$/, '') : message;
  return sentence.length <= 100 ? sentence : `${sentence.slice(0, 99)}…`;
}

/** Markdown special characters in names and messages shown as text. */
function escape(s: string): string {
  return s.replace(/[\\`*_{}[\]<>#|]/g, (c) => `\\${c}`);
}

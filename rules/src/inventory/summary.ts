/** The cross-template view of inventories: what several certificates share, and what is weak. */
import { DEFAULT_MINIMUM_TLS, isBelow } from '../data/tls';
import { CertificateEntry, CertificateLocator, EndpointEntry, INVENTORY_SCHEMA_VERSION, InventoryReport, InventorySummary, TemplateInventory } from './model';

/** The inventory document: templates and their summary. */
export function inventoryReport(templates: TemplateInventory[]): InventoryReport {
  return { version: INVENTORY_SCHEMA_VERSION, templates, summary: summarize(templates) };
}

/**
 * How the tree and reports group an endpoint: `plaintext` when clients may connect without TLS in
 * some scenario (whatever its TLS floor: plaintext is the weaker door), else its TLS floor, else `unknown`.
 */
export function floorGroup(e: EndpointEntry): string {
  if (e.plaintext) return 'plaintext';
  if (e.tlsFloor) return e.tlsFloor;
  return 'unknown';
}

function isWildcard(domain: string): boolean {
  return domain.startsWith('*.');
}

/** `www.example.com` -> `*.example.com`: the wildcard that covers a name (undefined for a single label or a wildcard). */
function coveringWildcard(domain: string): string | undefined {
  if (isWildcard(domain)) return undefined;
  const dot = domain.indexOf('.');
  return dot > 0 && domain.indexOf('.', dot + 1) > 0 ? `*${domain.slice(dot)}` : undefined;
}

interface Located {
  file: string;
  production: boolean;
  cert: CertificateEntry;
}

function acmCertificates(templates: readonly TemplateInventory[]): Located[] {
  return templates.flatMap((t) =>
    t.certificates.filter((c) => c.kind === 'acm' && c.source === 'resource').map((cert) => ({ file: t.file, production: t.production, cert })),
  );
}

const locator = (l: Located): CertificateLocator => ({ file: l.file, key: l.cert.key });

export function summarize(templates: readonly TemplateInventory[]): InventorySummary {
  const acm = acmCertificates(templates);
  // Names are case-insensitive: compare lower-cased.
  const holders = new Map<string, Located[]>();
  for (const l of acm) {
    for (const d of new Set(l.cert.domains.map((x) => x.toLowerCase()))) {
      const list = holders.get(d) ?? [];
      list.push(l);
      holders.set(d, list);
    }
  }
  const sharedDomains: InventorySummary['sharedDomains'] = [];
  for (const domain of [...holders.keys()].sort()) {
    const wildcard = coveringWildcard(domain);
    const covering = [...holders.get(domain)!, ...(wildcard ? (holders.get(wildcard) ?? []) : [])];
    const unique = [...new Set(covering)];
    if (unique.length > 1) sharedDomains.push({ domain, certificates: unique.map(locator) });
  }
  const wildcards = acm.flatMap((l) => l.cert.domains.filter(isWildcard).map((domain) => ({ domain, certificate: locator(l), production: l.production })));
  const emailValidation = acm
    .filter((l) => l.cert.validation?.values.some((v) => v.toUpperCase() === 'EMAIL'))
    .map((l) => ({ certificate: locator(l), domains: l.cert.domains, default: l.cert.validation!.default }));
  const weakEndpoints = templates.flatMap((t) =>
    t.endpoints
      .filter((e) => e.tlsFloor !== null && isBelow(e.tlsFloor, DEFAULT_MINIMUM_TLS))
      .map((e) => ({ file: t.file, endpoint: e.key, tlsFloor: e.tlsFloor!, policy: e.policy?.values ?? [] })),
  );
  return {
    templates: templates.length,
    certificates: templates.reduce((n, t) => n + t.certificates.length, 0),
    endpoints: templates.reduce((n, t) => n + t.endpoints.length, 0),
    sharedDomains,
    wildcards,
    emailValidation,
    weakEndpoints,
  };
}

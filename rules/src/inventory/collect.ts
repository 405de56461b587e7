/**
 * Accumulators: a certificate or endpoint is seen once per scenario (and per consumer); these
 * merge what each view says into one entry.
 */
import { compareTls, TlsFloor } from '../data/tls';
import type { RNode } from '../evaluate/values';
import type { Path } from '../parse/source-tree';
import { pathKey } from '../parse/source-tree';
import type { Template } from '../template/template';
import type { CertificateEntry, CertificateKind, CertificateSource, EndpointEntry, EndpointKind, Setting, TlsPresence } from './model';

/** Known texts of a leaf (numbers and booleans as text); undefined when not a known leaf. */
export function texts(n: RNode | undefined): string[] | undefined {
  if (!n || n.kind !== 'leaf') return undefined;
  return [...new Set(n.candidates.filter((c) => c.value !== null).map((c) => String(c.value)))];
}

/** The path up to the first intrinsic step: where a property is, whatever branch its value comes from. */
export function propertyPath(path: Path): Path {
  const i = path.findIndex((s) => typeof s === 'string' && s.startsWith('Fn::'));
  return i < 0 ? path : path.slice(0, i);
}

/** 1-based line of a path: the key for a resource or parameter, else the value. */
export function lineOf(template: Template, path: Path): number {
  const named = path.length === 2 && (path[0] === 'Resources' || path[0] === 'Parameters');
  return template.rangeOf(path, named ? 'key' : 'value').start.line + 1;
}

export function samePath(a: Path, b: Path): boolean {
  return a.length === b.length && pathStartsWith(a, b);
}

export function pathStartsWith(path: Path, prefix: Path): boolean {
  return prefix.length <= path.length && prefix.every((s, i) => s === path[i]);
}

class OrderedSet {
  readonly items: string[] = [];
  add(values: Iterable<string> | undefined): void {
    for (const v of values ?? []) if (!this.items.includes(v)) this.items.push(v);
  }
}

export class SettingAcc {
  private readonly values = new OrderedSet();
  private isDefault = false;

  /** Values of one scenario (undefined: not knowable there); `byDefault`: the property is absent. */
  add(values: string[] | undefined, byDefault = false): void {
    this.values.add(values);
    if (byDefault) this.isDefault = true;
  }

  toSetting(): Setting {
    return { values: [...this.values.items], default: this.isDefault };
  }
}

class Details {
  private readonly map = new Map<string, OrderedSet>();
  add(details: Record<string, string | string[] | undefined> | undefined): void {
    for (const [k, v] of Object.entries(details ?? {})) {
      if (v === undefined) continue;
      let set = this.map.get(k);
      if (!set) this.map.set(k, (set = new OrderedSet()));
      set.add(Array.isArray(v) ? v : [v]);
    }
  }
  toRecord(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const k of [...this.map.keys()].sort()) if (this.map.get(k)!.items.length) out[k] = [...this.map.get(k)!.items];
    return out;
  }
}

// ------------------------------------------------------------------ endpoints

/** What one view (scenario) says about an endpoint. */
export interface EndpointObservation {
  protocols?: string[];
  ports?: string[];
  /** The security policy; leave out for endpoints that have none. `values` undefined: not knowable. */
  policy?: { values: string[] | undefined; default?: boolean };
  /** Terminates TLS in this scenario (undefined: not knowable). */
  tls: boolean | undefined;
  /** Lowest TLS protocol accepted, when `tls` and known. */
  floor?: TlsFloor;
  plaintext?: boolean;
  domains?: string[];
  defaultCertificate?: boolean;
  details?: Record<string, string | string[] | undefined>;
}

export class EndpointAcc {
  /** Paths whose findings belong to this endpoint (most specific claim wins). */
  readonly claims: Path[] = [];
  /** Paths under which a certificate consumer value is this endpoint's (most specific claim wins). */
  readonly certificateClaims: Path[] = [];
  readonly certificates = new OrderedSet();
  private readonly protocols = new OrderedSet();
  private readonly ports = new OrderedSet();
  private readonly domains = new OrderedSet();
  private readonly details = new Details();
  private policy: SettingAcc | undefined;
  private readonly tlsSeen = new Set<'yes' | 'no' | 'unknown'>();
  private floor: TlsFloor | undefined;
  private floorUnknown = false;
  private plaintext = false;
  private defaultCertificate = false;

  constructor(
    readonly key: string,
    readonly kind: EndpointKind,
    readonly resource: string | null,
    readonly resourceType: string | null,
    readonly path: Path,
  ) {}

  /** Findings under this path belong to the endpoint (unless a more specific claim takes them). */
  claim(path: Path): void {
    if (!this.claims.some((c) => samePath(c, path))) this.claims.push(path);
  }

  /** Certificate consumer values under this path are the endpoint's. */
  claimCertificates(path: Path): void {
    if (!this.certificateClaims.some((c) => samePath(c, path))) this.certificateClaims.push(path);
  }

  observe(o: EndpointObservation): void {
    this.protocols.add(o.protocols);
    this.ports.add(o.ports);
    this.domains.add(o.domains);
    this.details.add(o.details);
    if (o.policy) (this.policy ??= new SettingAcc()).add(o.policy.values, o.policy.default);
    this.tlsSeen.add(o.tls === undefined ? 'unknown' : o.tls ? 'yes' : 'no');
    if (o.tls !== false) {
      if (o.floor === undefined) this.floorUnknown = true;
      else if (this.floor === undefined || compareTls(o.floor, this.floor) < 0) this.floor = o.floor;
    }
    if (o.plaintext) this.plaintext = true;
    if (o.defaultCertificate) this.defaultCertificate = true;
  }

  /** The entry, findings left empty (attached later). */
  toEntry(template: Template): EndpointEntry {
    return {
      key: this.key,
      kind: this.kind,
      resource: this.resource,
      resourceType: this.resourceType,
      path: this.path,
      line: lineOf(template, this.path),
      protocols: [...this.protocols.items],
      ports: [...this.ports.items],
      tls: this.tlsPresence(),
      plaintext: this.plaintext,
      policy: this.policy ? this.policy.toSetting() : null,
      // Not claimed when some TLS scenario's floor is unknown: the weakest could be lower.
      tlsFloor: this.floorUnknown ? null : (this.floor ?? null),
      domains: [...this.domains.items],
      certificates: [...this.certificates.items],
      defaultCertificate: this.defaultCertificate,
      details: this.details.toRecord(),
      findings: [],
    };
  }

  private tlsPresence(): TlsPresence {
    if (this.tlsSeen.has('unknown') || this.tlsSeen.size === 0) return 'unknown';
    if (this.tlsSeen.size === 2) return 'conditional';
    return this.tlsSeen.has('yes') ? 'yes' : 'no';
  }
}

/** Endpoints by key, in the order first seen. */
export class EndpointTable {
  private readonly byKey = new Map<string, EndpointAcc>();

  get(key: string, kind: EndpointKind, resource: string | null, resourceType: string | null, path: Path): EndpointAcc {
    let e = this.byKey.get(key);
    if (!e) this.byKey.set(key, (e = new EndpointAcc(key, kind, resource, resourceType, path)));
    return e;
  }

  find(key: string): EndpointAcc | undefined {
    return this.byKey.get(key);
  }

  all(): EndpointAcc[] {
    return [...this.byKey.values()];
  }
}

// ------------------------------------------------------------------ certificates

export interface CertificateIdentity {
  key: string;
  kind: CertificateKind;
  source: CertificateSource;
  name: string;
  /** How reports show it: the name, or the expression read as names (labels.ts). */
  label: string;
  resourceType: string | null;
  path: Path;
}

export class CertificateAcc {
  readonly domains = new OrderedSet();
  /** Only an ACM certificate of the template shows its names. */
  domainsComplete: boolean;
  readonly types = new Set<'public' | 'private'>();
  validation: SettingAcc | undefined;
  keyAlgorithm: SettingAcc | undefined;
  transparencyLogging: SettingAcc | undefined;
  private tags: Map<string, { values: OrderedSet; unknown: boolean }> | undefined;
  issuer: string | undefined;
  readonly issues = new OrderedSet();
  private readonly details = new Details();
  /** Consumer key (endpoint + path) -> consumer. */
  readonly consumers = new Map<string, { endpoint: string; path: Path; property: string }>();

  constructor(readonly id: CertificateIdentity) {
    this.id = { ...id };
    this.domainsComplete = id.source === 'resource' && id.kind === 'acm';
  }

  addDetails(d: Record<string, string | string[] | undefined>): void {
    this.details.add(d);
  }

  /** One scenario's tags: key -> value (undefined when not knowable). */
  addTags(tags: Map<string, string[] | undefined>): void {
    this.tags ??= new Map();
    for (const [k, v] of tags) {
      let tag = this.tags.get(k);
      if (!tag) this.tags.set(k, (tag = { values: new OrderedSet(), unknown: false }));
      if (v === undefined) tag.unknown = true;
      else tag.values.add(v);
    }
  }

  addConsumer(endpoint: string, path: Path, property: string): void {
    const k = `${endpoint}\u0000${pathKey(path)}`;
    if (!this.consumers.has(k)) this.consumers.set(k, { endpoint, path, property });
  }

  /** The entry, findings left empty (attached later). */
  toEntry(template: Template): CertificateEntry {
    const { key, kind, source, name, label, resourceType, path } = this.id;
    let tags: Record<string, string | null> | null = null;
    if (this.tags) {
      tags = {};
      for (const [k, tag] of this.tags) tags[k] = tag.unknown || !tag.values.items.length ? null : tag.values.items.join(' | ');
    }
    return {
      key,
      kind,
      source,
      name,
      label,
      resourceType,
      path,
      line: lineOf(template, path),
      domains: [...this.domains.items],
      domainsComplete: this.domainsComplete,
      type: this.types.size === 2 ? 'conditional' : this.types.size === 1 ? [...this.types][0] : null,
      validation: this.validation?.toSetting() ?? null,
      keyAlgorithm: this.keyAlgorithm?.toSetting() ?? null,
      transparencyLogging: this.transparencyLogging?.toSetting() ?? null,
      tags,
      issuer: this.issuer ?? null,
      issues: [...this.issues.items],
      details: this.details.toRecord(),
      consumers: [...this.consumers.values()].map((c) => ({
        endpoint: c.endpoint,
        path: c.path,
        line: lineOf(template, c.path),
        property: c.property,
        findings: [],
      })),
      findings: [],
    };
  }
}

/** Certificates by key, in the order first seen. */
export class CertificateTable {
  private readonly byKey = new Map<string, CertificateAcc>();

  get(id: CertificateIdentity): CertificateAcc {
    let c = this.byKey.get(id.key);
    if (!c) this.byKey.set(id.key, (c = new CertificateAcc(id)));
    // A value one consumer can't place (ACM or IAM) another one may (ACM only).
    else if (c.id.kind === 'unknown' && id.kind !== 'unknown') c.id.kind = id.kind;
    return c;
  }

  find(key: string): CertificateAcc | undefined {
    return this.byKey.get(key);
  }

  all(): CertificateAcc[] {
    return [...this.byKey.values()];
  }
}

/**
 * `buildInventory`: one template's certificates and TLS endpoints, linked both ways, each with
 * the lint's findings that sit on it. Pure: reads the template through the same views and graph
 * the rules use.
 */
import type { Settings } from '../engine/config';
import type { Diagnostic, TemplateReader } from '../engine/types';
import { readTemplate, TemplateViews } from '../model/views';
import { strings, entry } from '../evaluate/values';
import type { Path } from '../parse/source-tree';
import { CertificateUse, certificateUses } from '../model/certificates/consumers';
import type { Template } from '../template/template';
import { addCertificateResources, describeIdentity, identitiesOf } from './certificates';
import { CertificateTable, EndpointAcc, EndpointObservation, EndpointTable, pathStartsWith, propertyPath } from './collect';
import { addBeanstalkListeners } from './endpoints/beanstalk';
import { addDistributions } from './endpoints/cloudfront';
import { addApiDomains, addOpenSearchDomains } from './endpoints/domains';
import { addClassicListeners, addElbv2Listeners } from './endpoints/elb';
import { keyOf, resourcePath } from './endpoints/keys';
import { addTransitEndpoints } from './endpoints/transit';
import { addFunctionUrls } from './endpoints/lambda-urls';
import type { CertificateEntry, ConsumerRef, EndpointEntry, EndpointKind, InventoryFinding, TemplateInventory } from './model';

export interface InventoryOptions {
  /** The name the inventory gives the template (default: the template's file name). */
  file?: string;
  /** The settings the lint ran with (production detection). */
  settings?: Settings;
  /** The views that lint resolved (`LintResult.views`): read again, not resolved again. */
  views?: TemplateViews;
}

/** Resource types whose consumers no endpoint reader above covers, with the property that names their domain. */
const OTHER_CONSUMERS: Readonly<Record<string, { kind: EndpointKind; domainProperty: string }>> = {
  'AWS::AppSync::DomainName': { kind: 'appsync-domain', domainProperty: 'DomainName' },
  'AWS::Cognito::UserPoolDomain': { kind: 'cognito-domain', domainProperty: 'Domain' },
};

/** Endpoint kind of a consumer the readers did not place (e.g. a Beanstalk environment whose load balancer is unknown). */
const KIND_BY_TYPE: Readonly<Record<string, EndpointKind>> = {
  'AWS::ElasticLoadBalancingV2::Listener': 'elbv2-listener',
  'AWS::ElasticLoadBalancingV2::ListenerCertificate': 'elbv2-listener-certificate',
  'AWS::ElasticLoadBalancing::LoadBalancer': 'elb-listener',
  'AWS::CloudFront::Distribution': 'cloudfront-distribution',
  'AWS::OpenSearchService::Domain': 'opensearch-domain',
  'AWS::Elasticsearch::Domain': 'opensearch-domain',
  'AWS::ElasticBeanstalk::Environment': 'beanstalk-listener',
  'AWS::ElasticBeanstalk::ConfigurationTemplate': 'beanstalk-listener',
};

export function buildInventory(template: Template, diagnostics: readonly Diagnostic[], options: InventoryOptions = {}): TemplateInventory {
  const ctx = readTemplate(template, options.settings, options.views?.template === template ? options.views : undefined);
  const certificates = new CertificateTable();
  addCertificateResources(ctx, certificates);
  const endpoints = new EndpointTable();
  addElbv2Listeners(ctx, endpoints);
  addClassicListeners(ctx, endpoints);
  addDistributions(ctx, endpoints);
  addApiDomains(ctx, endpoints);
  addOpenSearchDomains(ctx, endpoints);
  addBeanstalkListeners(ctx, endpoints);
  addTransitEndpoints(ctx, endpoints);
  addFunctionUrls(ctx, endpoints);
  linkConsumers(ctx, certificates, endpoints);
  for (const c of certificates.all()) describeIdentity(ctx, c);

  const certEntries = certificates.all().map((c) => c.toEntry(template));
  const endpointAccs = endpoints.all();
  const endpointEntries = endpointAccs.map((e) => e.toEntry(template));
  attachFindings(certEntries, endpointAccs, endpointEntries, diagnostics);
  const order = (path: Path): number => template.offsetsOf(path, path.length === 2 ? 'key' : 'value').start;
  const byPlace = <T extends { path: Path; key: string }>(a: T, b: T): number => order(a.path) - order(b.path) || a.key.localeCompare(b.key);
  return {
    file: options.file ?? template.fileName,
    production: ctx.isProduction(),
    certificates: certEntries.sort(byPlace),
    endpoints: endpointEntries.sort(byPlace),
  };
}

/**
 * Items by the template paths they claim, bucketed by the first two steps (`Resources, <id>`):
 * a lookup reads one resource's claims, not the whole template's.
 */
class PathIndex<T> {
  private readonly buckets = new Map<string, { path: Path; item: T }[]>();

  private static bucket(path: Path): string {
    return path.length < 2 ? '' : `${path[0]}\u0000${path[1]}`;
  }

  add(path: Path, item: T): void {
    const k = PathIndex.bucket(path);
    let list = this.buckets.get(k);
    if (!list) this.buckets.set(k, (list = []));
    list.push({ path, item });
  }

  /** Every claim that holds the path. */
  private holding(path: Path): { path: Path; item: T }[] {
    const near = this.buckets.get(PathIndex.bucket(path)) ?? [];
    const short = path.length < 2 ? [] : (this.buckets.get('') ?? []);
    return [...near, ...short].filter((c) => pathStartsWith(path, c.path));
  }

  /** Items whose claims hold the path most specifically (several on a tie). */
  best(path: Path): T[] {
    const holding = this.holding(path);
    const longest = Math.max(-1, ...holding.map((c) => c.path.length));
    return [...new Set(holding.filter((c) => c.path.length === longest).map((c) => c.item))];
  }

  /** Items with some claim that holds the path. */
  all(path: Path): T[] {
    return [...new Set(this.holding(path).map((c) => c.item))];
  }
}

/** Each consumer value: its certificates, the endpoints that present them, and the links both ways. */
function linkConsumers(ctx: TemplateReader, certificates: CertificateTable, endpoints: EndpointTable): void {
  const index = new PathIndex<EndpointAcc>();
  for (const e of endpoints.all()) for (const c of e.certificateClaims) index.add(c, e);
  for (const use of certificateUses(ctx)) {
    const at = propertyPath(use.path);
    let owners = index.best(at);
    if (!owners.length) {
      const other = placeOther(ctx, endpoints, use, at);
      for (const c of other.certificateClaims) index.add(c, other);
      owners = [other];
    }
    const property = use.consumer.label.replace(/^The /, '');
    for (const id of identitiesOf(ctx, use.value, use.kind, use.scenario, use.consumer.commaSeparated)) {
      const cert = certificates.get(id);
      for (const owner of owners) {
        owner.certificates.add([id.key]);
        cert.addConsumer(owner.key, at, property);
      }
    }
  }
}

/** An endpoint for a consumer no reader placed: AppSync and Cognito domains, SAM Globals, unknown set-ups. */
function placeOther(ctx: TemplateReader, endpoints: EndpointTable, use: CertificateUse, at: Path): EndpointAcc {
  if (!use.resource) {
    const path = at.slice(0, 3); // Globals.<section>.Domain
    const acc = endpoints.get(keyOf(path), 'apigw-domain', null, null, path);
    acc.claim(path);
    acc.claimCertificates(path);
    acc.observe({ protocols: ['HTTPS'], ports: ['443'], tls: true, policy: { values: undefined } });
    return acc;
  }
  const { id, type } = use.resource;
  const other = OTHER_CONSUMERS[type ?? ''];
  const acc = endpoints.get(id, other?.kind ?? KIND_BY_TYPE[type ?? ''] ?? 'apigw-domain', id, type ?? null, resourcePath(id));
  acc.claim(resourcePath(id));
  acc.claimCertificates(resourcePath(id));
  for (const view of ctx.viewsIn(id, use.scenario)) {
    const o: EndpointObservation = other
      ? { protocols: ['HTTPS'], ports: ['443'], tls: true, domains: strings(entry(view.props, other.domainProperty)) }
      : { tls: undefined };
    acc.observe(o);
  }
  return acc;
}

function toFinding(d: Diagnostic): InventoryFinding {
  const f: InventoryFinding = { rule: d.rule, severity: d.severity, message: d.message, path: d.path, line: d.range.start.line + 1 };
  if (d.suppressed) f.suppressed = true;
  return f;
}

/**
 * Findings by path: an endpoint takes those under its most specific claim; a certificate those
 * on its definition (a resource or parameter; a literal written in a mapping); a consumer those
 * on its property.
 */
function attachFindings(certificates: CertificateEntry[], accs: EndpointAcc[], endpoints: EndpointEntry[], diagnostics: readonly Diagnostic[]): void {
  const byEndpoint = new PathIndex<EndpointEntry>();
  accs.forEach((a, i) => a.claims.forEach((c) => byEndpoint.add(c, endpoints[i])));
  const byDefinition = new PathIndex<CertificateEntry>();
  for (const c of certificates) if (c.source === 'resource' || c.source === 'parameter' || c.path[0] !== 'Resources') byDefinition.add(c.path, c);
  const byConsumer = new PathIndex<ConsumerRef>();
  for (const c of certificates) for (const u of c.consumers) byConsumer.add(u.path, u);
  for (const d of diagnostics) {
    const f = toFinding(d);
    for (const e of byEndpoint.best(d.path)) e.findings.push(f);
    for (const c of byDefinition.all(d.path)) c.findings.push(f);
    for (const u of byConsumer.all(d.path)) u.findings.push(f);
  }
}

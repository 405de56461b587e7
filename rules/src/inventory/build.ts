/**
 * `buildInventory`: one template's certificates and TLS endpoints, linked both ways, each with
 * the lint's findings that sit on it. Pure: reads the template through the same views and graph
 * the rules use.
 */
import type { Settings } from '../engine/config';
import type { Diagnostic, RuleContext } from '../engine/types';
import { readContext } from '../engine/views';
import { strings, entry } from '../evaluate/values';
import type { Path } from '../parse/source-tree';
import { CertificateUse, certificateUses } from '../rules/certificates/consumers';
import type { Template } from '../template/template';
import { addCertificateResources, describeIdentity, identitiesOf } from './certificates';
import { CertificateTable, EndpointAcc, EndpointObservation, EndpointTable, pathStartsWith, propertyPath } from './collect';
import { addBeanstalkListeners } from './endpoints/beanstalk';
import { addDistributions } from './endpoints/cloudfront';
import { addApiDomains, addOpenSearchDomains } from './endpoints/domains';
import { addClassicListeners, addElbv2Listeners } from './endpoints/elb';
import { keyOf, resourcePath } from './endpoints/keys';
import type { CertificateEntry, EndpointEntry, EndpointKind, InventoryFinding, TemplateInventory } from './model';

export interface InventoryOptions {
  /** The name the inventory gives the template (default: the template's file name). */
  file?: string;
  /** The settings the lint ran with (production detection). */
  settings?: Settings;
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
  const ctx = readContext(template, options.settings);
  const certificates = new CertificateTable();
  addCertificateResources(ctx, certificates);
  const endpoints = new EndpointTable();
  addElbv2Listeners(ctx, endpoints);
  addClassicListeners(ctx, endpoints);
  addDistributions(ctx, endpoints);
  addApiDomains(ctx, endpoints);
  addOpenSearchDomains(ctx, endpoints);
  addBeanstalkListeners(ctx, endpoints);
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

/** Entries whose claims hold the path most specifically (several on a tie). */
function bestClaims<T>(items: readonly T[], path: Path, claimsOf: (t: T) => readonly Path[]): T[] {
  let best = -1;
  let out: T[] = [];
  for (const item of items) {
    for (const claim of claimsOf(item)) {
      if (!pathStartsWith(path, claim) || claim.length < best) continue;
      if (claim.length > best) {
        best = claim.length;
        out = [item];
      } else if (!out.includes(item)) out.push(item);
    }
  }
  return out;
}

/** Each consumer value: its certificates, the endpoints that present them, and the links both ways. */
function linkConsumers(ctx: RuleContext, certificates: CertificateTable, endpoints: EndpointTable): void {
  for (const use of certificateUses(ctx)) {
    const at = propertyPath(use.path);
    let owners = bestClaims(endpoints.all(), at, (e) => e.certificateClaims);
    if (!owners.length) owners = [placeOther(ctx, endpoints, use, at)];
    const property = use.consumer.label.replace(/^The /, '');
    for (const id of identitiesOf(ctx, use.value, use.kind, use.consumer.commaSeparated)) {
      const cert = certificates.get(id);
      for (const owner of owners) {
        owner.certificates.add([id.key]);
        cert.addConsumer(owner.key, at, property);
      }
    }
  }
}

/** An endpoint for a consumer no reader placed: AppSync and Cognito domains, SAM Globals, unknown set-ups. */
function placeOther(ctx: RuleContext, endpoints: EndpointTable, use: CertificateUse, at: Path): EndpointAcc {
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
  const entryOf = new Map(accs.map((a, i) => [a, endpoints[i]] as const));
  const ownDefinition = certificates.filter((c) => c.source === 'resource' || c.source === 'parameter' || c.path[0] !== 'Resources');
  for (const d of diagnostics) {
    const f = toFinding(d);
    for (const acc of bestClaims(accs, d.path, (a) => a.claims)) entryOf.get(acc)!.findings.push(f);
    for (const c of ownDefinition) if (pathStartsWith(d.path, c.path)) c.findings.push(f);
    for (const c of certificates) for (const consumer of c.consumers) if (pathStartsWith(d.path, consumer.path)) consumer.findings.push(f);
  }
}

/** Custom domains: API Gateway (REST, private, v2, SAM) and OpenSearch / Elasticsearch endpoints. */
import { APIGW_DEFAULT_POLICY_NEW_DOMAINS, findApigwSecurityPolicy, HTTP_API_SECURITY_POLICY } from '../../data/apigw';
import { findOpenSearchTlsPolicy, OPENSEARCH_DEFAULT_TLS_POLICY } from '../../data/opensearch';
import type { TemplateReader } from '../../engine/types';
import type { Scenario } from '../../evaluate/conditions';
import { booleans, entry, strings } from '../../evaluate/values';
import { getValue, Path, SNode } from '../../parse/source-tree';
import { domainSites, DomainSite } from '../../model/apigw/domains';
import { negotiatesTls12Anyway } from '../../model/apigw/mappings';
import { domainViews, endpointOptionsOf } from '../../model/opensearch/endpoint-options';
import { EndpointTable, propertyPath, texts } from '../collect';
import { weakestFloor } from './floors';
import { keyOf, resourcePath } from './keys';

const SAM_SECTION: Partial<Record<DomainSite['kind'], string>> = { 'sam-rest': 'Api', 'sam-http': 'HttpApi' };

/** Known values of a written node in a scenario. */
function known(ctx: TemplateReader, node: SNode | undefined, path: Path, scenario: Scenario): string[] {
  return node ? strings(ctx.resolve(node, path, scenario)) : [];
}

/** The custom domain name of a site (SAM: its own `Domain`, else Globals). */
function domainNames(ctx: TemplateReader, site: DomainSite, resourceId: string | null): string[] {
  const props = resourceId ? ctx.template.resources.get(resourceId)?.properties : undefined;
  const section = SAM_SECTION[site.kind];
  if (!section) return known(ctx, getValue(props, 'DomainName'), ['Resources', resourceId!, 'Properties', 'DomainName'], site.scenario);
  const own = known(
    ctx,
    getValue(getValue(props, 'Domain'), 'DomainName'),
    ['Resources', resourceId ?? '', 'Properties', 'Domain', 'DomainName'],
    site.scenario,
  );
  if (own.length) return own;
  const globalsPath = ['Globals', section, 'Domain', 'DomainName'];
  return known(ctx, getValue(getValue(getValue(ctx.template.globals, section), 'Domain'), 'DomainName'), globalsPath, site.scenario);
}

export function addApiDomains(ctx: TemplateReader, table: EndpointTable): void {
  for (const site of domainSites(ctx)) {
    const holder = propertyPath(site.holderPath);
    const resourceId = holder[0] === 'Resources' ? String(holder[1]) : null;
    // A v2 domain has one endpoint per DomainNameConfigurations item; a SAM Globals domain is its own.
    const path = site.kind === 'v2' || !resourceId ? holder : resourcePath(resourceId);
    const acc = table.get(keyOf(path), 'apigw-domain', resourceId, resourceId ? (ctx.template.resources.get(resourceId)?.type ?? null) : null, path);
    acc.claim(path);
    if (resourceId) acc.claim(resourcePath(resourceId));
    acc.claimCertificates(holder);
    // A SAM domain without its own CertificateArn takes the Globals one (as does the Globals domain itself).
    const section = SAM_SECTION[site.kind];
    const props = resourceId ? ctx.template.resources.get(resourceId)?.properties : undefined;
    if (section && (!resourceId || getValue(getValue(props, 'Domain'), 'CertificateArn') === undefined)) {
      acc.claimCertificates(['Globals', section, 'Domain', 'CertificateArn']);
    }
    // Without SecurityPolicy a domain created now gets TLS_1_2, an older one kept TLS_1_0: the floor is
    // not known, unless the domain serves only HTTP/WebSocket APIs, which negotiate TLS 1.2.
    const absent = site.securityPolicy === undefined;
    const tls12Apis = absent && negotiatesTls12Anyway(ctx, site);
    const policy = absent ? undefined : texts(site.securityPolicy);
    acc.observe({
      protocols: ['HTTPS'],
      ports: ['443'],
      tls: true,
      policy: { values: policy, default: absent },
      floor: tls12Apis ? findApigwSecurityPolicy(HTTP_API_SECURITY_POLICY)?.minTls : weakestFloor(policy, (n) => findApigwSecurityPolicy(n)?.minTls),
      domains: domainNames(ctx, site, resourceId),
      details: {
        endpointType: site.endpointTypes,
        mutualTls: site.mutualTls ? 'yes' : undefined,
        defaultSecurityPolicy: tls12Apis
          ? `${HTTP_API_SECURITY_POLICY} (HTTP and WebSocket APIs only)`
          : absent
            ? `${APIGW_DEFAULT_POLICY_NEW_DOMAINS} for domains created now, TLS_1_0 for older ones`
            : undefined,
      },
    });
  }
}

export function addOpenSearchDomains(ctx: TemplateReader, table: EndpointTable): void {
  for (const view of domainViews(ctx)) {
    const id = view.resource.id;
    const acc = table.get(id, 'opensearch-domain', id, view.resource.type ?? null, resourcePath(id));
    acc.claim(resourcePath(id));
    acc.claimCertificates(resourcePath(id));
    const eo = endpointOptionsOf(view);
    if (eo.state === 'unknown') {
      acc.observe({ protocols: ['HTTPS'], ports: ['443'], tls: true, policy: { values: undefined } });
      continue;
    }
    const options = eo.state === 'present' ? eo.options : undefined;
    const enforce = entry(options, 'EnforceHTTPS');
    const enforced = enforce === undefined ? [false] : booleans(enforce);
    const plaintext = enforced.includes(false);
    const custom = entry(options, 'CustomEndpointEnabled');
    const customEnabled = custom === undefined ? [false] : booleans(custom);
    const policyNode = entry(options, 'TLSSecurityPolicy');
    const policy = policyNode === undefined ? [OPENSEARCH_DEFAULT_TLS_POLICY] : texts(policyNode);
    acc.observe({
      protocols: plaintext ? ['HTTPS', 'HTTP'] : ['HTTPS'],
      ports: plaintext ? ['443', '80'] : ['443'],
      tls: true,
      plaintext,
      policy: { values: policy, default: policyNode === undefined },
      floor: weakestFloor(policy, (n) => findOpenSearchTlsPolicy(n)?.minTls),
      domains: customEnabled.includes(true) ? strings(entry(options, 'CustomEndpoint')) : [],
      defaultCertificate: customEnabled.includes(false),
      details: {
        enforceHttps: enforced.length ? enforced.map(String) : undefined,
        customEndpointEnabled: customEnabled.length ? customEnabled.map(String) : undefined,
      },
    });
  }
}

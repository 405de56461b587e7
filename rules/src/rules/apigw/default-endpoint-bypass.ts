import {
  APIGW_API_KINDS,
  findApigwSecurityPolicy,
  REST_API_DEFAULT_ENDPOINT_POLICY,
  REST_API_DEFAULT_ENDPOINT_TYPE,
  V2_API_ENDPOINT_POLICY,
} from '../../data/apigw';
import { isBelow, tlsLabel } from '../../data/tls';
import type { TlsFloor } from '../../data/tls';
import { booleans, entry, stringCandidates, strings } from '../../evaluate/values';
import type { Candidate, RNode } from '../../evaluate/values';
import type { Fix, RelatedInfo, ResourceView, Rule, RuleContext } from '../../engine/types';
import { getValue } from '../../parse/source-tree';
import type { Path } from '../../parse/source-tree';
import { DOMAIN_RESOURCE_TYPES, domainSites, SAM_API, SAM_HTTP_API } from '../../model/apigw/domains';
import type { DomainSite } from '../../model/apigw/domains';
import { apisMappedTo, BASE_PATH_MAPPING, V2_API_MAPPING } from '../../model/apigw/mappings';
import { insertFix, listValues, quote, setValueFix } from '../helpers';

const REST_API = 'AWS::ApiGateway::RestApi';
const V2_API = 'AWS::ApiGatewayV2::Api';

/** What a custom domain enforces that the default endpoint does not. */
interface Enforcement {
  site: DomainSite;
  mutualTls: boolean;
  /** The domain's lowest accepted TLS version, when its SecurityPolicy is written and known. */
  floor?: TlsFloor;
  /** Where the domain reaches the API: the mapping's API reference, or the SAM Domain block. */
  via: Path;
}

/** The lowest TLS version of every possible SecurityPolicy value; undefined when absent or not all known. */
function policyFloor(policy: RNode | undefined): TlsFloor | undefined {
  const cands = stringCandidates(policy);
  if (!policy || policy.kind !== 'leaf' || cands.length !== policy.candidates.length) return undefined;
  let floor: TlsFloor | undefined;
  for (const c of cands) {
    const p = findApigwSecurityPolicy(c.value);
    if (!p) return undefined;
    if (floor === undefined || isBelow(p.minTls, floor)) floor = p.minTls;
  }
  return floor;
}

function enforcementOf(site: DomainSite, via: Path): Enforcement | undefined {
  const mutualTls = site.mutualTls !== undefined && site.mutualTls.kind === 'map' && site.mutualTls.entries.size > 0;
  const floor = policyFloor(site.securityPolicy);
  if (!mutualTls && (floor === undefined || !isBelow('1.0', floor))) return undefined;
  return { site, mutualTls, floor, via };
}

/**
 * The lowest TLS version the API's default endpoint accepts: a REST API's own SecurityPolicy, else
 * the default of its endpoint type; HTTP APIs TLS 1.2. Undefined when not knowable (and for
 * WebSocket APIs, whose default-endpoint policy is not documented here).
 */
function defaultEndpointFloor(view: ResourceView): TlsFloor | undefined {
  const kind = APIGW_API_KINDS[view.resource.type ?? ''];
  if (kind === 'http') return findApigwSecurityPolicy(V2_API_ENDPOINT_POLICY)?.minTls;
  if (kind === 'v2') {
    const protocols = strings(entry(view.props, 'ProtocolType'));
    return protocols.length && protocols.every((p) => p === 'HTTP') ? findApigwSecurityPolicy(V2_API_ENDPOINT_POLICY)?.minTls : undefined;
  }
  // REST: a SecurityPolicy of its own applies to its default endpoint ("Security policies for REST
  // APIs in API Gateway"); its lowest TLS version when every value is known.
  const own = entry(view.props, 'SecurityPolicy');
  if (own !== undefined) return policyFloor(own);
  const types = endpointTypes(view);
  if (!types) return undefined;
  let floor: TlsFloor | undefined;
  for (const t of types) {
    const name = REST_API_DEFAULT_ENDPOINT_POLICY[t];
    const p = name ? findApigwSecurityPolicy(name) : undefined;
    if (!p) return undefined;
    if (floor === undefined || isBelow(p.minTls, floor)) floor = p.minTls;
  }
  return floor;
}

/** Endpoint types of a REST API (`EndpointConfiguration.Types`, SAM's `EndpointConfiguration` string or `Type`); EDGE when not written. */
function endpointTypes(view: ResourceView): string[] | undefined {
  const config = entry(view.props, 'EndpointConfiguration');
  if (config === undefined) return [REST_API_DEFAULT_ENDPOINT_TYPE];
  if (config.kind === 'leaf') return strings(config).map((s) => s.toUpperCase());
  const types = entry(config, view.resource.type === SAM_API ? 'Type' : 'Types');
  if (types === undefined) return [REST_API_DEFAULT_ENDPOINT_TYPE];
  const list = types.kind === 'seq' ? types.items : [types];
  const out = list.flatMap((t) => strings(t).map((s) => s.toUpperCase()));
  return out.length === list.length && out.length ? out : undefined;
}

/** `DisableExecuteApiEndpoint` of an API view (a SAM API falls back to `Globals`). */
function disableSetting(ctx: RuleContext, view: ResourceView): RNode | undefined {
  const own = entry(view.props, 'DisableExecuteApiEndpoint');
  if (own !== undefined) return own;
  const section = view.resource.type === SAM_API ? 'Api' : view.resource.type === SAM_HTTP_API ? 'HttpApi' : undefined;
  const global = section ? getValue(getValue(ctx.template.globals, section), 'DisableExecuteApiEndpoint') : undefined;
  return global ? ctx.resolve(global, ['Globals', section!, 'DisableExecuteApiEndpoint'], view.scenario) : undefined;
}

interface ApiFinding {
  view: ResourceView;
  enforcements: Enforcement[];
  /** `false` candidates of a written DisableExecuteApiEndpoint (none: not written). */
  enabled: Candidate[];
  setting?: RNode;
}

function collect(ctx: RuleContext): Map<ResourceView, ApiFinding> {
  // Keyed by view: viewsIn answers with the same view objects for the same scenario.
  const findings = new Map<ResourceView, ApiFinding>();
  for (const site of domainSites(ctx)) {
    if (site.kind === 'private') continue; // private custom domains: no mutual TLS, private APIs default to TLS 1.2
    const targets: { apiId: string; via: Path; scenario: DomainSite['scenario'] }[] =
      site.kind === 'sam-rest' || site.kind === 'sam-http'
        ? site.samApiId
          ? [{ apiId: site.samApiId, via: site.holderPath, scenario: site.scenario }]
          : []
        : apisMappedTo(ctx, site).map((m) => ({ apiId: m.apiId, via: m.apiPath, scenario: m.scenario }));
    for (const target of targets) {
      const enforcement = enforcementOf(site, target.via);
      if (!enforcement) continue;
      for (const view of ctx.viewsIn(target.apiId, target.scenario)) {
        const setting = disableSetting(ctx, view);
        let enabled: Candidate[] = [];
        if (setting !== undefined) {
          if (setting.kind !== 'leaf') continue;
          const values = booleans(setting);
          if (values.length !== setting.candidates.length || values.every((b) => b)) continue;
          enabled = setting.candidates.filter((c) => c.value === false || (typeof c.value === 'string' && /^false$/i.test(c.value)));
        }
        const apiFloor = defaultEndpointFloor(view);
        const tlsGap = enforcement.floor !== undefined && apiFloor !== undefined && isBelow(apiFloor, enforcement.floor);
        if (!enforcement.mutualTls && !tlsGap) continue;
        const found = findings.get(view) ?? { view, enforcements: [], enabled, setting };
        found.enforcements.push({ ...enforcement, floor: tlsGap ? enforcement.floor : undefined });
        findings.set(view, found);
      }
    }
  }
  return findings;
}

function report(ctx: RuleContext, f: ApiFinding): void {
  const { view } = f;
  const mtls = f.enforcements.some((e) => e.mutualTls);
  const floors = f.enforcements.flatMap((e) => (e.floor ? [e.floor] : []));
  const apiFloor = defaultEndpointFloor(view);
  const skipped: string[] = [];
  if (mtls) skipped.push('without a client certificate (the custom domain requires mutual TLS)');
  if (floors.length && apiFloor) skipped.push(`with ${tlsLabel(apiFloor)} (the custom domain accepts only ${tlsLabel(floors[0])} and newer)`);
  const related: RelatedInfo[] = f.enforcements.map((e) => ({
    path: e.via,
    message: `${e.site.resourceId ? `Custom domain ${e.site.resourceId}` : e.site.label} ${[
      e.mutualTls ? 'requires mutual TLS' : '',
      e.floor ? `accepts only ${tlsLabel(e.floor)} and newer` : '',
    ]
      .filter(Boolean)
      .join(' and ')}, and this maps the API to it`,
  }));
  const title = 'Set DisableExecuteApiEndpoint: true (clients of the execute-api URL get 403 Forbidden)';
  let fix: Fix;
  if (f.setting && f.enabled.length) {
    fix = { ...setValueFix(f.enabled, true, 'DisableExecuteApiEndpoint', false), title };
    related.push(...f.enabled.filter((c) => c.origin !== 'inplace').map((c) => ({ path: c.path, message: `${quote(c.value)} is set here` })));
  } else fix = { ...insertFix(view.path, 'DisableExecuteApiEndpoint', true, title), safe: false };
  const setting = f.setting && f.enabled.length ? f.setting : undefined;
  ctx.report({
    path: setting ? setting.path : view.path,
    target: setting ? 'value' : 'key',
    message:
      `This API is mapped to a custom domain, but its default execute-api endpoint is ${setting ? `enabled (DisableExecuteApiEndpoint ${listValues(f.enabled)})` : 'enabled'}: ` +
      `clients can call it there ${skipped.join(' and ')}, bypassing what the domain enforces. Set DisableExecuteApiEndpoint: true so ` +
      'the API answers only through the custom domain (REST APIs apply it at their next deployment).',
    related,
    fixes: [fix],
    data: { mutualTls: mtls, domainFloor: floors[0], endpointFloor: apiFloor },
  });
}

export const apigwDefaultEndpointBypass: Rule = {
  meta: {
    id: 'apigw-default-endpoint-bypass',
    severity: 'warning',
    summary: 'REST or HTTP API mapped to a custom domain that enforces mutual TLS or a higher TLS floor, with its default execute-api endpoint still enabled.',
    fixable: true,
    docs: {
      fixNote: 'in the editor only: clients of the execute-api URL stop working',
      appliesTo:
        '`AWS::ApiGateway::RestApi`, `AWS::ApiGatewayV2::Api`, SAM `AWS::Serverless::Api` / `AWS::Serverless::HttpApi`, mapped by `AWS::ApiGateway::BasePathMapping` / `AWS::ApiGatewayV2::ApiMapping` (or a SAM `Domain`) to `AWS::ApiGateway::DomainName` / `AWS::ApiGatewayV2::DomainName`',
    },
    peers: [],
    resourceTypes: [...DOMAIN_RESOURCE_TYPES, REST_API, V2_API, BASE_PATH_MAPPING, V2_API_MAPPING],
  },
  check(ctx) {
    for (const finding of collect(ctx).values()) report(ctx, finding);
  },
};

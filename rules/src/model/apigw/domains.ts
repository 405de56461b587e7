import { EMPTY_SCENARIO, Scenario } from '../../evaluate/conditions';
import type { RMap, RNode } from '../../evaluate/values';
import { entry, strings } from '../../evaluate/values';
import { getValue, isMap, Path } from '../../parse/source-tree';
import type { ResourceInfo } from '../../template/template';
import type { TemplateReader } from '../reader';

/**
 * Every API Gateway custom domain of a template, in one shape, so the domain rules read
 * SecurityPolicy, endpoint type and certificates the same way whether the domain is a
 * CloudFormation resource or a SAM `Domain` block, with SAM's defaults (docs/rules/apigw-domain-certificate-endpoint.md).
 */

export const REST_DOMAIN = 'AWS::ApiGateway::DomainName';
export const PRIVATE_DOMAIN = 'AWS::ApiGateway::DomainNameV2';
export const V2_DOMAIN = 'AWS::ApiGatewayV2::DomainName';
export const SAM_API = 'AWS::Serverless::Api';
export const SAM_HTTP_API = 'AWS::Serverless::HttpApi';
export const SAM_FUNCTION = 'AWS::Serverless::Function';

/** Resource types whose presence can mean a custom domain. */
export const DOMAIN_RESOURCE_TYPES: readonly string[] = [REST_DOMAIN, PRIVATE_DOMAIN, V2_DOMAIN, SAM_API, SAM_HTTP_API, SAM_FUNCTION];

export type DomainKind =
  /** AWS::ApiGateway::DomainName (public REST domain). */
  | 'rest'
  /** AWS::ApiGateway::DomainNameV2 (private REST domain). */
  | 'private'
  /** One `DomainNameConfigurations` item of AWS::ApiGatewayV2::DomainName. */
  | 'v2'
  /** SAM `AWS::Serverless::Api` `Domain` (with `Globals.Api.Domain`). */
  | 'sam-rest'
  /** SAM `AWS::Serverless::HttpApi` `Domain` (with `Globals.HttpApi.Domain`). */
  | 'sam-http';

export interface DomainSite {
  kind: DomainKind;
  /** What to call it in messages. */
  label: string;
  scenario: Scenario;
  /** Logical id of the domain resource; undefined for a SAM `Domain` block (SAM names the domain it creates). */
  resourceId?: string;
  /** Resolved `DomainName`. */
  domainName?: RNode;
  /** Resolved `SecurityPolicy` (undefined when absent). */
  securityPolicy: RNode | undefined;
  /** Path of the object that holds (or should hold) `SecurityPolicy`. */
  holderPath: Path;
  /** Known effective endpoint types (`EDGE`, `REGIONAL`, `PRIVATE`); empty when not known. */
  endpointTypes: string[];
  /** `CertificateArn` (edge) and `RegionalCertificateArn` of a REST DomainName. */
  certificateArn?: RNode;
  regionalCertificateArn?: RNode;
  /** `EndpointAccessMode`, for the kinds that have it. */
  endpointAccessMode?: RNode;
  /** Whether the kind has `EndpointAccessMode` (required with an enhanced policy). */
  hasAccessMode: boolean;
  /** `MutualTlsAuthentication` when set. */
  mutualTls?: RNode;
  /** The SAM API a SAM `Domain` block belongs to (SAM maps it to that API); none for the implicit API. */
  samApiId?: string;
}

/** Every custom-domain site of the template, one per resource (or configuration) and scenario. */
export function domainSites(ctx: TemplateReader): DomainSite[] {
  const out: DomainSite[] = [];
  for (const view of ctx.viewsOf(REST_DOMAIN, PRIVATE_DOMAIN)) {
    if (!view.props) continue;
    const rest = view.resource.type === REST_DOMAIN;
    const types = typesOf(entry(view.props, 'EndpointConfiguration'));
    out.push({
      kind: rest ? 'rest' : 'private',
      label: view.resource.type!,
      scenario: view.scenario,
      resourceId: view.resource.id,
      domainName: entry(view.props, 'DomainName'),
      securityPolicy: entry(view.props, 'SecurityPolicy'),
      holderPath: view.path,
      // DomainNameV2 is the private custom domain: PRIVATE when not written.
      endpointTypes: types ?? (rest ? [] : ['PRIVATE']),
      certificateArn: rest ? entry(view.props, 'CertificateArn') : undefined,
      regionalCertificateArn: rest ? entry(view.props, 'RegionalCertificateArn') : undefined,
      endpointAccessMode: entry(view.props, 'EndpointAccessMode'),
      hasAccessMode: true,
      mutualTls: entry(view.props, 'MutualTlsAuthentication'),
    });
  }
  for (const view of ctx.viewsOf(V2_DOMAIN)) {
    const configs = entry(view.props, 'DomainNameConfigurations');
    if (!configs || configs.kind !== 'seq') continue;
    for (const config of configs.items) {
      if (config.kind !== 'map') continue;
      const endpoint = entry(config, 'EndpointType');
      out.push({
        kind: 'v2',
        label: `${V2_DOMAIN} DomainNameConfigurations item`,
        scenario: view.scenario,
        resourceId: view.resource.id,
        domainName: entry(view.props, 'DomainName'),
        securityPolicy: entry(config, 'SecurityPolicy'),
        holderPath: config.path,
        // API Gateway v2 domains are regional only.
        endpointTypes: endpoint === undefined ? ['REGIONAL'] : strings(endpoint),
        hasAccessMode: false,
        mutualTls: entry(view.props, 'MutualTlsAuthentication'),
      });
    }
  }
  out.push(...samSites(ctx, SAM_API, 'Api'), ...samSites(ctx, SAM_HTTP_API, 'HttpApi'));
  return out;
}

function typesOf(config: RNode | undefined): string[] | undefined {
  const types = entry(config, 'Types');
  if (config === undefined) return undefined;
  if (!types || types.kind !== 'seq') return [];
  return types.items.flatMap((t) => strings(t));
}

/** SAM `Domain` of each explicit API (merged over Globals), and the Globals domain of an implicit API. */
function samSites(ctx: TemplateReader, type: string, globalsKey: 'Api' | 'HttpApi'): DomainSite[] {
  const out: DomainSite[] = [];
  const globalsNode = getValue(getValue(ctx.template.globals, globalsKey), 'Domain');
  const globalsPath: Path = ['Globals', globalsKey, 'Domain'];
  const globalsIn = (scenario: Scenario): RMap | undefined => {
    if (!isMap(globalsNode)) return undefined;
    const r = ctx.resolve(globalsNode, globalsPath, scenario);
    return r && r.kind === 'map' ? r : undefined;
  };
  for (const view of ctx.viewsOf(type)) {
    const own = entry(view.props, 'Domain');
    if (own && own.kind !== 'map') continue; // unknown Domain: nothing to say
    const site = samSite(type, own, globalsIn(view.scenario), view.scenario);
    if (site) out.push({ ...site, samApiId: view.resource.id });
  }
  // An implicit API (an event of a function without RestApiId/ApiId) takes the Globals domain.
  if (isMap(globalsNode)) {
    const implicit = implicitApiFunctions(ctx, globalsKey);
    if (implicit) {
      const scenario = ctx.views(implicit)[0]?.scenario ?? EMPTY_SCENARIO;
      const site = samSite(type, undefined, globalsIn(scenario), scenario);
      if (site) out.push(site);
    }
  }
  return out;
}

function samSite(type: string, own: RMap | undefined, globals: RMap | undefined, scenario: Scenario): DomainSite | undefined {
  const holder = own ?? globals;
  if (!holder) return undefined;
  const get = (key: string): RNode | undefined => entry(own, key) ?? entry(globals, key);
  const endpoint = get('EndpointConfiguration');
  const http = type === SAM_HTTP_API;
  return {
    kind: http ? 'sam-http' : 'sam-rest',
    label: `SAM ${type} Domain`,
    scenario,
    domainName: get('DomainName'),
    securityPolicy: get('SecurityPolicy'),
    holderPath: holder.path,
    // SAM's default endpoint for a custom domain is REGIONAL.
    endpointTypes: endpoint === undefined ? ['REGIONAL'] : strings(endpoint),
    endpointAccessMode: http ? undefined : get('EndpointAccessMode'),
    hasAccessMode: !http,
    mutualTls: get('MutualTlsAuthentication'),
  };
}

/** A function whose API event creates SAM's implicit API of this kind, if any. */
function implicitApiFunctions(ctx: TemplateReader, globalsKey: 'Api' | 'HttpApi'): ResourceInfo | undefined {
  const idKey = globalsKey === 'Api' ? 'RestApiId' : 'ApiId';
  for (const fn of ctx.resources(SAM_FUNCTION)) {
    const events = getValue(fn.properties, 'Events');
    if (!isMap(events)) continue;
    for (const e of events.pairs) {
      const type = getValue(e.value, 'Type');
      if (!type || type.kind !== 'scalar' || type.value !== globalsKey) continue;
      if (getValue(getValue(e.value, 'Properties'), idKey) === undefined) return fn;
    }
  }
  return undefined;
}

import { APIGW_API_KINDS, TLS12_ONLY_API_PROTOCOLS } from '../../data/apigw';
import type { Scenario } from '../../evaluate/conditions';
import type { RMap, RNode } from '../../evaluate/values';
import { entry, stringCandidates, strings } from '../../evaluate/values';
import type { Path } from '../../parse/source-tree';
import type { TemplateReader } from '../reader';
import type { DomainSite } from './domains';

/**
 * The API mappings of a template, read for one question: does a custom domain serve only HTTP
 * and WebSocket APIs? API Gateway negotiates TLS 1.2 for those whatever the domain's
 * SecurityPolicy says (data/apigw.ts `TLS12_ONLY_API_PROTOCOLS`). Anything not knowable
 * (a mapping whose domain or API can't be resolved) answers no.
 */

export const V2_API_MAPPING = 'AWS::ApiGatewayV2::ApiMapping';
export const BASE_PATH_MAPPING = 'AWS::ApiGateway::BasePathMapping';

/** Mapping resource types and the property that names the mapped API. */
const MAPPING_API_KEYS: Readonly<Record<string, string>> = Object.freeze({ [V2_API_MAPPING]: 'ApiId', [BASE_PATH_MAPPING]: 'RestApiId' });

/** A custom domain as mappings name it: by `Ref`/`GetAtt` to its resource, or by its DomainName. */
export interface MappedDomain {
  /** Logical id of the domain resource (none for a SAM `Domain` block, which SAM names itself). */
  resourceId?: string;
  /** The resolved `DomainName` of the domain. */
  domainName?: RNode;
  scenario: Scenario;
}

type Answer = 'yes' | 'no' | 'unknown';

/** Whether a mapping's `DomainName` names the domain. */
function namesDomain(target: RNode | undefined, domain: MappedDomain): Answer {
  if (target === undefined) return 'no'; // a mapping without DomainName does not deploy
  if (target.kind === 'unknown') {
    if (target.ref === undefined) return 'unknown';
    return target.ref === domain.resourceId ? 'yes' : 'no';
  }
  const written = stringCandidates(target);
  if (target.kind !== 'leaf' || written.length !== target.candidates.length) return 'unknown';
  const own = new Set(strings(domain.domainName).map((s) => s.toLowerCase()));
  if (!own.size) return 'unknown';
  return written.some((c) => own.has(c.value.toLowerCase())) ? 'yes' : 'no';
}

/** Whether an `AWS::ApiGatewayV2::Api` (one view) is an HTTP or WebSocket API. */
function v2ApiNegotiatesTls12(props: RMap | undefined): Answer {
  const protocol = entry(props, 'ProtocolType');
  // Without ProtocolType the API is imported from an OpenAPI definition: only HTTP APIs are.
  if (protocol === undefined) return entry(props, 'Body') || entry(props, 'BodyS3Location') ? 'yes' : 'unknown';
  const values = stringCandidates(protocol);
  if (protocol.kind !== 'leaf' || values.length !== protocol.candidates.length) return 'unknown';
  return values.every((c) => TLS12_ONLY_API_PROTOCOLS.includes(c.value)) ? 'yes' : 'no';
}

/** Whether the API a mapping names (`ApiId`/`RestApiId`) is an HTTP or WebSocket API of the template. */
function apiNegotiatesTls12(ctx: TemplateReader, api: RNode | undefined, scenario: Scenario): Answer {
  const id = api && api.kind === 'unknown' ? api.ref : undefined;
  const type = id !== undefined ? ctx.template.resources.get(id)?.type : undefined;
  const kind = type !== undefined ? APIGW_API_KINDS[type] : undefined;
  if (id === undefined || kind === undefined) return 'unknown';
  if (kind !== 'v2') return kind === 'http' ? 'yes' : 'no';
  return all(ctx.viewsIn(id, scenario).map((v) => v2ApiNegotiatesTls12(v.props)));
}

/** 'yes' when every answer is yes (and there is one), 'no' when one is no, else 'unknown'. */
function all(answers: Answer[]): Answer {
  if (answers.includes('no')) return 'no';
  return answers.length && answers.every((a) => a === 'yes') ? 'yes' : 'unknown';
}

/**
 * Whether every API the template maps to the domain is an HTTP or WebSocket API, and at least
 * one is (`implicitHttp`: the domain comes with an HTTP API mapping, as a SAM `HttpApi` Domain
 * does). False when a mapping may map a REST API or an API of unknown kind, or may name the
 * domain without it being knowable.
 */
export function servesOnlyTls12Apis(ctx: TemplateReader, domain: MappedDomain, implicitHttp = false): boolean {
  let mapped = implicitHttp;
  for (const [type, apiKey] of Object.entries(MAPPING_API_KEYS)) {
    for (const mapping of ctx.resources(type)) {
      for (const view of ctx.viewsIn(mapping.id, domain.scenario)) {
        const maps = namesDomain(entry(view.props, 'DomainName'), domain);
        if (maps === 'no') continue;
        if (maps === 'unknown' || apiNegotiatesTls12(ctx, entry(view.props, apiKey), view.scenario) !== 'yes') return false;
        mapped = true;
      }
    }
  }
  return mapped;
}

/**
 * Whether a custom domain negotiates TLS 1.2 whatever its SecurityPolicy: an API Gateway v2
 * domain, or a SAM `HttpApi` Domain (which SAM maps to that HTTP API), that serves only HTTP
 * and WebSocket APIs. A REST domain can serve REST APIs and is never counted.
 */
export function negotiatesTls12Anyway(ctx: TemplateReader, site: DomainSite): boolean {
  if (site.kind === 'v2') return servesOnlyTls12Apis(ctx, site);
  if (site.kind === 'sam-http') return servesOnlyTls12Apis(ctx, site, true);
  return false;
}

/** An API of the template that a mapping of the template maps to a custom domain. */
export interface DomainMapping {
  /** Logical id of the API (`AWS::ApiGateway::RestApi`, `AWS::ApiGatewayV2::Api`, SAM `Api`/`HttpApi`). */
  apiId: string;
  /** Template path of the mapping's `RestApiId` / `ApiId`. */
  apiPath: Path;
  /** Logical id of the mapping. */
  mappingId: string;
  scenario: Scenario;
}

/**
 * The APIs of the template mapped to a domain by `AWS::ApiGateway::BasePathMapping` and
 * `AWS::ApiGatewayV2::ApiMapping` resources of the template: only mappings that certainly name the
 * domain (by `Ref`/`GetAtt`, or by an equal `DomainName`) and an API resource of the template.
 */
export function apisMappedTo(ctx: TemplateReader, domain: MappedDomain): DomainMapping[] {
  const out: DomainMapping[] = [];
  for (const [type, apiKey] of Object.entries(MAPPING_API_KEYS)) {
    for (const mapping of ctx.resources(type)) {
      for (const view of ctx.viewsIn(mapping.id, domain.scenario)) {
        if (namesDomain(entry(view.props, 'DomainName'), domain) !== 'yes') continue;
        const api = entry(view.props, apiKey);
        const id = api && api.kind === 'unknown' ? api.ref : undefined;
        const apiType = id !== undefined ? ctx.template.resources.get(id)?.type : undefined;
        if (!api || id === undefined || apiType === undefined || APIGW_API_KINDS[apiType] === undefined) continue;
        out.push({ apiId: id, apiPath: api.path, mappingId: mapping.id, scenario: view.scenario });
      }
    }
  }
  return out;
}

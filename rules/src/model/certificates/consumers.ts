/**
 * Certificate consumers: every property that takes a certificate (the list on
 * docs/rules/certificate-arn-invalid.md), as one data table, and `certificateUses(ctx)`, which yields each consumer value per view.
 *
 * Public API (other areas may import it; keep it small and stable):
 * - `CERTIFICATE_CONSUMERS`: the table (`CertificateConsumer`).
 * - `CONSUMER_RESOURCE_TYPES`: the resource types of the table (for `meta.resourceTypes`).
 * - `certificateUses(ctx)`: `CertificateUse[]`, one per consumer value per scenario, in document order.
 * - `literalParts(use, s)`: the identifiers a literal names (one, or several for comma lists).
 * - `ACM_CERTIFICATE_TYPE`, `IAM_SERVER_CERTIFICATE_TYPE`.
 *
 * A use whose value is absent (`AWS::NoValue`, property missing) is not yielded; an unknown value
 * (`GetAtt`, `ImportValue`, ...) is yielded with `value.kind === 'unknown'`: never report on it,
 * but `certificate` tells when it is an edge to a certificate of the template.
 */
import { EMPTY_SCENARIO, Scenario } from '../../evaluate/conditions';
import { entry, RMap, RNode, strings } from '../../evaluate/values';
import { getValue, Path } from '../../parse/source-tree';
import type { DerivedKey, ResourceView, TemplateReader } from '../reader';
import type { ResourceInfo } from '../../template/template';

import { ACM_CERTIFICATE_TYPE } from '../../data/acm';

export { ACM_CERTIFICATE_TYPE };
export const IAM_SERVER_CERTIFICATE_TYPE = 'AWS::IAM::ServerCertificate';

/** What a consumer property accepts. */
export type CertificateKind =
  /** an ACM certificate ARN only */
  | 'acm'
  /** an ACM or an IAM server-certificate ARN (load balancers) */
  | 'acm-or-iam'
  /** an IAM server-certificate ID (CloudFront `IamCertificateId`) */
  | 'iam-id';

/**
 * Where the certificate must live: `global` = us-east-1 whatever the stack's region (CloudFront and
 * the services in front of it); `regional` = the stack's region.
 */
export type CertificateScope = 'global' | 'regional';

/** Scope that depends on the resource: `undefined` when it cannot be known. */
export type ScopeOf = (owner: RMap | undefined, globals: RMap | undefined) => CertificateScope | undefined;

/** Where a consumer value is written. `'*'` steps over every item of a list. */
export type ConsumerLocation =
  | { in: 'properties'; resourceType: string; path: readonly string[] }
  /** Elastic Beanstalk `OptionSettings` entry (`Namespace` matching, `OptionName`), value in `Value`. */
  | { in: 'option'; resourceType: string; namespace: RegExp; optionName: string }
  /** SAM `Globals.<section>.<path>`. */
  | { in: 'globals'; section: string; path: readonly string[]; appliesTo: string };

export interface CertificateConsumer {
  location: ConsumerLocation;
  accepts: CertificateKind;
  scope: CertificateScope | ScopeOf;
  /** Served through CloudFront when global (edge-optimized API Gateway): CloudFront's key limits apply. */
  viaCloudFront?: boolean;
  /** The value may list several ARNs separated by commas (Beanstalk option values: unverified, so tolerated). */
  commaSeparated?: boolean;
  /** Human name of the consumer, starting a sentence, e.g. `The CloudFront AcmCertificateArn`. */
  label: string;
}

// ------------------------------------------------------------------ scopes that depend on the resource

/** REST `AWS::ApiGateway::DomainName.CertificateArn`: edge (global) unless `EndpointConfiguration.Types` says otherwise. */
const restDomainScope: ScopeOf = (props) => {
  const types = entry(entry(props, 'EndpointConfiguration'), 'Types');
  if (types === undefined) return 'global'; // EDGE is the default for REST domain names
  if (types.kind !== 'seq') return undefined;
  const known: string[] = [];
  for (const item of types.items) {
    const s = strings(item);
    if (item.kind !== 'leaf' || s.length !== 1) return undefined;
    known.push(s[0]);
  }
  if (known.length === 0) return 'global';
  return known.includes('EDGE') ? 'global' : 'regional';
};

/** SAM `Domain.EndpointConfiguration` (a string, default `REGIONAL`; SAM maps `CertificateArn` accordingly). */
const samDomainScope: ScopeOf = (owner, globals) => {
  const own = entry(entry(owner, 'Domain'), 'EndpointConfiguration');
  const endpoint = own ?? entry(entry(globals, 'Domain'), 'EndpointConfiguration');
  if (endpoint === undefined) return 'regional';
  const s = strings(endpoint);
  if (endpoint.kind !== 'leaf' || s.length !== 1) return undefined;
  return s[0].toUpperCase() === 'EDGE' ? 'global' : 'regional';
};

// ------------------------------------------------------------------ the table

const props = (resourceType: string, ...path: string[]): ConsumerLocation => ({ in: 'properties', resourceType, path });

/** The certificate consumers (docs/rules/certificate-arn-invalid.md); regions per docs/sources.md §11. */
export const CERTIFICATE_CONSUMERS: readonly CertificateConsumer[] = Object.freeze([
  {
    location: props('AWS::ElasticLoadBalancingV2::Listener', 'Certificates', '*', 'CertificateArn'),
    accepts: 'acm-or-iam',
    scope: 'regional',
    label: 'The ELBv2 listener CertificateArn',
  },
  {
    location: props('AWS::ElasticLoadBalancingV2::ListenerCertificate', 'Certificates', '*', 'CertificateArn'),
    accepts: 'acm-or-iam',
    scope: 'regional',
    label: 'The ELBv2 ListenerCertificate CertificateArn',
  },
  {
    location: props('AWS::ElasticLoadBalancing::LoadBalancer', 'Listeners', '*', 'SSLCertificateId'),
    accepts: 'acm-or-iam',
    scope: 'regional',
    label: 'The classic ELB listener SSLCertificateId',
  },
  {
    location: props('AWS::CloudFront::Distribution', 'DistributionConfig', 'ViewerCertificate', 'AcmCertificateArn'),
    accepts: 'acm',
    scope: 'global',
    label: 'The CloudFront AcmCertificateArn',
  },
  {
    location: props('AWS::CloudFront::Distribution', 'DistributionConfig', 'ViewerCertificate', 'IamCertificateId'),
    accepts: 'iam-id',
    scope: 'global',
    label: 'The CloudFront IamCertificateId',
  },
  {
    location: props('AWS::ApiGateway::DomainName', 'CertificateArn'),
    accepts: 'acm',
    scope: restDomainScope,
    viaCloudFront: true,
    label: 'The API Gateway domain CertificateArn',
  },
  {
    location: props('AWS::ApiGateway::DomainName', 'RegionalCertificateArn'),
    accepts: 'acm',
    scope: 'regional',
    label: 'The API Gateway domain RegionalCertificateArn',
  },
  {
    location: props('AWS::ApiGateway::DomainNameV2', 'CertificateArn'),
    accepts: 'acm',
    scope: 'regional',
    label: 'The API Gateway private domain (DomainNameV2) CertificateArn',
  },
  {
    location: props('AWS::ApiGatewayV2::DomainName', 'DomainNameConfigurations', '*', 'CertificateArn'),
    accepts: 'acm',
    scope: 'regional',
    label: 'The API Gateway v2 domain CertificateArn',
  },
  { location: props('AWS::AppSync::DomainName', 'CertificateArn'), accepts: 'acm', scope: 'global', label: 'The AppSync domain CertificateArn' },
  {
    location: props('AWS::Cognito::UserPoolDomain', 'CustomDomainConfig', 'CertificateArn'),
    accepts: 'acm',
    scope: 'global',
    label: 'The Cognito user pool domain CertificateArn',
  },
  {
    location: props('AWS::OpenSearchService::Domain', 'DomainEndpointOptions', 'CustomEndpointCertificateArn'),
    accepts: 'acm',
    scope: 'regional',
    label: 'The OpenSearch CustomEndpointCertificateArn',
  },
  {
    location: props('AWS::Elasticsearch::Domain', 'DomainEndpointOptions', 'CustomEndpointCertificateArn'),
    accepts: 'acm',
    scope: 'regional',
    label: 'The Elasticsearch CustomEndpointCertificateArn',
  },
  {
    location: props('AWS::Serverless::Api', 'Domain', 'CertificateArn'),
    accepts: 'acm',
    scope: samDomainScope,
    viaCloudFront: true,
    label: 'The SAM Api Domain.CertificateArn',
  },
  {
    location: props('AWS::Serverless::HttpApi', 'Domain', 'CertificateArn'),
    accepts: 'acm',
    scope: 'regional',
    label: 'The SAM HttpApi Domain.CertificateArn',
  },
  {
    location: { in: 'globals', section: 'Api', path: ['Domain', 'CertificateArn'], appliesTo: 'AWS::Serverless::Api' },
    accepts: 'acm',
    scope: samDomainScope,
    viaCloudFront: true,
    label: 'The SAM Globals.Api.Domain.CertificateArn',
  },
  {
    location: { in: 'globals', section: 'HttpApi', path: ['Domain', 'CertificateArn'], appliesTo: 'AWS::Serverless::HttpApi' },
    accepts: 'acm',
    scope: 'regional',
    label: 'The SAM Globals.HttpApi.Domain.CertificateArn',
  },
  // The consumers of TLS in transit (Amplify, Transfer, IoT, VPC Lattice), and the other ACM consumers
  // of the resource schemas. ACM certificates are regional: a consumer takes certificates from its
  // own Region, except the services in front of CloudFront (us-east-1).
  {
    location: props('AWS::Amplify::Domain', 'CertificateSettings', 'CustomCertificateArn'),
    accepts: 'acm',
    scope: 'global',
    label: 'The Amplify domain CustomCertificateArn',
  },
  {
    location: props('AWS::CloudFront::DistributionTenant', 'Customizations', 'Certificate', 'Arn'),
    accepts: 'acm',
    scope: 'global',
    label: 'The CloudFront distribution tenant Certificate.Arn',
  },
  { location: props('AWS::Transfer::Server', 'Certificate'), accepts: 'acm', scope: 'regional', label: 'The Transfer Family server Certificate' },
  {
    location: props('AWS::IoT::DomainConfiguration', 'ServerCertificateArns', '*'),
    accepts: 'acm',
    scope: 'regional',
    label: 'The IoT domain configuration ServerCertificateArns',
  },
  {
    location: props('AWS::IoT::DomainConfiguration', 'ValidationCertificateArn'),
    accepts: 'acm',
    scope: 'regional',
    label: 'The IoT domain configuration ValidationCertificateArn',
  },
  {
    location: props('AWS::IoT::DomainConfiguration', 'ServerCertificateConfig', 'OcspAuthorizedResponderArn'),
    accepts: 'acm',
    scope: 'regional',
    label: 'The IoT domain configuration OcspAuthorizedResponderArn',
  },
  { location: props('AWS::VpcLattice::Service', 'CertificateArn'), accepts: 'acm', scope: 'regional', label: 'The VPC Lattice service CertificateArn' },
  {
    location: props('AWS::EC2::ClientVpnEndpoint', 'ServerCertificateArn'),
    accepts: 'acm',
    scope: 'regional',
    label: 'The Client VPN endpoint ServerCertificateArn',
  },
  {
    location: props('AWS::EC2::ClientVpnEndpoint', 'AuthenticationOptions', '*', 'MutualAuthentication', 'ClientRootCertificateChainArn'),
    accepts: 'acm',
    scope: 'regional',
    label: 'The Client VPN endpoint ClientRootCertificateChainArn',
  },
  {
    location: props('AWS::EC2::VerifiedAccessEndpoint', 'DomainCertificateArn'),
    accepts: 'acm',
    scope: 'regional',
    label: 'The Verified Access endpoint DomainCertificateArn',
  },
  ...['AWS::AppMesh::VirtualNode', 'AWS::AppMesh::VirtualGateway'].map((resourceType): CertificateConsumer => ({
    location: props(resourceType, 'Spec', 'Listeners', '*', 'TLS', 'Certificate', 'ACM', 'CertificateArn'),
    accepts: 'acm',
    scope: 'regional',
    label: `The App Mesh ${resourceType === 'AWS::AppMesh::VirtualNode' ? 'virtual node' : 'virtual gateway'} listener ACM CertificateArn`,
  })),
  {
    location: props(
      'AWS::NetworkFirewall::TLSInspectionConfiguration',
      'TLSInspectionConfiguration',
      'ServerCertificateConfigurations',
      '*',
      'ServerCertificates',
      '*',
      'ResourceArn',
    ),
    accepts: 'acm',
    scope: 'regional',
    label: 'The Network Firewall TLS inspection ServerCertificates ResourceArn',
  },
  { location: props('AWS::EC2::CustomerGateway', 'CertificateArn'), accepts: 'acm', scope: 'regional', label: 'The customer gateway CertificateArn' },
  {
    location: props('AWS::EC2::EnclaveCertificateIamRoleAssociation', 'CertificateArn'),
    accepts: 'acm',
    scope: 'regional',
    label: 'The Nitro Enclaves certificate association CertificateArn',
  },
  ...['CmafPackage', 'DashPackage', 'HlsPackage', 'MssPackage'].map((pkg): CertificateConsumer => ({
    location: props('AWS::MediaPackage::OriginEndpoint', pkg, 'Encryption', 'SpekeKeyProvider', 'CertificateArn'),
    accepts: 'acm',
    scope: 'regional',
    label: `The MediaPackage ${pkg} SpekeKeyProvider CertificateArn`,
  })),
  {
    location: props('AWS::MediaPackageV2::OriginEndpoint', 'Segment', 'Encryption', 'SpekeKeyProvider', 'CertificateArn'),
    accepts: 'acm',
    scope: 'regional',
    label: 'The MediaPackage V2 SpekeKeyProvider CertificateArn',
  },
  ...['AWS::ElasticBeanstalk::Environment', 'AWS::ElasticBeanstalk::ConfigurationTemplate'].flatMap((resourceType): CertificateConsumer[] => [
    {
      location: { in: 'option', resourceType, namespace: /^aws:elbv2:listener:(?:default|\d+)$/, optionName: 'SSLCertificateArns' },
      accepts: 'acm-or-iam',
      scope: 'regional',
      commaSeparated: true,
      label: 'The Elastic Beanstalk SSLCertificateArns option',
    },
    {
      location: { in: 'option', resourceType, namespace: /^aws:elb:(?:listener:\d+|loadbalancer)$/, optionName: 'SSLCertificateId' },
      accepts: 'acm-or-iam',
      scope: 'regional',
      commaSeparated: true,
      label: 'The Elastic Beanstalk SSLCertificateId option',
    },
  ]),
]);

/** Resource types that hold a consumer (SAM Globals count through the types they apply to). */
export const CONSUMER_RESOURCE_TYPES: readonly string[] = Object.freeze([
  ...new Set(CERTIFICATE_CONSUMERS.map((c) => (c.location.in === 'globals' ? c.location.appliesTo : c.location.resourceType))),
]);

// ------------------------------------------------------------------ uses

export interface CertificateUse {
  consumer: CertificateConsumer;
  /** The resource holding the value (undefined for SAM Globals). */
  resource?: ResourceInfo;
  scenario: Scenario;
  /** The resolved value (its `path` is where it is written: an `Fn::If` branch, a list item...). */
  value: RNode;
  /** Template path of the property itself (list indices filled in). */
  path: Path;
  kind: CertificateKind;
  /** undefined when the scope depends on something unknown. */
  scope: CertificateScope | undefined;
  /** The certificate of this template the value `Ref`s / `GetAtt`s, if any. */
  certificate?: { id: string; type: typeof ACM_CERTIFICATE_TYPE | typeof IAM_SERVER_CERTIFICATE_TYPE };
}

/** Every consumer value of the template, per view (scenario), in document order of the resources. */
export function certificateUses(ctx: TemplateReader): readonly CertificateUse[] {
  return ctx.derived(CERTIFICATE_USES, () => collectCertificateUses(ctx));
}

const CERTIFICATE_USES: DerivedKey<readonly CertificateUse[]> = { name: 'certificate uses' };

function collectCertificateUses(ctx: TemplateReader): CertificateUse[] {
  const out: CertificateUse[] = [];
  const globalsCache = new Map<string, RMap | undefined>();
  const globalsOf = (section: string): RMap | undefined => {
    if (!globalsCache.has(section)) {
      const node = getValue(ctx.template.globals, section);
      const r = node ? ctx.resolve(node, ['Globals', section], EMPTY_SCENARIO) : undefined;
      globalsCache.set(section, r && r.kind === 'map' ? r : undefined);
    }
    return globalsCache.get(section);
  };
  const samSection: Record<string, string> = { 'AWS::Serverless::Api': 'Api', 'AWS::Serverless::HttpApi': 'HttpApi' };

  const push = (
    consumer: CertificateConsumer,
    view: ResourceView | undefined,
    scenario: Scenario,
    found: Found[],
    owner: RMap | undefined,
    globals: RMap | undefined,
  ): void => {
    const scope = typeof consumer.scope === 'string' ? consumer.scope : consumer.scope(owner, globals);
    for (const f of found) {
      out.push({
        consumer,
        resource: view?.resource,
        scenario,
        value: f.value,
        path: f.path,
        kind: consumer.accepts,
        scope,
        certificate: certificateOf(ctx, f.value),
      });
    }
  };

  const byType = new Map<string, CertificateConsumer[]>();
  for (const c of CERTIFICATE_CONSUMERS) {
    if (c.location.in === 'globals') continue;
    const list = byType.get(c.location.resourceType) ?? [];
    list.push(c);
    byType.set(c.location.resourceType, list);
  }
  for (const view of ctx.viewsOf(...byType.keys())) {
    const section = samSection[view.resource.type ?? ''];
    const globals = section ? globalsOf(section) : undefined;
    for (const consumer of byType.get(view.resource.type ?? '') ?? []) {
      const loc = consumer.location;
      const found = loc.in === 'properties' ? walk(view.props, loc.path) : loc.in === 'option' ? optionValues(view.props, loc.namespace, loc.optionName) : [];
      push(consumer, view, view.scenario, found, view.props, globals);
    }
  }
  for (const consumer of CERTIFICATE_CONSUMERS) {
    const loc = consumer.location;
    if (loc.in !== 'globals') continue;
    const globals = globalsOf(loc.section);
    push(consumer, undefined, EMPTY_SCENARIO, walk(globals, loc.path), globals, undefined);
  }
  return out;
}

interface Found {
  value: RNode;
  path: Path;
}

/** Values at a property path below a resolved map; `'*'` steps over list items. */
function walk(node: RNode | undefined, path: readonly string[]): Found[] {
  if (!node) return [];
  if (path.length === 0) return [];
  const [step, ...rest] = path;
  if (step === '*') {
    if (node.kind !== 'seq') return [];
    // a list of values (`ServerCertificateArns`): each item is a use
    if (rest.length === 0) return node.items.map((item) => ({ value: item, path: item.path }));
    return node.items.flatMap((item) => walk(item, rest));
  }
  if (node.kind !== 'map') return [];
  const e = node.entries.get(step);
  if (!e) return [];
  if (rest.length === 0) return [{ value: e.value, path: [...node.path, step] }];
  return walk(e.value, rest);
}

/** `Value`s of Elastic Beanstalk `OptionSettings` entries with a matching namespace and option name. */
function optionValues(props: RMap | undefined, namespace: RegExp, optionName: string): Found[] {
  const settings = entry(props, 'OptionSettings');
  if (!settings || settings.kind !== 'seq') return [];
  const out: Found[] = [];
  for (const item of settings.items) {
    if (item.kind !== 'map') continue;
    if (!strings(entry(item, 'OptionName')).includes(optionName)) continue;
    if (!strings(entry(item, 'Namespace')).some((n) => namespace.test(n))) continue;
    const value = entry(item, 'Value');
    if (value) out.push({ value, path: [...item.path, 'Value'] });
  }
  return out;
}

function certificateOf(ctx: TemplateReader, value: RNode): CertificateUse['certificate'] {
  if (value.kind !== 'unknown' || !value.ref) return undefined;
  const type = ctx.template.resources.get(value.ref)?.type;
  if (type === ACM_CERTIFICATE_TYPE || type === IAM_SERVER_CERTIFICATE_TYPE) return { id: value.ref, type };
  return undefined;
}

/** The certificate identifiers a literal value names: itself, or its comma-separated parts. */
export function literalParts(use: CertificateUse, s: string): string[] {
  return use.consumer.commaSeparated && s.includes(',') ? s.split(',').map((p) => p.trim()) : [s];
}

import { findApigwSecurityPolicy, isEnhancedSecurityPolicy } from '../../data/apigw';
import { pathKey } from '../../parse/source-tree';
import type { RNode } from '../../evaluate/values';
import type { Rule, RuleContext } from '../../engine/types';
import { badStrings, listValues, quoteList, relatedFor } from '../helpers';
import { DomainSite, domainSites, DOMAIN_RESOURCE_TYPES } from '../../model/apigw/domains';

/**
 * Certificate property, endpoint type and security policy must agree, or API Gateway rejects
 * the domain (docs/sources.md §5 "Choose a security policy for your custom domain", §11).
 */
export const apigwDomainCertificateEndpoint: Rule = {
  meta: {
    id: 'apigw-domain-certificate-endpoint',
    severity: 'error',
    summary: 'API Gateway custom domain whose certificate property, endpoint type, security policy and mutual TLS do not fit together.',
    fixable: false,
    docs: {
      appliesTo:
        '`AWS::ApiGateway::DomainName`, `AWS::ApiGateway::DomainNameV2`, `AWS::ApiGatewayV2::DomainName`, SAM `AWS::Serverless::Api` / `AWS::Serverless::HttpApi` `Domain` (with `Globals`)',
    },
    peers: [],
    resourceTypes: DOMAIN_RESOURCE_TYPES,
  },
  check(ctx) {
    for (const site of domainSites(ctx)) {
      certificateForEndpoint(ctx, site);
      enhancedPolicy(ctx, site);
    }
  },
};

/** `CertificateArn` is the edge certificate, `RegionalCertificateArn` the regional one. */
function certificateForEndpoint(ctx: RuleContext, site: DomainSite): void {
  if (site.kind !== 'rest') return;
  const types = site.endpointTypes;
  if (types.includes('REGIONAL') && site.certificateArn) {
    ctx.report({
      path: site.certificateArn.path,
      message:
        'CertificateArn is the certificate of an edge-optimized domain, but EndpointConfiguration.Types is REGIONAL: ' +
        'API Gateway rejects the domain. Use RegionalCertificateArn (a certificate in the stack region) for a regional domain.',
      data: { endpointType: 'REGIONAL' },
    });
  }
  if (types.includes('EDGE') && site.regionalCertificateArn) {
    ctx.report({
      path: site.regionalCertificateArn.path,
      message:
        'RegionalCertificateArn is the certificate of a regional domain, but EndpointConfiguration.Types is EDGE: ' +
        'API Gateway rejects the domain. Use CertificateArn (a certificate in us-east-1) for an edge-optimized domain.',
      data: { endpointType: 'EDGE' },
    });
  }
}

function enhancedPolicy(ctx: RuleContext, site: DomainSite): void {
  const policy = site.securityPolicy;
  const enhanced = badStrings(policy, isEnhancedSecurityPolicy);
  if (!policy || !enhanced.length) return;
  const names = listValues(enhanced);
  if (site.hasAccessMode && site.endpointAccessMode === undefined) {
    reportPolicy(
      ctx,
      policy,
      enhanced,
      'access-mode',
      `SecurityPolicy ${names} is an enhanced security policy, which requires EndpointAccessMode: API Gateway rejects the domain without it. ` +
        'Set EndpointAccessMode: STRICT (or BASIC while migrating).',
    );
  }
  const edgeOnly = badStrings(policy, (v) => !!findApigwSecurityPolicy(v)?.edgeOnly);
  const types = site.endpointTypes;
  if (edgeOnly.length && types.length && !types.includes('EDGE')) {
    reportPolicy(
      ctx,
      policy,
      edgeOnly,
      'edge-only',
      `SecurityPolicy ${listValues(edgeOnly)} is for edge-optimized domains only, but this domain is ${quoteList(types)}. ` +
        'Use a regional enhanced policy such as SecurityPolicy_TLS13_1_2_2021_06 or SecurityPolicy_TLS13_1_3_2025_09.',
    );
  }
  if (site.mutualTls) {
    ctx.report({
      path: site.mutualTls.path,
      target: 'key',
      message:
        `Mutual TLS cannot be enabled on a domain with an enhanced security policy (${names}): API Gateway rejects the domain. ` +
        'Use SecurityPolicy TLS_1_2 with mutual TLS, or drop MutualTlsAuthentication.',
      related: relatedFor(enhanced),
    });
  }
  if (site.kind === 'sam-http') {
    reportPolicy(
      ctx,
      policy,
      enhanced,
      'http-api',
      `An HTTP API cannot be mapped to a domain with an enhanced security policy (${names}), so SAM's API mapping fails. ` +
        'Use SecurityPolicy TLS_1_2 for an HTTP API domain.',
    );
  }
}

/** Several problems can sit on one SecurityPolicy value: each gets its own finding (`key`). */
function reportPolicy(ctx: RuleContext, policy: RNode, bad: ReturnType<typeof badStrings>, problem: string, message: string): void {
  ctx.report({
    path: policy.path,
    key: `${pathKey(policy.path)}#${problem}`,
    message,
    related: relatedFor(bad),
    data: { problem },
  });
}

import { APIGW_RECOMMENDED, findApigwSecurityPolicy } from '../../data/apigw';
import { isBelow, tlsLabel } from '../../data/tls';
import type { Rule } from '../../engine/types';
import { badStrings, listValues, reportValue } from '../helpers';
import { missingPropertySite } from '../missing-property';
import { domainSites, DOMAIN_RESOURCE_TYPES } from '../../model/apigw/domains';
import { negotiatesTls12Anyway } from '../../model/apigw/mappings';

/** TLS 1.2 is the floor. */
const MINIMUM = '1.2';

export const apigwDomainTlsVersion: Rule = {
  meta: {
    id: 'apigw-domain-tls-version',
    severity: 'warning',
    summary:
      'API Gateway custom domain (or SAM Domain) with SecurityPolicy TLS_1_0; info when SecurityPolicy is not set, unless the domain serves only HTTP/WebSocket APIs.',
    fixable: true,
    docs: {
      severityNote: 'info when `SecurityPolicy` is absent; nothing for an HTTP/WebSocket-only v2 domain',
      appliesTo:
        '`AWS::ApiGateway::DomainName`, `AWS::ApiGateway::DomainNameV2`, `AWS::ApiGatewayV2::DomainName` (`DomainNameConfigurations[*]`), SAM `AWS::Serverless::Api` / `AWS::Serverless::HttpApi` `Domain`, `Globals.Api.Domain`, `Globals.HttpApi.Domain`',
    },
    peers: [
      'W62',
      'API_GW_DOMAIN_DENY_NON_TLS_TRAFFIC', // port of W62
      '8275fab0-68ec-4705-bbf4-86975edb170e', // KICS API Gateway Without Security Policy
      'AWS-0005',
      'AWS-0112',
      'CKV_AWS_206',
    ],
    resourceTypes: DOMAIN_RESOURCE_TYPES,
  },
  check(ctx) {
    const recommended = ctx.settings.recommendedPolicies.apigw ?? APIGW_RECOMMENDED;
    for (const site of domainSites(ctx)) {
      const policy = site.securityPolicy;
      if (policy === undefined) {
        if (negotiatesTls12Anyway(ctx, site)) continue; // HTTP/WebSocket APIs only: nothing to advise
        const missing = missingPropertySite(
          ctx.template.root,
          site.scenario,
          site.holderPath,
          'SecurityPolicy',
          recommended,
          `Insert SecurityPolicy: ${recommended}`,
        );
        ctx.report({
          path: missing.path,
          target: missing.target,
          severity: 'info',
          message:
            `${site.label} has no SecurityPolicy. Custom domains created now default to TLS_1_2, but a domain created ` +
            `before that default changed keeps TLS_1_0 and accepts TLS 1.0 clients. Set SecurityPolicy: ${recommended} explicitly.`,
          fixes: [missing.fix],
          data: { recommended },
        });
        continue;
      }
      const bad = badStrings(policy, (v) => {
        const p = findApigwSecurityPolicy(v);
        return !!p && isBelow(p.minTls, MINIMUM);
      });
      if (!bad.length) continue;
      const floors = [...new Set(bad.map((c) => tlsLabel(findApigwSecurityPolicy(c.value)!.minTls)))].join(', ');
      reportValue(ctx, {
        node: policy,
        bad,
        message:
          `SecurityPolicy ${listValues(bad)} lets clients connect to the custom domain with ${floors}. ` +
          `Use ${recommended} (or an enhanced SecurityPolicy_TLS13_* policy) so API Gateway refuses anything below TLS 1.2.`,
        fixValue: recommended,
        fixWhat: 'SecurityPolicy',
        data: { recommended },
      });
    }
  },
};

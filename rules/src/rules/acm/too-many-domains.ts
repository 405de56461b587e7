import { ACM_MAX_DOMAIN_NAMES } from '../../data/acm';
import { pathKey } from '../../parse/source-tree';
import type { Rule } from '../../engine/types';
import { toFixValue } from '../helpers';
import { CERTIFICATE, certainValue, certificateNames, propertyPath } from '../../model/acm/certificate';

export const acmTooManyDomains: Rule = {
  meta: {
    id: 'acm-too-many-domains',
    severity: 'warning',
    summary: `More than ${ACM_MAX_DOMAIN_NAMES} names (DomainName plus SubjectAlternativeNames) on one certificate: over ACM's default quota.`,
    fixable: false,
    peers: [],
    resourceTypes: [CERTIFICATE],
  },
  check(ctx) {
    for (const view of ctx.viewsOf(CERTIFICATE)) {
      const { names, subjectAlternativeNames: sans, listKnown } = certificateNames(view);
      if (!sans || !listKnown) continue;
      // Distinct names: a known name by value, an unknown one by what is written (the same intrinsic is one name).
      const distinct = new Set<string>();
      for (const n of names) {
        const value = certainValue(n, (s) => s.toLowerCase());
        distinct.add(value !== undefined ? `=${value}` : `~${JSON.stringify(toFixValue(n.node.node))}`);
      }
      if (distinct.size <= ACM_MAX_DOMAIN_NAMES) continue;
      ctx.report({
        path: sans.path,
        key: pathKey(propertyPath(view, 'SubjectAlternativeNames')),
        message: `The certificate has ${distinct.size} names (DomainName and SubjectAlternativeNames); ACM's default quota is ${ACM_MAX_DOMAIN_NAMES} names per certificate, so the request fails unless the quota was raised in Service Quotas. Split the names over several certificates or request a quota increase.`,
        data: { names: distinct.size, quota: ACM_MAX_DOMAIN_NAMES },
      });
    }
  },
};

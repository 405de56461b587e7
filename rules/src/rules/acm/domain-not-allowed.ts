import type { Rule } from '../../engine/types';
import { pathKey } from '../../parse/source-tree';
import { quoteList, relatedFor } from '../helpers';
import { baseName, isWithin, nameKey } from '../../model/acm/domain-names';
import { CERTIFICATE, certificateNames, nameCandidates, NameProperty, propertyPath } from '../../model/acm/certificate';

export const acmDomainNotAllowed: Rule = {
  meta: {
    id: 'acm-domain-not-allowed',
    severity: 'warning',
    summary: 'Certificate name outside the configured organisation domains (allowedDomains); runs only when allowedDomains is set.',
    fixable: false,
    docs: { severityNote: 'only with `allowedDomains`' },
    peers: [],
    resourceTypes: [CERTIFICATE],
  },
  check(ctx) {
    const allowed = [...new Set((ctx.settings.allowedDomains ?? []).map((d) => baseName(nameKey(d))).filter((d) => d !== ''))];
    if (!allowed.length) return;
    // A name is inside when it is an allowed domain or a subdomain of one; a wildcard counts by its base.
    const inside = (name: string): boolean => allowed.some((d) => isWithin(baseName(nameKey(name)), d));
    for (const view of ctx.viewsOf(CERTIFICATE)) {
      const { names } = certificateNames(view);
      for (const property of ['DomainName', 'SubjectAlternativeNames'] as NameProperty[]) {
        const outside = names
          .filter((n) => n.property === property)
          .map((n) => ({ n, bad: nameCandidates(n).filter((c) => c.value.trim() !== '' && !inside(c.value)) }))
          .filter((o) => o.bad.length);
        if (!outside.length) continue;
        const values = outside.flatMap((o) => o.bad.map((c) => c.value));
        ctx.report({
          path: outside[0].n.node.path,
          key: pathKey(propertyPath(view, property)),
          message: `${property} ${quoteList(values)} is outside the organisation's domains (${allowed.join(', ')}): ACM issues a certificate for any domain whose owner approves, so a name outside them, such as a look-alike, is one your organisation does not control. Use a name under an allowed domain, or add the domain to allowedDomains.`,
          related: [
            ...relatedFor(outside.flatMap((o) => o.bad)),
            ...outside.slice(1).map((o) => ({ path: o.n.node.path, message: `${quoteList(o.bad.map((c) => c.value))} is outside too` })),
          ],
          data: { allowedDomains: allowed },
        });
      }
    }
  },
};

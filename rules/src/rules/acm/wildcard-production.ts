import type { Rule } from '../../engine/types';
import { pathKey } from '../../parse/source-tree';
import { quoteList, relatedFor } from '../helpers';
import { isWildcard } from '../../model/acm/domain-names';
import { CERTIFICATE, certificateNames, nameCandidates, NameProperty, propertyPath } from '../../model/acm/certificate';

export const acmWildcardProduction: Rule = {
  meta: {
    id: 'acm-wildcard-production',
    severity: 'warning',
    summary: 'Wildcard name on a certificate of a production template or resource.',
    fixable: false,
    docs: { severityNote: 'production only' },
    peers: ['CKV2_AWS_71'],
    resourceTypes: [CERTIFICATE],
  },
  check(ctx) {
    for (const view of ctx.viewsOf(CERTIFICATE)) {
      if (!ctx.isProduction(view.resource)) continue;
      const { names } = certificateNames(view);
      for (const property of ['DomainName', 'SubjectAlternativeNames'] as NameProperty[]) {
        const wild = names
          .filter((n) => n.property === property)
          .map((n) => ({ n, bad: nameCandidates(n).filter((c) => isWildcard(c.value)) }))
          .filter((w) => w.bad.length);
        if (!wild.length) continue;
        const values = wild.flatMap((w) => w.bad.map((c) => c.value));
        ctx.report({
          path: wild[0].n.node.path,
          key: pathKey(propertyPath(view, property)),
          message: `${property} ${quoteList(values)} is a wildcard on a production certificate: its key serves every host under the domain, so one leaked key or misused host exposes them all; keep wildcards for non-production endpoints. Name the production hosts explicitly.`,
          related: [
            ...relatedFor(wild.flatMap((w) => w.bad)),
            ...wild.slice(1).map((w) => ({ path: w.n.node.path, message: `${quoteList(w.bad.map((c) => c.value))} is a wildcard too` })),
          ],
        });
      }
    }
  },
};

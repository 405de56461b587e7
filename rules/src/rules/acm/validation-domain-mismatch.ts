import type { Candidate, RNode } from '../../evaluate/values';
import { pathKey } from '../../parse/source-tree';
import { entry, stringCandidates } from '../../evaluate/values';
import type { Rule } from '../../engine/types';
import { quote, quoteList, relatedFor } from '../helpers';
import { baseName, isWithin, nameKey } from '../../model/acm/domain-names';
import { CERTIFICATE, certificateNames, isKnownName, nameCandidates, propertyPath } from '../../model/acm/certificate';

interface Problem {
  node: RNode;
  bad: Candidate[];
  text: string;
}

export const acmValidationDomainMismatch: Rule = {
  meta: {
    id: 'acm-validation-domain-mismatch',
    severity: 'error',
    summary: 'DomainValidationOptions entry for a name the certificate does not request, or a ValidationDomain that is not that name or a superdomain of it.',
    fixable: false,
    peers: ['E3503'],
    resourceTypes: [CERTIFICATE],
  },
  check(ctx) {
    for (const view of ctx.viewsOf(CERTIFICATE)) {
      const dvo = entry(view.props, 'DomainValidationOptions');
      if (!dvo || dvo.kind !== 'seq') continue;
      const { names, listKnown } = certificateNames(view);
      // Every requested name must be known to say that an entry names none of them.
      const requested =
        listKnown && names.length && names.every(isKnownName)
          ? new Set(names.flatMap((n) => nameCandidates(n).map((c) => baseName(nameKey(c.value)))))
          : undefined;
      const problems: Problem[] = [];
      for (const item of dvo.items) {
        const nameNode = entry(item, 'DomainName');
        const nameCands = stringCandidates(nameNode);
        if (requested && nameNode) {
          const bad = nameCands.filter((c) => !requested.has(baseName(nameKey(c.value))));
          if (bad.length)
            problems.push({ node: nameNode, bad, text: `${quoteList(bad.map((c) => c.value))} is neither DomainName nor a SubjectAlternativeNames entry` });
        }
        const domainNode = entry(item, 'ValidationDomain');
        // The entry's own name must be certain to judge its ValidationDomain.
        const own = new Set(nameCands.map((c) => baseName(nameKey(c.value))));
        if (!domainNode || !nameNode || nameNode.kind !== 'leaf' || own.size !== 1 || nameCands.length !== nameNode.candidates.length) continue;
        const name = [...own][0];
        const bad = stringCandidates(domainNode).filter((c) => !isWithin(name, nameKey(c.value)));
        if (bad.length)
          problems.push({
            node: domainNode,
            bad,
            text: `ValidationDomain ${quoteList(bad.map((c) => c.value))} is neither ${quote(name)} nor a superdomain of it`,
          });
      }
      if (!problems.length) continue;
      ctx.report({
        path: problems[0].node.path,
        key: pathKey(propertyPath(view, 'DomainValidationOptions')),
        message: `DomainValidationOptions: ${problems.map((p) => p.text).join('; ')}. ACM rejects validation options that do not match the requested names, and sends validation email only to the name or a superdomain of it. Correct the entry.`,
        related: [...problems.slice(1).map((p) => ({ path: p.node.path, message: p.text })), ...problems.flatMap((p) => relatedFor(p.bad))],
      });
    }
  },
};

import type { Fix, FixIntent, Rule } from '../../engine/types';
import { pathKey } from '../../parse/source-tree';
import { quote } from '../helpers';
import { CERTIFICATE, CertificateName, certainValue, certificateNames, isKnownName, nameCandidates, propertyPath } from '../../model/acm/certificate';

const lower = (s: string): string => s.toLowerCase();

/** Values a name may take, lower-cased. */
function valuesOf(n: CertificateName): Set<string> {
  return new Set(nameCandidates(n).map((c) => lower(c.value)));
}

/** Both names written through the same parameter or mapping entry: always equal. */
function sameSource(a: CertificateName, b: CertificateName): boolean {
  if (a.node.kind !== 'leaf' || b.node.kind !== 'leaf') return false;
  const pa = a.node.candidates.map((c) => (c.origin === 'inplace' ? '' : pathKey(c.path)));
  const pb = b.node.candidates.map((c) => (c.origin === 'inplace' ? '' : pathKey(c.path)));
  return pa.every((p) => p !== '') && pa.length === pb.length && pa.every((p, i) => p === pb[i]);
}

/** The value two names certainly share (one of them can only be that value), if any. */
function collision(a: CertificateName, b: CertificateName): string | undefined {
  if (!isKnownName(a) || !isKnownName(b)) return undefined;
  if (sameSource(a, b)) return [...valuesOf(a)][0];
  const ca = certainValue(a, lower);
  if (ca !== undefined && valuesOf(b).has(ca)) return ca;
  const cb = certainValue(b, lower);
  if (cb !== undefined && valuesOf(a).has(cb)) return cb;
  return undefined;
}

export const acmDuplicateDomain: Rule = {
  meta: {
    id: 'acm-duplicate-domain',
    severity: 'warning',
    summary: 'SubjectAlternativeNames entry that repeats DomainName or another entry (case-insensitive).',
    fixable: true,
    peers: [],
    resourceTypes: [CERTIFICATE],
  },
  check(ctx) {
    for (const view of ctx.viewsOf(CERTIFICATE)) {
      const { names, subjectAlternativeNames: sans } = certificateNames(view);
      const duplicates: { name: CertificateName; value: string; of: CertificateName; certain: boolean }[] = [];
      names.forEach((n, i) => {
        if (n.property !== 'SubjectAlternativeNames') return;
        for (const earlier of names.slice(0, i)) {
          const value = collision(n, earlier);
          if (value === undefined) continue;
          const certain = sameSource(n, earlier) || (certainValue(n, lower) !== undefined && certainValue(earlier, lower) !== undefined);
          duplicates.push({ name: n, value, of: earlier, certain });
          break;
        }
      });
      if (!duplicates.length || !sans || sans.kind !== 'seq') continue;
      const first = duplicates[0];
      const describe = (d: (typeof duplicates)[number]): string =>
        `${quote(d.value)} repeats ${d.of.property === 'DomainName' ? 'DomainName' : 'an earlier entry'}`;
      ctx.report({
        path: first.name.node.path,
        key: pathKey(propertyPath(view, 'SubjectAlternativeNames')),
        message: `SubjectAlternativeNames ${duplicates.map(describe).join(', ')} (names are case-insensitive): ACM puts DomainName into the certificate's names anyway, and a repeated name only adds a validation record and counts against the names quota. Remove the duplicate.`,
        related: duplicates.slice(1).map((d) => ({ path: d.name.node.path, message: describe(d) })),
        fixes: removeFix(view.path, sans.path, sans.items.length, duplicates),
      });
    }
  },
};

function removeFix(
  propertiesPath: (string | number)[],
  listPath: (string | number)[],
  listLength: number,
  duplicates: { name: CertificateName; certain: boolean }[],
): Fix[] | undefined {
  const removable = duplicates.filter((d) => d.name.itemPath);
  if (!removable.length) return undefined;
  const safe = removable.every((d) => d.certain);
  const listInPlace = pathKey(listPath) === pathKey([...propertiesPath, 'SubjectAlternativeNames']);
  let intents: FixIntent[];
  if (removable.length === listLength) {
    // An empty list is rejected by ACM: drop the property instead.
    if (!listInPlace) return undefined;
    intents = [{ kind: 'remove', path: listPath }];
  } else intents = removable.map((d) => ({ kind: 'remove' as const, path: d.name.itemPath! }));
  const title = removable.length === 1 ? 'Remove the duplicate name' : `Remove the ${removable.length} duplicate names`;
  return [{ title, intents, safe }];
}

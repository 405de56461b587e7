import { pcaKeyAlgorithmFamily, signingAlgorithmFamily } from '../../data/acm';
import type { Candidate, RNode } from '../../evaluate/values';
import { entry, stringCandidates } from '../../evaluate/values';
import type { Rule, RuleContext } from '../../engine/types';
import { listValues, relatedFor } from '../helpers';
import { CERTIFICATE_AUTHORITY } from '../../model/pca-iam/certificate-authority';

const FAMILY_LABEL: Readonly<Record<string, string>> = { RSA: 'RSA', ECDSA: 'ECDSA', SM2: 'SM2', ML_DSA: 'ML-DSA' };

export const pcaAlgorithmFamilyMismatch: Rule = {
  meta: {
    id: 'pca-algorithm-family-mismatch',
    severity: 'error',
    summary: 'Private CA whose SigningAlgorithm family (RSA/ECDSA) differs from its KeyAlgorithm family: creating the CA fails.',
    fixable: false,
    peers: [],
    resourceTypes: [CERTIFICATE_AUTHORITY],
  },
  check(ctx) {
    for (const view of ctx.viewsOf(CERTIFICATE_AUTHORITY)) {
      const key = entry(view.props, 'KeyAlgorithm');
      const signing = entry(view.props, 'SigningAlgorithm');
      const keys = families(key, pcaKeyAlgorithmFamily);
      const signs = families(signing, signingAlgorithmFamily);
      if (!keys.length || !signs.length || !key || !signing) continue;
      const keyFamilies = new Set(keys.map((k) => k.family));
      const signFamilies = new Set(signs.map((s) => s.family));
      // When one side has a single family, every value of the other side must be of it. When both
      // offer several families (two parameters), pairing them is the user's choice: no finding.
      if (keyFamilies.size === 1) {
        const bad = signs.filter((s) => !keyFamilies.has(s.family));
        report(ctx, signing, bad, 'SigningAlgorithm', `KeyAlgorithm ${listValues(keys.map((k) => k.c))}`, [...keyFamilies][0]);
      } else if (signFamilies.size === 1) {
        const bad = keys.filter((k) => !signFamilies.has(k.family));
        report(ctx, key, bad, 'KeyAlgorithm', `SigningAlgorithm ${listValues(signs.map((s) => s.c))}`, [...signFamilies][0]);
      }
    }
  },
};

function families(n: RNode | undefined, familyOf: (v: string) => string | undefined): { c: Candidate; family: string }[] {
  return stringCandidates(n).flatMap((c) => {
    const family = familyOf(c.value);
    return family ? [{ c, family }] : [];
  });
}

function report(ctx: RuleContext, node: RNode, bad: { c: Candidate; family: string }[], property: string, other: string, otherFamily: string): void {
  if (!bad.length) return;
  const label = (f: string): string => FAMILY_LABEL[f] ?? f;
  const badFamilies = [...new Set(bad.map((b) => label(b.family)))].join('/');
  const cands = bad.map((b) => b.c);
  ctx.report({
    path: node.path,
    message:
      `${property} ${listValues(cands)} is ${badFamilies}, but ${other} is ${label(otherFamily)}: AWS Private CA requires the ` +
      `signing algorithm family to match the family of the CA's key, so creating the CA fails. Use ${label(otherFamily)} for both.`,
    related: relatedFor(cands),
  });
}

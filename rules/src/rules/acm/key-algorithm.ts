import { ACM_KEY_ALGORITHMS, ACM_REQUESTABLE_KEY_ALGORITHMS, ACM_WEAK_KEY_ALGORITHMS, keyAlgorithmFamily } from '../../data/acm';
import { pathKey } from '../../parse/source-tree';
import { ACM_KEY_ALGORITHM_REPLACEMENT } from '../../data/acm-practice';
import { entry } from '../../evaluate/values';
import type { FixIntent, Rule } from '../../engine/types';
import { badStrings, quote, quoteList, relatedFor } from '../helpers';
import { CERTIFICATE } from '../../model/acm/certificate';

/** Known algorithms ACM cannot issue on request (imports only); unknown spellings are left to AWS. */
function notRequestable(alg: string): boolean {
  return ACM_KEY_ALGORITHMS.includes(alg) && !ACM_REQUESTABLE_KEY_ALGORITHMS.includes(alg);
}

function replacementFor(alg: string): string {
  return ACM_KEY_ALGORITHM_REPLACEMENT[keyAlgorithmFamily(alg) === 'EC' ? 'EC' : 'RSA'];
}

export const acmKeyAlgorithm: Rule = {
  meta: {
    id: 'acm-key-algorithm',
    severity: 'error',
    summary: 'KeyAlgorithm RSA_1024, or one ACM cannot issue on request (RSA_3072, RSA_4096, EC_secp521r1).',
    fixable: true,
    peers: ['ACM.2'],
    resourceTypes: [CERTIFICATE],
  },
  check(ctx) {
    for (const view of ctx.viewsOf(CERTIFICATE)) {
      const alg = entry(view.props, 'KeyAlgorithm');
      const bad = badStrings(alg, notRequestable);
      if (!alg || !bad.length) continue;
      const weak = bad.filter((c) => ACM_WEAK_KEY_ALGORITHMS.includes(c.value));
      const replacements = [...new Set(bad.map((c) => replacementFor(c.value)))];
      const intents: FixIntent[] = [];
      const seen = new Set<string>();
      for (const c of bad) {
        const key = pathKey(c.path);
        if (seen.has(key)) continue;
        seen.add(key);
        intents.push({ kind: 'set', path: c.path, value: replacementFor(c.value) });
      }
      ctx.report({
        path: alg.path,
        message:
          `KeyAlgorithm ${quoteList(bad.map((c) => c.value))}: ACM issues requested certificates only with ${ACM_REQUESTABLE_KEY_ALGORITHMS.join(', ')} (the others are for imported certificates), so CloudFormation fails to create the certificate` +
          `${weak.length ? '; RSA_1024 is also below the 2048-bit minimum (Security Hub ACM.2)' : ''}. Use ${replacements.join(' or ')}.`,
        related: relatedFor(bad),
        fixes: [{ title: `Set KeyAlgorithm to ${replacements.map(quote).join(' / ')}`, intents, safe: true }],
        data: { replacements },
      });
    }
  },
};

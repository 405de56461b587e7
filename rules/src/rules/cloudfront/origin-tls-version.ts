import { CLOUDFRONT_RECOMMENDED_ORIGIN_SSL_PROTOCOLS, originSslProtocolFloor } from '../../data/cloudfront';
import { DEFAULT_MINIMUM_TLS, isBelow } from '../../data/tls';
import type { Candidate, RNode, RSeq } from '../../evaluate/values';
import { entry } from '../../evaluate/values';
import type { Fix, FixIntent, Rule } from '../../engine/types';
import { listValues, relatedFor } from '../helpers';
import { candidatesIn, customOriginsOf, DISTRIBUTION, distributions } from '../../model/cloudfront/distribution';

export const cloudfrontOriginTlsVersion: Rule = {
  meta: {
    id: 'cloudfront-origin-tls-version',
    severity: 'warning',
    summary: 'Custom origin OriginSSLProtocols allowing SSLv3, TLSv1 or TLSv1.1 between CloudFront and the origin.',
    fixable: true,
    peers: ['CloudFront.10', 'CKV2_AWS_54'],
    resourceTypes: [DISTRIBUTION],
  },
  check(ctx) {
    const replacement = [...CLOUDFRONT_RECOMMENDED_ORIGIN_SSL_PROTOCOLS];
    for (const { config } of distributions(ctx)) {
      for (const origin of customOriginsOf(config)) {
        const list = entry(origin.custom, 'OriginSSLProtocols');
        if (!list || list.kind !== 'seq') continue;
        // With http-only CloudFront never speaks TLS to the origin: the list has no effect (cloudfront-origin-http covers it).
        const policy = entry(origin.custom, 'OriginProtocolPolicy');
        if (policy && policy.kind === 'leaf' && candidatesIn(policy, ['http-only']).length === policy.candidates.length) continue;
        const bad: Candidate[] = [];
        const badItems: RNode[] = [];
        for (const item of list.items) {
          const weak = item.kind === 'leaf' ? item.candidates.filter(isWeak) : [];
          if (weak.length) badItems.push(item);
          bad.push(...weak);
        }
        if (!bad.length) continue;
        ctx.report({
          // One weak entry: the range covers it; several: the list.
          path: badItems.length === 1 ? badItems[0].path : list.path,
          message:
            `OriginSSLProtocols allows ${listValues(bad)} between CloudFront and the origin: the list names every protocol CloudFront may use, ` +
            `so an origin (or an attacker in the path) that offers only an old protocol gets it. Set it to [${replacement.join(', ')}].`,
          related: relatedFor(bad),
          fixes: [protocolsFix(list, badItems, replacement)],
          data: { replacement },
        });
      }
    }
  },
};

function isWeak(c: Candidate): boolean {
  const floor = typeof c.value === 'string' ? originSslProtocolFloor(c.value) : undefined;
  return floor !== undefined && isBelow(floor, DEFAULT_MINIMUM_TLS);
}

/**
 * The fix makes the list [TLSv1.2]. When every weak entry is an item of the list itself (a literal,
 * or a `Ref` whose parameter is then no longer needed), it edits those items only (removing them,
 * or turning the first into TLSv1.2 when nothing else is left), so the list keeps its style and
 * comments; otherwise (entries inside `Fn::If`, unknown neighbours) it sets the whole list.
 */
function protocolsFix(list: RSeq, badItems: RNode[], replacement: string[]): Fix {
  const title = `Set OriginSSLProtocols to [${replacement.join(', ')}]`;
  const direct = badItems.every((i) => i.path.length === list.path.length + 1 && list.path.every((p, k) => i.path[k] === p));
  const others = list.items.filter((i) => !badItems.includes(i));
  const othersGood = others.every((i) => i.kind === 'leaf' && i.candidates.every((c) => replacement.includes(String(c.value))));
  if (!direct || !othersGood || replacement.length !== 1) {
    return { title, intents: [{ kind: 'set', path: list.path, value: replacement }], safe: true };
  }
  const keep = others.length ? [] : [badItems[0]];
  const intents: FixIntent[] = [
    ...keep.map((i): FixIntent => ({ kind: 'set', path: i.path, value: replacement[0] })),
    ...badItems.filter((i) => !keep.includes(i)).map((i): FixIntent => ({ kind: 'remove', path: i.path })),
  ];
  return { title, intents, safe: true };
}

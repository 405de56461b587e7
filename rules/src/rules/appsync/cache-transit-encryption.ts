import type { Candidate } from '../../evaluate/values';
import { entry } from '../../evaluate/values';
import type { Rule } from '../../engine/types';
import { relatedFor, setValueFix } from '../helpers';

const API_CACHE = 'AWS::AppSync::ApiCache';

function isFalse(c: Candidate): boolean {
  return c.value === false || (typeof c.value === 'string' && c.value.toLowerCase() === 'false');
}

/**
 * AWS deprecated `TransitEncryptionEnabled` on 2025-05-15: "Encryption in transit is always
 * enabled" (AppSync API model, in every SDK). So `false` no longer weakens a new cache; it is
 * reported as info because a cache created before then with `false` stays unencrypted (the setting
 * "cannot be updated after creation"), and because peers (AWS Config, Security Hub AppSync.6) still
 * fail a cache whose flag is false. An absent flag is not reported.
 */
export const appsyncCacheTransitEncryption: Rule = {
  meta: {
    id: 'appsync-cache-transit-encryption',
    severity: 'info',
    summary: 'AppSync API cache with TransitEncryptionEnabled: false (a deprecated flag: AWS now always encrypts, but an older cache keeps its setting).',
    fixable: true,
    docs: { fixNote: 'quick fix only (editor)' },
    peers: [
      'APPSYNC_CACHE_CT_ENCRYPTION_IN_TRANSIT', // AWS Config appsync-cache-ct-encryption-in-transit
      'AppSync.6',
      'CT.APPSYNC.PR.4',
    ],
    resourceTypes: [API_CACHE],
  },
  check(ctx) {
    for (const view of ctx.viewsOf(API_CACHE)) {
      const flag = entry(view.props, 'TransitEncryptionEnabled');
      if (!flag || flag.kind !== 'leaf') continue;
      const bad = flag.candidates.filter(isFalse);
      if (!bad.length) continue;
      const fix = setValueFix(bad, true, 'TransitEncryptionEnabled', false);
      fix.title = `${fix.title} (quick fix only: AppSync cannot change this setting on an existing cache)`;
      ctx.report({
        path: flag.path,
        message:
          `API cache ${view.resource.id} sets TransitEncryptionEnabled to false. AppSync deprecated the flag and now always encrypts ` +
          'the connection to a cache, but a cache created with false before that change stays unencrypted until it is recreated, and ' +
          'AWS Config and Security Hub (AppSync.6) still report the false flag. Set it to true, or remove it.',
        related: relatedFor(bad),
        fixes: [fix],
      });
    }
  },
};

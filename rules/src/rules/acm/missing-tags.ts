import { ACM_DEFAULT_TAG_KEYS } from '../../data/acm-practice';
import { pathKey } from '../../parse/source-tree';
import type { RNode } from '../../evaluate/values';
import { entry, stringCandidates } from '../../evaluate/values';
import { ruleOption } from '../../engine/config';
import type { Fix, FixIntent, ResourceView, Rule } from '../../engine/types';
import { quote } from '../helpers';
import { CERTIFICATE, propertyPath, writtenProperty } from '../../model/acm/certificate';

/**
 * Tag keys certainly present on the certificate in one scenario; undefined when some key is
 * unknown. A key from a parameter counts only when every value it allows is that key.
 */
function presentKeys(tags: RNode | undefined): Set<string> | undefined {
  if (tags === undefined) return new Set();
  if (tags.kind !== 'seq') return undefined;
  const keys = new Set<string>();
  for (const item of tags.items) {
    const key = entry(item, 'Key');
    const cands = stringCandidates(key);
    if (!key || key.kind !== 'leaf' || cands.length !== key.candidates.length) return undefined;
    const values = new Set(cands.map((c) => c.value));
    if (values.size === 1) keys.add(cands[0].value);
  }
  return keys;
}

/** Inserts `Tags` with the keys, or appends them to a `Tags` list written in place; values empty for the owner to fill in. */
function tagsFix(view: ResourceView, tags: RNode | undefined, keys: readonly string[], safe: boolean): Fix | undefined {
  if (!view.props || !keys.length) return undefined;
  const items = keys.map((k) => ({ Key: k, Value: '' }));
  const title = `Add the tag${keys.length > 1 ? 's' : ''} ${keys.join(', ')}`;
  const tagsPath = propertyPath(view, 'Tags');
  let intents: FixIntent[];
  if (tags === undefined) {
    if (writtenProperty(view, 'Tags') !== undefined) return undefined; // absent only in an Fn::If branch
    intents = [{ kind: 'insert', path: view.path, key: 'Tags', value: items }];
  } else if (tags.kind === 'seq' && pathKey(tags.path) === pathKey(tagsPath)) {
    intents = items.map((value) => ({ kind: 'append' as const, path: tagsPath, value }));
  } else return undefined;
  return { title, intents, safe };
}

export const acmMissingTags: Rule = {
  meta: {
    id: 'acm-missing-tags',
    severity: 'info',
    summary: 'Certificate without Tags, or (with requiredTags) without each required tag key: one finding per missing key.',
    fixable: true,
    docs: { severityNote: 'warning per missing key with `requiredTags`' },
    peers: [],
    resourceTypes: [CERTIFICATE],
    options: { requiredTags: { type: 'string[]', description: 'Tag keys every certificate must carry (each missing key is a warning)' } },
  },
  check(ctx) {
    const option = ruleOption<unknown>(ctx.options, 'requiredTags', undefined);
    const required = Array.isArray(option) ? [...new Set(option.filter((k): k is string => typeof k === 'string' && k !== ''))] : undefined;
    for (const view of ctx.viewsOf(CERTIFICATE)) {
      const tags = entry(view.props, 'Tags');
      const site = tags ? { path: tags.path } : { path: view.path, target: 'key' as const };
      if (!required || !required.length) {
        if (tags !== undefined && (tags.kind !== 'seq' || tags.items.length)) continue; // some tag, or unknown
        // Suggested keys, not configured ones: offered, but not applied by fix-all.
        const fix = tagsFix(view, tags, ACM_DEFAULT_TAG_KEYS, false);
        ctx.report({
          ...site,
          key: pathKey(propertyPath(view, 'Tags')),
          message: `Certificate without tags: tags say who owns a certificate, which team it was issued for and which application uses it, which is what renewals, audits and revocations need at scale. Add Tags such as ${ACM_DEFAULT_TAG_KEYS.join(', ')}.`,
          fixes: fix ? [fix] : undefined,
          data: { missing: ACM_DEFAULT_TAG_KEYS },
        });
        continue;
      }
      const keys = presentKeys(tags);
      if (!keys) continue;
      const missing = required.filter((k) => !keys.has(k));
      // One finding per missing key; each fix adds every missing key, but only the first is in fix-all (the others would add them again).
      missing.forEach((key, i) => {
        const fix = tagsFix(view, tags, missing, i === 0);
        ctx.report({
          ...site,
          key: `${pathKey(propertyPath(view, 'Tags'))}\u0000tag:${key}`,
          severity: ctx.severity === 'error' ? 'error' : 'warning',
          message: `Certificate without the tag ${quote(key)}, which the configuration requires (requiredTags: ${required.join(', ')}). Add it: tags say who owns the certificate and who to ask at renewal or revocation.`,
          fixes: fix ? [fix] : undefined,
          data: { missing: key },
        });
      });
    }
  },
};

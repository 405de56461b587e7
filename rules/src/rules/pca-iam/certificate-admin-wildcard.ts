import { LIFECYCLE_ACTION_EFFECTS, lifecycleActionsMatching } from '../../data/iam-certificate-actions';
import type { Rule } from '../../engine/types';
import { quoteList, relatedFor } from '../helpers';
import { iamStatements, INLINE_POLICY_TYPES, POLICY_DOCUMENT_TYPES } from '../../model/pca-iam/iam-statements';

export const iamCertificateAdminWildcard: Rule = {
  meta: {
    id: 'iam-certificate-admin-wildcard',
    severity: 'warning',
    summary: 'IAM statement allowing certificate lifecycle actions (delete, import, export, issue, revoke; acm:*, acm-pca:*, *) on Resource "*".',
    fixable: false,
    docs: {
      appliesTo:
        '`AWS::IAM::Policy`, `AWS::IAM::ManagedPolicy`, `AWS::IAM::RolePolicy`, `AWS::IAM::UserPolicy`, `AWS::IAM::GroupPolicy`, inline `Policies` of `AWS::IAM::Role` / `User` / `Group`',
    },
    peers: [],
    resourceTypes: [...POLICY_DOCUMENT_TYPES, ...INLINE_POLICY_TYPES],
  },
  check(ctx) {
    for (const st of iamStatements(ctx)) {
      if (!st.effects.includes('Allow') || !st.resourceStar) continue;
      const offending = st.actions.filter((a) => lifecycleActionsMatching(a.value).length > 0);
      if (!offending.length) continue;
      const allowed = [...new Set(offending.flatMap((a) => lifecycleActionsMatching(a.value)))];
      // Name the written pattern only where it is not simply the action itself.
      const patterns = [...new Set(offending.map((a) => a.value).filter((v) => !allowed.some((x) => x.toLowerCase() === v.toLowerCase())))];
      const through = patterns.length ? ` (through ${quoteList(patterns)})` : '';
      ctx.report({
        path: st.path,
        key: st.key,
        message:
          `This statement allows ${allowed.join(', ')}${through} on Resource "*": whoever holds the policy can ` +
          `${allowed.map((a) => LIFECYCLE_ACTION_EFFECTS[a]).join('; ')}. Name the certificates or CAs in Resource, ` +
          'and grant lifecycle actions only to the roles that manage certificates.',
        related: relatedFor(offending.flatMap((a) => (a.candidate ? [a.candidate] : []))),
        data: { actions: allowed },
      });
    }
  },
};

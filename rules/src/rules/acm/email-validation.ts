import { ACM_DEFAULT_VALIDATION_METHOD } from '../../data/acm';
import { ACM_RECOMMENDED_VALIDATION_METHOD } from '../../data/acm-practice';
import { entry } from '../../evaluate/values';
import type { Rule } from '../../engine/types';
import { badStrings, insertFix, quote, reportValue } from '../helpers';
import { CERTIFICATE, isNoValue, isPublic, noValueBranch, propertyPath, writtenProperty } from '../../model/acm/certificate';

const WHY =
  'ACM then emails the domain contacts for every name, and the certificate is issued and renewed only after someone approves (the stack waits in CREATE_IN_PROGRESS meanwhile)';

export const acmEmailValidation: Rule = {
  meta: {
    id: 'acm-email-validation',
    severity: 'warning',
    summary: 'Public ACM certificate validated by email (ValidationMethod EMAIL, or absent: the default): renewal waits on a person.',
    fixable: true,
    peers: [],
    resourceTypes: [CERTIFICATE],
  },
  check(ctx) {
    const dns = ACM_RECOMMENDED_VALIDATION_METHOD;
    for (const view of ctx.viewsOf(CERTIFICATE)) {
      if (!view.props || !isPublic(view)) continue;
      const method = entry(view.props, 'ValidationMethod');
      if (method) {
        reportValue(ctx, {
          node: method,
          bad: badStrings(method, (v) => v === 'EMAIL'),
          message: `ValidationMethod EMAIL on a public certificate: ${WHY}. Use DNS validation, which ACM renews automatically while the CNAME record stays in place.`,
          fixValue: dns,
          fixWhat: 'ValidationMethod',
        });
        continue;
      }
      const written = writtenProperty(view, 'ValidationMethod');
      if (written !== undefined) {
        // Written, but AWS::NoValue here: directly, or in the Fn::If branch of this scenario.
        const path = propertyPath(view, 'ValidationMethod');
        const target = isNoValue(written) ? path : noValueBranch(written, path);
        ctx.report({
          path,
          message: `ValidationMethod is AWS::NoValue${target && target !== path ? ' in one branch' : ''}, so CloudFormation requests the default, ${ACM_DEFAULT_VALIDATION_METHOD} validation: ${WHY}. Use DNS.`,
          fixes: target ? [{ title: `Set ValidationMethod to ${quote(dns)}`, intents: [{ kind: 'set', path: target, value: dns }], safe: true }] : undefined,
        });
        continue;
      }
      ctx.report({
        path: view.path,
        target: 'key',
        message: `Public certificate without ValidationMethod: CloudFormation then requests ${ACM_DEFAULT_VALIDATION_METHOD} validation; ${WHY}. Set ValidationMethod: DNS.`,
        fixes: [insertFix(view.path, 'ValidationMethod', dns, `Insert ValidationMethod: ${dns}`)],
      });
    }
  },
};

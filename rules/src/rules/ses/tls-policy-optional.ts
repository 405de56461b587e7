import { SES_CONFIGURATION_SET, SES_TLS_DEFAULT, SES_TLS_REQUIRE } from '../../data/ses';
import { entry } from '../../evaluate/values';
import type { Rule } from '../../engine/types';
import { badStrings, insertFix, listValues, reportValue } from '../helpers';

export const sesTlsPolicyOptional: Rule = {
  meta: {
    id: 'ses-tls-policy-optional',
    severity: 'info',
    summary: 'SES configuration set whose DeliveryOptions.TlsPolicy is not REQUIRE (absent: Optional, mail may be delivered in plain text).',
    fixable: true,
    peers: [],
    resourceTypes: [SES_CONFIGURATION_SET],
  },
  check(ctx) {
    for (const view of ctx.viewsOf(SES_CONFIGURATION_SET)) {
      const options = entry(view.props, 'DeliveryOptions');
      if (options === undefined) {
        // No Properties at all, or no DeliveryOptions: the configuration set delivers opportunistically.
        if (view.props === undefined && view.resource.properties !== undefined) continue;
        ctx.report({
          path: view.path,
          target: 'key',
          message:
            `The configuration set has no DeliveryOptions.TlsPolicy, so SES uses ${SES_TLS_DEFAULT}: when the receiving mail server ` +
            `does not offer TLS, SES delivers the message in plain text. Set DeliveryOptions.TlsPolicy: ${SES_TLS_REQUIRE} to deliver only over TLS.`,
          fixes: [insertFix(view.path, 'DeliveryOptions', { TlsPolicy: SES_TLS_REQUIRE }, `Insert DeliveryOptions.TlsPolicy: ${SES_TLS_REQUIRE}`)],
        });
        continue;
      }
      if (options.kind !== 'map') continue;
      const policy = entry(options, 'TlsPolicy');
      if (policy === undefined) {
        ctx.report({
          path: options.path,
          target: 'key',
          message:
            `DeliveryOptions has no TlsPolicy, so SES uses ${SES_TLS_DEFAULT}: when the receiving mail server does not offer TLS, ` +
            `SES delivers the message in plain text. Set TlsPolicy: ${SES_TLS_REQUIRE} to deliver only over TLS.`,
          fixes: [insertFix(options.path, 'TlsPolicy', SES_TLS_REQUIRE)],
        });
        continue;
      }
      const bad = badStrings(policy, (v) => v.toUpperCase() !== SES_TLS_REQUIRE);
      reportValue(ctx, {
        node: policy,
        bad,
        message:
          `TlsPolicy ${listValues(bad)} lets SES deliver in plain text when the receiving mail server does not offer TLS. ` +
          `Set TlsPolicy: ${SES_TLS_REQUIRE} to deliver only over TLS (mail to servers without TLS is then not delivered).`,
        fixValue: SES_TLS_REQUIRE,
        fixWhat: 'TlsPolicy',
      });
    }
  },
};

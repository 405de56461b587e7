import { entry } from '../../evaluate/values';
import { pathKey } from '../../parse/source-tree';
import type { Rule } from '../../engine/types';
import { firstPlainAction } from '../../model/elbv2/actions';
import { attachedListener, LISTENER, LISTENER_RULE, mayBeAlb, protocolsOf } from '../../model/elbv2/graph';

export const elbv2RuleBypassesRedirect: Rule = {
  meta: {
    id: 'elbv2-rule-bypasses-redirect',
    severity: 'warning',
    summary: 'ListenerRule on an HTTP listener of this template whose actions are not a redirect to HTTPS.',
    fixable: false,
    peers: [],
    resourceTypes: [LISTENER_RULE],
  },
  check(ctx) {
    if (!ctx.resources(LISTENER).length) return;
    for (const view of ctx.viewsOf(LISTENER_RULE)) {
      const listener = attachedListener(ctx, view);
      if (!listener) continue; // a listener outside the template is unknown
      const onHttp = listener.views.some((l) => protocolsOf(l).includes('HTTP') && mayBeAlb(ctx, l));
      if (!onHttp) continue;
      const plain = firstPlainAction(entry(view.props, 'Actions'));
      if (!plain) continue;
      // Only claim a bypass when the listener itself is known to redirect (corpus review:
      // rules on forwarding HTTP listeners were said to bypass a redirect that does not exist).
      const listenerPlain = listener.views.some((l) => firstPlainAction(entry(l.props, 'DefaultActions')));
      const consequence = listenerPlain
        ? `matching requests are served over plain HTTP (the listener itself does not redirect to HTTPS either)`
        : `matching requests are served over plain HTTP, bypassing the listener's redirect to HTTPS`;
      ctx.report({
        path: plain.action.path,
        key: pathKey([...view.path, 'Actions']),
        message:
          `This rule sits on HTTP listener ${listener.id} and its action ${plain.why}: ${consequence}. ` +
          `Move the rule to the HTTPS listener, or make its action a redirect to HTTPS.`,
        data: { listener: listener.id },
      });
    }
  },
};

import { RULE_PEERS } from '../../data/peers';
import { conditionsIn, entry, stringCandidates } from '../../evaluate/values';
import type { FixValue, Rule } from '../../engine/types';
import { getValue } from '../../parse/source-tree';
import { relatedFor } from '../helpers';
import { firstPlainAction } from './actions';
import { LISTENER, mayBeAlb, protocolsOf } from './graph';

/** The default action the fix writes (rules.md). */
export const REDIRECT_TO_HTTPS: FixValue = { Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } };

export const elbv2HttpWithoutRedirect: Rule = {
  meta: {
    id: 'elbv2-http-without-redirect',
    severity: 'warning',
    summary: 'ALB HTTP listener with a default action that is not a redirect to HTTPS.',
    fixable: true,
    peers: RULE_PEERS['elbv2-http-without-redirect'],
    resourceTypes: [LISTENER],
    principles: ['S1', 'S2'],
  },
  check(ctx) {
    for (const view of ctx.viewsOf(LISTENER)) {
      // HTTP implies an ALB unless the load balancer is in the template and is not one.
      if (!protocolsOf(view).includes('HTTP') || !mayBeAlb(ctx, view)) continue;
      const plain = firstPlainAction(entry(view.props, 'DefaultActions'));
      if (!plain) continue;
      const property = [...view.path, 'DefaultActions'];
      // A condition in DefaultActions is a deliberate switch: replacing it is offered, not applied by fix-all.
      const conditional = conditionsIn(getValue(view.resource.properties, 'DefaultActions')).size > 0;
      const http = stringCandidates(entry(view.props, 'Protocol')).filter((c) => c.value === 'HTTP');
      ctx.report({
        path: plain.action.path,
        key: property.join('\u0001'),
        message:
          `This HTTP listener's default action ${plain.why}, so clients can use the application over plain HTTP. ` +
          `Make the only default action a redirect to HTTPS (Protocol: HTTPS, Port: '443', StatusCode: HTTP_301).`,
        related: relatedFor(http),
        fixes: [{ title: 'Replace DefaultActions with a redirect to HTTPS', intents: [{ kind: 'set', path: property, value: [REDIRECT_TO_HTTPS] }], safe: !conditional }],
        data: { listener: view.resource.id },
      });
    }
  },
};

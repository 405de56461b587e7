import { entry } from '../../evaluate/values';
import type { Rule } from '../../engine/types';
import { badStrings, reportValue } from '../helpers';
import { redirectConfigs } from '../../model/elbv2/actions';
import { LISTENER, LISTENER_RULE } from '../../model/elbv2/graph';

export const elbv2RedirectToHttp: Rule = {
  meta: {
    id: 'elbv2-redirect-to-http',
    severity: 'warning',
    summary: 'Redirect action (listener or listener rule) whose RedirectConfig.Protocol is HTTP.',
    fixable: true,
    peers: [],
    resourceTypes: [LISTENER, LISTENER_RULE],
  },
  check(ctx) {
    for (const view of ctx.viewsOf(LISTENER, LISTENER_RULE)) {
      const actions = entry(view.props, view.resource.type === LISTENER ? 'DefaultActions' : 'Actions');
      for (const config of redirectConfigs(actions)) {
        const protocol = entry(config, 'Protocol');
        const bad = badStrings(protocol, (v) => v.toUpperCase() === 'HTTP');
        if (!protocol || !bad.length) continue;
        reportValue(ctx, {
          node: protocol,
          bad,
          message:
            'This redirect sends clients to plain HTTP: the load balancer answers with a Location on http://, and the ' +
            'next request travels unencrypted. Set RedirectConfig.Protocol to HTTPS (and check that Port is the HTTPS port).',
          fixValue: 'HTTPS',
          fixWhat: 'RedirectConfig.Protocol',
        });
      }
    }
  },
};

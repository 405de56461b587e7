import { entry } from '../../evaluate/values';
import type { Rule } from '../../engine/types';
import { quoteList } from '../helpers';
import { beanstalkCases, listenersOf } from '../../model/beanstalk/environment';
import { ENVIRONMENT } from '../../model/beanstalk/options';

const ADVICE: Readonly<Record<'classic' | 'application', string>> = {
  application:
    'Add an HTTPS listener (aws:elbv2:listener:443 with Protocol HTTPS, SSLCertificateArns and SSLPolicy), and disable the port 80 listener or redirect it to HTTPS.',
  classic: 'Add an HTTPS listener (aws:elb:listener:443 with ListenerProtocol HTTPS and SSLCertificateId), and disable the port 80 listener.',
};

export const beanstalkHttpOnly: Rule = {
  meta: {
    id: 'beanstalk-http-only',
    severity: 'warning',
    summary: 'Load-balanced Elastic Beanstalk environment whose only enabled listeners are HTTP.',
    fixable: false,
    peers: [],
    resourceTypes: [ENVIRONMENT],
  },
  check(ctx) {
    // Environments only: a ConfigurationTemplate is one layer, its environments may add listeners.
    for (const c of beanstalkCases(ctx, true)) {
      if (c.lb !== 'classic' && c.lb !== 'application') continue;
      const { listeners, complete } = listenersOf(c.set, c.lb);
      if (!complete || listeners.some((l) => l.enabled === undefined)) continue;
      const enabled = listeners.filter((l) => l.enabled);
      if (!enabled.length || !enabled.every((l) => l.protocols?.length && l.protocols.every((p) => p === 'HTTP'))) continue;
      const options = entry(c.view.props, 'OptionSettings');
      const lbLabel = c.lb === 'application' ? 'Application Load Balancer' : 'Classic Load Balancer';
      ctx.report({
        path: options ? options.path : c.view.path,
        target: 'key',
        message: `This load-balanced environment's ${lbLabel} listens on HTTP only (${quoteList(enabled.map((l) => l.namespace))}): every request crosses the network unencrypted. ${ADVICE[c.lb]}`,
        data: { loadBalancerType: c.lb, listeners: enabled.map((l) => l.namespace) },
      });
    }
  },
};

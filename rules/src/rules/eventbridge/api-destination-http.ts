import { API_DESTINATION, PLAIN_HTTP_SCHEME } from '../../data/eventbridge';
import { entry } from '../../evaluate/values';
import type { Rule } from '../../engine/types';
import { stringExpr } from '../../model/string-expr';
import { badStrings, listValues, quote, reportValue } from '../helpers';

function isPlainHttp(url: string): boolean {
  return url.trimStart().toLowerCase().startsWith(PLAIN_HTTP_SCHEME);
}

export const eventbridgeApiDestinationHttp: Rule = {
  meta: {
    id: 'eventbridge-api-destination-http',
    severity: 'error',
    summary: 'EventBridge API destination whose InvocationEndpoint is an http:// URL: EventBridge requires HTTPS.',
    fixable: false,
    peers: [],
    resourceTypes: [API_DESTINATION],
  },
  check(ctx) {
    for (const view of ctx.viewsOf(API_DESTINATION)) {
      const endpoint = entry(view.props, 'InvocationEndpoint');
      if (!endpoint) continue;
      const message = (what: string): string =>
        `InvocationEndpoint ${what} is a plain HTTP URL, but API destinations are HTTPS endpoints: EventBridge refuses the URL, ` +
        'so the stack fails. Use the https:// URL of the endpoint.';
      if (endpoint.kind === 'leaf') {
        const bad = badStrings(endpoint, isPlainHttp);
        reportValue(ctx, { node: endpoint, bad, message: message(listValues(bad)) });
        continue;
      }
      if (endpoint.kind !== 'unknown') continue;
      // Built by Fn::Sub / Fn::Join: the scheme is known when the text starts the string.
      const expr = stringExpr(endpoint.node, { template: ctx.template, scenario: view.scenario });
      const head = expr[0];
      if (head?.kind === 'text' && isPlainHttp(head.text)) {
        ctx.report({ path: endpoint.path, message: message(`(built from ${quote(head.text)}…)`) });
      }
    }
  },
};

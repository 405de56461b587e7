import { BranchCondition, branchConditions } from '../../engine/branch-conditions';
import { conditionsIn, entry, stringCandidates } from '../../evaluate/values';
import type { Fix, FixIntent, FixValue, Rule } from '../../engine/types';
import { nodeAtPath, Path, pathKey, SNode } from '../../parse/source-tree';
import { relatedFor } from '../helpers';
import { firstPlainAction } from '../../model/elbv2/actions';
import { httpsListenerAlongside, LISTENER, mayBeAlb, protocolsOf } from '../../model/elbv2/graph';

/** The default action the fix writes (docs/rules/elbv2-http-without-redirect.md). */
export const REDIRECT_TO_HTTPS: FixValue = { Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } };

export const elbv2HttpWithoutRedirect: Rule = {
  meta: {
    id: 'elbv2-http-without-redirect',
    severity: 'warning',
    summary: 'ALB HTTP listener with a default action that is not a redirect to HTTPS.',
    fixable: true,
    peers: [
      'CKV_AWS_2',
      'CKV_AWS_103', // checkov's CKV_AWS_103 also fails an HTTP listener without a redirect to HTTPS.
      'CKV2_AWS_20', // test-only for CFN
      'W56',
      'ELBV2_LISTENER_PROTOCOL_RULE', // port of W56
      'AWS-0054',
      'ELB.1',
      'ELB.18', // Security Hub: listener not HTTPS/TLS (mapping not verified against the control's text)
      '275a3217-ca37-40c1-a6cf-bb57d245ab32',
    ],
    resourceTypes: [LISTENER],
  },
  check(ctx) {
    for (const view of ctx.viewsOf(LISTENER)) {
      // HTTP implies an ALB unless the load balancer is in the template and is not one.
      if (!protocolsOf(view).includes('HTTP') || !mayBeAlb(ctx, view)) continue;
      const plain = firstPlainAction(entry(view.props, 'DefaultActions'));
      if (!plain) continue;
      const property = [...view.path, 'DefaultActions'];
      const http = stringCandidates(entry(view.props, 'Protocol')).filter((c) => c.value === 'HTTP');
      const branch = branchConditions(ctx.template.root, plain.action.path);
      const https = httpsListenerAlongside(ctx, view);
      const exposed = `This HTTP listener's default action ${plain.why}, so clients can use the application over plain HTTP.`;
      if (branch.length && https === false) {
        // In this branch no HTTPS listener exists: a redirect to 443 would lead nowhere.
        ctx.report({
          path: plain.action.path,
          key: pathKey(property),
          message: `${exposed} Its load balancer has no HTTPS listener in that case, so a redirect to HTTPS would lead nowhere: add an HTTPS listener for that case too, or accept plain HTTP there.`,
          related: relatedFor(http),
          data: { listener: view.resource.id },
        });
        continue;
      }
      ctx.report({
        path: plain.action.path,
        key: pathKey(property),
        message: `${exposed} Make the only default action a redirect to HTTPS (Protocol: HTTPS, Port: '443', StatusCode: HTTP_301).`,
        related: relatedFor(http),
        fixes: [redirectFix(ctx.template.root, plain.action.path, branch, https)],
        data: { listener: view.resource.id },
      });
    }
  },
};

/**
 * The fix edits only the actions CloudFormation uses where the plain action is: the list (or the
 * `Fn::If` branch) that holds it, so other scenarios keep their actions. Under a condition it is
 * applied by fix-all only when an HTTPS listener is known to exist there.
 */
function redirectFix(root: SNode, actionPath: Path, branch: readonly BranchCondition[], https: boolean | undefined): Fix {
  const parent = actionPath.slice(0, -1);
  const isBranch = parent[parent.length - 1] === 'Fn::If';
  const intent: FixIntent = isBranch ? { kind: 'set', path: actionPath, value: REDIRECT_TO_HTTPS } : { kind: 'set', path: parent, value: [REDIRECT_TO_HTTPS] };
  if (!branch.length) {
    // A list with conditional items of its own: replacing it drops them in every scenario.
    const conditional = conditionsIn(nodeAtPath(root, parent)?.node).size > 0;
    return { title: 'Replace DefaultActions with a redirect to HTTPS', intents: [intent], safe: !conditional };
  }
  const when = branch.map((c) => `${c.condition} is ${c.value}`).join(' and ');
  return { title: `Redirect to HTTPS when ${when} (the other case keeps its actions)`, intents: [intent], safe: https === true };
}

import { elbv2RuleBypassesRedirect } from '../../../../rules/src/rules/elbv2/rule-bypasses-redirect';
import { runRuleTests } from '../../../support/rule-tester';
import { jsonTemplate, listener, loadBalancer, yamlTemplate } from './fixtures';

const rule = (actions: string, listenerArn = '!Ref HttpListener'): string => `  ApiRule:
    Type: AWS::ElasticLoadBalancingV2::ListenerRule
    Properties:
      ListenerArn: ${listenerArn}
      Priority: 10
      Conditions:
        - Field: path-pattern
          PathPatternConfig: {Values: ['/api/*']}
      Actions:
${actions}
`;

const template = (protocol: string, actions: string, opts: { lbType?: string; listenerArn?: string; parameters?: string; conditions?: string } = {}): string =>
  yamlTemplate(
    loadBalancer('Alb', opts.lbType) +
      '\n' +
      listener(
        'HttpListener',
        `      LoadBalancerArn: !Ref Alb\n      Port: 80\n      Protocol: ${protocol}\n      DefaultActions:\n        - Type: redirect\n          RedirectConfig: {Protocol: HTTPS, Port: '443', StatusCode: HTTP_301}`,
      ) +
      '\n' +
      rule(actions, opts.listenerArn),
    opts,
  );

const FORWARD = '        - Type: forward\n          TargetGroupArn: !ImportValue api-targets';
const REDIRECT = "        - Type: redirect\n          RedirectConfig: {Protocol: HTTPS, Port: '443', StatusCode: HTTP_301}";

const jsonRule = (listenerProtocol: string, actions: unknown[]): string =>
  jsonTemplate({
    Alb: { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Subnets: ['subnet-1'] } },
    Listener: {
      Type: 'AWS::ElasticLoadBalancingV2::Listener',
      Properties: {
        LoadBalancerArn: { Ref: 'Alb' },
        Port: 80,
        Protocol: listenerProtocol,
        DefaultActions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404' } }],
      },
    },
    Rule: {
      Type: 'AWS::ElasticLoadBalancingV2::ListenerRule',
      Properties: {
        ListenerArn: { Ref: 'Listener' },
        Priority: 1,
        Conditions: [{ Field: 'host-header', HostHeaderConfig: { Values: ['api.example.com'] } }],
        Actions: actions,
      },
    },
  });

runRuleTests(elbv2RuleBypassesRedirect, {
  valid: [
    { name: 'rule on the HTTP listener redirects to HTTPS', code: template('HTTP', REDIRECT) },
    { name: 'rule on an HTTPS listener forwards', code: template('HTTPS', FORWARD) },
    { name: 'listener outside the template is unknown', code: template('HTTP', FORWARD, { listenerArn: '!ImportValue shared-http-listener' }) },
    { name: 'listener of an in-template network load balancer', code: template('HTTP', FORWARD, { lbType: 'network' }) },
    { name: 'listener protocol from ImportValue is unknown', code: template('!ImportValue listener-protocol', FORWARD) },
    { name: 'action type from GetAtt is unknown', code: template('HTTP', '        - Type: !GetAtt Config.ActionType') },
    {
      name: 'JSON: rule on an HTTPS listener',
      code: jsonRule('HTTPS', [{ Type: 'forward', TargetGroupArn: 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/api/0123456789abcdef' }]),
    },
    {
      name: 'listener protocol and rule actions switch on the same condition',
      code: template(
        '!If [Secure, HTTPS, HTTP]',
        `        - !If [Secure, {Type: forward, TargetGroupArn: !ImportValue api-targets}, {Type: redirect, RedirectConfig: {Protocol: HTTPS}}]`,
        {
          conditions: '  Secure: !Equals [!Ref AWS::Region, eu-west-1]',
        },
      ),
    },
  ],
  invalid: [
    {
      name: 'forward rule on the HTTP listener',
      code: template('HTTP', FORWARD),
      errors: [
        {
          path: ['Resources', 'ApiRule', 'Properties', 'Actions', 0],
          line: 27,
          messageIncludes: "bypassing the listener's redirect to HTTPS",
          severity: 'warning',
          resource: 'ApiRule',
          fixes: 0,
        },
      ],
    },
    {
      // corpus: ECS/ECS_Schedule_Example.yaml: the listener forwards too, so there is no redirect to bypass
      name: 'forward rule on an HTTP listener that forwards itself: no redirect is claimed',
      code: yamlTemplate(
        loadBalancer('Alb') +
          '\n' +
          listener(
            'HttpListener',
            '      LoadBalancerArn: !Ref Alb\n      Port: 80\n      Protocol: HTTP\n      DefaultActions:\n        - Type: forward\n          TargetGroupArn: !ImportValue web-targets',
          ) +
          '\n' +
          rule(FORWARD),
      ),
      errors: [{ path: ['Resources', 'ApiRule', 'Properties', 'Actions', 0], messageIncludes: 'the listener itself does not redirect to HTTPS either' }],
    },
    {
      name: 'redirect that keeps #{protocol}',
      code: template('HTTP', "        - Type: redirect\n          RedirectConfig: {Host: api.example.com, Protocol: '#{protocol}'}"),
      errors: [{ messageIncludes: '#{protocol}' }],
    },
    {
      name: 'JSON: fixed-response rule on the HTTP listener',
      code: jsonRule('HTTP', [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '200' } }]),
      errors: [{ path: ['Resources', 'Rule', 'Properties', 'Actions', 0], messageIncludes: "'fixed-response'" }],
    },
    {
      name: 'JSON: forward rule on an HTTP listener whose default action is a fixed response',
      code: jsonRule('HTTP', [{ Type: 'forward', TargetGroupArn: 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/api/0123456789abcdef' }]),
      errors: [{ path: ['Resources', 'Rule', 'Properties', 'Actions', 0], messageIncludes: 'the listener itself does not redirect to HTTPS either' }],
    },
    {
      name: 'listener Protocol from a parameter that allows HTTP',
      code: template('!Ref ListenerProtocol', FORWARD, {
        parameters: '  ListenerProtocol:\n    Type: String\n    Default: HTTPS\n    AllowedValues: [HTTPS, HTTP]',
      }),
      errors: [{ path: ['Resources', 'ApiRule', 'Properties', 'Actions', 0] }],
    },
    {
      name: 'Fn::If branch of the action forwards',
      code: template(
        'HTTP',
        `        - !If [Secure, {Type: redirect, RedirectConfig: {Protocol: HTTPS}}, {Type: forward, TargetGroupArn: !ImportValue api-targets}]`,
        {
          conditions: '  Secure: !Equals [!Ref AWS::Region, eu-west-1]',
        },
      ),
      errors: [{ path: ['Resources', 'ApiRule', 'Properties', 'Actions', 0, 'Fn::If', 2] }],
    },
    {
      name: 'listener attached through GetAtt ListenerArn',
      code: template('HTTP', FORWARD, { listenerArn: '!GetAtt HttpListener.ListenerArn' }),
      errors: [{ path: ['Resources', 'ApiRule', 'Properties', 'Actions', 0] }],
    },
  ],
});

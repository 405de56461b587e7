import { elbv2HttpWithoutRedirect } from '../../../../rules/src/rules/elbv2/http-without-redirect';
import { runRuleTests } from '../../../support/rule-tester';
import { jsonTemplate, LB_ARN, listener, loadBalancer, yamlTemplate } from './fixtures';

const httpListener = (actions: string, extra = ''): string =>
  yamlTemplate(
    loadBalancer() +
      '\n' +
      listener('HttpListener', `      LoadBalancerArn: !Ref Alb\n      Port: 80\n      Protocol: HTTP\n${extra}      DefaultActions:\n${actions}`),
  );

const FORWARD = '        - Type: forward\n          TargetGroupArn: !ImportValue web-targets';
const REDIRECT = "        - Type: redirect\n          RedirectConfig:\n            Protocol: HTTPS\n            Port: '443'\n            StatusCode: HTTP_301";
const FLOW_REDIRECT = "        - Type: redirect\n          RedirectConfig: {Protocol: HTTPS, Port: '443', StatusCode: HTTP_301}";

const jsonListener = (protocol: string, actions: unknown[]): string =>
  jsonTemplate({
    Alb: { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Subnets: ['subnet-1', 'subnet-2'] } },
    PlainListener: {
      Type: 'AWS::ElasticLoadBalancingV2::Listener',
      Properties: { LoadBalancerArn: { Ref: 'Alb' }, Port: 80, Protocol: protocol, DefaultActions: actions },
    },
  });

const JSON_REDIRECT = { Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } };
const JSON_FIXED = { Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404' } };

const IF_FORWARD_ELSE_REDIRECT = `!If
        - Secure
        - - Type: forward
            TargetGroupArn: !ImportValue web-targets
        - - Type: redirect
            RedirectConfig: {Protocol: HTTPS, Port: '443', StatusCode: HTTP_301}`;

const IF_REDIRECT_ELSE_FORWARD = `!If
        - Secure
        - - Type: redirect
            RedirectConfig: {Protocol: HTTPS, Port: '443', StatusCode: HTTP_301}
        - - Type: forward
            TargetGroupArn: !ImportValue web-targets`;

const IF_REDIRECT_ELSE_REDIRECT = IF_REDIRECT_ELSE_FORWARD.replace(
  '        - - Type: forward\n            TargetGroupArn: !ImportValue web-targets',
  "        - - Type: redirect\n            RedirectConfig:\n              Protocol: HTTPS\n              Port: '443'\n              StatusCode: HTTP_301",
);

/** An HTTP listener switching on HasCertificate, beside an HTTPS listener (that exists only under `condition`, when given). */
const withHttpsListener = (actions: string, condition?: string): string =>
  yamlTemplate(
    loadBalancer() +
      '\n' +
      listener('HttpListener', `      LoadBalancerArn: !Ref Alb\n      Protocol: HTTP\n      DefaultActions: ${actions.replace('Secure', 'HasCertificate')}`) +
      `  HttpsListener:\n    Type: AWS::ElasticLoadBalancingV2::Listener\n${condition ? `    Condition: ${condition}\n` : ''}    Properties:\n      LoadBalancerArn: !Ref Alb\n      Protocol: HTTPS\n      Certificates: [{CertificateArn: !Ref CertificateArn}]\n      DefaultActions: [{Type: fixed-response, FixedResponseConfig: {StatusCode: '404'}}]\n`,
    {
      parameters: "  CertificateArn:\n    Type: String\n    Default: ''",
      conditions: "  HasCertificate: !Not [!Equals [!Ref CertificateArn, '']]",
    },
  );

const conditional = (protocol: string, actions: string): string =>
  yamlTemplate(
    loadBalancer() + '\n' + listener('HttpListener', `      LoadBalancerArn: !Ref Alb\n      Protocol: ${protocol}\n      DefaultActions: ${actions}`),
    {
      parameters: '  Mode:\n    Type: String\n    AllowedValues: [secure, open]\n    Default: secure',
      conditions: '  Secure: !Equals [!Ref Mode, secure]',
    },
  );

runRuleTests(elbv2HttpWithoutRedirect, {
  valid: [
    { name: 'HTTP listener that redirects to HTTPS', code: httpListener(REDIRECT) },
    { name: 'flow-style redirect to HTTPS', code: httpListener(FLOW_REDIRECT) },
    { name: 'HTTPS listener may forward', code: httpListener(FORWARD).replace('Protocol: HTTP', 'Protocol: HTTPS') },
    { name: 'TCP listener is not an ALB listener', code: httpListener(FORWARD).replace('Protocol: HTTP', 'Protocol: TCP') },
    {
      name: 'HTTP listener of an in-template network load balancer is not an ALB listener',
      code: httpListener(FORWARD).replace('      Subnets', '      Type: network\n      Subnets'),
    },
    {
      name: 'action Type from ImportValue is unknown',
      code: httpListener('        - Type: !ImportValue action-type\n          TargetGroupArn: !ImportValue web-targets'),
    },
    {
      name: 'redirect Protocol from ImportValue is unknown',
      code: httpListener('        - Type: redirect\n          RedirectConfig:\n            Protocol: !ImportValue redirect-protocol'),
    },
    { name: 'Protocol from ImportValue is unknown', code: httpListener(FORWARD).replace('Protocol: HTTP', 'Protocol: !ImportValue listener-protocol') },
    { name: 'lowercase https redirect is not flagged as plain', code: httpListener(REDIRECT.replace('Protocol: HTTPS', 'Protocol: https')) },
    {
      name: 'redirect Protocol from a parameter whose values are all HTTPS',
      code: httpListener(REDIRECT.replace('Protocol: HTTPS', 'Protocol: !Ref RedirectProtocol')).replace(
        'Resources:',
        'Parameters:\n  RedirectProtocol:\n    Type: String\n    Default: HTTPS\n    AllowedValues: [HTTPS]\nResources:',
      ),
    },
    {
      name: 'Protocol and DefaultActions switch on the same condition',
      code: conditional('!If [Secure, HTTPS, HTTP]', IF_FORWARD_ELSE_REDIRECT),
    },
    {
      name: 'JSON: both Fn::If branches redirect to HTTPS',
      code: jsonListener('HTTP', [
        { Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', StatusCode: { 'Fn::If': ['Live', 'HTTP_301', 'HTTP_302'] } } },
      ]).replace('"Resources"', '"Conditions": {"Live": {"Fn::Equals": [{"Ref": "AWS::Region"}, "eu-west-1"]}},\n  "Resources"'),
    },
    { name: 'JSON redirect', code: jsonListener('HTTP', [JSON_REDIRECT]) },
    { name: 'GetAtt DefaultActions are unknown', code: httpListener('').replace('      DefaultActions:\n', '      DefaultActions: !GetAtt Config.Actions') },
  ],
  invalid: [
    {
      name: 'HTTP listener that forwards: on the action, fix replaces DefaultActions',
      code: httpListener(FORWARD),
      errors: [
        {
          path: ['Resources', 'HttpListener', 'Properties', 'DefaultActions', 0],
          line: 15,
          messageIncludes: "'forward'",
          severity: 'warning',
          resource: 'HttpListener',
          fixes: 1,
        },
      ],
      output: httpListener(REDIRECT),
    },
    {
      name: 'JSON fixed-response',
      code: jsonListener('HTTP', [JSON_FIXED]),
      errors: [{ path: ['Resources', 'PlainListener', 'Properties', 'DefaultActions', 0], messageIncludes: "'fixed-response'" }],
      output: jsonListener('HTTP', [JSON_REDIRECT]),
    },
    {
      name: '#{protocol} stays HTTP on an HTTP listener',
      code: httpListener(
        "        - Type: redirect\n          RedirectConfig:\n            Host: www.example.com\n            Protocol: '#{protocol}'\n            StatusCode: HTTP_301",
      ),
      errors: [{ path: ['Resources', 'HttpListener', 'Properties', 'DefaultActions', 0], messageIncludes: '#{protocol}' }],
    },
    {
      name: 'redirect without Protocol keeps the request protocol',
      code: httpListener('        - Type: redirect\n          RedirectConfig:\n            Host: www.example.com\n            StatusCode: HTTP_302'),
      errors: [{ messageIncludes: 'without RedirectConfig.Protocol' }],
    },
    {
      name: 'redirect to HTTP',
      code: jsonListener('HTTP', [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTP', Port: '8080', StatusCode: 'HTTP_302' } }]),
      errors: [{ messageIncludes: "Protocol 'HTTP'" }],
    },
    {
      name: 'every entry is checked: the second one forwards',
      code: httpListener(`${REDIRECT}\n${FORWARD}`),
      errors: [{ path: ['Resources', 'HttpListener', 'Properties', 'DefaultActions', 1] }],
    },
    {
      name: 'every Fn::If branch is checked; with no HTTPS listener on the load balancer no redirect is advised, and no fix',
      code: conditional('HTTP', IF_REDIRECT_ELSE_FORWARD),
      errors: [{ path: ['Resources', 'HttpListener', 'Properties', 'DefaultActions', 'Fn::If', 2, 0], fixes: 0, messageIncludes: 'would lead nowhere' }],
    },
    {
      name: 'the HTTPS listener exists only when HasCertificate: the no-certificate branch names its condition, advises no redirect, offers no fix',
      code: withHttpsListener(IF_REDIRECT_ELSE_FORWARD, 'HasCertificate'),
      errors: [
        { path: ['Resources', 'HttpListener', 'Properties', 'DefaultActions', 'Fn::If', 2, 0], fixes: 0, messageIncludes: 'when HasCertificate is false' },
      ],
    },
    {
      name: 'an HTTPS listener in every case: the fix edits only the forwarding branch, and fix-all applies it',
      code: withHttpsListener(IF_REDIRECT_ELSE_FORWARD),
      errors: [
        { path: ['Resources', 'HttpListener', 'Properties', 'DefaultActions', 'Fn::If', 2, 0], fixes: 1, messageIncludes: 'when HasCertificate is false' },
      ],
      output: withHttpsListener(IF_REDIRECT_ELSE_REDIRECT),
    },
    {
      name: 'a load balancer from outside: the branch fix is offered as a quick fix only',
      code: conditional('HTTP', IF_REDIRECT_ELSE_FORWARD)
        .replace('LoadBalancerArn: !Ref Alb', 'LoadBalancerArn: !ImportValue shared-alb')
        .replace('Secure', 'HasCertificate')
        .replace('Secure: !Equals', 'HasCertificate: !Equals'),
      errors: [{ fixes: 1 }],
      quickFixOutput: conditional('HTTP', IF_REDIRECT_ELSE_REDIRECT)
        .replace('LoadBalancerArn: !Ref Alb', 'LoadBalancerArn: !ImportValue shared-alb')
        .replace('Secure', 'HasCertificate')
        .replace('Secure: !Equals', 'HasCertificate: !Equals'),
    },
    {
      name: 'item-level Fn::If with AWS::NoValue: the forward remains in one branch',
      code: conditional(
        'HTTP',
        `\n        - !If [Secure, !Ref AWS::NoValue, {Type: fixed-response, FixedResponseConfig: {StatusCode: '503'}}]\n${FLOW_REDIRECT}`,
      ),
      errors: [{ path: ['Resources', 'HttpListener', 'Properties', 'DefaultActions', 0, 'Fn::If', 2] }],
    },
    {
      name: 'load balancer outside the template: HTTP implies an ALB',
      code: httpListener(FORWARD).replace('!Ref Alb', LB_ARN),
      errors: [{ path: ['Resources', 'HttpListener', 'Properties', 'DefaultActions', 0] }],
      output: httpListener(REDIRECT).replace('!Ref Alb', LB_ARN),
    },
    {
      name: 'HTTP from a parameter Default: related information at the parameter',
      code: httpListener(FORWARD)
        .replace('Protocol: HTTP', 'Protocol: !Ref ListenerProtocol')
        .replace('Resources:', 'Parameters:\n  ListenerProtocol:\n    Type: String\n    Default: HTTP\nResources:'),
      errors: [{ related: 1 }],
    },
    {
      name: 'redirect Protocol parameter that allows HTTP',
      code: httpListener(REDIRECT.replace('Protocol: HTTPS', 'Protocol: !Ref RedirectProtocol')).replace(
        'Resources:',
        'Parameters:\n  RedirectProtocol:\n    Type: String\n    Default: HTTPS\n    AllowedValues: [HTTPS, HTTP]\nResources:',
      ),
      errors: [{ messageIncludes: "Protocol 'HTTP'" }],
    },
  ],
});

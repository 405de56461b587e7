import { elbv2RedirectToHttp } from '../../../../rules/src/rules/elbv2/redirect-to-http';
import { runRuleTests } from '../../../support/rule-tester';
import { jsonTemplate, listener, yamlTemplate } from './fixtures';

const listenerWith = (redirect: string, protocol = 'HTTPS'): string =>
  yamlTemplate(
    listener(
      'Listener',
      `      LoadBalancerArn: !ImportValue shared-alb\n      Port: 8443\n      Protocol: ${protocol}\n      DefaultActions:\n        - Type: redirect\n          RedirectConfig: ${redirect}`,
    ),
  );

const ruleWith = (actions: string, parameters?: string): string =>
  yamlTemplate(
    `  LegacyRedirect:
    Type: AWS::ElasticLoadBalancingV2::ListenerRule
    Properties:
      ListenerArn: !ImportValue shared-listener
      Priority: 5
      Conditions:
        - Field: host-header
          HostHeaderConfig: {Values: [old.example.com]}
      Actions:
${actions}`,
    { parameters },
  );

const jsonRule = (protocol: unknown): string =>
  jsonTemplate({
    Rule: {
      Type: 'AWS::ElasticLoadBalancingV2::ListenerRule',
      Properties: {
        ListenerArn: 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/web/1234567890abcdef/0123456789abcdef',
        Priority: 1,
        Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: ['/old/*'] } }],
        Actions: [{ Type: 'redirect', RedirectConfig: { Host: 'www.example.com', Protocol: protocol, StatusCode: 'HTTP_302' } }],
      },
    },
  });

runRuleTests(elbv2RedirectToHttp, {
  valid: [
    { name: 'redirect to HTTPS', code: listenerWith('{Protocol: HTTPS, Port: "443", StatusCode: HTTP_301}') },
    {
      name: '#{protocol} is not an explicit HTTP (http-without-redirect covers HTTP listeners)',
      code: listenerWith("{Protocol: '#{protocol}', StatusCode: HTTP_301}"),
    },
    { name: 'no Protocol', code: listenerWith('{Host: www.example.com, StatusCode: HTTP_301}') },
    { name: 'Protocol from ImportValue is unknown', code: listenerWith('{Protocol: !ImportValue redirect-protocol, StatusCode: HTTP_301}') },
    { name: 'RedirectConfig on a forward action is not a redirect', code: listenerWith('{Protocol: HTTP}').replace('Type: redirect', 'Type: forward') },
    { name: 'JSON rule redirecting to HTTPS', code: jsonRule('HTTPS') },
    { name: 'JSON rule: Protocol from GetAtt', code: jsonRule({ 'Fn::GetAtt': ['Config', 'Protocol'] }) },
    {
      name: 'AWS::NoValue Protocol is absent',
      code: listenerWith('{Protocol: !If [Old, !Ref AWS::NoValue, HTTPS], StatusCode: HTTP_301}').replace(
        'Resources:',
        'Conditions:\n  Old: !Equals [!Ref AWS::Region, eu-west-1]\nResources:',
      ),
    },
  ],
  invalid: [
    {
      name: 'listener redirect to HTTP in a flow mapping: only the value changes',
      code: listenerWith('{Host: legacy.example.com, Protocol: HTTP, StatusCode: HTTP_302}'),
      errors: [
        {
          path: ['Resources', 'Listener', 'Properties', 'DefaultActions', 0, 'RedirectConfig', 'Protocol'],
          line: 11,
          severity: 'warning',
          resource: 'Listener',
          fixes: 1,
        },
      ],
      output: listenerWith('{Host: legacy.example.com, Protocol: HTTPS, StatusCode: HTTP_302}'),
    },
    {
      name: 'also on an HTTP listener',
      code: listenerWith('{Protocol: HTTP, Port: "80", StatusCode: HTTP_301}', 'HTTP'),
      errors: [{ path: ['Resources', 'Listener', 'Properties', 'DefaultActions', 0, 'RedirectConfig', 'Protocol'] }],
    },
    {
      name: 'ListenerRule redirect, block style',
      code: ruleWith('        - Type: redirect\n          RedirectConfig:\n            Protocol: HTTP\n            StatusCode: HTTP_301'),
      errors: [{ path: ['Resources', 'LegacyRedirect', 'Properties', 'Actions', 0, 'RedirectConfig', 'Protocol'], line: 14, resource: 'LegacyRedirect' }],
      output: ruleWith('        - Type: redirect\n          RedirectConfig:\n            Protocol: HTTPS\n            StatusCode: HTTP_301'),
    },
    {
      name: 'JSON ListenerRule',
      code: jsonRule('HTTP'),
      errors: [{ path: ['Resources', 'Rule', 'Properties', 'Actions', 0, 'RedirectConfig', 'Protocol'] }],
      output: jsonRule('HTTPS'),
    },
    {
      name: 'Fn::If branch: the range covers the branch',
      code: listenerWith('{Protocol: !If [Old, HTTP, HTTPS], StatusCode: HTTP_301}').replace(
        'Resources:',
        'Conditions:\n  Old: !Equals [!Ref AWS::Region, eu-west-1]\nResources:',
      ),
      errors: [{ path: ['Resources', 'Listener', 'Properties', 'DefaultActions', 0, 'RedirectConfig', 'Protocol', 'Fn::If', 1] }],
      output: listenerWith('{Protocol: !If [Old, HTTPS, HTTPS], StatusCode: HTTP_301}').replace(
        'Resources:',
        'Conditions:\n  Old: !Equals [!Ref AWS::Region, eu-west-1]\nResources:',
      ),
    },
    {
      name: 'parameter Default HTTP: on the property, related and fix at the parameter',
      code: ruleWith(
        '        - Type: redirect\n          RedirectConfig:\n            Protocol: !Ref RedirectProtocol',
        '  RedirectProtocol:\n    Type: String\n    Default: HTTP',
      ),
      errors: [{ path: ['Resources', 'LegacyRedirect', 'Properties', 'Actions', 0, 'RedirectConfig', 'Protocol'], related: 1, fixes: 1 }],
      output: ruleWith(
        '        - Type: redirect\n          RedirectConfig:\n            Protocol: !Ref RedirectProtocol',
        '  RedirectProtocol:\n    Type: String\n    Default: HTTPS',
      ),
    },
  ],
});

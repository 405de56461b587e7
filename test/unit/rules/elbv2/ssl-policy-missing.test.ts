import { elbv2SslPolicyMissing } from '../../../../rules/src/rules/elbv2/ssl-policy-missing';
import { runRuleTests } from '../../../support/rule-tester';

const yaml = (props: string): string => `AWSTemplateFormatVersion: '2010-09-09'
Conditions:
  Secure: !Equals [!Ref AWS::Region, eu-west-1]
Resources:
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      Port: 443
${props}
`;

runRuleTests(elbv2SslPolicyMissing, {
  valid: [
    { name: 'policy present', code: yaml('      Protocol: HTTPS\n      SslPolicy: ELBSecurityPolicy-TLS13-1-2-Res-2021-06') },
    { name: 'HTTP listener needs none', code: yaml('      Protocol: HTTP') },
    { name: 'unknown protocol', code: yaml('      Protocol: !ImportValue proto') },
    { name: 'policy from ImportValue is present', code: yaml('      Protocol: TLS\n      SslPolicy: !ImportValue shared') },
    {
      name: 'NoValue only where the protocol is HTTP',
      code: yaml('      Protocol: !If [Secure, HTTPS, HTTP]\n      SslPolicy: !If [Secure, ELBSecurityPolicy-TLS13-1-2-Res-2021-06, !Ref AWS::NoValue]'),
    },
    {
      name: 'policy from an SSM parameter is present',
      code: yaml('      Protocol: HTTPS\n      SslPolicy: !Ref PolicyParam').replace(
        'Resources:',
        'Parameters:\n  PolicyParam:\n    Type: AWS::SSM::Parameter::Value<String>\n    Default: /elb/policy\nResources:',
      ),
    },
    { name: 'policy from GetAtt is present', code: yaml('      Protocol: HTTPS\n      SslPolicy: !GetAtt Config.Policy') },
    {
      name: 'JSON with policy',
      code: '{"Resources": {"L": {"Type": "AWS::ElasticLoadBalancingV2::Listener", "Properties": {"Protocol": "HTTPS", "SslPolicy": "ELBSecurityPolicy-TLS13-1-3-2021-06"}}}}',
    },
  ],
  invalid: [
    {
      name: 'HTTPS without SslPolicy: on the Properties key',
      code: yaml('      Protocol: HTTPS'),
      errors: [{ path: ['Resources', 'Listener', 'Properties'], line: 7, messageIncludes: 'ELBSecurityPolicy-2016-08', fixes: 1 }],
      output: yaml('      Protocol: HTTPS\n      SslPolicy: ELBSecurityPolicy-TLS13-1-2-Res-2021-06'),
    },
    {
      name: 'NoValue makes it absent',
      code: yaml('      Protocol: TLS\n      SslPolicy: !Ref AWS::NoValue'),
      errors: [{ path: ['Resources', 'Listener', 'Properties'] }],
    },
    {
      name: 'Protocol from a parameter Default',
      code: yaml('      Protocol: !Ref ListenerProtocol').replace(
        'Resources:',
        'Parameters:\n  ListenerProtocol:\n    Type: String\n    Default: TLS\nResources:',
      ),
      errors: [{ path: ['Resources', 'Listener', 'Properties'], messageIncludes: 'TLS listener' }],
    },
    {
      name: 'Fn::If: the HTTPS branch has no policy',
      code: yaml('      Protocol: !If [Secure, HTTPS, HTTP]\n      SslPolicy: !If [Secure, !Ref AWS::NoValue, ELBSecurityPolicy-TLS13-1-2-Res-2021-06]'),
      // On the AWS::NoValue branch; the fix sets only it, the other scenario keeps what it has.
      errors: [{ path: ['Resources', 'Listener', 'Properties', 'SslPolicy', 'Fn::If', 1], messageIncludes: '(when Secure is true)', fixes: 1 }],
      output: yaml(
        '      Protocol: !If [Secure, HTTPS, HTTP]\n      SslPolicy: !If [Secure, ELBSecurityPolicy-TLS13-1-2-Res-2021-06, ELBSecurityPolicy-TLS13-1-2-Res-2021-06]',
      ),
    },
    {
      name: 'JSON TLS listener',
      code: '{\n  "Resources": {\n    "L": {\n      "Type": "AWS::ElasticLoadBalancingV2::Listener",\n      "Properties": {\n        "Protocol": "TLS"\n      }\n    }\n  }\n}\n',
      errors: [{ path: ['Resources', 'L', 'Properties'], line: 5 }],
      output:
        '{\n  "Resources": {\n    "L": {\n      "Type": "AWS::ElasticLoadBalancingV2::Listener",\n      "Properties": {\n        "Protocol": "TLS",\n        "SslPolicy": "ELBSecurityPolicy-TLS13-1-2-Res-2021-06"\n      }\n    }\n  }\n}\n',
    },
  ],
});

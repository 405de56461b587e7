import { elbPolicyUndefined } from '../../../../rules/src/rules/elb-classic/policy-undefined';
import { runRuleTests } from '../../../support/rule-tester';

const yaml = (policyNames: string, rest = '', head = ''): string => `AWSTemplateFormatVersion: '2010-09-09'
${head}Resources:
  Elb:
    Type: AWS::ElasticLoadBalancing::LoadBalancer
    Properties:
      AvailabilityZones: [eu-west-1a]
      Listeners:
        - LoadBalancerPort: '443'
          InstancePort: '443'
          Protocol: HTTPS
          SSLCertificateId: arn
          PolicyNames: ${policyNames}
${rest}`;

const tls12 =
  '      Policies:\n        - PolicyName: TLS12-Policy\n          PolicyType: SSLNegotiationPolicyType\n          Attributes:\n            - {Name: Reference-Security-Policy, Value: ELBSecurityPolicy-TLS-1-2-2017-01}\n';
const sticky =
  "      LBCookieStickinessPolicy:\n        - {PolicyName: Sticky, CookieExpirationPeriod: '60'}\n      AppCookieStickinessPolicy:\n        - {PolicyName: AppSticky, CookieName: SESSION}\n";

const json = (names: unknown[], policies: unknown): string =>
  JSON.stringify(
    {
      Resources: {
        Elb: {
          Type: 'AWS::ElasticLoadBalancing::LoadBalancer',
          Properties: {
            Listeners: [{ LoadBalancerPort: '443', InstancePort: '443', Protocol: 'HTTPS', SSLCertificateId: 'arn', PolicyNames: names }],
            Policies: policies,
          },
        },
      },
    },
    null,
    2,
  );

runRuleTests(elbPolicyUndefined, {
  valid: [
    { name: 'name defined in Policies', code: yaml('[TLS12-Policy]', tls12) },
    { name: 'names of the stickiness lists are defined too', code: yaml('[Sticky, AppSticky]', sticky) },
    { name: 'Policies unknown (ImportValue): cannot tell', code: yaml('[Anything]', '      Policies: !ImportValue shared-policies\n') },
    {
      name: 'a policy name that is unknown: cannot tell',
      code: yaml(
        '[Anything]',
        '      Policies:\n        - PolicyName: !ImportValue name\n          PolicyType: SSLNegotiationPolicyType\n          Attributes: []\n',
      ),
    },
    { name: 'PolicyNames item from ImportValue is unknown', code: yaml('[!ImportValue name]', tls12) },
    { name: 'parameter whose values are all defined', code: yaml('[!Ref P]', tls12, 'Parameters:\n  P:\n    Type: String\n    Default: TLS12-Policy\n') },
    {
      name: 'undefined name only in a NoValue branch',
      code: yaml('[!If [Never, Missing, !Ref AWS::NoValue]]', tls12, 'Conditions:\n  Never: !Equals [!Ref AWS::Region, eu-west-1]\n').replace(
        '[!If [Never, Missing, !Ref AWS::NoValue]]',
        '!If [Never, [TLS12-Policy], !Ref AWS::NoValue]',
      ),
    },
    { name: 'JSON defined', code: json(['P'], [{ PolicyName: 'P', PolicyType: 'SSLNegotiationPolicyType', Attributes: [] }]) },
  ],
  invalid: [
    {
      name: 'renamed policy: on the PolicyNames item, with a did-you-mean',
      code: yaml('\n            - Tls12Policy', tls12),
      errors: [
        {
          path: ['Resources', 'Elb', 'Properties', 'Listeners', 0, 'PolicyNames', 0],
          line: 13,
          severity: 'error',
          messageIncludes: "Did you mean 'TLS12-Policy'?",
        },
      ],
    },
    {
      name: 'no Policies at all',
      code: yaml('[Tls12]'),
      errors: [{ path: ['Resources', 'Elb', 'Properties', 'Listeners', 0, 'PolicyNames', 0] }],
    },
    {
      name: 'a predefined policy name used directly: explains the Policies entry',
      code: yaml('[ELBSecurityPolicy-TLS-1-2-2017-01]'),
      errors: [{ messageIncludes: 'Reference-Security-Policy' }],
    },
    {
      name: 'one finding per undefined name',
      code: yaml('[Sticky, Missing1, Missing2]', sticky),
      errors: [
        { path: ['Resources', 'Elb', 'Properties', 'Listeners', 0, 'PolicyNames', 1] },
        { path: ['Resources', 'Elb', 'Properties', 'Listeners', 0, 'PolicyNames', 2] },
      ],
    },
    {
      name: 'parameter AllowedValues entry that is not defined: related info',
      code: yaml('[!Ref P]', tls12, 'Parameters:\n  P:\n    Type: String\n    Default: TLS12-Policy\n    AllowedValues: [TLS12-Policy, Legacy]\n'),
      errors: [{ path: ['Resources', 'Elb', 'Properties', 'Listeners', 0, 'PolicyNames', 0], related: 1 }],
    },
    {
      name: 'Fn::If branch naming a policy that exists only in the other scenario',
      code: yaml('[!If [Tls, TLS12-Policy, Legacy]]', tls12, 'Conditions:\n  Tls: !Equals [!Ref AWS::Region, eu-west-1]\n'),
      errors: [{ path: ['Resources', 'Elb', 'Properties', 'Listeners', 0, 'PolicyNames', 0, 'Fn::If', 2] }],
    },
    {
      name: 'JSON undefined name',
      code: json(['Missing'], [{ PolicyName: 'P', PolicyType: 'SSLNegotiationPolicyType', Attributes: [] }]),
      errors: [{ path: ['Resources', 'Elb', 'Properties', 'Listeners', 0, 'PolicyNames', 0], line: 13 }],
    },
  ],
});

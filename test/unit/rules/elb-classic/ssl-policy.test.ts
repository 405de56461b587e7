import { elbSslPolicy } from '../../../../rules/src/rules/elb-classic/ssl-policy';
import { runRuleTests } from '../../../support/rule-tester';

const CERT = 'arn:aws:acm:eu-west-1:123456789012:certificate/12345678-1234-1234-1234-123456789012';

/** A classic load balancer: listeners, then the rest of Properties (an inserted property goes last). */
const yaml = (listeners: string, rest = '', head = ''): string => `AWSTemplateFormatVersion: '2010-09-09'
${head}Resources:
  Elb:
    Type: AWS::ElasticLoadBalancing::LoadBalancer
    Properties:
      AvailabilityZones: [eu-west-1a]
      Listeners:
${listeners}
${rest}Outputs:
  Name:
    Value: !Ref Elb
`;

const https = (extra = ''): string =>
  `        - LoadBalancerPort: 443\n          InstancePort: 443\n          Protocol: HTTPS\n          SSLCertificateId: ${CERT}${extra}`;

const policy = (name: string, attributes: string, extra = ''): string =>
  `      Policies:\n        - PolicyName: ${name}\n          PolicyType: SSLNegotiationPolicyType${extra}\n          Attributes:\n${attributes}\n`;

const reference = (value: string): string => `            - Name: Reference-Security-Policy\n              Value: ${value}`;

const attr = (name: string, value: string): string => `            - Name: ${name}\n              Value: ${value}`;

/** A listener that is HTTPS where HasCertificate holds and HTTP elsewhere. */
const conditionalListener = (extra = ''): string =>
  `        - !If\n          - HasCertificate\n          - LoadBalancerPort: 443\n            InstancePort: 443\n            Protocol: HTTPS\n            SSLCertificateId: !Ref CertificateArn${extra}\n          - LoadBalancerPort: 80\n            InstancePort: 80\n            Protocol: HTTP`;

const CONDITIONAL_HEAD =
  "Parameters:\n  CertificateArn: {Type: String, Default: ''}\nConditions:\n  HasCertificate: !Not [!Equals [!Ref CertificateArn, '']]\n";

const newPolicy = policy('TLSNegotiationPolicy', reference('ELBSecurityPolicy-TLS-1-2-2017-01'));

const json = (policies: unknown[], policyNames?: string[]): string =>
  JSON.stringify(
    {
      Resources: {
        Elb: {
          Type: 'AWS::ElasticLoadBalancing::LoadBalancer',
          Properties: {
            Listeners: [
              { LoadBalancerPort: '443', InstancePort: '443', Protocol: 'SSL', SSLCertificateId: CERT, ...(policyNames ? { PolicyNames: policyNames } : {}) },
            ],
            Policies: policies,
          },
        },
      },
    },
    null,
    2,
  ) + '\n';

const sslPolicy = (name: string, attributes: [string, string][]): unknown => ({
  PolicyName: name,
  PolicyType: 'SSLNegotiationPolicyType',
  Attributes: attributes.map(([Name, Value]) => ({ Name, Value })),
});

runRuleTests(elbSslPolicy, {
  valid: [
    {
      name: 'TLS 1.2 reference policy attached by PolicyNames',
      code: yaml(https('\n          PolicyNames: [Tls12]'), policy('Tls12', reference('ELBSecurityPolicy-TLS-1-2-2017-01'))),
    },
    {
      name: 'old protocols and a weak cipher switched off (false is not a finding)',
      code: yaml(
        https('\n          PolicyNames: [Custom]'),
        policy(
          'Custom',
          [
            attr('Protocol-SSLv3', "'false'"),
            attr('Protocol-TLSv1', 'false'),
            attr('Protocol-TLSv1.2', "'true'"),
            attr('DES-CBC3-SHA', "'false'"),
            attr('ECDHE-RSA-AES128-GCM-SHA256', "'true'"),
          ].join('\n'),
        ),
      ),
    },
    {
      name: 'policy attached through LoadBalancerPorts',
      code: yaml(https(), policy('Tls12', reference('ELBSecurityPolicy-TLS-1-2-2017-01'), "\n          LoadBalancerPorts: ['443']")),
    },
    {
      name: 'weak policy attached to no TLS listener',
      code: yaml('        - {LoadBalancerPort: 80, InstancePort: 80, Protocol: HTTP}', policy('Old', reference('ELBSecurityPolicy-2016-08'))),
    },
    { name: 'TCP listener needs no policy', code: yaml('        - {LoadBalancerPort: 443, InstancePort: 443, Protocol: TCP}') },
    { name: 'Policies from ImportValue: absence unknown', code: yaml(https(), '      Policies: !ImportValue shared-policies\n') },
    {
      name: 'PolicyNames from a List parameter: unknown',
      code: yaml(https('\n          PolicyNames: !Ref Names'), '', 'Parameters:\n  Names:\n    Type: CommaDelimitedList\n'),
    },
    {
      name: 'an undefined name may be the SSL policy (elb-policy-undefined reports it)',
      code: yaml(https('\n          PolicyNames: [Tls12Policy]'), policy('TLS12-Policy', reference('ELBSecurityPolicy-TLS-1-2-2017-01'))),
    },
    { name: 'reference value from GetAtt is unknown', code: yaml(https('\n          PolicyNames: [P]'), policy('P', reference('!GetAtt Config.Policy'))) },
    { name: 'reference value from ImportValue is unknown', code: yaml(https('\n          PolicyNames: [P]'), policy('P', reference('!ImportValue policy'))) },
    {
      name: 'unknown policy type: absence unknown',
      code: yaml(
        https('\n          PolicyNames: [P]'),
        '      Policies:\n        - PolicyName: P\n          PolicyType: !ImportValue type\n          Attributes: []\n',
      ),
    },
    { name: 'JSON, TLS 1.2 reference', code: json([sslPolicy('Tls12', [['Reference-Security-Policy', 'ELBSecurityPolicy-TLS-1-2-2017-01']])], ['Tls12']) },
    {
      name: 'weak value only in the branch where the listener is not TLS',
      code: yaml(
        '        - {LoadBalancerPort: 443, InstancePort: 443, Protocol: !If [Tls, HTTPS, HTTP], SSLCertificateId: arn, PolicyNames: [P]}',
        policy('P', reference('!If [Tls, ELBSecurityPolicy-TLS-1-2-2017-01, ELBSecurityPolicy-2016-08]')),
        'Conditions:\n  Tls: !Equals [!Ref AWS::Region, eu-west-1]\n',
      ),
    },
  ],
  invalid: [
    {
      name: 'no policy at all: default 2016-08; fix adds the policy and PolicyNames',
      code: yaml(https()),
      errors: [
        { path: ['Resources', 'Elb', 'Properties', 'Listeners', 0], line: 8, severity: 'warning', messageIncludes: 'ELBSecurityPolicy-2016-08', fixes: 1 },
      ],
      output: yaml(`${https()}\n          PolicyNames:\n            - TLSNegotiationPolicy`, newPolicy),
    },
    {
      name: 'PolicyNames naming only a stickiness policy: on PolicyNames; two listeners share one new policy',
      code: yaml(
        `${https()}\n${https('\n          PolicyNames: [Sticky]').replace('LoadBalancerPort: 443', 'LoadBalancerPort: 8443')}`,
        "      LBCookieStickinessPolicy:\n        - PolicyName: Sticky\n          CookieExpirationPeriod: '60'\n",
      ),
      errors: [
        { path: ['Resources', 'Elb', 'Properties', 'Listeners', 0] },
        { path: ['Resources', 'Elb', 'Properties', 'Listeners', 1, 'PolicyNames'], line: 16 },
      ],
      output: yaml(
        `${https('\n          PolicyNames:\n            - TLSNegotiationPolicy')}\n${https('\n          PolicyNames: [Sticky, TLSNegotiationPolicy]').replace('LoadBalancerPort: 443', 'LoadBalancerPort: 8443')}`,
        "      LBCookieStickinessPolicy:\n        - PolicyName: Sticky\n          CookieExpirationPeriod: '60'\n" + newPolicy,
      ),
    },
    {
      name: 'a defined but unattached recommended policy is reused',
      code: yaml(https(), policy('Tls12', reference('ELBSecurityPolicy-TLS-1-2-2017-01'))),
      errors: [{ messageIncludes: 'no SSL negotiation policy' }],
      output: yaml(`${https()}\n          PolicyNames:\n            - Tls12`, policy('Tls12', reference('ELBSecurityPolicy-TLS-1-2-2017-01'))),
    },
    {
      name: 'proxy-protocol policy only: still the default SSL policy',
      code: yaml(
        https(),
        "      Policies:\n        - PolicyName: Proxy\n          PolicyType: ProxyProtocolPolicyType\n          Attributes:\n            - {Name: ProxyProtocol, Value: 'true'}\n          InstancePorts: ['443']\n",
      ),
      errors: [{ path: ['Resources', 'Elb', 'Properties', 'Listeners', 0] }],
    },
    {
      name: 'PolicyNames removed by NoValue in one scenario',
      code: yaml(
        https('\n          PolicyNames: !If [Tls, [Tls12], !Ref AWS::NoValue]'),
        policy('Tls12', reference('ELBSecurityPolicy-TLS-1-2-2017-01')),
        'Conditions:\n  Tls: !Equals [!Ref AWS::Region, eu-west-1]\n',
      ),
      errors: [{ path: ['Resources', 'Elb', 'Properties', 'Listeners', 0] }],
    },
    {
      name: 'listener in an Fn::If branch: the new policy exists only in that branch (the other scenario keeps its Policies)',
      code: yaml(conditionalListener(), '', CONDITIONAL_HEAD),
      errors: [{ path: ['Resources', 'Elb', 'Properties', 'Listeners', 0, 'Fn::If', 1], messageIncludes: 'when HasCertificate is true', fixes: 1 }],
      output: yaml(
        conditionalListener('\n            PolicyNames:\n              - TLSNegotiationPolicy'),
        '      Policies: !If [HasCertificate, [{PolicyName: TLSNegotiationPolicy, PolicyType: SSLNegotiationPolicyType, Attributes: [{Name: Reference-Security-Policy, Value: ELBSecurityPolicy-TLS-1-2-2017-01}]}], !Ref AWS::NoValue]\n',
        CONDITIONAL_HEAD,
      ),
    },
    {
      name: 'listener in an Fn::If branch, Policies written: the new item is an Fn::If, and its name is new in every branch',
      code: yaml(
        conditionalListener(),
        policy('TLSNegotiationPolicy', reference('!If [HasCertificate, ELBSecurityPolicy-2016-08, ELBSecurityPolicy-TLS-1-1-2017-01]')).replace(
          'PolicyName: TLSNegotiationPolicy',
          'PolicyName: !If [HasCertificate, Other, TLSNegotiationPolicy]',
        ),
        CONDITIONAL_HEAD,
      ),
      errors: [{ path: ['Resources', 'Elb', 'Properties', 'Listeners', 0, 'Fn::If', 1], fixes: 1 }],
      output: yaml(
        conditionalListener('\n            PolicyNames:\n              - TLSNegotiationPolicy2'),
        policy('TLSNegotiationPolicy', reference('!If [HasCertificate, ELBSecurityPolicy-2016-08, ELBSecurityPolicy-TLS-1-1-2017-01]')).replace(
          'PolicyName: TLSNegotiationPolicy',
          'PolicyName: !If [HasCertificate, Other, TLSNegotiationPolicy]',
        ) +
          '        - !If [HasCertificate, {PolicyName: TLSNegotiationPolicy2, PolicyType: SSLNegotiationPolicyType, Attributes: [{Name: Reference-Security-Policy, Value: ELBSecurityPolicy-TLS-1-2-2017-01}]}, !Ref AWS::NoValue]\n',
        CONDITIONAL_HEAD,
      ),
    },
    {
      name: 'weak Reference-Security-Policy: on the value; fix sets the recommended policy',
      code: yaml(https('\n          PolicyNames: [Old]'), policy('Old', reference('ELBSecurityPolicy-2016-08'))),
      errors: [{ path: ['Resources', 'Elb', 'Properties', 'Policies', 0, 'Attributes', 0, 'Value'], line: 18, messageIncludes: 'TLS 1.0', fixes: 1 }],
      output: yaml(https('\n          PolicyNames: [Old]'), policy('Old', reference('ELBSecurityPolicy-TLS-1-2-2017-01'))),
    },
    {
      name: 'recommendedPolicies.classic overrides what the fix writes',
      code: yaml(https('\n          PolicyNames: [Old]'), policy('Old', reference('ELBSecurityPolicy-TLS-1-1-2017-01'))),
      settings: { recommendedPolicies: { classic: 'ELBSecurityPolicy-TLS-1-2-2017-01' } },
      errors: [{ messageIncludes: 'TLS 1.1' }],
      output: yaml(https('\n          PolicyNames: [Old]'), policy('Old', reference('ELBSecurityPolicy-TLS-1-2-2017-01'))),
    },
    {
      name: 'weak reference from a parameter Default: related info, fix edits the parameter',
      code: yaml(
        https('\n          PolicyNames: [Old]'),
        policy('Old', reference('!Ref RefPolicy')),
        'Parameters:\n  RefPolicy:\n    Type: String\n    Default: ELBSecurityPolicy-2016-08\n',
      ),
      errors: [{ path: ['Resources', 'Elb', 'Properties', 'Policies', 0, 'Attributes', 0, 'Value'], related: 1, fixes: 1 }],
      output: yaml(
        https('\n          PolicyNames: [Old]'),
        policy('Old', reference('!Ref RefPolicy')),
        'Parameters:\n  RefPolicy:\n    Type: String\n    Default: ELBSecurityPolicy-TLS-1-2-2017-01\n',
      ),
    },
    {
      name: 'weak AllowedValues entry',
      code: yaml(
        https('\n          PolicyNames: [Old]'),
        policy('Old', reference('!Ref RefPolicy')),
        'Parameters:\n  RefPolicy:\n    Type: String\n    Default: ELBSecurityPolicy-TLS-1-2-2017-01\n    AllowedValues: [ELBSecurityPolicy-TLS-1-2-2017-01, ELBSecurityPolicy-2015-05]\n',
      ),
      errors: [{ related: 1 }],
    },
    {
      name: 'Fn::If branch of the reference: on the written branch',
      code: yaml(
        https('\n          PolicyNames: [P]'),
        policy('P', reference('!If [Legacy, ELBSecurityPolicy-2016-08, ELBSecurityPolicy-TLS-1-2-2017-01]')),
        'Conditions:\n  Legacy: !Equals [!Ref AWS::Region, eu-west-1]\n',
      ),
      errors: [{ path: ['Resources', 'Elb', 'Properties', 'Policies', 0, 'Attributes', 0, 'Value', 'Fn::If', 1] }],
    },
    {
      name: 'Protocol-TLSv1 and RC4 set to true: one finding each; fix bases the policy on the recommended reference',
      code: yaml(
        https('\n          PolicyNames: [Custom]'),
        policy(
          'Custom',
          [attr('Protocol-TLSv1', 'true'), attr('Protocol-TLSv1.2', "'true'"), attr('RC4-SHA', "'TRUE'"), attr('ECDHE-RSA-AES128-GCM-SHA256', "'true'")].join(
            '\n',
          ),
        ),
      ),
      errors: [
        { path: ['Resources', 'Elb', 'Properties', 'Policies', 0, 'Attributes', 0, 'Value'], messageIncludes: 'TLSv1', fixes: 1 },
        { path: ['Resources', 'Elb', 'Properties', 'Policies', 0, 'Attributes', 2, 'Value'], messageIncludes: 'RC4-SHA' },
      ],
      output: yaml(https('\n          PolicyNames: [Custom]'), policy('Custom', reference('ELBSecurityPolicy-TLS-1-2-2017-01'))),
    },
    {
      name: 'policy attached through LoadBalancerPorts is evaluated',
      code: yaml(https(), policy('Old', attr('Protocol-SSLv3', "'true'"), "\n          LoadBalancerPorts: ['443']")),
      errors: [{ messageIncludes: 'SSLv3' }],
    },
    {
      name: 'JSON weak cipher (3DES)',
      code: json(
        [
          sslPolicy('Pay', [
            ['Protocol-TLSv1.2', 'true'],
            ['DES-CBC3-SHA', 'true'],
          ]),
        ],
        ['Pay'],
      ),
      errors: [{ path: ['Resources', 'Elb', 'Properties', 'Policies', 0, 'Attributes', 1, 'Value'], messageIncludes: 'DES-CBC3-SHA' }],
      output: json([sslPolicy('Pay', [['Reference-Security-Policy', 'ELBSecurityPolicy-TLS-1-2-2017-01']])], ['Pay']),
    },
    {
      name: 'JSON without any policy',
      code: json([]),
      errors: [{ path: ['Resources', 'Elb', 'Properties', 'Listeners', 0] }],
    },
  ],
});

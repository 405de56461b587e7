import { elbPlaintextListener } from '../../../../rules/src/rules/elb-classic/plaintext-listener';
import { runRuleTests } from '../../../support/rule-tester';

const yaml = (listeners: string, extra = ''): string => `AWSTemplateFormatVersion: '2010-09-09'
${extra}Resources:
  Elb:
    Type: AWS::ElasticLoadBalancing::LoadBalancer
    Properties:
      AvailabilityZones: [eu-west-1a]
      Listeners:
${listeners}
`;

const json = (protocol: unknown): string =>
  JSON.stringify(
    {
      Resources: {
        Elb: {
          Type: 'AWS::ElasticLoadBalancing::LoadBalancer',
          Properties: { AvailabilityZones: ['eu-west-1a'], Listeners: [{ LoadBalancerPort: '80', InstancePort: '80', Protocol: protocol }] },
        },
      },
    },
    null,
    2,
  );

runRuleTests(elbPlaintextListener, {
  valid: [
    {
      name: 'HTTPS listener',
      code: yaml("        - {LoadBalancerPort: '443', InstancePort: '443', Protocol: HTTPS, InstanceProtocol: HTTPS, SSLCertificateId: arn}"),
    },
    { name: 'TCP may pass TLS through', code: yaml("        - {LoadBalancerPort: '443', InstancePort: '443', Protocol: TCP}") },
    { name: 'SSL listener', code: yaml("        - {LoadBalancerPort: '636', InstancePort: '636', Protocol: SSL, SSLCertificateId: arn}") },
    { name: 'JSON TCP listener', code: json('TCP') },
    { name: 'ImportValue protocol is unknown', code: yaml("        - {LoadBalancerPort: '80', InstancePort: '80', Protocol: !ImportValue shared-protocol}") },
    { name: 'GetAtt protocol is unknown', code: json({ 'Fn::GetAtt': ['Config', 'Protocol'] }) },
    {
      name: 'Listeners removed by NoValue in one branch, HTTPS in the other',
      code: yaml(
        "        !If [Tls, [{LoadBalancerPort: '443', InstancePort: '443', Protocol: HTTPS, SSLCertificateId: arn}], !Ref AWS::NoValue]",
        'Conditions:\n  Tls: !Equals [!Ref AWS::Region, eu-west-1]\n',
      ).replace('Listeners:\n        !If', 'Listeners: !If'),
    },
    {
      name: 'parameter whose values are all TLS',
      code: yaml(
        "        - {LoadBalancerPort: '443', InstancePort: '443', Protocol: !Ref Proto, SSLCertificateId: arn}",
        'Parameters:\n  Proto:\n    Type: String\n    Default: HTTPS\n    AllowedValues: [HTTPS, SSL]\n',
      ),
    },
  ],
  invalid: [
    {
      name: 'HTTP listener: on the Protocol value',
      code: yaml("        - LoadBalancerPort: '80'\n          InstancePort: '80'\n          Protocol: HTTP"),
      errors: [
        {
          path: ['Resources', 'Elb', 'Properties', 'Listeners', 0, 'Protocol'],
          line: 10,
          severity: 'warning',
          resource: 'Elb',
          messageIncludes: 'unencrypted',
          fixes: 0,
        },
      ],
    },
    {
      name: 'lower-case http is HTTP to the ELB API',
      code: yaml("        - {LoadBalancerPort: '80', InstancePort: '80', Protocol: http}"),
      errors: [{ path: ['Resources', 'Elb', 'Properties', 'Listeners', 0, 'Protocol'] }],
    },
    {
      name: 'JSON HTTP listener',
      code: json('HTTP'),
      errors: [{ path: ['Resources', 'Elb', 'Properties', 'Listeners', 0, 'Protocol'], line: 13 }],
    },
    {
      name: 'one finding per listener',
      code: yaml(
        "        - {LoadBalancerPort: '80', InstancePort: '80', Protocol: HTTP}\n        - {LoadBalancerPort: '8080', InstancePort: '80', Protocol: HTTP}\n        - {LoadBalancerPort: '443', InstancePort: '80', Protocol: HTTPS, SSLCertificateId: arn}",
      ),
      errors: [
        { path: ['Resources', 'Elb', 'Properties', 'Listeners', 0, 'Protocol'] },
        { path: ['Resources', 'Elb', 'Properties', 'Listeners', 1, 'Protocol'] },
      ],
    },
    {
      name: 'parameter Default HTTP: on the property, related info at the Default',
      code: yaml(
        "        - {LoadBalancerPort: '80', InstancePort: '80', Protocol: !Ref Proto}",
        'Parameters:\n  Proto:\n    Type: String\n    Default: HTTP\n',
      ),
      errors: [{ path: ['Resources', 'Elb', 'Properties', 'Listeners', 0, 'Protocol'], related: 1 }],
    },
    {
      name: 'parameter AllowedValues with one HTTP entry',
      code: yaml(
        "        - {LoadBalancerPort: '80', InstancePort: '80', Protocol: !Ref Proto, SSLCertificateId: arn}",
        'Parameters:\n  Proto:\n    Type: String\n    Default: HTTPS\n    AllowedValues: [HTTPS, HTTP]\n',
      ),
      errors: [{ path: ['Resources', 'Elb', 'Properties', 'Listeners', 0, 'Protocol'], related: 1 }],
    },
    {
      name: 'HTTP listener that exists in one scenario only (NoValue in the other)',
      code: yaml(
        "        - !If [Legacy, {LoadBalancerPort: '80', InstancePort: '80', Protocol: HTTP}, !Ref AWS::NoValue]",
        'Conditions:\n  Legacy: !Equals [!Ref AWS::Region, eu-west-1]\n',
      ),
      errors: [{ path: ['Resources', 'Elb', 'Properties', 'Listeners', 0, 'Fn::If', 1, 'Protocol'] }],
    },
    {
      name: 'Fn::If branch: the range covers the written branch',
      code: yaml(
        "        - {LoadBalancerPort: '80', InstancePort: '80', Protocol: !If [Secure, HTTPS, HTTP], SSLCertificateId: arn}",
        'Conditions:\n  Secure: !Equals [!Ref AWS::Region, eu-west-1]\n',
      ),
      errors: [{ path: ['Resources', 'Elb', 'Properties', 'Listeners', 0, 'Protocol', 'Fn::If', 2] }],
    },
  ],
});

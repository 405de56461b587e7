import { elbv2SslPolicyWeak } from '../../../../rules/src/rules/elbv2/ssl-policy-weak';
import { runRuleTests } from '../../../support/rule-tester';

const listener = (policy: string, protocol = 'HTTPS'): string => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/1234567890abcdef
      Port: 443
      Protocol: ${protocol}
      SslPolicy: ${policy}
      Certificates:
        - CertificateArn: arn:aws:acm:eu-west-1:123456789012:certificate/12345678-1234-1234-1234-123456789012
      DefaultActions:
        - Type: fixed-response
          FixedResponseConfig: {StatusCode: '404'}
`;

const jsonListener = (policy: string): string =>
  JSON.stringify(
    {
      AWSTemplateFormatVersion: '2010-09-09',
      Resources: {
        Listener: {
          Type: 'AWS::ElasticLoadBalancingV2::Listener',
          Properties: { LoadBalancerArn: 'arn', Port: 443, Protocol: 'TLS', SslPolicy: policy, Certificates: [{ CertificateArn: 'arn' }], DefaultActions: [] },
        },
      },
    },
    null,
    2,
  );

const parameterTemplate = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Policy:
    Type: String
    Default: ELBSecurityPolicy-TLS13-1-2-Res-2021-06
    AllowedValues:
      - ELBSecurityPolicy-TLS13-1-2-Res-2021-06
      - ELBSecurityPolicy-2016-08
      - ELBSecurityPolicy-TLS-1-1-2017-01
Resources:
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      Protocol: HTTPS
      SslPolicy: !Ref Policy
`;

runRuleTests(elbv2SslPolicyWeak, {
  valid: [
    { name: 'TLS 1.2 minimum policy', code: listener('ELBSecurityPolicy-TLS13-1-2-Res-2021-06') },
    { name: 'Ext2 has a TLS 1.2 minimum', code: listener('ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06') },
    { name: 'weak policy on a TCP listener is another rule', code: listener('ELBSecurityPolicy-2016-08', 'TCP') },
    { name: 'unknown name is another rule', code: listener('TLS13-1-2-2021-06') },
    { name: 'JSON, strong policy', code: jsonListener('ELBSecurityPolicy-TLS13-1-3-2021-06') },
    { name: 'GetAtt value is unknown', code: listener('!GetAtt Config.Policy') },
    { name: 'ImportValue is unknown', code: listener('!ImportValue shared-policy') },
    {
      name: 'minimumTls 1.1 accepts a TLS 1.1 policy',
      code: listener('ELBSecurityPolicy-TLS-1-1-2017-01'),
      options: { minimumTls: '1.1' },
    },
  ],
  invalid: [
    {
      name: 'ELBSecurityPolicy-2016-08 accepts TLS 1.0',
      code: listener('ELBSecurityPolicy-2016-08'),
      errors: [
        {
          path: ['Resources', 'Listener', 'Properties', 'SslPolicy'],
          line: 9,
          messageIncludes: 'TLS 1.0',
          severity: 'warning',
          resource: 'Listener',
          fixes: 1,
        },
      ],
      output: listener('ELBSecurityPolicy-TLS13-1-2-Res-2021-06'),
    },
    {
      name: 'FIPS policy gets the FIPS replacement',
      code: listener('ELBSecurityPolicy-TLS13-1-1-FIPS-2023-04'),
      errors: [{ messageIncludes: 'ELBSecurityPolicy-TLS13-1-2-Res-FIPS-2023-04' }],
      output: listener('ELBSecurityPolicy-TLS13-1-2-Res-FIPS-2023-04'),
    },
    {
      name: 'JSON TLS listener with FS-1-1',
      code: jsonListener('ELBSecurityPolicy-FS-1-1-2019-08'),
      errors: [{ path: ['Resources', 'Listener', 'Properties', 'SslPolicy'], messageIncludes: 'TLS 1.1' }],
      output: jsonListener('ELBSecurityPolicy-TLS13-1-2-Res-2021-06'),
    },
    {
      name: 'minimumTls 1.3 makes a TLS 1.2 policy weak',
      code: listener('ELBSecurityPolicy-TLS13-1-2-Res-2021-06'),
      options: { minimumTls: '1.3' },
      errors: [{ messageIncludes: 'TLS 1.3' }],
    },
    {
      name: 'weak AllowedValues: once on the property, related info for each, fix edits the parameter',
      code: parameterTemplate,
      errors: [{ path: ['Resources', 'Listener', 'Properties', 'SslPolicy'], line: 15, related: 2, fixes: 1 }],
      output: parameterTemplate.replace(
        '      - ELBSecurityPolicy-2016-08\n      - ELBSecurityPolicy-TLS-1-1-2017-01',
        '      - ELBSecurityPolicy-TLS13-1-2-Res-2021-06\n      - ELBSecurityPolicy-TLS13-1-2-Res-2021-06',
      ),
    },
    {
      name: 'Fn::If branch: the range covers the written branch',
      code: listener('!If [Legacy, ELBSecurityPolicy-2016-08, ELBSecurityPolicy-TLS13-1-2-Res-2021-06]').replace(
        'Resources:',
        'Conditions:\n  Legacy: !Equals [!Ref AWS::Region, eu-west-1]\nResources:',
      ),
      errors: [{ path: ['Resources', 'Listener', 'Properties', 'SslPolicy', 'Fn::If', 1], line: 11 }],
    },
    {
      name: 'Protocol and SslPolicy on the same condition stay together',
      code: listener('!If [Secure, ELBSecurityPolicy-2016-08, !Ref AWS::NoValue]', '!If [Secure, HTTPS, HTTP]').replace(
        'Resources:',
        'Conditions:\n  Secure: !Equals [!Ref AWS::Region, eu-west-1]\nResources:',
      ),
      errors: [{ path: ['Resources', 'Listener', 'Properties', 'SslPolicy', 'Fn::If', 1] }],
    },
  ],
});

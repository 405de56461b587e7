import { elbCertificateMissing } from '../../../../rules/src/rules/elb-classic/certificate-missing';
import { runRuleTests } from '../../../support/rule-tester';

const yaml = (listeners: string, head = ''): string => `AWSTemplateFormatVersion: '2010-09-09'
${head}Resources:
  Elb:
    Type: AWS::ElasticLoadBalancing::LoadBalancer
    Properties:
      AvailabilityZones: [eu-west-1a]
      Listeners:
${listeners}
`;

const sslListener = "        - LoadBalancerPort: '636'\n          InstancePort: '636'\n          Protocol: SSL\n          InstanceProtocol: SSL";

const withCertificate = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Cert:
    Type: AWS::CertificateManager::Certificate
    Properties:
      DomainName: www.example.com
      ValidationMethod: DNS
  Elb:
    Type: AWS::ElasticLoadBalancing::LoadBalancer
    Properties:
      AvailabilityZones: [eu-west-1a]
      Listeners:
        - LoadBalancerPort: '443'
          InstancePort: '443'
          Protocol: HTTPS
          InstanceProtocol: HTTPS
`;

const json = `{
  "Resources": {
    "Elb": {
      "Type": "AWS::ElasticLoadBalancing::LoadBalancer",
      "Properties": {
        "Listeners": [
          { "LoadBalancerPort": "443", "InstancePort": "443", "Protocol": "HTTPS" }
        ]
      }
    }
  }
}
`;

runRuleTests(elbCertificateMissing, {
  valid: [
    {
      name: 'HTTPS with a certificate',
      code: yaml(
        "        - {LoadBalancerPort: '443', InstancePort: '443', Protocol: HTTPS, SSLCertificateId: arn:aws:acm:eu-west-1:123456789012:certificate/12345678-1234-1234-1234-123456789012}",
      ),
    },
    { name: 'HTTP needs none', code: yaml("        - {LoadBalancerPort: '80', InstancePort: '80', Protocol: HTTP}") },
    { name: 'TCP needs none', code: yaml("        - {LoadBalancerPort: '443', InstancePort: '443', Protocol: TCP}") },
    { name: 'unknown protocol', code: yaml("        - {LoadBalancerPort: '443', InstancePort: '443', Protocol: !ImportValue proto}") },
    {
      name: 'certificate from ImportValue is present',
      code: yaml("        - {LoadBalancerPort: '443', InstancePort: '443', Protocol: SSL, SSLCertificateId: !ImportValue shared-cert}"),
    },
    {
      name: 'certificate NoValue only where the protocol is HTTP',
      code: yaml(
        "        - {LoadBalancerPort: '443', InstancePort: '80', Protocol: !If [Tls, HTTPS, HTTP], SSLCertificateId: !If [Tls, !Ref Cert, !Ref AWS::NoValue]}",
        'Parameters:\n  Cert:\n    Type: String\nConditions:\n  Tls: !Equals [!Ref AWS::Region, eu-west-1]\n',
      ),
    },
    {
      name: 'JSON with certificate',
      code: '{"Resources": {"Elb": {"Type": "AWS::ElasticLoadBalancing::LoadBalancer", "Properties": {"Listeners": [{"LoadBalancerPort": "443", "InstancePort": "443", "Protocol": "SSL", "SSLCertificateId": {"Fn::GetAtt": ["Cert", "Arn"]}}]}}}}',
    },
  ],
  invalid: [
    {
      name: 'SSLCertificateId AWS::NoValue in one branch: on that branch; the fix sets only it',
      code: withCertificate
        .replace(
          '          Protocol: HTTPS\n',
          '          Protocol: HTTPS\n          SSLCertificateId: !If [Imported, !ImportValue shared-certificate, !Ref AWS::NoValue]\n',
        )
        .replace('Resources:', 'Conditions:\n  Imported: !Equals [!Ref AWS::Region, eu-west-1]\nResources:'),
      errors: [
        { path: ['Resources', 'Elb', 'Properties', 'Listeners', 0, 'SSLCertificateId', 'Fn::If', 2], messageIncludes: '(when Imported is false)', fixes: 1 },
      ],
      output: withCertificate
        .replace(
          '          Protocol: HTTPS\n',
          '          Protocol: HTTPS\n          SSLCertificateId: !If [Imported, !ImportValue shared-certificate, !Ref Cert]\n',
        )
        .replace('Resources:', 'Conditions:\n  Imported: !Equals [!Ref AWS::Region, eu-west-1]\nResources:'),
    },
    {
      name: 'SSL listener without certificate: on the listener entry, new CertificateArn parameter',
      code: yaml(sslListener),
      errors: [
        {
          path: ['Resources', 'Elb', 'Properties', 'Listeners', 0],
          line: 8,
          severity: 'error',
          resource: 'Elb',
          messageIncludes: 'SSLCertificateId',
          fixes: 1,
        },
      ],
      output: yaml(
        `${sslListener}\n          SSLCertificateId: !Ref CertificateArn`,
        'Parameters:\n  CertificateArn:\n    Type: String\n    Description: ARN of the ACM certificate for the HTTPS/TLS listener\n',
      ),
    },
    {
      name: 'the single ACM certificate of the template is referenced',
      code: withCertificate,
      errors: [{ path: ['Resources', 'Elb', 'Properties', 'Listeners', 0], line: 13, messageIncludes: 'HTTPS listener on port 443' }],
      output: `${withCertificate}          SSLCertificateId: !Ref Cert\n`,
    },
    {
      name: 'an existing CertificateArn parameter is reused',
      code: yaml(
        '        - LoadBalancerPort: 443\n          InstancePort: 443\n          Protocol: https',
        'Parameters:\n  CertificateArn:\n    Type: String\n',
      ),
      errors: [{ path: ['Resources', 'Elb', 'Properties', 'Listeners', 0] }],
      output: yaml(
        '        - LoadBalancerPort: 443\n          InstancePort: 443\n          Protocol: https\n          SSLCertificateId: !Ref CertificateArn',
        'Parameters:\n  CertificateArn:\n    Type: String\n',
      ),
    },
    {
      name: 'NoValue makes the certificate absent',
      code: yaml("        - {LoadBalancerPort: '443', InstancePort: '443', Protocol: HTTPS, SSLCertificateId: !Ref AWS::NoValue}"),
      errors: [{ path: ['Resources', 'Elb', 'Properties', 'Listeners', 0] }],
    },
    {
      name: 'parameter AllowedValues allow HTTPS',
      code: yaml(
        "        - {LoadBalancerPort: '443', InstancePort: '80', Protocol: !Ref Proto}",
        'Parameters:\n  Proto:\n    Type: String\n    Default: HTTP\n    AllowedValues: [HTTP, HTTPS]\n',
      ),
      errors: [{ path: ['Resources', 'Elb', 'Properties', 'Listeners', 0] }],
    },
    {
      name: 'listener written in an Fn::If branch: reported on that branch',
      code: yaml(
        "        - !If [Tls, {LoadBalancerPort: '443', InstancePort: '443', Protocol: HTTPS}, {LoadBalancerPort: '80', InstancePort: '80', Protocol: HTTP}]",
        'Conditions:\n  Tls: !Equals [!Ref AWS::Region, eu-west-1]\n',
      ),
      errors: [{ path: ['Resources', 'Elb', 'Properties', 'Listeners', 0, 'Fn::If', 1] }],
    },
    {
      name: 'JSON HTTPS listener',
      code: json,
      errors: [{ path: ['Resources', 'Elb', 'Properties', 'Listeners', 0], line: 7 }],
      output: `{
  "Parameters": {
    "CertificateArn": {
      "Type": "String",
      "Description": "ARN of the ACM certificate for the HTTPS/TLS listener"
    }
  },
  "Resources": {
    "Elb": {
      "Type": "AWS::ElasticLoadBalancing::LoadBalancer",
      "Properties": {
        "Listeners": [
          { "LoadBalancerPort": "443", "InstancePort": "443", "Protocol": "HTTPS", "SSLCertificateId": { "Ref": "CertificateArn" } }
        ]
      }
    }
  }
}
`,
    },
  ],
});

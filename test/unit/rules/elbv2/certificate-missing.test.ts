import { elbv2CertificateMissing } from '../../../../rules/src/rules/elbv2/certificate-missing';
import { runRuleTests } from '../../../support/rule-tester';
import { CERT_ARN, listener, yamlTemplate } from './fixtures';

const https = (props: string, opts: { protocol?: string; parameters?: string; conditions?: string; extra?: string } = {}): string =>
  yamlTemplate(
    (opts.extra ?? '') +
      listener(
        'HttpsListener',
        `      LoadBalancerArn: !ImportValue shared-alb\n      Port: 443\n      Protocol: ${opts.protocol ?? 'HTTPS'}\n      SslPolicy: ELBSecurityPolicy-TLS13-1-2-Res-2021-06\n${props}      DefaultActions:\n        - Type: fixed-response\n          FixedResponseConfig: {StatusCode: '404'}`,
      ),
    opts,
  );

const ACM = (id: string): string =>
  `  ${id}:\n    Type: AWS::CertificateManager::Certificate\n    Properties:\n      DomainName: ${id.toLowerCase()}.example.com\n      ValidationMethod: DNS\n\n`;

const jsonTls = (certificates?: unknown): string => `{
  "AWSTemplateFormatVersion": "2010-09-09",
  "Resources": {
    "TlsListener": {
      "Type": "AWS::ElasticLoadBalancingV2::Listener",
      "Properties": {
        "LoadBalancerArn": { "Fn::ImportValue": "shared-nlb" },
        "Port": 8883,
        "Protocol": "TLS",
        "SslPolicy": "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
        "DefaultActions": [ { "Type": "forward", "TargetGroupArn": { "Fn::ImportValue": "mqtt-targets" } } ]${certificates === undefined ? '' : `,\n        "Certificates": ${JSON.stringify(certificates)}`}
      }
    }
  }
}
`;

runRuleTests(elbv2CertificateMissing, {
  valid: [
    { name: 'certificate present', code: https(`      Certificates:\n        - CertificateArn: ${CERT_ARN}\n`) },
    { name: 'HTTP listener needs none', code: https('', { protocol: 'HTTP' }) },
    { name: 'TCP listener needs none', code: https('', { protocol: 'TCP' }) },
    { name: 'unknown protocol', code: https('', { protocol: '!ImportValue listener-protocol' }) },
    { name: 'Certificates from GetAtt is present', code: https('      Certificates: !GetAtt Config.Certificates\n') },
    {
      name: 'Protocol and Certificates switch on the same condition',
      code: https('      Certificates: !If\n        - HasCertificate\n        - - CertificateArn: !Ref CertificateArn\n        - !Ref AWS::NoValue\n', {
        protocol: '!If [HasCertificate, HTTPS, HTTP]',
        parameters: "  CertificateArn:\n    Type: String\n    Default: ''",
        conditions: "  HasCertificate: !Not [!Equals [!Ref CertificateArn, '']]",
      }),
    },
    { name: 'JSON with certificate', code: jsonTls([{ CertificateArn: CERT_ARN }]) },
  ],
  invalid: [
    {
      name: 'no certificate in the template: a new CertificateArn parameter',
      code: https(''),
      errors: [{ path: ['Resources', 'HttpsListener', 'Properties'], line: 5, severity: 'error', resource: 'HttpsListener', fixes: 1 }],
      output: https('')
        .replace(
          'Resources:',
          'Parameters:\n  CertificateArn:\n    Type: String\n    Description: ARN of the ACM certificate for the HTTPS/TLS listener\nResources:',
        )
        .replace("{StatusCode: '404'}", "{StatusCode: '404'}\n      Certificates:\n        - CertificateArn: !Ref CertificateArn"),
    },
    {
      name: 'one ACM certificate in the template: a Ref to it',
      code: https('', { extra: ACM('ApiCertificate') }),
      errors: [{ path: ['Resources', 'HttpsListener', 'Properties'], messageIncludes: 'HTTPS listener has no Certificates' }],
      output: https('', { extra: ACM('ApiCertificate') }).replace(
        "{StatusCode: '404'}",
        "{StatusCode: '404'}\n      Certificates:\n        - CertificateArn: !Ref ApiCertificate",
      ),
    },
    {
      name: 'two ACM certificates: a parameter, not a guess',
      code: https('', { extra: ACM('ApiCertificate') + ACM('WebCertificate') }),
      errors: [{ path: ['Resources', 'HttpsListener', 'Properties'] }],
      output: https('', { extra: ACM('ApiCertificate') + ACM('WebCertificate') })
        .replace(
          'Resources:',
          'Parameters:\n  CertificateArn:\n    Type: String\n    Description: ARN of the ACM certificate for the HTTPS/TLS listener\nResources:',
        )
        .replace("{StatusCode: '404'}", "{StatusCode: '404'}\n      Certificates:\n        - CertificateArn: !Ref CertificateArn"),
    },
    {
      name: 'existing CertificateArn parameter is reused',
      code: https('', { parameters: '  CertificateArn:\n    Type: String' }),
      errors: [{ path: ['Resources', 'HttpsListener', 'Properties'] }],
      output: https('', { parameters: '  CertificateArn:\n    Type: String' }).replace(
        "{StatusCode: '404'}",
        "{StatusCode: '404'}\n      Certificates:\n        - CertificateArn: !Ref CertificateArn",
      ),
    },
    {
      name: 'AWS::NoValue where the listener is HTTPS',
      code: https('      Certificates: !If [Legacy, !Ref AWS::NoValue, [{CertificateArn: arn:aws:acm:eu-west-1:123456789012:certificate/abc}]]\n', {
        conditions: '  Legacy: !Equals [!Ref AWS::Region, eu-west-1]',
      }),
      // On the AWS::NoValue branch; the fix sets only it, the other scenario keeps its certificate.
      errors: [{ path: ['Resources', 'HttpsListener', 'Properties', 'Certificates', 'Fn::If', 1], messageIncludes: '(when Legacy is true)', fixes: 1 }],
      output: https(
        '      Certificates: !If [Legacy, [{CertificateArn: !Ref CertificateArn}], [{CertificateArn: arn:aws:acm:eu-west-1:123456789012:certificate/abc}]]\n',
        { conditions: '  Legacy: !Equals [!Ref AWS::Region, eu-west-1]' },
      ).replace(
        'Conditions:',
        'Parameters:\n  CertificateArn:\n    Type: String\n    Description: ARN of the ACM certificate for the HTTPS/TLS listener\nConditions:',
      ),
    },
    {
      name: 'Protocol parameter that allows HTTPS',
      code: https('', {
        protocol: '!Ref ListenerProtocol',
        parameters: '  ListenerProtocol:\n    Type: String\n    Default: HTTP\n    AllowedValues: [HTTP, HTTPS]',
      }),
      errors: [{ path: ['Resources', 'HttpsListener', 'Properties'] }],
    },
    {
      name: 'empty Certificates list: on the list',
      code: https('      Certificates: []\n'),
      errors: [{ path: ['Resources', 'HttpsListener', 'Properties', 'Certificates'], messageIncludes: 'empty' }],
      output: https('      Certificates:\n        - CertificateArn: !Ref CertificateArn\n').replace(
        'Resources:',
        'Parameters:\n  CertificateArn:\n    Type: String\n    Description: ARN of the ACM certificate for the HTTPS/TLS listener\nResources:',
      ),
    },
    {
      name: 'JSON TLS listener: a new parameter',
      code: jsonTls(),
      errors: [{ path: ['Resources', 'TlsListener', 'Properties'], line: 6, messageIncludes: 'TLS listener' }],
      output: jsonTls()
        .replace(
          '"2010-09-09",',
          '"2010-09-09",\n  "Parameters": {\n    "CertificateArn": {\n      "Type": "String",\n      "Description": "ARN of the ACM certificate for the HTTPS/TLS listener"\n    }\n  },',
        )
        .replace(
          '} } ]\n',
          '} } ],\n        "Certificates": [\n          {\n            "CertificateArn": { "Ref": "CertificateArn" }\n          }\n        ]\n',
        ),
    },
  ],
});

import { certificateNotAcm } from '../../../../rules/src/rules/certificates/not-acm';
import { runRuleTests } from '../../../support/rule-tester';
import { ACM, iotDomain, listener, transferServer } from './fixtures';

const IAM = 'arn:aws:iam::123456789012:server-certificate/ev-www-example-com-2025';

const classicJson = (params: object): string =>
  JSON.stringify(
    {
      AWSTemplateFormatVersion: '2010-09-09',
      Parameters: params,
      Resources: {
        WebElb: {
          Type: 'AWS::ElasticLoadBalancing::LoadBalancer',
          Properties: {
            Listeners: [{ LoadBalancerPort: '443', InstancePort: '443', Protocol: 'HTTPS', SSLCertificateId: { Ref: 'CertArn' } }],
          },
        },
      },
    },
    null,
    2,
  );

const distribution = (viewerCertificate: object): string =>
  JSON.stringify(
    {
      Resources: {
        Distribution: {
          Type: 'AWS::CloudFront::Distribution',
          Properties: {
            DistributionConfig: {
              Enabled: true,
              DefaultCacheBehavior: { TargetOriginId: 'web', ViewerProtocolPolicy: 'https-only' },
              ViewerCertificate: { ...viewerCertificate, SslSupportMethod: 'sni-only', MinimumProtocolVersion: 'TLSv1.2_2021' },
            },
          },
        },
      },
    },
    null,
    2,
  );

const beanstalk = (namespace: string, option: string, value: string): string => `Resources:
  Env:
    Type: AWS::ElasticBeanstalk::Environment
    Properties:
      ApplicationName: shop
      SolutionStackName: 64bit Amazon Linux 2023 v4.0.0 running Python 3.11
      OptionSettings:
        - Namespace: ${namespace}
          OptionName: ${option}
          Value: ${value}
`;

runRuleTests(certificateNotAcm, {
  valid: [
    { name: 'ACM ARN on a listener', code: listener(ACM) },
    {
      name: 'Ref to an ACM certificate of the template',
      code: listener('!Ref Cert').replace(
        'Resources:\n',
        'Resources:\n  Cert:\n    Type: AWS::CertificateManager::Certificate\n    Properties: {DomainName: www.example.com, ValidationMethod: DNS}\n',
      ),
    },
    { name: 'ImportValue is unknown', code: listener('!ImportValue shared-certificate-arn') },
    { name: 'GetAtt of another resource is unknown', code: listener('!GetAtt Other.Arn') },
    { name: 'JSON: ACM ARN from a parameter Default', code: classicJson({ CertArn: { Type: 'String', Default: ACM } }) },
    { name: 'JSON: parameter without Default is unknown', code: classicJson({ CertArn: { Type: 'String' } }) },
    { name: 'IAM ARN in AcmCertificateArn is certificate-arn-invalid, not this rule', code: distribution({ AcmCertificateArn: IAM }) },
    {
      name: 'JSON: IamCertificateId removed by AWS::NoValue',
      code: distribution({ AcmCertificateArn: ACM.replace('eu-west-1', 'us-east-1'), IamCertificateId: { Ref: 'AWS::NoValue' } }),
    },
    { name: 'Beanstalk ACM certificate option', code: beanstalk('aws:elbv2:listener:443', 'SSLCertificateArns', ACM) },
    { name: 'IAM ARN in an unrelated Beanstalk option', code: beanstalk('aws:elasticbeanstalk:application:environment', 'SSLCertificateArns', IAM) },
    // the consumers of TLS in transit take ACM certificates only: an IAM ARN there is certificate-arn-invalid
    { name: 'Transfer Family Certificate with an IAM ARN is not this rule', code: transferServer(IAM) },
    { name: 'IoT ServerCertificateArns with an IAM ARN is not this rule', code: iotDomain(`        - ${IAM}\n`) },
  ],
  invalid: [
    {
      name: 'IAM server-certificate ARN on a listener',
      code: listener(IAM),
      errors: [
        {
          path: ['Resources', 'HttpsListener', 'Properties', 'Certificates', 0, 'CertificateArn'],
          line: 10,
          severity: 'warning',
          resource: 'HttpsListener',
          messageIncludes: 'IAM server certificate',
          fixes: 0,
        },
      ],
    },
    {
      name: 'JSON: IAM ARN through a parameter Default: on the property, related to the Default',
      code: classicJson({ CertArn: { Type: 'String', Default: IAM } }),
      errors: [{ path: ['Resources', 'WebElb', 'Properties', 'Listeners', 0, 'SSLCertificateId'], related: 1 }],
    },
    {
      name: 'JSON: an AllowedValues entry is an IAM ARN',
      code: classicJson({ CertArn: { Type: 'String', Default: ACM, AllowedValues: [ACM, IAM] } }),
      errors: [{ path: ['Resources', 'WebElb', 'Properties', 'Listeners', 0, 'SSLCertificateId'], related: 1 }],
    },
    {
      name: 'Fn::If branch: the range covers the written branch',
      code: listener(`!If [Legacy, ${IAM}, ${ACM}]`, 'Conditions:\n  Legacy: !Equals [!Ref AWS::Region, eu-west-1]\n'),
      errors: [{ path: ['Resources', 'HttpsListener', 'Properties', 'Certificates', 0, 'CertificateArn', 'Fn::If', 1], line: 12 }],
    },
    {
      name: 'JSON: CloudFront IamCertificateId',
      code: distribution({ IamCertificateId: 'ASCAQEXAMPLE7EXAMPLE2' }),
      errors: [
        {
          path: ['Resources', 'Distribution', 'Properties', 'DistributionConfig', 'ViewerCertificate', 'IamCertificateId'],
          messageIncludes: 'AcmCertificateArn',
        },
      ],
    },
    {
      name: 'IamCertificateId with an unknown value still names an IAM certificate',
      code: distribution({ IamCertificateId: { 'Fn::ImportValue': 'cert-id' } }),
      errors: [{ path: ['Resources', 'Distribution', 'Properties', 'DistributionConfig', 'ViewerCertificate', 'IamCertificateId'] }],
    },
    {
      name: 'AWS::IAM::ServerCertificate in the template, and a listener using it',
      code: listener('!GetAtt Uploaded.Arn').replace(
        'Resources:\n',
        'Parameters:\n  Body: {Type: String}\n  Key: {Type: String, NoEcho: true}\nResources:\n  Uploaded:\n    Type: AWS::IAM::ServerCertificate\n    Properties:\n      CertificateBody: !Ref Body\n      PrivateKey: !Ref Key\n',
      ),
      errors: [
        { path: ['Resources', 'Uploaded', 'Type'], line: 7, resource: 'Uploaded' },
        { path: ['Resources', 'HttpsListener', 'Properties', 'Certificates', 0, 'CertificateArn'], messageIncludes: 'Uploaded' },
      ],
    },
    {
      name: 'Beanstalk classic listener SSLCertificateId option',
      code: beanstalk("'aws:elb:listener:443'", 'SSLCertificateId', IAM),
      errors: [{ path: ['Resources', 'Env', 'Properties', 'OptionSettings', 0, 'Value'], line: 10 }],
    },
    {
      name: 'Beanstalk comma-separated list with an IAM ARN',
      code: beanstalk('aws:elbv2:listener:443', 'SSLCertificateArns', `'${ACM},${IAM}'`),
      errors: [{ path: ['Resources', 'Env', 'Properties', 'OptionSettings', 0, 'Value'], line: 10 }],
    },
  ],
});

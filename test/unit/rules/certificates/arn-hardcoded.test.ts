import { certificateArnHardcoded } from '../../../../rules/src/rules/certificates/arn-hardcoded';
import { runRuleTests } from '../../../support/rule-tester';
import { ACM, iotDomain, listener, transferServer } from './fixtures';

const ACM2 = 'arn:aws:acm:eu-west-1:123456789012:certificate/0a9b8c7d-6e5f-4a3b-9c1d-2e3f4a5b6c7d';
const IAM = 'arn:aws:iam::123456789012:server-certificate/ev-www-example-com-2025';

const domainJson = (props: string, params = ''): string => `{
  "AWSTemplateFormatVersion": "2010-09-09",${params}
  "Resources": {
    "ApiDomain": {
      "Type": "AWS::ApiGateway::DomainName",
      "Properties": {
        "DomainName": "api.example.com",
        ${props},
        "EndpointConfiguration": { "Types": ["REGIONAL"] }
      }
    }
  }
}
`;

const beanstalk = (value: string, head = ''): string => `${head}Resources:
  Env:
    Type: AWS::ElasticBeanstalk::Environment
    Properties:
      ApplicationName: shop
      OptionSettings:
        - Namespace: aws:elbv2:listener:443
          OptionName: SSLCertificateArns
          Value: ${value}
`;

const samGlobals = (value: string, head = ''): string => `Transform: AWS::Serverless-2016-10-31
Description: Catalog API
${head}Globals:
  Api:
    Domain:
      DomainName: api.example.com
      CertificateArn: ${value}
Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
`;

const distributionJson = (cert: string, params: string): string => `{
  "Parameters": {
    "Stage": { "Type": "String", "Default": "test" }${params}
  },
  "Resources": {
    "Distribution": {
      "Type": "AWS::CloudFront::Distribution",
      "Properties": {
        "DistributionConfig": {
          "Enabled": true,
          "ViewerCertificate": { "AcmCertificateArn": ${cert}, "SslSupportMethod": "sni-only", "MinimumProtocolVersion": "TLSv1.2_2021" }
        }
      }
    }
  }
}
`;

runRuleTests(certificateArnHardcoded, {
  valid: [
    { name: 'ARN from a parameter Default', code: listener('!Ref CertArn', `Parameters:\n  CertArn:\n    Type: String\n    Default: ${ACM}\n`) },
    { name: 'ARN from a mapping', code: listener('!FindInMap [Certs, !Ref AWS::Region, Web]', `Mappings:\n  Certs:\n    eu-west-1:\n      Web: ${ACM}\n`) },
    { name: 'Ref to a certificate of the template', code: listener('!Ref Cert') },
    { name: 'Sub with variables', code: listener('!Sub arn:${AWS::Partition}:acm:${AWS::Region}:${AWS::AccountId}:certificate/${CertId}') },
    { name: 'ImportValue', code: listener('!ImportValue shared-cert') },
    { name: 'not a certificate ARN (certificate-arn-invalid)', code: listener('6a1c3d2e-8f4b-4e5a-9c7d-0b1e2f3a4b5c') },
    {
      name: 'JSON: regional ARN from a parameter',
      code: domainJson('"RegionalCertificateArn": { "Ref": "CertArn" }', `\n  "Parameters": { "CertArn": { "Type": "String", "Default": "${ACM}" } },`),
    },
    { name: 'Transfer Family Certificate from a parameter', code: transferServer('!Ref CertificateArn', 'Parameters:\n  CertificateArn:\n    Type: String\n') },
  ],
  invalid: [
    {
      name: 'literal ACM ARN: extracted to <Resource>CertificateArn',
      code: listener(ACM),
      errors: [{ path: ['Resources', 'HttpsListener', 'Properties', 'Certificates', 0, 'CertificateArn'], line: 10, severity: 'warning', fixes: 1 }],
      output: listener('!Ref HttpsListenerCertificateArn', `Parameters:\n  HttpsListenerCertificateArn:\n    Type: String\n    Default: ${ACM}\n`),
    },
    {
      name: 'IAM ARN is hard-coded too; an existing parameter name is not reused',
      code: listener(IAM, 'Parameters:\n  HttpsListenerCertificateArn:\n    Type: String\n'),
      errors: [{ line: 13 }],
      output: listener(
        '!Ref HttpsListenerCertificateArn2',
        `Parameters:\n  HttpsListenerCertificateArn:\n    Type: String\n  HttpsListenerCertificateArn2:\n    Type: String\n    Default: ${IAM}\n`,
      ),
    },
    {
      name: 'JSON: RegionalCertificateArn keeps its name',
      code: domainJson(`"RegionalCertificateArn": "${ACM}"`),
      errors: [{ path: ['Resources', 'ApiDomain', 'Properties', 'RegionalCertificateArn'], line: 8 }],
      output: domainJson(
        '"RegionalCertificateArn": { "Ref": "ApiDomainRegionalCertificateArn" }',
        `\n  "Parameters": {\n    "ApiDomainRegionalCertificateArn": {\n      "Type": "String",\n      "Default": "${ACM}"\n    }\n  },`,
      ),
    },
    {
      name: 'Fn::If: one finding per written ARN, one parameter each',
      code: listener(`!If [Blue, ${ACM}, ${ACM2}]`, 'Conditions:\n  Blue: !Equals [!Ref AWS::Region, eu-west-1]\n'),
      errors: [
        { path: ['Resources', 'HttpsListener', 'Properties', 'Certificates', 0, 'CertificateArn', 'Fn::If', 1] },
        { path: ['Resources', 'HttpsListener', 'Properties', 'Certificates', 0, 'CertificateArn', 'Fn::If', 2] },
      ],
      output: listener(
        '!If [Blue, !Ref HttpsListenerCertificateArn, !Ref HttpsListenerCertificateArn2]',
        `Parameters:\n  HttpsListenerCertificateArn:\n    Type: String\n    Default: ${ACM}\n  HttpsListenerCertificateArn2:\n    Type: String\n    Default: ${ACM2}\nConditions:\n  Blue: !Equals [!Ref AWS::Region, eu-west-1]\n`,
      ),
    },
    {
      name: 'Sub without variables is written in place',
      code: listener(`!Sub ${ACM}`),
      errors: [{ line: 10 }],
      output: listener('!Ref HttpsListenerCertificateArn', `Parameters:\n  HttpsListenerCertificateArn:\n    Type: String\n    Default: ${ACM}\n`),
    },
    {
      name: 'JSON: CloudFront AcmCertificateArn, appended to the Parameters',
      code: distributionJson(`"${ACM}"`, ''),
      errors: [{ path: ['Resources', 'Distribution', 'Properties', 'DistributionConfig', 'ViewerCertificate', 'AcmCertificateArn'], line: 11 }],
      output: distributionJson(
        '{ "Ref": "DistributionAcmCertificateArn" }',
        `,\n    "DistributionAcmCertificateArn": {\n      "Type": "String",\n      "Default": "${ACM}"\n    }`,
      ),
    },
    {
      name: 'Elastic Beanstalk SSLCertificateArns option',
      code: beanstalk(ACM),
      errors: [{ path: ['Resources', 'Env', 'Properties', 'OptionSettings', 0, 'Value'], line: 9 }],
      output: beanstalk('!Ref EnvCertificateArn', `Parameters:\n  EnvCertificateArn:\n    Type: String\n    Default: ${ACM}\n`),
    },
    {
      name: 'SAM Globals.Api.Domain.CertificateArn',
      code: samGlobals(ACM),
      errors: [{ path: ['Globals', 'Api', 'Domain', 'CertificateArn'], line: 7, resource: null }],
      output: samGlobals('!Ref GlobalsApiCertificateArn', `Parameters:\n  GlobalsApiCertificateArn:\n    Type: String\n    Default: ${ACM}\n`),
    },
    {
      name: 'Transfer Family Certificate written in place: moved into a parameter',
      code: transferServer(ACM),
      errors: [{ path: ['Resources', 'FtpsServer', 'Properties', 'Certificate'], line: 7, fixes: 1 }],
      output: `Parameters:
  FtpsServerCertificateArn:
    Type: String
    Default: ${ACM}
${transferServer('!Ref FtpsServerCertificateArn')}`,
    },
    {
      name: 'IoT ServerCertificateArns item written in place',
      code: iotDomain(`        - ${ACM}\n        - !Ref SharedCert\n`),
      errors: [{ path: ['Resources', 'DeviceDomain', 'Properties', 'ServerCertificateArns', 0], line: 9, fixes: 1 }],
    },
  ],
});

import { pcaRootCaActive } from '../../../../rules/src/rules/pca-iam/root-ca-active';
import { runRuleTests } from '../../../support/rule-tester';

const template = (caType: string, activation: string): string => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  CaType:
    Type: String
    Default: SUBORDINATE
    AllowedValues: [ROOT, SUBORDINATE]
  SignedCertificate:
    Type: String
Conditions:
  Active: !Equals [!Ref AWS::Region, eu-west-1]
Resources:
  RootCa:
    Type: AWS::ACMPCA::CertificateAuthority
    Properties:
      Type: ${caType}
      KeyAlgorithm: RSA_2048
      SigningAlgorithm: SHA256WITHRSA
      Subject:
        CommonName: Example Root CA
  RootCaActivation:
    Type: AWS::ACMPCA::CertificateAuthorityActivation
    Properties:
      Certificate: !Ref SignedCertificate
${activation}
`;

const json = (type: string, status: string): string =>
  JSON.stringify(
    {
      Resources: {
        Ca: { Type: 'AWS::ACMPCA::CertificateAuthority', Properties: { Type: type, KeyAlgorithm: 'RSA_2048', SigningAlgorithm: 'SHA256WITHRSA', Subject: {} } },
        Activation: {
          Type: 'AWS::ACMPCA::CertificateAuthorityActivation',
          Properties: { CertificateAuthorityArn: { 'Fn::GetAtt': ['Ca', 'Arn'] }, Certificate: 'pem', Status: status },
        },
      },
    },
    null,
    2,
  );

runRuleTests(pcaRootCaActive, {
  valid: [
    { name: 'SUBORDINATE CA activated', code: template('SUBORDINATE', '      CertificateAuthorityArn: !Ref RootCa\n      Status: ACTIVE') },
    { name: 'ROOT CA activation DISABLED', code: template('ROOT', '      CertificateAuthorityArn: !Ref RootCa\n      Status: DISABLED') },
    {
      name: 'ROOT CA without an activation in the template',
      code: template(
        'ROOT',
        '      CertificateAuthorityArn: arn:aws:acm-pca:eu-west-1:123456789012:certificate-authority/11111111-2222-3333-4444-555555555555',
      ),
    },
    {
      name: 'activation of a CA outside the template',
      code: template('ROOT', '      CertificateAuthorityArn: !ImportValue shared-ca-arn\n      Status: ACTIVE'),
    },
    { name: 'Status from ImportValue is unknown', code: template('ROOT', '      CertificateAuthorityArn: !Ref RootCa\n      Status: !ImportValue ca-status') },
    { name: 'CA Type from GetAtt is unknown', code: template('!GetAtt Settings.CaType', '      CertificateAuthorityArn: !Ref RootCa') },
    { name: 'JSON SUBORDINATE', code: json('SUBORDINATE', 'ACTIVE') },
  ],
  invalid: [
    {
      name: 'ROOT CA activated with Status ACTIVE: on the Status value, related info at the CA Type',
      code: template('ROOT', '      CertificateAuthorityArn: !Ref RootCa\n      Status: ACTIVE'),
      errors: [
        {
          path: ['Resources', 'RootCaActivation', 'Properties', 'Status'],
          line: 25,
          severity: 'info',
          resource: 'RootCaActivation',
          related: 1,
          messageIncludes: 'RootCa',
        },
      ],
    },
    {
      name: 'no Status means ACTIVE: on the Properties key',
      code: template('ROOT', '      CertificateAuthorityArn: !GetAtt RootCa.Arn'),
      errors: [{ path: ['Resources', 'RootCaActivation', 'Properties'], line: 22 }],
    },
    {
      name: 'Status NoValue means ACTIVE',
      code: template('ROOT', '      CertificateAuthorityArn: !Ref RootCa\n      Status: !Ref AWS::NoValue'),
      errors: [{ path: ['Resources', 'RootCaActivation', 'Properties'] }],
    },
    {
      name: 'Status ACTIVE in one Fn::If branch',
      code: template('ROOT', '      CertificateAuthorityArn: !Ref RootCa\n      Status: !If [Active, ACTIVE, DISABLED]'),
      errors: [{ path: ['Resources', 'RootCaActivation', 'Properties', 'Status', 'Fn::If', 1] }],
    },
    {
      name: 'CA Type ROOT among the AllowedValues',
      code: template('!Ref CaType', '      CertificateAuthorityArn: !Ref RootCa\n      Status: ACTIVE'),
      errors: [{ path: ['Resources', 'RootCaActivation', 'Properties', 'Status'] }],
    },
    {
      name: 'JSON ROOT activated through GetAtt Arn',
      code: json('ROOT', 'ACTIVE'),
      errors: [{ path: ['Resources', 'Activation', 'Properties', 'Status'], line: 22 }],
    },
  ],
});

import { pcaRevocationDisabled } from '../../../../rules/src/rules/pca-iam/revocation-disabled';
import { runRuleTests } from '../../../support/rule-tester';

const ca = (extra: string): string => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  CrlEnabled:
    Type: String
    Default: 'true'
    AllowedValues: ['true', 'false']
Conditions:
  WithCrl: !Equals [!Ref AWS::Region, eu-west-1]
Resources:
  InternalCa:
    Type: AWS::ACMPCA::CertificateAuthority
    Properties:
      Type: SUBORDINATE
      KeyAlgorithm: RSA_2048
      SigningAlgorithm: SHA256WITHRSA
      Subject:
        CommonName: Example Internal CA
${extra}
`;

runRuleTests(pcaRevocationDisabled, {
  valid: [
    { name: 'OCSP enabled', code: ca('      RevocationConfiguration:\n        OcspConfiguration:\n          Enabled: true') },
    {
      name: 'CRL enabled, OCSP off',
      code: ca(
        '      RevocationConfiguration:\n        CrlConfiguration:\n          Enabled: true\n          S3BucketName: crl-bucket\n        OcspConfiguration:\n          Enabled: false',
      ),
    },
    {
      name: 'CRL Enabled from ImportValue is unknown',
      code: ca('      RevocationConfiguration:\n        CrlConfiguration:\n          Enabled: !ImportValue crl-enabled'),
    },
    { name: 'RevocationConfiguration from GetAtt is unknown', code: ca('      RevocationConfiguration: !GetAtt Settings.Revocation') },
    { name: 'short-lived certificate mode needs no revocation', code: ca('      UsageMode: SHORT_LIVED_CERTIFICATE') },
    {
      name: 'JSON with OCSP',
      code: '{"Resources": {"Ca": {"Type": "AWS::ACMPCA::CertificateAuthority", "Properties": {"Type": "ROOT", "KeyAlgorithm": "RSA_2048", "SigningAlgorithm": "SHA256WITHRSA", "Subject": {}, "RevocationConfiguration": {"OcspConfiguration": {"Enabled": true}}}}}}',
    },
  ],
  invalid: [
    {
      name: 'no RevocationConfiguration: on the Properties key',
      code: ca('      UsageMode: GENERAL_PURPOSE'),
      errors: [{ path: ['Resources', 'InternalCa', 'Properties'], line: 12, severity: 'warning', resource: 'InternalCa' }],
    },
    {
      name: 'both disabled: on the RevocationConfiguration key',
      code: ca('      RevocationConfiguration:\n        CrlConfiguration:\n          Enabled: false\n        OcspConfiguration:\n          Enabled: false'),
      errors: [{ path: ['Resources', 'InternalCa', 'Properties', 'RevocationConfiguration'], line: 18, messageIncludes: 'neither a CRL nor OCSP' }],
    },
    {
      name: 'empty RevocationConfiguration',
      code: ca('      RevocationConfiguration: {}'),
      errors: [{ path: ['Resources', 'InternalCa', 'Properties', 'RevocationConfiguration'] }],
    },
    {
      name: 'NoValue removes it',
      code: ca('      RevocationConfiguration: !Ref AWS::NoValue'),
      errors: [{ path: ['Resources', 'InternalCa', 'Properties'] }],
    },
    {
      name: 'CRL only in one Fn::If branch',
      code: ca('      RevocationConfiguration:\n        CrlConfiguration:\n          Enabled: !If [WithCrl, true, false]'),
      errors: [{ path: ['Resources', 'InternalCa', 'Properties', 'RevocationConfiguration'] }],
    },
    {
      name: "parameter AllowedValues include 'false'",
      code: ca('      RevocationConfiguration:\n        CrlConfiguration:\n          Enabled: !Ref CrlEnabled'),
      errors: [{ path: ['Resources', 'InternalCa', 'Properties', 'RevocationConfiguration'] }],
    },
    {
      name: 'JSON without revocation',
      code: '{\n  "Resources": {\n    "Ca": {\n      "Type": "AWS::ACMPCA::CertificateAuthority",\n      "Properties": {\n        "Type": "ROOT",\n        "KeyAlgorithm": "EC_prime256v1",\n        "SigningAlgorithm": "SHA256WITHECDSA",\n        "Subject": {"CommonName": "Root"}\n      }\n    }\n  }\n}\n',
      errors: [{ path: ['Resources', 'Ca', 'Properties'], line: 5 }],
    },
  ],
});

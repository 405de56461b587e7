import { pcaAlgorithmFamilyMismatch } from '../../../../rules/src/rules/pca-iam/algorithm-family-mismatch';
import { runRuleTests } from '../../../support/rule-tester';

const ca = (key: string, signing: string, params = ''): string => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
${params}  Unused:
    Type: String
Conditions:
  Ec: !Equals [!Ref AWS::Region, eu-west-1]
Resources:
  InternalCa:
    Type: AWS::ACMPCA::CertificateAuthority
    Properties:
      Type: SUBORDINATE
      KeyAlgorithm: ${key}
      SigningAlgorithm: ${signing}
      Subject:
        CommonName: Example Internal CA
`;

const keyParam = '  KeyAlg:\n    Type: String\n    Default: RSA_2048\n    AllowedValues: [RSA_2048, EC_prime256v1]\n';
const signParam = '  SignAlg:\n    Type: String\n    Default: SHA256WITHRSA\n    AllowedValues: [SHA256WITHRSA, SHA256WITHECDSA]\n';

const json = (key: string, signing: string): string =>
  JSON.stringify(
    {
      Resources: { Ca: { Type: 'AWS::ACMPCA::CertificateAuthority', Properties: { Type: 'ROOT', KeyAlgorithm: key, SigningAlgorithm: signing, Subject: {} } } },
    },
    null,
    2,
  );

runRuleTests(pcaAlgorithmFamilyMismatch, {
  valid: [
    { name: 'RSA and RSA', code: ca('RSA_4096', 'SHA512WITHRSA') },
    { name: 'EC and ECDSA', code: ca('EC_secp384r1', 'SHA384WITHECDSA') },
    { name: 'SM2 and SM3WITHSM2', code: ca('SM2', 'SM3WITHSM2') },
    { name: 'unknown signing algorithm is not this rule', code: ca('RSA_2048', 'MD5WITHRSA-ish') },
    { name: 'GetAtt key is unknown', code: ca('!GetAtt Settings.KeyAlgorithm', 'SHA256WITHRSA') },
    { name: 'ImportValue signing algorithm is unknown', code: ca('EC_prime256v1', '!ImportValue signing-alg') },
    { name: "two parameters with two families each: the pairing is the user's", code: ca('!Ref KeyAlg', '!Ref SignAlg', keyParam + signParam) },
    { name: 'Fn::If on the same condition keeps the pair', code: ca('!If [Ec, EC_prime256v1, RSA_2048]', '!If [Ec, SHA256WITHECDSA, SHA256WITHRSA]') },
    { name: 'JSON EC and ECDSA', code: json('EC_prime256v1', 'SHA256WITHECDSA') },
  ],
  invalid: [
    {
      name: 'EC key, RSA signing: on SigningAlgorithm',
      code: ca('EC_secp384r1', 'SHA384WITHRSA'),
      errors: [
        { path: ['Resources', 'InternalCa', 'Properties', 'SigningAlgorithm'], line: 13, severity: 'error', resource: 'InternalCa', messageIncludes: 'ECDSA' },
      ],
    },
    {
      name: 'RSA key, ECDSA signing',
      code: ca('RSA_2048', 'SHA256WITHECDSA'),
      errors: [{ path: ['Resources', 'InternalCa', 'Properties', 'SigningAlgorithm'], messageIncludes: 'RSA' }],
    },
    {
      name: 'Fn::If on another condition for the signing algorithm: the written branch',
      code: ca('RSA_2048', '!If [Ec, SHA256WITHECDSA, SHA256WITHRSA]'),
      errors: [{ path: ['Resources', 'InternalCa', 'Properties', 'SigningAlgorithm', 'Fn::If', 1], line: 13 }],
    },
    {
      name: 'signing parameter with both families against a fixed RSA key: related info',
      code: ca('RSA_2048', '!Ref SignAlg', signParam),
      errors: [{ path: ['Resources', 'InternalCa', 'Properties', 'SigningAlgorithm'], related: 1 }],
    },
    {
      name: 'key parameter with both families against a fixed RSA signing algorithm: on KeyAlgorithm',
      code: ca('!Ref KeyAlg', 'SHA256WITHRSA', keyParam),
      errors: [{ path: ['Resources', 'InternalCa', 'Properties', 'KeyAlgorithm'], related: 1 }],
    },
    {
      name: 'JSON RSA key, ECDSA signing',
      code: json('RSA_2048', 'SHA256WITHECDSA'),
      errors: [{ path: ['Resources', 'Ca', 'Properties', 'SigningAlgorithm'], line: 8 }],
    },
  ],
});

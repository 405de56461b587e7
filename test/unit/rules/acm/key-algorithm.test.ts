import { acmKeyAlgorithm } from '../../../../rules/src/rules/acm/key-algorithm';
import { runRuleTests } from '../../../support/rule-tester';
import { CERT_PATH, IS_PROD_CONDITION, jsonCert, PRIVATE_CA, yamlCert } from './fixtures';

const alg = (v: string): string =>
  yamlCert(`      DomainName: devices.example.com\n      ValidationMethod: DNS\n      KeyAlgorithm: ${v}`, { conditions: IS_PROD_CONDITION });
const param = (def: string, allowed: string): string =>
  yamlCert('      DomainName: devices.example.com\n      KeyAlgorithm: !Ref Alg', {
    parameters: `  Alg:\n    Type: String\n    Default: ${def}\n    AllowedValues: [${allowed}]`,
  });

runRuleTests(acmKeyAlgorithm, {
  valid: [
    { name: 'RSA_2048', code: alg('RSA_2048') },
    { name: 'EC_prime256v1', code: alg('EC_prime256v1') },
    { name: 'EC_secp384r1', code: alg('EC_secp384r1') },
    { name: 'absent (RSA_2048)', code: yamlCert('      DomainName: devices.example.com') },
    { name: 'unknown spelling is left to AWS', code: alg('RSA_8192') },
    { name: 'ImportValue', code: alg('!ImportValue key-alg') },
    { name: 'GetAtt', code: alg('!GetAtt Settings.KeyAlgorithm') },
    { name: 'AWS::NoValue', code: alg('!Ref AWS::NoValue') },
    { name: 'requestable parameter values', code: param('RSA_2048', 'RSA_2048, EC_prime256v1') },
    { name: 'JSON EC_prime256v1', code: jsonCert({ DomainName: 'devices.example.com', KeyAlgorithm: 'EC_prime256v1' }) },
  ],
  invalid: [
    {
      name: 'RSA_1024 is weak and not requestable',
      code: alg('RSA_1024'),
      errors: [{ path: [...CERT_PATH, 'KeyAlgorithm'], line: 10, severity: 'error', messageIncludes: 'ACM.2', fixes: 1 }],
      output: alg('RSA_2048'),
    },
    { name: 'RSA_4096 is for imports only', code: alg('RSA_4096'), errors: [{ messageIncludes: 'imported' }], output: alg('RSA_2048') },
    { name: 'RSA_3072 is for imports only', code: alg('RSA_3072'), errors: [{ path: [...CERT_PATH, 'KeyAlgorithm'] }], output: alg('RSA_2048') },
    {
      name: 'EC_secp521r1 keeps the EC family (a private ECDSA CA needs it)',
      code: yamlCert(`      DomainName: devices.example.com\n      CertificateAuthorityArn: ${PRIVATE_CA}\n      KeyAlgorithm: EC_secp521r1`),
      errors: [{ messageIncludes: 'EC_secp384r1' }],
      output: yamlCert(`      DomainName: devices.example.com\n      CertificateAuthorityArn: ${PRIVATE_CA}\n      KeyAlgorithm: EC_secp384r1`),
    },
    {
      name: 'Fn::If branch',
      code: alg('!If [IsProd, RSA_2048, RSA_1024]'),
      errors: [{ path: [...CERT_PATH, 'KeyAlgorithm', 'Fn::If', 2] }],
      output: alg('!If [IsProd, RSA_2048, RSA_2048]'),
    },
    {
      name: 'parameter Default and AllowedValues of both families',
      code: param('RSA_4096', 'RSA_4096, EC_secp521r1, RSA_2048'),
      errors: [{ path: [...CERT_PATH, 'KeyAlgorithm'], related: 3 }],
      output: param('RSA_2048', 'RSA_2048, EC_secp384r1, RSA_2048'),
    },
    {
      name: 'JSON RSA_1024',
      code: jsonCert({ DomainName: 'devices.example.com', KeyAlgorithm: 'RSA_1024' }),
      errors: [{ path: [...CERT_PATH, 'KeyAlgorithm'], line: 8 }],
      output: jsonCert({ DomainName: 'devices.example.com', KeyAlgorithm: 'RSA_2048' }),
    },
  ],
});

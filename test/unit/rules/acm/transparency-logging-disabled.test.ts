import { acmTransparencyLoggingDisabled } from '../../../../rules/src/rules/acm/transparency-logging-disabled';
import { runRuleTests } from '../../../support/rule-tester';
import { CERT_PATH, IS_PROD_CONDITION, jsonCert, PRIVATE_CA, yamlCert } from './fixtures';

const pref = (v: string, extra = ''): string =>
  yamlCert(`      DomainName: launch.example.com\n      ValidationMethod: DNS${extra}\n      CertificateTransparencyLoggingPreference: ${v}`, {
    conditions: IS_PROD_CONDITION,
  });
const param = (def: string, allowed: string): string =>
  yamlCert('      DomainName: launch.example.com\n      CertificateTransparencyLoggingPreference: !Ref Ct', {
    parameters: `  Ct:\n    Type: String\n    Default: ${def}\n    AllowedValues: [${allowed}]`,
  });

runRuleTests(acmTransparencyLoggingDisabled, {
  valid: [
    { name: 'ENABLED', code: pref('ENABLED') },
    { name: 'absent means enabled', code: yamlCert('      DomainName: launch.example.com') },
    { name: 'private certificates are not logged anyway', code: pref('DISABLED', `\n      CertificateAuthorityArn: ${PRIVATE_CA}`) },
    { name: 'ImportValue is unknown', code: pref('!ImportValue ct-preference') },
    { name: 'GetAtt is unknown', code: pref('!GetAtt Settings.Ct') },
    { name: 'AWS::NoValue', code: pref('!Ref AWS::NoValue') },
    { name: 'parameter without DISABLED', code: param('ENABLED', 'ENABLED') },
    {
      name: 'DISABLED only where the certificate is private',
      code: pref('!If [IsProd, DISABLED, ENABLED]', `\n      CertificateAuthorityArn: !If [IsProd, ${PRIVATE_CA}, !Ref AWS::NoValue]`),
    },
    { name: 'JSON ENABLED', code: jsonCert({ DomainName: 'launch.example.com', CertificateTransparencyLoggingPreference: 'ENABLED' }) },
  ],
  invalid: [
    {
      name: 'DISABLED in place',
      code: pref('DISABLED'),
      errors: [{ path: [...CERT_PATH, 'CertificateTransparencyLoggingPreference'], line: 10, severity: 'warning', fixes: 1 }],
      output: pref('ENABLED'),
    },
    {
      name: 'DISABLED in an Fn::If branch',
      code: pref('!If [IsProd, ENABLED, DISABLED]'),
      errors: [{ path: [...CERT_PATH, 'CertificateTransparencyLoggingPreference', 'Fn::If', 2] }],
      output: pref('!If [IsProd, ENABLED, ENABLED]'),
    },
    {
      name: 'DISABLED as parameter Default',
      code: param('DISABLED', 'ENABLED, DISABLED'),
      errors: [{ path: [...CERT_PATH, 'CertificateTransparencyLoggingPreference'], related: 2 }],
      output: param('ENABLED', 'ENABLED, ENABLED'),
    },
    {
      name: 'JSON DISABLED',
      code: jsonCert({ DomainName: 'launch.example.com', CertificateTransparencyLoggingPreference: 'DISABLED' }),
      errors: [{ path: [...CERT_PATH, 'CertificateTransparencyLoggingPreference'], line: 8 }],
      output: jsonCert({ DomainName: 'launch.example.com', CertificateTransparencyLoggingPreference: 'ENABLED' }),
    },
  ],
});

import { acmValidationDomainMismatch } from '../../../../rules/src/rules/acm/validation-domain-mismatch';
import { runRuleTests } from '../../../support/rule-tester';
import { CERT_PATH, IS_PROD_CONDITION, jsonCert, yamlCert, ZONE_PARAMETER } from './fixtures';

const withOptions = (names: string, options: string, parts = {}): string =>
  yamlCert(`${names}\n      ValidationMethod: EMAIL\n      DomainValidationOptions:\n${options}`, parts);
const shop = '      DomainName: shop.example.com';

runRuleTests(acmValidationDomainMismatch, {
  valid: [
    {
      name: 'entry for DomainName, ValidationDomain equal',
      code: withOptions(shop, '        - DomainName: shop.example.com\n          ValidationDomain: shop.example.com'),
    },
    { name: 'ValidationDomain a superdomain', code: withOptions(shop, '        - DomainName: shop.example.com\n          ValidationDomain: example.com') },
    {
      name: 'entry for a SAN, case-insensitive',
      code: withOptions(
        `${shop}\n      SubjectAlternativeNames: [www.example.com]`,
        '        - DomainName: WWW.example.com\n          ValidationDomain: example.com',
      ),
    },
    {
      name: 'wildcard entry validated at its base domain',
      code: withOptions("      DomainName: '*.example.com'", "        - DomainName: '*.example.com'\n          ValidationDomain: example.com"),
    },
    {
      name: 'unknown SAN list: the entry may name one of them',
      code: withOptions(`${shop}\n      SubjectAlternativeNames: !Ref Names`, '        - DomainName: beta.example.com', {
        parameters: '  Names:\n    Type: CommaDelimitedList',
      }),
    },
    { name: 'unknown DomainName', code: withOptions('      DomainName: !ImportValue shop-name', '        - DomainName: beta.example.com') },
    {
      name: 'unknown ValidationDomain',
      code: withOptions(shop, '        - DomainName: shop.example.com\n          ValidationDomain: !ImportValue validation-domain'),
    },
    { name: 'entry name from GetAtt', code: withOptions(shop, '        - DomainName: !GetAtt Naming.Name\n          ValidationDomain: example.org') },
    {
      name: 'DNS entry with a zone for the name',
      code: yamlCert(
        `${shop}\n      ValidationMethod: DNS\n      DomainValidationOptions:\n        - DomainName: shop.example.com\n          HostedZoneId: !Ref HostedZoneId`,
        { parameters: ZONE_PARAMETER },
      ),
    },
    {
      name: 'entry in an Fn::If branch where the SAN exists',
      code: withOptions(
        `${shop}\n      SubjectAlternativeNames: !If [IsProd, [www.example.com], !Ref AWS::NoValue]`,
        '        - !If [IsProd, {DomainName: www.example.com, ValidationDomain: example.com}, !Ref AWS::NoValue]',
        { conditions: IS_PROD_CONDITION },
      ),
    },
    {
      name: 'JSON valid',
      code: jsonCert({
        DomainName: 'shop.example.com',
        ValidationMethod: 'EMAIL',
        DomainValidationOptions: [{ DomainName: 'shop.example.com', ValidationDomain: 'example.com' }],
      }),
    },
  ],
  invalid: [
    {
      name: 'entry for a name the certificate does not request',
      code: withOptions(shop, '        - DomainName: shop.example.com\n          ValidationDomain: example.com\n        - DomainName: beta.example.com'),
      errors: [
        {
          path: [...CERT_PATH, 'DomainValidationOptions', 1, 'DomainName'],
          line: 11,
          severity: 'error',
          resource: 'Certificate',
          messageIncludes: "'beta.example.com'",
        },
      ],
    },
    {
      name: 'ValidationDomain of another domain',
      code: withOptions(shop, '        - DomainName: shop.example.com\n          ValidationDomain: example.org'),
      errors: [{ path: [...CERT_PATH, 'DomainValidationOptions', 0, 'ValidationDomain'], line: 10, messageIncludes: "'example.org'" }],
    },
    {
      name: 'ValidationDomain a subdomain, not a superdomain; suffix without a dot does not count',
      code: withOptions(shop, '        - DomainName: shop.example.com\n          ValidationDomain: pshop.example.com'),
      errors: [{ path: [...CERT_PATH, 'DomainValidationOptions', 0, 'ValidationDomain'] }],
    },
    {
      name: 'two problems: one finding on the property, the second as related information',
      code: withOptions(shop, '        - DomainName: beta.example.com\n        - DomainName: shop.example.com\n          ValidationDomain: example.net'),
      errors: [{ path: [...CERT_PATH, 'DomainValidationOptions', 0, 'DomainName'], related: 1 }],
    },
    {
      name: 'ValidationDomain from a parameter AllowedValues',
      code: withOptions(shop, '        - DomainName: shop.example.com\n          ValidationDomain: !Ref Vd', {
        parameters: '  Vd:\n    Type: String\n    Default: example.com\n    AllowedValues: [example.com, example.org]',
      }),
      errors: [{ path: [...CERT_PATH, 'DomainValidationOptions', 0, 'ValidationDomain'], related: 1, messageIncludes: "'example.org'" }],
    },
    {
      name: 'an entry for a SAN that exists only in the other branch',
      code: withOptions(
        `${shop}\n      SubjectAlternativeNames: !If [IsProd, [www.example.com], !Ref AWS::NoValue]`,
        '        - DomainName: www.example.com\n          ValidationDomain: example.com',
        { conditions: IS_PROD_CONDITION },
      ),
      errors: [{ path: [...CERT_PATH, 'DomainValidationOptions', 0, 'DomainName'] }],
    },
    {
      name: 'JSON: ValidationDomain not a superdomain',
      code: jsonCert({
        DomainName: 'shop.example.com',
        ValidationMethod: 'EMAIL',
        DomainValidationOptions: [{ DomainName: 'shop.example.com', ValidationDomain: 'example.org' }],
      }),
      errors: [{ path: [...CERT_PATH, 'DomainValidationOptions', 0, 'ValidationDomain'], line: 12 }],
    },
  ],
});

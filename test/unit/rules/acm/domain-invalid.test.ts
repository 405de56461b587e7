import { acmDomainInvalid } from '../../../../rules/src/rules/acm/domain-invalid';
import { checkName } from '../../../../rules/src/model/acm/domain-names';
import { strict as assert } from 'assert';
import { runRuleTests } from '../../../support/rule-tester';
import { CERT_PATH, IS_PROD_CONDITION, jsonCert, yamlCert } from './fixtures';

const name = (v: string): string => yamlCert(`      DomainName: ${v}\n      ValidationMethod: DNS`, { conditions: IS_PROD_CONDITION });
const sans = (items: string[]): string =>
  yamlCert(`      DomainName: example.com\n      SubjectAlternativeNames:\n${items.map((i) => `        - ${i}`).join('\n')}`);
const param = (def: string, allowed: string): string =>
  yamlCert('      DomainName: !Ref Name', { parameters: `  Name:\n    Type: String\n    Default: ${def}\n    AllowedValues: [${allowed}]` });

describe('acm domain name checks', () => {
  it('accepts names ACM accepts', () => {
    for (const n of [
      'example.com',
      '*.example.com',
      'a.b.c.example.co.uk',
      'xn--bcher-kva.example.com',
      'ab--c.example.com',
      `${'a'.repeat(63)}.example.com`,
    ]) {
      assert.deepEqual(checkName(n, false).errors, [], n);
    }
  });
  it('rejects what the ACM DomainNameString pattern rejects', () => {
    for (const n of ['-a.example.com', 'a-.example.com', 'example.c', 'a..example.com', '.example.com', '*.com', 'exa mple.com', 'ex%41.com', '*', '']) {
      assert.notDeepEqual(checkName(n, false).errors, [], n);
    }
  });
  it('converts Unicode names with IDNA and offers the punycode form', () => {
    const c = checkName('bücher.example.com', false);
    assert.equal(c.errors.length, 1);
    assert.equal(c.corrected, 'xn--bcher-kva.example.com');
  });
  it('counts the 253 limit on the ASCII form and the 64 limit for DomainName only', () => {
    const long = `${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.${'e'.repeat(10)}.com`;
    assert.ok(checkName(long, false).errors.some((e) => e.includes('at most 253')));
    const sixtyEight = 'feature-1234-checkout-redesign-preview.eu-west-1.staging.example.com';
    assert.deepEqual(checkName(sixtyEight, false).errors, []);
    assert.equal(checkName(sixtyEight, true).errors.length, 1);
  });
});

runRuleTests(acmDomainInvalid, {
  valid: [
    { name: 'plain FQDN', code: name('www.example.com') },
    { name: 'leftmost wildcard', code: name("'*.example.com'") },
    { name: 'punycode SAN and a long SAN', code: sans(['xn--bcher-kva.example.com', 'feature-1234-checkout-redesign-preview.eu-west-1.staging.example.com']) },
    { name: 'ImportValue', code: name('!ImportValue site-name') },
    { name: 'Sub with a variable', code: name("!Sub 'www.${AWS::Region}.example.com'") },
    { name: 'GetAtt SAN', code: sans(['!GetAtt Naming.Name']) },
    { name: 'AWS::NoValue SAN item', code: sans(['www.example.com', '!Ref AWS::NoValue']) },
    { name: 'valid parameter values', code: param('www.example.com', 'www.example.com, shop.example.com') },
    { name: 'Fn::If of valid names', code: name('!If [IsProd, www.example.com, www.dev.example.com]') },
    { name: 'JSON valid', code: jsonCert({ DomainName: 'www.example.com', SubjectAlternativeNames: ['example.com', '*.example.com'] }) },
  ],
  invalid: [
    {
      name: 'trailing dot: error, the fix removes it',
      code: name('www.example.com.'),
      errors: [{ path: [...CERT_PATH, 'DomainName'], line: 8, severity: 'error', messageIncludes: 'dot', fixes: 1 }],
      output: name('www.example.com'),
    },
    {
      name: 'upper case: warning, the fix lower-cases',
      code: name('Shop.Example.com'),
      errors: [{ path: [...CERT_PATH, 'DomainName'], severity: 'warning', messageIncludes: 'upper-case' }],
      output: name('shop.example.com'),
    },
    {
      name: 'upper case and trailing dot: error, one fix for both',
      code: name('WWW.example.com.'),
      errors: [{ severity: 'error', fixes: 1 }],
      output: name('www.example.com'),
    },
    { name: 'IP address', code: name('203.0.113.10'), errors: [{ messageIncludes: 'IP address', fixes: 0 }] },
    { name: 'IPv6 address', code: name("'2001:db8::1'"), errors: [{ messageIncludes: 'IP address' }] },
    { name: 'single label', code: name('intranet'), errors: [{ messageIncludes: 'single label' }] },
    { name: 'partial wildcard', code: name("'*api.example.com'"), errors: [{ messageIncludes: 'leftmost' }] },
    { name: 'underscore', code: name('api_v2.example.com'), errors: [{ messageIncludes: "'_'" }] },
    { name: 'empty label', code: name('www..example.com'), errors: [{ messageIncludes: 'empty label' }] },
    { name: 'label over 63', code: name(`${'a'.repeat(64)}.example.com`), errors: [{ messageIncludes: '64 characters' }] },
    {
      name: 'DomainName over 64',
      code: name('feature-1234-checkout-redesign-preview.eu-west-1.staging.example.com'),
      errors: [{ messageIncludes: 'at most 64' }],
    },
    {
      name: 'Unicode name: ACM takes the punycode form, which the fix writes',
      code: name('bücher.example.com'),
      errors: [{ messageIncludes: 'xn--bcher-kva.example.com', severity: 'error' }],
      output: name('xn--bcher-kva.example.com'),
    },
    {
      name: 'a wildcard not leftmost in a SAN: the range covers the item',
      code: sans(['www.example.com', 'api.*.example.com']),
      errors: [{ path: [...CERT_PATH, 'SubjectAlternativeNames', 1], line: 9 }],
    },
    {
      name: 'two bad SANs: one finding on the property, the first bad item, related info for the second',
      code: sans(['intranet', 'www.example.org.']),
      errors: [{ path: [...CERT_PATH, 'SubjectAlternativeNames', 0], related: 1, fixes: 1 }],
    },
    {
      name: 'upper-case SAN only: warning',
      code: sans(['Www.Example.com']),
      errors: [{ path: [...CERT_PATH, 'SubjectAlternativeNames', 0], severity: 'warning' }],
      output: sans(['www.example.com']),
    },
    {
      name: 'invalid parameter Default: on the property, related info, the fix edits the parameter',
      code: param('www.example.com.', 'www.example.com., shop.example.com'),
      errors: [{ path: [...CERT_PATH, 'DomainName'], related: 2 }],
      output: param('www.example.com', 'www.example.com, shop.example.com'),
    },
    {
      name: 'Fn::If branch',
      code: name('!If [IsProd, www.example.com, intranet]'),
      errors: [{ path: [...CERT_PATH, 'DomainName', 'Fn::If', 2] }],
    },
    {
      name: 'JSON upper case',
      code: jsonCert({ DomainName: 'Shop.Example.com', ValidationMethod: 'DNS' }),
      errors: [{ path: [...CERT_PATH, 'DomainName'], line: 7, severity: 'warning' }],
      output: jsonCert({ DomainName: 'shop.example.com', ValidationMethod: 'DNS' }),
    },
    {
      name: 'JSON trailing dot in a SAN',
      code: jsonCert({ DomainName: 'example.com', SubjectAlternativeNames: ['www.example.com.'] }),
      errors: [{ path: [...CERT_PATH, 'SubjectAlternativeNames', 0] }],
      output: jsonCert({ DomainName: 'example.com', SubjectAlternativeNames: ['www.example.com'] }),
    },
  ],
});

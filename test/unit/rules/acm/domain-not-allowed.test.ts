import { acmDomainNotAllowed } from '../../../../rules/src/rules/acm/domain-not-allowed';
import { runRuleTests } from '../../../support/rule-tester';
import { CERT_PATH, IS_PROD_CONDITION, jsonCert, yamlCert } from './fixtures';

const settings = { allowedDomains: ['example.com', 'example.org'] };
const names = (domain: string, sans: string[] = []): string =>
  yamlCert(`      DomainName: ${domain}${sans.length ? `\n      SubjectAlternativeNames:\n${sans.map((s) => `        - ${s}`).join('\n')}` : ''}`, {
    conditions: IS_PROD_CONDITION,
  });

runRuleTests(acmDomainNotAllowed, {
  valid: [
    { name: 'without allowedDomains the rule does nothing', code: names('login.notexample.com') },
    {
      name: 'the domains themselves, subdomains and wildcards',
      code: names('example.com', ["'*.example.com'", 'api.eu.example.org', 'WWW.Example.COM']),
      settings,
    },
    { name: 'trailing dot and a wildcard in the configuration', code: names('www.example.net.'), settings: { allowedDomains: ['*.example.net.'] } },
    { name: 'unknown names', code: names('!ImportValue site', ['!GetAtt Naming.Name']), settings },
    { name: 'AWS::NoValue SAN', code: names('www.example.com', ['!Ref AWS::NoValue']), settings },
    { name: 'JSON inside', code: jsonCert({ DomainName: 'shop.example.org' }), settings },
  ],
  invalid: [
    {
      name: 'a look-alike domain is outside (label-aligned match)',
      code: names('www.example.com', ['login.notexample.com']),
      settings,
      errors: [{ path: [...CERT_PATH, 'SubjectAlternativeNames', 0], line: 10, severity: 'warning', messageIncludes: 'login.notexample.com' }],
    },
    { name: 'DomainName outside', code: names('www.example.net'), settings, errors: [{ path: [...CERT_PATH, 'DomainName'], line: 8 }] },
    { name: 'a wildcard counts by its base', code: names("'*.example.net'"), settings, errors: [{ path: [...CERT_PATH, 'DomainName'] }] },
    { name: 'a suffix of an allowed domain is not inside', code: names('com'), settings, errors: [{ path: [...CERT_PATH, 'DomainName'] }] },
    {
      name: 'two SANs outside: one finding, related info for the second',
      code: names('www.example.com', ['a.example.net', 'www.example.org', 'b.example.io']),
      settings,
      errors: [{ path: [...CERT_PATH, 'SubjectAlternativeNames', 0], related: 1 }],
    },
    {
      name: 'outside in an Fn::If branch',
      code: names('!If [IsProd, www.example.com, www.example.net]'),
      settings,
      errors: [{ path: [...CERT_PATH, 'DomainName', 'Fn::If', 2] }],
    },
    {
      name: 'outside in a parameter AllowedValues',
      code: yamlCert('      DomainName: !Ref Name', {
        parameters: '  Name:\n    Type: String\n    Default: www.example.com\n    AllowedValues: [www.example.com, www.example.net]',
      }),
      settings,
      errors: [{ path: [...CERT_PATH, 'DomainName'], related: 1 }],
    },
    {
      name: 'JSON outside',
      code: jsonCert({ DomainName: 'www.example.com', SubjectAlternativeNames: ['example.io'] }),
      settings,
      errors: [{ path: [...CERT_PATH, 'SubjectAlternativeNames', 0] }],
    },
  ],
});

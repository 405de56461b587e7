import { strict as assert } from 'assert';
import { mergeSettings, parseConfig } from '../../../rules/src/engine/config';
import { defaultRegistry } from '../../../rules/src/rules/index';

const metas = defaultRegistry().metas;
const parse = (text: string) => parseConfig(text, '/p/.cfn-tls-lint.yaml', metas);

describe('config', () => {
  it('reads severities, options, policies, domains, production and regions', () => {
    const { layer, errors } = parse(
      [
        'rules:',
        '  elbv2-ssl-policy-missing: error',
        '  elbv2-ssl-policy-weak: [warning, { minimumTls: 1.3 }]',
        'recommendedPolicies:',
        '  elbv2: ELBSecurityPolicy-TLS13-1-3-2021-06',
        'allowedDomains: [Example.com, "*.example.org"]',
        'production:',
        '  files: ["**/prod/**"]',
        '  valuePattern: "^(prod|live)"',
        'regions: [eu-west-1]',
      ].join('\n'),
    );
    assert.deepEqual(errors, []);
    const s = mergeSettings(layer);
    assert.equal(s.rules.get('elbv2-ssl-policy-missing')?.severity, 'error');
    assert.deepEqual({ ...s.rules.get('elbv2-ssl-policy-weak')?.options }, { minimumTls: '1.3' });
    assert.equal(s.recommendedPolicies.elbv2, 'ELBSecurityPolicy-TLS13-1-3-2021-06');
    assert.deepEqual(s.allowedDomains, ['example.com', 'example.org']);
    assert.deepEqual(s.production.files, ['**/prod/**']);
    assert.equal(s.production.baseDir, '/p');
    assert.equal(s.production.valuePattern, '^(prod|live)');
    assert.deepEqual(s.regions, ['eu-west-1']);
  });

  it('serverless: true or false, off by default; anything else is an error on its line', () => {
    assert.equal(mergeSettings().serverless, false);
    assert.equal(mergeSettings(parse('serverless: true\n').layer).serverless, true);
    assert.equal(mergeSettings(parse('serverless: true\n').layer, parse('serverless: false\n').layer).serverless, false);
    const bad = parse('rules: {}\nserverless: yes please\n');
    assert.deepEqual(
      bad.errors.map((e) => [e.line + 1, e.detail]),
      [[2, 'serverless must be true or false']],
    );
    assert.equal(bad.layer.serverless, undefined);
  });

  it('names the line of each problem and keeps the valid parts', () => {
    const { layer, errors } = parse(
      ['rules:', '  nope: error', '  elbv2-ssl-policy-weak: loud', '  elbv2-ssl-policy-missing: error', 'colour: red'].join('\n'),
    );
    assert.deepEqual(
      errors.map((e) => [e.line + 1, e.detail.split(' (')[0]]),
      [
        [2, 'unknown rule "nope"'],
        [3, 'rules.elbv2-ssl-policy-weak: severity must be one of off, info, warning, error'],
        [5, 'unknown setting "colour"'],
      ],
    );
    assert.equal(layer.rules?.get('elbv2-ssl-policy-missing')?.severity, 'error');
  });

  it('suggests the rule id, option or setting a typo was meant to be', () => {
    const { layer, errors } = parse(
      [
        'rules:',
        '  elbv2-ssl-polcy-weak: error', // a letter missing
        '  ELBV2-SSL-POLICY-MISSING: off', // the case
        '  cloudfront-tls-versoin: warning', // two letters swapped
        '  no-such-rule-at-all: error', // nothing close
        '  elbv2-ssl-policy-weak: [warning, { minimumTsl: "1.3" }]',
        'recomendedPolicies: {}',
      ].join('\n'),
    );
    assert.deepEqual(
      errors.map((e) => [e.line + 1, e.detail]),
      [
        [2, 'unknown rule "elbv2-ssl-polcy-weak" (did you mean "elbv2-ssl-policy-weak"?)'],
        [3, 'unknown rule "ELBV2-SSL-POLICY-MISSING" (did you mean "elbv2-ssl-policy-missing"?)'],
        [4, 'unknown rule "cloudfront-tls-versoin" (did you mean "cloudfront-tls-version"?)'],
        [5, 'unknown rule "no-such-rule-at-all"'],
        [6, 'rules.elbv2-ssl-policy-weak: unknown option "minimumTsl" (did you mean "minimumTls"?)'],
        [7, 'unknown setting "recomendedPolicies" (did you mean "recommendedPolicies"?)'],
      ],
    );
    // The unknown ids are not guessed into settings: the file says what it says.
    assert.deepEqual([...(layer.rules?.keys() ?? [])], ['elbv2-ssl-policy-weak']);
  });

  it('the cfnTlsLint.rules setting gets the same suggestions (the server parses it as a config layer)', () => {
    const { errors } = parseConfig(JSON.stringify({ rules: { 'elbv2-ssl-policy-weakk': 'error' } }), 'cfnTlsLint.rules', metas);
    assert.deepEqual(
      errors.map((e) => e.detail),
      ['unknown rule "elbv2-ssl-policy-weakk" (did you mean "elbv2-ssl-policy-weak"?)'],
    );
  });

  it('rejects wrong option types, unknown options and bad globs', () => {
    const { errors } = parse(
      [
        'rules:',
        '  elbv2-ssl-policy-weak: [warning, { minimumTls: [1] , colour: 1}]',
        'production:',
        '  files: ["**/[prod"]',
        '  valuePattern: "("',
        'exclude: "x"',
      ].join('\n'),
    );
    const details = errors.map((e) => e.detail);
    assert.ok(
      details.some((d) => /minimumTls: must be a string/.test(d)),
      details.join('\n'),
    );
    assert.ok(details.some((d) => /unknown option "colour"/.test(d)));
    assert.ok(details.some((d) => /does not compile/.test(d)));
    assert.ok(details.some((d) => /not a valid regular expression/.test(d)));
    assert.ok(details.some((d) => /exclude must be a list of strings/.test(d)));
  });

  it('reports bad YAML with its line', () => {
    const { errors } = parse('rules:\n  a: [b\n');
    assert.equal(errors.length >= 1, true);
    assert.ok(errors[0].line >= 1);
  });

  it('an empty file is an empty config', () => {
    assert.deepEqual(parse('').errors, []);
    assert.deepEqual(parse('# nothing\n').errors, []);
  });

  it('later layers win', () => {
    const a = parse('rules:\n  elbv2-ssl-policy-weak: error\nregions: [eu-west-1]\n').layer;
    const s = mergeSettings(a, { rules: new Map([['elbv2-ssl-policy-weak', { severity: 'off' }]]) });
    assert.equal(s.rules.get('elbv2-ssl-policy-weak')?.severity, 'off');
    assert.deepEqual(s.regions, ['eu-west-1']);
  });
});

import { strict as assert } from 'assert';
import { editsForFix, fixAll, LintFn } from '../../../rules/src/edit/index';
import { mergeSettings } from '../../../rules/src/engine/config';
import { lintText } from '../../../rules/src/engine/lint';
import { RuleRegistry } from '../../../rules/src/engine/registry';
import type { Diagnostic, Fix, FixIntent, Severity } from '../../../rules/src/engine/types';
import { parseSource } from '../../../rules/src/parse/index';
import { getValue, nodeAtPath, scalarString } from '../../../rules/src/parse/source-tree';
import { elbv2SslPolicyMissing } from '../../../rules/src/rules/elbv2/ssl-policy-missing';
import { elbv2SslPolicyWeak } from '../../../rules/src/rules/elbv2/ssl-policy-weak';
import { lines } from './support';

function diag(rule: string, fixes: Fix[], opts: { severity?: Severity; suppressed?: boolean } = {}): Diagnostic {
  return {
    rule,
    severity: opts.severity ?? 'warning',
    message: rule,
    resource: null,
    path: [],
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    offsets: { start: 0, end: 0 },
    fixable: fixes.length > 0,
    suppressed: opts.suppressed ?? false,
    related: [],
    fixes,
  };
}

function fix(intents: FixIntent[], safe = true): Fix {
  return { title: 't', intents, safe };
}

/** A lint function built from a rule of thumb on the parsed text. */
function linter(rules: ((text: string) => Diagnostic[])[]): LintFn & { calls: number } {
  const fn = ((text: string) => {
    fn.calls++;
    const source = parseSource(text, 'template.yaml');
    return { diagnostics: source.errors.length ? [] : rules.flatMap((r) => r(text)), source };
  }) as LintFn & { calls: number };
  fn.calls = 0;
  return fn;
}

const base = lines('Resources:', '  L:', '    Type: X', '    Properties:', '      A: bad', '      B: bad   # b', '      C: ok');
const P = ['Resources', 'L', 'Properties'];
const valueOf = (text: string, key: string): string | undefined => scalarString(nodeAtPath(parseSource(text, 't.yaml').root, [...P, key])?.node);

/** Reports each of A/B that is "bad", with a fix setting it to "good". */
const badValues = (text: string): Diagnostic[] =>
  ['A', 'B'].filter((k) => valueOf(text, k) === 'bad').map((k) => diag(`rule-${k}`, [fix([{ kind: 'set', path: [...P, k], value: 'good' }])]));

describe('edit: fixAll', () => {
  it('applies every non-overlapping safe fix in one pass and stops at a fixed point', () => {
    const lint = linter([badValues]);
    const r = fixAll(base, lint);
    assert.equal(r.text, base.replace('A: bad', 'A: good').replace('B: bad', 'B: good'));
    assert.equal(r.applied, 2);
    assert.equal(r.passes, 1);
    assert.equal(lint.calls, 2); // the pass, then the lint that finds nothing left
  });

  it('is idempotent', () => {
    const once = fixAll(base, linter([badValues])).text;
    const twice = fixAll(once, linter([badValues]));
    assert.equal(twice.text, once);
    assert.equal(twice.applied, 0);
  });

  it('takes the first safe fix of each diagnostic and never an unsafe one', () => {
    const rule = (text: string): Diagnostic[] =>
      valueOf(text, 'A') === 'bad'
        ? [
            diag('r', [
              fix([{ kind: 'set', path: [...P, 'A'], value: 'guess1' }], false),
              fix([{ kind: 'set', path: [...P, 'A'], value: 'sure' }]),
              fix([{ kind: 'set', path: [...P, 'A'], value: 'other' }]),
            ]),
          ]
        : [];
    assert.equal(valueOf(fixAll(base, linter([rule])).text, 'A'), 'sure');
    const onlyUnsafe = (text: string): Diagnostic[] =>
      valueOf(text, 'A') === 'bad' ? [diag('r', [fix([{ kind: 'set', path: [...P, 'A'], value: 'x' }], false)])] : [];
    assert.equal(fixAll(base, linter([onlyUnsafe])).text, base);
  });

  it('skips suppressed diagnostics', () => {
    const rule = (): Diagnostic[] => [diag('r', [fix([{ kind: 'set', path: [...P, 'A'], value: 'x' }])], { suppressed: true })];
    assert.equal(fixAll(base, linter([rule])).text, base);
  });

  it('defers overlapping fixes to the next pass (which re-lints)', () => {
    const lint = linter([
      (text) => (valueOf(text, 'A') === 'bad' ? [diag('one', [fix([{ kind: 'set', path: [...P, 'A'], value: 'first' }])])] : []),
      (text) =>
        valueOf(text, 'A') !== 'second' && valueOf(text, 'A') !== 'bad' ? [diag('two', [fix([{ kind: 'set', path: [...P, 'A'], value: 'second' }])])] : [],
      (text) => (valueOf(text, 'A') === 'bad' ? [diag('three', [fix([{ kind: 'remove', path: [...P, 'A'] }])])] : []),
    ]);
    const r = fixAll(base, lint);
    assert.equal(valueOf(r.text, 'A'), 'second');
    assert.equal(r.passes, 2);
  });

  it('applies errors before warnings; a key claimed by a rename is not inserted too', () => {
    const t = lines('Resources:', '  L:', '    Type: X', '    Properties:', '      Port: 443', '      SSLPolicy: P');
    const rename = (text: string): Diagnostic[] =>
      getValue(nodeAtPath(parseSource(text, 't.yaml').root, P)?.node, 'SSLPolicy')
        ? [diag('unknown-property', [fix([{ kind: 'rename', path: [...P, 'SSLPolicy'], newKey: 'SslPolicy' }])], { severity: 'error' })]
        : [];
    const missing = (text: string): Diagnostic[] =>
      getValue(nodeAtPath(parseSource(text, 't.yaml').root, P)?.node, 'SslPolicy')
        ? []
        : [diag('ssl-policy-missing', [fix([{ kind: 'insert', path: P, key: 'SslPolicy', value: 'Q' }])])];
    const r = fixAll(t, linter([missing, rename]));
    assert.equal(r.text, t.replace('SSLPolicy', 'SslPolicy'));
  });

  it('a fix that copies a value another fix corrects waits for the next pass', () => {
    const t = lines('Resources:', '  L:', '    Type: X', '    Properties:', '      DomainName: Shop.Example.com');
    const lower = (text: string): Diagnostic[] => {
      const v = valueOf(text, 'DomainName');
      return v && v !== v.toLowerCase()
        ? [diag('lower', [fix([{ kind: 'set', path: [...P, 'DomainName'], value: v.toLowerCase() }])], { severity: 'error' })]
        : [];
    };
    const copy = (text: string): Diagnostic[] =>
      text.includes('Options')
        ? []
        : [diag('copy', [fix([{ kind: 'insert', path: P, key: 'Options', value: [{ DomainName: valueOf(text, 'DomainName')! }] }])], { severity: 'info' })];
    const r = fixAll(t, linter([lower, copy]));
    assert.equal(
      r.text,
      lines(
        'Resources:',
        '  L:',
        '    Type: X',
        '    Properties:',
        '      DomainName: shop.example.com',
        '      Options:',
        '        - DomainName: shop.example.com',
      ),
    );
    assert.equal(r.passes, 2);
  });

  it('applies the same fix offered by two diagnostics once', () => {
    const same = fix([{ kind: 'insert', path: P, key: 'D', value: 1 }]);
    const rule = (text: string): Diagnostic[] => (valueOf(text, 'D') === undefined && !text.includes('D: 1') ? [diag('x', [same]), diag('y', [same])] : []);
    const r = fixAll(base, linter([rule]));
    assert.equal(r.text, base + '      D: 1\n');
  });

  it('stops after maxPasses, and on a cycle', () => {
    let n = 0;
    const growing = (): Diagnostic[] => [diag('grow', [fix([{ kind: 'set', path: [...P, 'C'], value: `v${++n}` }])])];
    const r = fixAll(base, linter([growing]), 3);
    assert.equal(r.passes, 3);
    const flip = (text: string): Diagnostic[] => [diag('flip', [fix([{ kind: 'set', path: [...P, 'C'], value: valueOf(text, 'C') === 'ok' ? 'ko' : 'ok' }])])];
    const c = fixAll(base, linter([flip]), 10);
    assert.equal(c.passes, 1);
  });

  it('skips fixes whose path is gone, and no-op fixes', () => {
    const stale = (): Diagnostic[] => [diag('stale', [fix([{ kind: 'set', path: [...P, 'Nope', 'Deeper', 0], value: 1 }])])];
    assert.equal(fixAll(base, linter([stale])).text, base);
    const noop = (): Diagnostic[] => [diag('b', [fix([{ kind: 'set', path: [...P, 'C'], value: 'ok' }])])];
    const r = fixAll(base, linter([noop]));
    assert.equal(r.text, base);
    assert.equal(r.applied, 0);
  });

  it('two fixes adding the same key never make a duplicate key', () => {
    const rule = (text: string): Diagnostic[] =>
      text.includes('D:')
        ? []
        : [diag('x', [fix([{ kind: 'insert', path: P, key: 'D', value: 1 }])]), diag('y', [fix([{ kind: 'insert', path: P, key: 'D', value: 2 }])])];
    const r = fixAll(base, linter([rule]));
    assert.equal(r.text, base + '      D: 1\n');
    assert.deepEqual(parseSource(r.text, 't.yaml').errors, []);
  });

  it('appends to the same mapping go in one pass; an append to another mapping ending at the same offset waits', () => {
    const missing =
      (key: string, path = P) =>
      (text: string): Diagnostic[] =>
        getValue(nodeAtPath(parseSource(text, 't.yaml').root, path)?.node, key) === undefined
          ? [diag(`add-${key}`, [fix([{ kind: 'insert', path, key, value: 1 }])])]
          : [];
    const lint = linter([missing('D'), missing('E'), missing('F', ['Resources'])]);
    const r = fixAll(base, lint);
    // D and E end Properties, where Resources ends too: F (a key of Resources) would land inside L's Properties if joined.
    assert.equal(r.text, base + '      D: 1\n      E: 1\n  F: 1\n');
    assert.equal(r.passes, 2);
    assert.deepEqual(parseSource(r.text, 't.yaml').errors, []);
  });

  it('editsForFix returns [] for a fix that no longer applies', () => {
    const src = parseSource(base, 'template.yaml');
    assert.deepEqual(editsForFix(src, fix([{ kind: 'remove', path: [...P, 'Z'] }])), []);
    assert.equal(editsForFix(src, fix([{ kind: 'set', path: [...P, 'A'], value: 'x' }])).length, 1);
  });

  it('runs real rules to a fixed point (two rules, one file, JSON and YAML)', () => {
    const registry = new RuleRegistry([elbv2SslPolicyWeak, elbv2SslPolicyMissing]);
    const settings = mergeSettings({ rules: new Map() });
    const yaml = lines(
      "AWSTemplateFormatVersion: '2010-09-09'",
      'Resources:',
      '  Weak:',
      '    Type: AWS::ElasticLoadBalancingV2::Listener',
      '    Properties:',
      '      Protocol: HTTPS',
      '      SslPolicy: ELBSecurityPolicy-2016-08  # legacy',
      '  Missing:',
      '    Type: AWS::ElasticLoadBalancingV2::Listener',
      '    Properties:',
      '      Protocol: TLS',
    );
    const lintYaml: LintFn = (text) => lintText(text, 'template.yaml', registry, { settings });
    const r = fixAll(yaml, lintYaml);
    assert.equal(
      r.text,
      yaml.replace('ELBSecurityPolicy-2016-08  # legacy', 'ELBSecurityPolicy-TLS13-1-2-Res-2021-06  # legacy') +
        '      SslPolicy: ELBSecurityPolicy-TLS13-1-2-Res-2021-06\n',
    );
    assert.deepEqual(
      lintYaml(r.text).diagnostics.filter((d) => d.rule.startsWith('elbv2')),
      [],
    );
    const json = JSON.stringify({ Resources: { Missing: { Type: 'AWS::ElasticLoadBalancingV2::Listener', Properties: { Protocol: 'HTTPS' } } } }, null, 4);
    const rj = fixAll(json, (text) => lintText(text, 'template.json', registry, { settings }));
    assert.equal(
      rj.text,
      JSON.stringify(
        {
          Resources: {
            Missing: { Type: 'AWS::ElasticLoadBalancingV2::Listener', Properties: { Protocol: 'HTTPS', SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-Res-2021-06' } },
          },
        },
        null,
        4,
      ),
    );
  });
});

import { strict as assert } from 'assert';
import { DEFAULT_SETTINGS } from '../../../rules/src/engine/config';
import { capText, lintText, MAX_MESSAGE_LENGTH } from '../../../rules/src/engine/lint';
import { RuleRegistry } from '../../../rules/src/engine/registry';
import type { Rule } from '../../../rules/src/engine/types';
import { quote, quoteList } from '../../../rules/src/rules/helpers';
import { defaultRegistry } from '../../../rules/src/rules/index';

function rule(id: string, types: string[] | '*', check: Rule['check']): Rule {
  return { meta: { id, severity: 'warning', summary: id, fixable: false, peers: [], resourceTypes: types }, check };
}

const BUCKET = 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: x\n';

describe('engine', () => {
  it('runs a rule only when its resource types are present', () => {
    let calls = 0;
    const r = rule('listener-only', ['AWS::ElasticLoadBalancingV2::Listener'], () => void calls++);
    lintText(BUCKET, 't.yaml', new RuleRegistry([r]));
    assert.equal(calls, 0);
    lintText('Resources:\n  L:\n    Type: AWS::ElasticLoadBalancingV2::Listener\n', 't.yaml', new RuleRegistry([r]));
    assert.equal(calls, 1);
  });

  it('isolates a rule that throws: reported once, other rules still report', () => {
    const boom = rule('boom', '*', () => {
      throw new Error('kaput');
    });
    const ok = rule('ok', ['AWS::S3::Bucket'], (ctx) => ctx.report({ path: ['Resources', 'B', 'Properties', 'BucketName'], message: 'seen' }));
    const res = lintText(BUCKET, 't.yaml', new RuleRegistry([boom, ok]));
    assert.deepEqual(res.ruleFailures, [{ rule: 'boom', message: 'kaput' }]);
    assert.deepEqual(
      res.diagnostics.map((d) => d.rule),
      ['ok'],
    );
  });

  it('turns paths into ranges: value, key, and the deepest existing ancestor for missing paths', () => {
    const reports: Rule = rule('r', '*', (ctx) => {
      ctx.report({ path: ['Resources', 'B', 'Properties', 'BucketName'], message: 'value' });
      ctx.report({ path: ['Resources', 'B', 'Properties'], target: 'key', message: 'key' });
      ctx.report({ path: ['Resources', 'B', 'Properties', 'Missing', 'Deeper'], message: 'missing' });
    });
    const d = lintText(BUCKET, 't.yaml', new RuleRegistry([reports])).diagnostics;
    const byMsg = Object.fromEntries(d.map((x) => [x.message, x.range]));
    assert.deepEqual(byMsg.value, { start: { line: 4, character: 18 }, end: { line: 4, character: 19 } });
    assert.deepEqual(byMsg.key, { start: { line: 3, character: 4 }, end: { line: 3, character: 14 } });
    assert.deepEqual(byMsg.missing.start, { line: 3, character: 4 });
  });

  it('merges reports of one rule on one path, keeping related info from each', () => {
    const r = rule('m', '*', (ctx) => {
      ctx.report({ path: ['Resources', 'B'], message: 'x', related: [{ path: ['Resources'], message: 'a' }] });
      ctx.report({ path: ['Resources', 'B'], message: 'x', related: [{ path: ['Resources', 'B', 'Type'], message: 'b' }] });
    });
    const d = lintText(BUCKET, 't.yaml', new RuleRegistry([r])).diagnostics;
    assert.equal(d.length, 1);
    assert.deepEqual(
      d[0].related.map((x) => x.message),
      ['a', 'b'],
    );
  });

  it('non-templates get nothing and are not parsed twice', () => {
    const r = rule('any', '*', (ctx) => ctx.report({ path: [], message: 'x' }));
    for (const text of ['name: ci\non: push\n', '{"name": "pkg"}', 'apiVersion: v1\nkind: Pod\n', '']) {
      const res = lintText(text, 'x.yaml', new RuleRegistry([r]));
      assert.equal(res.template, false, text);
      assert.deepEqual(res.diagnostics, []);
    }
  });

  it('binary content is skipped', () => {
    const res = lintText('Resources:\u0000\u0001', 'x.yaml', new RuleRegistry([]));
    assert.equal(res.skipped, 'binary file');
  });

  it('severity overrides and off', () => {
    const r = rule('sev', '*', (ctx) => ctx.report({ path: [], message: 'x' }));
    const reg = new RuleRegistry([r]);
    const rules = new Map([['sev', { severity: 'error' as const }]]);
    const res = lintText(BUCKET, 't.yaml', reg, { settings: { ...DEFAULT_SETTINGS, rules } });
    assert.equal(res.diagnostics[0].severity, 'error');
    const off = lintText(BUCKET, 't.yaml', reg, { settings: { ...DEFAULT_SETTINGS, rules: new Map([['sev', { severity: 'off' as const }]]) } });
    assert.equal(off.diagnostics.length, 0);
  });

  describe('findings on Fn::If branches name the conditions', () => {
    const yaml =
      "Parameters:\n  Cert: {Type: String, Default: ''}\n  Mode: {Type: String, Default: new, AllowedValues: [new, old]}\n" +
      "Conditions:\n  HasCertificate: !Not [!Equals [!Ref Cert, '']]\n  Legacy: !Equals [!Ref Mode, old]\n" +
      'Resources:\n  R:\n    Type: AWS::X::Y\n    Properties:\n      Policy: !If [HasCertificate, strong, !If [Legacy, weak, strong]]\n      Plain: weak\n';
    const json = JSON.stringify(
      {
        Parameters: { Cert: { Type: 'String', Default: '' }, Mode: { Type: 'String', Default: 'new', AllowedValues: ['new', 'old'] } },
        Conditions: { HasCertificate: { 'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'Cert' }, ''] }] }, Legacy: { 'Fn::Equals': [{ Ref: 'Mode' }, 'old'] } },
        Resources: {
          R: {
            Type: 'AWS::X::Y',
            Properties: { Policy: { 'Fn::If': ['HasCertificate', 'strong', { 'Fn::If': ['Legacy', 'weak', 'strong'] }] }, Plain: 'weak' },
          },
        },
      },
      null,
      2,
    );
    /** Reports every 'weak' value where it is written, with `message`. */
    const weakValues = (message: string): Rule =>
      rule('weak', ['AWS::X::Y'], (ctx) => {
        for (const v of ctx.viewsOf('AWS::X::Y')) {
          for (const [, e] of v.props?.entries ?? []) {
            if (e.value.kind === 'leaf' && e.value.candidates.some((c) => c.value === 'weak'))
              ctx.report({ path: e.value.path, message, data: { policy: 'weak' } });
          }
        }
      });

    for (const [format, text, fileName] of [
      ['YAML', yaml, 't.yaml'],
      ['JSON', json, 't.json'],
    ]) {
      it(`${format}: nested branches give "(when A is false and B is true)", and data.conditions`, () => {
        const d = lintText(text, fileName, new RuleRegistry([weakValues('Policy is weak.')])).diagnostics;
        const byPath = new Map(d.map((x) => [x.path.join('.'), x]));
        const branch = byPath.get('Resources.R.Properties.Policy.Fn::If.2.Fn::If.1')!;
        assert.equal(branch.message, 'Policy is weak. (when HasCertificate is false and Legacy is true)');
        assert.deepEqual(branch.data, {
          policy: 'weak',
          conditions: [
            { condition: 'HasCertificate', value: false },
            { condition: 'Legacy', value: true },
          ],
        });
        const plain = byPath.get('Resources.R.Properties.Plain')!;
        assert.equal(plain.message, 'Policy is weak.');
        assert.deepEqual(plain.data, { policy: 'weak' });
      });
    }

    it('a condition the message already names is not repeated', () => {
      const d = lintText(yaml, 't.yaml', new RuleRegistry([weakValues('Policy is weak where Legacy holds.')])).diagnostics;
      const branch = d.find((x) => x.path.includes('Fn::If'))!;
      assert.equal(branch.message, 'Policy is weak where Legacy holds. (when HasCertificate is false)');
      const named = lintText(yaml, 't.yaml', new RuleRegistry([weakValues('Weak when HasCertificate is false and Legacy is true.')])).diagnostics;
      assert.equal(named.find((x) => x.path.includes('Fn::If'))!.message, 'Weak when HasCertificate is false and Legacy is true.');
    });

    it('a finding off the branches names the branches of its related information instead', () => {
      const onResource = rule('weak-somewhere', ['AWS::X::Y'], (ctx) => {
        for (const v of ctx.viewsOf('AWS::X::Y')) {
          const policy = v.props?.entries.get('Policy')?.value;
          if (policy?.kind === 'leaf' && policy.candidates[0].value === 'weak') {
            ctx.report({ path: v.path, target: 'key', message: 'R allows a weak policy.', related: [{ path: policy.path, message: 'weak here' }] });
          }
        }
      });
      for (const [text, fileName] of [
        [yaml, 't.yaml'],
        [json, 't.json'],
      ]) {
        const d = lintText(text, fileName, new RuleRegistry([onResource])).diagnostics;
        assert.equal(d.length, 1);
        assert.equal(d[0].message, 'R allows a weak policy.');
        assert.equal(d[0].data, undefined);
        assert.deepEqual(
          d[0].related.map((r) => r.message),
          ['weak here (when HasCertificate is false and Legacy is true)'],
        );
      }
    });
  });
});

describe('engine: message length', () => {
  /** A 5 KB domain name: long labels, so the label and length checks quote it too. */
  const LONG_NAME = `${'a'.repeat(60)}.${'b'.repeat(5000)}.example.com`;
  const lengths = (text: string, file = 't.yaml'): { rule: string; longest: number }[] =>
    lintText(text, file, defaultRegistry()).diagnostics.map((d) => ({
      rule: d.rule,
      longest: Math.max(d.message.length, ...d.related.map((r) => r.message.length), ...d.fixes.map((f) => f.title.length)),
    }));
  const assertShort = (found: { rule: string; longest: number }[], rules: string[]): void => {
    for (const id of rules)
      assert.ok(
        found.some((f) => f.rule === id),
        `${id} reports`,
      );
    // Rules quote values capped (helpers.ts quote), so no rule's text comes near the engine's cap.
    for (const f of found) assert.ok(f.longest < 1000, `${f.rule}: ${f.longest} characters`);
  };

  it('caps message, related messages and fix titles in one place, with an ellipsis', () => {
    const long = 'x'.repeat(5000);
    const r = rule('wordy', '*', (ctx) =>
      ctx.report({
        path: ['Resources', 'B'],
        message: long,
        related: [{ path: ['Resources'], message: long }],
        fixes: [{ title: long, intents: [], safe: false }],
      }),
    );
    const [d] = lintText(BUCKET, 't.yaml', new RuleRegistry([r])).diagnostics;
    for (const text of [d.message, d.related[0].message, d.fixes[0].title]) {
      assert.equal(text.length, MAX_MESSAGE_LENGTH);
      assert.ok(text.endsWith('x…'));
    }
  });

  it('caps what the engine itself says: a JSON syntax error and a suppression naming a 5 KB key', () => {
    const key = 'K'.repeat(5000);
    const json = `{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"${key}": {"Type": "AWS::S3::Bucket"}, "${key}": {"Type": "AWS::S3::Bucket"}}}`;
    const yaml = `${BUCKET}    Metadata:\n      cfn-tls-lint:\n        ignore:\n          - rule: ${key}\n`;
    for (const [text, file] of [
      [json, 't.json'],
      [yaml, 't.yaml'],
    ]) {
      const found = lintText(text, file, defaultRegistry()).diagnostics;
      assert.ok(found.length > 0, file);
      for (const d of found) assert.ok(d.message.length <= MAX_MESSAGE_LENGTH, `${d.rule}: ${d.message.length} characters`);
    }
  });

  it('leaves short text alone and never splits a surrogate pair', () => {
    assert.equal(capText('short'), 'short');
    const emoji = `${'a'.repeat(MAX_MESSAGE_LENGTH - 2)}\u{1F512}tail`;
    const capped = capText(emoji);
    assert.ok(capped.length <= MAX_MESSAGE_LENGTH && capped.endsWith('a…'), capped.slice(-4));
  });

  it('quotes a value on one line, at most 120 characters; lists at most 10 values', () => {
    assert.equal(quote('TLS_1_2'), "'TLS_1_2'");
    assert.equal(quote({ Ref: 'Cert' }), `'{"Ref":"Cert"}'`);
    assert.equal(quote('a\nb'), "'a\\nb'");
    assert.equal(quote(LONG_NAME), `'${LONG_NAME.slice(0, 120)}…'`);
    const names = Array.from({ length: 12 }, (_, i) => `n${i}.example.com`);
    assert.equal(
      quoteList([...names, 'n0.example.com']),
      `${names
        .slice(0, 10)
        .map((n) => `'${n}'`)
        .join(', ')} and 2 more`,
    );
  });

  it('a 5 KB domain name in an ACM certificate: every finding stays short', () => {
    const text = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Certificate:
    Type: AWS::CertificateManager::Certificate
    Properties:
      DomainName: ${LONG_NAME}
      SubjectAlternativeNames: [${LONG_NAME}, ${LONG_NAME.toUpperCase()}.]
      ValidationMethod: DNS
      DomainValidationOptions:
        - DomainName: other.example.com
          ValidationDomain: ${LONG_NAME}
`;
    assertShort(lengths(text), ['acm-domain-invalid', 'acm-duplicate-domain', 'acm-validation-domain-mismatch', 'acm-dns-validation-manual']);
  });

  it('a 5 KB domain name in a listener: every finding stays short', () => {
    const text = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !ImportValue shared-alb
      Protocol: HTTPS
      Port: 443
      SslPolicy: ${LONG_NAME}
      Certificates:
        - CertificateArn: ${LONG_NAME}
      DefaultActions:
        - Type: ${LONG_NAME}
`;
    assertShort(lengths(text), ['elbv2-ssl-policy-unknown', 'certificate-arn-invalid']);
  });

  it('JSON: a 5 KB domain name in a listener and a certificate', () => {
    const text = JSON.stringify({
      AWSTemplateFormatVersion: '2010-09-09',
      Resources: {
        Certificate: { Type: 'AWS::CertificateManager::Certificate', Properties: { DomainName: `${LONG_NAME}.`, ValidationMethod: 'DNS' } },
        Listener: {
          Type: 'AWS::ElasticLoadBalancingV2::Listener',
          Properties: {
            LoadBalancerArn: { 'Fn::ImportValue': 'shared-alb' },
            Protocol: 'HTTPS',
            Port: 443,
            SslPolicy: LONG_NAME,
            Certificates: [{ CertificateArn: LONG_NAME }],
            DefaultActions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404' } }],
          },
        },
      },
    });
    assertShort(lengths(text, 't.json'), ['acm-domain-invalid', 'elbv2-ssl-policy-unknown', 'certificate-arn-invalid']);
  });
});

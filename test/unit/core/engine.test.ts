import { strict as assert } from 'assert';
import { DEFAULT_SETTINGS } from '../../../rules/src/engine/config';
import { lintText } from '../../../rules/src/engine/lint';
import { RuleRegistry } from '../../../rules/src/engine/registry';
import type { Rule } from '../../../rules/src/engine/types';
import { ENGINE_RULE_METAS } from '../../../rules/src/rules/template/engine-rules';

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
    const res = lintText(BUCKET, 't.yaml', new RuleRegistry([boom, ok], ENGINE_RULE_METAS));
    assert.deepEqual(res.ruleFailures, [{ rule: 'boom', message: 'kaput' }]);
    assert.deepEqual(res.diagnostics.map((d) => d.rule), ['ok']);
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
    assert.deepEqual(d[0].related.map((x) => x.message), ['a', 'b']);
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
        Resources: { R: { Type: 'AWS::X::Y', Properties: { Policy: { 'Fn::If': ['HasCertificate', 'strong', { 'Fn::If': ['Legacy', 'weak', 'strong'] }] }, Plain: 'weak' } } },
      },
      null,
      2,
    );
    /** Reports every 'weak' value where it is written, with `message`. */
    const weakValues = (message: string): Rule =>
      rule('weak', ['AWS::X::Y'], (ctx) => {
        for (const v of ctx.viewsOf('AWS::X::Y')) {
          for (const [, e] of v.props?.entries ?? []) {
            if (e.value.kind === 'leaf' && e.value.candidates.some((c) => c.value === 'weak')) ctx.report({ path: e.value.path, message, data: { policy: 'weak' } });
          }
        }
      });

    for (const [format, text, fileName] of [['YAML', yaml, 't.yaml'], ['JSON', json, 't.json']]) {
      it(`${format}: nested branches give "(when A is false and B is true)", and data.conditions`, () => {
        const d = lintText(text, fileName, new RuleRegistry([weakValues('Policy is weak.')])).diagnostics;
        const byPath = new Map(d.map((x) => [x.path.join('.'), x]));
        const branch = byPath.get('Resources.R.Properties.Policy.Fn::If.2.Fn::If.1')!;
        assert.equal(branch.message, 'Policy is weak. (when HasCertificate is false and Legacy is true)');
        assert.deepEqual(branch.data, { policy: 'weak', conditions: [{ condition: 'HasCertificate', value: false }, { condition: 'Legacy', value: true }] });
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
      for (const [text, fileName] of [[yaml, 't.yaml'], [json, 't.json']]) {
        const d = lintText(text, fileName, new RuleRegistry([onResource])).diagnostics;
        assert.equal(d.length, 1);
        assert.equal(d[0].message, 'R allows a weak policy.');
        assert.equal(d[0].data, undefined);
        assert.deepEqual(d[0].related.map((r) => r.message), ['weak here (when HasCertificate is false and Legacy is true)']);
      }
    });
  });
});

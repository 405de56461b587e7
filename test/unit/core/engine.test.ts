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
});

import { strict as assert } from 'assert';
import { DEFAULT_RULE_BUDGET_MS, lintText, RuleTimeout } from '../../../rules/src/engine/lint';
import { RuleRegistry } from '../../../rules/src/engine/registry';
import type { Report, Rule } from '../../../rules/src/engine/types';

/** Engine fault isolation: a rule that throws, loops, or reports nonsense fails alone. */

function rule(id: string, check: Rule['check']): Rule {
  return { meta: { id, severity: 'warning', summary: id, fixable: false, peers: [], resourceTypes: '*' }, check };
}

const BUCKET = 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: x\n';
const ok = rule('ok', (ctx) => ctx.report({ path: ['Resources', 'B', 'Properties', 'BucketName'], message: 'seen' }));

function lint(rules: Rule[], budgetMs?: number) {
  return lintText(BUCKET, 't.yaml', new RuleRegistry(rules), { ruleBudgetMs: budgetMs });
}

describe('robustness: engine fault isolation', () => {
  it('a rule that throws a non-Error value is reported once; the others still report', () => {
    const res = lint([
      rule('throws-string', () => {
        throw 'plain string';
      }),
      rule('throws-null', () => {
        throw null;
      }),
      ok,
    ]);
    assert.deepEqual(res.ruleFailures, [
      { rule: 'throws-string', message: 'plain string' },
      { rule: 'throws-null', message: 'null' },
    ]);
    assert.deepEqual(
      res.diagnostics.map((d) => d.rule),
      ['ok'],
    );
  });

  it('a rule that loops through its context is stopped at its time budget, reported once, its findings dropped', () => {
    const looping = rule('loops', (ctx) => {
      ctx.report({ path: ['Resources', 'B'], message: 'partial finding before the loop' });
      for (;;) ctx.viewsOf('AWS::S3::Bucket');
    });
    const t0 = Date.now();
    const res = lint([looping, ok], 100);
    const ms = Date.now() - t0;
    assert.ok(ms < 2000, `stopped after ${ms} ms`);
    assert.equal(res.ruleFailures.length, 1);
    assert.equal(res.ruleFailures[0].rule, 'loops');
    assert.match(res.ruleFailures[0].message, /time budget of 100 ms/);
    assert.deepEqual(
      res.diagnostics.map((d) => d.rule),
      ['ok'],
      'the partial finding of a stopped rule is dropped; the other rule reports',
    );
  });

  it('a rule that swallows the RuleTimeout is still stopped and reported', () => {
    let caught = 0;
    const stubborn = rule('stubborn', (ctx) => {
      const start = Date.now();
      // Catches everything, but gives up once the context keeps refusing (or after 3 s).
      while (Date.now() - start < 3000) {
        try {
          ctx.resources('AWS::S3::Bucket');
        } catch (e) {
          assert.ok(e instanceof RuleTimeout);
          if (++caught > 10) return;
        }
      }
    });
    const res = lint([stubborn, ok], 50);
    assert.ok(caught > 10, 'every context call after the budget throws');
    assert.deepEqual(
      res.ruleFailures.map((f) => f.rule),
      ['stubborn'],
    );
    assert.deepEqual(
      res.diagnostics.map((d) => d.rule),
      ['ok'],
    );
  });

  it('every context call checks the budget', () => {
    const calls: ((ctx: Parameters<Rule['check']>[0]) => unknown)[] = [
      (ctx) => ctx.resources('AWS::S3::Bucket'),
      (ctx) => ctx.views(ctx.template.resources.get('B')!),
      (ctx) => ctx.viewsOf('AWS::S3::Bucket'),
      (ctx) => ctx.viewsIn('B', ctx.views(ctx.template.resources.get('B')!)[0].scenario),
      (ctx) => ctx.resolve(ctx.template.root, [], ctx.views(ctx.template.resources.get('B')!)[0].scenario),
      (ctx) => ctx.isProduction(),
      (ctx) => ctx.report({ path: ['Resources'], message: 'm' }),
    ];
    for (const [i, call] of calls.entries()) {
      const looping = rule(`loop-${i}`, (ctx) => {
        for (;;) call(ctx);
      });
      const res = lint([looping], 30);
      assert.deepEqual(
        res.ruleFailures.map((f) => f.rule),
        [`loop-${i}`],
        `context call #${i}`,
      );
    }
  });

  it('the default budget is generous enough for real templates and finite', () => {
    assert.ok(DEFAULT_RULE_BUDGET_MS >= 1000 && DEFAULT_RULE_BUDGET_MS <= 30000);
    const res = lint([ok]);
    assert.deepEqual(res.ruleFailures, []);
  });

  it('a malformed report fails the rule that made it, not the lint', () => {
    const bad = (id: string, r: unknown) => rule(id, (ctx) => ctx.report(r as Report));
    const res = lint([
      bad('no-path', { message: 'x' }),
      bad('path-not-array', { path: 'Resources', message: 'x' }),
      bad('path-with-object', { path: ['Resources', {}], message: 'x' }),
      bad('no-message', { path: ['Resources'] }),
      bad('bad-related', { path: ['Resources'], message: 'x', related: [{ message: 'no path' }] }),
      bad('null-report', null),
      ok,
    ]);
    assert.deepEqual(
      res.ruleFailures.map((f) => f.rule),
      ['no-path', 'path-not-array', 'path-with-object', 'no-message', 'bad-related', 'null-report'],
    );
    assert.deepEqual(
      res.diagnostics.map((d) => d.rule),
      ['ok'],
    );
  });

  it('a report on a path that is not in the template lands on the nearest ancestor', () => {
    const far = rule('far', (ctx) => ctx.report({ path: ['Nowhere', 5, 'x'], message: 'far away', related: [{ path: ['Also', 'nowhere'], message: 'r' }] }));
    const res = lint([far]);
    assert.deepEqual(res.ruleFailures, []);
    assert.equal(res.diagnostics[0].offsets.start, 0, 'the root map');
    assert.ok(res.diagnostics[0].offsets.end <= BUCKET.length);
  });
});

import { strict as assert } from 'assert';
import { compileUserRegex, MAX_PROGRAM_SIZE } from '../../../rules/src/util/safe-regex';

/** User regular expressions run on RE2 (rules/src/util/safe-regex.ts): linear time, or refused. */

function compiled(source: string, ignoreCase = true): { test(s: string): boolean } {
  const r = compileUserRegex(source, { ignoreCase });
  assert.ok(r.ok, `${source}: ${r.ok ? '' : r.problem}`);
  return r.regex;
}

describe('linear-time user regular expressions (util/safe-regex.ts)', () => {
  it('match as JavaScript does on the patterns configs use', () => {
    const patterns = [
      '^prod',
      '^(prod|live)',
      'prod$',
      '^p(rod)?$',
      '\\bprod\\b',
      '^[a-z]+-\\d{2,3}$',
      '(?<env>prod)',
      '^pr.d',
      'é',
      '\\u0041',
      '\\x41',
      '\\/prod',
      '^$',
    ];
    const inputs = ['prod', 'Production', 'PROD', 'live-1', 'dev', 'preprod', 'abc-12', 'abc-1234', 'p', 'prud', 'é', 'A', '/prod', '', 'x/prod'];
    for (const p of patterns) {
      const js = new RegExp(p, 'i');
      const ours = compiled(p);
      for (const s of inputs) assert.equal(ours.test(s), js.test(s), `/${p}/i on ${JSON.stringify(s)}`);
    }
  });

  it('run a pattern that backtracks exponentially in linear time (^(a+)+$ on 34 characters hung the CLI)', () => {
    // JavaScript's engine doubles its work with each character: 100,000 would never finish.
    const re = compiled('^(a+)+$');
    assert.equal(re.test('a'.repeat(100000) + '!'), false);
    assert.equal(re.test('a'.repeat(100000)), true);
    assert.equal(compiled('(x+x+)+y').test('x'.repeat(50000)), false);
  });

  it('refuse what RE2 cannot run, saying why', () => {
    const problem = (s: string): string => {
      const r = compileUserRegex(s);
      assert.ok(!r.ok, s);
      return r.problem;
    };
    assert.match(problem('^(a)\\1$'), /uses a backreference/);
    assert.match(problem('(?<x>a)\\k<x>'), /uses a backreference/);
    assert.match(problem('^(?=prod)'), /uses lookahead or lookbehind/);
    assert.match(problem('(?<!x)prod'), /uses lookahead or lookbehind/);
    assert.match(problem('^(prod'), /is not a valid regular expression/);
    assert.match(problem('a'.repeat(1001)), /longer than 1000 characters/);
    assert.match(problem('[a-z]{1000}[a-z]{1000}[a-z]{1000}[a-z]{1000}[a-z]{1000}'), new RegExp(`over ${MAX_PROGRAM_SIZE} matcher instructions`));
    assert.ok(compileUserRegex('\\\\1').ok, 'an escaped backslash before 1 is not a backreference');
  });
});

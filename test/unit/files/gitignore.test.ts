import { strict as assert } from 'assert';
import ignore from 'ignore';
import { GitignoreRules } from '../../../rules/src/util/gitignore';
import { prng } from '../../support/yaml-differential';

/**
 * `.gitignore` matching (rules/src/util/gitignore.ts) against the `ignore` package it replaces:
 * the same answers on generated files and paths, in time that does not grow with the number of
 * plain patterns, and linear in the path for wildcard ones.
 */

/** Whether a walk leaves `path` out: an ignored folder on the way, or the path itself. */
function walkIgnores(rules: GitignoreRules, path: string, isDir: boolean): boolean {
  const parts = path.split('/');
  for (let i = 1; i < parts.length; i++) if (rules.decide(parts.slice(0, i).join('/'), true) === true) return true;
  return rules.decide(path, isDir) === true;
}

describe('.gitignore matching (util/gitignore.ts)', () => {
  it('reads gitignore(5) as the ignore package does, on chosen cases', () => {
    const text = [
      '# comment',
      '',
      '*.log',
      '!keep.log',
      'build/',
      '/dist',
      'docs/*.md',
      '**/cache',
      'a/**/z',
      'deep/**',
      '\\#hash',
      '\\!bang',
      'trailing\\ ',
      'space   ',
      '[Tt]emp',
      'Mixed',
      'x?z',
    ].join('\n');
    const ours = new GitignoreRules(text);
    const theirs = ignore().add(text);
    const cases: [string, boolean][] = [
      ['err.log', false],
      ['sub/err.log', false],
      ['keep.log', false],
      ['build', true],
      ['sub/build', true],
      ['dist', true],
      ['sub/dist', false],
      ['docs/a.md', false],
      ['sub/docs/a.md', false],
      ['x/y/cache', true],
      ['a/z', false],
      ['a/b/c/z', false],
      ['deep/x', false],
      ['deep', true],
      ['#hash', false],
      ['!bang', false],
      ['trailing ', false],
      ['space', false],
      ['temp', false],
      ['Temp', false],
      ['mixed', false],
      ['xyz', false],
      ['xz', false],
    ];
    for (const [path, isDir] of cases) {
      const expected = theirs.ignores(isDir ? `${path}/` : path);
      assert.equal(walkIgnores(ours, path, isDir), expected, `${path}${isDir ? '/' : ''}`);
    }
    assert.equal(walkIgnores(ours, 'err.log', false), true);
    assert.equal(walkIgnores(ours, 'keep.log', false), false, 'negation re-includes');
    assert.equal(walkIgnores(ours, 'build', false), false, 'build/ matches folders only');
    assert.equal(walkIgnores(ours, 'deep', true), false, 'deep/** matches what is inside, not deep itself');
    assert.equal(walkIgnores(ours, 'MIXED', false), true, 'case-insensitive, as ignore() is by default');
  });

  it('agrees with the ignore package on 3,000 generated files of 6 lines, 20 paths each', () => {
    const rnd = prng(2013);
    const pick = <T>(xs: readonly T[]): T => xs[rnd(xs.length)];
    const segment = (): string => Array.from({ length: 1 + rnd(2) }, () => pick(['a', 'b', 'ab', '.x', '*', '?', '[ab]', '[!a]', 'A'])).join('');
    const line = (): string => {
      const segs = Array.from({ length: 1 + rnd(3) }, () => (rnd(6) === 0 ? '**' : segment()));
      return `${pick(['', '', '', '!'])}${pick(['', '', '/'])}${segs.join('/')}${pick(['', '', '/'])}`;
    };
    const name = (): string => pick(['a', 'b', 'ab', '.x', 'a.x', 'ba', 'A']);
    let compared = 0;
    let ignoredCount = 0;
    for (let i = 0; i < 3000; i++) {
      const text = Array.from({ length: 6 }, line).join('\n');
      const ours = new GitignoreRules(text);
      const theirs = ignore().add(text);
      for (let j = 0; j < 20; j++) {
        const path = Array.from({ length: 1 + rnd(4) }, name).join('/');
        const isDir = rnd(3) === 0;
        const expected = theirs.ignores(isDir ? `${path}/` : path);
        assert.equal(walkIgnores(ours, path, isDir), expected, `${JSON.stringify(text)} on ${path}${isDir ? '/' : ''}`);
        compared++;
        if (expected) ignoredCount++;
      }
    }
    assert.equal(compared, 60000);
    assert.ok(ignoredCount > 6000 && ignoredCount < 54000, `both answers are common (${ignoredCount} ignored)`);
  });

  it('50,000 patterns over 2,000 paths (51.6 s with the ignore package)', () => {
    const lines: string[] = [];
    for (let i = 0; i < 50000; i++) {
      // A generated ignore file: mostly plain names and paths, suffixes, some wildcards and negations.
      switch (i % 10) {
        case 0:
          lines.push(`/generated/out-${i}.json`);
          break;
        case 1:
          lines.push(`*.tmp${i}`);
          break;
        case 2:
          lines.push(`!keep-${i}.yaml`);
          break;
        case 3:
          lines.push(i % 1000 === 3 ? `mod*-${i}/**/x?.yaml` : `build-${i}/`);
          break;
        default:
          lines.push(`file-${i}.yaml`);
      }
    }
    const rules = new GitignoreRules(lines.join('\n'));
    assert.equal(rules.size, 50000);
    const paths = Array.from({ length: 2000 }, (_, i) => `src/module${i % 50}/sub/file-${i * 25}.yaml`);
    const started = performance.now();
    let ignored = 0;
    for (const p of paths) if (walkIgnores(rules, p, false)) ignored++;
    const ms = performance.now() - started;
    // file-N.yaml is listed for N % 10 in 4..9: every path with i*25 % 10 = 5 (half of them).
    assert.equal(ignored, 1000);
    // The bound is generous (tens of milliseconds here); the ignore package took 51.6 s.
    assert.ok(ms < 10000, `${Math.round(ms)} ms`);
  });

  it('a globstar pattern on a deep path is linear (the ignore package took 24 s at depth 60)', () => {
    const rules = new GitignoreRules('**/a/**/a/**/a/**/a/**/a/**/a/**/b');
    assert.equal(rules.decide(Array(3000).fill('a').join('/'), false), undefined);
    assert.equal(rules.decide(Array(3000).fill('a').join('/') + '/b', false), true);
  });
});

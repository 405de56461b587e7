import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { poolSize, POOL_MIN_FILES } from '../../../cli/src/pool';
import { runCli, tempDir, WEAK_LISTENER } from '../../support/cli';

/** Runs the bundled CLI with CFN_TLS_LINT_WORKERS set (the pool size; 0 = in-process). */
function runWith(workers: number, args: string[], cwd: string): ReturnType<typeof runCli> {
  const before = process.env.CFN_TLS_LINT_WORKERS;
  process.env.CFN_TLS_LINT_WORKERS = String(workers);
  try {
    return runCli(args, cwd);
  } finally {
    if (before === undefined) delete process.env.CFN_TLS_LINT_WORKERS;
    else process.env.CFN_TLS_LINT_WORKERS = before;
  }
}

describe('CLI worker pool', () => {
  it('sizes from the file count and the cores, and honours CFN_TLS_LINT_WORKERS', () => {
    assert.equal(poolSize(POOL_MIN_FILES - 1, {}), 0);
    assert.ok(poolSize(100_000, {}) >= 0);
    assert.equal(poolSize(100_000, { CFN_TLS_LINT_WORKERS: '0' }), 0);
    assert.equal(poolSize(100_000, { CFN_TLS_LINT_WORKERS: '3' }), 3);
    assert.equal(poolSize(2, { CFN_TLS_LINT_WORKERS: '3' }), 2);
    assert.equal(poolSize(1000, { CFN_TLS_LINT_WORKERS: 'many' }), poolSize(1000, {}));
  });

  it('reports exactly what an in-process run reports, in the same order', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) {
      const name = `t${String(i).padStart(2, '0')}.yaml`;
      if (i % 5 === 0) files[name] = WEAK_LISTENER;
      else if (i % 5 === 1) files[name] = WEAK_LISTENER.replace('ELBSecurityPolicy-2016-08', 'ELBSecurityPolicy-TLS13-1-2-2021-06');
      else if (i % 5 === 2) files[name] = 'Resources: [unclosed\n';
      else if (i % 5 === 3) files[name] = 'not: a template\n';
      else files[`sub/${name.replace('.yaml', '.json')}`] = JSON.stringify({ Resources: { Q: { Type: 'AWS::SQS::Queue' } } });
    }
    const dir = tempDir(files);
    // A config with an error: its message must come at the same point of stderr.
    fs.writeFileSync(path.join(dir, 'sub', '.cfn-tls-lint.yaml'), 'rules:\n  no-such-rule: error\n');
    for (const format of ['json', 'stylish', 'sarif', 'github']) {
      const args = ['--format', format, '--no-color', '.'];
      const here = runWith(0, args, dir);
      const pooled = runWith(3, args, dir);
      // What differs between any two runs: the time taken, and SARIF's run id (the category and the run's time).
      const strip = (s: string): string =>
        s
          .replace(/"ms":\s*\d+/g, '"ms":0')
          .replace(/in \d+ ms/g, 'in 0 ms')
          .replace(/"automationDetails": \{\s*"id": "[^"]*"\s*\}/g, '"automationDetails": {}');
      assert.equal(pooled.status, here.status, format);
      assert.equal(strip(pooled.stdout), strip(here.stdout), format);
      assert.equal(pooled.stderr, here.stderr, format);
    }
  });

  it('a missing path among explicit files is reported as in a sequential run', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i++) files[`t${i}.yaml`] = WEAK_LISTENER;
    const dir = tempDir(files);
    const missing = path.join(dir, 'gone.yaml');
    const args = ['--format', 'json', ...Object.keys(files), missing, 't3.yaml'];
    const here = runWith(0, args, dir);
    const pooled = runWith(2, args, dir);
    assert.equal(pooled.status, here.status);
    assert.equal(pooled.stderr, here.stderr);
    assert.deepEqual(JSON.parse(pooled.stdout).files, JSON.parse(here.stdout).files);
  });
});

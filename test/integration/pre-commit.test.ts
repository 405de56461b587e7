import { strict as assert } from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT, tempDir } from '../support/cli';

/**
 * The pre-commit hooks (.pre-commit-hooks.yaml, issue 18, part 2), run by the real `pre-commit`
 * (Debian's package; .ci/run installs it) with `try-repo` on this checkout: pre-commit builds the
 * node environment as it would for a user (npm install, npm pack, npm install -g).
 */

const hasPreCommit = spawnSync('pre-commit', ['--version']).status === 0;

describe('pre-commit hooks', function () {
  this.timeout(600000);
  let repo: string;
  let home: string;

  before(function () {
    if (!hasPreCommit) {
      console.log('    pre-commit is not installed (apt-get install pre-commit): the hooks are not tried here');
      this.skip();
    }
    home = tempDir();
    repo = tempDir({
      'stacks/web.yaml': fs.readFileSync(path.join(ROOT, 'examples', 'web-alb.yaml'), 'utf8'),
      'k8s/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\n',
    });
    const git = (...args: string[]): void => void execFileSync('git', args, { cwd: repo, stdio: 'pipe' });
    git('init', '-q');
    git('add', '.');
    git('-c', 'user.email=ci@example.com', '-c', 'user.name=ci', 'commit', '-qm', 'templates');
  });

  const tryRepo = (hook: string): { status: number | null; out: string } => {
    const r = spawnSync('pre-commit', ['try-repo', ROOT, hook, '--all-files'], {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, PRE_COMMIT_HOME: home, NO_COLOR: '1' },
    });
    return { status: r.status, out: `${r.stdout}${r.stderr}` };
  };

  it('cfn-tls-lint fails on a weak template, and passes over a file that is not one', () => {
    const r = tryRepo('cfn-tls-lint');
    assert.equal(r.status, 1, r.out);
    assert.match(r.out, /cfn-tls-lint\.+Failed/);
    assert.match(r.out, /stacks\/web\.yaml[\s\S]*elbv2-ssl-policy-weak/);
    assert.doesNotMatch(r.out, /k8s\/deployment\.yaml/);
  });

  it('cfn-tls-lint-fix fixes it (and fails, as a hook that changed files), then cfn-tls-lint passes', () => {
    const fix = tryRepo('cfn-tls-lint-fix');
    assert.equal(fix.status, 1, fix.out);
    assert.match(fs.readFileSync(path.join(repo, 'stacks', 'web.yaml'), 'utf8'), /SslPolicy: ELBSecurityPolicy-TLS13-1-2-Res-2021-06/);
    const again = tryRepo('cfn-tls-lint');
    assert.equal(again.status, 0, again.out);
    assert.match(again.out, /cfn-tls-lint\.+Passed/);
  });
});

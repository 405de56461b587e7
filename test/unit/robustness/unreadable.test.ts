import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { CLI, ROOT, tempDir, WEAK_LISTENER } from '../../support/cli';

/**
 * F5: a folder the user cannot read used to pass as clean ("0 templates checked in 0 files: no
 * problems.", exit 0). Root reads everything, and the tests run as root, so the linter runs as
 * nobody (uid 65534) through `setpriv` on a world-readable copy; as another user it runs as is.
 */

const NOBODY = 65534;
const isRoot = process.getuid?.() === 0;
const setprivMissing = isRoot && spawnSync('setpriv', ['--version']).error !== undefined;

function unprivileged(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const [cmd, argv] = isRoot ? ['setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', process.execPath, ...args]] : [process.execPath, args];
  const r = spawnSync(cmd as string, argv as string[], { cwd, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('robustness: paths that cannot be read are reported (F5)', function () {
  this.timeout(120_000);
  let dir: string;

  before(function () {
    if (setprivMissing) {
      console.log('    (skipped: running as root without setpriv (util-linux), so no unprivileged user to test with)');
      this.skip();
    }
    dir = tempDir({ 'ok/t.yaml': WEAK_LISTENER, 'locked/t.yaml': WEAK_LISTENER, 'locked/deeper/u.yaml': WEAK_LISTENER });
    fs.chmodSync(dir, 0o755); // mkdtemp makes it 0700: nobody could not even enter it
    fs.chmodSync(path.join(dir, 'locked'), 0o000);
  });
  after(() => {
    if (dir) fs.chmodSync(path.join(dir, 'locked'), 0o755);
  });

  it('the CLI says which folder it could not read, lists it under errors in JSON, and exits 2', () => {
    const r = unprivileged([CLI, '--format', 'json', '.'], dir);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /cfn-tls-lint: locked: cannot read folder: permission denied \(EACCES\)/);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(out.errors, [{ path: 'locked', message: 'cannot read folder: permission denied (EACCES)' }]);
    assert.deepEqual(
      out.files.map((f: { path: string }) => f.path),
      ['ok/t.yaml'],
      'the readable part is linted',
    );
  });

  it('stylish output does not call the run clean', () => {
    fs.rmSync(path.join(dir, 'ok'), { recursive: true, force: true });
    const r = unprivileged([CLI, '.'], dir);
    assert.equal(r.status, 2);
    assert.ok(!/no problems/.test(r.stdout), r.stdout);
    assert.match(r.stdout, /locked\n {2}error {2}cannot read folder: permission denied \(EACCES\)/);
    assert.match(r.stdout, /0 templates checked in 0 files; 1 path could not be read\./);
  });

  it('the shared walk (the language server scan uses it) lists the folder as unreadable', () => {
    const script = `
      const { PathFilter } = require(${JSON.stringify(path.join(ROOT, 'out', 'rules', 'src', 'node', 'path-filter.js'))});
      const { walkFiles } = require(${JSON.stringify(path.join(ROOT, 'out', 'rules', 'src', 'node', 'walk.js'))});
      walkFiles(new PathFilter(process.argv[1])).then((r) => process.stdout.write(JSON.stringify(r)));`;
    const r = unprivileged(['-e', script, dir], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout).unreadable, [{ path: path.join(dir, 'locked'), reason: 'cannot read folder: permission denied (EACCES)' }]);
  });
});

import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { fixFile } from '../../../cli/src/fix';
import { runCli } from '../../../cli/src/main';
import { replaceHooks } from '../../../cli/src/replace-file';
import { defaultRegistry, lintText } from '../../../rules/src/index';
import { tempFile, WEAK_LISTENER } from '../../support/cli';
// The module object itself, so a patched function is what replace-file.ts calls.
import nodeFs = require('fs');

/**
 * `--fix` and other writers of the same file (an editor's save, a formatter): the file is
 * replaced only while it still holds the bytes the fixes were planned on, compared as late as
 * possible, by content (not by modification time). Hard links and setuid/setgid modes survive.
 * The races are made deterministic with replace-file.ts's hook (it runs just before the check)
 * and with a lint that edits the file.
 */

const FIXED = WEAK_LISTENER.replace('ELBSecurityPolicy-2016-08', 'ELBSecurityPolicy-TLS13-1-2-Res-2021-06');
/** What "another program" writes: two lines more at the top, so its findings sit two lines lower. */
const THEIRS = '# edited elsewhere\n# meanwhile\n' + WEAK_LISTENER;

async function cli(args: string[], cwd: string): Promise<{ status: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const status = await runCli(args, { cwd, out: (s) => (out += s), err: (s) => (err += s), isTty: false });
  return { status, out, err };
}

async function withHook<T>(hook: (file: string) => void, fn: () => Promise<T>): Promise<T> {
  replaceHooks.beforeCheck = hook;
  try {
    return await fn();
  } finally {
    replaceHooks.beforeCheck = undefined;
  }
}

async function withFsPatch<T>(
  name: keyof typeof nodeFs,
  fake: (real: (...a: unknown[]) => unknown, ...a: unknown[]) => unknown,
  fn: () => Promise<T>,
): Promise<T> {
  const real = nodeFs[name] as unknown as (...a: unknown[]) => unknown;
  (nodeFs as unknown as Record<string, unknown>)[name] = (...a: unknown[]) => fake(real, ...a);
  try {
    return await fn();
  } finally {
    (nodeFs as unknown as Record<string, unknown>)[name] = real;
  }
}

const weakLine = (text: string) => text.split('\n').findIndex((l) => l.includes('SslPolicy'));

describe('robustness: --fix and concurrent writers', function () {
  this.timeout(60_000);

  it('the file changes between the planning and the write: left as the other program wrote it, exit 2, said on stderr and in JSON', async () => {
    const { dir, file } = tempFile('t.yaml', WEAK_LISTENER);
    const r = await withHook(
      (target) => fs.writeFileSync(target, THEIRS),
      () => cli(['--fix', '--format', 'json', 't.yaml'], dir),
    );
    assert.equal(r.status, 2);
    assert.equal(fs.readFileSync(file, 'utf8'), THEIRS);
    assert.match(r.err, /cfn-tls-lint: t\.yaml: the file changed on disk while the fixes were made/);
    const report = JSON.parse(r.out);
    assert.deepEqual(
      report.errors.map((e: { path: string }) => e.path),
      ['t.yaml'],
    );
    assert.match(report.errors[0].message, /changed on disk/);
    // The report describes the file as it now is.
    const d = report.files[0].diagnostics.find((x: { rule: string }) => x.rule === 'elbv2-ssl-policy-weak');
    assert.equal(d.range.start.line, weakLine(THEIRS));
    assert.deepEqual(fs.readdirSync(dir), ['t.yaml'], 'no temporary file left');
  });

  it('an editor-style save (a new file renamed over it) is caught the same way', async () => {
    const { dir, file } = tempFile('t.yaml', WEAK_LISTENER);
    const r = await withHook(
      (target) => {
        fs.writeFileSync(path.join(dir, 'editor.tmp'), THEIRS);
        fs.renameSync(path.join(dir, 'editor.tmp'), target);
      },
      () => cli(['--fix', 't.yaml'], dir),
    );
    assert.equal(r.status, 2);
    assert.equal(fs.readFileSync(file, 'utf8'), THEIRS);
  });

  it('the file changes while the fixes are planned (during the lint): fixFile refuses', () => {
    const { file } = tempFile('t.yaml', WEAK_LISTENER);
    const registry = defaultRegistry();
    let lints = 0;
    const r = fixFile({
      file,
      relPath: 't.yaml',
      text: WEAK_LISTENER,
      dryRun: false,
      lint: (t) => {
        if (lints++ === 0) fs.writeFileSync(file, THEIRS);
        return lintText(t, file, registry);
      },
    });
    assert.equal(r.changed, false);
    assert.equal(r.changedOnDisk, true);
    assert.match(r.error ?? '', /changed on disk/);
    assert.equal(fs.readFileSync(file, 'utf8'), THEIRS);
  });

  it('the same bytes written again (a newer modification time) are not a change: the fixes are written', async () => {
    const { dir, file } = tempFile('t.yaml', WEAK_LISTENER);
    const r = await withHook(
      (target) => {
        fs.writeFileSync(target, WEAK_LISTENER);
        fs.utimesSync(target, new Date(), new Date(Date.now() + 60_000));
      },
      () => cli(['--fix', 't.yaml'], dir),
    );
    assert.ok(r.status === 0 || r.status === 1, r.err);
    assert.equal(fs.readFileSync(file, 'utf8'), FIXED);
  });

  it('a hard link: written in place, so both names show the fixed text (same inode)', async () => {
    const { dir, file } = tempFile('t.yaml', WEAK_LISTENER);
    const other = path.join(dir, 'other-name.yaml');
    fs.linkSync(file, other);
    const ino = fs.statSync(file).ino;
    const r = await cli(['--fix', 't.yaml'], dir);
    assert.ok(r.status === 0 || r.status === 1, r.err);
    assert.equal(fs.readFileSync(file, 'utf8'), FIXED);
    assert.equal(fs.readFileSync(other, 'utf8'), FIXED);
    assert.equal(fs.statSync(file).ino, ino);
    assert.equal(fs.statSync(file).nlink, 2);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['other-name.yaml', 't.yaml']);
  });

  it('a hard link changed by another program before the write: left alone', async () => {
    const { dir, file } = tempFile('t.yaml', WEAK_LISTENER);
    fs.linkSync(file, path.join(dir, 'other-name.yaml'));
    const r = await withHook(
      (target) => fs.writeFileSync(target, THEIRS),
      () => cli(['--fix', 't.yaml'], dir),
    );
    assert.equal(r.status, 2);
    assert.equal(fs.readFileSync(path.join(dir, 'other-name.yaml'), 'utf8'), THEIRS);
  });

  it('a write in place that fails part-way puts the original back', async () => {
    const { dir, file } = tempFile('t.yaml', WEAK_LISTENER);
    fs.linkSync(file, path.join(dir, 'other-name.yaml'));
    let failed = false;
    const r = await withFsPatch(
      'writeSync',
      (real, ...a) => {
        // The first write into the file itself (not the temporary copy) fails after some bytes.
        if (!failed && typeof a[0] === 'number' && fs.fstatSync(a[0]).ino === fs.statSync(file).ino) {
          failed = true;
          real(a[0], (a[1] as Buffer).subarray(0, 30), 0, 30, 0);
          throw Object.assign(new Error('ENOSPC: injected'), { code: 'ENOSPC' });
        }
        return real(...a);
      },
      () => cli(['--fix', 't.yaml'], dir),
    );
    assert.ok(failed);
    assert.equal(r.status, 2);
    assert.match(r.err, /cannot write fixes: ENOSPC/);
    assert.equal(fs.readFileSync(file, 'utf8'), WEAK_LISTENER);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['other-name.yaml', 't.yaml']);
  });

  for (const mode of [0o4755, 0o2755, 0o6750, 0o1755]) {
    it(`keeps mode ${mode.toString(8)} (setuid, setgid, sticky)`, async () => {
      const { dir, file } = tempFile('t.yaml', WEAK_LISTENER);
      fs.chmodSync(file, mode);
      const r = await cli(['--fix', 't.yaml'], dir);
      assert.ok(r.status === 0 || r.status === 1, r.err);
      assert.equal(fs.readFileSync(file, 'utf8'), FIXED);
      assert.equal(fs.statSync(file).mode & 0o7777, mode);
    });
  }

  it('a new file that cannot get the owner: written in place, keeping the file (inode, owner, mode)', async () => {
    const { dir, file } = tempFile('t.yaml', WEAK_LISTENER, 0o640);
    const before = fs.statSync(file);
    const r = await withFsPatch(
      'chownSync',
      () => {
        throw Object.assign(new Error('EPERM: injected'), { code: 'EPERM' });
      },
      async () => {
        // As root the new file would get the owner anyway: make the check see another owner.
        return withFsPatch(
          'statSync',
          (real, ...a) => {
            const st = real(...a) as fs.Stats;
            return String(a[0]).endsWith('.tmp') ? Object.assign(Object.create(Object.getPrototypeOf(st)), st, { uid: st.uid + 1 }) : st;
          },
          () => cli(['--fix', 't.yaml'], dir),
        );
      },
    );
    assert.ok(r.status === 0 || r.status === 1, r.err);
    assert.equal(fs.readFileSync(file, 'utf8'), FIXED);
    const after = fs.statSync(file);
    assert.equal(after.ino, before.ino);
    assert.equal(after.mode, before.mode);
    assert.deepEqual(fs.readdirSync(dir), ['t.yaml']);
  });

  it('mode bits the file cannot keep are said (not silently dropped)', async () => {
    const { dir, file } = tempFile('t.yaml', WEAK_LISTENER, 0o4755);
    fs.linkSync(file, path.join(dir, 'other-name.yaml'));
    // As a user without the right, the kernel clears setuid on a write and refuses to set it again.
    const r = await withFsPatch(
      'fchmodSync',
      () => {
        throw Object.assign(new Error('EPERM: injected'), { code: 'EPERM' });
      },
      () =>
        withFsPatch(
          'fstatSync',
          (real, ...a) => {
            const st = real(...a) as fs.Stats;
            return Object.assign(Object.create(Object.getPrototypeOf(st)), st, { mode: st.mode & ~0o4000 });
          },
          () => cli(['--fix', 't.yaml'], dir),
        ),
    );
    assert.equal(fs.readFileSync(file, 'utf8'), FIXED);
    assert.match(r.err, /t\.yaml: fixes written, but the file lost mode bits 4000/);
  });

  it('a file that is not valid UTF-8 is not rewritten (its other bytes would change)', async () => {
    const bytes = Buffer.concat([Buffer.from(WEAK_LISTENER.replace('Resources:', '# caf\u00e9\nResources:')), Buffer.from([0x23, 0x20, 0xff, 0xfe, 0x0a])]);
    const { dir, file } = tempFile('t.yaml', '');
    fs.writeFileSync(file, bytes);
    const r = await cli(['--fix', 't.yaml'], dir);
    assert.equal(r.status, 2);
    assert.match(r.err, /t\.yaml: the file is not valid UTF-8/);
    assert.ok(fs.readFileSync(file).equals(bytes));
  });
});

describe('stylish: "can be fixed with --fix" counts what --fix applies', () => {
  it('a finding whose only fix is unsafe is not counted', async () => {
    const duplicate = WEAK_LISTENER.replace('      Port: 443\n', '      Port: 443\n      Port: 8443\n');
    const { dir } = tempFile('t.yaml', duplicate);
    const r = await cli(['t.yaml'], dir);
    const json = JSON.parse((await cli(['--format', 'json', 't.yaml'], dir)).out);
    const findings = json.files[0].diagnostics as { rule: string; fixable: boolean }[];
    assert.ok(
      findings.some((d) => d.rule === 'template-duplicate-key' && d.fixable),
      'an unsafe fix is still a fix in the editor',
    );
    assert.match(r.out, /\n {2}1 of them can be fixed with --fix\./, r.out);
    assert.equal(json.summary.fixable, 2);
  });
});

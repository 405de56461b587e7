import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as files from '../../../cli/src/files';
import { runCli } from '../../../cli/src/main';
import { tempDir, tempFile, WEAK_LISTENER } from '../../support/cli';
// The module object itself, so a patched function is what lint-file.ts calls.
import nodeFs = require('fs');

/**
 * Every way a run can fail, in `--format json` and `--format sarif`: stdout is still one valid
 * document, whose `errors` (SARIF: the invocation's notifications) say what stderr says, and the
 * exit status is 2. Stylish prints nothing on stdout for a run that stops early.
 */

interface Run {
  status: number;
  out: string;
  err: string;
}

async function cli(args: string[], cwd: string): Promise<Run> {
  let out = '';
  let err = '';
  const status = await runCli(args, { cwd, out: (s) => (out += s), err: (s) => (err += s), isTty: false });
  return { status, out, err };
}

/** The JSON document of a failed run: its errors' messages. */
function jsonErrors(r: Run): string[] {
  assert.equal(r.status, 2, r.err);
  const doc = JSON.parse(r.out);
  assert.equal(doc.version, 1);
  assert.ok(Array.isArray(doc.files));
  assert.ok(doc.errors.length > 0, r.out);
  for (const e of doc.errors) assert.ok(r.err.includes(e.message), `stderr says ${e.message}: ${r.err}`);
  return doc.errors.map((e: { message: string }) => e.message);
}

function sarifErrors(r: Run): string[] {
  assert.equal(r.status, 2, r.err);
  const run = JSON.parse(r.out).runs[0];
  assert.equal(run.invocations[0].executionSuccessful, false);
  return run.invocations[0].toolExecutionNotifications.map(
    (n: { level: string; message: { text: string } }) => (assert.equal(n.level, 'error'), n.message.text),
  );
}

describe('CLI error paths in JSON and SARIF', function () {
  this.timeout(30_000);
  const dir = tempDir({ 'a.yaml': WEAK_LISTENER, 'sub/b.yaml': WEAK_LISTENER });

  it('bad usage', async () => {
    assert.deepEqual(jsonErrors(await cli(['--format', 'json', '--bogus', 'a.yaml'], dir)), ['unknown option --bogus']);
    assert.deepEqual(sarifErrors(await cli(['--format=sarif', '--max-warnings', 'x', 'a.yaml'], dir)), ['--max-warnings takes a whole number, got "x"']);
    assert.deepEqual(jsonErrors(await cli(['-f', 'json', '--rule', 'loud', 'a.yaml'], dir)), ['--rule takes <id>=<off|info|warning|error>, got "loud"']);
    assert.deepEqual(jsonErrors(await cli(['--format', 'json', '--rule', 'nope=error', 'a.yaml'], dir)), ['--rule: unknown rule "nope" (see --list-rules)']);
    assert.deepEqual(jsonErrors(await cli(['--format', 'json'], dir)), ['no paths given']);
    const stylish = await cli(['--bogus', 'a.yaml'], dir);
    assert.equal(stylish.status, 2);
    assert.equal(stylish.out, '');
  });

  it('a path that does not exist: alone, and next to one that does', async () => {
    assert.deepEqual(jsonErrors(await cli(['--format', 'json', 'nope.yaml'], dir)), ['no such file or directory: nope.yaml']);
    const mixed = await cli(['--format', 'json', 'nope.yaml', 'a.yaml'], dir);
    assert.deepEqual(jsonErrors(mixed), ['no such file or directory: nope.yaml']);
    assert.deepEqual(
      JSON.parse(mixed.out).files.map((f: { path: string }) => f.path),
      ['a.yaml'],
    );
    assert.deepEqual(sarifErrors(await cli(['--format', 'sarif', 'nope/*.yaml'], dir)), ['no such file or directory: nope/*.yaml']);
  });

  it('a quoted absolute glob, and one reaching out of the working directory, match their files', async () => {
    const abs = await cli(['--format', 'json', path.join(dir, '*.yaml'), path.join(dir, 'sub', '**', '*.yaml')], path.join(dir, 'sub'));
    assert.equal(abs.err, '');
    assert.deepEqual(
      JSON.parse(abs.out).files.map((f: { path: string }) => f.path),
      ['../a.yaml', 'b.yaml'],
    );
    const up = await cli(['--format', 'json', '../*.yaml'], path.join(dir, 'sub'));
    assert.deepEqual(
      JSON.parse(up.out).files.map((f: { path: string }) => f.path),
      ['../a.yaml'],
    );
    assert.deepEqual(jsonErrors(await cli(['--format', 'json', path.join(dir, '*.json')], dir)), [`no such file or directory: ${path.join(dir, '*.json')}`]);
  });

  it('a config file that does not exist, and one that cannot be read', async () => {
    assert.deepEqual(jsonErrors(await cli(['--format', 'json', '--config', 'nope.yaml', 'a.yaml'], dir)), ['config file nope.yaml does not exist']);
    const d = tempDir({ 'a.yaml': WEAK_LISTENER });
    fs.mkdirSync(path.join(d, '.cfn-tls-lint.yaml'));
    const r = await cli(['--format', 'json', 'a.yaml'], d);
    assert.deepEqual(jsonErrors(r), ['config error: .cfn-tls-lint.yaml:1: cannot read the config file: not a regular file (a folder)']);
    assert.ok(JSON.parse(r.out).files[0].diagnostics.length > 0, 'linted with the defaults');
    assert.deepEqual(sarifErrors(await cli(['--format', 'sarif', 'a.yaml'], d)), [
      'config error: .cfn-tls-lint.yaml:1: cannot read the config file: not a regular file (a folder)',
    ]);
  });

  it('a file that cannot be read: in its entry and in errors; the others linted', async () => {
    const real = nodeFs.openSync;
    (nodeFs as { openSync: unknown }).openSync = (p: fs.PathLike, ...rest: unknown[]) => {
      if (String(p).endsWith('a.yaml')) throw Object.assign(new Error('EACCES: injected'), { code: 'EACCES' });
      return (real as (...a: unknown[]) => unknown)(p, ...rest);
    };
    let r: Run;
    try {
      r = await cli(['--format', 'json', '.'], dir);
    } finally {
      (nodeFs as { openSync: unknown }).openSync = real;
    }
    const doc = JSON.parse(r.out);
    assert.deepEqual(jsonErrors(r), ['cannot read file: permission denied (EACCES)']);
    assert.deepEqual(doc.errors[0].path, 'a.yaml');
    assert.equal(doc.files.find((f: { path: string }) => f.path === 'a.yaml').error, 'cannot read file: permission denied (EACCES)');
    assert.ok(doc.files.find((f: { path: string }) => f.path === 'sub/b.yaml').diagnostics.length > 0);
  });

  it('a baseline that is not one, or cannot be written', async () => {
    const d = tempDir({
      'a.yaml': WEAK_LISTENER,
      'nulls.json': '{"version":1,"findings":[null]}',
      'broken.json': '{"version":1,',
      'v2.json': '{"version":2,"findings":[]}',
    });
    assert.deepEqual(jsonErrors(await cli(['--format', 'json', '--baseline', 'nulls.json', 'a.yaml'], d)), [
      `${path.join(d, 'nulls.json')} is not a cfn-tls-lint baseline (version 1): findings[0] is not an object`,
    ]);
    assert.match(jsonErrors(await cli(['--format', 'json', '--baseline', 'broken.json', 'a.yaml'], d))[0], /^baseline .*broken\.json is not valid JSON/);
    assert.match(sarifErrors(await cli(['--format', 'sarif', '--baseline', 'v2.json', 'a.yaml'], d))[0], /"version" is not 1$/);
    assert.match(
      jsonErrors(await cli(['--format', 'json', '--baseline', 'none.json', 'a.yaml'], d))[0],
      /^cannot read baseline .*none\.json: no such file \(ENOENT\)$/,
    );
    const unwritable = await cli(['--format', 'json', '--write-baseline', 'no/such/dir/b.json', 'a.yaml'], d);
    assert.deepEqual(jsonErrors(unwritable), ['cannot write baseline no/such/dir/b.json: ENOENT']);
    assert.equal(JSON.parse(unwritable.out).files.length, 1, 'the findings are still reported');
  });

  it('fixes that cannot be written', async () => {
    const { dir: d } = tempFile('ro.yaml', WEAK_LISTENER, 0o444);
    const r = await cli(['--fix', '--format', 'json', 'ro.yaml'], d);
    assert.deepEqual(jsonErrors(r), ['cannot write fixes: the file is read-only']);
    assert.equal(JSON.parse(r.out).errors[0].path, 'ro.yaml');
  });

  it('an internal error: the stack on stderr, a document on stdout', async () => {
    const real = files.collectFiles;
    (files as { collectFiles: unknown }).collectFiles = () => {
      throw new TypeError("Cannot read properties of undefined (reading 'x')");
    };
    let json: Run;
    let sarif: Run;
    try {
      json = await cli(['--format', 'json', 'a.yaml'], dir);
      sarif = await cli(['--format', 'sarif', 'a.yaml'], dir);
    } finally {
      (files as { collectFiles: unknown }).collectFiles = real;
    }
    assert.deepEqual(jsonErrors(json), ["internal error: TypeError: Cannot read properties of undefined (reading 'x')"]);
    assert.match(json.err, /internal error: TypeError: Cannot read properties[^\n]*\n\s+at /);
    assert.deepEqual(sarifErrors(sarif), ["internal error: TypeError: Cannot read properties of undefined (reading 'x')"]);
  });

  it('the inventory and the dry run, which print no JSON document of findings: nothing on stdout', async () => {
    for (const args of [
      ['--inventory', '--format', 'json', 'nope.yaml'],
      ['--fix-dry-run', '--format', 'json', 'nope.yaml'],
    ]) {
      const r = await cli(args, dir);
      assert.equal(r.status, 2);
      assert.equal(r.out, '');
      assert.match(r.err, /no such file or directory: nope\.yaml/);
    }
  });

  it('a run without problems has an empty errors list', async () => {
    const doc = JSON.parse((await cli(['--format', 'json', 'a.yaml'], dir)).out);
    assert.deepEqual(doc.errors, []);
    const sarif = JSON.parse((await cli(['--format', 'sarif', 'a.yaml'], dir)).out);
    assert.deepEqual(sarif.runs[0].invocations, [{ executionSuccessful: true, toolExecutionNotifications: [] }]);
  });
});

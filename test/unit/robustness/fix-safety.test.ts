import { strict as assert } from 'assert';
import * as fs from 'fs';
import { fixFile, writeAtomically } from '../../../cli/src/fix';
import { runCli } from '../../../cli/src/main';
import * as fixAllModule from '../../../rules/src/edit/fix-all';
import { tempFile } from '../../support/cli';
import { defaultRegistry, lintText } from '../../../rules/src/index';
// The module object itself (not an import wrapper), so a patched function is what fix.ts calls.
import nodeFs = require('fs');

/**
 * Safety of `--fix` writes: atomic (temporary file and rename), the file's mode and line endings
 * kept, never a text that does not parse, and a file that cannot be written is reported and left
 * exactly as it was, with no temporary file behind. Faults the machine cannot produce on demand
 * (a full disk, a failed rename, a folder without write permission when running as root) are
 * injected into `fs`.
 */

const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Cert:
    Type: AWS::CertificateManager::Certificate
    Properties:
      DomainName: www.example.com
      ValidationMethod: EMAIL
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      Protocol: HTTPS
      Port: 443
      SslPolicy: ELBSecurityPolicy-2016-08
      LoadBalancerArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/x/1
      Certificates:
        - CertificateArn: !Ref Cert
      DefaultActions:
        - Type: fixed-response
          FixedResponseConfig: {StatusCode: '404'}
`;

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

async function cli(args: string[], cwd: string): Promise<{ status: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const status = await runCli(args, { cwd, out: (s) => (out += s), err: (s) => (err += s), isTty: false });
  return { status, out, err };
}

type FsKey = 'openSync' | 'writeFileSync' | 'renameSync' | 'fsyncSync';

/** Replaces one `fs` function while `fn` runs (fix.ts calls through the module object). */
async function withFault<T>(name: FsKey, fault: (...args: unknown[]) => unknown, fn: () => Promise<T> | T): Promise<T> {
  const real = nodeFs[name] as (...args: unknown[]) => unknown;
  (nodeFs as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => fault(real, ...args);
  try {
    return await fn();
  } finally {
    (nodeFs as unknown as Record<string, unknown>)[name] = real;
  }
}

const errno = (code: string) => Object.assign(new Error(`${code}: injected`), { code });
const isTemp = (p: unknown) => typeof p === 'string' && p.endsWith('.tmp') && p.includes('.cfn-tls-lint-');

describe('robustness: safety of --fix writes', function () {
  this.timeout(60_000);

  it('writes through a temporary file and a rename, never into the file itself', async () => {
    const { dir, file } = tempFile('t.yaml', TEMPLATE);
    const opened: string[] = [];
    const openedForWriting: string[] = [];
    const renamed: [string, string][] = [];
    const writes = (flags: unknown) =>
      typeof flags === 'string' ? /[wa+]/.test(flags) : typeof flags === 'number' && (flags & (fs.constants.O_WRONLY | fs.constants.O_RDWR)) !== 0;
    const record = (p: unknown, flags: unknown) => {
      opened.push(String(p));
      if (writes(flags)) openedForWriting.push(String(p));
    };
    await withFault(
      'openSync',
      (real, ...a) => (record(a[0], a[1]), (real as (...x: unknown[]) => unknown)(...a)),
      () =>
        withFault(
          'renameSync',
          (real, ...a) => (renamed.push([String(a[0]), String(a[1])]), (real as (...x: unknown[]) => unknown)(...a)),
          () => cli(['--fix', 't.yaml'], dir),
        ),
    );
    assert.ok(opened.some(isTemp), `opened ${opened.join(', ')}`);
    assert.ok(!openedForWriting.includes(fs.realpathSync(file)) && !openedForWriting.includes(file), 'the file itself is never opened for writing');
    assert.equal(renamed.length, 1);
    assert.ok(isTemp(renamed[0][0]) && renamed[0][1] === fs.realpathSync(file));
    assert.ok(fs.readFileSync(file, 'utf8').includes('ValidationMethod: DNS'));
    assert.deepEqual(fs.readdirSync(dir), ['t.yaml']);
  });

  for (const [what, name, code] of [
    ['a full disk while writing', 'writeFileSync', 'ENOSPC'],
    ['a failed flush to disk', 'fsyncSync', 'EIO'],
    ['a failed rename', 'renameSync', 'EXDEV'],
  ] as [string, FsKey, string][]) {
    it(`${what}: reported, the file untouched, no temporary file left`, async () => {
      const { dir, file } = tempFile('t.yaml', TEMPLATE, 0o640);
      const before = fs.statSync(file);
      const r = await withFault(
        name,
        (real, ...a) => {
          const call = real as (...x: unknown[]) => unknown;
          if (name === 'writeFileSync') {
            if (typeof a[0] !== 'number' && !isTemp(a[0])) return call(...a);
            call(a[0], String(a[1]).slice(0, 40), a[2]); // the disk fills up part-way
          }
          throw errno(code);
        },
        () => cli(['--fix', '--format', 'json', 't.yaml'], dir),
      );
      assert.equal(r.status, 2);
      assert.match(r.err, new RegExp(`t\\.yaml: cannot write fixes: ${code}`));
      assert.equal(fs.readFileSync(file, 'utf8'), TEMPLATE);
      assert.equal(fs.statSync(file).mode, before.mode);
      assert.equal(fs.statSync(file).ino, before.ino, 'the same file, not a replacement');
      assert.deepEqual(fs.readdirSync(dir), ['t.yaml']);
      // The report describes the file as it is on disk: the unfixed findings remain.
      assert.ok(JSON.parse(r.out).files[0].diagnostics.some((d: { rule: string }) => d.rule === 'acm-email-validation'));
    });
  }

  it('a folder where no temporary file can be created: reported, never rewritten in place', async () => {
    const { dir, file } = tempFile('t.yaml', TEMPLATE);
    const inject = isRoot || process.platform === 'win32';
    const run = () => cli(['--fix', 't.yaml'], dir);
    let r: { status: number; err: string };
    if (inject) {
      r = await withFault(
        'openSync',
        (real, ...a) => {
          if (isTemp(a[0])) throw errno('EACCES');
          return (real as (...x: unknown[]) => unknown)(...a);
        },
        run,
      );
    } else {
      fs.chmodSync(dir, 0o555); // the file stays writable, the folder does not
      try {
        r = await run();
      } finally {
        fs.chmodSync(dir, 0o755);
      }
    }
    assert.equal(r.status, 2);
    assert.match(r.err, /t\.yaml: cannot write fixes: no temporary file can be created in its folder \(EACCES\)/);
    assert.equal(fs.readFileSync(file, 'utf8'), TEMPLATE);
  });

  it('a read-only file (even for root): reported, left as it was', async () => {
    const { dir, file } = tempFile('t.yaml', TEMPLATE, 0o444);
    const r = await cli(['--fix', 't.yaml'], dir);
    assert.equal(r.status, 2);
    assert.match(r.err, /t\.yaml: cannot write fixes: the file is read-only/);
    assert.equal(fs.readFileSync(file, 'utf8'), TEMPLATE);
    assert.deepEqual(fs.readdirSync(dir), ['t.yaml']);
  });

  for (const mode of [0o600, 0o640, 0o664, 0o755]) {
    it(`keeps mode ${mode.toString(8)}`, async () => {
      const { dir, file } = tempFile('t.yaml', TEMPLATE, mode);
      await cli(['--fix', 't.yaml'], dir);
      assert.ok(fs.readFileSync(file, 'utf8').includes('ValidationMethod: DNS'));
      assert.equal(fs.statSync(file).mode & 0o7777, mode);
    });
  }

  it('keeps CRLF line endings, also in inserted lines (YAML)', async () => {
    const text = TEMPLATE.replace('      ValidationMethod: EMAIL\n', '').replace(/\n/g, '\r\n');
    const { dir, file } = tempFile('t.yaml', text);
    await cli(['--fix', 't.yaml'], dir);
    const out = fs.readFileSync(file, 'utf8');
    assert.notEqual(out, text);
    assert.ok(out.includes('ValidationMethod: DNS\r\n'), out);
    assert.ok(!/[^\r]\n/.test(out) && !/\r(?!\n)/.test(out), 'only CRLF');
  });

  it('keeps CRLF line endings and a BOM (JSON)', async () => {
    const json = JSON.stringify(
      {
        AWSTemplateFormatVersion: '2010-09-09',
        Resources: { Cert: { Type: 'AWS::CertificateManager::Certificate', Properties: { DomainName: 'www.example.com' } } },
      },
      null,
      2,
    );
    const text = '\ufeff' + json.replace(/\n/g, '\r\n') + '\r\n';
    const { dir, file } = tempFile('t.json', text);
    await cli(['--fix', 't.json'], dir);
    const out = fs.readFileSync(file, 'utf8');
    assert.ok(out.startsWith('\ufeff{\r\n'));
    assert.ok(out.includes('"ValidationMethod": "DNS"'), out);
    assert.ok(!/[^\r]\n/.test(out), 'only CRLF');
    assert.doesNotThrow(() => JSON.parse(out.slice(1)));
  });

  it('keeps LF where the file has LF, with a CRLF line elsewhere (mixed endings stay as they were)', async () => {
    const lines = TEMPLATE.split('\n');
    lines[0] += '\r';
    const text = lines.join('\n');
    const { dir, file } = tempFile('t.yaml', text);
    await cli(['--fix', 't.yaml'], dir);
    const out = fs.readFileSync(file, 'utf8');
    assert.ok(out.startsWith("AWSTemplateFormatVersion: '2010-09-09'\r\n"), 'the CRLF line is untouched');
    assert.ok(out.includes('SslPolicy: ELBSecurityPolicy-TLS13-1-2-Res-2021-06\n'));
  });

  it('never writes a text that does not parse (a fix that breaks the file is refused)', async () => {
    const { dir, file } = tempFile('t.yaml', TEMPLATE);
    const real = fixAllModule.fixAll;
    (fixAllModule as { fixAll: typeof real }).fixAll = (text, lint, passes) => ({ ...real(text, lint, passes), text: text.replace('Port: 443', 'Port: [443') });
    let r: { status: number; err: string };
    try {
      r = await cli(['--fix', 't.yaml'], dir);
    } finally {
      (fixAllModule as { fixAll: typeof real }).fixAll = real;
    }
    assert.equal(r.status, 2);
    assert.match(r.err, /t\.yaml: the fixes would leave a file that does not parse as a template; left unchanged/);
    assert.equal(fs.readFileSync(file, 'utf8'), TEMPLATE);
  });

  it('never writes a text that is no longer a template', () => {
    const { file } = tempFile('t.yaml', TEMPLATE);
    const real = fixAllModule.fixAll;
    (fixAllModule as { fixAll: typeof real }).fixAll = (text, lint, passes) => ({ ...real(text, lint, passes), text: 'Resources: {}\n' });
    try {
      const registry = defaultRegistry();
      const r = fixFile({ file, relPath: 't.yaml', text: TEMPLATE, dryRun: false, lint: (t) => lintText(t, file, registry) });
      assert.match(r.error ?? '', /does not parse as a template/);
      assert.equal(r.changed, false);
    } finally {
      (fixAllModule as { fixAll: typeof real }).fixAll = real;
    }
    assert.equal(fs.readFileSync(file, 'utf8'), TEMPLATE);
  });

  it('writeAtomically on a file that vanished: an error, nothing created', () => {
    const { dir, file } = tempFile('t.yaml', 'x');
    fs.unlinkSync(file);
    assert.throws(() => writeAtomically(file, 'y'), /ENOENT/);
    assert.deepEqual(fs.readdirSync(dir), []);
  });
});

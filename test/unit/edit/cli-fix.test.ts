import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { fixFile, writeAtomically } from '../../../cli/src/fix';
import { runCli } from '../../../cli/src/main';
import { defaultRegistry, lintText } from '../../../rules/src/index';
import { tempFile } from '../../support/cli';

const WEAK = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  CertificateArn:
    Type: String
Resources:
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      Protocol: HTTPS
      Port: 443
      # legacy clients
      SslPolicy: ELBSecurityPolicy-2016-08   # TODO
      Certificates:
        - CertificateArn: !Ref CertificateArn
      DefaultActions:
        - Type: fixed-response
          FixedResponseConfig: {StatusCode: '404'}
`;
const STRONG = WEAK.replace('ELBSecurityPolicy-2016-08   #', 'ELBSecurityPolicy-TLS13-1-2-Res-2021-06   #');

async function cli(args: string[], cwd: string): Promise<{ status: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const status = await runCli(args, { cwd, out: (s) => (out += s), err: (s) => (err += s), isTty: false });
  return { status, out, err };
}

describe('CLI --fix / --fix-dry-run', () => {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

  it('--fix writes the fixed text, keeps the mode and reports what remains', async () => {
    const { dir, file } = tempFile('web.yaml', WEAK, 0o640);
    const r = await cli(['--fix', '--format', 'json', 'web.yaml'], dir);
    assert.ok(r.status === 0 || r.status === 1, r.err);
    assert.equal(fs.readFileSync(file, 'utf8'), STRONG);
    assert.equal(fs.statSync(file).mode & 0o777, 0o640);
    const report = JSON.parse(r.out);
    assert.ok(!report.files[0].diagnostics.some((d: { rule: string }) => d.rule === 'elbv2-ssl-policy-weak'));
    assert.deepEqual(fs.readdirSync(dir), ['web.yaml'], 'no temporary file left');
    // A second run changes nothing.
    const again = await cli(['--fix', '--format', 'json', 'web.yaml'], dir);
    assert.equal(again.status, r.status);
    assert.equal(fs.readFileSync(file, 'utf8'), STRONG);
  });

  it('--fix-dry-run prints a unified diff and leaves the file alone', async () => {
    const { dir, file } = tempFile('web.yaml', WEAK);
    const r = await cli(['--fix-dry-run', 'web.yaml'], dir);
    assert.ok(r.status === 0 || r.status === 1, r.err);
    assert.equal(fs.readFileSync(file, 'utf8'), WEAK);
    assert.ok(r.out.startsWith('--- a/web.yaml\n+++ b/web.yaml\n@@ '), r.out);
    assert.ok(
      r.out.includes('\n-      SslPolicy: ELBSecurityPolicy-2016-08   # TODO\n+      SslPolicy: ELBSecurityPolicy-TLS13-1-2-Res-2021-06   # TODO\n'),
      r.out,
    );
  });

  it('reports a read-only file, leaves it unchanged and exits 2', async () => {
    const { dir, file } = tempFile('web.yaml', WEAK, 0o444);
    const r = await cli(['--fix', '--format', 'json', 'web.yaml'], dir);
    assert.equal(r.status, 2);
    assert.match(r.err, /web\.yaml: cannot write fixes: the file is read-only/);
    assert.equal(fs.readFileSync(file, 'utf8'), WEAK);
    // The report still lists what remains.
    assert.ok(JSON.parse(r.out).files[0].diagnostics.some((d: { rule: string }) => d.rule === 'elbv2-ssl-policy-weak'));
    if (!isRoot) fs.chmodSync(file, 0o644);
  });

  it('leaves files that do not parse, and files with nothing to fix, untouched', async () => {
    const broken = WEAK.replace('Port: 443', 'Port: [443');
    const { dir, file } = tempFile('broken.yaml', broken);
    const before = fs.statSync(file).mtimeMs;
    const r = await cli(['--fix', '--format', 'json', 'broken.yaml'], dir);
    assert.equal(r.status, 1);
    assert.equal(fs.readFileSync(file, 'utf8'), broken);
    assert.equal(fs.statSync(file).mtimeMs, before);
  });

  it('follows a symlink and writes its target', async () => {
    const { dir, file } = tempFile('real.yaml', WEAK);
    fs.symlinkSync(file, path.join(dir, 'link.yaml'));
    await cli(['--fix', 'link.yaml'], dir);
    assert.ok(fs.lstatSync(path.join(dir, 'link.yaml')).isSymbolicLink());
    assert.equal(fs.readFileSync(file, 'utf8'), STRONG);
  });

  it('fixFile keeps CRLF and a BOM', () => {
    const text = '\ufeff' + WEAK.replace(/\n/g, '\r\n');
    const { file } = tempFile('crlf.yaml', text);
    const registry = defaultRegistry();
    const r = fixFile({ file, relPath: 'crlf.yaml', text, dryRun: false, lint: (t) => lintText(t, file, registry) });
    assert.equal(r.changed, true);
    const written = fs.readFileSync(file, 'utf8');
    assert.ok(written.startsWith('\ufeff'));
    assert.ok(written.includes('SslPolicy: ELBSecurityPolicy-TLS13-1-2-Res-2021-06   # TODO\r\n'));
    assert.ok(!/[^\r]\n/.test(written));
  });

  it('writeAtomically refuses a file without write permission', () => {
    const { file } = tempFile('ro.yaml', 'x', 0o444);
    assert.throws(() => writeAtomically(file, 'y'));
    assert.equal(fs.readFileSync(file, 'utf8'), 'x');
  });
});

import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { artifactLocation, srcRootUri } from '../../../cli/src/format/sarif-uri';
import { runCli } from '../../../cli/src/main';
import { tempDir, WEAK_LISTENER } from '../../support/cli';

/**
 * File names as they come: SARIF URIs percent-encoded per RFC 3986 (a `#` or `?` is part of the
 * name, not a fragment or a query), and names that are not valid UTF-8 read and reported.
 */

async function cli(args: string[], cwd: string): Promise<{ status: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const status = await runCli(args, { cwd, out: (s) => (out += s), err: (s) => (err += s), isTty: false });
  return { status, out, err };
}

/** The file a SARIF artifact location names, resolved as a consumer resolves it. */
function resolve(loc: { uri: string; uriBaseId?: string }, root: string): string {
  return fileURLToPath(new URL(loc.uri, loc.uriBaseId ? srcRootUri(root) : undefined));
}

describe('SARIF artifact URIs', () => {
  const names = [
    'plain.yaml',
    'with space.yaml',
    'hash#q?.yaml',
    '100%.yaml',
    'caf\u00e9/\u65e5\u672c.yaml',
    'a:b.yaml',
    'semi;colon&amp=x+y.yaml',
    "quote'(paren).yaml",
    'back\\slash.yaml',
    'sub dir/x#1.yaml',
    '../up/x.yaml',
  ];
  for (const name of names) {
    it(`${JSON.stringify(name)} resolves to that file`, () => {
      const root = '/work/some #dir?/x';
      const loc = artifactLocation(name);
      assert.equal(loc.uriBaseId, '%SRCROOT%');
      assert.ok(!/[ #?%](?![0-9A-F]{2})/.test(loc.uri.replace(/%[0-9A-F]{2}/g, '')), loc.uri);
      assert.equal(resolve(loc, root), path.posix.join(root, name));
    });
  }

  it('an absolute POSIX path is a file: URI', () => {
    const loc = artifactLocation('/tmp/hash#q?.yaml');
    assert.equal(loc.uri, 'file:///tmp/hash%23q%3F.yaml');
    assert.equal(loc.uriBaseId, undefined);
    assert.equal(fileURLToPath(loc.uri), '/tmp/hash#q?.yaml');
  });

  it('Windows paths: a drive letter and a UNC share', () => {
    assert.deepEqual(artifactLocation('C:/Users/me/hash#1.yaml'), { uri: 'file:///C:/Users/me/hash%231.yaml' });
    assert.deepEqual(artifactLocation('D:\\x y\\t.yaml'), { uri: 'file:///D:/x%20y/t.yaml' });
    assert.deepEqual(artifactLocation('//server/share/t.yaml'), { uri: 'file://server/share/t.yaml' });
  });

  it('the %SRCROOT% of a working directory with # and ? in its name', () => {
    assert.equal(srcRootUri('/a b/#c?'), 'file:///a%20b/%23c%3F/');
    assert.equal(srcRootUri('/'), 'file:///');
  });

  it('end to end: the SARIF of a run over hash#q?.yaml names that file', async () => {
    const dir = tempDir({ 'hash#q?.yaml': WEAK_LISTENER, 'with space/100%.yaml': WEAK_LISTENER });
    const sarif = JSON.parse((await cli(['--format', 'sarif', '.'], dir)).out);
    const run = sarif.runs[0];
    const base = run.originalUriBaseIds['%SRCROOT%'].uri;
    assert.equal(base, pathToFileURL(dir).href + '/');
    const files = new Set(
      run.results.map((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
        fileURLToPath(new URL(r.locations[0].physicalLocation.artifactLocation.uri, base)),
      ),
    );
    assert.deepEqual([...files].sort(), [path.join(dir, 'hash#q?.yaml'), path.join(dir, 'with space', '100%.yaml')]);
  });
});

describe('file names that are not valid UTF-8', function () {
  this.timeout(30_000);
  const supported = process.platform === 'linux';

  /** A folder holding files whose names have the bytes given (created through Buffer paths). */
  function dirWith(names: Buffer[]): string {
    const dir = tempDir();
    for (const n of names) fs.writeFileSync(Buffer.concat([Buffer.from(dir + '/'), n]), WEAK_LISTENER);
    return dir;
  }
  const bad = (b: number) => Buffer.concat([Buffer.from('t-'), Buffer.from([b]), Buffer.from('.yaml')]);

  it('found by the walk, read through its bytes and linted (was: cannot read file: ENOENT)', async function () {
    if (!supported) this.skip();
    const dir = dirWith([bad(0xff)]);
    const r = await cli(['--format', 'json', '.'], dir);
    assert.equal(r.err, '');
    const f = JSON.parse(r.out).files[0];
    assert.equal(f.path, 't-\ufffd.yaml');
    assert.ok(f.diagnostics.some((d: { rule: string }) => d.rule === 'elbv2-ssl-policy-weak'));
  });

  it('two names that differ only in their invalid bytes: reported as unreadable by name, exit 2', async function () {
    if (!supported) this.skip();
    const dir = dirWith([bad(0xff), bad(0xfe)]);
    const r = await cli(['--format', 'json', '.'], dir);
    assert.equal(r.status, 2);
    assert.match(r.err, /t-\ufffd\.yaml: cannot read file: its name is not valid UTF-8, and other names in its folder read the same/);
    assert.equal(JSON.parse(r.out).errors.length, 1);
  });

  it('--fix leaves such a file alone and says why', async function () {
    if (!supported) this.skip();
    const dir = dirWith([bad(0xff)]);
    const r = await cli(['--fix', '.'], dir);
    assert.equal(r.status, 2);
    assert.match(r.err, /t-\ufffd\.yaml: cannot write fixes: the file name is not valid UTF-8/);
    assert.equal(fs.readFileSync(Buffer.concat([Buffer.from(dir + '/'), bad(0xff)]), 'utf8'), WEAK_LISTENER);
  });
});

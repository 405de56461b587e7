import { strict as assert } from 'assert';
import { execFileSync, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { createProtocolConnection, InitializeRequest, ShutdownRequest, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { ROOT, tempDir, WEAK_LISTENER } from '../support/cli';

/**
 * The npm package (issue 18, part 5): `npm pack` of the built checkout, installed into an empty
 * folder with no registry (the bundles need no dependency), runs both bins: the CLI, and the
 * language server for other editors, spoken to over stdio.
 */

interface Packed {
  filename: string;
  files: { path: string }[];
}

describe('the npm package', function () {
  this.timeout(180000);
  let packed: Packed;
  let app: string;

  before(() => {
    const out = tempDir();
    // The checkout is built (npm test builds first): pack it as it is.
    [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', out], { cwd: ROOT, encoding: 'utf8' })) as Packed[];
    app = tempDir({ 'package.json': '{ "name": "consumer", "private": true }\n', 'stacks/web.yaml': WEAK_LISTENER });
    execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', path.join(out, packed.filename)], { cwd: app, stdio: 'pipe' });
  });

  it('holds the bundles, the bins and the docs, not the tests, the sources or the source maps', () => {
    const files = packed.files.map((f) => f.path);
    for (const f of [
      'bin/cfn-tls-lint.js',
      'bin/cfn-tls-lint-server.js',
      'dist/cli.js',
      'dist/server.js',
      'dist/server-main.js',
      'docs/rules/elbv2-ssl-policy-weak.md',
      'package.json',
    ])
      assert.ok(files.includes(f), f);
    const unwanted = files.filter((f) => /^(test|rules|server|client|cli|bench|scripts|media)\//.test(f) || /\.(ts|map)$/.test(f));
    assert.deepEqual(unwanted, []);
    assert.equal(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).dependencies, undefined, 'the bundles need no dependency');
  });

  it('npx cfn-tls-lint lints from an empty folder', () => {
    const r = spawnSync('npx', ['--no-install', 'cfn-tls-lint', '--max-warnings', '0', 'stacks'], {
      cwd: app,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    assert.equal(r.status, 1, 'a warning beyond --max-warnings 0');
    assert.match(r.stdout, /stacks\/web\.yaml[\s\S]*elbv2-ssl-policy-weak/);
  });

  it('cfn-tls-lint-server answers initialize over stdio (the default transport)', async () => {
    const bin = path.join(app, 'node_modules', '.bin', 'cfn-tls-lint-server');
    const child = spawn(bin, [], { cwd: app, stdio: ['pipe', 'pipe', 'pipe'] });
    const conn = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    conn.listen();
    try {
      const init = await conn.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
      assert.ok(init.capabilities.hoverProvider, JSON.stringify(init).slice(0, 300));
      await conn.sendRequest(ShutdownRequest.type);
    } finally {
      conn.dispose();
      child.kill();
    }
  });
});

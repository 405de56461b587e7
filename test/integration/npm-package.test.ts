import { strict as assert } from 'assert';
import { execFileSync, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
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

/** One LSP request over a child's stdio, framed by Content-Length; resolves with its answer. */
function lspRequest(
  child: ReturnType<typeof spawn>,
  id: number,
  method: string,
  params: unknown,
): Promise<{ result?: { capabilities?: Record<string, unknown> } }> {
  const body = JSON.stringify({ jsonrpc: '2.0', id, method, params });
  child.stdin!.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  return new Promise((resolve, reject) => {
    let buffer = Buffer.alloc(0);
    const timer = setTimeout(() => reject(new Error(`no answer to ${method}`)), 30000);
    const onData = (chunk: Buffer): void => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const head = buffer.indexOf('\r\n\r\n');
        if (head < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, head).toString())?.[1]);
        if (buffer.length < head + 4 + length) return;
        const message = JSON.parse(buffer.subarray(head + 4, head + 4 + length).toString()) as {
          id?: number;
          result?: { capabilities?: Record<string, unknown> };
        };
        buffer = buffer.subarray(head + 4 + length);
        if (message.id === id) {
          clearTimeout(timer);
          child.stdout!.off('data', onData);
          resolve(message);
          return;
        }
      }
    };
    child.stdout!.on('data', onData);
  });
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
    try {
      const init = await lspRequest(child, 1, 'initialize', { processId: process.pid, rootUri: null, capabilities: {} });
      assert.ok(init.result?.capabilities?.hoverProvider, JSON.stringify(init).slice(0, 300));
      await lspRequest(child, 2, 'shutdown', null);
    } finally {
      child.kill();
    }
  });
});

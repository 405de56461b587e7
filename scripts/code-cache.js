'use strict';
// The V8 code caches next to the bundles (dist/cli.js.cache, dist/server-main.js.cache), read by
// rules/src/node/code-cache.ts. Each is written by a real run with CFN_TLS_LINT_WRITE_CODE_CACHE=1,
// so it holds the functions a lint compiles: the CLI on examples/, the server over stdio through
// initialize, the open of an example template and its diagnostics, and shutdown. A cache fits
// only the V8 that wrote it (another one rejects it and compiles, as without it), so the build
// writes it on the machine that runs it, and the .vsix does not ship it.
const fs = require('fs');
const path = require('path');
const { spawn, spawnSync } = require('child_process');

const ROOT = path.join(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const ENV = { ...process.env, CFN_TLS_LINT_WRITE_CODE_CACHE: '1', CFN_TLS_LINT_WORKERS: '0' };
delete ENV.CFN_TLS_LINT_CODE_CACHE_DIR;

function cliCache() {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'cfn-tls-lint.js'), '--format', 'json', path.join(ROOT, 'examples')], {
    cwd: ROOT,
    env: ENV,
    encoding: 'utf8',
  });
  if (run.status !== 0 && run.status !== 1) throw new Error(`code cache: the CLI run failed (${run.status}): ${run.stderr}`);
}

function serverCache() {
  const example = path.join(
    ROOT,
    'examples',
    fs.readdirSync(path.join(ROOT, 'examples')).find((f) => /\.ya?ml$/.test(f)),
  );
  const uri = `file://${example}`;
  const child = spawn(process.execPath, [path.join(DIST, 'server.js'), '--stdio'], { cwd: ROOT, env: ENV, stdio: ['pipe', 'pipe', 'inherit'] });
  const send = (msg) => {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...msg }), 'utf8');
    child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    child.stdin.write(body);
  };
  let buffer = Buffer.alloc(0);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error('code cache: the server session timed out'));
    }, 60000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`code cache: the server exited with ${code}`));
    });
    child.stdout.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const head = buffer.indexOf('\r\n\r\n');
        if (head < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, head).toString())?.[1]);
        if (buffer.length < head + 4 + length) return;
        const msg = JSON.parse(buffer.subarray(head + 4, head + 4 + length).toString('utf8'));
        buffer = buffer.subarray(head + 4 + length);
        if (msg.id === 1 && msg.result) {
          send({ method: 'initialized', params: {} });
          send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'yaml', version: 1, text: fs.readFileSync(example, 'utf8') } } });
        } else if (msg.method === 'textDocument/publishDiagnostics' && msg.params.uri === uri) {
          send({ id: 2, method: 'shutdown' });
        } else if (msg.id === 2) {
          send({ method: 'exit' });
        } else if (msg.id !== undefined && msg.method) {
          send({ id: msg.id, result: null }); // configuration, registrations
        }
      }
    });
    send({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } });
  });
}

async function writeCodeCaches() {
  for (const f of fs.readdirSync(DIST)) if (f.endsWith('.cache')) fs.rmSync(path.join(DIST, f));
  cliCache();
  if (fs.existsSync(path.join(DIST, 'server-main.js'))) await serverCache();
}

module.exports = { writeCodeCaches };

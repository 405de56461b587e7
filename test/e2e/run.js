#!/usr/bin/env node
// npm run test:e2e (after `npm run package`): the extension in a real VS Code.
//   1. the extension-host suite (suite/) in code-server, over a folder and a multi-root workspace
//   2. the UI suite (ui/) in code-server driven by Chromium, with the packaged .vsix installed
//   3. the web suite (web/): the web extension in code-server's web worker extension host
//   4. the extension-host suite under @vscode/test-electron, when a desktop VS Code is present
// Options: --only ext|ui|web|electron (repeatable). E2E_VERBOSE=1 shows the workbench's own log noise,
// E2E_KEEP=1 keeps the workspace copies, E2E_GREP filters the extension-host tests.
'use strict';
const fs = require('fs');
const path = require('path');
const { spawn, spawnSync } = require('child_process');
const H = require('./lib/harness');
const { runExtensionHostTests } = require('./lib/ext-host');
const { FailureReport } = require('./lib/failures');

const ROOT = path.resolve(__dirname, '..', '..');
const LOGS = path.join(__dirname, '.cache', 'logs');
const argv = process.argv.slice(2);
const only = argv.flatMap((a, i) => (a === '--only' ? [argv[i + 1]] : a.startsWith('--only=') ? [a.slice(7)] : []));
const wanted = (name) => !only.length || only.includes(name);

function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

async function extensionHost(name, fixture, workspaceOf) {
  const ws = H.copyFixture(fixture);
  try {
    return await runExtensionHostTests({
      extensionPath: ROOT,
      testsPath: path.join(__dirname, 'suite', 'index.js'),
      workspace: workspaceOf(ws.dir),
      logFile: path.join(LOGS, `code-server-${name}.log`),
    });
  } finally {
    if (!process.env.E2E_KEEP) ws.remove();
  }
}

/** A Playwright suite (ui/ui.test.js, web/web.test.js) under the harness's mocha; its output is shown as it comes. */
function mochaSuite(file) {
  const mocha = path.join(H.MODULES, 'mocha', 'bin', 'mocha.js');
  const child = spawn(
    process.execPath,
    [mocha, '--no-config', '--no-package', '--bail', '--timeout', '120000', '--reporter', 'spec', path.join(__dirname, file)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const failures = new FailureReport();
  child.stdout.on('data', (b) => {
    process.stdout.write(b);
    failures.add(b.toString());
  });
  return new Promise((resolve) => child.on('close', (status) => resolve({ code: status === null ? 1 : status, failures: failures.text() })));
}

function testElectron() {
  const r = spawnSync(process.execPath, [path.join(__dirname, 'electron.js')], { stdio: 'inherit' });
  return { code: r.status === null ? 1 : r.status, failures: '' };
}

async function main() {
  const why = H.missingPrerequisite();
  if (why && (wanted('ext') || wanted('ui') || wanted('web'))) {
    console.error(`test:e2e: ${why}`);
    return 1;
  }
  for (const f of ['dist/extension.js', 'dist/server.js', 'dist/web/extension.js', 'dist/web/server.js']) {
    if (!fs.existsSync(path.join(ROOT, f))) {
      console.error(`test:e2e: ${f} is missing (npm run build)`);
      return 1;
    }
  }
  fs.mkdirSync(LOGS, { recursive: true });
  const results = [];
  const step = async (name, f) => {
    const t0 = Date.now();
    console.log(`\n== ${name}`);
    const { code, failures } = await f();
    results.push({ name, code, failures, ms: Date.now() - t0 });
  };
  if (wanted('ext')) {
    await step('extension-host suite in code-server: folder workspace', () => extensionHost('folder', 'single', (ws) => ws));
    await step('extension-host suite in code-server: multi-root workspace', () =>
      extensionHost('multi-root', 'multi', (ws) => path.join(ws, 'multi.code-workspace')),
    );
  }
  if (wanted('ui')) await step('UI suite: code-server + Chromium, the packaged .vsix', () => mochaSuite(path.join('ui', 'ui.test.js')));
  if (wanted('web')) await step('web suite: the web extension in the web worker extension host', () => mochaSuite(path.join('web', 'web.test.js')));
  if (wanted('electron')) await step('extension-host suite under @vscode/test-electron', testElectron);
  console.log('\n== e2e summary');
  for (const r of results) console.log(`${r.code === 0 ? 'pass' : 'FAIL'}  ${seconds(r.ms).padStart(7)}  ${r.name}`);
  // The failures again, where a log read from its end finds them.
  for (const r of results.filter((x) => x.code !== 0 && x.failures)) console.log(`\n== failed in: ${r.name}\n${r.failures}`);
  console.log(`logs: ${path.relative(process.cwd(), LOGS)}`);
  return results.every((r) => r.code === 0) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);

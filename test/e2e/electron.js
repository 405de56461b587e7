#!/usr/bin/env node
// The extension-host suite (suite/) under @vscode/test-electron, in a desktop VS Code, over the
// same fixture workspaces as in code-server. It runs only where a desktop VS Code is present:
// VSCODE_EXECUTABLE_PATH, or a download test-electron cached before (.vscode-test/ at the
// repository root or test/e2e/.cache/vscode-test/). It never downloads: elsewhere it prints one
// line saying why it did not run and exits 0.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const H = require('./lib/harness');

const ROOT = path.resolve(__dirname, '..', '..');
const CACHES = [path.join(ROOT, '.vscode-test'), path.join(__dirname, '.cache', 'vscode-test')];
const PLATFORM_DIR = /^vscode-(linux-x64|linux-arm64|darwin|darwin-arm64|win32-x64-archive|win32-arm64-archive)-(\d+\.\d+\.\d+)$/;

/** How to start a desktop VS Code without a download, or `{ skip }` saying why there is none. */
function desktopVSCode() {
  const explicit = process.env.VSCODE_EXECUTABLE_PATH;
  if (explicit) return fs.existsSync(explicit) ? { vscodeExecutablePath: explicit } : { error: `VSCODE_EXECUTABLE_PATH=${explicit} does not exist` };
  for (const cachePath of CACHES) {
    if (!fs.existsSync(cachePath)) continue;
    const found = fs
      .readdirSync(cachePath)
      .map((d) => PLATFORM_DIR.exec(d))
      .filter(Boolean)
      .sort((a, b) => a[2].localeCompare(b[2], 'en', { numeric: true }))
      .pop();
    if (found) return { version: found[2], cachePath };
  }
  return { skip: 'no desktop VS Code here (none installed, and test-electron cannot download one offline); set VSCODE_EXECUTABLE_PATH to run it' };
}

async function main() {
  const vscode = desktopVSCode();
  if (vscode.skip) {
    console.log(`test-electron: skipped: ${vscode.skip}`);
    return 0;
  }
  if (vscode.error) {
    console.log(`test-electron: not run: ${vscode.error}`);
    return 1;
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.log('test-electron: skipped: a desktop VS Code is present but there is no display (run under xvfb-run)');
    return 0;
  }
  const { runTests } = require(path.join(H.MODULES, '@vscode', 'test-electron'));
  let failed = 0;
  for (const [fixture, target] of [
    ['single', (d) => d],
    ['multi', (d) => path.join(d, 'multi.code-workspace')],
  ]) {
    const ws = H.copyFixture(fixture);
    const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'cfn-tls-lint-electron-'));
    try {
      await runTests({
        ...vscode,
        extensionDevelopmentPath: ROOT,
        extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
        launchArgs: [
          target(ws.dir),
          '--disable-extensions',
          '--disable-workspace-trust',
          '--skip-welcome',
          '--skip-release-notes',
          `--user-data-dir=${userData}`,
        ],
      });
    } catch (e) {
      console.log(`test-electron (${fixture}): ${e && e.message ? e.message : e}`);
      failed++;
    } finally {
      ws.remove();
      fs.rmSync(userData, { recursive: true, force: true });
    }
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);

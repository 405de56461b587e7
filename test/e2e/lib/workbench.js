// What the Playwright suites (ui/, web/) do in the workbench: find the editor's lines, the status
// bar item and the Problems rows, point at a text, run a command, take the screenshots (palette
// PNGs into media/screenshots/, failures into test/e2e/.cache/screenshots/).
'use strict';
const fs = require('fs');
const path = require('path');
const { toPalettePng } = require('./png-palette');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const DOC_IMAGES = path.join(ROOT, 'media', 'screenshots');
const FAILURES = path.join(__dirname, '..', '.cache', 'screenshots');

/** Helpers on the page `getPage()` returns (the suites open it in `before`); `step`: the wait of one step (ms). */
function workbenchHelpers(getPage, { step = 30000 } = {}) {
  const page = () => getPage();
  const editorLines = () => page().locator('.editor-instance .monaco-editor .view-lines');
  const lineWith = (text) => page().locator('.editor-instance .monaco-editor .view-line', { hasText: text });
  const statusItem = () => page().locator('.statusbar-item', { hasText: /^\s*TLS \d+/ });
  const problemRows = () => page().locator('.markers-panel .monaco-list-row');

  /** Moves the mouse onto a text in the editor (not locator.hover(): it scrolls under the overlays). */
  async function pointAt(text) {
    const token = lineWith(text).locator('span span', { hasText: text }).first();
    await token.scrollIntoViewIfNeeded();
    const box = await token.boundingBox();
    return { x: box.x + Math.min(box.width / 2, 40), y: box.y + box.height / 2 };
  }

  /** The editor group's area, for small screenshots. */
  async function editorClip() {
    const box = await page().locator('.part.editor').boundingBox();
    return { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, 470) };
  }

  async function runCommand(title) {
    await page().keyboard.press('F1');
    const input = page().locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: step });
    await input.fill(`>${title}`);
    await page().locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: step });
    await page().keyboard.press('Enter');
  }

  /** Opens a file from the Explorer by a click on its row. */
  async function openExplorerFile(name, timeout = step) {
    const row = page().locator('.explorer-folders-view .monaco-list-row', { hasText: name });
    await row.first().waitFor({ timeout });
    await row.first().click();
  }

  /**
   * Opens a template from the Explorer and follows what the user sees: its squiggle, the status
   * bar item counting a TLS 1 finding, then the rule's row in the Problems panel, clicked (it
   * reveals the problem in the editor). `mark(step)` times 'squiggle' and 'problemsRow'.
   */
  async function openTemplateToItsProblem(name, rule, { wait, mark = () => {} }) {
    await openExplorerFile(name, wait);
    await editorLines().waitFor({ timeout: step });
    await page().waitForSelector('.monaco-editor .squiggly-warning', { timeout: wait });
    mark('squiggle');
    // The item counts the diagnostics shortly after they change.
    await statusItem()
      .filter({ hasText: /TLS 1\b/ })
      .first()
      .waitFor({ timeout: step });
    await page().keyboard.press('Control+Shift+M');
    const problem = problemRows().filter({ hasText: rule }).first();
    await problem.waitFor({ timeout: step });
    mark('problemsRow');
    await problem.click();
    await page().waitForSelector('.monaco-editor .squiggly-warning', { timeout: step });
    await page().mouse.move(5, 5);
  }

  /** media/screenshots/vscode-<name>.png, a palette PNG: a third of the bytes, and the extension's README packs some of them. */
  async function shot(name, clip) {
    fs.mkdirSync(DOC_IMAGES, { recursive: true });
    fs.writeFileSync(path.join(DOC_IMAGES, `vscode-${name}.png`), toPalettePng(await page().screenshot({ clip })));
  }

  async function failureShot(name) {
    fs.mkdirSync(FAILURES, { recursive: true });
    const file = path.join(FAILURES, `${name.replace(/\W+/g, '-').slice(0, 50)}.png`);
    await page()
      .screenshot({ path: file })
      .catch(() => {});
    console.log(`    screenshot of the failure: ${path.relative(process.cwd(), file)}`);
  }

  return { editorLines, lineWith, statusItem, problemRows, pointAt, editorClip, runCommand, openExplorerFile, openTemplateToItsProblem, shot, failureShot };
}

module.exports = { workbenchHelpers, DOC_IMAGES, FAILURES };

// The extension-host suite's entry (the @vscode/test-electron extensionTestsPath contract: run()
// returns a Promise). It runs inside VS Code's extension host: in code-server (test/e2e/run.js)
// or in a desktop VS Code (test/e2e/electron.js). The window's workspace picks the tests: a
// multi-root workspace (.code-workspace) gets multi-root.test.js, a folder gets folder.test.js.
'use strict';
const path = require('path');
const Mocha = require('mocha');
const vscode = require('vscode');

exports.run = function run() {
  const mocha = new Mocha({ ui: 'bdd', color: false, reporter: 'spec', timeout: 60000 });
  if (process.env.E2E_GREP) mocha.grep(process.env.E2E_GREP);
  mocha.addFile(path.join(__dirname, vscode.workspace.workspaceFile ? 'multi-root.test.js' : 'folder.test.js'));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} test${failures === 1 ? '' : 's'} failed`)) : resolve()));
  });
};

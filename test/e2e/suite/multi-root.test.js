// The extension in a multi-root workspace (fixtures/multi/multi.code-workspace): folder team-a
// scans on start-up and makes elbv2-ssl-policy-weak an error in its .cfn-tls-lint.yaml; team-b
// scans only on command (its .vscode/settings.json) and makes the rule info. Both folders hold
// the same templates.
'use strict';
const assert = require('assert');
const fs = require('fs');
const vscode = require('vscode');
const U = require('./util');

const { WEAK_RULE } = U;
const A = 0;
const B = 1;
const severityIs = (s) => (l) => l.length === 1 && U.codeOf(l[0]) === WEAK_RULE && l[0].severity === s;

describe('cfn-tls-lint in VS Code: a multi-root workspace with a config per folder', function () {
  before(async function () {
    console.log(`    ${U.where()}`);
    assert.deepStrictEqual(
      vscode.workspace.workspaceFolders.map((f) => f.name),
      ['team-a', 'team-b'],
    );
    await U.activate();
  });

  after(async function () {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it("each folder's .cfn-tls-lint.yaml sets the severity of its open files", async function () {
    const a = await U.open('listener.yaml', A);
    const b = await U.open('listener.yaml', B);
    await U.waitForDiagnostics(a.uri, severityIs(vscode.DiagnosticSeverity.Error), `${WEAK_RULE} as an error in team-a`);
    await U.waitForDiagnostics(b.uri, severityIs(vscode.DiagnosticSeverity.Information), `${WEAK_RULE} as info in team-b`);
  });

  it('the start-up scan covers the folder that asks for it; the command scans the other', async function () {
    const closedA = U.fileUri('closed/stack.yaml', A);
    const closedB = U.fileUri('closed/stack.yaml', B);
    await U.waitForDiagnostics(closedA, severityIs(vscode.DiagnosticSeverity.Error), 'the start-up scan of team-a');
    assert.deepStrictEqual(U.rules(closedB), [], 'team-b (workspaceScan: onCommand) is not scanned on start-up');
    const filled = U.waitForDiagnostics(closedB, severityIs(vscode.DiagnosticSeverity.Information), 'the scan of team-b');
    await vscode.commands.executeCommand('cfnTlsLint.scanWorkspace');
    await filled;
    await U.waitForDiagnostics(closedA, severityIs(vscode.DiagnosticSeverity.Error), 'team-a unchanged');
  });

  it("a change to one folder's config affects that folder only", async function () {
    const a = U.fileUri('listener.yaml', A);
    const b = U.fileUri('listener.yaml', B);
    const configB = U.fileUri('.cfn-tls-lint.yaml', B).fsPath;
    const original = fs.readFileSync(configB, 'utf8');
    try {
      fs.writeFileSync(configB, `rules:\n  ${WEAK_RULE}: off\n`);
      await U.waitForDiagnostics(b, U.none, `${WEAK_RULE} off in team-b`);
      await U.waitForDiagnostics(U.fileUri('closed/stack.yaml', B), U.none, `${WEAK_RULE} off in team-b's scanned file`);
      assert.ok(severityIs(vscode.DiagnosticSeverity.Error)(U.ours(a)), `team-a keeps its error: ${U.describeDiagnostics(a)}`);
    } finally {
      fs.writeFileSync(configB, original);
    }
    await U.waitForDiagnostics(b, severityIs(vscode.DiagnosticSeverity.Information), `${WEAK_RULE} back as info in team-b`);
  });

  it('a folder setting applies to that folder only', async function () {
    const a = U.fileUri('listener.yaml', A);
    const b = U.fileUri('listener.yaml', B);
    const config = vscode.workspace.getConfiguration('cfnTlsLint', vscode.workspace.workspaceFolders[A].uri);
    try {
      await config.update('enable', false, vscode.ConfigurationTarget.WorkspaceFolder);
      await U.waitForDiagnostics(a, U.none, 'nothing in team-a with cfnTlsLint.enable false there');
      assert.ok(severityIs(vscode.DiagnosticSeverity.Information)(U.ours(b)), `team-b still linted: ${U.describeDiagnostics(b)}`);
    } finally {
      await config.update('enable', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
    }
    await U.waitForDiagnostics(a, severityIs(vscode.DiagnosticSeverity.Error), 'team-a linted again');
  });
});

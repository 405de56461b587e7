// The extension in a real VS Code, over the folder workspace fixtures/single (a fresh copy per
// run; its .vscode/settings.json sets cfnTlsLint.workspaceScan to onCommand, so files are linted
// when opened and closed files only by the "Scan Workspace" command).
'use strict';
const assert = require('assert');
const fs = require('fs');
const vscode = require('vscode');
const U = require('./util');

const { WEAK_RULE, MISSING_RULE, WEAK, STRONG } = U;

describe('cfn-tls-lint in VS Code: a folder workspace', function () {
  before(async function () {
    console.log(`    ${U.where()}`);
    await U.activate();
  });

  after(async function () {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  describe('diagnostics', function () {
    it('reports on open, with the rule id as code and a link to its documentation', async function () {
      const { uri, doc } = await U.open('alb.yaml');
      const [d] = await U.waitForDiagnostics(uri, U.hasRule(WEAK_RULE), `${WEAK_RULE} on open`);
      assert.strictEqual(d.source, 'cfn-tls-lint');
      assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Warning);
      assert.strictEqual(U.codeOf(d), WEAK_RULE);
      assert.ok(d.code.target, 'the code links to the documentation');
      // The packaged rule page, opened inside VS Code (it works offline); the page links to its online copy.
      assert.strictEqual(d.code.target.toString(true), `command:cfnTlsLint.showRuleDocumentation?["${WEAK_RULE}"]`);
      assert.strictEqual(doc.getText(d.range), WEAK, 'the range is the policy value');
      assert.match(d.message, /TLS 1\.0/);
    });

    it('reports as you type, before the file is saved', async function () {
      const { uri, doc } = await U.open('settings.yaml');
      await U.waitForDiagnostics(uri, U.hasRule(WEAK_RULE), `${WEAK_RULE} on open`);
      await U.replaceText(doc, `SslPolicy: ${WEAK}`, `SslPolicy: ${STRONG}`);
      await U.waitForDiagnostics(uri, U.none, 'no problem once the policy is strong');
      assert.ok(doc.isDirty, 'the change is not saved');
      await U.replaceText(doc, `SslPolicy: ${STRONG}`, 'SslPolicy: ELBSecurityPolicy-TLS-1-1-2017-01');
      const [d] = await U.waitForDiagnostics(uri, U.hasRule(WEAK_RULE), `${WEAK_RULE} for a TLS 1.1 policy typed in`);
      assert.match(d.message, /TLS 1\.1/);
      await U.replaceText(doc, 'SslPolicy: ELBSecurityPolicy-TLS-1-1-2017-01', `SslPolicy: ${WEAK}`);
      await U.waitForDiagnostics(uri, U.hasRule(WEAK_RULE), `${WEAK_RULE} again`);
      assert.ok(await doc.save());
    });
  });

  describe('hover and completion', function () {
    it('hover on a policy value shows the TLS versions it accepts', async function () {
      const { uri, doc } = await U.open('alb.yaml');
      const at = U.rangeOf(doc, WEAK).start.translate(0, 5);
      const text = U.hoverText(await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, at));
      assert.match(text, /ELBSecurityPolicy-2016-08/);
      assert.match(text, /TLS 1\.0/, text);
      assert.match(text, /TLS 1\.2/, text);
      assert.ok(text.includes(STRONG), `the hover recommends ${STRONG}: ${text}`);
    });

    it('completes SslPolicy values, the recommended one first', async function () {
      const { uri, doc } = await U.open('completion.yaml');
      const line = U.rangeOf(doc, 'SslPolicy: ').end;
      const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', uri, line);
      const ours = list.items.filter((i) => /ELBSecurityPolicy/.test(U.label(i)) && i.detail);
      assert.ok(ours.length > 10, `policy items offered: ${list.items.map(U.label).slice(0, 20).join(', ')}`);
      const sorted = [...ours].sort((a, b) => (a.sortText || U.label(a)).localeCompare(b.sortText || U.label(b)));
      assert.strictEqual(U.label(sorted[0]), STRONG);
      assert.match(sorted[0].detail, /recommended/);
      const weak = ours.find((i) => U.label(i) === WEAK);
      assert.ok(weak, `${WEAK} is offered too`);
      assert.match(weak.detail, /TLS 1\.0/);
      assert.ok((weak.tags || []).includes(vscode.CompletionItemTag.Deprecated), 'a weak policy is marked deprecated');
    });
  });

  describe('code actions', function () {
    it('a quick fix: the preferred fix replaces the weak policy, and the file saves fixed', async function () {
      const { uri, doc } = await U.open('alb.yaml');
      const [d] = await U.waitForDiagnostics(uri, U.hasRule(WEAK_RULE), WEAK_RULE);
      const expected = [`Disable ${WEAK_RULE} for this resource`, `Disable ${WEAK_RULE} for this line`, `Show documentation for ${WEAK_RULE}`];
      const actions = await U.codeActionsWhen(
        uri,
        d.range,
        vscode.CodeActionKind.QuickFix.value,
        (list) => expected.every((t) => list.some((a) => a.title === t)),
        expected.join(', '),
      );
      const titles = actions.map((a) => a.title);
      const fix = actions.find((a) => a.isPreferred);
      assert.ok(fix, `a preferred fix among: ${titles.join(' | ')}`);
      await U.applyAction(fix);
      assert.ok(doc.getText().includes(`SslPolicy: ${STRONG}`), doc.getText());
      await U.waitForDiagnostics(uri, U.none, 'no problem after the fix');
      assert.ok(await doc.save());
      assert.ok(fs.readFileSync(uri.fsPath, 'utf8').includes(`      SslPolicy: ${STRONG}\n`));
    });

    it('"Fix all <id> problems in this file" fixes that rule only', async function () {
      const { uri, doc } = await U.open('fix-all.yaml');
      const list = await U.waitForDiagnostics(uri, (l) => U.hasRule(WEAK_RULE, 2)(l) && U.hasRule(MISSING_RULE)(l), `two ${WEAK_RULE} and one ${MISSING_RULE}`);
      const d = list.find((x) => U.codeOf(x) === WEAK_RULE);
      const title = `Fix all ${WEAK_RULE} problems in this file`;
      const actions = await U.codeActionsWhen(uri, d.range, vscode.CodeActionKind.QuickFix.value, (l) => l.some((a) => a.title === title), `"${title}"`);
      const all = actions.find((a) => a.title === title);
      await U.applyAction(all);
      const after = await U.waitForDiagnostics(uri, U.lacksRule(WEAK_RULE), `no ${WEAK_RULE} left`);
      assert.deepStrictEqual(after.map(U.codeOf), [MISSING_RULE], 'the other rule is left alone');
      assert.strictEqual(doc.getText().split(`SslPolicy: ${STRONG}`).length - 1, 2);
      assert.ok(await doc.save());
    });

    it('source.fixAll.cfn-tls-lint fixes everything, and editor.codeActionsOnSave runs it on save', async function () {
      const { uri, doc } = await U.open('on-save.yaml');
      const original = doc.getText();
      const both = (l) => U.hasRule(WEAK_RULE)(l) && U.hasRule(MISSING_RULE)(l);
      await U.waitForDiagnostics(uri, both, `${WEAK_RULE} and ${MISSING_RULE}`);
      const whole = new vscode.Range(0, 0, doc.lineCount, 0);
      const actions = await U.codeActionsWhen(uri, whole, 'source.fixAll.cfn-tls-lint', (l) => l.length > 0, 'source.fixAll.cfn-tls-lint');
      assert.deepStrictEqual(
        actions.map((a) => a.kind && a.kind.value),
        ['source.fixAll.cfn-tls-lint'],
      );
      await U.applyAction(actions[0]);
      await U.waitForDiagnostics(uri, U.none, 'no problem after source.fixAll');
      assert.strictEqual(doc.getText().split(`SslPolicy: ${STRONG}`).length - 1, 2, doc.getText());

      // Back to the broken text, then a save with the setting on: the fixes land in the file.
      await U.setText(doc, original);
      await U.waitForDiagnostics(uri, both, 'the problems again');
      const editor = vscode.workspace.getConfiguration('editor', uri);
      await editor.update('codeActionsOnSave', { 'source.fixAll.cfn-tls-lint': 'explicit' }, vscode.ConfigurationTarget.Workspace);
      try {
        await vscode.window.showTextDocument(doc);
        await vscode.commands.executeCommand('workbench.action.files.save');
        const onDisk = fs.readFileSync(uri.fsPath, 'utf8');
        assert.strictEqual(onDisk.split(`SslPolicy: ${STRONG}`).length - 1, 2, `saved with the fixes:\n${onDisk}`);
        assert.ok(!doc.isDirty);
        await U.waitForDiagnostics(uri, U.none, 'no problem after the save');
      } finally {
        await editor.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace);
      }
    });

    it('"Disable <id> for this resource" adds a Metadata suppression', async function () {
      const { uri, doc } = await U.open('disable-resource.yaml');
      const [d] = await U.waitForDiagnostics(uri, U.hasRule(WEAK_RULE), WEAK_RULE);
      const title = `Disable ${WEAK_RULE} for this resource`;
      const actions = await U.codeActionsWhen(uri, d.range, vscode.CodeActionKind.QuickFix.value, (l) => l.some((a) => a.title === title), `"${title}"`);
      const disable = actions.find((a) => a.title === title);
      await U.applyAction(disable);
      await U.waitForDiagnostics(uri, U.lacksRule(WEAK_RULE), `${WEAK_RULE} suppressed`);
      assert.match(doc.getText(), /\n {4}Metadata:\n {6}cfn-tls-lint:\n {8}ignore:\n {10}- rule: elbv2-ssl-policy-weak\n/);
      assert.ok(doc.getText().includes(`SslPolicy: ${WEAK}`), 'the value itself is unchanged');
      assert.ok(await doc.save());
    });

    it('"Disable <id> for this line" adds a disable-next-line comment', async function () {
      const { uri, doc } = await U.open('disable-line.yaml');
      const [d] = await U.waitForDiagnostics(uri, U.hasRule(WEAK_RULE), WEAK_RULE);
      const title = `Disable ${WEAK_RULE} for this line`;
      const actions = await U.codeActionsWhen(uri, d.range, vscode.CodeActionKind.QuickFix.value, (l) => l.some((a) => a.title === title), `"${title}"`);
      const disable = actions.find((a) => a.title === title);
      await U.applyAction(disable);
      await U.waitForDiagnostics(uri, U.lacksRule(WEAK_RULE), `${WEAK_RULE} suppressed`);
      assert.match(doc.getText(), new RegExp(`\\n {6}# cfn-tls-lint-disable-next-line ${WEAK_RULE}.*\\n {6}SslPolicy: ${WEAK}\\n`));
      assert.ok(await doc.save());
    });
  });

  describe('files that are not templates', function () {
    it('a Kubernetes manifest gets no diagnostics, also while it is edited', async function () {
      const uri = U.fileUri('k8s/deployment.yaml');
      const published = U.nextPublish(uri, 'the (empty) result for the manifest').catch(() => null);
      const { doc } = await U.open('k8s/deployment.yaml');
      // A barrier in case nothing is published for a non-template: a template opened after it is linted.
      const barrier = U.open('completion.yaml').then(({ uri: t }) => U.waitForDiagnostics(t, () => true, 'the barrier template'));
      await Promise.race([published, barrier]);
      assert.deepStrictEqual(U.rules(uri), []);
      const next = U.nextPublish(uri, 'the result after an edit').catch(() => null);
      await U.replaceText(doc, 'replicas: 2', 'replicas: 3');
      await Promise.race([next, barrier]);
      assert.deepStrictEqual(U.rules(uri), []);
      assert.deepStrictEqual(vscode.languages.getDiagnostics(uri), [], 'nobody reports on it');
      await doc.save();
    });
  });

  describe('workspace scan', function () {
    const rel = 'stacks/closed/never-opened.yaml';
    const uri = () => U.fileUri(rel);

    it('"Scan Workspace" fills diagnostics for files that were never opened', async function () {
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri().toString()), 'the file is not open');
      assert.deepStrictEqual(U.rules(uri()), [], 'nothing before the scan (workspaceScan: onCommand)');
      const filled = U.waitForDiagnostics(uri(), U.hasRule(WEAK_RULE), `${WEAK_RULE} from the scan`);
      await vscode.commands.executeCommand('cfnTlsLint.scanWorkspace');
      const [d] = await filled;
      assert.strictEqual(d.range.start.line, 9);
      assert.ok(!vscode.workspace.textDocuments.some((x) => x.uri.toString() === uri().toString()), 'still not open');
    });

    it('keeps the closed file current when it changes on disk, and clears it when deleted', async function () {
      const original = fs.readFileSync(uri().fsPath, 'utf8');
      fs.writeFileSync(uri().fsPath, original.replace(WEAK, STRONG));
      await U.waitForDiagnostics(uri(), U.none, 'no problem after the fix on disk');
      fs.writeFileSync(uri().fsPath, original.replace(`      SslPolicy: ${WEAK}\n`, ''));
      await U.waitForDiagnostics(uri(), (l) => U.hasRule(MISSING_RULE)(l) && U.lacksRule(WEAK_RULE)(l), `${MISSING_RULE} after the policy is removed on disk`);
      fs.rmSync(uri().fsPath);
      await U.waitForDiagnostics(uri(), U.none, 'no diagnostics for a deleted file');
      fs.writeFileSync(uri().fsPath, original);
      await U.waitForDiagnostics(uri(), U.hasRule(WEAK_RULE), `${WEAK_RULE} for the re-created file`);
    });
  });

  describe('configuration without a reload', function () {
    it('a cfnTlsLint.rules setting changes the severity, cfnTlsLint.enable turns linting off and on', async function () {
      const { uri } = await U.open('settings.yaml');
      const closed = U.fileUri('stacks/closed/never-opened.yaml');
      await U.waitForDiagnostics(uri, U.hasRule(WEAK_RULE), WEAK_RULE);
      await vscode.commands.executeCommand('cfnTlsLint.scanWorkspace');
      await U.waitForDiagnostics(closed, U.hasRule(WEAK_RULE), `${WEAK_RULE} from the scan`);
      const config = () => vscode.workspace.getConfiguration('cfnTlsLint', uri);
      try {
        await config().update('rules', { [WEAK_RULE]: 'error' }, vscode.ConfigurationTarget.Workspace);
        await U.waitForDiagnostics(uri, (l) => l.length === 1 && l[0].severity === vscode.DiagnosticSeverity.Error, `${WEAK_RULE} as an error`);
        await config().update('rules', { [WEAK_RULE]: 'off' }, vscode.ConfigurationTarget.Workspace);
        await U.waitForDiagnostics(uri, U.none, `${WEAK_RULE} off`);
        await config().update('rules', undefined, vscode.ConfigurationTarget.Workspace);
        await U.waitForDiagnostics(uri, (l) => l.length === 1 && l[0].severity === vscode.DiagnosticSeverity.Warning, `${WEAK_RULE} back as a warning`);
        await config().update('enable', false, vscode.ConfigurationTarget.Workspace);
        await U.waitForDiagnostics(uri, U.none, 'nothing with cfnTlsLint.enable false');
        await U.waitForDiagnostics(closed, U.none, 'scan results cleared too');
      } finally {
        await config().update('rules', undefined, vscode.ConfigurationTarget.Workspace);
        await config().update('enable', undefined, vscode.ConfigurationTarget.Workspace);
      }
      await U.waitForDiagnostics(uri, U.hasRule(WEAK_RULE), `${WEAK_RULE} after enabling again`);
      // workspaceScan is onCommand here: the folder had been scanned, so enabling scans it again.
      await U.waitForDiagnostics(closed, U.hasRule(WEAK_RULE), `${WEAK_RULE} for the closed file after enabling again`);
    });

    it('a .cfn-tls-lint.yaml created, changed and deleted applies to open and scanned files', async function () {
      const { uri } = await U.open('settings.yaml');
      const closed = U.fileUri('stacks/closed/never-opened.yaml');
      await U.waitForDiagnostics(uri, U.hasRule(WEAK_RULE), WEAK_RULE);
      // The folder is scanned (a no-op for the results when the test before ran: they are back).
      await vscode.commands.executeCommand('cfnTlsLint.scanWorkspace');
      await U.waitForDiagnostics(closed, U.hasRule(WEAK_RULE), `${WEAK_RULE} from the scan`);
      const configFile = U.fileUri('.cfn-tls-lint.yaml').fsPath;
      try {
        fs.writeFileSync(configFile, `rules:\n  ${WEAK_RULE}: error\n`);
        const isError = (l) => l.length === 1 && l[0].severity === vscode.DiagnosticSeverity.Error;
        await U.waitForDiagnostics(uri, isError, `${WEAK_RULE} as an error (open file)`);
        await U.waitForDiagnostics(closed, isError, `${WEAK_RULE} as an error (scanned file)`);
        fs.writeFileSync(configFile, `rules:\n  ${WEAK_RULE}: off\n`);
        await U.waitForDiagnostics(uri, U.none, `${WEAK_RULE} off (open file)`);
        await U.waitForDiagnostics(closed, U.none, `${WEAK_RULE} off (scanned file)`);
      } finally {
        fs.rmSync(configFile, { force: true });
      }
      const isWarning = (l) => l.length === 1 && l[0].severity === vscode.DiagnosticSeverity.Warning;
      await U.waitForDiagnostics(uri, isWarning, `${WEAK_RULE} back after the config is deleted (open file)`);
      await U.waitForDiagnostics(closed, isWarning, `${WEAK_RULE} back after the config is deleted (scanned file)`);
    });
  });

  // Last: it kills the server. The client restarts it (client/src/crash-recovery.ts), and the new
  // server must bring every diagnostic back by itself.
  describe('a server that dies', function () {
    it('is restarted: the open document is linted in its current text, and the scanned workspace again', async function () {
      const [pid] = U.serverPids();
      if (!pid) {
        console.log('      (skipped: no /proc to find the server process)');
        this.skip();
      }
      const rel = 'restart.yaml';
      fs.writeFileSync(U.fileUri(rel).fsPath, fs.readFileSync(U.fileUri('stacks/closed/never-opened.yaml').fsPath, 'utf8'));
      const { uri, doc } = await U.open(rel);
      await U.waitForDiagnostics(uri, U.hasRule(WEAK_RULE), `${WEAK_RULE} before the crash`);
      const closed = U.fileUri('stacks/closed/never-opened.yaml');
      await vscode.commands.executeCommand('cfnTlsLint.scanWorkspace');
      await U.waitForDiagnostics(closed, U.hasRule(WEAK_RULE), `${WEAK_RULE} from the scan before the crash`);
      // What the closed file shows from the crash on: the dead server's results go, the new one's come.
      const seen = [];
      const sub = vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some((u) => u.toString() === closed.toString())) seen.push(U.rules(closed));
      });
      try {
        process.kill(pid, 'SIGKILL');
        // Edited while the server is down: the restarted server gets the current text.
        await U.replaceText(doc, `SslPolicy: ${WEAK}`, 'SslPolicy: ELBSecurityPolicy-TLS-1-1-2017-01');
        await U.waitForDiagnostics(
          uri,
          (l) => l.some((x) => U.codeOf(x) === WEAK_RULE && /TLS 1\.1/.test(x.message)),
          `${WEAK_RULE} (TLS 1.1) for the text edited while the server was down`,
        );
        const fresh = await U.poll('a new server process', () => U.serverPids().find((p) => p !== pid));
        assert.notStrictEqual(fresh, pid);
        await U.waitForDiagnostics(closed, U.hasRule(WEAK_RULE), `${WEAK_RULE} for the closed file, from the new server's scan`);
        assert.ok(
          seen.some((rules) => rules.length === 0),
          `the dead server's results were cleared first: ${JSON.stringify(seen)}`,
        );
      } finally {
        sub.dispose();
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
        fs.rmSync(U.fileUri(rel).fsPath, { force: true });
      }
    });
  });
});

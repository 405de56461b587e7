/**
 * The VS Code client: starts the bundled server (dist/server.js) over IPC, and
 * adds the commands, the status bar item, the "TLS Inventory" view and the
 * output channel. Everything about templates happens in the server.
 */
import path = require('path');
import * as vscode from 'vscode';
import { ExecuteCommandRequest, LanguageClient, LanguageClientOptions, ServerOptions, TransportKind, WorkDoneProgress } from 'vscode-languageclient/node';
import { CrashRecovery } from './crash-recovery';
import { registerInventory } from './inventory-view';
import { registerRuleDocs } from './rule-docs-view';
import { DiagnosticCounts, statusText, statusTooltip } from './status-counts';
import {
  CDK_SOURCE_LANGUAGES,
  DID_LINT_NOTIFICATION,
  type DidLintParams,
  SCAN_COMMAND,
  SCAN_NOTIFICATION,
  type ScanNotificationParams,
  type ScanSummary,
} from '../../server/src/protocol';

const SOURCE = 'cfn-tls-lint';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('CloudFormation TLS Lint');
  /** The client's own lines, beside the server's (which the language client prefixes with their level and time). */
  const log = (line: string): void => output.appendLine(`[Client - ${new Date().toLocaleTimeString()}] ${line}`);
  const docs = registerRuleDocs(context, log);
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  // VS Code's Node.js rejects the build's code cache (another V8): the server keeps its own here.
  const env = { ...process.env, CFN_TLS_LINT_CODE_CACHE_DIR: path.join(context.globalStorageUri.fsPath, 'code-cache') };
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { env } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { env, execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const status = new StatusItem(() => client?.diagnostics);
  // Called only once the client runs, after `inventory` is set.
  const recovery = new CrashRecovery(() => {
    status.scanning(false);
    inventory.scanning(false);
  });
  const clientOptions: LanguageClientOptions = {
    // Any scheme: untitled buffers and virtual workspaces lint their open documents.
    documentSelector: [
      { language: 'yaml' },
      { language: 'json' },
      { language: 'cloudformation' },
      { pattern: '**/*.template' },
      { pattern: '**/*.cfn.{yaml,yml,json}' },
      // A CDK app's sources: the findings of its cloud assembly on the lines that create constructs.
      ...CDK_SOURCE_LANGUAGES.map((language) => ({ scheme: 'file', language })),
    ],
    outputChannel: output,
    diagnosticCollectionName: SOURCE,
    synchronize: { configurationSection: ['cfnTlsLint', 'files.exclude', 'search.exclude'] },
    errorHandler: recovery,
    middleware: docs.middleware,
  };
  client = new LanguageClient('cfnTlsLint', 'CloudFormation TLS Lint', serverOptions, clientOptions);
  context.subscriptions.push(output, status, recovery.attach(client));
  const inventory = registerInventory(context, client);
  client.onNotification(DID_LINT_NOTIFICATION, (p: DidLintParams) => status.linted(p.uri));
  client.onNotification(SCAN_NOTIFICATION, (p: ScanNotificationParams) => {
    recovery.scanSeen();
    status.scanning(p.state === 'started');
    inventory.scanning(p.state === 'started');
  });

  context.subscriptions.push(
    vscode.commands.registerCommand('cfnTlsLint.scanWorkspace', async () => {
      const c = client;
      if (!c) return;
      const r = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, cancellable: true, title: 'CloudFormation TLS Lint: scanning workspace' },
        (progress, token) => scanWithProgress(c, progress, token),
      );
      if (r) {
        const what = r.cancelled ? 'Scan cancelled' : 'Scan finished';
        void vscode.window.showInformationMessage(
          `CloudFormation TLS Lint: ${what}: ${r.templates} template${r.templates === 1 ? '' : 's'} in ${r.files} file${r.files === 1 ? '' : 's'}, ${r.problems} problem${r.problems === 1 ? '' : 's'}.`,
        );
      }
    }),
    vscode.commands.registerCommand('cfnTlsLint.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('cfnTlsLint.restartServer', async () => {
      if (!client) return;
      log('Restarting the server: the "Restart Server" command was run.');
      recovery.manualRestart();
      await client.restart();
      log('The server was restarted.');
    }),
    vscode.commands.registerCommand('cfnTlsLint.showProblems', showProblems),
    vscode.languages.onDidChangeDiagnostics((e) => status.diagnosticsChanged(e.uris)),
  );
  await client.start();
}

let scanTokens = 0;

/**
 * Runs the server's scan on a work-done token of ours, so its progress shows in our notification,
 * and cancels the request when the user cancels the notification (the server then answers with
 * the summary so far, `cancelled: true`).
 */
async function scanWithProgress(
  c: LanguageClient,
  progress: vscode.Progress<{ message?: string; increment?: number }>,
  token: vscode.CancellationToken,
): Promise<ScanSummary | null> {
  const workDoneToken = `cfnTlsLint.scan.${process.pid}.${++scanTokens}`;
  let done = 0;
  const sub = c.onProgress(WorkDoneProgress.type, workDoneToken, (v) => {
    if (v.kind === 'end') return;
    const increment = v.percentage !== undefined && v.percentage > done ? v.percentage - done : undefined;
    if (v.percentage !== undefined) done = Math.max(done, v.percentage);
    progress.report({ message: v.message, increment });
  });
  try {
    return (await c.sendRequest(ExecuteCommandRequest.type, { command: SCAN_COMMAND, arguments: [], workDoneToken }, token)) as ScanSummary | null;
  } catch (e) {
    if (token.isCancellationRequested) return null; // answered RequestCancelled
    throw e;
  } finally {
    sub.dispose();
  }
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) await c.stop();
}

/**
 * Opens the Problems panel. VS Code has no command that sets the panel's filter (1.82 to 1.139
 * have `problems.action.focusFilter`, which only focuses the box), so it is not filtered.
 */
async function showProblems(): Promise<void> {
  try {
    await vscode.commands.executeCommand('workbench.action.problems.focus');
  } catch {
    await vscode.commands.executeCommand('workbench.actions.view.problems');
  }
}

/**
 * The number of cfn-tls-lint problems: counted from the language client's diagnostics for the
 * documents each onDidChangeDiagnostics names, at once, so it always agrees with the squiggles.
 * The tooltip splits it by severity and names the last open document linted; a click opens Problems.
 */
class StatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('cfnTlsLint.status', vscode.StatusBarAlignment.Left, 10);
  private readonly counts = new DiagnosticCounts();
  private lastLint: { file: string; at: Date } | undefined;
  private busy = false;

  constructor(private readonly collection: () => vscode.DiagnosticCollection | undefined) {
    this.item.name = 'CloudFormation TLS Lint';
    this.item.command = 'cfnTlsLint.showProblems';
    this.update();
    this.item.show();
  }

  linted(uri: string): void {
    let file = uri;
    try {
      file = path.posix.basename(vscode.Uri.parse(uri).path) || uri;
    } catch {
      // not a URI: shown as it is
    }
    this.lastLint = { file, at: new Date() };
    this.update();
  }

  scanning(busy: boolean): void {
    this.busy = busy;
    this.update();
  }

  diagnosticsChanged(uris: readonly vscode.Uri[]): void {
    const collection = this.collection();
    for (const uri of uris) {
      let list: readonly vscode.Diagnostic[] = [];
      try {
        list = collection?.get(uri) ?? [];
      } catch {
        // The collection of a stopped client is disposed: its diagnostics are gone.
      }
      this.counts.set(
        uri.toString(),
        list.filter((d) => d.source === SOURCE).map((d) => d.severity),
      );
    }
    this.update();
  }

  private update(): void {
    const totals = this.counts.totals;
    this.item.text = statusText(totals, this.busy);
    this.item.tooltip = statusTooltip(totals, this.busy, this.lastLint);
  }

  dispose(): void {
    this.item.dispose();
  }
}

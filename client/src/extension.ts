/**
 * The VS Code client: starts the bundled server (dist/server.js) over IPC, and
 * adds the commands, the status bar item, the "TLS Inventory" view and the
 * output channel. Everything about templates happens in the server.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { ExecuteCommandRequest, LanguageClient, LanguageClientOptions, ServerOptions, TransportKind, WorkDoneProgress } from 'vscode-languageclient/node';
import { CrashRecovery } from './crash-recovery';
import { registerInventory } from './inventory';
import {
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
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const status = new StatusItem();
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
    ],
    outputChannel: output,
    diagnosticCollectionName: SOURCE,
    synchronize: { configurationSection: ['cfnTlsLint', 'files.exclude', 'search.exclude'] },
    errorHandler: recovery,
  };
  client = new LanguageClient('cfnTlsLint', 'CloudFormation TLS Lint', serverOptions, clientOptions);
  context.subscriptions.push(output, status, recovery.attach(client));
  const inventory = registerInventory(context, client);
  client.onNotification(DID_LINT_NOTIFICATION, (p: DidLintParams) => status.linted(p.ms));
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
      output.appendLine('Restarting the server…');
      recovery.manualRestart();
      await client.restart();
    }),
    vscode.languages.onDidChangeDiagnostics(() => status.schedule()),
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

/** Findings count and the last lint time; a click opens the Problems panel. */
class StatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('cfnTlsLint.status', vscode.StatusBarAlignment.Left, 10);
  private lastLint: { at: Date; ms: number } | undefined;
  private busy = false;
  private timer: NodeJS.Timeout | undefined;

  constructor() {
    this.item.name = 'CloudFormation TLS Lint';
    this.item.command = 'workbench.actions.view.problems';
    this.update();
    this.item.show();
  }

  linted(ms: number): void {
    this.lastLint = { at: new Date(), ms };
    this.schedule();
  }

  scanning(busy: boolean): void {
    this.busy = busy;
    this.update();
  }

  schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.update();
    }, 250);
  }

  private update(): void {
    let errors = 0;
    let warnings = 0;
    let infos = 0;
    for (const [, list] of vscode.languages.getDiagnostics()) {
      for (const d of list) {
        if (d.source !== SOURCE) continue;
        if (d.severity === vscode.DiagnosticSeverity.Error) errors++;
        else if (d.severity === vscode.DiagnosticSeverity.Warning) warnings++;
        else infos++;
      }
    }
    this.item.text = `${this.busy ? '$(sync~spin)' : '$(shield)'} TLS ${errors + warnings + infos}`;
    const last = this.lastLint ? `Last lint ${this.lastLint.at.toLocaleTimeString()} (${this.lastLint.ms} ms).` : 'Nothing linted yet.';
    this.item.tooltip = `CloudFormation TLS Lint: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${infos} info${this.busy ? '; scanning the workspace…' : '.'}\n${last}\nClick to open the Problems panel.`;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.item.dispose();
  }
}

/**
 * What the desktop client (extension.ts: the server in Node over IPC) and the web client
 * (browser-extension.ts: the server in a Web Worker) share: the output channel, the rule pages,
 * the status bar item, the "TLS Inventory" view, the commands and the crash recovery. Nothing
 * here needs Node: the entries bring their own language client.
 */
import * as vscode from 'vscode';
import {
  BaseLanguageClient,
  DidChangeConfigurationNotification,
  DocumentFilter,
  ExecuteCommandRequest,
  LanguageClientOptions,
  WorkDoneProgress,
} from 'vscode-languageclient';
import { CrashRecovery } from './crash-recovery';
import { registerInventory } from './inventory-view';
import { registerRuleDocs } from './rule-docs-view';
import { DiagnosticCounts, statusText, statusTooltip } from './status-counts';
import { Problem, ProblemPickItem, problemPickItems, problemPickTitle } from './problems-pick';
import {
  DID_LINT_NOTIFICATION,
  type DidLintParams,
  SCAN_COMMAND,
  SCAN_NOTIFICATION,
  type ScanNotificationParams,
  type ScanSummary,
  SETTINGS_SECTIONS,
} from '../../server/src/protocol';

const SOURCE = 'cfn-tls-lint';

let client: BaseLanguageClient | undefined;

export interface ClientEntry {
  /** The language client for these options (not started). */
  create(options: LanguageClientOptions): BaseLanguageClient;
  /** Documents beyond the templates (the desktop: a CDK app's sources). */
  moreDocuments?: DocumentFilter[];
  /** What the entry adds once the client exists (the web client: the file requests of its server). */
  attach?(client: BaseLanguageClient, context: vscode.ExtensionContext): void;
}

/** Activates the extension with the entry's language client; resolves once the client runs. */
export async function activateClient(context: vscode.ExtensionContext, entry: ClientEntry): Promise<BaseLanguageClient> {
  const output = vscode.window.createOutputChannel('CloudFormation TLS Lint');
  /** The client's own lines, beside the server's (which the language client prefixes with their level and time). */
  const log = (line: string): void => output.appendLine(`[Client - ${new Date().toLocaleTimeString()}] ${line}`);
  const docs = registerRuleDocs(context, log);
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
      ...(entry.moreDocuments ?? []),
    ],
    outputChannel: output,
    diagnosticCollectionName: SOURCE,
    errorHandler: recovery,
    middleware: docs.middleware,
  };
  const c = (client = entry.create(clientOptions));
  context.subscriptions.push(output, status, recovery.attach(c));
  const inventory = registerInventory(context, c);
  c.onNotification(DID_LINT_NOTIFICATION, (p: DidLintParams) => status.linted(p.uri));
  c.onNotification(SCAN_NOTIFICATION, (p: ScanNotificationParams) => {
    recovery.scanSeen();
    status.scanning(p.state === 'started');
    inventory.scanning(p.state === 'started');
  });
  entry.attach?.(c, context);
  // Not `synchronize.configurationSection`: it reads the sections without a resource (VS Code logs a
  // warning for the resource-scoped excludes on every change) to push values the server does not use:
  // the server asks for each folder's settings itself.
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (c.isRunning() && SETTINGS_SECTIONS.some((s) => e.affectsConfiguration(s))) {
        c.sendNotification(DidChangeConfigurationNotification.type, { settings: null }).catch(() => undefined);
      }
    }),
  );

  context.subscriptions.push(
    vscode.commands.registerCommand('cfnTlsLint.scanWorkspace', async () => {
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
      log('Restarting the server: the "Restart Server" command was run.');
      recovery.manualRestart();
      await restart(c);
      log('The server was restarted.');
    }),
    vscode.commands.registerCommand('cfnTlsLint.showProblems', () => showProblems(c.diagnostics)),
    vscode.languages.onDidChangeDiagnostics((e) => status.diagnosticsChanged(e.uris)),
  );
  await docs.ready;
  await c.start();
  return c;
}

export async function deactivateClient(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) await c.stop();
}

/** The Node client's restart (a new server process); the web client's server is stopped and started again in its worker. */
async function restart(c: BaseLanguageClient & { restart?: () => Promise<void> }): Promise<void> {
  if (c.restart) return c.restart();
  await c.stop();
  await c.start();
}

let scanTokens = 0;

/**
 * Runs the server's scan on a work-done token of ours, so its progress shows in our notification,
 * and cancels the request when the user cancels the notification (the server then answers with
 * the summary so far, `cancelled: true`).
 */
async function scanWithProgress(
  c: BaseLanguageClient,
  progress: vscode.Progress<{ message?: string; increment?: number }>,
  token: vscode.CancellationToken,
): Promise<ScanSummary | null> {
  const workDoneToken = `cfnTlsLint.scan.${Date.now().toString(36)}.${++scanTokens}`;
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

/** Opens the Problems panel (every source: VS Code has no command that sets the panel's filter). */
async function openProblemsPanel(): Promise<void> {
  try {
    await vscode.commands.executeCommand('workbench.action.problems.focus');
  } catch {
    await vscode.commands.executeCommand('workbench.actions.view.problems');
  }
}

/**
 * The status bar item's click: this extension's problems only, in a quick pick (problems-pick.ts),
 * since the Problems panel cannot be opened filtered (1.82 to 1.139 have
 * `problems.action.focusFilter`, which only focuses the box). Its first entry opens the panel.
 */
async function showProblems(collection: vscode.DiagnosticCollection | undefined): Promise<void> {
  const problems: Problem[] = [];
  try {
    collection?.forEach((uri, list) => {
      for (const d of list) {
        if (d.source !== SOURCE) continue;
        const code = typeof d.code === 'object' ? String(d.code.value) : d.code === undefined ? undefined : String(d.code);
        const { line, character } = d.range.start;
        problems.push({ uri: uri.toString(), file: vscode.workspace.asRelativePath(uri), severity: d.severity, line, character, message: d.message, code });
      }
    });
  } catch {
    // The collection of a stopped client is disposed: no problems to list.
  }
  const entries = problemPickItems(problems);
  const items = entries.map((e): vscode.QuickPickItem & { entry: ProblemPickItem } =>
    e.kind === 'separator'
      ? { label: e.label, kind: vscode.QuickPickItemKind.Separator, entry: e }
      : { label: e.label, description: e.kind === 'panel' ? e.description : undefined, detail: e.kind === 'problem' ? e.detail : undefined, entry: e },
  );
  const picked = await vscode.window.showQuickPick(items, { placeHolder: problemPickTitle(problems), matchOnDetail: true });
  if (!picked) return;
  if (picked.entry.kind === 'panel') return openProblemsPanel();
  if (picked.entry.kind !== 'problem') return;
  const { uri, line, character } = picked.entry.problem;
  const at = new vscode.Position(line, character);
  await vscode.window.showTextDocument(vscode.Uri.parse(uri), { selection: new vscode.Range(at, at) });
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
      file = vscode.Uri.parse(uri).path.split('/').pop() || uri;
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

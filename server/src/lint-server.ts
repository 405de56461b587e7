import path = require('path');
import {
  CancellationToken,
  CodeAction,
  Connection,
  Diagnostic,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  ExecuteCommandParams,
  ExecuteCommandRequest,
  FileChangeType,
  InitializeParams,
  InitializeResult,
  ResponseError,
  SetTraceNotification,
  TextDocuments,
  Trace,
  WatchKind,
} from './lsp';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAME, ConfigError, isCandidateFile, LintResult, ParsedDocument, Settings } from '../../rules/src/index';
import { throwIfCancelled } from './cancel';
import { editorCapabilities, guarded, guardedRequest } from './handlers';
import { ActionOptions, codeActions, fixAllEdit, ResolveData } from './code-actions';
import { completion } from './completion';
import { ConfigDiagnostics } from './config-diagnostics';
import { ConfigService } from './config-service';
import { adaptiveDebounceMs, withLintSample } from './debounce';
import { CdkSources } from './cdk-sources';
import type { EditorSettings } from './settings';
import { inlayHints } from './inlay-hints';
import type { DocView } from './doc-view';
import { Folder, Folders } from './folders';
import { hover } from './hover';
import { keptFindings } from './kept-findings';
import {
  DID_LINT_NOTIFICATION,
  DidLintParams,
  INVENTORY_CHANGED_NOTIFICATION,
  INVENTORY_COMMAND,
  INVENTORY_REQUEST,
  InventoryParams,
  SCAN_COMMAND,
  SHOW_DOCUMENTATION_COMMAND,
  type EditorTemplateInventory,
} from './protocol';
import { InventoryService, OpenDocument } from './inventory-service';
import type { ServerExtensions } from './extensions';
import { Linter, LintOutcome } from './linter';
import { Log } from './log';
import { notLintedDiagnostic } from './notices';
import { documentationUri, quoteArgument } from './show-documentation';
import { lspDiagnostics, ScanRequest, ScanSummary, WorkspaceScanner } from './workspace-scanner';
import { fileNameOf, fileUri, uriKey, uriToPath } from './uri';

/** The package version, defined by the bundler (scripts/build.js); absent when run from tsc's output. */
declare const CLI_VERSION: string | undefined;
const VERSION = typeof CLI_VERSION === 'string' ? CLI_VERSION : '0.0.0-dev';

/** One version of an open document: its text, frozen (the live TextDocument changes in place). */
interface Snapshot {
  version: number;
  doc: TextDocument;
  /** The main thread's parse (hover, completion, code actions), made only when one of them needs it. */
  parse?: ParsedDocument;
  /** The rules' run on this version with these settings (in the lint worker). */
  lint?: { stamp: string; outcome: Promise<LintOutcome | undefined> };
  /** The lint as one LintResult (its parse made on first use), for the lint it was built from; the worker's inventory entry. */
  view?: { lint: Promise<LintOutcome | undefined>; result: LintResult; inventory?: EditorTemplateInventory | null };
}

/** An open document's current version, with the settings it is linted with. */
interface Current {
  uri: string;
  fileName: string;
  settings: Settings;
  /** The editor's own settings for the document's folder. */
  editor: EditorSettings;
  stamp: string;
  snap: Snapshot;
}

interface Capabilities {
  watchedFilesDynamic: boolean;
  documentChanges: boolean;
  resolve: boolean;
  showDocument: boolean;
}

function isConfigFile(p: string | undefined): boolean {
  return !!p && path.basename(p) === CONFIG_FILE_NAME;
}

/**
 * The language server: LSP in, engine calls out. One parse and one lint per
 * document version (shared by diagnostics, code actions, hover and completion);
 * validation debounced per document, never two at once for one document, never
 * published for a version that is not the latest. Closed files are the
 * workspace scanner's.
 */
export class LintServer {
  private readonly documents = new TextDocuments(TextDocument);
  private readonly log: Log;
  private readonly linter: Linter;
  private readonly config: ConfigService;
  private readonly configDiagnostics: ConfigDiagnostics;
  private readonly folders: Folders;
  private readonly scanner: WorkspaceScanner;
  private readonly inventory: InventoryService;
  /** Findings of a CDK app's cloud assembly on its open source files. */
  private readonly cdk: CdkSources;
  private caps: Capabilities = { watchedFilesDynamic: false, documentChanges: false, resolve: false, showDocument: false };
  /** `initializationOptions.debounceMs` (tests): one debounce for every document instead of the adaptive one. */
  private fixedDebounceMs: number | undefined;
  /** Recent lint times per open document, which its debounce follows (debounce.ts). */
  private readonly lintTimes = new Map<string, number[]>();
  /** The debounce before each document's scheduled lint, for the verbose log. */
  private readonly waited = new Map<string, number>();
  /** Per open document, the last version the rules ran on: its text and findings (kept-findings.ts). */
  private readonly lastParsed = new Map<string, { text: string; findings: Diagnostic[] }>();
  /** The workspace scan, waiting for the open documents' lints (`openLintsSettled`). */
  private idleWaiters: (() => void)[] = [];
  private readonly snapshots = new Map<string, Snapshot>();
  /** Open documents by path (or URI when not a file), to their URI. */
  private readonly openByKey = new Map<string, string>();
  /** Scheduled validations: each entry cancels its own (a timeout, or an immediate for no debounce). */
  private readonly timers = new Map<string, () => void>();
  private readonly justOpened = new Set<string>();
  private readonly running = new Set<string>();
  private readonly rerun = new Set<string>();
  private shuttingDown = false;
  /** The start-up log line, written once the rules are loaded. */
  private started = '';
  /** Folders whose scan results `cfnTlsLint.enable: false` dropped (paths): enabling again rescans them. */
  private readonly scannedBeforeDisable = new Set<string>();

  /** `workerScript`: the file the lint worker thread runs (dist/server.js itself); none: lint on the main thread. */
  constructor(
    private readonly connection: Connection,
    workerScript?: string,
    private readonly ext: ServerExtensions = {},
  ) {
    this.log = new Log(connection);
    this.linter = new Linter(this.log, workerScript, ext);
    this.configDiagnostics = new ConfigDiagnostics(
      connection,
      () => this.linter.registry,
      this.log,
      (file) => this.openByKey.get(path.resolve(file)),
    );
    this.config = new ConfigService(
      () => this.linter.registry,
      (c) => this.configDiagnostics.loaded(c),
      (errors) => this.reportSettingsErrors(errors),
      (message) => this.log.errorOnce(`environments ${message}`, `cfn-tls-lint: ${message}; that environment is left out`),
    );
    this.folders = new Folders(connection, this.config, this.log);
    this.scanner = new WorkspaceScanner(
      connection,
      this.folders,
      this.config,
      this.linter,
      (file) => this.isOpen(file),
      () => this.openLintsSettled(),
    );
    this.inventory = new InventoryService(
      {
        folders: () => this.folders.list,
        folderOf: (file) => this.folders.folderOf(file),
        openDocuments: () => this.openViews(),
        scannedFiles: () => this.scanner.files(),
        lintFromDisk: (file, name) => this.scanner.lintForReport(file, name),
      },
      (p) => void connection.sendNotification(INVENTORY_CHANGED_NOTIFICATION, p),
      (e) =>
        this.log.errorOnce(
          `inventory ${e instanceof Error ? e.message : String(e)}`,
          `cfn-tls-lint: inventory failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
        ),
    );
    this.scanner.listener = this.inventory;
    this.cdk = new CdkSources({
      settingsFor: async (file) => {
        const folder = this.folders.folderOf(file);
        return this.config.settingsFor(file, folder?.path, await this.folders.stableSettings(folder)).settings;
      },
      lint: async (text, file, settings) => (await this.linter.lint(text, file, settings, fileUri(file), { background: true }))?.diagnostics,
    });
  }

  /** Whether the client asked the server to shut down (an exit is then expected, with code 0). */
  get shutdownRequested(): boolean {
    return this.shuttingDown;
  }

  listen(): void {
    const c = this.connection;
    c.onInitialize((p) => this.initialize(p));
    c.onInitialized(() => void this.guard('initialization', () => this.initialized()));
    c.onShutdown(() => {
      this.shuttingDown = true;
      this.scanner.stop();
      this.inventory.dispose();
      for (const cancel of this.timers.values()) cancel();
      this.linter.dispose();
      this.releaseIdleWaiters();
    });
    // Replaces the library's handler, which keeps the level to itself: it is handed on, and the log reads it too.
    c.onNotification(SetTraceNotification.type, (p) => {
      this.log.verbose = p.value === 'verbose';
      (c.tracer as unknown as { trace: Trace }).trace = Trace.fromString(p.value);
    });
    this.documents.onDidOpen((e) => {
      this.openByKey.set(uriKey(e.document.uri), e.document.uri);
      this.justOpened.add(e.document.uri);
      this.schedule(e.document.uri, 0);
    });
    this.documents.onDidChangeContent((e) => {
      // Fired for the open too: onDidOpen scheduled that one without a debounce.
      if (this.justOpened.delete(e.document.uri)) return;
      void this.guard('change', () => this.onChange(e.document.uri));
    });
    this.documents.onDidSave((e) => void this.guard('save', () => this.onSave(e.document.uri)));
    this.documents.onDidClose((e) => void this.guard('close', () => this.onClose(e.document.uri)));
    this.documents.listen(c);
    c.onDidChangeConfiguration((p) => void this.guard('configuration change', () => this.onSettingsChanged(p.settings)));
    c.onDidChangeWatchedFiles((p) => void this.guard('file change', () => this.onWatchedFiles(p.changes)));
    // Requests: a $/cancelRequest before the answer gets RequestCancelled (checked after every wait).
    c.onHover((p, token) =>
      this.request('hover', token, async () => {
        const view = await this.viewFor(p.textDocument.uri, token);
        return view ? hover(view, p.position) : null;
      }),
    );
    c.languages.inlayHint.on((p, token) =>
      this.request('inlay hints', token, async () => {
        const view = await this.viewFor(p.textDocument.uri, token, false);
        return view ? inlayHints(view, p.range) : null;
      }),
    );
    c.onCompletion((p, token) =>
      this.request('completion', token, async () => {
        // The parse is enough: completion does not wait for the rules.
        const view = await this.viewFor(p.textDocument.uri, token, false);
        return view ? completion(view.doc, view.fileName, p.position, view.result.source, view.settings) : null;
      }),
    );
    c.onCodeAction((p, token) =>
      this.request('code actions', token, async () => {
        const view = await this.viewFor(p.textDocument.uri, token);
        return view ? codeActions(view, p, this.actionOptions(view, token)) : [];
      }),
    );
    c.onCodeActionResolve(async (action, token) => (await this.request('code action', token, () => this.resolveAction(action, token))) ?? action);
    // Not onExecuteCommand: it drops `workDoneToken` from the params before the handler can tell whether
    // the client sent one (the scan reports on the client's token when there is one, else creates its own).
    c.onRequest(ExecuteCommandRequest.type, (p: ExecuteCommandParams, token: CancellationToken) => {
      // Outside `guard`: a refused argument is answered with an error, not logged as a server failure.
      if (p.command === SHOW_DOCUMENTATION_COMMAND) return this.showDocumentation(p.arguments?.[0]);
      return this.command(p, token);
    });
    c.onRequest(INVENTORY_REQUEST, (p: InventoryParams | undefined, token: CancellationToken) =>
      this.request('inventory', token, () => this.inventory.report(p?.folderUri, token)),
    );
    this.ext.register?.(c, {
      counters: () => ({ lints: this.linter.lints, workerRestarts: this.linter.workerRestarts, snapshots: this.snapshots.size }),
      workerHeapUsed: () => this.linter.workerHeapUsed(),
      controlWorker: (message) => this.linter.controlWorker(message),
    });
    c.listen();
  }

  private command(p: ExecuteCommandParams, token: CancellationToken): Promise<unknown> {
    const c = this.connection;
    return this.guard('command', async () => {
      // A cancelled scan answers with its summary (cancelled: true), so the client can say so.
      if (p.command === SCAN_COMMAND)
        return this.scanOnCommand({ token, progress: p.workDoneToken !== undefined ? c.window.attachWorkDoneProgress(p.workDoneToken) : undefined });
      if (p.command === INVENTORY_COMMAND) return { markdown: await this.inventory.markdown() };
      return null;
    });
  }

  /** Opens a rule's documentation; the argument must be a known rule id (show-documentation.ts). */
  private async showDocumentation(ruleId: unknown): Promise<boolean> {
    const uri = documentationUri(ruleId, this.linter.registry);
    if (!uri) {
      const arg = quoteArgument(ruleId);
      this.log.warn(`cfn-tls-lint: refused to show documentation for ${arg}: not the id of a rule`);
      throw new ResponseError(ErrorCodes.InvalidParams, `${SHOW_DOCUMENTATION_COMMAND} takes the id of a rule; ${arg} is not one`);
    }
    if (!this.caps.showDocument) {
      void this.connection.window.showInformationMessage(`cfn-tls-lint documentation: ${uri}`);
      return true;
    }
    try {
      return (await this.connection.window.showDocument({ uri, external: true })).success;
    } catch {
      return false;
    }
  }

  // ---------------------------------------------------------------------------------------
  // Lifecycle
  // ---------------------------------------------------------------------------------------

  private initialize(p: InitializeParams): InitializeResult {
    const caps = p.capabilities;
    this.caps = {
      watchedFilesDynamic: caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
      documentChanges: caps.workspace?.workspaceEdit?.documentChanges === true,
      resolve: caps.textDocument?.codeAction?.resolveSupport?.properties?.includes('edit') === true,
      showDocument: caps.window?.showDocument?.support === true,
    };
    this.folders.canAsk = caps.workspace?.configuration === true;
    const init = (p.initializationOptions ?? {}) as { settings?: unknown; debounceMs?: unknown; ruleBudgetMs?: unknown; cfnTlsLint?: unknown };
    // `{settings: {cfnTlsLint: …}}`, or the sections themselves (Helix sends its `config` so).
    if (init.settings !== undefined) this.folders.pushed = init.settings;
    else if (init.cfnTlsLint !== undefined) this.folders.pushed = init;
    if (typeof init.debounceMs === 'number' && init.debounceMs >= 0) this.fixedDebounceMs = init.debounceMs;
    this.log.verbose = p.trace === 'verbose';
    if (typeof init.ruleBudgetMs === 'number' && init.ruleBudgetMs > 0) this.linter.ruleBudgetMs = init.ruleBudgetMs;
    const folders = p.workspaceFolders ?? (p.rootUri ? [{ uri: p.rootUri, name: path.basename(p.rootUri) }] : []);
    this.folders.list = folders.map((f) => ({ uri: f.uri, path: uriToPath(f.uri) }));
    this.started = `cfn-tls-lint ${VERSION} started (Node ${process.version}, process ${process.pid}): {rules} rules, ${folders.length} workspace folder${folders.length === 1 ? '' : 's'}${p.clientInfo ? `, client ${p.clientInfo.name}${p.clientInfo.version ? ` ${p.clientInfo.version}` : ''}` : ''}`;
    return {
      capabilities: { ...editorCapabilities(), workspace: { workspaceFolders: { supported: true, changeNotifications: true } } },
      serverInfo: { name: 'cfn-tls-lint' },
    };
  }

  private async initialized(): Promise<void> {
    // The lint worker and this thread's engine (dist/engine.js) load once the `initialize` answer
    // is out (on two cores their load delayed it; a job starts the worker anyway, should a client
    // never send `initialized`): while the client starts up, before the first document.
    this.linter.start();
    this.log.info(this.started.replace('{rules}', String(this.linter.registry.metas.size)));
    if (this.caps.watchedFilesDynamic) {
      await this.connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [
          { globPattern: '**/*.{yaml,yml,json,template}' },
          { globPattern: `**/${CONFIG_FILE_NAME}` },
          { globPattern: '**/.gitignore' },
          // Deleting a folder reports the folder only.
          { globPattern: '**/*', kind: WatchKind.Delete },
        ],
      });
    }
    try {
      this.connection.workspace.onDidChangeWorkspaceFolders((e) => void this.guard('workspace folders', () => this.onFoldersChanged(e.added, e.removed)));
    } catch {
      // The client does not report folder changes.
    }
    // After a window reload the editors' documents are what the user looks at: they go first.
    await this.openLintsSettled();
    await this.scanOnStartup(this.folders.list);
  }

  private async scanOnStartup(candidates: Folder[]): Promise<void> {
    const folders: Folder[] = [];
    for (const f of candidates) {
      const s = await this.folders.settings(f);
      if (f.path && s.enable && s.workspaceScan === 'onStartup') folders.push(f);
    }
    if (folders.length) void this.scanner.scan(folders);
  }

  private async scanOnCommand(request: ScanRequest): Promise<ScanSummary> {
    const folders: Folder[] = [];
    for (const f of this.folders.list) {
      const s = await this.folders.settings(f);
      if (f.path && s.enable && s.workspaceScan !== 'off') folders.push(f);
    }
    return this.scanner.scan(folders, request);
  }

  /** The open documents that are linted, with their current lint. */
  private async openViews(): Promise<OpenDocument[]> {
    const out: OpenDocument[] = [];
    for (const doc of this.documents.all()) {
      const view = await this.viewFor(doc.uri);
      if (view) out.push({ uri: doc.uri, result: view.result, settings: view.settings, inventory: view.inventory });
    }
    return out;
  }

  private async onFoldersChanged(added: { uri: string }[], removed: { uri: string }[]): Promise<void> {
    for (const r of removed) {
      const p = uriToPath(r.uri);
      this.folders.list = this.folders.list.filter((f) => f.uri !== r.uri);
      if (p) this.scanner.forgetFolder(p);
    }
    const fresh = added.map((a) => ({ uri: a.uri, path: uriToPath(a.uri) }));
    this.folders.list.push(...fresh);
    this.inventory.foldersChanged();
    await this.scanOnStartup(fresh);
  }

  private actionOptions(view: DocView, token: CancellationToken): ActionOptions {
    return {
      canResolve: this.caps.resolve,
      documentChanges: this.caps.documentChanges,
      log: (m) => this.log.warn(m),
      fixedText: async (rule) => {
        throwIfCancelled(token);
        return this.linter.fixedText(view.doc.getText(), view.fileName, view.settings, view.uri, rule);
      },
    };
  }

  private request<T>(what: string, token: CancellationToken, f: () => T | Promise<T>): Promise<T | null> {
    return guardedRequest(this.log, what, token, f);
  }

  private guard<T>(what: string, f: () => T | Promise<T>): Promise<T | null> {
    return guarded(this.log, what, f);
  }

  // ---------------------------------------------------------------------------------------
  // Settings and config files
  // ---------------------------------------------------------------------------------------

  private reportSettingsErrors(errors: ConfigError[]): void {
    const text = errors.map((e) => e.detail).join('; ');
    this.log.warn(`cfn-tls-lint: cfnTlsLint.rules: ${text}`);
    void this.connection.window.showWarningMessage(`cfn-tls-lint: problems in the cfnTlsLint.rules setting: ${text}`);
  }

  private async onSettingsChanged(settings: unknown): Promise<void> {
    if (!this.folders.canAsk && settings !== undefined && settings !== null) this.folders.pushed = settings;
    this.folders.clear();
    this.config.reset();
    const open = this.documents.all().length;
    for (const doc of this.documents.all()) this.schedule(doc.uri, 0);
    const rescan: Folder[] = [];
    for (const f of this.folders.list) {
      if (!f.path) continue;
      const s = await this.folders.settings(f);
      if (!s.enable || s.workspaceScan === 'off') {
        // Switched off: a folder scanned before is scanned again when enable comes back on.
        if (!s.enable && this.scanner.hasScanned(f)) this.scannedBeforeDisable.add(f.path);
        this.scanner.forgetFolder(f.path);
      } else if (this.scanner.hasScanned(f) || this.scannedBeforeDisable.has(f.path) || s.workspaceScan === 'onStartup') {
        rescan.push(f);
      }
      if (s.enable) this.scannedBeforeDisable.delete(f.path);
    }
    const rescanned = rescan.length ? `; rescanning ${rescan.map((f) => f.path).join(', ')}` : '';
    this.log.info(`cfn-tls-lint: settings changed: re-linting ${open} open document${open === 1 ? '' : 's'}${rescanned}`);
    if (rescan.length) void this.scanner.scan(rescan);
  }

  private async onWatchedFiles(changes: { uri: string; type: FileChangeType }[]): Promise<void> {
    const configs: string[] = [];
    const rescan = new Set<Folder>();
    let synthesised = false;
    for (const ch of changes) {
      const p = uriToPath(ch.uri);
      if (!p) continue;
      if (this.cdk.assemblyChanged(p)) synthesised = true;
      const base = path.basename(p);
      if (base === CONFIG_FILE_NAME) {
        configs.push(p);
      } else if (base === '.gitignore') {
        const f = this.folders.folderOf(p);
        if (f && this.scanner.hasScanned(f)) {
          this.scanner.gitignoreChanged(f);
          rescan.add(f);
        }
      } else if (ch.type === FileChangeType.Deleted) {
        this.scanner.forgetPath(p); // a file, or a whole folder
      } else if (isCandidateFile(p)) {
        if (this.scanner.covers(p)) await this.scanner.lintFile(p);
        else if (this.scanner.knows(p)) this.scanner.forgetPath(p); // now excluded
      }
    }
    // A new synth: the open CDK sources show its findings.
    if (synthesised) for (const doc of this.documents.all()) if (CdkSources.isSource(uriToPath(doc.uri))) this.schedule(doc.uri, 0);
    if (configs.length) {
      // What a config affects: every open document, and the scanned folder it is in.
      this.config.reset();
      this.cdk.reset();
      for (const file of configs) {
        this.configDiagnostics.fromDisk(file);
        const f = this.folders.folderOf(file);
        if (f && this.scanner.hasScanned(f)) rescan.add(f);
      }
      for (const doc of this.documents.all()) this.schedule(doc.uri, 0);
    }
    if (rescan.size) void this.scanner.scan([...rescan]);
  }

  // ---------------------------------------------------------------------------------------
  // Open documents
  // ---------------------------------------------------------------------------------------

  private isOpen(filePath: string): boolean {
    return this.openByKey.has(path.resolve(filePath));
  }

  private async onChange(uri: string): Promise<void> {
    const s = await this.folders.settings(this.folders.folderOf(uriToPath(uri)));
    if (s.run === 'onSave' && !isConfigFile(uriToPath(uri))) return;
    this.schedule(uri, this.debounceFor(uri));
  }

  /** The wait after a change: the fixed one when the client set it, else as long as the document's recent lints took. */
  private debounceFor(uri: string): number {
    return this.fixedDebounceMs ?? adaptiveDebounceMs(this.lintTimes.get(uri) ?? []);
  }

  private async onSave(uri: string): Promise<void> {
    const filePath = uriToPath(uri);
    if (isConfigFile(filePath)) {
      // Clients without file watchers still reload a saved config.
      if (!this.caps.watchedFilesDynamic) await this.onWatchedFiles([{ uri, type: FileChangeType.Changed }]);
      return;
    }
    const s = await this.folders.settings(this.folders.folderOf(filePath));
    if (s.run === 'onSave') this.schedule(uri, 0);
  }

  private async onClose(uri: string): Promise<void> {
    this.timers.get(uri)?.();
    this.timers.delete(uri);
    this.snapshots.delete(uri);
    this.justOpened.delete(uri);
    this.rerun.delete(uri);
    this.lintTimes.delete(uri);
    this.waited.delete(uri);
    this.lastParsed.delete(uri);
    this.checkIdle();
    this.openByKey.delete(uriKey(uri));
    this.inventory.changed();
    const filePath = uriToPath(uri);
    if (filePath && isConfigFile(filePath)) return this.configDiagnostics.fromDisk(filePath);
    // Scan results stay in the Problems panel: the file on disk replaces the editor's buffer.
    if (filePath && this.scanner.covers(filePath)) {
      await this.scanner.lintFile(filePath, true);
      return;
    }
    this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Debounces validation of one document; the last request wins. */
  private schedule(uri: string, delay: number): void {
    this.timers.get(uri)?.();
    this.waited.set(uri, delay);
    const due = (): void => {
      this.timers.delete(uri);
      void this.run(uri);
    };
    // A timeout waits at least a millisecond: no debounce is an immediate.
    if (delay > 0) {
      const t = setTimeout(due, delay);
      this.timers.set(uri, () => clearTimeout(t));
    } else {
      const t = setImmediate(due);
      this.timers.set(uri, () => clearImmediate(t));
    }
  }

  /** Never two validations of one document at once: a request during one reruns after it. */
  private async run(uri: string): Promise<void> {
    if (this.running.has(uri)) {
      this.rerun.add(uri);
      return;
    }
    this.running.add(uri);
    try {
      await this.guard(`validating ${uri}`, () => this.validate(uri));
    } finally {
      this.running.delete(uri);
      if (this.rerun.delete(uri)) this.schedule(uri, 0);
      this.checkIdle();
    }
  }

  /**
   * Resolves when no open document has a lint scheduled or running. The workspace scan waits for
   * this before it starts and before each file: the open documents' lints then never queue behind
   * the scan's reads and settings requests, only behind the one scan lint the worker may be running.
   */
  private openLintsSettled(): Promise<void> {
    if (this.shuttingDown || (this.timers.size === 0 && this.running.size === 0)) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private checkIdle(): void {
    if (this.timers.size === 0 && this.running.size === 0) this.releaseIdleWaiters();
  }

  private releaseIdleWaiters(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }

  private async validate(uri: string): Promise<void> {
    if (this.shuttingDown || !this.documents.get(uri)) return;
    const filePath = uriToPath(uri);
    if (filePath && isConfigFile(filePath)) {
      this.configDiagnostics.validateBuffer(this.documents.get(uri)!, filePath);
      return;
    }
    const started = performance.now();
    const cur = await this.current(uri);
    if (cur && CdkSources.isSource(filePath)) return this.validateCdkSource(cur, filePath);
    if (!cur) {
      const doc = this.documents.get(uri);
      this.inventory.changed();
      if (doc) this.connection.sendDiagnostics({ uri, version: doc.version, diagnostics: [] });
      return;
    }
    const lint = this.lintOf(cur);
    const outcome = await lint;
    const doc = this.documents.get(uri);
    if (!doc) return; // closed meanwhile
    if (doc.version !== cur.snap.version || this.snapshots.get(uri)?.lint?.outcome !== lint) {
      // Edited (or the settings changed) while the rules ran: never publish an older version.
      // A pending debounce lints the latest; otherwise lint it now.
      if (!this.timers.has(uri)) this.rerun.add(uri);
      return;
    }
    this.inventory.changed();
    if (!outcome) return; // dropped, or the server is shutting down
    if (outcome.ms !== undefined) this.lintTimes.set(uri, withLintSample(this.lintTimes.get(uri) ?? [], outcome.ms));
    const text = cur.snap.doc.getText();
    const diagnostics = lspDiagnostics(outcome, uri, cur.editor.rulesCustomizations);
    diagnostics.push(...this.keptOrRemembered(uri, outcome, text, diagnostics));
    const notLinted = outcome.skipped !== undefined ? notLintedDiagnostic(outcome.skipped, text) : undefined;
    if (notLinted) diagnostics.push(notLinted);
    this.connection.sendDiagnostics({ uri, version: cur.snap.version, diagnostics });
    const ms = Math.round(performance.now() - started);
    void this.connection.sendNotification(DID_LINT_NOTIFICATION, <DidLintParams>{ uri, version: cur.snap.version, problems: diagnostics.length, ms });
    this.log.trace(
      () =>
        `cfn-tls-lint: ${uri} v${cur.snap.version}: linted in ${outcome.ms ?? '?'} ms, published ${ms} ms after a ${this.waited.get(uri) ?? 0} ms debounce; next debounce ${this.debounceFor(uri)} ms`,
    );
  }

  /** A CDK app's source file: the findings of the app's synthesised templates on the lines that created their constructs. */
  private async validateCdkSource(cur: Current, filePath: string): Promise<void> {
    const diagnostics = await this.cdk.diagnosticsFor(filePath, this.folders.folderOf(filePath)?.path, cur.snap.doc);
    if (this.documents.get(cur.uri)?.version !== cur.snap.version) return; // a newer version publishes
    this.connection.sendDiagnostics({ uri: cur.uri, version: cur.snap.version, diagnostics });
  }

  /**
   * For a version that does not parse, the findings of the last version that did, on the lines
   * the edits since left alone (kept-findings.ts). Any other lint that ran is remembered as that
   * version; one that failed changes nothing.
   */
  private keptOrRemembered(uri: string, outcome: LintOutcome, text: string, findings: readonly Diagnostic[]): Diagnostic[] {
    if (outcome.failed !== undefined) return [];
    if (outcome.unparsed) {
      const last = this.lastParsed.get(uri);
      return last ? keptFindings(last.findings, last.text, text) : [];
    }
    if (outcome.template) this.lastParsed.set(uri, { text, findings: [...findings] });
    else this.lastParsed.delete(uri);
    return [];
  }

  /** An open document's current version and its settings; undefined when linting is off for it. */
  private async current(uri: string): Promise<Current | undefined> {
    if (!this.documents.get(uri)) return undefined;
    const filePath = uriToPath(uri);
    const folder = this.folders.folderOf(filePath);
    const editor = await this.folders.stableSettings(folder);
    const doc = this.documents.get(uri); // the latest version, after the await
    if (!doc || !editor.enable || isConfigFile(filePath)) return undefined;
    const { settings, stamp } = this.config.settingsFor(filePath, folder?.path, editor);
    let snap = this.snapshots.get(uri);
    if (!snap || snap.version !== doc.version) {
      snap = { version: doc.version, doc: TextDocument.create(uri, doc.languageId, doc.version, doc.getText()) };
      this.snapshots.set(uri, snap);
    }
    return { uri, fileName: fileNameOf(uri, doc.languageId), settings, editor, stamp, snap };
  }

  /** The rules' run on a version (one per version and settings, shared by diagnostics and every feature). */
  private lintOf(cur: Current): Promise<LintOutcome | undefined> {
    const { snap } = cur;
    if (!snap.lint || snap.lint.stamp !== cur.stamp) {
      const lint = { stamp: cur.stamp, outcome: undefined as unknown as Promise<LintOutcome | undefined> };
      // Nobody wants it any more once the document moved on or the settings changed: dropped if still queued.
      const stale = (): boolean => this.snapshots.get(cur.uri) !== snap || snap.lint !== lint;
      snap.lint = lint;
      lint.outcome = this.linter.lint(snap.doc.getText(), cur.fileName, cur.settings, cur.uri, { stale, inventory: this.inventory.openDocumentName(cur.uri) });
    }
    return snap.lint.outcome;
  }

  /**
   * The view of an open document's current version (its frozen text, the main thread's parse
   * and, unless `withRules` is false, the rules' findings); undefined when linting is off for
   * it. A version that changes while the rules run is dropped for the newer one.
   */
  private async viewFor(uri: string, token?: CancellationToken, withRules = true): Promise<DocView | undefined> {
    for (let tries = 0; tries < 5; tries++) {
      const cur = await this.current(uri);
      throwIfCancelled(token);
      if (!cur) return undefined;
      const { snap } = cur;
      const lint = withRules ? this.lintOf(cur) : undefined;
      const outcome = lint ? await lint : undefined;
      throwIfCancelled(token);
      if (this.snapshots.get(uri) !== snap || (lint && snap.lint?.outcome !== lint)) continue;
      // The text is parsed on this thread only when a feature reads the parse (once per version).
      const parse = (): ParsedDocument => (snap.parse ??= this.linter.parse(snap.doc.getText(), cur.fileName, cur.settings));
      let result: LintResult;
      if (!lint) result = lazyResult({ template: true, diagnostics: [], ruleFailures: [] }, parse);
      else {
        if (snap.view?.lint !== lint) {
          // A lint that failed knows nothing of the text: the parse tells whether it is a template.
          const known = outcome && outcome.failed === undefined;
          const base = { diagnostics: outcome?.diagnostics ?? [], ruleFailures: outcome?.ruleFailures ?? [] };
          snap.view = {
            lint,
            result: lazyResult(known ? { ...base, template: outcome.template, skipped: outcome.skipped } : { ...base, template: undefined }, parse),
            inventory: known ? outcome.inventory : undefined,
          };
        }
        result = snap.view.result;
      }
      return { uri, doc: snap.doc, fileName: cur.fileName, settings: cur.settings, registry: this.linter.registry, result, inventory: snap.view?.inventory };
    }
    return undefined;
  }

  private async resolveAction(action: CodeAction, token: CancellationToken): Promise<CodeAction> {
    const data = action.data as ResolveData | undefined;
    if (!data || data.kind !== 'fixAll' || action.edit) return action;
    const view = await this.viewFor(data.uri, token);
    if (!view) return action;
    const fixed = await this.linter.fixedText(view.doc.getText(), view.fileName, view.settings, view.uri, data.rule);
    action.edit = fixAllEdit(view, fixed, this.caps.documentChanges);
    return action;
  }
}

/**
 * A lint's result whose parse fields (`source`, `parsed`) are read from `parse()` on first use:
 * the lint worker parsed the text already, and the main thread parses it again only for a
 * feature that needs the tree (hover, completion, a code action's edit, an inventory entry).
 * `template` undefined: tell it from the parse too.
 */
function lazyResult(base: Omit<LintResult, 'template'> & { template: boolean | undefined }, parse: () => ParsedDocument): LintResult {
  const known = base.template;
  const result = { ...base } as LintResult;
  Object.defineProperties(result, {
    template: { enumerable: true, get: () => known ?? parse().template },
    source: { enumerable: true, get: () => parse().source },
    parsed: { enumerable: true, get: () => parse().parsed },
  });
  if (known === undefined) Object.defineProperty(result, 'skipped', { enumerable: true, get: () => parse().skipped });
  return result;
}

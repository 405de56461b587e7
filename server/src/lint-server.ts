import * as fs from 'fs';
import * as path from 'path';
import {
  CancellationTokenSource,
  CodeAction,
  CodeActionKind,
  Connection,
  Diagnostic,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  InitializeParams,
  InitializeResult,
  Range,
  TextDocuments,
  TextDocumentSyncKind,
  WatchKind,
  WorkDoneProgressServerReporter,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import picomatch from 'picomatch';
import {
  ALL_RULES,
  CONFIG_FILE_NAME,
  ConfigError,
  defaultRegistry,
  isCandidateFile,
  lintText,
  LintResult,
  MAX_TEMPLATE_BYTES,
  parseConfig,
  RuleRegistry,
  Settings,
} from '../../rules/src/index';
import { loadConfigFile, LoadedConfig } from '../../rules/src/node/config-files';
import { ENGINE_RULE_METAS } from '../../rules/src/rules/template/engine-rules';
import { ActionOptions, codeActions, fixAllEdit, ResolveData, SHOW_DOCUMENTATION_COMMAND } from './code-actions';
import { completion } from './completion';
import { ConfigService } from './config-service';
import { SOURCE, toLspDiagnostic } from './convert';
import type { DocView } from './doc-view';
import { ExcludeMatcher } from './excludes';
import { faultInjectionEnabled, faultInjectionRule } from './fault-injection';
import { hover } from './hover';
import { Throttle, walkFolder } from './scan';
import { DEFAULT_EDITOR_SETTINGS, EditorSettings, normalizeSettings } from './settings';
import { fileNameOf, fileUri, isInside, uriKey, uriToPath } from './uri';

export const SCAN_COMMAND = 'cfn-tls-lint.scanWorkspace';
/** Notifications for the VS Code client's status bar. */
export const DID_LINT_NOTIFICATION = 'cfnTlsLint/didLint';
export const SCAN_NOTIFICATION = 'cfnTlsLint/scan';

const DEFAULT_DEBOUNCE_MS = 200;
/** How often the scan's progress is reported at most. */
const PROGRESS_INTERVAL_MS = 100;

interface Folder {
  uri: string;
  /** Undefined for a folder that is not on disk (virtual workspaces). */
  path: string | undefined;
}

interface Snapshot {
  version: number;
  stamp?: string;
  result?: LintResult;
}

interface ScanEntry {
  uri: string;
  folder: string;
  problems: number;
}

export interface ScanSummary {
  files: number;
  templates: number;
  problems: number;
  truncated: boolean;
  cancelled: boolean;
  ms: number;
}

interface Capabilities {
  configuration: boolean;
  watchedFilesDynamic: boolean;
  documentChanges: boolean;
  resolve: boolean;
  showDocument: boolean;
}

function isConfigFile(p: string): boolean {
  return path.basename(p) === CONFIG_FILE_NAME;
}

/**
 * The language server: LSP in, engine calls out. One parse and one lint per
 * document version (shared by diagnostics, code actions and hover); validation
 * debounced per document, never two at once for one document, never published
 * for a version that is not the latest; a workspace scan for closed files.
 */
export class LintServer {
  private readonly documents = new TextDocuments(TextDocument);
  private readonly registry: RuleRegistry;
  private readonly config: ConfigService;
  private folders: Folder[] = [];
  private readonly editorSettings = new Map<string, Promise<EditorSettings>>();
  /** Settings pushed by clients that cannot be asked (no workspace/configuration). */
  private pushedSettings: unknown;
  private caps: Capabilities = { configuration: false, watchedFilesDynamic: false, documentChanges: false, resolve: false, showDocument: false };
  private debounceMs = DEFAULT_DEBOUNCE_MS;
  private readonly snapshots = new Map<string, Snapshot>();
  private readonly openByKey = new Map<string, string>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly justOpened = new Set<string>();
  private readonly running = new Set<string>();
  private readonly rerun = new Set<string>();
  private readonly scanned = new Map<string, ScanEntry>();
  private readonly scannedFolders = new Set<string>();
  private readonly matchers = new Map<string, { key: string; matcher: ExcludeMatcher }>();
  private readonly configDiagnostics = new Set<string>();
  private readonly failedRules = new Set<string>();
  private readonly notified = new Set<string>();
  private currentScan: { cts: CancellationTokenSource; folders: Folder[]; explicit: boolean } | undefined;
  private shuttingDown = false;

  constructor(private readonly connection: Connection) {
    this.registry = faultInjectionEnabled() ? new RuleRegistry([...ALL_RULES, faultInjectionRule], ENGINE_RULE_METAS) : defaultRegistry();
    this.config = new ConfigService(
      this.registry,
      (c) => this.onConfigLoaded(c),
      (errors) => this.reportSettingsErrors(errors),
    );
  }

  listen(): void {
    const c = this.connection;
    c.onInitialize((p) => this.initialize(p));
    c.onInitialized(() => void this.initialized());
    c.onShutdown(() => {
      this.shuttingDown = true;
      this.currentScan?.cts.cancel();
      for (const t of this.timers.values()) clearTimeout(t);
    });
    this.documents.onDidOpen((e) => {
      this.openByKey.set(uriKey(e.document.uri), e.document.uri);
      this.justOpened.add(e.document.uri);
      this.schedule(e.document.uri, 0);
    });
    this.documents.onDidChangeContent((e) => {
      // Fired for the open too: onDidOpen scheduled that one without a debounce.
      if (this.justOpened.delete(e.document.uri)) return;
      void this.onChange(e.document.uri);
    });
    this.documents.onDidSave((e) => void this.onSave(e.document.uri));
    this.documents.onDidClose((e) => void this.onClose(e.document.uri));
    this.documents.listen(c);
    c.onDidChangeConfiguration((p) => void this.guard('configuration change', () => this.onSettingsChanged(p.settings)));
    c.onDidChangeWatchedFiles((p) => void this.guard('file change', () => this.onWatchedFiles(p.changes)));
    c.onHover(async (p) => this.guard('hover', async () => {
      const view = await this.viewFor(p.textDocument.uri);
      return view ? hover(view, p.position) : null;
    }));
    c.onCompletion(async (p) => this.guard('completion', async () => {
      const view = await this.viewFor(p.textDocument.uri);
      return view ? completion(view.doc, view.fileName, p.position, view.result.source, view.settings) : null;
    }));
    c.onCodeAction(async (p) => this.guard('code actions', async () => {
      const view = await this.viewFor(p.textDocument.uri);
      return view ? codeActions(view, p, this.actionOptions()) : [];
    }));
    c.onCodeActionResolve(async (action) => this.guard('code action', async () => this.resolveAction(action)) as Promise<CodeAction>);
    c.onExecuteCommand(async (p) => this.guard('command', async () => {
      if (p.command === SHOW_DOCUMENTATION_COMMAND) {
        const url = String(p.arguments?.[0] ?? '');
        if (this.caps.showDocument) await c.window.showDocument({ uri: url, external: true });
        else c.window.showInformationMessage(`cfn-tls-lint documentation: ${url}`);
        return true;
      }
      if (p.command === SCAN_COMMAND) return this.scanOnCommand();
      return null;
    }));
    c.listen();
  }

  // ---------------------------------------------------------------------------------------
  // Lifecycle
  // ---------------------------------------------------------------------------------------

  private initialize(p: InitializeParams): InitializeResult {
    const caps = p.capabilities;
    this.caps = {
      configuration: caps.workspace?.configuration === true,
      watchedFilesDynamic: caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
      documentChanges: caps.workspace?.workspaceEdit?.documentChanges === true,
      resolve: caps.textDocument?.codeAction?.resolveSupport?.properties?.includes('edit') === true,
      showDocument: caps.window?.showDocument?.support === true,
    };
    const init = (p.initializationOptions ?? {}) as { settings?: unknown; debounceMs?: unknown };
    if (init.settings !== undefined) this.pushedSettings = init.settings;
    if (typeof init.debounceMs === 'number' && init.debounceMs >= 0) this.debounceMs = init.debounceMs;
    const folders = p.workspaceFolders ?? (p.rootUri ? [{ uri: p.rootUri, name: path.basename(p.rootUri) }] : []);
    this.folders = folders.map((f) => ({ uri: f.uri, path: uriToPath(f.uri) }));
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [':', ' ', '"'] },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, `${CodeActionKind.SourceFixAll}.${SOURCE}`], resolveProvider: true },
        executeCommandProvider: { commands: [SHOW_DOCUMENTATION_COMMAND, SCAN_COMMAND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'cfn-tls-lint' },
    };
  }

  private async initialized(): Promise<void> {
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
    const startup: Folder[] = [];
    for (const f of this.folders) {
      const s = await this.folderSettings(f);
      if (s.enable && s.workspaceScan === 'onStartup') startup.push(f);
    }
    if (startup.length) void this.scan(startup, false);
  }

  private async onFoldersChanged(added: { uri: string }[], removed: { uri: string }[]): Promise<void> {
    for (const r of removed) {
      const p = uriToPath(r.uri);
      this.folders = this.folders.filter((f) => f.uri !== r.uri);
      if (p) {
        this.forgetScanned((e) => e.folder === p);
        this.scannedFolders.delete(p);
      }
    }
    const startup: Folder[] = [];
    for (const a of added) {
      const f = { uri: a.uri, path: uriToPath(a.uri) };
      this.folders.push(f);
      const s = await this.folderSettings(f);
      if (s.enable && s.workspaceScan === 'onStartup') startup.push(f);
    }
    if (startup.length) void this.scan(startup, false);
  }

  private actionOptions(): ActionOptions {
    return { canResolve: this.caps.resolve, documentChanges: this.caps.documentChanges, log: (m) => this.connection.console.warn(m) };
  }

  /** Runs a handler; an exception is logged, never thrown into the connection. */
  private async guard<T>(what: string, f: () => T | Promise<T>): Promise<T | null> {
    try {
      return await f();
    } catch (e) {
      this.logOnce(`${what}: ${e instanceof Error ? e.message : String(e)}`, `cfn-tls-lint: ${what} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return null;
    }
  }

  private logOnce(key: string, message: string): void {
    if (this.notified.has(key)) return;
    this.notified.add(key);
    this.connection.console.error(message);
  }

  // ---------------------------------------------------------------------------------------
  // Settings
  // ---------------------------------------------------------------------------------------

  private folderOf(filePath: string | undefined): Folder | undefined {
    if (!filePath) return undefined;
    let best: Folder | undefined;
    for (const f of this.folders) {
      if (f.path && isInside(f.path, filePath) && (!best || f.path.length > best.path!.length)) best = f;
    }
    return best;
  }

  private folderSettings(folder: Folder | undefined): Promise<EditorSettings> {
    const key = folder?.uri ?? '';
    let p = this.editorSettings.get(key);
    if (!p) {
      p = this.fetchSettings(folder?.uri);
      this.editorSettings.set(key, p);
    }
    return p;
  }

  /** Editor settings that no settings or config change overtook while they were fetched. */
  private async stableSettings(folder: Folder | undefined): Promise<EditorSettings> {
    for (;;) {
      const generation = this.config.generation;
      const settings = await this.folderSettings(folder);
      if (generation === this.config.generation) return settings;
    }
  }

  private async fetchSettings(scopeUri: string | undefined): Promise<EditorSettings> {
    if (!this.caps.configuration) {
      const s = (this.pushedSettings ?? {}) as Record<string, Record<string, unknown> | undefined>;
      return normalizeSettings(s.cfnTlsLint, s.files?.exclude, s.search?.exclude);
    }
    try {
      const [ours, files, search] = (await this.connection.workspace.getConfiguration([
        { scopeUri, section: 'cfnTlsLint' },
        { scopeUri, section: 'files.exclude' },
        { scopeUri, section: 'search.exclude' },
      ])) as unknown[];
      return normalizeSettings(ours, files, search);
    } catch (e) {
      this.logOnce('configuration request', `cfn-tls-lint: could not read the settings (${(e as Error).message}); using the defaults.`);
      return { ...DEFAULT_EDITOR_SETTINGS };
    }
  }

  private reportSettingsErrors(errors: ConfigError[]): void {
    const text = errors.map((e) => e.detail).join('; ');
    this.connection.console.warn(`cfn-tls-lint: cfnTlsLint.rules: ${text}`);
    void this.connection.window.showWarningMessage(`cfn-tls-lint: problems in the cfnTlsLint.rules setting: ${text}`);
  }

  private async onSettingsChanged(settings: unknown): Promise<void> {
    if (!this.caps.configuration && settings !== undefined && settings !== null) this.pushedSettings = settings;
    this.editorSettings.clear();
    this.config.reset();
    for (const uri of this.openUris()) this.schedule(uri, 0);
    const rescan: Folder[] = [];
    for (const f of this.folders) {
      if (!f.path) continue;
      const s = await this.folderSettings(f);
      if (!s.enable || s.workspaceScan === 'off') {
        this.forgetScanned((e) => e.folder === f.path);
        this.scannedFolders.delete(f.path);
      } else if (this.scannedFolders.has(f.path) || s.workspaceScan === 'onStartup') rescan.push(f);
    }
    if (rescan.length) void this.scan(rescan, false);
  }

  // ---------------------------------------------------------------------------------------
  // Open documents
  // ---------------------------------------------------------------------------------------

  private openUris(): string[] {
    return this.documents.all().map((d) => d.uri);
  }

  private isOpen(filePath: string): boolean {
    return this.openByKey.has(path.resolve(filePath));
  }

  private async onChange(uri: string): Promise<void> {
    const doc = this.documents.get(uri);
    if (!doc) return;
    const s = await this.folderSettings(this.folderOf(uriToPath(uri)));
    if (s.run === 'onSave' && !isConfigFile(uriToPath(uri) ?? '')) return;
    this.schedule(uri, this.debounceMs);
  }

  private async onSave(uri: string): Promise<void> {
    const filePath = uriToPath(uri);
    if (filePath && isConfigFile(filePath)) {
      // Clients without file watchers still reload a saved config.
      if (!this.caps.watchedFilesDynamic) await this.onWatchedFiles([{ uri, type: FileChangeType.Changed }]);
      return;
    }
    const s = await this.folderSettings(this.folderOf(uriToPath(uri)));
    if (s.run === 'onSave') this.schedule(uri, 0);
  }

  private async onClose(uri: string): Promise<void> {
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.delete(uri);
    this.snapshots.delete(uri);
    this.justOpened.delete(uri);
    this.openByKey.delete(uriKey(uri));
    const filePath = uriToPath(uri);
    if (filePath && isConfigFile(filePath)) {
      this.publishConfigFromDisk(filePath);
      return;
    }
    // Scan results stay in the Problems panel: the file on disk replaces the editor's buffer.
    if (filePath && this.scanCovers(filePath) && fs.existsSync(filePath)) {
      await this.lintDiskFile(filePath, true);
      return;
    }
    this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Debounces validation of one document; the last request wins. */
  private schedule(uri: string, delay: number): void {
    const old = this.timers.get(uri);
    if (old) clearTimeout(old);
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.run(uri);
      }, delay),
    );
  }

  /** Never two validations of one document at once: a request during one reruns after it. */
  private async run(uri: string): Promise<void> {
    if (this.running.has(uri)) {
      this.rerun.add(uri);
      return;
    }
    this.running.add(uri);
    try {
      await this.validate(uri);
    } catch (e) {
      this.logOnce(`validate ${uri}`, `cfn-tls-lint: validating ${uri} failed: ${(e as Error).stack ?? e}`);
    } finally {
      this.running.delete(uri);
      if (this.rerun.delete(uri)) this.schedule(uri, 0);
    }
  }

  private async validate(uri: string): Promise<void> {
    if (this.shuttingDown || !this.documents.get(uri)) return;
    const filePath = uriToPath(uri);
    if (filePath && isConfigFile(filePath)) {
      this.validateConfigBuffer(uri, filePath);
      return;
    }
    const started = performance.now();
    const view = await this.viewFor(uri);
    const current = this.documents.get(uri);
    if (!current) return; // closed meanwhile
    if (!view) {
      this.connection.sendDiagnostics({ uri, version: current.version, diagnostics: [] });
      return;
    }
    // The lint ran synchronously for the version that is current now: never stale.
    const diagnostics = this.lspDiagnostics(view.result, uri);
    this.connection.sendDiagnostics({ uri, version: view.doc.version, diagnostics });
    void this.connection.sendNotification(DID_LINT_NOTIFICATION, { uri, version: view.doc.version, problems: diagnostics.length, ms: Math.round(performance.now() - started) });
  }

  /** The view of an open document's current version; undefined when linting is off for it. */
  private async viewFor(uri: string): Promise<DocView | undefined> {
    if (!this.documents.get(uri)) return undefined;
    const filePath = uriToPath(uri);
    const folder = this.folderOf(filePath);
    const editor = await this.stableSettings(folder);
    const doc = this.documents.get(uri); // the latest version, after the await
    if (!doc || !editor.enable) return undefined;
    const { settings, stamp } = this.config.settingsFor(filePath, folder?.path, editor);
    let snap = this.snapshots.get(uri);
    if (!snap || snap.version !== doc.version) this.snapshots.set(uri, (snap = { version: doc.version }));
    const fileName = fileNameOf(uri, doc.languageId);
    if (!snap.result || snap.stamp !== stamp) {
      // A settings change re-lints, but the parse of this version is reused.
      snap.result = this.lint(doc.getText(), fileName, settings, uri, snap.result?.source);
      snap.stamp = stamp;
    }
    return { uri, doc, fileName, settings, registry: this.registry, result: snap.result };
  }

  private lint(text: string, fileName: string, settings: Settings, uri: string, source?: LintResult['source']): LintResult {
    let result: LintResult;
    try {
      result = lintText(text, fileName, this.registry, { settings, source });
    } catch (e) {
      this.logOnce(`lint ${(e as Error).message}`, `cfn-tls-lint: linting ${uri} failed: ${(e as Error).stack ?? e}`);
      return { template: false, diagnostics: [], ruleFailures: [] };
    }
    for (const f of result.ruleFailures) {
      if (this.failedRules.has(f.rule)) continue;
      this.failedRules.add(f.rule);
      this.connection.console.error(`cfn-tls-lint: rule ${f.rule} failed on ${uri}: ${f.message} (the other rules still ran; further failures of this rule are not logged)`);
    }
    return result;
  }

  private lspDiagnostics(result: LintResult, uri: string): Diagnostic[] {
    return result.diagnostics.filter((d) => !d.suppressed).map((d) => toLspDiagnostic(d, uri));
  }

  private async resolveAction(action: CodeAction): Promise<CodeAction> {
    const data = action.data as ResolveData | undefined;
    if (!data || data.kind !== 'fixAll' || action.edit) return action;
    const view = await this.viewFor(data.uri);
    if (view) action.edit = fixAllEdit(view, this.caps.documentChanges, data.rule);
    return action;
  }

  // ---------------------------------------------------------------------------------------
  // Config files
  // ---------------------------------------------------------------------------------------

  private configDiagnosticsOf(errors: readonly ConfigError[], text: string | undefined): Diagnostic[] {
    const lines = text?.split(/\r\n|\r|\n/) ?? [];
    return errors.map((e) => {
      const len = lines[e.line]?.length ?? 0;
      const range: Range = { start: { line: e.line, character: 0 }, end: { line: e.line, character: Math.max(len, 1) } };
      return { range, severity: 1, source: SOURCE, code: 'config', message: e.detail };
    });
  }

  private publishConfig(file: string, errors: readonly ConfigError[], text: string | undefined, version?: number): void {
    const uri = this.openByKey.get(path.resolve(file)) ?? fileUri(file);
    if (errors.length) this.configDiagnostics.add(file);
    else if (!this.configDiagnostics.delete(file) && version === undefined) return;
    this.connection.sendDiagnostics({ uri, version, diagnostics: this.configDiagnosticsOf(errors, text) });
  }

  /** A config file was used for the first time since the last reset. */
  private onConfigLoaded(c: LoadedConfig): void {
    if (this.isOpen(c.file)) return; // the editor's buffer is validated instead
    let text: string | undefined;
    try {
      text = fs.readFileSync(c.file, 'utf8');
    } catch {
      text = undefined;
    }
    this.publishConfig(c.file, c.errors, text);
    if (c.errors.length) {
      const e = c.errors[0];
      const key = `config ${e.message}`;
      if (!this.notified.has(key)) {
        this.notified.add(key);
        void this.connection.window.showWarningMessage(
          `cfn-tls-lint: ${path.basename(c.file)} line ${e.line + 1}: ${e.detail}${c.errors.length > 1 ? ` (and ${c.errors.length - 1} more)` : ''}. Linting goes on with the rest of the configuration.`,
        );
      }
    }
  }

  private publishConfigFromDisk(file: string): void {
    if (this.isOpen(file)) return;
    if (!fs.existsSync(file)) {
      this.publishConfig(file, [], undefined);
      return;
    }
    const c = loadConfigFile(file, this.registry);
    this.onConfigLoaded(c);
  }

  private validateConfigBuffer(uri: string, file: string): void {
    const doc = this.documents.get(uri);
    if (!doc) return;
    const text = doc.getText();
    const { errors } = parseConfig(text, file, this.registry.metas);
    if (errors.length) this.configDiagnostics.add(file);
    else this.configDiagnostics.delete(file);
    this.connection.sendDiagnostics({ uri, version: doc.version, diagnostics: this.configDiagnosticsOf(errors, text) });
  }

  // ---------------------------------------------------------------------------------------
  // Workspace scan and watchers
  // ---------------------------------------------------------------------------------------

  private matcherFor(folder: Folder, settings: EditorSettings): ExcludeMatcher {
    const globs = [...settings.editorExcludes, ...settings.exclude];
    const key = globs.join('\u0000');
    const hit = this.matchers.get(folder.path!);
    if (hit && hit.key === key) return hit.matcher;
    const matcher = new ExcludeMatcher(folder.path!, globs);
    this.matchers.set(folder.path!, { key, matcher });
    return matcher;
  }

  /** Whether the scan keeps results for this file (its folder was scanned and it is not excluded). */
  private scanCovers(filePath: string): boolean {
    const folder = this.folderOf(filePath);
    if (!folder?.path || !this.scannedFolders.has(folder.path)) return false;
    const m = this.matchers.get(folder.path);
    return !!m && !m.matcher.skipsFile(filePath);
  }

  private forgetScanned(which: (e: ScanEntry, key: string) => boolean): void {
    for (const [key, e] of [...this.scanned]) {
      if (!which(e, key)) continue;
      this.scanned.delete(key);
      if (e.problems > 0 && !this.openByKey.has(key)) this.connection.sendDiagnostics({ uri: e.uri, diagnostics: [] });
    }
  }

  /**
   * Lints a closed file from disk and publishes without a version. An open editor
   * always wins: nothing is published for a file open in one.
   */
  private async lintDiskFile(filePath: string, force = false): Promise<boolean> {
    if (this.isOpen(filePath)) return false;
    const key = path.resolve(filePath);
    const uri = fileUri(filePath);
    const folder = this.folderOf(filePath);
    const forget = (): false => {
      const e = this.scanned.get(key);
      this.scanned.delete(key);
      if ((e && e.problems > 0) || force) this.connection.sendDiagnostics({ uri: e?.uri ?? uri, diagnostics: [] });
      return false;
    };
    let text: string;
    try {
      const stat = await fs.promises.stat(filePath);
      if (!stat.isFile() || stat.size > MAX_TEMPLATE_BYTES) return forget();
      text = await fs.promises.readFile(filePath, 'utf8');
    } catch {
      return forget();
    }
    // Settings last: from here on everything is synchronous, so nothing published is stale.
    const editor = await this.stableSettings(folder);
    if (this.isOpen(filePath)) return false; // opened meanwhile
    if (!editor.enable) return forget();
    const { settings } = this.config.settingsFor(filePath, folder?.path, editor);
    if (this.configExcludes(filePath, settings)) return forget();
    const result = this.lint(text, filePath, settings, uri);
    const diagnostics = this.lspDiagnostics(result, uri);
    const before = this.scanned.get(key);
    if (folder?.path) this.scanned.set(key, { uri, folder: folder.path, problems: diagnostics.length });
    if (diagnostics.length || (before && before.problems > 0) || force) this.connection.sendDiagnostics({ uri, diagnostics });
    return result.template;
  }

  /** The config file's `exclude` globs, relative to its folder (as the CLI applies them to walks). */
  private configExcludes(filePath: string, settings: Settings): boolean {
    if (!settings.exclude.length) return false;
    const folder = this.folderOf(filePath);
    const config = this.config.configFor(filePath, folder?.path);
    const base = config ? path.dirname(config.file) : folder?.path;
    if (!base) return false;
    const rel = path.relative(base, filePath).split(path.sep).join('/');
    if (rel.startsWith('..')) return false;
    try {
      return picomatch.isMatch(rel, settings.exclude as string[], { dot: true });
    } catch {
      return false;
    }
  }

  private async scanOnCommand(): Promise<ScanSummary> {
    const folders: Folder[] = [];
    for (const f of this.folders) {
      const s = await this.folderSettings(f);
      if (f.path && s.enable && s.workspaceScan !== 'off') folders.push(f);
    }
    return this.scan(folders, true);
  }

  /**
   * Scans folders: walk (honouring the excludes), then lint each file, yielding to
   * the event loop between slices. A new scan cancels the running one and takes
   * over its folders; the user can cancel from the progress notification.
   */
  private async scan(requested: Folder[], explicit: boolean): Promise<ScanSummary> {
    const started = performance.now();
    const previous = this.currentScan;
    const folders = [...requested];
    if (previous) {
      previous.cts.cancel();
      for (const f of previous.folders) if (!folders.some((x) => x.uri === f.uri)) folders.push(f);
    }
    const cts = new CancellationTokenSource();
    const scan = { cts, folders, explicit: explicit || !!previous?.explicit };
    this.currentScan = scan;
    let progress: WorkDoneProgressServerReporter | undefined;
    try {
      progress = await this.connection.window.createWorkDoneProgress();
    } catch {
      progress = undefined;
    }
    const cancelled = (): boolean => cts.token.isCancellationRequested || this.shuttingDown || !!progress?.token.isCancellationRequested;
    const summary: ScanSummary = { files: 0, templates: 0, problems: 0, truncated: false, cancelled: false, ms: 0 };
    progress?.begin('CloudFormation TLS Lint', 0, 'Looking for templates…', true);
    void this.connection.sendNotification(SCAN_NOTIFICATION, { state: 'started' });
    const throttle = new Throttle();
    const work: string[] = [];
    const walked: string[] = [];
    try {
      for (const folder of folders) {
        if (!folder.path || cancelled()) continue;
        const settings = await this.folderSettings(folder);
        if (!settings.enable) continue;
        const matcher = this.matcherFor(folder, settings);
        const r = await walkFolder(folder.path, matcher, settings.maxScanFiles, { get isCancellationRequested() { return cancelled(); } }, throttle);
        if (r.cancelled || cancelled()) break;
        if (r.truncated) {
          summary.truncated = true;
          void this.connection.window.showInformationMessage(
            `cfn-tls-lint: the workspace scan of ${path.basename(folder.path)} stopped at ${settings.maxScanFiles} files (cfnTlsLint.maxScanFiles). Raise the limit or exclude folders with cfnTlsLint.exclude; open files are always linted.`,
          );
        }
        work.push(...r.files);
        walked.push(folder.path);
        this.scannedFolders.add(folder.path);
      }
      progress?.report(0, `Linting ${work.length} file${work.length === 1 ? '' : 's'}…`);
      let lastReport = performance.now();
      const seen = new Set<string>();
      for (const file of work) {
        if (cancelled()) break;
        seen.add(path.resolve(file));
        if (await this.lintDiskFile(file)) summary.templates++;
        summary.files++;
        if (performance.now() - lastReport > PROGRESS_INTERVAL_MS) {
          lastReport = performance.now();
          progress?.report(Math.floor((summary.files * 100) / work.length), `${summary.files}/${work.length} files`);
        }
        await throttle.maybeYield();
      }
      summary.cancelled = cancelled();
      if (!summary.cancelled) {
        // Files that are gone or now excluded lose their results.
        this.forgetScanned((e, key) => walked.includes(e.folder) && !seen.has(key));
      }
    } finally {
      for (const e of this.scanned.values()) summary.problems += e.problems;
      summary.ms = Math.round(performance.now() - started);
      progress?.done();
      if (this.currentScan === scan) this.currentScan = undefined;
      void this.connection.sendNotification(SCAN_NOTIFICATION, { state: summary.cancelled ? 'cancelled' : 'finished', ...summary });
    }
    return summary;
  }

  private async onWatchedFiles(changes: { uri: string; type: FileChangeType }[]): Promise<void> {
    const configs: string[] = [];
    const rescan = new Set<Folder>();
    for (const ch of changes) {
      const p = uriToPath(ch.uri);
      if (!p) continue;
      const base = path.basename(p);
      if (base === CONFIG_FILE_NAME) {
        configs.push(p);
        continue;
      }
      if (base === '.gitignore') {
        const f = this.folderOf(p);
        if (f?.path && this.scannedFolders.has(f.path)) {
          this.matchers.delete(f.path);
          rescan.add(f);
        }
        continue;
      }
      if (ch.type === FileChangeType.Deleted) {
        // A file or a whole folder: everything at or under the path loses its results.
        const abs = path.resolve(p);
        this.forgetScanned((_e, key) => isInside(abs, key));
        continue;
      }
      if (!isCandidateFile(p)) continue;
      if (this.scanCovers(p)) await this.lintDiskFile(p);
      else if (this.scanned.has(path.resolve(p))) this.forgetScanned((_e, key) => key === path.resolve(p));
    }
    if (configs.length) {
      this.config.reset();
      for (const file of configs) this.publishConfigFromDisk(file);
      for (const uri of this.openUris()) this.schedule(uri, 0);
      for (const file of configs) {
        const f = this.folderOf(file);
        if (f?.path && this.scannedFolders.has(f.path)) rescan.add(f);
      }
    }
    if (rescan.size) void this.scan([...rescan], false);
  }
}

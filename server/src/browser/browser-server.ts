/**
 * The language server in the browser (vscode.dev, github.dev): the desktop server's features on
 * open documents (diagnostics as you type, hover, completion, inlay hints, quick fixes and
 * fix-all, the inventory) with the same engine and the same translation modules, linting in
 * this worker (there are no worker threads, so no watchdog for a rule that loops). Having no
 * disk, it asks the client for the workspace's files (the scan) and for the resource
 * specification (spec-files.ts). docs/editor.md, "In the browser".
 */
import {
  CancellationToken,
  CancellationTokenSource,
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
  TextDocuments,
  WorkDoneProgressReporter,
} from '../lsp';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  defaultRegistry,
  fixAll,
  isCandidateFile,
  lintDeployed,
  lintText,
  mergeSettings,
  parseConfig,
  type LintResult,
  type Settings,
} from '../../../rules/src/index';
import { editorCapabilities, guarded, guardedRequest } from '../handlers';
import { codeActions, fixAllEdit, type ResolveData } from '../code-actions';
import { completion } from '../completion';
import { adaptiveDebounceMs, withLintSample } from '../debounce';
import type { DocView } from '../doc-view';
import { editorMarkdown, editorReport, templateInventory } from '../editor-inventory';
import { hover } from '../hover';
import { inlayHints } from '../inlay-hints';
import { keptFindings } from '../kept-findings';
import { Log } from '../log';
import { notLintedDiagnostic } from '../notices';
import {
  DID_LINT_NOTIFICATION,
  INVENTORY_CHANGED_NOTIFICATION,
  INVENTORY_COMMAND,
  INVENTORY_REQUEST,
  SCAN_COMMAND,
  SCAN_NOTIFICATION,
  SETTINGS_SECTIONS,
  SHOW_DOCUMENTATION_COMMAND,
  type DidLintParams,
  type EditorTemplateInventory,
  type InventoryParams,
  type ScanSummary,
} from '../protocol';
import { lspDiagnostics } from '../publish';
import { DEFAULT_EDITOR_SETTINGS, normalizeSettings, type EditorSettings } from '../settings';
import { documentationUri, quoteArgument } from '../show-documentation';
import { fileNameOf } from '../uri';
import {
  EXTENSION_FILES_REQUEST,
  LIST_FILES_REQUEST,
  READ_FILES_REQUEST,
  type ExtensionFilesResult,
  type ListFilesResult,
  type ReadFilesResult,
} from './protocol';
import { SpecFiles } from './spec-files';

/** The package version, defined by the bundler; absent when run from tsc's output. */
declare const CLI_VERSION: string | undefined;
const VERSION = typeof CLI_VERSION === 'string' ? CLI_VERSION : '0.0.0-dev';

/** As the desktop server's (EDITOR_RULE_BUDGET_MS): a rule past it is stopped at its next context call. */
const RULE_BUDGET_MS = 1000;
/** Files read per request during the scan. */
const READ_BATCH = 16;
const INVENTORY_NOTIFY_MS = 300;

/** One lint of an open document's version, with what it ran with. */
interface OpenLint {
  version: number;
  settingsKey: string;
  view: DocView;
  editor: EditorSettings;
  ms: number;
}

export class BrowserLintServer {
  private readonly documents = new TextDocuments(TextDocument);
  private readonly registry = defaultRegistry();
  private readonly log: Log;
  private readonly spec: SpecFiles;
  private folders: string[] = [];
  private canAsk = false;
  private pushed: unknown;
  private caps = { documentChanges: false, resolve: false, watchedFiles: false };
  private fixedDebounceMs: number | undefined;
  private readonly editorSettings = new Map<string, Promise<EditorSettings>>();
  private readonly engineSettings = new Map<string, Settings>();
  private readonly lints = new Map<string, OpenLint>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly lintTimes = new Map<string, number[]>();
  private readonly lastParsed = new Map<string, { text: string; findings: Diagnostic[] }>();
  /** Closed files the scan linted: their inventory entries (null: not a template). */
  private readonly scanned = new Map<string, EditorTemplateInventory | null>();
  private scanning: CancellationTokenSource | undefined;
  /** A scan ran: new candidate files are linted as they appear. */
  private scannedOnce = false;
  private inventoryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly connection: Connection,
    /** Where the engine's spec loader looks (scripts/build-web.js SPEC_ROOT). */
    specDir = '/cfn-tls-lint',
  ) {
    this.log = new Log(connection);
    this.spec = new SpecFiles(
      specDir,
      (paths) => connection.sendRequest<ExtensionFilesResult>(EXTENSION_FILES_REQUEST, { paths }),
      (message) => this.log.warn(`cfn-tls-lint: ${message}`),
    );
  }

  listen(): void {
    const c = this.connection;
    c.onInitialize((p) => this.initialize(p));
    c.onInitialized(() => void this.guard('initialization', () => this.scanOnStartup()));
    c.onShutdown(() => {
      this.scanning?.cancel();
      for (const t of this.timers.values()) clearTimeout(t);
      this.timers.clear();
    });
    this.documents.onDidChangeContent((e) => this.changed(e.document.uri));
    this.documents.onDidClose((e) => void this.guard('close', () => this.closed(e.document.uri)));
    this.documents.onDidSave((e) => void this.guard('save', () => this.saved(e.document.uri)));
    this.documents.listen(c);
    c.onDidChangeConfiguration((p) => {
      if (!this.canAsk && p.settings !== undefined && p.settings !== null) this.pushed = p.settings;
      this.editorSettings.clear();
      for (const doc of this.documents.all()) this.schedule(doc.uri, 0);
      // As on the desktop: a workspace that was scanned is scanned again with the new settings.
      if (this.scannedOnce) void this.guard('scan', () => this.scan());
    });
    c.onDidChangeWatchedFiles((p) => void this.guard('file change', () => this.filesChanged(p.changes)));
    c.onHover((p, token) =>
      this.request(token, async () => {
        const view = await this.viewFor(p.textDocument.uri);
        return view ? hover(view, p.position) : null;
      }),
    );
    c.onCompletion((p, token) =>
      this.request(token, async () => {
        const view = await this.viewFor(p.textDocument.uri);
        return view ? completion(view.doc, view.fileName, p.position, view.result.source, view.settings) : null;
      }),
    );
    c.languages.inlayHint.on((p, token) =>
      this.request(token, async () => {
        const view = await this.viewFor(p.textDocument.uri);
        return view ? inlayHints(view, p.range) : null;
      }),
    );
    c.onCodeAction((p, token) =>
      this.request(token, async () => {
        const view = await this.viewFor(p.textDocument.uri);
        if (!view) return [];
        const opts = { canResolve: this.caps.resolve, documentChanges: this.caps.documentChanges, log: (m: string) => this.log.warn(m) };
        return codeActions(view, p, { ...opts, fixedText: async (rule?: string) => this.fixedText(view, rule) });
      }),
    );
    c.onCodeActionResolve(async (action: CodeAction, token) => (await this.request(token, () => this.resolve(action))) ?? action);
    c.onRequest(ExecuteCommandRequest.type, (p: ExecuteCommandParams, token: CancellationToken) => this.command(p, token));
    c.onRequest(INVENTORY_REQUEST, (p: InventoryParams | undefined) => this.guard('inventory', () => editorReport(this.inventory(p?.folderUri))));
    c.listen();
  }

  // ---------------------------------------------------------------------------------------

  private initialize(p: InitializeParams): InitializeResult {
    const caps = p.capabilities;
    this.caps = {
      documentChanges: caps.workspace?.workspaceEdit?.documentChanges === true,
      resolve: caps.textDocument?.codeAction?.resolveSupport?.properties?.includes('edit') === true,
      watchedFiles: caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    };
    this.canAsk = caps.workspace?.configuration === true;
    const init = (p.initializationOptions ?? {}) as { settings?: unknown; debounceMs?: unknown };
    if (init.settings !== undefined) this.pushed = init.settings;
    if (typeof init.debounceMs === 'number' && init.debounceMs >= 0) this.fixedDebounceMs = init.debounceMs;
    this.folders = (p.workspaceFolders ?? []).map((f) => f.uri);
    // Started again in the same worker (the client's "Restart Server"): nothing of before holds.
    this.editorSettings.clear();
    this.lints.clear();
    this.lastParsed.clear();
    this.scanned.clear();
    this.log.info(`cfn-tls-lint ${VERSION} started in the browser: ${this.registry.metas.size} rules, ${this.folders.length} workspace folders`);
    return {
      capabilities: editorCapabilities(),
      serverInfo: { name: 'cfn-tls-lint', version: VERSION },
    };
  }

  private async command(p: ExecuteCommandParams, token: CancellationToken): Promise<unknown> {
    if (p.command === SHOW_DOCUMENTATION_COMMAND) {
      const uri = documentationUri(p.arguments?.[0], this.registry);
      if (!uri)
        throw new ResponseError(
          ErrorCodes.InvalidParams,
          `${SHOW_DOCUMENTATION_COMMAND} takes the id of a rule; ${quoteArgument(p.arguments?.[0])} is not one`,
        );
      return (await this.connection.window.showDocument({ uri, external: true }).catch(() => ({ success: false }))).success;
    }
    if (p.command === INVENTORY_COMMAND) return { markdown: editorMarkdown(this.inventory()) };
    if (p.command !== SCAN_COMMAND) return null;
    const progress = p.workDoneToken !== undefined ? this.connection.window.attachWorkDoneProgress(p.workDoneToken) : undefined;
    return this.guard('scan', () => this.scan(token, progress));
  }

  private guard<T>(what: string, f: () => T | Promise<T>): Promise<T | null> {
    return guarded(this.log, what, f);
  }

  private request<T>(token: CancellationToken, f: () => T | Promise<T>): Promise<T | null> {
    return guardedRequest(this.log, 'request', token, f);
  }

  // --------------------------------------------------------------------------------------- settings

  /** The folder a URI is in (the longest folder URI it starts with). */
  private folderOf(uri: string): string | undefined {
    return this.folders.filter((f) => uri === f || uri.startsWith(f.endsWith('/') ? f : `${f}/`)).sort((a, b) => b.length - a.length)[0];
  }

  private settingsOf(scopeUri: string | undefined): Promise<EditorSettings> {
    const key = scopeUri ?? '';
    let p = this.editorSettings.get(key);
    if (!p) {
      p = this.fetchSettings(scopeUri);
      this.editorSettings.set(key, p);
    }
    return p;
  }

  private async fetchSettings(scopeUri: string | undefined): Promise<EditorSettings> {
    if (!this.canAsk) {
      const pushed = (this.pushed ?? {}) as Record<string, unknown>;
      return normalizeSettings(pushed.cfnTlsLint ?? pushed);
    }
    try {
      const sections = SETTINGS_SECTIONS.map((section) => ({ section, scopeUri }));
      const [raw, files, search] = (await this.connection.workspace.getConfiguration(sections)) as unknown[];
      return normalizeSettings(raw, files, search);
    } catch {
      return { ...DEFAULT_EDITOR_SETTINGS };
    }
  }

  /** `cfnTlsLint.rules` over the defaults (there is no config file in the browser), and its key. */
  private settingsFor(editor: EditorSettings): { settings: Settings; key: string } {
    const key = JSON.stringify(editor.rules);
    let settings = this.engineSettings.get(key);
    if (!settings) {
      const { layer, errors } = parseConfig(JSON.stringify({ rules: editor.rules }), 'cfnTlsLint.rules', this.registry.metas);
      delete layer.file;
      if (errors.length) this.log.warn(`cfn-tls-lint: cfnTlsLint.rules: ${errors.map((e) => e.detail).join('; ')}`);
      settings = mergeSettings(layer);
      this.engineSettings.set(key, settings);
    }
    return { settings, key };
  }

  // --------------------------------------------------------------------------------------- linting

  /** The engine on a text, in this worker; never throws (a failure is the outcome's `failed`). */
  private lint(text: string, fileName: string, settings: Settings, uri: string): LintResult & { failed?: string } {
    try {
      const r = lintDeployed(text, fileName, this.registry, { settings, ruleBudgetMs: RULE_BUDGET_MS });
      for (const f of r.ruleFailures) {
        // Without the spec, unknown-property cannot run: said once, not as an error.
        if (f.rule === 'unknown-property' && !this.spec.available) {
          if (this.log.once('no spec')) this.log.info('cfn-tls-lint: the resource specification is not available here; unknown-property reports nothing');
        } else
          this.log.errorOnce(`rule ${f.rule}`, `cfn-tls-lint: rule ${f.rule} failed on ${uri}: ${f.message} (further failures of this rule are not logged)`);
      }
      return r;
    } catch (e) {
      const reason = (e instanceof Error ? e.message : String(e)).split('\n')[0];
      this.log.errorOnce(`lint ${reason}`, `cfn-tls-lint: linting ${uri} failed: ${e instanceof Error ? (e.stack ?? reason) : reason}`);
      return { template: false, diagnostics: [], ruleFailures: [], failed: reason };
    }
  }

  /** The current version's lint (one per version and settings); undefined when linting is off for the document. */
  private async viewFor(uri: string): Promise<DocView | undefined> {
    for (let tries = 0; tries < 5; tries++) {
      const doc = this.documents.get(uri);
      if (!doc) return undefined;
      const editor = await this.settingsOf(this.folderOf(uri));
      await this.spec.prepare(doc.getText());
      const now = this.documents.get(uri);
      if (!now || now.version !== doc.version) continue;
      if (!editor.enable) return undefined;
      const { settings, key } = this.settingsFor(editor);
      const cached = this.lints.get(uri);
      if (cached && cached.version === doc.version && cached.settingsKey === key) {
        cached.editor = editor; // rulesCustomizations and the like change without a new lint
        return cached.view;
      }
      const frozen = TextDocument.create(uri, doc.languageId, doc.version, doc.getText());
      const fileName = fileNameOf(uri, doc.languageId);
      const started = performance.now();
      const result = this.lint(frozen.getText(), fileName, settings, uri);
      const view: DocView = { uri, doc: frozen, fileName, settings, registry: this.registry, result };
      this.lints.set(uri, { version: doc.version, settingsKey: key, view, editor, ms: performance.now() - started });
      return view;
    }
    return undefined;
  }

  private fixedText(view: DocView, rule?: string): string {
    const lintOnce = (t: string) => lintText(t, view.fileName, this.registry, { settings: view.settings, ruleBudgetMs: RULE_BUDGET_MS });
    return fixAll(view.doc.getText(), (t) => {
      const l = lintOnce(t);
      return { source: l.source, diagnostics: l.diagnostics.filter((d) => rule === undefined || d.rule === rule) };
    }).text;
  }

  private async resolve(action: CodeAction): Promise<CodeAction> {
    const data = action.data as ResolveData | undefined;
    if (!data || data.kind !== 'fixAll' || action.edit) return action;
    const view = await this.viewFor(data.uri);
    if (view) action.edit = fixAllEdit(view, this.fixedText(view, data.rule), this.caps.documentChanges);
    return action;
  }

  private changed(uri: string): void {
    const first = !this.lints.has(uri) && !this.timers.has(uri);
    void this.settingsOf(this.folderOf(uri)).then((s) => {
      if (!first && s.run === 'onSave') return;
      this.schedule(uri, first ? 0 : (this.fixedDebounceMs ?? adaptiveDebounceMs(this.lintTimes.get(uri) ?? [])));
    });
  }

  private async saved(uri: string): Promise<void> {
    if ((await this.settingsOf(this.folderOf(uri))).run === 'onSave') this.schedule(uri, 0);
  }

  private schedule(uri: string, delay: number): void {
    const old = this.timers.get(uri);
    if (old) clearTimeout(old);
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.guard(`validating ${uri}`, () => this.validate(uri));
      }, delay),
    );
  }

  private async validate(uri: string): Promise<void> {
    const view = await this.viewFor(uri);
    const doc = this.documents.get(uri);
    if (!doc) return;
    if (!view) {
      this.connection.sendDiagnostics({ uri, version: doc.version, diagnostics: [] });
      return;
    }
    if (view.doc.version !== doc.version) return; // a newer version is scheduled
    const lint = this.lints.get(uri)!;
    this.lintTimes.set(uri, withLintSample(this.lintTimes.get(uri) ?? [], lint.ms));
    const r = view.result as LintResult & { failed?: string };
    const text = view.doc.getText();
    const diagnostics = lspDiagnostics(r, uri, lint.editor.rulesCustomizations);
    // A version that does not parse keeps the last parsed version's findings on the lines left alone (kept-findings.ts).
    if (r.failed === undefined && r.template && !r.parsed) {
      const last = this.lastParsed.get(uri);
      if (last) diagnostics.push(...keptFindings(last.findings, last.text, text));
    } else if (r.failed === undefined && r.template) this.lastParsed.set(uri, { text, findings: [...diagnostics] });
    const notLinted = r.skipped !== undefined ? notLintedDiagnostic(r.skipped, text) : undefined;
    if (notLinted) diagnostics.push(notLinted);
    this.connection.sendDiagnostics({ uri, version: view.doc.version, diagnostics });
    void this.connection.sendNotification(DID_LINT_NOTIFICATION, <DidLintParams>{
      uri,
      version: view.doc.version,
      problems: diagnostics.length,
      ms: Math.round(lint.ms),
    });
    this.inventoryChanged();
  }

  private async closed(uri: string): Promise<void> {
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.delete(uri);
    this.lints.delete(uri);
    this.lintTimes.delete(uri);
    this.lastParsed.delete(uri);
    this.inventoryChanged();
    // A scanned file goes back to what is saved; any other loses its diagnostics.
    if (this.scanned.has(uri)) await this.lintClosed([uri]);
    else this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private async filesChanged(changes: { uri: string; type: FileChangeType }[]): Promise<void> {
    const relint: string[] = [];
    for (const ch of changes) {
      if (this.documents.get(ch.uri)) continue; // the editor's buffer wins
      if (ch.type === FileChangeType.Deleted) {
        if (this.scanned.delete(ch.uri)) this.connection.sendDiagnostics({ uri: ch.uri, diagnostics: [] });
      } else if (this.scanned.has(ch.uri) || (this.scannedOnce && isCandidateFile(fileNameOf(ch.uri)))) relint.push(ch.uri);
    }
    if (relint.length) await this.lintClosed(relint);
    this.inventoryChanged();
  }

  // --------------------------------------------------------------------------------------- the scan

  private async scanOnStartup(): Promise<void> {
    if (this.caps.watchedFiles) {
      await this.connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yaml,yml,json,template}' }] })
        .catch(() => undefined);
    }
    const folders = await this.scanFolders('onStartup');
    if (folders.length) await this.scan();
  }

  /** The workspace folders to scan: enabled, and with workspaceScan `onStartup` (or, on command, not `off`). */
  private async scanFolders(mode: 'onStartup' | 'command'): Promise<{ uri: string; settings: EditorSettings }[]> {
    const out: { uri: string; settings: EditorSettings }[] = [];
    for (const uri of this.folders) {
      const settings = await this.settingsOf(uri);
      if (settings.enable && (mode === 'command' ? settings.workspaceScan !== 'off' : settings.workspaceScan === 'onStartup')) out.push({ uri, settings });
    }
    return out;
  }

  /**
   * Lints the workspace's closed candidate files, read through the client (no disk here): the
   * client lists them (its `files.exclude`, `cfnTlsLint.exclude` and `maxScanFiles` applied) and
   * reads them in batches. Cancellable; progress on the client's token when it sent one.
   */
  private async scan(token?: CancellationToken, progress?: WorkDoneProgressReporter): Promise<ScanSummary> {
    this.scanning?.cancel();
    const cts = (this.scanning = new CancellationTokenSource());
    token?.onCancellationRequested(() => cts.cancel());
    const started = performance.now();
    const before = new Set(this.scanned.keys());
    const summary: ScanSummary = { files: 0, templates: 0, problems: 0, truncated: false, cancelled: false, unreadable: [], ms: 0 };
    void this.connection.sendNotification(SCAN_NOTIFICATION, { state: 'started' });
    progress?.begin('Scanning workspace', 0, undefined, true);
    try {
      const folders = await this.scanFolders('command');
      const params = {
        folders: folders.map((f) => ({ uri: f.uri, exclude: [...f.settings.exclude, ...f.settings.editorExcludes], maxFiles: f.settings.maxScanFiles })),
      };
      const listed = folders.length ? await this.connection.sendRequest<ListFilesResult>(LIST_FILES_REQUEST, params) : { uris: [], truncated: false };
      summary.truncated = listed.truncated;
      const uris = listed.uris.filter((u) => isCandidateFile(fileNameOf(u)) && !this.documents.get(u));
      for (let i = 0; i < uris.length && !cts.token.isCancellationRequested; i += READ_BATCH) {
        const batch = uris.slice(i, i + READ_BATCH);
        const r = await this.lintClosed(batch);
        summary.files += batch.length;
        summary.templates += r.templates;
        summary.problems += r.problems;
        summary.unreadable.push(...r.unreadable);
        progress?.report(Math.round((100 * summary.files) / uris.length), `${summary.files}/${uris.length} files`);
        for (const u of batch) before.delete(u);
      }
      this.scannedOnce = true;
      // What the last scan had and this one did not find (deleted, now excluded, linting switched off) loses its results.
      if (!cts.token.isCancellationRequested) for (const u of before) if (this.scanned.delete(u)) this.connection.sendDiagnostics({ uri: u, diagnostics: [] });
    } finally {
      summary.cancelled = cts.token.isCancellationRequested;
      summary.ms = Math.round(performance.now() - started);
      if (this.scanning === cts) this.scanning = undefined;
      progress?.done();
      void this.connection.sendNotification(SCAN_NOTIFICATION, { state: summary.cancelled ? 'cancelled' : 'finished', ...summary });
      this.log.info(`cfn-tls-lint: workspace scan: ${summary.files} files, ${summary.templates} templates, ${summary.problems} findings, ${summary.ms} ms`);
      this.inventoryChanged();
    }
    return summary;
  }

  /** Reads closed files through the client, lints and publishes them. */
  private async lintClosed(uris: string[]): Promise<{ templates: number; problems: number; unreadable: { path: string; reason: string }[] }> {
    const out = { templates: 0, problems: 0, unreadable: [] as { path: string; reason: string }[] };
    const read = await this.connection.sendRequest<ReadFilesResult>(READ_FILES_REQUEST, { uris });
    for (const [i, uri] of uris.entries()) {
      const file = read[i];
      if (!file || 'error' in file) {
        out.unreadable.push({ path: uri, reason: file?.error ?? 'not read' });
        continue;
      }
      if (this.documents.get(uri)) continue; // opened meanwhile
      const editor = await this.settingsOf(this.folderOf(uri));
      if (!editor.enable) continue;
      const { settings } = this.settingsFor(editor);
      await this.spec.prepare(file.text);
      const fileName = fileNameOf(uri);
      const result = this.lint(file.text, fileName, settings, uri);
      const diagnostics = lspDiagnostics(result, uri, editor.rulesCustomizations);
      if (result.template) out.templates++;
      out.problems += diagnostics.length;
      if (diagnostics.length || this.scanned.get(uri)) this.connection.sendDiagnostics({ uri, diagnostics });
      const folderUri = this.folderOf(uri) ?? null;
      this.scanned.set(uri, templateInventory({ name: this.displayName(uri, folderUri), uri, folderUri, result, settings }) ?? null);
    }
    return out;
  }

  // --------------------------------------------------------------------------------------- the inventory

  private displayName(uri: string, folderUri: string | null): string {
    const rel = folderUri && uri.startsWith(`${folderUri.replace(/\/$/, '')}/`) ? uri.slice(folderUri.replace(/\/$/, '').length + 1) : undefined;
    try {
      return decodeURIComponent(rel ?? fileNameOf(uri).split('/').pop() ?? uri);
    } catch {
      return rel ?? uri;
    }
  }

  /** The templates of open documents (their current lint) and of scanned closed files. */
  private inventory(folderUri?: string): EditorTemplateInventory[] {
    const out: EditorTemplateInventory[] = [];
    for (const [uri, lint] of this.lints) {
      if (!this.documents.get(uri)) continue;
      const folder = this.folderOf(uri) ?? null;
      const { result, settings } = lint.view;
      const inv = templateInventory({ name: this.displayName(uri, folder), uri, folderUri: folder, result, settings });
      if (inv) out.push(inv);
    }
    for (const [uri, inv] of this.scanned) if (inv && !this.documents.get(uri)) out.push(inv);
    return folderUri ? out.filter((t) => t.folderUri === folderUri) : out;
  }

  private inventoryChanged(): void {
    if (this.inventoryTimer) return;
    this.inventoryTimer = setTimeout(() => {
      this.inventoryTimer = undefined;
      const t = this.inventory();
      const counts = {
        templates: t.length,
        certificates: t.reduce((n, x) => n + x.certificates.length, 0),
        endpoints: t.reduce((n, x) => n + x.endpoints.length, 0),
      };
      void this.connection.sendNotification(INVENTORY_CHANGED_NOTIFICATION, counts);
    }, INVENTORY_NOTIFY_MS);
  }
}

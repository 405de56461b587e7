import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  ApplyWorkspaceEditParams,
  CancellationTokenSource,
  CodeAction,
  CodeActionParams,
  CompletionList,
  ConfigurationParams,
  createProtocolConnection,
  type DataCallback,
  type Disposable,
  type Message,
  Diagnostic,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DidSaveTextDocumentNotification,
  ExitNotification,
  FileChangeType,
  Hover,
  InitializeParams,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  LogMessageParams,
  Position,
  ProgressToken,
  ProtocolConnection,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  Range,
  RegistrationParams,
  ShowDocumentParams,
  ShowMessageNotification,
  SetTraceNotification,
  ShowMessageParams,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocumentEdit,
  TextEdit,
  WorkDoneProgressCancelNotification,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { fileUri } from '../../server/src/uri';

/** A request's answer as data: its result, or its error (a cancelled request's among them). */
export type RequestAnswer = { result?: unknown; error?: { code: number; message: string } };

/** One JSON-RPC message as it goes over the wire (`header` replaces the Content-Length line). */
export function frame(body: string, header = `Content-Length: ${Buffer.byteLength(body)}`): string {
  return `${header}\r\n\r\n${body}`;
}

/** The server's output, with a look at every message before the connection takes it (answers to raw requests). */
class TappedReader extends StreamMessageReader {
  readonly taps = new Set<(m: Message) => void>();

  override listen(callback: DataCallback): Disposable {
    return super.listen((m) => {
      for (const tap of this.taps) tap(m);
      callback(m);
    });
  }
}

/**
 * A minimal LSP client for the protocol tests: starts the real bundled server
 * (`node dist/server.js --stdio`) as a child process and records what it says.
 * Waiting is event-driven: every message re-checks the pending conditions.
 */

export const REPO = path.resolve(__dirname, '..', '..', '..');
export const SERVER = path.join(REPO, 'dist', 'server.js');
/** The shipped server plus the fault hooks (test/protocol/test-server.ts, compiled by tsc). */
export const TEST_SERVER = path.join(REPO, 'out', 'test', 'protocol', 'test-server.js');
export const CORPUS = path.resolve(REPO, '..', 'shared', 'corpus');

export interface ProgressEvent {
  token: ProgressToken;
  value: { kind: 'begin' | 'report' | 'end'; title?: string; message?: string; percentage?: number; cancellable?: boolean };
}

export interface StartOptions {
  /** Workspace folders (paths). */
  folders?: string[];
  /** The `cfnTlsLint` section the client answers with (per folder the same). */
  settings?: Record<string, unknown>;
  filesExclude?: Record<string, boolean>;
  searchExclude?: Record<string, boolean>;
  env?: Record<string, string>;
  debounceMs?: number;
  /** Node options for the server process (`--expose-gc` for the heap tests). */
  nodeArgs?: string[];
  /** More initializationOptions (e.g. `ruleBudgetMs`). */
  init?: Record<string, unknown>;
  /** Start the test server (faulty rules, the stats and worker requests) instead of dist/server.js. */
  faultHooks?: boolean;
  /** `trace` in the initialize request (`cfnTlsLint.trace.server` in VS Code). */
  trace?: 'off' | 'messages' | 'verbose';
}

/** What the test-only `cfnTlsLint/test/stats` request returns (the test server, `faultHooks`). */
export interface ServerStats {
  lints: number;
  workerRestarts: number;
  heapUsed: number;
  workerHeapUsed: number | undefined;
  snapshots: number;
}

export class LspClient {
  readonly diagnostics: PublishDiagnosticsParams[] = [];
  readonly progress: ProgressEvent[] = [];
  readonly progressCreated: ProgressToken[] = [];
  readonly logs: LogMessageParams[] = [];
  readonly messages: ShowMessageParams[] = [];
  readonly shownDocuments: ShowDocumentParams[] = [];
  readonly registrations: RegistrationParams[] = [];
  readonly notifications: { method: string; params: unknown }[] = [];
  /** Diagnostics and the server's own notifications in the order they arrived (for tests of ordering). */
  readonly arrivals: { method: string; params: unknown }[] = [];
  settings: Record<string, unknown>;
  filesExclude: Record<string, boolean>;
  searchExclude: Record<string, boolean>;
  private readonly waiters = new Set<() => void>();
  private readonly versions = new Map<string, number>();
  private readonly texts = new Map<string, string>();
  private exited = false;
  /** The server's exit code once it has exited (null when a signal ended it). */
  exitCode: number | null | undefined;
  stderr = '';
  /** Delays the answers to workspace/configuration (to hold a request in the server while the test cancels it). */
  configDelayMs = 0;
  /** workspace/configuration requests received. */
  configRequests = 0;

  private constructor(
    readonly conn: ProtocolConnection,
    readonly child: ChildProcess,
    private readonly reader: TappedReader,
    opts: StartOptions,
  ) {
    this.settings = opts.settings ?? {};
    this.filesExclude = opts.filesExclude ?? {};
    this.searchExclude = opts.searchExclude ?? {};
  }

  static async start(opts: StartOptions = {}): Promise<LspClient> {
    const server = opts.faultHooks ? TEST_SERVER : SERVER;
    if (!fs.existsSync(server)) throw new Error(`${server} is missing: run \`node scripts/build.js && npx tsc -p .\` first`);
    const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), server, '--stdio'], {
      env: { ...process.env, ...opts.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const reader = new TappedReader(child.stdout!);
    const conn = createProtocolConnection(reader, new StreamMessageWriter(child.stdin!));
    const client = new LspClient(conn, child, reader, opts);
    child.stderr!.on('data', (d: Buffer) => (client.stderr += d.toString()));
    child.on('exit', (code) => {
      client.exitCode = code;
      client.exited = true;
      client.poke();
    });
    client.wire();
    conn.listen();
    const folders = opts.folders ?? [];
    const params: InitializeParams = {
      processId: process.pid,
      rootUri: folders[0] ? fileUri(folders[0]) : null,
      trace: opts.trace,
      workspaceFolders: folders.map((f) => ({ uri: fileUri(f), name: path.basename(f) })),
      initializationOptions:
        opts.debounceMs !== undefined || opts.init ? { ...(opts.debounceMs !== undefined ? { debounceMs: opts.debounceMs } : {}), ...opts.init } : undefined,
      capabilities: {
        workspace: {
          configuration: true,
          workspaceFolders: true,
          didChangeWatchedFiles: { dynamicRegistration: true },
          workspaceEdit: { documentChanges: true },
          applyEdit: true,
        },
        window: { workDoneProgress: true, showDocument: { support: true } },
        textDocument: {
          synchronization: { didSave: true, dynamicRegistration: false },
          publishDiagnostics: {
            relatedInformation: true,
            versionSupport: true,
            codeDescriptionSupport: true,
            dataSupport: true,
            tagSupport: { valueSet: [1, 2] },
          },
          codeAction: {
            codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
            resolveSupport: { properties: ['edit'] },
            dataSupport: true,
            isPreferredSupport: true,
          },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { snippetSupport: false, tagSupport: { valueSet: [1] }, preselectSupport: true } },
        },
      },
    };
    await conn.sendRequest(InitializeRequest.type, params);
    await conn.sendNotification(InitializedNotification.type, {});
    return client;
  }

  private wire(): void {
    const c = this.conn;
    const record =
      <T>(list: T[]) =>
      (p: T) => {
        list.push(p);
        this.poke();
      };
    c.onNotification(PublishDiagnosticsNotification.type, (p: PublishDiagnosticsParams) => {
      this.arrivals.push({ method: PublishDiagnosticsNotification.method, params: p });
      record(this.diagnostics)(p);
    });
    c.onNotification(LogMessageNotification.type, record(this.logs));
    c.onNotification(ShowMessageNotification.type, record(this.messages));
    c.onNotification('$/progress', (p: ProgressEvent) => {
      this.progress.push(p);
      this.poke();
    });
    for (const method of ['cfnTlsLint/didLint', 'cfnTlsLint/scan', 'cfnTlsLint/inventoryChanged']) {
      c.onNotification(method, (params: unknown) => {
        this.notifications.push({ method, params });
        this.arrivals.push({ method, params });
        this.poke();
      });
    }
    c.onRequest('workspace/configuration', async (p: ConfigurationParams) => {
      this.configRequests++;
      this.poke();
      if (this.configDelayMs > 0) await new Promise((r) => setTimeout(r, this.configDelayMs));
      return p.items.map((i) =>
        i.section === 'cfnTlsLint'
          ? this.settings
          : i.section === 'files.exclude'
            ? this.filesExclude
            : i.section === 'search.exclude'
              ? this.searchExclude
              : null,
      );
    });
    c.onRequest('client/registerCapability', (p: RegistrationParams) => {
      this.registrations.push(p);
      this.poke();
      return null;
    });
    c.onRequest('window/workDoneProgress/create', (p: { token: ProgressToken }) => {
      this.progressCreated.push(p.token);
      return null;
    });
    c.onRequest('window/showDocument', (p: ShowDocumentParams) => {
      this.shownDocuments.push(p);
      this.poke();
      return { success: true };
    });
    c.onRequest('window/showMessageRequest', (p: ShowMessageParams) => {
      this.messages.push(p);
      this.poke();
      return null;
    });
    c.onRequest('workspace/applyEdit', (p: ApplyWorkspaceEditParams) => {
      void p;
      return { applied: false };
    });
  }

  private poke(): void {
    for (const w of [...this.waiters]) w();
  }

  /** Resolves with the first non-undefined value of `check`, re-evaluated on every message. */
  waitFor<T>(what: string, check: () => T | undefined, timeoutMs = 15000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const attempt = (): void => {
        let v: T | undefined;
        try {
          v = check();
        } catch (e) {
          done();
          reject(e);
          return;
        }
        if (v !== undefined) {
          done();
          resolve(v);
        } else if (this.exited) {
          done();
          reject(new Error(`server exited while waiting for ${what}\n${this.stderr}`));
        }
      };
      const done = (): void => {
        if (timer) clearTimeout(timer);
        this.waiters.delete(attempt);
      };
      timer = setTimeout(() => {
        done();
        const recent = this.diagnostics.slice(-5).map((d) => `${d.uri} v${d.version}: ${d.diagnostics.map((x) => x.code).join(',')}`);
        reject(new Error(`timed out waiting for ${what}; last publishes:\n${recent.join('\n')}\nstderr: ${this.stderr}`));
      }, timeoutMs);
      this.waiters.add(attempt);
      attempt();
    });
  }

  /** The first publish for `uri` after index `since` that satisfies `pred`. */
  nextDiagnostics(
    uri: string,
    since: number,
    pred: (p: PublishDiagnosticsParams) => boolean = () => true,
    what = `diagnostics for ${uri}`,
  ): Promise<PublishDiagnosticsParams> {
    return this.waitFor(what, () => this.diagnostics.slice(since).find((p) => sameUri(p.uri, uri) && pred(p)));
  }

  /** Diagnostics for a version of an open document. */
  diagnosticsFor(uri: string, version: number, since = 0): Promise<PublishDiagnosticsParams> {
    return this.nextDiagnostics(uri, since, (p) => p.version === version, `diagnostics for ${path.basename(uri)} v${version}`);
  }

  mark(): number {
    return this.diagnostics.length;
  }

  async open(uri: string, text: string, languageId = 'yaml'): Promise<number> {
    this.versions.set(uri, 1);
    this.texts.set(uri, text);
    await this.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    return 1;
  }

  /** A full-text change; returns the new version. */
  async change(uri: string, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    this.texts.set(uri, text);
    await this.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  /** Incremental changes (edits on the current text); returns the new version. */
  async edit(uri: string, edits: TextEdit[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    this.texts.set(uri, applyTextEdits(this.texts.get(uri) ?? '', edits));
    // Sent last edit first so earlier ranges stay valid.
    const sorted = [...edits].sort((a, b) => compare(b.range.start, a.range.start));
    await this.conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: sorted.map((e) => ({ range: e.range, text: e.newText })),
    });
    return version;
  }

  text(uri: string): string {
    return this.texts.get(uri) ?? '';
  }

  version(uri: string): number {
    return this.versions.get(uri) ?? 0;
  }

  async save(uri: string): Promise<void> {
    await this.conn.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
  }

  async close(uri: string): Promise<void> {
    this.versions.delete(uri);
    await this.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async filesChanged(changes: { path: string; type: FileChangeType }[]): Promise<void> {
    await this.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: changes.map((c) => ({ uri: fileUri(c.path), type: c.type })) });
  }

  async settingsChanged(): Promise<void> {
    await this.conn.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }

  /** `$/setTrace`, as VS Code sends when `cfnTlsLint.trace.server` changes. */
  async setTrace(value: 'off' | 'messages' | 'verbose'): Promise<void> {
    await this.conn.sendNotification(SetTraceNotification.type, { value });
  }

  async cancelProgress(token: ProgressToken): Promise<void> {
    await this.conn.sendNotification(WorkDoneProgressCancelNotification.type, { token });
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position });
  }

  completion(uri: string, position: Position): Promise<CompletionList | null> {
    return this.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position });
  }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const params: CodeActionParams = { textDocument: { uri }, range, context: { diagnostics, only } };
    return this.conn.sendRequest('textDocument/codeAction', params);
  }

  resolve(action: CodeAction): Promise<CodeAction> {
    return this.conn.sendRequest('codeAction/resolve', action);
  }

  /**
   * Sends a request, then `$/cancelRequest` for it once `cancelWhen` resolves (at once without
   * it); resolves with the server's answer: a result, or the error it replied with.
   */
  async requestCancelled(method: string, params: unknown, cancelWhen?: Promise<unknown>): Promise<RequestAnswer> {
    const cts = new CancellationTokenSource();
    const answer = this.conn.sendRequest(method, params, cts.token).then(
      (result) => ({ result }),
      (error: { code: number; message: string }) => ({ error }),
    );
    await cancelWhen;
    cts.cancel();
    return answer;
  }

  /**
   * A request and its `$/cancelRequest` in one write, so that the server has read both before it
   * runs the request (sent as two writes, they may reach it in two reads, the request answered
   * in between). Resolves with the answer, read off the wire.
   */
  async requestCancelledUnread(method: string, params: unknown): Promise<RequestAnswer> {
    const id = `unread-${++this.unreadIds}`;
    const answer = new Promise<RequestAnswer>((resolve) => {
      const tap = (m: Message): void => {
        if ('id' in m && m.id === id && !('method' in m)) {
          this.reader.taps.delete(tap);
          resolve(m as RequestAnswer);
        }
      };
      this.reader.taps.add(tap);
    });
    const request = JSON.stringify({ jsonrpc: '2.0', id, method, params });
    const cancel = JSON.stringify({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id } });
    await this.writeRaw(frame(request) + frame(cancel));
    return answer;
  }

  private unreadIds = 0;

  /** The test-only stats request (the test server: start with `faultHooks`). */
  stats(): Promise<ServerStats> {
    return this.conn.sendRequest('cfnTlsLint/test/stats');
  }

  executeCommand(command: string, args: unknown[] = []): Promise<unknown> {
    return this.conn.sendRequest('workspace/executeCommand', { command, arguments: args });
  }

  /** Applies a workspace edit to an open document as the editor would: checks the version, sends the change. */
  async applyEdit(edit: WorkspaceEdit): Promise<number> {
    const docEdits = (edit.documentChanges ?? []).filter((c): c is TextDocumentEdit => 'textDocument' in c);
    if (docEdits.length !== 1) throw new Error(`expected one TextDocumentEdit, got ${JSON.stringify(edit)}`);
    const { textDocument, edits } = docEdits[0];
    const uri = textDocument.uri;
    if (textDocument.version !== this.version(uri)) throw new Error(`edit for version ${textDocument.version}, document is at ${this.version(uri)}`);
    return this.edit(uri, edits as TextEdit[]);
  }

  async stop(): Promise<void> {
    if (!this.exited) {
      try {
        await Promise.race([this.conn.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 2000))]);
        await this.conn.sendNotification(ExitNotification.type);
      } catch {
        // already gone
      }
    }
    await new Promise<void>((resolve) => {
      if (this.exited) return resolve();
      const t = setTimeout(() => {
        this.child.kill();
        resolve();
      }, 3000);
      this.child.on('exit', () => {
        clearTimeout(t);
        resolve();
      });
    });
    this.conn.dispose();
  }

  /** Writes bytes to the server's stdin as they are, bypassing the JSON-RPC framing. */
  writeRaw(bytes: string | Buffer): Promise<void> {
    return new Promise((resolve, reject) => this.child.stdin!.write(bytes, (e) => (e ? reject(e) : resolve())));
  }

  /** Resolves with the exit code once the server has exited; fails after `timeoutMs`. */
  waitForExit(timeoutMs: number): Promise<number | null> {
    return new Promise((resolve, reject) => {
      if (this.exited) return resolve(this.exitCode ?? null);
      const t = setTimeout(() => reject(new Error(`the server still runs after ${timeoutMs} ms\nstderr: ${this.stderr}`)), timeoutMs);
      this.child.once('exit', (code) => {
        clearTimeout(t);
        resolve(code);
      });
    });
  }

  get alive(): boolean {
    return !this.exited;
  }
}

function compare(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

function offsetAt(text: string, p: Position): number {
  let line = 0;
  let i = 0;
  while (line < p.line && i < text.length) {
    const c = text[i];
    i++;
    if (c === '\n' || (c === '\r' && text[i] !== '\n')) line++;
  }
  return i + p.character;
}

/** Applies LSP edits (non-overlapping, any order) to a text. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => compare(b.range.start, a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offsetAt(out, e.range.start)) + e.newText + out.slice(offsetAt(out, e.range.end));
  return out;
}

export function sameUri(a: string, b: string): boolean {
  return decodeURIComponent(a) === decodeURIComponent(b);
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `cfn-tls-lint-${prefix}-`));
}

export function copyDir(from: string, to: string): void {
  fs.cpSync(from, to, { recursive: true });
}

export function codes(p: PublishDiagnosticsParams): string[] {
  return p.diagnostics.map((d) => String(d.code));
}

/**
 * A minimal LSP client for tests of the browser server (dist/web/server.js): JSON-RPC messages as
 * a Web Worker exchanges them (objects through postMessage, no Content-Length framing).
 */
export interface Message {
  jsonrpc?: string;
  id?: number;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { message: string };
}

export interface Diag {
  code?: string | number;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  data?: unknown;
}

type Handler = (params: never) => unknown;

/**
 * `post(message)` sends to the server; call `receive(message)` with each message from it.
 * `handlers` answer the server's requests by method (a missing one answers null).
 */
export class LspDriver {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void; method: string }>();
  readonly notifications: Message[] = [];
  private waiters: { match(m: Message): boolean; resolve(m: Message): void; timer: ReturnType<typeof setTimeout> }[] = [];
  private readonly handlers: Record<string, Handler>;

  constructor(
    private readonly post: (m: Message) => void,
    handlers: Record<string, Handler> = {},
  ) {
    this.handlers = { 'workspace/configuration': ((p: { items: unknown[] }) => p.items.map(() => null)) as Handler, ...handlers };
  }

  receive(m: Message): void {
    if (m.id !== undefined && m.method === undefined) {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.error) p.reject(new Error(`${p.method}: ${m.error.message}`));
      else p.resolve(m.result);
    } else if (m.id !== undefined) {
      const handler = this.handlers[m.method!];
      Promise.resolve(handler ? handler(m.params as never) : null).then(
        (result) => this.post({ jsonrpc: '2.0', id: m.id, result: result ?? null }),
        (e: Error) => this.post({ jsonrpc: '2.0', id: m.id, error: { message: e.message } }),
      );
    } else {
      this.notifications.push(m);
      this.settle();
    }
  }

  request<T = unknown>(method: string, params: unknown): Promise<T> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, method });
      this.post({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.post({ jsonrpc: '2.0', method, params });
  }

  /** The first notification (past or future) for which `match` is true. */
  waitFor(match: (m: Message) => boolean, ms: number, what = 'notification'): Promise<Message> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms);
      this.waiters.push({ match, resolve, timer });
      this.settle();
    });
  }

  /** The first diagnostics published for a URI that satisfy `match`. */
  async diagnostics(uri: string, match: (d: Diag[]) => boolean, ms: number): Promise<Diag[]> {
    const params = (m: Message) => m.params as { uri: string; diagnostics: Diag[] };
    const m = await this.waitFor(
      (x) => x.method === 'textDocument/publishDiagnostics' && params(x).uri === uri && match(params(x).diagnostics),
      ms,
      `diagnostics for ${uri}`,
    );
    return params(m).diagnostics;
  }

  /** initialize + initialized, with the workspace folders given (URIs). */
  async start(folders: string[] = []): Promise<{ capabilities: Record<string, unknown> }> {
    const result = await this.request<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: null,
      rootUri: null,
      capabilities: {
        workspace: { configuration: true, workspaceEdit: { documentChanges: true } },
        textDocument: { codeAction: { resolveSupport: { properties: ['edit'] } }, publishDiagnostics: {} },
        window: { workDoneProgress: true },
      },
      workspaceFolders: folders.map((uri) => ({ uri, name: uri.split('/').pop() })),
      initializationOptions: { debounceMs: 0 },
    });
    this.notify('initialized', {});
    return result;
  }

  open(uri: string, languageId: string, text: string): void {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  private settle(): void {
    for (const w of [...this.waiters]) {
      const hit = this.notifications.find((m) => w.match(m));
      if (!hit) continue;
      this.waiters = this.waiters.filter((x) => x !== w);
      clearTimeout(w.timer);
      w.resolve(hit);
    }
  }
}

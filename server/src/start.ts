import { isMainThread } from 'worker_threads';
import { createConnection, ProposedFeatures } from './lsp';
import type { ServerExtensions } from './extensions';
import { exitWhenInputBreaks } from './input-watch';
import { LintServer } from './lint-server';
import { routeConsoleToClient } from './log';
import { transportFromArgs } from './transport';
import { runWorker } from './worker-thread';
import { LINT_WORKER_ARG } from './worker-protocol';

/**
 * Starts the language server in this process, or, when this is the lint worker thread, the
 * worker: an entry file is both (`script` is that file, which the server starts its worker from).
 * The transport comes from the command line as vscode-languageserver reads it: `--stdio` for
 * other editors (Neovim, Helix, Emacs), `--node-ipc` from the VS Code client.
 */
export function start(script: string, ext: ServerExtensions = {}): void {
  if (process.argv.includes(LINT_WORKER_ARG) && !isMainThread) {
    runWorker(ext.rules, ext.worker);
    return;
  }
  const transport = transportFromArgs(process.argv.slice(2));
  const connection = createConnection(ProposedFeatures.all, transport.reader, transport.writer);
  // Over stdio, stdout is the LSP channel: a stray console.log must not write into it.
  if (transport.stdin) routeConsoleToClient(connection);
  process.on('uncaughtException', (e) => connection.console.error(`cfn-tls-lint: uncaught exception: ${e.stack ?? e.message}`));
  process.on('unhandledRejection', (e) =>
    connection.console.error(`cfn-tls-lint: unhandled rejection: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`),
  );
  const server = new LintServer(connection, script, ext);
  // Before the reader listens (the same tick: no byte is missed), so that a framing error is named as such.
  exitWhenInputBreaks(transport, connection, () => server.shutdownRequested);
  server.listen();
}

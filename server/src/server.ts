/**
 * Entry point of the bundled language server (dist/server.js). The transport
 * comes from the command line as vscode-languageserver reads it: `--stdio` for
 * other editors (Neovim, Helix, Emacs), `--node-ipc` from the VS Code client.
 * The same file is the server's lint worker thread (no second bundle to ship).
 */
import { isMainThread } from 'worker_threads';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { LintServer } from './lint-server';
import { runWorker } from './worker-thread';

if (!isMainThread) {
  runWorker();
} else {
  if (!process.argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) {
    process.argv.push('--stdio');
  }
  const connection = createConnection(ProposedFeatures.all);
  process.on('uncaughtException', (e) => connection.console.error(`cfn-tls-lint: uncaught exception: ${e.stack ?? e.message}`));
  process.on('unhandledRejection', (e) => connection.console.error(`cfn-tls-lint: unhandled rejection: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));
  new LintServer(connection, __filename).listen();
}

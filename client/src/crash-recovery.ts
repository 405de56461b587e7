import {
  CloseAction,
  CloseHandlerResult,
  ErrorAction,
  ErrorHandler,
  ErrorHandlerResult,
  ExecuteCommandRequest,
  BaseLanguageClient,
  State,
} from 'vscode-languageclient';
import type { Disposable } from 'vscode';
import { RestartPolicy } from './restart-policy';
import { SCAN_COMMAND } from '../../server/src/protocol';

/**
 * The client's error handler: a server that stops without being asked (it crashed, or exited
 * because it could not read our messages) is restarted a few times (RestartPolicy), with a line
 * in the output channel saying so. The dead server's diagnostics are dropped, since nobody keeps
 * them current any more: the new server publishes again for the open documents (the client
 * re-sends them) and, when the workspace had been scanned, for the closed files too (scanned
 * again here, as a `workspaceScan: onCommand` folder would not be otherwise).
 */
export class CrashRecovery implements ErrorHandler {
  private readonly policy = new RestartPolicy();
  private client: BaseLanguageClient | undefined;
  private scanned = false;
  private rescan = false;

  /** `onStopped`: resets what the dead server was driving (the status bar's scan spinner, …). */
  constructor(private readonly onStopped: () => void) {}

  attach(client: BaseLanguageClient): Disposable {
    this.client = client;
    return client.onDidChangeState((e) => {
      if (e.newState !== State.Running || !this.rescan) return;
      this.rescan = false;
      // Progress shows in the status bar (server-created), as for the start-up scan.
      client.sendRequest(ExecuteCommandRequest.type, { command: SCAN_COMMAND, arguments: [] }).catch(() => undefined);
    });
  }

  /** A scan ran (the server's `cfnTlsLint/scan` notification). */
  scanSeen(): void {
    this.scanned = true;
  }

  /** The user restarts the server. */
  manualRestart(): void {
    this.policy.reset();
  }

  error(_error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
    // As vscode-languageclient's default: a few write errors are tolerated, then the connection is shut down.
    return { action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown };
  }

  closed(): CloseHandlerResult {
    const decision = this.policy.stopped();
    this.onStopped();
    this.client?.diagnostics?.clear();
    if (!decision.restart) return { action: CloseAction.DoNotRestart, message: decision.message };
    this.rescan = this.scanned;
    return { action: CloseAction.Restart, message: decision.message };
  }
}

import { CancellationToken, CodeActionKind, InitializeResult, TextDocumentSyncKind } from './lsp';
import { isCancellation, throwIfCancelled } from './cancel';
import { FIX_ALL_KIND } from './code-actions';
import type { Log } from './log';
import { INVENTORY_COMMAND, SCAN_COMMAND, SHOW_DOCUMENTATION_COMMAND } from './protocol';

/** What the desktop and the browser servers both offer (`initialize`'s capabilities). */
export function editorCapabilities(): InitializeResult['capabilities'] {
  return {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
    hoverProvider: true,
    inlayHintProvider: true,
    completionProvider: { triggerCharacters: [':', ' ', '"'] },
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
    executeCommandProvider: { commands: [SHOW_DOCUMENTATION_COMMAND, SCAN_COMMAND, INVENTORY_COMMAND] },
  };
}

/** Runs a handler; an exception is logged (once per message), never thrown into the connection. */
export async function guarded<T>(log: Log, what: string, f: () => T | Promise<T>): Promise<T | null> {
  try {
    return await f();
  } catch (e) {
    if (isCancellation(e)) throw e;
    const message = e instanceof Error ? e.message : String(e);
    log.errorOnce(`${what}: ${message}`, `cfn-tls-lint: ${what} failed: ${e instanceof Error ? (e.stack ?? message) : message}`);
    return null;
  }
}

/** A request handler: as `guarded`, and a cancelled request is answered with RequestCancelled, whatever it computed. */
export async function guardedRequest<T>(log: Log, what: string, token: CancellationToken, f: () => T | Promise<T>): Promise<T | null> {
  throwIfCancelled(token);
  const r = await guarded(log, what, f);
  throwIfCancelled(token);
  return r;
}

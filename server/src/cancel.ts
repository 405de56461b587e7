import { CancellationToken, LSPErrorCodes, ResponseError } from './lsp';

/** The error a cancelled request answers with (LSP `RequestCancelled`). */
export function requestCancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');
}

export function isCancellation(e: unknown): boolean {
  return e instanceof ResponseError && e.code === LSPErrorCodes.RequestCancelled;
}

/** Throws `RequestCancelled` once the client has cancelled: a handler checks it after each wait. */
export function throwIfCancelled(token: CancellationToken | undefined): void {
  if (token?.isCancellationRequested) throw requestCancelled();
}

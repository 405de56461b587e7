import type { Connection } from 'vscode-languageserver/node';
import { FramingCheck } from './framing-check';
import type { Transport } from './transport';

/** The exit code when the client's messages can no longer be read. */
export const BROKEN_INPUT_EXIT_CODE = 3;
/** Time for the last log message to reach the client before the process exits. */
const LAST_WORDS_MS = 200;
const MAX_REASON_LENGTH = 500;

/**
 * What the server does when it can no longer read its client (a message without
 * `Content-Length`, a wrong or negative length, a body that is not JSON): it says why, on
 * stderr and in the client's log, and exits non-zero. A stream out of step cannot be
 * resynchronised with any certainty; a restart can, and clients restart a server that exits
 * (VS Code's does, and re-sends the open documents). Call in the tick the connection starts
 * listening, before it: the framing check then sees each chunk first (its reasons are the
 * clearer ones), and no chunk flows before both listen.
 */
export function exitWhenInputBreaks(transport: Transport, connection: Connection, shutdownRequested: () => boolean): void {
  let exiting = false;
  const broken = (why: string): void => {
    if (exiting) return;
    exiting = true;
    const reason = why.length > MAX_REASON_LENGTH ? `${why.slice(0, MAX_REASON_LENGTH)}…` : why;
    const line = `cfn-tls-lint: the editor's messages cannot be read any more (${reason}); the server exits (code ${BROKEN_INPUT_EXIT_CODE}) so that the editor can start it again`;
    // stderr first: synchronous for pipes and files, and read by clients that no longer read us.
    process.stderr.write(`${line}\n`);
    try {
      connection.console.error(line);
    } catch {
      // the connection is gone too
    }
    setTimeout(() => process.exit(BROKEN_INPUT_EXIT_CODE), LAST_WORDS_MS);
  };
  transport.reader.onError((e) => broken(`a message could not be read: ${e.message}`));
  if (transport.stdin) {
    const check = new FramingCheck(broken);
    transport.stdin.on('data', (chunk: Buffer) => check.feed(chunk));
    // The client closed our input: as vscode-languageserver does for streams, 0 after a shutdown request.
    const closed = (): void => {
      if (!exiting) process.exit(shutdownRequested() ? 0 : 1);
    };
    transport.stdin.on('end', closed);
    transport.stdin.on('close', closed);
  }
}

import type { Connection } from 'vscode-languageserver/node';
import { inspect } from 'util';

/** The output channel (window/logMessage), with messages that are worth saying once only. */
export class Log {
  private readonly said = new Set<string>();

  constructor(private readonly connection: Connection) {}

  error(message: string): void {
    this.connection.console.error(message);
  }

  warn(message: string): void {
    this.connection.console.warn(message);
  }

  /** What the server did that a user may want to trace: a config file loaded, settings applied. */
  info(message: string): void {
    this.connection.console.info(message);
  }

  /** `cfnTlsLint.trace.server` (the client's `$/setTrace`, or `trace` at initialize) is `verbose`. */
  verbose = false;

  /** Said only at `trace.server: verbose`: details nobody reads otherwise, such as each version's lint time. */
  trace(message: () => string): void {
    if (this.verbose) this.connection.console.log(message());
  }

  /** Logs an error the first time its key is seen. */
  errorOnce(key: string, message: string): void {
    if (this.once(key)) this.error(message);
  }

  /** True the first time a key is seen. */
  once(key: string): boolean {
    if (this.said.has(key)) return false;
    this.said.add(key);
    return true;
  }
}

/** console.* into the client's log (window/logMessage), as vscode-languageserver does for the stdio connections it makes. */
export function routeConsoleToClient(connection: Connection): void {
  const text = (args: unknown[]): string => args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' ');
  console.log = (...args: unknown[]) => connection.console.log(text(args));
  console.info = (...args: unknown[]) => connection.console.info(text(args));
  console.debug = (...args: unknown[]) => connection.console.log(text(args));
  console.dir = (item: unknown) => connection.console.log(inspect(item));
  console.warn = (...args: unknown[]) => connection.console.warn(text(args));
  console.error = (...args: unknown[]) => connection.console.error(text(args));
}

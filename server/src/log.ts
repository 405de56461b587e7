import type { Connection } from 'vscode-languageserver/node';

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

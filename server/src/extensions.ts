import type { Connection } from 'vscode-languageserver/node';
import type { Rule } from '../../rules/src/index';
import type { LintOutcome } from './worker-protocol';

/**
 * What an embedder adds to the language server without the shipped server carrying it: the
 * protocol tests add rules that fail on purpose and requests that break the worker
 * (test/protocol/fault-injection.ts, through test/protocol/test-server.ts). The shipped
 * entry (server.ts) adds nothing.
 */
export interface ServerExtensions {
  /** More rules, registered in both threads. */
  rules?: readonly Rule[];
  /** The lint worker's heap limit, in MB (the default suits real templates). */
  workerHeapMb?: number;
  /** Registers more requests once the server is wired; `hooks` reach into its state. */
  register?(connection: Connection, hooks: ServerHooks): void;
  /** What runs inside the lint worker. */
  worker?: WorkerExtensions;
}

/** What an extension may read and do on the main thread. */
export interface ServerHooks {
  /** Lints of open documents so far, worker restarts, open document snapshots. */
  counters(): { lints: number; workerRestarts: number; snapshots: number };
  /** The worker's heap after a collection (undefined without a worker). */
  workerHeapUsed(): Promise<number | undefined>;
  /** Posts a control message to the idle worker (WorkerExtensions.control); false without a ready worker. */
  controlWorker(message: unknown): boolean;
}

/** What runs inside the lint worker thread. */
export interface WorkerExtensions {
  /** Before each job, with its text (may throw or exit, as a fault would). */
  beforeJob?(text: string): void;
  /** After a lint job, before its outcome is posted back. */
  afterLint?(text: string, outcome: LintOutcome): void;
  /** A control message from ServerHooks.controlWorker. */
  control?(message: unknown): void;
}

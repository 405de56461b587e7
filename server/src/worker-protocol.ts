import type { Diagnostic, LintResult, RuleFailure, Settings } from '../../rules/src/index';
import type { EditorTemplateInventory } from './protocol';

/** Messages between the server's main thread and its lint worker (server/src/worker-host.ts). */

/** How a closed file is listed in the inventory, when the worker should build its entry too. */
export interface InventoryName {
  name: string;
  uri: string;
  folderUri: string | null;
}

interface JobBase {
  text: string;
  fileName: string;
  settings: Settings;
  /** Time budget per rule (the engine's RuleTimeout). */
  budgetMs: number;
  /** Rules not to run (they hung on this document before). */
  skip: string[];
}

export interface LintJob extends JobBase {
  kind: 'lint';
  inventory?: InventoryName;
  /** An open document's URI: the worker keeps its last lint to reuse on the next version (LintHistory). */
  document?: string;
}

export interface FixAllJob extends JobBase {
  kind: 'fixAll';
  /** Only this rule's safe fixes; every safe fix when absent. */
  rule?: string;
}

export type Job = LintJob | FixAllJob;

/** A lint as the main thread gets it: plain data (no parse, no template). */
export interface LintOutcome {
  template: boolean;
  skipped?: string;
  diagnostics: Diagnostic[];
  ruleFailures: RuleFailure[];
  /** A template whose text does not parse: no rule ran, `diagnostics` are the syntax errors. */
  unparsed?: boolean;
  /** How long the lint took where it ran (parse, rules, inventory), without the wait in the queue. */
  ms?: number;
  /** The inventory entry when asked for: null when the file is not a template. */
  inventory?: EditorTemplateInventory | null;
}

/** The data of a lint the main thread needs (the parse and the model stay where the lint ran). */
export function lintOutcome(r: LintResult): LintOutcome {
  const outcome: LintOutcome = { template: r.template, skipped: r.skipped, diagnostics: r.diagnostics, ruleFailures: r.ruleFailures };
  // A template without a model is one whose parse failed (lintText builds the model whenever it parses).
  if (r.template && !r.parsed) outcome.unparsed = true;
  return outcome;
}

export interface JobResult {
  lint: LintOutcome;
  fixAll: { text: string };
}

/** `control`: a message for the worker's extensions (server/src/extensions.ts). */
export type ToWorker = { type: 'job'; id: number; job: Job } | { type: 'stats'; id: number } | { type: 'control'; message: unknown };

export type FromWorker =
  | { type: 'ready'; rules: string[] }
  | { type: 'done'; id: number; value: LintOutcome | JobResult['fixAll'] }
  | { type: 'failed'; id: number; message: string }
  | { type: 'stats'; id: number; heapUsed: number };

/**
 * Shared progress words: [0] a counter bumped whenever the worker enters or leaves a rule
 * or a job, [1] the index of the rule running (-1: none). The main thread reads them while
 * the worker is busy, so it can tell a rule that does not return, and which.
 */
export const PROGRESS_SEQ = 0;
export const PROGRESS_RULE = 1;
export const PROGRESS_WORDS = 2;

/**
 * On the lint worker's command line: an entry file is both the server and its worker, and this
 * tells them apart without loading `worker_threads` on the server's way to `initialize`.
 */
export const LINT_WORKER_ARG = '--cfn-tls-lint-worker';

import type { ServerExtensions } from './extensions';
import { templateInventory } from './editor-inventory';
import { LintWorkerHost, ruleLimitMs, WorkerStopped, WorkerUnavailable } from './worker-host';
import type { Log } from './log';
import {
  lintOutcome,
  type FixAllJob,
  type InventoryName,
  type Job,
  type JobResult,
  type LintJob,
  type LintOutcome as WorkerLintOutcome,
} from './worker-protocol';
import {
  ALL_RULES,
  defaultRegistry,
  lintDeployed,
  lintText,
  LintResult,
  MAX_TEMPLATE_BYTES,
  parseDocument,
  ParsedDocument,
  RuleFailure,
  type Rule,
  RuleRegistry,
  Settings,
  fixAll,
  looksBinary,
} from '../../rules/src/index';

/** A lint as the server gets it: the worker's outcome, or why the document could not be linted. */
export interface LintOutcome extends WorkerLintOutcome {
  /** Set when the lint failed outside any rule, even when tried again: the reason, in a few words. */
  failed?: string;
}

/**
 * Time budget per rule per document in the editor (the engine's RuleTimeout; the CLI's is
 * 5 s). Real templates need a few milliseconds per rule; a rule past one second is stopped at
 * its next context call, so one runaway rule delays a keystroke's diagnostics by a second at most.
 */
export const EDITOR_RULE_BUDGET_MS = 1000;
/** A rule that hangs on this many documents is skipped on every document until the server restarts. */
const HUNG_DOCUMENTS_LIMIT = 3;
/** Tries of a lint that fails outside any rule (the worker throws or dies, its result cannot be cloned): one retry. */
const ATTEMPTS = 2;

/** A lint that failed outside any rule on every try. */
class LintFailed {
  constructor(readonly reason: string) {}
}

/** The reason of a failure, in one line: the first line of an error's stack is its message. */
function failureReason(e: unknown): string {
  const text = e instanceof WorkerStopped ? e.message : e instanceof Error ? e.message : String(e);
  // Without a final full stop: the reason goes inside a sentence.
  const line = text.split('\n')[0].replace(/\.+$/, '');
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

function failedOutcome(reason: string): LintOutcome {
  return { template: false, diagnostics: [], ruleFailures: [], failed: reason };
}

export interface LintRequest {
  /** A workspace-scan or report lint: waits behind the open documents' lints. */
  background?: boolean;
  /** Build the file's inventory entry too (closed files). */
  inventory?: InventoryName;
  /** Drop the lint if this is true when its turn comes (resolves undefined). */
  stale?: () => boolean;
}

/**
 * The engine as the server calls it. Rules run in a worker thread (`LintWorkerHost`) so that a
 * rule that never returns can be stopped; the main thread keeps a parse per document version
 * for hover, completion and code actions (`parse`). A rule that throws or runs past its budget
 * is logged once; a rule that hangs is logged once and skipped for that document until the
 * server restarts (on every document once it has hung on three). An engine failure never escapes.
 *
 * `CFN_TLS_LINT_SERVER_WORKER=0` lints on the main thread instead (no protection from a rule
 * that loops without calling its context).
 */
export class Linter {
  private rules: RuleRegistry | undefined;
  ruleBudgetMs = EDITOR_RULE_BUDGET_MS;
  private host: LintWorkerHost | undefined;
  private readonly failedRules = new Set<string>();
  /** Rules that hung, per document. */
  private readonly hung = new Map<string, Set<string>>();
  private readonly hungOn = new Map<string, Set<string>>();
  private readonly disabled = new Set<string>();
  /** Lints run for open documents (the test-only stats request). */
  lints = 0;
  private disposed = false;
  private readonly extraRules: readonly Rule[];

  constructor(
    private readonly log: Log,
    workerScript: string | undefined,
    ext: ServerExtensions = {},
  ) {
    this.extraRules = ext.rules ?? [];
    if (workerScript && process.env.CFN_TLS_LINT_SERVER_WORKER !== '0') this.host = new LintWorkerHost(workerScript, (m) => log.error(m), ext.workerHeapMb);
  }

  /** The rules (read on first use: the engine is not loaded before `initialize` is answered). */
  get registry(): RuleRegistry {
    return (this.rules ??= this.extraRules.length ? new RuleRegistry([...ALL_RULES, ...this.extraRules]) : defaultRegistry());
  }

  /** A message for the idle worker's extensions; false without a ready worker. */
  controlWorker(message: unknown): boolean {
    return this.host?.controlWorker(message) ?? false;
  }

  start(): void {
    this.host?.start();
  }

  dispose(): void {
    this.disposed = true;
    this.host?.dispose();
  }

  get workerRestarts(): number {
    return this.host?.restarts ?? 0;
  }

  workerHeapUsed(): Promise<number | undefined> {
    return this.host?.workerHeapUsed() ?? Promise.resolve(undefined);
  }

  /**
   * The main thread's parse of a text (the template model included), without running rules:
   * what hover, completion, code actions and the inventory read. One per document version.
   */
  parse(text: string, fileName: string, settings: Settings): ParsedDocument {
    try {
      return parseDocument(text, fileName, undefined, settings);
    } catch (e) {
      this.log.errorOnce(`parse ${(e as Error).message}`, `cfn-tls-lint: parsing ${fileName} failed: ${(e as Error).stack ?? e}`);
      return { template: false };
    }
  }

  /**
   * The rules' findings on a text, or (`failed`) why it could not be linted; undefined when the
   * lint was dropped as stale or the server is shutting down.
   */
  async lint(text: string, fileName: string, settings: Settings, uri: string, req: LintRequest = {}): Promise<LintOutcome | undefined> {
    // The engine refuses these at once: no need to copy megabytes to the worker for that.
    if (text.length > MAX_TEMPLATE_BYTES || looksBinary(text)) return this.lintHere(text, fileName, settings, uri, req);
    const outcome = await this.inWorker<LintJob>(
      { kind: 'lint', text, fileName, settings, inventory: req.inventory, ...(req.background ? {} : { document: uri }) },
      uri,
      req,
    );
    if (outcome === 'inProcess') return this.lintHere(text, fileName, settings, uri, req);
    if (outcome instanceof LintFailed) return failedOutcome(outcome.reason);
    if (outcome && !req.background) this.lints++;
    if (outcome) this.logFailures(outcome.ruleFailures, uri);
    return outcome;
  }

  /** The text after every safe fix (of one rule, or all); undefined when it could not be computed (logged). */
  async fixedText(text: string, fileName: string, settings: Settings, uri: string, rule?: string): Promise<string | undefined> {
    const r = await this.inWorker<FixAllJob>({ kind: 'fixAll', text, fileName, settings, rule }, uri, {});
    if (r instanceof LintFailed) return undefined;
    if (r !== 'inProcess') return r?.text;
    return fixAll(text, (t) => {
      const l = lintText(t, fileName, this.registry, { settings, ruleBudgetMs: this.ruleBudgetMs });
      return { diagnostics: rule ? l.diagnostics.filter((d) => d.rule === rule) : l.diagnostics, source: l.source };
    }).text;
  }

  private async inWorker<J extends Job>(
    job: Omit<J, 'budgetMs' | 'skip'>,
    uri: string,
    req: LintRequest,
  ): Promise<JobResult[J['kind']] | undefined | 'inProcess' | LintFailed> {
    let failures = 0;
    // Each hang drops one more rule, and a failure outside the rules is tried once more: the loop ends.
    for (;;) {
      const host = this.host;
      if (!host) return 'inProcess';
      const skip = [...this.disabled, ...(this.hung.get(uri) ?? [])];
      try {
        return await host.run({ ...job, budgetMs: this.ruleBudgetMs, skip } as J, req.background ? 'background' : 'now', req.stale);
      } catch (e) {
        if (e instanceof WorkerUnavailable) {
          if (this.disposed) return undefined;
          if (this.host === host) this.host = undefined;
          continue;
        }
        if (e instanceof WorkerStopped && e.rule && !skip.includes(e.rule)) {
          this.ruleHung(e.rule, uri, e);
          continue;
        }
        // Outside any rule: the worker threw or died, or its result could not be posted back.
        const reason = failureReason(e);
        const what = job.kind === 'fixAll' ? 'fixing' : 'linting';
        if (++failures < ATTEMPTS) {
          this.log.error(`cfn-tls-lint: ${what} ${uri} failed outside any rule (${reason}); trying once more`);
          continue;
        }
        const detail = e instanceof Error && !(e instanceof WorkerStopped) ? e.message : reason;
        const said = job.kind === 'lint' ? 'a diagnostic at the top of the file says so; ' : '';
        this.log.errorOnce(`${job.kind} ${reason}`, `cfn-tls-lint: ${what} ${uri} failed again, so it is given up (${said}please report this): ${detail}`);
        return new LintFailed(reason);
      }
    }
  }

  private ruleHung(rule: string, uri: string, e: WorkerStopped): void {
    let rules = this.hung.get(uri);
    if (!rules) this.hung.set(uri, (rules = new Set()));
    rules.add(rule);
    let docs = this.hungOn.get(rule);
    if (!docs) this.hungOn.set(rule, (docs = new Set()));
    docs.add(uri);
    const what = e.crashed
      ? `made the lint worker die (${e.message})`
      : `did not return after ${e.ms} ms (a loop its ${this.ruleBudgetMs} ms time budget cannot interrupt; the limit is ${ruleLimitMs(this.ruleBudgetMs)} ms)`;
    if (this.log.once(`hung ${rule}`)) {
      this.log.error(
        `cfn-tls-lint: rule ${rule} ${what} on ${uri}. The lint worker was stopped and restarted; the other rules' findings are published, and ${rule} is skipped for this document until the server restarts (for every document once it has hung on ${HUNG_DOCUMENTS_LIMIT}). Please report this.`,
      );
    }
    if (docs.size >= HUNG_DOCUMENTS_LIMIT && !this.disabled.has(rule)) {
      this.disabled.add(rule);
      this.log.error(`cfn-tls-lint: rule ${rule} hung on ${docs.size} documents: it is skipped on every document until the server restarts.`);
    }
  }

  private lintHere(text: string, fileName: string, settings: Settings, uri: string, req: LintRequest): LintOutcome | undefined {
    const started = performance.now();
    let r: LintResult;
    try {
      r = lintDeployed(text, fileName, this.registry, { settings, ruleBudgetMs: this.ruleBudgetMs });
    } catch (e) {
      // Deterministic on the main thread: no second try.
      this.log.errorOnce(`lint ${failureReason(e)}`, `cfn-tls-lint: linting ${uri} failed: ${(e as Error).stack ?? e}`);
      return failedOutcome(failureReason(e));
    }
    if (!req.background) this.lints++;
    this.logFailures(r.ruleFailures, uri);
    const outcome: LintOutcome = lintOutcome(r);
    if (req.inventory) outcome.inventory = templateInventory({ ...req.inventory, result: r, settings }) ?? null;
    outcome.ms = Math.round(performance.now() - started);
    return outcome;
  }

  private logFailures(failures: readonly RuleFailure[], uri: string): void {
    for (const f of failures) {
      if (this.failedRules.has(f.rule)) continue;
      this.failedRules.add(f.rule);
      this.log.error(`cfn-tls-lint: rule ${f.rule} failed on ${uri}: ${f.message} (the other rules still ran; further failures of this rule are not logged)`);
    }
  }
}

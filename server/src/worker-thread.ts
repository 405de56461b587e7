import { parentPort, workerData } from 'worker_threads';
import type { WorkerExtensions } from './extensions';
import { templateInventory } from './editor-inventory';
import { FromWorker, Job, JobResult, LintJob, lintOutcome, LintOutcome, PROGRESS_RULE, PROGRESS_SEQ, ToWorker } from './worker-protocol';
import { ALL_RULES, lintDeployed, lintText, LintHistory, LintResult, Rule, RuleRegistry, fixAll } from '../../rules/src/index';

/**
 * The lint worker thread: runs the rules for the main thread, one job at a time. Before and
 * after each rule it writes which rule runs into shared memory, so the main thread's watchdog
 * can stop a rule that never returns (a loop the engine's time budget cannot reach) and name it.
 */
export function runWorker(extraRules: readonly Rule[] = [], ext: WorkerExtensions = {}): void {
  const port = parentPort!;
  const progress = new Int32Array(workerData.progress as SharedArrayBuffer);
  const rules: readonly Rule[] = [...ALL_RULES, ...extraRules];
  let skip = new Set<string>();
  const enter = (i: number): void => {
    Atomics.store(progress, PROGRESS_RULE, i);
    Atomics.add(progress, PROGRESS_SEQ, 1);
  };
  const watched: Rule[] = rules.map((rule, i) => ({
    meta: rule.meta,
    check(ctx) {
      if (skip.has(rule.meta.id)) return;
      enter(i);
      try {
        rule.check(ctx);
      } finally {
        enter(-1);
      }
    },
  }));
  const registry = new RuleRegistry(watched);
  const send = (m: FromWorker): void => port.postMessage(m);

  const lint = (job: Job, text: string): LintResult => lintText(text, job.fileName, registry, { settings: job.settings, ruleBudgetMs: job.budgetMs });
  // A reused rule is not run, so not skipped either: documents with rules to skip get no history.
  const histories = new RecentHistories(MAX_HISTORIES);
  // What the editor shows: one lint per configured environment that deploys the file (fixes use `lint`).
  const lintForDiagnostics = (job: LintJob): LintResult =>
    lintDeployed(job.text, job.fileName, registry, {
      settings: job.settings,
      ruleBudgetMs: job.budgetMs,
      history: job.document && !job.skip.length ? histories.of(job.document) : undefined,
    });

  const run = (job: Job): LintOutcome | JobResult['fixAll'] => {
    skip = new Set(job.skip);
    ext.beforeJob?.(job.text);
    if (job.kind === 'fixAll') {
      const only = job.rule;
      const out = fixAll(job.text, (text) => {
        const r = lint(job, text);
        return { diagnostics: only ? r.diagnostics.filter((d) => d.rule === only) : r.diagnostics, source: r.source };
      });
      return { text: out.text };
    }
    const started = performance.now();
    const r = lintForDiagnostics(job);
    const outcome = lintOutcome(r);
    if (job.inventory) outcome.inventory = templateInventory({ ...job.inventory, result: r, settings: job.settings }) ?? null;
    outcome.ms = Math.round(performance.now() - started);
    ext.afterLint?.(job.text, outcome);
    return outcome;
  };

  port.on('message', (m: ToWorker) => {
    if (m.type === 'control') {
      ext.control?.(m.message);
      return;
    }
    if (m.type === 'stats') {
      (globalThis as { gc?: () => void }).gc?.();
      send({ type: 'stats', id: m.id, heapUsed: process.memoryUsage().heapUsed });
      return;
    }
    const failed = (e: unknown): FromWorker => ({ type: 'failed', id: m.id, message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    // The progress counter moves on taking the job and on leaving it, never after the reply: the
    // main thread's next job must see it move only once this worker has taken that job.
    enter(-1);
    let reply: FromWorker;
    try {
      reply = { type: 'done', id: m.id, value: run(m.job) };
    } catch (e) {
      reply = failed(e);
    }
    enter(-1);
    try {
      send(reply);
    } catch (e) {
      // A result postMessage cannot clone (DataCloneError).
      send(failed(e));
    }
  });
  send({ type: 'ready', rules: rules.map((r) => r.meta.id) });
}

/** Open documents whose last lint the worker keeps: a few, the most recently linted (each holds a parse). */
const MAX_HISTORIES = 4;

class RecentHistories {
  private readonly byDocument = new Map<string, LintHistory>();

  constructor(private readonly max: number) {}

  of(document: string): LintHistory {
    let h = this.byDocument.get(document);
    if (h) this.byDocument.delete(document);
    else h = new LintHistory();
    this.byDocument.set(document, h);
    if (this.byDocument.size > this.max) this.byDocument.delete(this.byDocument.keys().next().value!);
    return h;
  }
}

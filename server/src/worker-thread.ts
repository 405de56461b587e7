import { parentPort, workerData } from 'worker_threads';
import * as fs from 'fs';
import { FAULT_RULES, faultInjectionEnabled, INJECTED_EXIT_CODE, jobFault, WorkerTestAction } from './fault-injection';
import { templateInventory } from './inventory';
import { FromWorker, Job, LintOutcome, PROGRESS_RULE, PROGRESS_SEQ, ToWorker } from './worker-protocol';
import { ALL_RULES, lintText, LintResult, Rule, RuleRegistry, fixAll } from '../../rules/src/index';

/**
 * The lint worker thread: runs the rules for the main thread, one job at a time. Before and
 * after each rule it writes which rule runs into shared memory, so the main thread's watchdog
 * can stop a rule that never returns (a loop the engine's time budget cannot reach) and name it.
 */
export function runWorker(): void {
  const port = parentPort!;
  const progress = new Int32Array(workerData.progress as SharedArrayBuffer);
  const rules: readonly Rule[] = faultInjectionEnabled() ? [...ALL_RULES, ...FAULT_RULES] : ALL_RULES;
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

  const hooks = faultInjectionEnabled();

  const run = (job: Job): LintOutcome | { text: string } => {
    skip = new Set(job.skip);
    if (hooks) injectJobFault(job.text);
    if (job.kind === 'fixAll') {
      const only = job.rule;
      const out = fixAll(job.text, (text) => {
        const r = lint(job, text);
        return { diagnostics: only ? r.diagnostics.filter((d) => d.rule === only) : r.diagnostics, source: r.source };
      });
      return { text: out.text };
    }
    const r = lint(job, job.text);
    const outcome: LintOutcome = { template: r.template, skipped: r.skipped, diagnostics: r.diagnostics, ruleFailures: r.ruleFailures };
    if (job.inventory) outcome.inventory = templateInventory({ ...job.inventory, result: r, settings: job.settings }) ?? null;
    // A result postMessage cannot clone (the fault hooks' `unclonable`).
    if (hooks && jobFault(job.text)?.kind === 'unclonable') (outcome as { unclonable?: unknown }).unclonable = () => undefined;
    return outcome;
  };

  port.on('message', (m: ToWorker) => {
    if (m.type === 'test') {
      if (hooks) failWhileIdle(m.action);
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

/** The fault hooks' faults of a whole lint, outside any rule (server/src/fault-injection.ts). */
function injectJobFault(text: string): void {
  const fault = jobFault(text);
  if (!fault) return;
  if (fault.kind === 'throw') throw new Error('injected engine fault (outside any rule)');
  if (fault.kind === 'exit') process.exit(INJECTED_EXIT_CODE);
  if (fault.kind === 'exit-once' && createdNow(fault.flagFile)) process.exit(INJECTED_EXIT_CODE);
  if (fault.kind === 'oom') {
    const hog: number[][] = [];
    for (;;) hog.push(new Array<number>(1 << 20).fill(hog.length));
  }
}

function createdNow(file: string): boolean {
  try {
    fs.closeSync(fs.openSync(file, 'wx'));
    return true;
  } catch {
    return false;
  }
}

/**
 * An exit (as after a native crash) or an event loop blocked for good, at once: a job posted
 * after this message is never taken.
 */
function failWhileIdle(action: WorkerTestAction): void {
  if (action === 'exit') process.exit(INJECTED_EXIT_CODE);
  for (;;) {
    // blocked: only terminate() ends this thread
  }
}

import { parentPort, workerData } from 'worker_threads';
import { ALL_RULES, lintText, LintResult, Rule, RuleRegistry } from '../../rules/src/index';
import { fixAll } from '../../rules/src/edit/index';
import { ENGINE_RULE_METAS } from '../../rules/src/rules/core/engine-rules';
import { FAULT_RULES, faultInjectionEnabled } from './fault-injection';
import { templateInventory } from './inventory';
import { FromWorker, Job, LintOutcome, PROGRESS_RULE, PROGRESS_SEQ, ToWorker } from './worker-protocol';

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
  const registry = new RuleRegistry(watched, ENGINE_RULE_METAS);
  const send = (m: FromWorker): void => port.postMessage(m);

  const lint = (job: Job, text: string): LintResult => lintText(text, job.fileName, registry, { settings: job.settings, ruleBudgetMs: job.budgetMs });

  const run = (job: Job): LintOutcome | { text: string } => {
    skip = new Set(job.skip);
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
    return outcome;
  };

  port.on('message', (m: ToWorker) => {
    if (m.type === 'stats') {
      (globalThis as { gc?: () => void }).gc?.();
      send({ type: 'stats', id: m.id, heapUsed: process.memoryUsage().heapUsed });
      return;
    }
    enter(-1);
    try {
      send({ type: 'done', id: m.id, value: run(m.job) });
    } catch (e) {
      send({ type: 'failed', id: m.id, message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    } finally {
      enter(-1);
    }
  });
  send({ type: 'ready', rules: rules.map((r) => r.meta.id) });
}

import * as fs from 'fs';
import type { Rule, RuleContext, RuleMeta } from '../../rules/src/index';
import type { ServerExtensions } from '../../server/src/extensions';

/**
 * Faulty rules and test-only hooks for the protocol tests of fault isolation, added to the
 * server through its extensions by test/protocol/test-server.ts (never in dist/server.js).
 * Each rule fires only on its own resource type, so it never touches a real template.
 */
export const FAULT_RESOURCE_TYPE = 'Custom::CfnTlsLintFault';
/** A rule that loops without ever calling its context: only the worker's watchdog stops it. */
export const LOOP_RESOURCE_TYPE = 'Custom::CfnTlsLintLoop';
/** A rule that loops through its context: the engine's time budget stops it. */
export const CONTEXT_LOOP_RESOURCE_TYPE = 'Custom::CfnTlsLintContextLoop';
/** A rule that busy-waits `Properties.Millis` ms (at most 5 s), to make a lint slow on purpose. */
export const SLOW_RESOURCE_TYPE = 'Custom::CfnTlsLintSlow';

/** The test-only request: lint counts, worker restarts and heap sizes. */
export const TEST_STATS_REQUEST = 'cfnTlsLint/test/stats';

/**
 * The test-only request `{action}` that makes the idle lint worker fail on its own: `exit`
 * (it exits, as after a native crash) or `hang` (its event loop blocks for good).
 */
export const TEST_WORKER_REQUEST = 'cfnTlsLint/test/worker';
export type WorkerTestAction = 'exit' | 'hang';
/** The exit code of a worker that exits on purpose. */
export const INJECTED_EXIT_CODE = 71;

/**
 * Faults of a whole lint, outside any rule, asked for by a comment in the document:
 * `# cfn-tls-lint-test-fault: throw` (the worker throws), `exit` (the worker exits mid-lint),
 * `exit-once <file>` (exits only if it can create `<file>`, so a retry succeeds), `unclonable`
 * (the result cannot be posted back), `oom` (the worker allocates until its heap limit).
 */
export type JobFault = { kind: 'throw' | 'exit' | 'unclonable' | 'oom' } | { kind: 'exit-once'; flagFile: string };

export function jobFault(text: string): JobFault | undefined {
  const m = /# cfn-tls-lint-test-fault: (throw|exit-once|exit|unclonable|oom)(?: (\S+))?/.exec(text);
  if (!m) return undefined;
  if (m[1] === 'exit-once') return m[2] ? { kind: 'exit-once', flagFile: m[2] } : undefined;
  return { kind: m[1] as 'throw' | 'exit' | 'unclonable' | 'oom' };
}

/** The lint worker's heap limit in tests (`CFN_TLS_LINT_TEST_WORKER_HEAP_MB`), so that `oom` dies quickly. */
function testWorkerHeapMb(): number | undefined {
  const mb = Number(process.env.CFN_TLS_LINT_TEST_WORKER_HEAP_MB);
  return Number.isInteger(mb) && mb > 0 ? mb : undefined;
}

function meta(id: string, summary: string, type: string): RuleMeta {
  return { id, severity: 'warning', summary, fixable: false, peers: [], resourceTypes: [type] };
}

export const faultInjectionRule: Rule = {
  meta: meta('test-fault-injection', 'Throws on purpose (tests only).', FAULT_RESOURCE_TYPE),
  check() {
    throw new Error('injected fault');
  },
};

const loopRule: Rule = {
  meta: meta('test-fault-loop', 'Loops forever without calling its context (tests only).', LOOP_RESOURCE_TYPE),
  check() {
    let n = 0;
    // Written so that no optimiser can prove it ends: the loop reads a global every turn.
    while ((globalThis as { cfnTlsLintStopLoop?: boolean }).cfnTlsLintStopLoop !== true) n++;
    if (n < 0) throw new Error('unreachable');
  },
};

const contextLoopRule: Rule = {
  meta: meta('test-fault-context-loop', 'Loops forever through its context (tests only).', CONTEXT_LOOP_RESOURCE_TYPE),
  check(ctx: RuleContext) {
    // The engine's RuleTimeout, thrown from a context call once the budget is spent, unwinds it.
    // (A loop that also swallowed the RuleTimeout would never end: the watchdog's case.)
    for (;;) ctx.resources(CONTEXT_LOOP_RESOURCE_TYPE);
  },
};

const slowRule: Rule = {
  meta: meta('test-fault-slow', 'Busy-waits on purpose (tests only).', SLOW_RESOURCE_TYPE),
  check(ctx: RuleContext) {
    for (const view of ctx.viewsOf(SLOW_RESOURCE_TYPE)) {
      const m = view.props?.entries.get('Millis')?.value;
      const asked = m?.kind === 'leaf' ? Number(m.candidates[0].value) : NaN;
      const end = performance.now() + Math.min(5000, Number.isFinite(asked) && asked > 0 ? asked : 100);
      while (performance.now() < end) {
        // busy, without calling the context
      }
    }
  },
};

export const FAULT_RULES: readonly Rule[] = [faultInjectionRule, loopRule, contextLoopRule, slowRule];

/** The faults of a whole lint, outside any rule: the worker throws, exits, runs out of memory. */
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

/** An exit (as after a native crash) or an event loop blocked for good, at once: a job posted after it is never taken. */
function failWhileIdle(action: WorkerTestAction): void {
  if (action === 'exit') process.exit(INJECTED_EXIT_CODE);
  for (;;) {
    // blocked: only terminate() ends this thread
  }
}

/** The server extensions of the test server: the faulty rules, the stats and worker requests, the job faults. */
export function faultExtensions(): ServerExtensions {
  return {
    rules: FAULT_RULES,
    workerHeapMb: testWorkerHeapMb(),
    register(connection, hooks) {
      connection.onRequest(TEST_STATS_REQUEST, async () => {
        (globalThis as { gc?: () => void }).gc?.();
        return { ...hooks.counters(), heapUsed: process.memoryUsage().heapUsed, workerHeapUsed: await hooks.workerHeapUsed() };
      });
      connection.onRequest(TEST_WORKER_REQUEST, (p: { action: WorkerTestAction }) => hooks.controlWorker(p.action));
    },
    worker: {
      beforeJob: injectJobFault,
      // A result postMessage cannot clone.
      afterLint: (text, outcome) => {
        if (jobFault(text)?.kind === 'unclonable') (outcome as { unclonable?: unknown }).unclonable = () => undefined;
      },
      control: (message) => failWhileIdle(message as WorkerTestAction),
    },
  };
}

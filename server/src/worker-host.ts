import { Worker } from 'worker_threads';
import { tuneJitForLinting } from '../../rules/src/node/code-cache';
import { FromWorker, Job, JobResult, LINT_WORKER_ARG, PROGRESS_RULE, PROGRESS_SEQ, PROGRESS_WORDS, ToWorker } from './worker-protocol';

/** How often the watchdog looks at the worker while it runs a job. */
const WATCH_INTERVAL_MS = 100;
/** Outside the rules (parse, template model, suppressions): only an engine bug takes this long. */
const PHASE_LIMIT_MS = 30_000;
/** A worker that crashes this many times in a row before it is ready is given up on. */
const MAX_FAILED_STARTS = 3;
/** A worker not ready after this long (loading the bundle takes well under a second) is stuck starting. */
const START_LIMIT_MS = 20_000;
/** A ready worker takes a job at once; one that has not after this long is stuck (its event loop is blocked). */
const PICKUP_LIMIT_MS = 2000;
/** The worker's own heap limit: a rule that eats memory kills the worker, not the server. */
const WORKER_HEAP_MB = 2048;
/** Stops with no rule to blame (crashes, hangs outside the rules) counted for the back-off… */
const STOP_WINDOW_MS = 60_000;
/** …which starts at this many stops in the window: the next start waits 1 s, then 2 s, 4 s, … */
const BACKOFF_FROM = 3;
const MAX_BACKOFF_MS = 30_000;

/** How long to wait before starting a new worker after `stops` unexplained stops in the window. */
function restartDelayMs(stops: number): number {
  return stops < BACKOFF_FROM ? 0 : Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (stops - BACKOFF_FROM));
}

/** How long a rule may run without returning before its worker is stopped: past the engine's budget, with room for a slow machine. */
export function ruleLimitMs(budgetMs: number): number {
  return budgetMs + Math.max(1000, budgetMs);
}

/** The worker was stopped (a rule did not return) or died; `rule` is the rule that was running, when one was. */
export class WorkerStopped extends Error {
  constructor(
    readonly rule: string | undefined,
    readonly ms: number,
    readonly crashed: boolean,
    detail: string,
  ) {
    super(detail);
    this.name = 'WorkerStopped';
  }
}

/** No worker can be started: the caller lints in-process. */
export class WorkerUnavailable extends Error {}

type Priority = 'now' | 'background';

interface Pending {
  id: number;
  job: Job;
  priority: Priority;
  /** Checked before the job starts: a job nobody wants any more is dropped (resolves undefined). */
  stale?: () => boolean;
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
}

interface Running extends Pending {
  seq: number;
  since: number;
  /** The worker has taken the job (its progress counter moved since the job was posted). */
  taken: boolean;
}

/**
 * The lint worker thread and its queue, on the main thread. One job runs at a time; jobs for
 * open documents go before the workspace scan's. A watchdog reads the worker's shared progress
 * words: when one rule runs past `ruleLimitMs` (or the rest of a job past 30 s) it terminates the
 * worker, fails the job with `WorkerStopped` naming the rule, and starts a fresh worker for the
 * rest of the queue. A worker that dies (out of memory, a native crash), busy or idle, is
 * replaced at once the same way, and so is one that does not take a job within 2 s (stuck while
 * idle; that job never ran, so it is posted again). Stops with no rule to blame back off when
 * they repeat (`restartDelayMs`), so a worker that keeps dying does not restart in a loop.
 */
export class LintWorkerHost {
  private worker: Worker | undefined;
  private progress = new Int32Array(new SharedArrayBuffer(4 * PROGRESS_WORDS));
  private ruleIds: string[] = [];
  private ready = false;
  private failedStarts = 0;
  private unavailable: string | undefined;
  private readonly urgent: Pending[] = [];
  private readonly background: Pending[] = [];
  private current: Running | undefined;
  private watchdog: NodeJS.Timeout | undefined;
  private readonly statsWaiters = new Map<number, (heap: number | undefined) => void>();
  private nextId = 1;
  private disposed = false;
  private startedAt = 0;
  /** When unexplained stops happened (for the back-off), and the pending delayed start. */
  private unexplainedStops: number[] = [];
  private delayedStart: NodeJS.Timeout | undefined;
  /** Workers stopped or lost since the server started. */
  restarts = 0;

  constructor(
    private readonly script: string,
    private readonly log: (message: string) => void,
    /** Heap limit of the worker (tests make it small to reach it quickly). */
    private readonly heapMb = WORKER_HEAP_MB,
  ) {}

  /** Starts the worker ahead of the first job (its start-up overlaps the editor's). */
  start(): void {
    this.ensureWorker();
  }

  /** Runs a job; undefined when it was dropped as stale before it started. */
  run<J extends Job>(job: J, priority: Priority, stale?: () => boolean): Promise<JobResult[J['kind']] | undefined> {
    if (this.unavailable) return Promise.reject(new WorkerUnavailable(this.unavailable));
    return new Promise<JobResult[J['kind']] | undefined>((resolve, reject) => {
      const p: Pending = { id: this.nextId++, job, priority, stale, resolve: resolve as (v: unknown) => void, reject };
      (priority === 'now' ? this.urgent : this.background).push(p);
      this.pump();
    });
  }

  /** The worker's heap after a GC (when the process runs with --expose-gc); undefined without a worker. */
  workerHeapUsed(): Promise<number | undefined> {
    const w = this.worker;
    if (!w || !this.ready) return Promise.resolve(undefined);
    const id = this.nextId++;
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.statsWaiters.delete(id);
        resolve(undefined);
      }, 10_000);
      this.statsWaiters.set(id, (heap) => {
        clearTimeout(t);
        resolve(heap);
      });
      w.postMessage({ type: 'stats', id } satisfies ToWorker);
    });
  }

  /** A message for the idle worker's extensions (server/src/extensions.ts); false without a ready worker. */
  controlWorker(message: unknown): boolean {
    if (!this.worker || !this.ready) return false;
    this.worker.postMessage({ type: 'control', message } satisfies ToWorker);
    return true;
  }

  dispose(): void {
    this.disposed = true;
    if (this.delayedStart) clearTimeout(this.delayedStart);
    this.stopWatchdog();
    const gone = new WorkerUnavailable('the server is shutting down');
    for (const p of [...this.urgent.splice(0), ...this.background.splice(0)]) p.reject(gone);
    this.current?.reject(gone);
    this.current = undefined;
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private ensureWorker(): Worker | undefined {
    if (this.worker || this.unavailable || this.disposed) return this.worker;
    let w: Worker;
    // Fresh progress words: a terminated worker may have left them mid-rule.
    this.progress = new Int32Array(new SharedArrayBuffer(4 * PROGRESS_WORDS));
    Atomics.store(this.progress, PROGRESS_RULE, -1);
    try {
      w = new Worker(this.script, {
        workerData: { progress: this.progress.buffer },
        argv: [LINT_WORKER_ARG],
        // Never the parent's stdout: over stdio that is the LSP channel.
        stdout: true,
        stderr: true,
        resourceLimits: { maxOldGenerationSizeMb: this.heapMb },
      });
    } catch (e) {
      this.giveUp(`the lint worker cannot start (${(e as Error).message})`);
      return undefined;
    }
    this.worker = w;
    this.ready = false;
    this.startedAt = performance.now();
    w.stdout.on('data', (d: Buffer) => this.log(`cfn-tls-lint worker: ${d.toString().trimEnd()}`));
    w.stderr.on('data', (d: Buffer) => this.log(`cfn-tls-lint worker: ${d.toString().trimEnd()}`));
    w.on('message', (m: FromWorker) => this.onMessage(w, m));
    w.on('error', (e) => this.onExit(w, e.message));
    w.on('exit', (code) => this.onExit(w, `exit code ${code}`));
    // An idle worker does not keep the process alive.
    w.unref();
    return w;
  }

  private giveUp(reason: string): void {
    this.unavailable = reason;
    this.log(`cfn-tls-lint: ${reason}; linting on the main thread from now on (a rule that loops without returning would then stop the server)`);
    const e = new WorkerUnavailable(reason);
    for (const p of [...this.urgent.splice(0), ...this.background.splice(0)]) p.reject(e);
  }

  private onMessage(w: Worker, m: FromWorker): void {
    if (w !== this.worker) return;
    if (m.type === 'ready') {
      this.ready = true;
      this.failedStarts = 0;
      this.ruleIds = m.rules;
      // Both threads have loaded their bundles with the code cache, which a tuned JIT would reject.
      tuneJitForLinting();
      return;
    }
    if (m.type === 'stats') {
      this.statsWaiters.get(m.id)?.(m.heapUsed);
      this.statsWaiters.delete(m.id);
      return;
    }
    const cur = this.current;
    if (!cur || cur.id !== m.id) return;
    this.current = undefined;
    this.stopWatchdog();
    if (m.type === 'done') cur.resolve(m.value);
    else cur.reject(new Error(m.message));
    this.pump();
  }

  /** The worker died, busy or idle (not stopped by the watchdog, which detaches it first). */
  private onExit(w: Worker, why: string): void {
    if (w !== this.worker) return;
    this.worker = undefined;
    if (this.disposed) return;
    this.restarts++;
    if (!this.ready && ++this.failedStarts >= MAX_FAILED_STARTS) {
      this.giveUp(`the lint worker died ${MAX_FAILED_STARTS} times while starting (${why})`);
      this.failCurrent(undefined, false, why);
      return;
    }
    const busy = this.current !== undefined;
    const rule = busy ? this.runningRule() : undefined;
    this.failCurrent(rule, true, `the lint worker died (${why})`);
    const plan = this.restart(rule === undefined);
    // A rule to blame is the caller's to report (and skip); anything else is said here.
    if (!rule) this.log(`cfn-tls-lint: the lint worker died ${busy ? 'during a lint, outside any rule' : 'while idle'} (${why}); ${plan}`);
  }

  /**
   * Starts the next worker: at once, or after a back-off when stops nobody can explain repeat
   * (a worker that keeps dying must not restart in a loop). Returns what happens, for the log.
   */
  private restart(unexplained: boolean): string {
    let delay = 0;
    if (unexplained) {
      const now = performance.now();
      this.unexplainedStops = this.unexplainedStops.filter((t) => now - t < STOP_WINDOW_MS);
      this.unexplainedStops.push(now);
      delay = restartDelayMs(this.unexplainedStops.length);
    }
    if (delay === 0) {
      this.ensureWorker();
      this.pump();
      return 'a new one is started';
    }
    this.delayedStart = setTimeout(() => {
      this.delayedStart = undefined;
      this.ensureWorker();
      this.pump();
    }, delay);
    this.delayedStart.unref();
    return `it stopped ${this.unexplainedStops.length} times in the last minute with no rule to blame, so the next one starts in ${delay / 1000} s (lints wait until then)`;
  }

  private runningRule(): string | undefined {
    const i = Atomics.load(this.progress, PROGRESS_RULE);
    return i >= 0 ? this.ruleIds[i] : undefined;
  }

  private failCurrent(rule: string | undefined, crashed: boolean, detail: string): void {
    const cur = this.current;
    this.current = undefined;
    this.stopWatchdog();
    if (!cur) return;
    const e = this.unavailable ? new WorkerUnavailable(this.unavailable) : new WorkerStopped(rule, Math.round(performance.now() - cur.since), crashed, detail);
    cur.reject(e);
  }

  private pump(): void {
    // During a back-off the queue waits for the delayed start.
    while (!this.current && !this.disposed && !this.unavailable && !this.delayedStart) {
      const next = this.urgent.shift() ?? this.background.shift();
      if (!next) return;
      if (next.stale?.()) {
        next.resolve(undefined);
        continue;
      }
      const w = this.ensureWorker();
      if (!w) {
        next.reject(new WorkerUnavailable(this.unavailable ?? 'no lint worker'));
        continue;
      }
      this.current = { ...next, seq: Atomics.load(this.progress, PROGRESS_SEQ), since: performance.now(), taken: false };
      w.postMessage({ type: 'job', id: next.id, job: next.job } satisfies ToWorker);
      this.startWatchdog();
    }
  }

  private startWatchdog(): void {
    if (this.watchdog) return;
    this.watchdog = setInterval(() => this.watch(), WATCH_INTERVAL_MS);
    this.watchdog.unref();
  }

  private stopWatchdog(): void {
    if (this.watchdog) clearInterval(this.watchdog);
    this.watchdog = undefined;
  }

  private watch(): void {
    const cur = this.current;
    if (!cur) return this.stopWatchdog();
    const now = performance.now();
    const seq = Atomics.load(this.progress, PROGRESS_SEQ);
    if (seq !== cur.seq) {
      cur.seq = seq;
      cur.since = now;
      cur.taken = true;
      return;
    }
    // A worker still starting up has not begun the job: its clock starts at `ready`.
    if (!this.ready) {
      cur.since = now;
      if (now - this.startedAt > START_LIMIT_MS) this.stopStuckStart();
      return;
    }
    if (!cur.taken) {
      if (now - cur.since > PICKUP_LIMIT_MS) this.stopStuckIdle(cur);
      return;
    }
    const rule = this.runningRule();
    const limit = rule ? ruleLimitMs(cur.job.budgetMs) : PHASE_LIMIT_MS;
    if (now - cur.since <= limit) return;
    this.terminate();
    const why = rule
      ? `rule ${rule} ran for ${Math.round(now - cur.since)} ms without returning`
      : `a lint ran for ${Math.round(now - cur.since)} ms outside any rule`;
    this.failCurrent(rule, false, why);
    const plan = this.restart(rule === undefined);
    if (!rule) this.log(`cfn-tls-lint: the lint worker was stopped: ${why}; ${plan}`);
  }

  /** Detaches the worker first, so that its exit is not taken for a crash, then stops it. */
  private terminate(): void {
    const w = this.worker;
    this.worker = undefined;
    this.restarts++;
    void w?.terminate();
  }

  /** The worker did not take a job: it is stuck between jobs. The job never ran, so it goes first on the new worker. */
  private stopStuckIdle(cur: Running): void {
    this.terminate();
    this.current = undefined;
    this.stopWatchdog();
    (cur.priority === 'now' ? this.urgent : this.background).unshift(cur);
    const plan = this.restart(true);
    this.log(`cfn-tls-lint: the lint worker was stopped: it did not take a job for ${PICKUP_LIMIT_MS} ms (stuck while idle); ${plan}, and runs the job`);
  }

  /** The worker never became ready: counts as a failed start. */
  private stopStuckStart(): void {
    this.terminate();
    const why = `not ready after ${START_LIMIT_MS / 1000} s`;
    if (++this.failedStarts >= MAX_FAILED_STARTS) {
      this.giveUp(`the lint worker could not start ${MAX_FAILED_STARTS} times (${why})`);
      this.failCurrent(undefined, false, why);
      return;
    }
    const cur = this.current;
    this.current = undefined;
    this.stopWatchdog();
    if (cur) (cur.priority === 'now' ? this.urgent : this.background).unshift(cur);
    this.log(`cfn-tls-lint: the lint worker was stopped: ${why}; ${this.restart(true)}`);
  }
}

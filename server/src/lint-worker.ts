import { Worker } from 'worker_threads';
import { FromWorker, Job, JobResult, PROGRESS_RULE, PROGRESS_SEQ, PROGRESS_WORDS, ToWorker } from './worker-protocol';

/** How often the watchdog looks at the worker while it runs a job. */
const WATCH_INTERVAL_MS = 100;
/** Outside the rules (parse, template model, suppressions): only an engine bug takes this long. */
const PHASE_LIMIT_MS = 30_000;
/** A worker that crashes this many times in a row before it is ready is given up on. */
const MAX_FAILED_STARTS = 3;
/** The worker's own heap limit: a rule that eats memory kills the worker, not the server. */
const WORKER_HEAP_MB = 2048;

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
  /** Checked before the job starts: a job nobody wants any more is dropped (resolves undefined). */
  stale?: () => boolean;
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
}

interface Running extends Pending {
  seq: number;
  since: number;
}

/**
 * The lint worker thread and its queue, on the main thread. One job runs at a time; jobs for
 * open documents go before the workspace scan's. A watchdog reads the worker's shared progress
 * words: when one rule runs past `ruleLimitMs` (or the rest of a job past 30 s) it terminates the
 * worker, fails the job with `WorkerStopped` naming the rule, and starts a fresh worker for the
 * rest of the queue. A worker that dies (out of memory, a native crash) is restarted the same way.
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
  /** Workers stopped or lost since the server started. */
  restarts = 0;

  constructor(
    private readonly script: string,
    private readonly log: (message: string) => void,
  ) {}

  /** Starts the worker ahead of the first job (its start-up overlaps the editor's). */
  start(): void {
    this.ensureWorker();
  }

  /** Runs a job; undefined when it was dropped as stale before it started. */
  run<J extends Job>(job: J, priority: Priority, stale?: () => boolean): Promise<JobResult[J['kind']] | undefined> {
    if (this.unavailable) return Promise.reject(new WorkerUnavailable(this.unavailable));
    return new Promise<JobResult[J['kind']] | undefined>((resolve, reject) => {
      const p: Pending = { id: this.nextId++, job, stale, resolve: resolve as (v: unknown) => void, reject };
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

  dispose(): void {
    this.disposed = true;
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
        // Never the parent's stdout: over stdio that is the LSP channel.
        stdout: true,
        stderr: true,
        resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
      });
    } catch (e) {
      this.giveUp(`the lint worker cannot start (${(e as Error).message})`);
      return undefined;
    }
    this.worker = w;
    this.ready = false;
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

  /** The worker died (not stopped by the watchdog, which detaches it first). */
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
    this.failCurrent(this.runningRule(), true, `the lint worker died (${why})`);
    this.pump();
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
    while (!this.current && !this.disposed && !this.unavailable) {
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
      this.current = { ...next, seq: Atomics.load(this.progress, PROGRESS_SEQ), since: performance.now() };
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
      return;
    }
    // A worker still starting up has not begun the job: its clock starts at `ready`.
    if (!this.ready) {
      cur.since = now;
      return;
    }
    const rule = this.runningRule();
    const limit = rule ? ruleLimitMs(cur.job.budgetMs) : PHASE_LIMIT_MS;
    if (now - cur.since <= limit) return;
    // Stopped: detach the worker first, so its exit is not taken for a crash.
    const w = this.worker;
    this.worker = undefined;
    this.restarts++;
    void w?.terminate();
    this.failCurrent(rule, false, rule ? `rule ${rule} ran for ${Math.round(now - cur.since)} ms without returning` : `a lint ran for ${Math.round(now - cur.since)} ms outside any rule`);
    this.pump();
  }
}

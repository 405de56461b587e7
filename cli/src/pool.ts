import fs = require('fs');
import os = require('os');
import path = require('path');
import { Worker } from 'worker_threads';
import type { Settings } from '../../rules/src/index';
import type { FileOutcome } from './lint-file';

/**
 * Worker-thread pool for large CLI runs. The main thread and the workers take files from
 * one queue; each reads and lints a file with the settings the main thread resolved, and
 * the outcome goes into an array indexed by file, so the report is in the same order as a
 * sequential run.
 *
 * Sizing (measured, bench/results.md): every thread is a V8 isolate that loads the bundle
 * and warms up its own JIT, and while it warms up V8 compiles the hot parser code on a
 * background thread, which keeps about one more core busy. A worker costs some 0.4 s of CPU
 * before it pays off. So the main thread lints too, one core is left to V8's compiler
 * threads (cores - 2 workers: none on a 2-core machine, where one process was faster on
 * the 418-file corpus and on 2,000 files), and small runs stay in-process.
 */

/** Fewer files than this stay in-process. */
export const POOL_MIN_FILES = 200;
/** Files per worker below which another worker does not pay for its start-up. */
const FILES_PER_WORKER = 100;
/** Batches a worker holds at once, so it never waits for the next one. */
const IN_FLIGHT = 2;

/**
 * Worker threads for a run of `fileCount` files (the main thread lints as well).
 * `CFN_TLS_LINT_WORKERS=<n>` sets it (0: in-process only), for benchmarks and debugging.
 */
export function poolSize(fileCount: number, env: NodeJS.ProcessEnv = process.env): number {
  const forced = env.CFN_TLS_LINT_WORKERS;
  if (forced !== undefined && /^\d+$/.test(forced)) return Math.min(Number(forced), fileCount);
  if (fileCount < POOL_MIN_FILES) return 0;
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(0, Math.min(cores - 2, Math.floor(fileCount / FILES_PER_WORKER)));
}

/** The worker script next to this module: dist/cli-worker.js in the bundle, worker.js in the tsc output. */
function workerScript(): string | undefined {
  const bundled = path.join(__dirname, 'cli-worker.js');
  if (fs.existsSync(bundled)) return bundled;
  // dist/ also holds the language server's worker.js: take worker.js only beside pool.js (tsc output).
  const compiled = path.join(__dirname, 'worker.js');
  return fs.existsSync(path.join(__dirname, 'pool.js')) && fs.existsSync(compiled) ? compiled : undefined;
}

export interface WorkerInit {
  settings: Settings[];
  showSuppressed: boolean;
}

/** main -> worker: [file index, absolute path, index into WorkerInit.settings]. */
export type Job = [number, string, number];

/** worker -> main: outcomes by file index; null asks the main thread to lint that file itself. */
export interface JobResults {
  results: [number, FileOutcome | null][];
}

/**
 * Lints `files` on worker threads and on this thread (`lintHere`, which must not report
 * anything itself). Resolves to one entry per file: an outcome, or undefined where the caller
 * must lint the file itself (a worker crashed, an outcome could not be sent, or the lint
 * threw). Resolves to undefined when the run is too small for a pool or no worker script
 * exists, and the caller lints everything in-process.
 */
export async function lintInPool(
  files: readonly string[],
  settingsFor: (file: string) => Settings,
  showSuppressed: boolean,
  lintHere: (file: string, settings: Settings) => FileOutcome,
): Promise<(FileOutcome | undefined)[] | undefined> {
  const size = poolSize(files.length);
  const script = size > 0 ? workerScript() : undefined;
  if (!script) return undefined;

  const table: Settings[] = [];
  const ids = new Map<Settings, number>();
  const jobs: Job[] = files.map((file, i) => {
    const s = settingsFor(file);
    let id = ids.get(s);
    if (id === undefined) {
      ids.set(s, (id = table.length));
      table.push(s);
    }
    return [i, file, id];
  });
  const init: WorkerInit = { settings: table, showSuppressed };
  const outcomes: (FileOutcome | undefined)[] = new Array(files.length).fill(undefined);
  let next = 0;
  let pending = files.length;
  const threads = size + 1;

  // Big batches early (fewer messages), single files at the end (no thread idles on a long tail).
  const take = (): Job[] => {
    const left = jobs.length - next;
    const n = Math.max(1, Math.min(16, Math.floor(left / (threads * 4))));
    const batch = jobs.slice(next, next + n);
    next += batch.length;
    return batch;
  };

  const workers: Worker[] = [];
  await new Promise<void>((resolve) => {
    const settle = (n: number): void => {
      pending -= n;
      if (pending === 0) resolve();
    };
    const start = (): void => {
      const held = new Set<number>();
      let gone = false;
      let worker: Worker;
      // A dead worker's files fall back to the caller (their outcomes stay undefined).
      const drop = (): void => {
        if (gone || pending === 0) return;
        gone = true;
        const n = held.size;
        held.clear();
        settle(n);
      };
      const feed = (): void => {
        const batch = take();
        if (!batch.length) return;
        for (const [i] of batch) held.add(i);
        worker.postMessage(batch);
      };
      try {
        worker = new Worker(script, { workerData: init });
      } catch {
        return;
      }
      workers.push(worker);
      worker.on('message', (m: JobResults) => {
        let n = 0;
        for (const [i, outcome] of m.results) {
          if (!held.delete(i)) continue;
          if (outcome) outcomes[i] = outcome;
          n++;
        }
        feed();
        settle(n);
      });
      worker.on('error', drop);
      worker.on('exit', drop);
      for (let k = 0; k < IN_FLIGHT; k++) feed();
    };
    for (let w = 0; w < size; w++) start();

    // This thread lints one file at a time from the same queue, yielding between files so
    // that worker messages are handled (and workers fed) promptly. It also picks up what is
    // left when every worker has died.
    const here = (): void => {
      if (next >= jobs.length) return;
      const [i, file, s] = jobs[next++];
      try {
        outcomes[i] = lintHere(file, table[s]);
      } catch {
        // Left undefined: the caller lints the file again, and the error surfaces there as in
        // a sequential run.
      }
      settle(1);
      setImmediate(here);
    };
    setImmediate(here);
  });
  await Promise.all(workers.map((w) => w.terminate()));
  return outcomes;
}

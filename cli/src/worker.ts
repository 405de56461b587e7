import { parentPort, workerData } from 'worker_threads';
import { defaultRegistry } from '../../rules/src/index';
import { FileOutcome, lintFile } from './lint-file';
import type { Job, JobResults, WorkerInit } from './pool';

/** A CLI pool worker (pool.ts): lints the batches of files the main thread sends. */
const init = workerData as WorkerInit;
const registry = defaultRegistry();

parentPort?.on('message', (batch: Job[]) => {
  const results: JobResults['results'] = [];
  for (const [i, file, settings] of batch) {
    let outcome: FileOutcome | null;
    try {
      outcome = lintFile(file, registry, () => init.settings[settings], { showSuppressed: init.showSuppressed });
    } catch {
      // The main thread lints the file again itself, so an engine error surfaces exactly as
      // in a sequential run.
      outcome = null;
    }
    results.push([i, outcome]);
  }
  try {
    parentPort!.postMessage({ results } satisfies JobResults);
  } catch {
    // An outcome that cannot be cloned: the main thread lints these files itself.
    parentPort!.postMessage({ results: results.map(([i]) => [i, null]) } satisfies JobResults);
  }
});

/**
 * The workspace scan runs in-process and throttled, so the server keeps answering the editor
 * while it runs: it yields to the event loop every few milliseconds.
 */

/** Yields to the event loop when the current slice of work has run this long. */
const SLICE_MS = 8;

export class Throttle {
  private sliceStart = performance.now();

  /** Awaits a macrotask turn when the slice is used up (pending LSP messages run then). */
  async maybeYield(): Promise<void> {
    if (performance.now() - this.sliceStart < SLICE_MS) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.sliceStart = performance.now();
  }
}

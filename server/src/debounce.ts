/**
 * How long to wait after a keystroke before linting a document: as long as its recent lints
 * took, within bounds. A fixed 200 ms made a small template wait ten times longer than its lint,
 * and a huge one lint on every pause anyway; waiting about one lint's time keeps the keystroke
 * to squiggle time near twice the lint's own, and the worker at most about half busy with one
 * document while someone types without a pause.
 */

/** Below this the debounce only adds lints nobody sees (a keystroke comes every 100 ms or so). */
export const DEBOUNCE_FLOOR_MS = 25;
/** Past this a pause in typing feels ignored, however long the lint. */
export const DEBOUNCE_CEILING_MS = 400;
/** Before any lint of the document was measured: the fixed debounce the server had before. */
export const DEBOUNCE_UNMEASURED_MS = 200;
/** Debounce per millisecond of lint. */
const LINT_FACTOR = 1;
/** Lint times kept per document. */
export const LINT_SAMPLES = 3;

/**
 * The debounce for a document whose recent lints took `recentLintMs` (oldest first). The
 * smallest counts: a measured time only errs upwards (the worker's first lint loads its code
 * and the specification, a garbage collection, a machine busy with the workspace scan).
 */
export function adaptiveDebounceMs(recentLintMs: readonly number[]): number {
  const valid = recentLintMs.filter((ms) => Number.isFinite(ms) && ms >= 0);
  if (!valid.length) return DEBOUNCE_UNMEASURED_MS;
  const estimate = LINT_FACTOR * Math.min(...valid);
  return Math.round(Math.min(DEBOUNCE_CEILING_MS, Math.max(DEBOUNCE_FLOOR_MS, estimate)));
}

/** The recent lint times with one more: the last LINT_SAMPLES. */
export function withLintSample(recentLintMs: readonly number[], ms: number): number[] {
  return [...recentLintMs, ms].slice(-LINT_SAMPLES);
}

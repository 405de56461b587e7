import * as fs from 'fs';
import * as path from 'path';
import type { ExcludeMatcher } from './excludes';

/**
 * The workspace scan's walk: in-process and throttled, so the server keeps
 * answering the editor while it runs (it yields to the event loop every few
 * milliseconds), and cancellable between any two steps.
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

export interface WalkResult {
  files: string[];
  /** True when the walk stopped at `limit` files. */
  truncated: boolean;
  cancelled: boolean;
}

/** Candidate files under a folder, sorted per directory, at most `limit`. */
export async function walkFolder(root: string, matcher: ExcludeMatcher, limit: number, token: { readonly isCancellationRequested: boolean }, throttle: Throttle): Promise<WalkResult> {
  const files: string[] = [];
  const stack = [root];
  while (stack.length) {
    if (token.isCancellationRequested) return { files, truncated: false, cancelled: true };
    const dir = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirs: string[] = [];
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!matcher.skipsDir(full)) subdirs.push(full);
      } else if (e.isFile() && !matcher.skipsFile(full, true)) {
        if (files.length >= limit) return { files, truncated: true, cancelled: false };
        files.push(full);
      }
    }
    // Depth-first in name order: push in reverse so the first name is walked first.
    for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i]);
    await throttle.maybeYield();
  }
  return { files, truncated: false, cancelled: false };
}

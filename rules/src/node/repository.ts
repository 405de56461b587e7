import fs = require('fs');
import path = require('path');

/**
 * A folder is a repository's root when it holds `.git`: a folder in a clone, a file in a
 * worktree or a submodule. Config lookups and .gitignore layering stop there.
 */
export function isRepositoryRoot(dir: string): boolean {
  try {
    fs.lstatSync(path.join(dir, '.git'));
    return true;
  } catch {
    return false;
  }
}

/** The nearest repository root at or above a folder, if any. */
export function repositoryRootOf(dir: string): string | undefined {
  let cur = path.resolve(dir);
  for (;;) {
    if (isRepositoryRoot(cur)) return cur;
    const parent = path.dirname(cur);
    if (parent === cur) return undefined;
    cur = parent;
  }
}

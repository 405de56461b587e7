import fs = require('fs');
import path = require('path');
import { Unreadable } from './ignore-tree';
import type { PathFilter } from './path-filter';
import { describeIoError } from './read-file';

export interface WalkOptions {
  /** Stop after this many files (the result says `truncated`). */
  limit?: number;
  /** Asked between folders; true stops the walk (`cancelled`). */
  isCancelled?: () => boolean;
  /** Awaited after each folder: the language server yields to its event loop there. */
  pause?: () => Promise<void>;
}

export interface WalkResult {
  files: string[];
  truncated: boolean;
  cancelled: boolean;
  /** Folders and .gitignore files that could not be read: the files below them were not seen. */
  unreadable: Unreadable[];
}

/**
 * The one walk of the CLI and the language server: candidate files under a root in name order,
 * depth first (a folder's entries sorted, each subfolder walked where its name falls), honouring
 * a PathFilter. Symlinks are not followed (no cycles; a link may point anywhere), and nothing but
 * regular files is returned. A folder that cannot be read is reported, never silently empty.
 */
export async function walkFiles(filter: PathFilter, opts: WalkOptions = {}): Promise<WalkResult> {
  const result: WalkResult = { files: [], truncated: false, cancelled: false, unreadable: [] };
  const limit = opts.limit ?? Infinity;
  const visit = async (dir: string): Promise<boolean> => {
    if (opts.isCancelled?.()) {
      result.cancelled = true;
      return false;
    }
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(dir, { withFileTypes: true });
    } catch (e) {
      result.unreadable.push({ path: dir, reason: `cannot read folder: ${describeIoError(e).reason}` });
      return true;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    await opts.pause?.();
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!filter.skipsDir(full) && !(await visit(full))) return false;
      } else if (e.isFile() && !filter.skipsFile(full, true)) {
        if (result.files.length >= limit) {
          result.truncated = true;
          return false;
        }
        result.files.push(full);
      }
    }
    return true;
  };
  await visit(filter.root);
  for (const [file, reason] of filter.gitignores.unreadable) result.unreadable.push({ path: file, reason: `cannot read ignore file: ${reason}` });
  return result;
}

import fs = require('fs');
import path = require('path');
import picomatch from 'picomatch';
import type { Unreadable } from '../../rules/src/node/ignore-tree';
import { PathFilter } from '../../rules/src/node/path-filter';
import { describeIoError, nonRegularKind } from '../../rules/src/node/read-file';
import { walkFiles } from '../../rules/src/node/walk';

export interface FileList {
  files: string[];
  /** Files named on the command line (config excludes do not apply to them). */
  explicit: Set<string>;
  /** Arguments that named nothing. */
  missing: string[];
  /** Arguments, folders and ignore files that could not be read (reported; exit status 2). */
  unreadable: Unreadable[];
}

/**
 * Expands CLI arguments into files: a file named explicitly is always taken; a directory is
 * walked for candidate files (rules/src/node/walk.ts: .gitignore files and the default excludes);
 * a glob is matched against the files below its base folder. The command line is the user's own,
 * so its globs keep picomatch's full syntax; globs read from files go through util/glob.ts.
 */
export async function collectFiles(args: string[], cwd: string): Promise<FileList> {
  const list: FileList = { files: [], explicit: new Set(), missing: [], unreadable: [] };
  const seen = new Set<string>();
  const add = (abs: string): void => {
    if (!seen.has(abs)) {
      seen.add(abs);
      list.files.push(abs);
    }
  };
  const walk = async (root: string, keep: (file: string) => boolean = () => true): Promise<number> => {
    const r = await walkFiles(new PathFilter(root));
    list.unreadable.push(...r.unreadable);
    let found = 0;
    for (const f of r.files) {
      if (!keep(f)) continue;
      add(f);
      found++;
    }
    return found;
  };
  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(abs);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') {
        list.unreadable.push({ path: abs, reason: `cannot read: ${describeIoError(e).reason}` });
        continue;
      }
    }
    if (stat?.isFile()) {
      add(abs);
      list.explicit.add(abs);
      continue;
    }
    if (stat?.isDirectory()) {
      await walk(abs);
      continue;
    }
    if (stat) {
      list.unreadable.push({ path: abs, reason: `not a regular file (${nonRegularKind(stat)})` });
      continue;
    }
    const scan = picomatch.scan(arg);
    if (scan.isGlob) {
      // The glob part is matched from its fixed base, so an absolute (`"/abs/path/*.yaml"`) or
      // `../` glob works as a relative one does.
      const base = path.resolve(cwd, scan.base || '.');
      const isMatch = picomatch(scan.glob.replace(/\\/g, '/'), { dot: false });
      const posix = (p: string): string => p.split(path.sep).join('/');
      const found = fs.existsSync(base) ? await walk(base, (f) => isMatch(posix(path.relative(base, f)))) : 0;
      if (!found) list.missing.push(arg);
      continue;
    }
    list.missing.push(arg);
  }
  return list;
}

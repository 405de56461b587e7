import * as path from 'path';
import picomatch from 'picomatch';
import { collectFiles, FileList } from './files';

/**
 * collectFiles for every argument, where an absolute glob (`"/abs/path/*.yaml"`) or one whose
 * fixed part lies outside the working directory (`"../other/*.yaml"`) is matched from that
 * folder: collectFiles matches a glob against paths relative to the working directory or to the
 * glob's base, which an absolute or `..` pattern never equals, so such a quoted glob matched
 * nothing (exit 2).
 */
export function collectPaths(args: readonly string[], cwd: string): FileList {
  const files: string[] = [];
  const explicit = new Set<string>();
  const missing: string[] = [];
  const seen = new Set<string>();
  for (const arg of args) {
    const outside = outsideGlob(arg, cwd);
    const found = outside ? collectFiles([outside.glob], outside.base) : collectFiles([arg], cwd);
    for (const f of found.files) {
      if (seen.has(f)) continue;
      seen.add(f);
      files.push(f);
    }
    for (const f of found.explicit) explicit.add(f);
    if (found.missing.length) missing.push(arg);
  }
  return { files, explicit, missing };
}

function outsideGlob(arg: string, cwd: string): { base: string; glob: string } | undefined {
  const scan = picomatch.scan(arg);
  if (!scan.isGlob || !scan.glob) return undefined;
  const base = path.resolve(cwd, scan.base || '.');
  const rel = path.relative(cwd, base);
  const outside = rel === '..' || rel.startsWith('..' + path.sep) || path.isAbsolute(rel);
  if (!path.isAbsolute(scan.base) && !outside) return undefined;
  return { base, glob: scan.glob };
}

import path = require('path');
import { DEFAULT_SKIPPED_DIRS, isCandidateFile } from '../parse/detect';
import { compileGlobs } from '../util/glob';
import { IgnoreTree } from './ignore-tree';

const SKIPPED = new Set<string>(DEFAULT_SKIPPED_DIRS);

function toPosix(p: string): string {
  return path.sep === '/' ? p : p.split(path.sep).join('/');
}

/**
 * What a walk under a root folder skips: the default folders (node_modules, .git, cdk.out,
 * .aws-sam), `.gitignore`d paths, and `exclude` globs relative to the root (the editor's
 * `files.exclude`, `search.exclude`, `cfnTlsLint.exclude`; linear-time, util/glob.ts). Files that
 * are not candidates (by extension) are skipped too.
 */
export class PathFilter {
  readonly gitignores: IgnoreTree;
  /** Globs that do not compile are left out (the editor's settings have their own validation). */
  private readonly excluded: (rel: string) => boolean;

  constructor(
    readonly root: string,
    exclude: readonly string[] = [],
  ) {
    this.root = path.resolve(root);
    this.gitignores = new IgnoreTree(this.root);
    this.excluded = compileGlobs(exclude.filter((g) => typeof g === 'string' && g.trim() !== '')).matches;
  }

  private relative(abs: string): string | undefined {
    const rel = toPosix(path.relative(this.root, abs));
    return !rel || rel.startsWith('..') || path.isAbsolute(rel) ? undefined : rel;
  }

  /** Whether a walk should not enter a folder (the root itself is always entered). */
  skipsDir(abs: string): boolean {
    if (SKIPPED.has(path.basename(abs))) return true;
    const rel = this.relative(abs);
    return rel !== undefined && (this.excluded(rel) || this.gitignores.ignores(abs, true));
  }

  /**
   * Whether a file is out of the walk: not a candidate, outside the root, or excluded itself or
   * (unless the walk already checked them) by a folder on its way down.
   */
  skipsFile(abs: string, ancestorsChecked = false): boolean {
    if (!isCandidateFile(abs)) return true;
    const rel = this.relative(abs);
    if (rel === undefined) return true;
    if (this.excluded(rel) || this.gitignores.ignores(abs, false)) return true;
    if (ancestorsChecked) return false;
    for (let dir = path.dirname(abs); dir.length > this.root.length && dir.startsWith(this.root); dir = path.dirname(dir)) {
      if (this.skipsDir(dir)) return true;
    }
    return false;
  }
}

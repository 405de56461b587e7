import path = require('path');
import { GitignoreRules } from '../util/gitignore';
import { FileReadError, MAX_IGNORE_FILE_BYTES, readRegularTextSync } from './read-file';
import { isRepositoryRoot, repositoryRootOf } from './repository';

/** A path that could not be read, and why ("permission denied (EACCES)"). */
export interface Unreadable {
  path: string;
  reason: string;
}

/**
 * The `.gitignore` files that apply below a root folder: those of the folders above it up to its
 * repository's root (none when it is not inside a repository), then one per folder on the way
 * down, read once each. A deeper file's rules win over a shallower one's (git's order).
 */
export class IgnoreTree {
  private readonly byDir = new Map<string, GitignoreRules | undefined>();
  private readonly outer: string[];
  /** .gitignore files that exist but could not be read (a FIFO, too large, no permission). */
  readonly unreadable = new Map<string, string>();

  constructor(readonly root: string) {
    this.root = path.resolve(root);
    this.outer = outerFolders(this.root);
  }

  private rulesOf(dir: string): GitignoreRules | undefined {
    if (this.byDir.has(dir)) return this.byDir.get(dir);
    const file = path.join(dir, '.gitignore');
    let rules: GitignoreRules | undefined;
    try {
      rules = new GitignoreRules(readRegularTextSync(file, MAX_IGNORE_FILE_BYTES));
    } catch (e) {
      if (!(e instanceof FileReadError && e.code === 'ENOENT')) this.unreadable.set(file, e instanceof FileReadError ? e.reason : String(e));
    }
    this.byDir.set(dir, rules);
    return rules;
  }

  /** Whether the .gitignore files ignore a path at or below the root (its folders are not consulted). */
  ignores(abs: string, isDir: boolean): boolean {
    const dirs = [...this.outer, ...foldersDown(this.root, path.dirname(abs))];
    for (let i = dirs.length - 1; i >= 0; i--) {
      const rules = this.rulesOf(dirs[i]);
      if (!rules) continue;
      const rel = path.relative(dirs[i], abs).split(path.sep).join('/');
      if (!rel || rel.startsWith('..')) continue;
      const decision = rules.decide(rel, isDir);
      if (decision !== undefined) return decision;
    }
    return false;
  }

  /** Forget what was read (a .gitignore changed). */
  reset(): void {
    this.byDir.clear();
    this.unreadable.clear();
  }
}

/** The folders from the root down to `dir` (both included), or none when `dir` is outside the root. */
function foldersDown(root: string, dir: string): string[] {
  const rel = path.relative(root, dir);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return [];
  const out = [root];
  let cur = root;
  for (const part of rel ? rel.split(path.sep) : []) out.push((cur = path.join(cur, part)));
  return out;
}

/** Folders above the root up to its repository's root, outermost first (none outside a repository). */
function outerFolders(root: string): string[] {
  if (isRepositoryRoot(root)) return [];
  const repo = repositoryRootOf(root);
  if (!repo) return [];
  const out: string[] = [];
  for (let dir = path.dirname(root); ; dir = path.dirname(dir)) {
    out.unshift(dir);
    if (dir === repo) return out;
  }
}

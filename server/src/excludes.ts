import * as fs from 'fs';
import * as path from 'path';
import ignore, { Ignore } from 'ignore';
import picomatch from 'picomatch';
import { DEFAULT_SKIPPED_DIRS, isCandidateFile } from '../../rules/src/index';

/**
 * What the workspace scan skips under one workspace folder: the default folders
 * (node_modules, .git, cdk.out, .aws-sam), `.gitignore`d paths, `files.exclude`,
 * `search.exclude` and `cfnTlsLint.exclude` (globs relative to the folder).
 */

const SKIPPED = new Set<string>(DEFAULT_SKIPPED_DIRS);

interface IgnoreLayer {
  base: string;
  ig: Ignore;
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

function readGitignore(dir: string): IgnoreLayer | undefined {
  try {
    return { base: dir, ig: ignore().add(fs.readFileSync(path.join(dir, '.gitignore'), 'utf8')) };
  } catch {
    return undefined;
  }
}

export class ExcludeMatcher {
  private readonly fileGlob: (rel: string) => boolean;
  private readonly dirGlob: (rel: string) => boolean;
  /** .gitignore layers by folder, read lazily. */
  private readonly gitignores = new Map<string, IgnoreLayer | undefined>();
  private readonly outer: IgnoreLayer[];

  constructor(
    readonly root: string,
    globs: readonly string[],
  ) {
    const list = globs.filter((g) => typeof g === 'string' && g.trim() !== '');
    const compile = (gs: string[]): ((s: string) => boolean) => {
      if (!gs.length) return () => false;
      try {
        return picomatch(gs, { dot: true });
      } catch {
        return () => false;
      }
    };
    this.fileGlob = compile(list);
    // A folder is skipped when it matches, or when a `<dir>/**` glob covers it.
    this.dirGlob = compile([...list, ...list.filter((g) => g.endsWith('/**')).map((g) => g.slice(0, -3))]);
    this.outer = outerGitignores(root);
  }

  private layersFor(dir: string): IgnoreLayer[] {
    const out = [...this.outer];
    const rel = path.relative(this.root, dir);
    const parts = rel ? rel.split(path.sep) : [];
    let cur = this.root;
    for (let i = 0; i <= parts.length; i++) {
      if (i > 0) cur = path.join(cur, parts[i - 1]);
      if (!this.gitignores.has(cur)) this.gitignores.set(cur, readGitignore(cur));
      const l = this.gitignores.get(cur);
      if (l) out.push(l);
    }
    return out;
  }

  private gitIgnored(abs: string, isDir: boolean): boolean {
    for (const l of this.layersFor(path.dirname(abs))) {
      const rel = toPosix(path.relative(l.base, abs));
      if (!rel || rel.startsWith('..')) continue;
      if (l.ig.ignores(isDir ? `${rel}/` : rel)) return true;
    }
    return false;
  }

  /** Whether the walk should not enter a folder. */
  skipsDir(abs: string): boolean {
    if (SKIPPED.has(path.basename(abs))) return true;
    const rel = toPosix(path.relative(this.root, abs));
    if (rel && (this.dirGlob(rel) || this.gitIgnored(abs, true))) return true;
    return false;
  }

  /** Whether a file is out of the scan: not a candidate, or excluded here or by a folder above it. */
  skipsFile(abs: string, ancestorsChecked = false): boolean {
    if (!isCandidateFile(abs)) return true;
    const rel = toPosix(path.relative(this.root, abs));
    if (!rel || rel.startsWith('..')) return true;
    if (this.fileGlob(rel) || this.gitIgnored(abs, false)) return true;
    if (ancestorsChecked) return false;
    // A folder on the way down that the walk would have skipped.
    let dir = path.dirname(abs);
    while (dir.length > this.root.length && dir.startsWith(this.root)) {
      if (this.skipsDir(dir)) return true;
      dir = path.dirname(dir);
    }
    return false;
  }

  /** Forget the .gitignore files read so far (one changed). */
  resetGitignores(): void {
    this.gitignores.clear();
  }
}

/** .gitignore files above a folder up to its repository's root, when the folder is inside a repository. */
function outerGitignores(root: string): IgnoreLayer[] {
  const layers: IgnoreLayer[] = [];
  if (fs.existsSync(path.join(root, '.git'))) return layers;
  let dir = path.resolve(root);
  for (;;) {
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
    const l = readGitignore(dir);
    if (l) layers.unshift(l);
    if (fs.existsSync(path.join(dir, '.git'))) return layers;
  }
  // Not inside a repository: ignore files above the folder do not apply.
  return [];
}

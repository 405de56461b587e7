import * as fs from 'fs';
import * as path from 'path';
import ignore, { Ignore } from 'ignore';
import picomatch from 'picomatch';
import { DEFAULT_SKIPPED_DIRS, isCandidateFile } from '../../rules/src/index';

export interface FileList {
  files: string[];
  /** Files named on the command line (config excludes do not apply to them). */
  explicit: Set<string>;
  /** Arguments that named nothing. */
  missing: string[];
}

interface IgnoreLayer {
  base: string;
  ig: Ignore;
}

const SKIPPED = new Set<string>(DEFAULT_SKIPPED_DIRS);

/**
 * Expands CLI arguments into files: a file named explicitly is always taken; a
 * directory is walked for candidate files, honouring .gitignore files and the
 * default excludes; a glob is matched against the files below its base folder.
 */
export function collectFiles(args: string[], cwd: string): FileList {
  const files: string[] = [];
  const explicit = new Set<string>();
  const missing: string[] = [];
  const seen = new Set<string>();
  const add = (f: string): void => {
    const abs = path.resolve(cwd, f);
    if (!seen.has(abs)) {
      seen.add(abs);
      files.push(abs);
    }
  };
  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(abs);
    } catch {
      stat = undefined;
    }
    if (stat?.isFile()) {
      add(abs);
      explicit.add(abs);
      continue;
    }
    if (stat?.isDirectory()) {
      walk(abs, gitignoreLayers(abs), (f) => add(f));
      continue;
    }
    const scan = picomatch.scan(arg);
    if (scan.isGlob) {
      const base = path.resolve(cwd, scan.base || '.');
      const isMatch = picomatch(arg.replace(/\\/g, '/'), { dot: false });
      let found = 0;
      if (fs.existsSync(base)) {
        walk(base, gitignoreLayers(base), (f) => {
          const rel = path.relative(cwd, f).split(path.sep).join('/');
          if (isMatch(rel) || isMatch(path.relative(base, f).split(path.sep).join('/'))) {
            add(f);
            found++;
          }
        });
      }
      if (!found) missing.push(arg);
      continue;
    }
    missing.push(arg);
  }
  return { files, explicit, missing };
}

/** .gitignore files of the folders above a starting folder, up to the repository root. */
function gitignoreLayers(start: string): IgnoreLayer[] {
  const layers: IgnoreLayer[] = [];
  let dir = path.resolve(start);
  for (;;) {
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
    const layer = readGitignore(dir);
    if (layer) layers.unshift(layer);
    if (fs.existsSync(path.join(dir, '.git'))) break;
  }
  return layers;
}

function readGitignore(dir: string): IgnoreLayer | undefined {
  try {
    const text = fs.readFileSync(path.join(dir, '.gitignore'), 'utf8');
    return { base: dir, ig: ignore().add(text) };
  } catch {
    return undefined;
  }
}

function ignored(layers: IgnoreLayer[], abs: string, isDir: boolean): boolean {
  for (const l of layers) {
    const rel = path.relative(l.base, abs).split(path.sep).join('/');
    if (!rel || rel.startsWith('..')) continue;
    if (l.ig.ignores(isDir ? `${rel}/` : rel)) return true;
  }
  return false;
}

function walk(dir: string, layers: IgnoreLayer[], visit: (file: string) => void): void {
  const own = readGitignore(dir);
  const here = own ? [...layers, own] : layers;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (SKIPPED.has(e.name) || ignored(here, full, true)) continue;
      walk(full, here, visit);
    } else if (e.isFile() && isCandidateFile(e.name) && !ignored(here, full, false)) {
      visit(full);
    }
  }
}

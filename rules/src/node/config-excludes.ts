import path = require('path');
import { compileGlobs } from '../util/glob';

const compiled = new WeakMap<readonly string[], (rel: string) => boolean>();

/**
 * Whether a config's `exclude` globs (relative to the config file's folder, or to `fallbackBase`
 * when no file applies) leave a walked file out. Compiled once per list (util/glob.ts, linear).
 */
export function excludedByConfig(file: string, exclude: readonly string[], configFile: string | undefined, fallbackBase: string | undefined): boolean {
  if (!exclude.length) return false;
  const base = configFile ? path.dirname(configFile) : fallbackBase;
  if (!base) return false;
  const rel = path.relative(base, file).split(path.sep).join('/');
  if (rel.startsWith('..') || path.isAbsolute(rel)) return false;
  let matches = compiled.get(exclude);
  if (!matches) compiled.set(exclude, (matches = compileGlobs(exclude).matches));
  return matches(rel);
}

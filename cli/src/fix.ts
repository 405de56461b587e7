import * as fs from 'fs';
import * as path from 'path';
import { fixAll, unifiedDiff } from '../../rules/src/edit/index';
import type { LintResult } from '../../rules/src/index';
import { parseSource } from '../../rules/src/index';
import { isTemplateRoot } from '../../rules/src/parse/detect';

/** `--fix` / `--fix-dry-run` for one file: fix-all, then an atomic write or a diff. */

export interface FixFileOptions {
  /** Absolute path. */
  file: string;
  /** Path shown to the user (diff headers, messages). */
  relPath: string;
  text: string;
  dryRun: boolean;
  /** Lints a text of this file with its settings. */
  lint: (text: string) => LintResult;
  maxPasses?: number;
}

export interface FixFileResult {
  /** The text after the fixes (written, or what would be written); the original when nothing changed. */
  text: string;
  changed: boolean;
  /** Fixes applied. */
  applied: number;
  /** Unified diff of the change (dry run only). */
  diff?: string;
  /** Why the fixes were not written. */
  error?: string;
}

export function fixFile(o: FixFileOptions): FixFileResult {
  const unchanged: FixFileResult = { text: o.text, changed: false, applied: 0 };
  const first = o.lint(o.text);
  if (!first.template || !first.source || first.source.errors.length || !first.diagnostics.some((d) => d.fixes.some((f) => f.safe))) return unchanged;
  let pending: LintResult | undefined = first; // the first pass reuses this lint
  const result = fixAll(o.text, (t) => {
    const r = pending && t === o.text ? pending : o.lint(t);
    pending = undefined;
    return { diagnostics: r.diagnostics, source: r.source };
  }, o.maxPasses);
  if (result.text === o.text) return unchanged;
  // Never write a text that no longer parses or is no longer a template.
  const check = parseSource(result.text, o.file);
  if (check.errors.length || !isTemplateRoot(check.root)) {
    return { ...unchanged, error: 'the fixes would leave a file that does not parse as a template; left unchanged' };
  }
  if (o.dryRun) {
    const name = o.relPath.split(path.sep).join('/');
    return { text: result.text, changed: true, applied: result.applied, diff: unifiedDiff(o.text, result.text, `a/${name}`, `b/${name}`) };
  }
  try {
    writeAtomically(o.file, result.text);
  } catch (e) {
    return { ...unchanged, error: writeErrorText(e) };
  }
  return { text: result.text, changed: true, applied: result.applied };
}

class ReadOnlyError extends Error {}
class FolderNotWritableError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

function writeErrorText(e: unknown): string {
  if (e instanceof ReadOnlyError) return 'cannot write fixes: the file is read-only';
  if (e instanceof FolderNotWritableError) return `cannot write fixes: no temporary file can be created in its folder (${e.code}), and the file is never rewritten in place; left unchanged`;
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return `cannot write fixes: the file is read-only (${code})`;
  return `cannot write fixes: ${code ?? (e as Error).message}`;
}

/**
 * Writes through a temporary file in the same folder and a rename, so a reader never
 * sees half a file and a failed write leaves the file as it was; the file keeps its mode
 * (and owner where permitted). A symlink is followed. A file without write permission is
 * refused, even for root.
 */
export function writeAtomically(file: string, text: string): void {
  const target = fs.realpathSync(file);
  const st = fs.statSync(target);
  if ((st.mode & 0o222) === 0) throw new ReadOnlyError();
  fs.accessSync(target, fs.constants.W_OK);
  const mode = st.mode & 0o7777;
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.cfn-tls-lint-${process.pid}-${Date.now()}.tmp`);
  let fd: number;
  try {
    fd = fs.openSync(tmp, 'wx', mode);
  } catch (e) {
    // A folder we may not create files in: never fall back to rewriting the file in place,
    // which a full disk or a crash would leave half-written.
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new FolderNotWritableError(code);
    throw e;
  }
  try {
    try {
      fs.writeFileSync(fd, text);
      fs.fsyncSync(fd); // the data is on disk before the rename makes it the file
    } finally {
      fs.closeSync(fd);
    }
    fs.chmodSync(tmp, mode); // the umask may have narrowed it
    try {
      fs.chownSync(tmp, st.uid, st.gid);
    } catch {
      // Not the owner: the new file is ours, as any editor would leave it.
    }
    fs.renameSync(tmp, target);
  } catch (e) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      // already gone
    }
    throw e;
  }
}

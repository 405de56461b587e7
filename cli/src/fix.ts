import path = require('path');
import { collectGarbage } from './gc';
import { FileChangedError, FolderNotWritableError, ReadOnlyError, replaceFileContent } from './replace-file';
import { fixAll, unifiedDiff, isTemplateRoot, type LintResult } from '../../rules/src/index';

/** `--fix` / `--fix-dry-run` for one file: fix-all, then a write that loses nobody's edit, or a diff. */

export interface FixFileOptions {
  /** Absolute path. */
  file: string;
  /** Path shown to the user (diff headers, messages). */
  relPath: string;
  text: string;
  /** The bytes `text` was decoded from (default: `text` as UTF-8); the file must still hold them when the fixes are written. */
  bytes?: Buffer;
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
  /** The file changed on disk after it was read: the report should describe it as it is now. */
  changedOnDisk?: boolean;
  /** Written, with something worth saying (mode bits the file could not keep). */
  notice?: string;
  /** The lint of `text`, when fix-all ended with one: the caller need not lint it again. */
  lint?: LintResult;
}

/** Texts past this many characters get a garbage collection around each lint (gc.ts). */
const LARGE_TEXT = 1 << 20;

export function fixFile(o: FixFileOptions): FixFileResult {
  const unchanged: FixFileResult = { text: o.text, changed: false, applied: 0 };
  // A large text's lint leaves hundreds of MB of garbage, which V8 keeps while the heap may grow:
  // collected before and after each one, `--fix` needs about the memory of one lint (gc.ts).
  const lintOf = (t: string): LintResult => {
    if (t.length <= LARGE_TEXT) return o.lint(t);
    collectGarbage();
    const r = o.lint(t);
    collectGarbage();
    return r;
  };
  let first: LintResult | undefined = lintOf(o.text);
  if (!first.template || !first.source || first.source.errors.length || !first.diagnostics.some((d) => !d.suppressed && d.fixes.some((f) => f.safe))) {
    return { ...unchanged, lint: first };
  }
  const bytes = o.bytes ?? Buffer.from(o.text, 'utf8');
  // Bytes that are not UTF-8 were read as U+FFFD: writing the text back would change them too.
  if (!bytes.equals(Buffer.from(o.text, 'utf8'))) {
    return { ...unchanged, lint: first, error: 'the file is not valid UTF-8, and writing it back would change the bytes that are not; left unchanged' };
  }
  const result = fixAll(
    o.text,
    (t) => {
      // The first pass reuses the lint above, which is then let go (a large template's lint is big).
      if (first && t === o.text) {
        const r = first;
        first = undefined;
        return r;
      }
      return lintOf(t);
    },
    o.maxPasses,
  );
  const lint = result.lint?.source?.text === result.text ? result.lint : undefined;
  if (result.text === o.text) return { ...unchanged, lint };
  // Never write a text that no longer parses or is no longer a template.
  const check = (lint ?? o.lint(result.text)).source;
  if (!check || check.errors.length || !isTemplateRoot(check.root)) {
    return { ...unchanged, error: 'the fixes would leave a file that does not parse as a template; left unchanged' };
  }
  const done: FixFileResult = { text: result.text, changed: true, applied: result.applied, lint };
  if (o.dryRun) {
    const name = o.relPath.split(path.sep).join('/');
    return { ...done, diff: unifiedDiff(o.text, result.text, `a/${name}`, `b/${name}`) };
  }
  try {
    const replaced = replaceFileContent(o.file, result.text, bytes);
    if (replaced.modeLost) return { ...done, notice: `fixes written, but the file lost mode bits ${replaced.modeLost} (this user may not set them)` };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' && o.file.includes('\uFFFD')) {
      return { ...unchanged, error: 'cannot write fixes: the file name is not valid UTF-8, which --fix does not write to; left unchanged' };
    }
    return { ...unchanged, error: writeErrorText(e), changedOnDisk: e instanceof FileChangedError };
  }
  return done;
}

function writeErrorText(e: unknown): string {
  if (e instanceof FileChangedError)
    return 'the file changed on disk while the fixes were made (another program wrote it); fixes not written, the file left as it now is';
  if (e instanceof ReadOnlyError) return 'cannot write fixes: the file is read-only';
  if (e instanceof FolderNotWritableError)
    return `cannot write fixes: no temporary file can be created in its folder (${e.code}), and the file is never rewritten in place without one; left unchanged`;
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return `cannot write fixes: the file is read-only (${code})`;
  return `cannot write fixes: ${code ?? (e as Error).message}`;
}

/** Replaces a file's content atomically where it can (replace-file.ts); kept for callers that have no expected bytes. */
export function writeAtomically(file: string, text: string): void {
  replaceFileContent(file, text);
}

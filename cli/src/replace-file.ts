import fs = require('fs');
import path = require('path');

/**
 * How `--fix` replaces a file's content. Normally through a new file in the same folder, flushed
 * to disk and renamed over the file, so that a reader never sees half a file and a failure leaves
 * the file as it was. Where a new file cannot stand in for the old one — another name shares it
 * (a hard link, which a rename would split from the fixed text) or the new file cannot get its
 * owner or mode (setuid/setgid as a user who may not set them) — the content is written into the
 * file itself, with the original put back if that write fails. Either way the file must still
 * hold the bytes that were read: a file another program changed meanwhile is left alone.
 */

export class ReadOnlyError extends Error {}
export class FolderNotWritableError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}
/** The file no longer holds the bytes the fixes were planned on. */
export class FileChangedError extends Error {}

export interface Replaced {
  /** Written into the file itself (hard links, or an owner or mode a new file could not get). */
  inPlace: boolean;
  /** Mode bits the file could not keep (e.g. setuid for a user who may not set it), as octal. */
  modeLost?: string;
}

/** Test hook: runs just before the content check (the latest moment another writer can still be caught). */
export const replaceHooks: { beforeCheck?: (file: string) => void } = {};

/**
 * Replaces the content of `file` (a symlink is followed) with `text`, provided it still holds
 * `expected` (when given). A file without write permission is refused, even for root.
 */
export function replaceFileContent(file: string, text: string, expected?: Buffer): Replaced {
  const target = fs.realpathSync(file);
  const st = fs.statSync(target);
  if ((st.mode & 0o222) === 0) throw new ReadOnlyError();
  fs.accessSync(target, fs.constants.W_OK);
  const mode = st.mode & 0o7777;
  const data = Buffer.from(text, 'utf8');
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.cfn-tls-lint-${process.pid}-${Date.now()}.tmp`);
  let fd: number;
  try {
    fd = fs.openSync(tmp, 'wx', mode & 0o777);
  } catch (e) {
    // A folder we may not create files in: never rewrite the file without a flushed copy of
    // the new text beside it, which a full disk or a crash would otherwise leave half-written.
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new FolderNotWritableError(code);
    throw e;
  }
  try {
    try {
      fs.writeFileSync(fd, data);
      fs.fsyncSync(fd); // the data is on disk before the rename makes it the file
    } finally {
      fs.closeSync(fd);
    }
    // Owner first: a chown clears setuid and setgid, so the mode is set after it.
    try {
      fs.chownSync(tmp, st.uid, st.gid);
    } catch {
      // Not permitted: the file is then written in place below, keeping its owner.
    }
    try {
      fs.chmodSync(tmp, mode);
    } catch {
      // Likewise.
    }
    const made = fs.statSync(tmp);
    const sameIdentity = made.uid === st.uid && made.gid === st.gid && (made.mode & 0o7777) === mode;
    if (st.nlink > 1 || !sameIdentity) {
      const replaced = writeInPlace(target, data, expected, mode);
      fs.unlinkSync(tmp);
      return replaced;
    }
    replaceHooks.beforeCheck?.(target);
    if (expected) assertUnchanged(fs.readFileSync(target), expected);
    fs.renameSync(tmp, target);
    return { inPlace: false };
  } catch (e) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      // already gone
    }
    throw e;
  }
}

function assertUnchanged(now: Buffer, expected: Buffer): void {
  if (!now.equals(expected)) throw new FileChangedError();
}

/**
 * Writes `data` over the file's own content, after checking it still holds `expected`. The inode,
 * its other names, owner and mode stay; a failed write puts the original bytes back.
 */
function writeInPlace(target: string, data: Buffer, expected: Buffer | undefined, mode: number): Replaced {
  const fd = fs.openSync(target, 'r+');
  try {
    replaceHooks.beforeCheck?.(target);
    const original = readAll(fd);
    if (expected) assertUnchanged(original, expected);
    try {
      writeAll(fd, data);
      fs.ftruncateSync(fd, data.length);
      fs.fsyncSync(fd);
    } catch (e) {
      try {
        writeAll(fd, original);
        fs.ftruncateSync(fd, original.length);
        fs.fsyncSync(fd);
      } catch {
        // The error below is reported; the flushed copy of the new text is removed by the caller.
      }
      throw e;
    }
    // A write by a process without CAP_FSETID clears setuid/setgid: set them again where permitted.
    if ((fs.fstatSync(fd).mode & 0o7777) !== mode) {
      try {
        fs.fchmodSync(fd, mode);
      } catch {
        // reported below
      }
    }
    const left = fs.fstatSync(fd).mode & 0o7777;
    return { inPlace: true, ...(left !== mode ? { modeLost: (mode & ~left).toString(8) } : {}) };
  } finally {
    fs.closeSync(fd);
  }
}

function readAll(fd: number): Buffer {
  const chunks: Buffer[] = [];
  let position = 0;
  for (;;) {
    const chunk = Buffer.alloc(1 << 16);
    const n = fs.readSync(fd, chunk, 0, chunk.length, position);
    if (n === 0) break;
    chunks.push(chunk.subarray(0, n));
    position += n;
  }
  return Buffer.concat(chunks);
}

function writeAll(fd: number, data: Buffer): void {
  let done = 0;
  while (done < data.length) done += fs.writeSync(fd, data, done, data.length - done, done);
}

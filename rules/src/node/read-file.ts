import fs = require('fs');

/**
 * The one way the linter reads a file it did not write: config files, .gitignore files,
 * baselines and templates all come from repositories someone cloned, and git keeps symlinks,
 * so any of them may be a symlink to /dev/zero (endless) or a FIFO (blocks forever on open).
 * Only regular files are read, and never more than a cap.
 */

export type ReadFailure = 'not-regular' | 'too-large' | 'io';

export class FileReadError extends Error {
  constructor(
    readonly path: string,
    readonly kind: ReadFailure,
    /** What went wrong, without the path: "not a regular file (a FIFO)", "larger than 1 MB", "permission denied (EACCES)". */
    readonly reason: string,
    /** The errno code for `io` failures. */
    readonly code?: string,
    /** The size found for `too-large`. */
    readonly size?: number,
  ) {
    super(`${path}: ${reason}`);
  }
}

/** What a stat says a path is, for messages ("a FIFO"); undefined for a regular file. */
export function nonRegularKind(st: fs.Stats): string | undefined {
  if (st.isFile()) return undefined;
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a FIFO';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a file';
}

export function formatBytes(n: number): string {
  if (n >= 1048576) return `${+(n / 1048576).toFixed(1)} MB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}

const ERRNO_WORDS: Readonly<Record<string, string>> = Object.freeze({
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOENT: 'no such file',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'name too long',
  EIO: 'input/output error',
  EISDIR: 'is a folder',
  ENOTDIR: 'a path component is not a folder',
});

/** "permission denied (EACCES)" for an errno error. */
export function describeIoError(e: unknown): { reason: string; code?: string } {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (!code) return { reason: e instanceof Error ? e.message : String(e) };
  const words = ERRNO_WORDS[code];
  return { reason: words ? `${words} (${code})` : code, code };
}

function notRegular(path: string, kind: string): FileReadError {
  return new FileReadError(path, 'not-regular', `not a regular file (${kind})`);
}

function tooLarge(path: string, size: number, maxBytes: number): FileReadError {
  return new FileReadError(path, 'too-large', `larger than ${formatBytes(maxBytes)}`, undefined, size);
}

function ioError(path: string, e: unknown): FileReadError {
  if (e instanceof FileReadError) return e;
  const { reason, code } = describeIoError(e);
  return new FileReadError(path, 'io', reason, code);
}

// O_NONBLOCK: opening a FIFO for reading returns at once instead of waiting for a writer;
// O_NOCTTY: a terminal never becomes our controlling terminal. Neither changes a regular file.
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOCTTY ?? 0);

/**
 * The next read: the rest of the file and one byte more (to see growth), at most 1 MB; 64 KB
 * pieces past the size the file reported (0 for /proc files). Exactly sized buffers matter:
 * a scan of many small templates would otherwise allocate 64 KB per file.
 */
function chunkSize(size: number, total: number, maxBytes: number): number {
  return Math.min(maxBytes + 1 - total, size > total ? size - total + 1 : 1 << 16, 1 << 20);
}

/**
 * Reads a regular file of at most `maxBytes` (symlinks followed); throws FileReadError otherwise.
 * A Buffer path reaches a file whose name is not valid UTF-8. `seenRegular`: the caller has just
 * seen it to be a regular file (its own stat, a folder listing), which the first stat is for.
 */
export function readRegularFileSync(file: string | Buffer, maxBytes: number, seenRegular = false): Buffer {
  const path = typeof file === 'string' ? file : file.toString();
  let fd: number | undefined;
  try {
    // A stat first, so a device is never even opened (opening some has side effects)…
    if (!seenRegular) {
      const before = fs.statSync(file);
      const kind = nonRegularKind(before);
      if (kind) throw notRegular(path, kind);
      if (before.size > maxBytes) throw tooLarge(path, before.size, maxBytes);
    }
    fd = fs.openSync(file, OPEN_FLAGS);
    // …and an fstat of what was opened, which may have been swapped in meanwhile.
    const st = fs.fstatSync(fd);
    const openedKind = nonRegularKind(st);
    if (openedKind) throw notRegular(path, openedKind);
    if (st.size > maxBytes) throw tooLarge(path, st.size, maxBytes);
    // Read to the end but at most maxBytes + 1: a file may grow, or report a size of 0 (/proc).
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(chunkSize(st.size, total, maxBytes));
      const n = fs.readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      chunks.push(n === buf.length ? buf : buf.subarray(0, n));
      total += n;
      if (total > maxBytes) throw tooLarge(path, total, maxBytes);
      // A short read once the reported size is reached is the end of a regular file: no read of nothing to see it.
      if (n < buf.length && st.size > 0 && total >= st.size) break;
    }
    return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
  } catch (e) {
    throw ioError(path, e);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** The same, asynchronously (the language server reads on its main thread). */
export async function readRegularFile(path: string, maxBytes: number): Promise<Buffer> {
  let handle: fs.promises.FileHandle | undefined;
  try {
    const before = await fs.promises.stat(path);
    const kind = nonRegularKind(before);
    if (kind) throw notRegular(path, kind);
    if (before.size > maxBytes) throw tooLarge(path, before.size, maxBytes);
    handle = await fs.promises.open(path, OPEN_FLAGS);
    const st = await handle.stat();
    const openedKind = nonRegularKind(st);
    if (openedKind) throw notRegular(path, openedKind);
    if (st.size > maxBytes) throw tooLarge(path, st.size, maxBytes);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(chunkSize(st.size, total, maxBytes));
      const { bytesRead } = await handle.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      chunks.push(bytesRead === buf.length ? buf : buf.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) throw tooLarge(path, total, maxBytes);
      if (bytesRead < buf.length && st.size > 0 && total >= st.size) break;
    }
    return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
  } catch (e) {
    throw ioError(path, e);
  } finally {
    await handle?.close();
  }
}

/** UTF-8 text of a regular file (invalid bytes become U+FFFD, as `readFileSync(…, 'utf8')` does). */
export function readRegularTextSync(path: string, maxBytes: number): string {
  return readRegularFileSync(path, maxBytes).toString('utf8');
}

export async function readRegularText(path: string, maxBytes: number): Promise<string> {
  return (await readRegularFile(path, maxBytes)).toString('utf8');
}

/** Caps for the files the linter reads besides templates (`MAX_TEMPLATE_BYTES`, engine/lint.ts). */
export const MAX_CONFIG_BYTES = 1 << 20;
/** 50,000 patterns of a generated .gitignore fit in 2 MB; git itself reads at most 100 MB. */
export const MAX_IGNORE_FILE_BYTES = 4 << 20;
/** A baseline of 300,000 findings is about 60 MB of JSON. */
export const MAX_BASELINE_BYTES = 64 << 20;

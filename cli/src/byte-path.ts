import fs = require('fs');
import path = require('path');

/**
 * File names that are not valid UTF-8. Node lists them (readdir with the default encoding) as
 * strings with U+FFFD in place of the bad bytes, and such a string names no file: reading it gave
 * ENOENT. The bytes are found again by listing each folder on the way as bytes (a Buffer path
 * opens the file). Two names that differ only in their invalid bytes read the same: ambiguous.
 */
export type BytePath = { path: Buffer } | { ambiguous: true } | undefined;

export function bytePathOf(file: string): BytePath {
  if (!file.includes('\uFFFD') || path.sep !== '/' || !path.isAbsolute(file)) return undefined;
  let at = Buffer.from('/');
  for (const part of file.split('/').filter(Boolean)) {
    let name: Buffer;
    if (!part.includes('\uFFFD')) {
      name = Buffer.from(part);
    } else {
      let entries: Buffer[];
      try {
        entries = fs.readdirSync(at, { encoding: 'buffer' });
      } catch {
        return undefined;
      }
      const matches = entries.filter((e) => e.toString('utf8') === part);
      if (matches.length > 1) return { ambiguous: true };
      if (!matches.length) return undefined;
      name = matches[0];
    }
    at = Buffer.concat([at, at[at.length - 1] === 0x2f ? Buffer.alloc(0) : Buffer.from('/'), name]);
  }
  return { path: at };
}

/** The path to open for `file`: its bytes when its name was not valid UTF-8 (and is not ambiguous), else itself. */
export function openablePath(file: string): string | Buffer {
  if (!file.includes('\uFFFD') || fs.existsSync(file)) return file;
  const named = bytePathOf(file);
  return named && 'path' in named ? named.path : file;
}

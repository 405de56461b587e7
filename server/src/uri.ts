import path = require('path');
import { fileURLToPath } from 'url';

/**
 * File URIs as VS Code writes them (vscode-uri's `URI.file(p).toString()`): every
 * character but the unreserved ones and `/` percent-encoded, drive letters lower
 * case. Scan results must use the same spelling as the editor, or the Problems
 * panel shows a file twice.
 */
export function fileUri(fsPath: string): string {
  let p = path.resolve(fsPath).split(path.sep).join('/');
  if (/^[A-Za-z]:/.test(p)) p = '/' + p[0].toLowerCase() + p.slice(1);
  let out = '';
  for (const ch of p) {
    if (/[A-Za-z0-9\-._~/]/.test(ch)) out += ch;
    else out += encodeURIComponent(ch).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  }
  return 'file://' + out;
}

/** The file path of a `file:` URI, or undefined for other schemes (untitled, virtual). */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** One key per document whatever the URI's spelling: the path for files, the URI otherwise. */
export function uriKey(uri: string): string {
  const p = uriToPath(uri);
  return p === undefined ? uri : path.resolve(p);
}

/** A name the engine can pick the format from (extension), for any URI. */
export function fileNameOf(uri: string, languageId?: string): string {
  const p = uriToPath(uri);
  if (p) return p;
  let name: string;
  try {
    name = decodeURIComponent(uri.replace(/^[a-z][a-z0-9+.-]*:/i, '').split(/[?#]/)[0]);
  } catch {
    name = uri;
  }
  if (/\.(ya?ml|json|template)$/i.test(name)) return name;
  if (languageId === 'json' || languageId === 'jsonc') return name + '.json';
  if (languageId === 'yaml') return name + '.yaml';
  return name;
}

/** True when `child` is `dir` or inside it. */
export function isInside(dir: string, child: string): boolean {
  const rel = path.relative(dir, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

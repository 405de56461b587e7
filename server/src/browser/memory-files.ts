/**
 * Files the browser server holds in memory, which the browser bundle's `fs` stand-in
 * (scripts/web-shims/fs.js) reads: the resource specification the client read for it. In Node
 * (tests) nothing reads them: the engine reads the real files.
 */
const KEY = Symbol.for('cfn-tls-lint.memoryFiles');

function files(): Map<string, string> {
  const g = globalThis as unknown as Record<symbol, Map<string, string> | undefined>;
  return (g[KEY] ??= new Map());
}

export function putMemoryFile(file: string, text: string): void {
  files().set(file, text);
}

export function hasMemoryFile(file: string): boolean {
  return files().has(file);
}

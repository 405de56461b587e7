'use strict';
// `fs` in the browser bundles: the files the browser server put into memory (the resource
// specification it asked the client for), read-only. See README.md.
const KEY = Symbol.for('cfn-tls-lint.memoryFiles');

function files() {
  return globalThis[KEY] || new Map();
}

function notFound(file) {
  const e = new Error(`ENOENT: no such file in the browser: ${file}`);
  e.code = 'ENOENT';
  return e;
}

function existsSync(file) {
  return files().has(String(file));
}

function readFileSync(file, options) {
  const text = files().get(String(file));
  if (text === undefined) throw notFound(file);
  const encoding = typeof options === 'string' ? options : options && options.encoding;
  return encoding ? text : new TextEncoder().encode(text);
}

function statSync(file) {
  if (!existsSync(file)) throw notFound(file);
  return { isFile: () => true, isDirectory: () => false, size: files().get(String(file)).length, mtimeMs: 0 };
}

module.exports = { existsSync, readFileSync, statSync };

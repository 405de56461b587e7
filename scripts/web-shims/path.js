'use strict';
// `path` in the browser bundles: POSIX paths, the working directory being `/`. See README.md.
function normalizeParts(parts, absolute) {
  const out = [];
  for (const p of parts) {
    if (!p || p === '.') continue;
    if (p === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
    } else out.push(p);
  }
  return out;
}

function normalize(p) {
  const absolute = p.startsWith('/');
  const body = normalizeParts(p.split('/'), absolute).join('/');
  const trailing = p.length > 1 && p.endsWith('/') && body ? '/' : '';
  return (absolute ? '/' : '') + (body || (absolute ? '' : '.')) + trailing;
}

function join(...parts) {
  const joined = parts.filter((p) => p !== '').join('/');
  return joined ? normalize(joined) : '.';
}

function resolve(...parts) {
  let out = '';
  for (let i = parts.length - 1; i >= 0 && !out.startsWith('/'); i--) if (parts[i]) out = out ? `${parts[i]}/${out}` : parts[i];
  if (!out.startsWith('/')) out = `/${out}`;
  const n = normalize(out);
  return n.length > 1 && n.endsWith('/') ? n.slice(0, -1) : n;
}

function isAbsolute(p) {
  return p.startsWith('/');
}

function dirname(p) {
  const trimmed = p.length > 1 ? p.replace(/\/+$/, '') : p;
  const i = trimmed.lastIndexOf('/');
  if (i < 0) return '.';
  return i === 0 ? '/' : trimmed.slice(0, i);
}

function basename(p, ext) {
  const base = p.replace(/\/+$/, '').split('/').pop() || '';
  return ext && base.endsWith(ext) && base !== ext ? base.slice(0, -ext.length) : base;
}

function extname(p) {
  const base = basename(p);
  const i = base.lastIndexOf('.');
  return i <= 0 ? '' : base.slice(i);
}

function relative(from, to) {
  const a = resolve(from).split('/').filter(Boolean);
  const b = resolve(to).split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

const posix = { sep: '/', delimiter: ':', normalize, join, resolve, isAbsolute, dirname, basename, extname, relative };
posix.posix = posix;
module.exports = posix;

'use strict';
// "Where the time goes": a V8 CPU profile of the CLI (in-process, one thread) summarised by
// source module. esbuild marks each bundled module with a `// <path>` comment line, so a
// profile line number maps back to the module it came from.
const fs = require('fs');

function moduleIndex(bundleFile) {
  const marks = [];
  const lines = fs.readFileSync(bundleFile, 'utf8').split('\n');
  lines.forEach((l, i) => {
    const m = /^\/\/ ((?:node_modules|rules|cli|server|client)\/\S+\.(?:ts|js|json|cjs|mjs))$/.exec(l);
    if (m) marks.push([i, m[1]]);
  });
  return (line) => {
    let lo = 0;
    let hi = marks.length - 1;
    let found = '(bundle prelude)';
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (marks[mid][0] <= line) {
        found = marks[mid][1];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
}

function category(mod) {
  if (mod.startsWith('node_modules/yaml/dist/parse/')) return 'yaml package (general path, declined YAML files): lexer and CST parser';
  if (mod.startsWith('node_modules/yaml/')) return 'yaml package (general path): composer (CST to document nodes, tag resolution)';
  if (mod.startsWith('node_modules/')) return 'other packages (re2js, picomatch)';
  if (mod.startsWith('rules/src/parse/json')) return 'our JSON parser';
  if (mod.startsWith('rules/src/parse/yaml-fast')) return 'our YAML fast path (most YAML files)';
  if (mod.startsWith('rules/src/parse/yaml.ts')) return "YAML general path: the yaml package's document to source tree";
  if (mod.startsWith('rules/src/parse/')) return 'source tree helpers, template sniffing';
  if (mod.startsWith('rules/src/template/')) return 'template model (resources, ranges)';
  if (mod.startsWith('rules/src/evaluate/')) return 'value evaluation and condition scenarios';
  if (mod.startsWith('rules/src/spec/')) return 'resource specification (index load and lookups)';
  if (mod.startsWith('rules/src/engine/')) return 'engine (lint run, merging, suppressions, config)';
  if (mod.startsWith('rules/src/rules/') || mod.startsWith('rules/src/data/')) return 'rules (checks and their data)';
  if (mod.startsWith('cli/')) return 'CLI (file walk, output)';
  return 'other bundled code';
}

/** Self time by category, by rule folder/file, and the top functions, from a .cpuprofile. */
function summarise(profileFile, bundleFile) {
  const p = JSON.parse(fs.readFileSync(profileFile, 'utf8'));
  const modOf = moduleIndex(bundleFile);
  const bundleName = bundleFile.replace(/\\/g, '/');
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map();
  let total = 0;
  for (let i = 0; i < p.samples.length; i++) {
    const dt = p.timeDeltas[i] ?? 0;
    self.set(p.samples[i], (self.get(p.samples[i]) ?? 0) + dt);
    total += dt;
  }
  const cats = new Map();
  const rules = new Map();
  const fns = new Map();
  const add = (m, k, v) => m.set(k, (m.get(k) ?? 0) + v);
  for (const [id, us] of self) {
    const n = byId.get(id);
    const cf = n.callFrame;
    const url = (cf.url || '').replace(/^file:\/\//, '');
    let cat;
    let fnKey;
    if (url && bundleName.endsWith(url.split('/').slice(-2).join('/')) && url.endsWith(bundleName.split('/').pop())) {
      const mod = modOf(cf.lineNumber);
      cat = category(mod);
      if (mod.startsWith('rules/src/rules/')) add(rules, mod.replace('rules/src/rules/', ''), us);
      fnKey = `${cf.functionName || '(anonymous)'} (${mod})`;
    } else if (cf.functionName === '(garbage collector)') {
      cat = 'garbage collection';
    } else if (cf.functionName === '(idle)') {
      cat = 'idle (waiting for I/O)';
    } else {
      cat = 'Node.js: start-up, module loading, file I/O';
      fnKey = `${cf.functionName || '(anonymous)'} (${url.split('/').pop() || 'native'})`;
    }
    add(cats, cat, us);
    if (fnKey) add(fns, fnKey, us);
  }
  const rows = (m, limit) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([name, us]) => ({ name, ms: Number((us / 1000).toFixed(1)), percent: Number(((100 * us) / total).toFixed(1)) }));
  return { totalMs: Number((total / 1000).toFixed(1)), categories: rows(cats, 50), rules: rows(rules, 12), functions: rows(fns, 15) };
}

module.exports = { summarise };

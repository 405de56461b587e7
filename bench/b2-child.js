'use strict';
// B2, in one process: yaml's parseDocument on every corpus file (the "bare parse") against
// the full lint of the same files, texts already in memory. Both use the same bundled copy
// of `yaml` (.bench-tmp/engine.js). Warm-up rounds first, then alternating timed rounds.
// argv: <engine bundle> <file list json> <rounds> <warm-up rounds>
const fs = require('fs');
const { median } = require('./lib/stats');

const [enginePath, listPath, roundsArg, warmArg] = process.argv.slice(2);
const { lintText, defaultRegistry, parseDocument, parseSource } = require(enginePath);
const files = JSON.parse(fs.readFileSync(listPath, 'utf8'));
const all = files.map((f) => ({ file: f, text: fs.readFileSync(f, 'utf8'), json: /\.json$/i.test(f) }));
const sets = { all, yaml: all.filter((t) => !t.json), json: all.filter((t) => t.json) };
const registry = defaultRegistry();
const gc = typeof global.gc === 'function' ? global.gc : () => {};

const work = {
  bare: (set) => {
    for (const t of set) parseDocument(t.text);
  },
  lint: (set) => {
    for (const t of set) lintText(t.text, t.file, registry);
  },
  // The engine's own parse alone (fast paths included): what the rules add on top of it.
  parse: (set) => {
    for (const t of set) parseSource(t.text, t.file);
  },
};

function timed(fn, set) {
  gc();
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  fn(set);
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
}

const first = {};
for (const name of Object.keys(work)) first[name] = timed(work[name], sets.all).wall; // cold: first ever pass
const rounds = Number(roundsArg);
const warm = Number(warmArg);
const samples = {};
for (let r = 0; r < warm + rounds; r++) {
  const order = r % 2 ? ['lint', 'parse', 'bare'] : ['bare', 'parse', 'lint'];
  for (const [setName, set] of Object.entries(sets)) {
    for (const name of order) {
      const m = timed(work[name], set);
      if (r < warm) continue;
      const key = `${name}:${setName}`;
      (samples[key] ??= { wall: [], cpu: [] }).wall.push(m.wall);
      samples[key].cpu.push(m.cpu);
    }
  }
}
const out = {
  files: all.length,
  yamlFiles: sets.yaml.length,
  jsonFiles: sets.json.length,
  bytes: all.reduce((n, t) => n + Buffer.byteLength(t.text), 0),
  firstPassMs: first,
  samples,
};
for (const s of Object.values(samples)) {
  s.medianWall = median(s.wall);
  s.medianCpu = median(s.cpu);
}
console.log(JSON.stringify(out));

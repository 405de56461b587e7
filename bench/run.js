#!/usr/bin/env node
'use strict';
// `npm run bench`: measures B1..B10 (issues 7, 13 and 19) on this machine and writes bench/results.json and
// bench/results.md. Not part of `npm test`.
//
//   npm run bench -- [--only B1,B2,B6] [--runs 7] [--cfn-lint-runs 1] [--b7-runs 15] [--b9-runs 3] [--no-build] [--no-profile]
//
// Figures are medians of several runs after warm-up; the machine's load average is recorded
// because other work on it makes wall-clock figures noisy.
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { ROOT, CORPUS, corpusFiles } = require('./lib/corpus');
const { machine, load } = require('./lib/machine');
const { buildBenchBundles, TMP } = require('./lib/bundle');
const { nodeJson, timeProcess } = require('./lib/proc');
const { summarise } = require('./lib/profile');
const { runB1 } = require('./b1');
const { runLsp } = require('./lsp');
const { runB7 } = require('./b7');
const { runB8 } = require('./b8');
const { runB9 } = require('./b9-fix-scale');
const { runB10 } = require('./b10-cdk');
const { writeResults } = require('./report');

function parseArgs(argv) {
  const o = {
    only: null,
    runs: 7,
    cfnLintRuns: 1,
    b7Runs: 15,
    b7CfnLintRuns: 3,
    build: true,
    profile: true,
    b2Rounds: 15,
    b6Runs: 30,
    lspEdits: 200,
    b9Runs: 3,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => argv[++i];
    if (a === '--only') o.only = new Set(next().toUpperCase().split(','));
    else if (a === '--runs') o.runs = Number(next());
    else if (a === '--cfn-lint-runs') o.cfnLintRuns = Number(next());
    else if (a === '--b2-rounds') o.b2Rounds = Number(next());
    else if (a === '--lsp-edits') o.lspEdits = Number(next());
    else if (a === '--b9-runs') o.b9Runs = Number(next());
    else if (a === '--b7-runs') o.b7Runs = Number(next());
    else if (a === '--no-build') o.build = false;
    else if (a === '--no-profile') o.profile = false;
    else throw new Error(`unknown option ${a}`);
  }
  return o;
}

const log = (s) => process.stderr.write(s + '\n');

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const want = (id) => !opts.only || opts.only.has(id);
  if (opts.build) {
    log('building (node scripts/build.js)...');
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.js')], { cwd: ROOT, stdio: 'inherit' });
  }
  log('building benchmark bundles in .bench-tmp/...');
  const bundles = await buildBenchBundles();
  const files = corpusFiles();
  fs.writeFileSync(path.join(TMP, 'corpus-files.json'), JSON.stringify(files));

  const previous = readPrevious();
  const results = {
    date: new Date().toISOString(),
    machine: machine(ROOT),
    loadAverage: { start: load(), end: null },
    options: {
      runs: opts.runs,
      cfnLintRuns: opts.cfnLintRuns,
      b7Runs: opts.b7Runs,
      b2Rounds: opts.b2Rounds,
      b6Runs: opts.b6Runs,
      lspEdits: opts.lspEdits,
      b9Runs: opts.b9Runs,
    },
    benches: {},
    profile: null,
  };
  // A partial run (--only) keeps the other benches' last figures.
  if (opts.only && previous) {
    for (const [k, v] of Object.entries(previous.benches ?? {})) if (!want(k)) results.benches[k] = { ...v, fromEarlierRun: v.fromEarlierRun ?? previous.date };
    if (!opts.profile && previous.profile) results.profile = previous.profile;
  }

  // Each bench records the load average around it: the noise it ran in.
  const withLoad = async (fn) => {
    const start = load();
    const r = await fn();
    return Object.assign(r, { loadAverage: { start, end: load() } });
  };
  if (want('B1')) {
    log(`B1: CLI over ${files.length} corpus files, ${opts.runs} runs (+1 warm-up), cfn-lint ${opts.cfnLintRuns} run(s)...`);
    results.benches.B1 = await withLoad(() => runB1({ runs: opts.runs, cfnLintRuns: opts.cfnLintRuns, log }));
  }
  if (want('B2')) {
    log(`B2: bare yaml parse vs full lint, ${opts.b2Rounds} rounds in one process...`);
    results.benches.B2 = await withLoad(async () =>
      b2Result(
        await nodeJson(path.join(__dirname, 'b2-child.js'), [bundles.engine, path.join(TMP, 'corpus-files.json'), String(opts.b2Rounds), '3'], {
          execArgv: ['--expose-gc'],
        }),
      ),
    );
  }
  if (want('B6')) {
    log('B6: 200 conditions, nested Fn::If...');
    results.benches.B6 = await withLoad(async () => {
      const runs = [];
      for (let i = 0; i < 3; i++) runs.push(await nodeJson(path.join(__dirname, 'b6-child.js'), [bundles.engine, String(opts.b6Runs)]));
      return b6Result(runs);
    });
  }
  if (want('B7')) {
    log(`B7: CLI on one 5 KB template, ${opts.b7Runs} runs against bare node and ${opts.b7CfnLintRuns} cfn-lint runs...`);
    results.benches.B7 = await withLoad(() => runB7({ runs: opts.b7Runs, cfnLintRuns: opts.b7CfnLintRuns, log }));
  }
  if (want('B8')) {
    log(`B8: CLI over a 5,000-file monorepo, ${opts.runs} runs...`);
    results.benches.B8 = await withLoad(() => runB8({ runs: opts.runs, log }));
  }
  if (want('B9')) {
    log(`B9: --fix on 8,000 and 16,000 listeners, ${opts.b9Runs} runs each...`);
    results.benches.B9 = await withLoad(() => runB9({ runs: opts.b9Runs, log }));
  }
  if (want('B10')) {
    log(`B10: CLI on the CDK fixture's cdk.out against its templates directly, ${opts.b7Runs} runs each...`);
    results.benches.B10 = await withLoad(() => runB10({ runs: opts.b7Runs, log }));
  }
  if (want('B3') || want('B4') || want('B5')) {
    log('B3/B4/B5: language server over LSP...');
    Object.assign(results.benches, await runLsp({ want, edits: opts.lspEdits, log, load }));
  }
  if (opts.profile) {
    log('profile: CLI over the corpus, in-process, --cpu-prof...');
    results.profile = await profileCli(bundles, files);
  }
  results.loadAverage.end = load();
  writeResults(results);
  log(`wrote bench/results.json and bench/results.md`);
}

function b2Result(r) {
  const s = r.samples;
  const ratio = (set, kind, base = 'bare') => Number((s[`lint:${set}`][kind] / s[`${base}:${set}`][kind]).toFixed(2));
  const pick = (key) => ({ wallMs: Number(s[key].medianWall.toFixed(1)), cpuMs: Number(s[key].medianCpu.toFixed(1)) });
  return {
    files: r.files,
    yamlFiles: r.yamlFiles,
    jsonFiles: r.jsonFiles,
    megabytes: Number((r.bytes / 2 ** 20).toFixed(2)),
    definition:
      "bare parse = the yaml package's parseDocument(text) with default options on every file (JSON files too: JSON is YAML), texts in memory; full lint = lintText(text, file) with default settings, the engine's own YAML/JSON parse included",
    rounds: s['lint:all'].wall.length,
    bare: { all: pick('bare:all'), yaml: pick('bare:yaml'), json: pick('bare:json') },
    ownParse: { all: pick('parse:all'), yaml: pick('parse:yaml'), json: pick('parse:json') },
    lintOverOwnParse: ratio('all', 'medianWall', 'parse'),
    lint: { all: pick('lint:all'), yaml: pick('lint:yaml'), json: pick('lint:json') },
    ratio: ratio('all', 'medianWall'),
    ratioCpu: ratio('all', 'medianCpu'),
    ratioYamlOnly: ratio('yaml', 'medianWall'),
    ratioJsonOnly: ratio('json', 'medianWall'),
    firstPassMs: { bare: Number(r.firstPassMs.bare.toFixed(0)), lint: Number(r.firstPassMs.lint.toFixed(0)) },
  };
}

function b6Result(runs) {
  const all = runs.flatMap((r) => r.samples);
  const { median } = require('./lib/stats');
  const checks = runs[0].checks;
  return {
    lines: runs[0].lines,
    conditions: 200,
    processes: runs.length,
    runsPerProcess: runs[0].samples.length,
    medianMs: Number(median(all).toFixed(2)),
    firstLintMs: runs.map((r) => Number(r.firstMs.toFixed(1))),
    diagnostics: runs[0].diagnostics,
    checks,
    correct: checks.every((c) => c.ok) && runs.every((r) => r.checks.every((c) => c.ok)),
  };
}

async function profileCli(bundles, files) {
  const dir = path.join(TMP, 'profile');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  // As B1 runs it: in the corpus folder, relative paths.
  const rel = files.map((f) => path.relative(CORPUS, f));
  const r = await timeProcess(
    process.execPath,
    ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval', '250', bundles.cliRun, '--format', 'json', ...rel],
    {
      env: { ...process.env, CFN_TLS_LINT_WORKERS: '0' },
      cwd: CORPUS,
    },
  );
  const prof = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!prof) throw new Error(`profile run wrote no profile (exit ${r.code}): ${r.stderr.slice(0, 300)}`);
  return {
    run: 'CLI over the B1 corpus, in-process (CFN_TLS_LINT_WORKERS=0), unminified bundle, --cpu-prof-interval 250us',
    wallMs: Number(r.wallMs.toFixed(0)),
    ...summarise(path.join(dir, prof), bundles.cliBundle),
  };
}

function readPrevious() {
  try {
    return JSON.parse(fs.readFileSync(path.join(__dirname, 'results.json'), 'utf8'));
  } catch {
    return undefined;
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});

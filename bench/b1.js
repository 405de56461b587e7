'use strict';
// B1 corpus scan: the whole CLI process over the corpus files, against cfn-lint on the same
// files in the same run. Our runs are split around the cfn-lint runs so both see the same
// machine conditions; each variant gets one untimed warm-up run (disk cache).
const os = require('os');
const path = require('path');
const { corpusFiles, CORPUS, EXPECTED, ROOT } = require('./lib/corpus');
const { timeProcess } = require('./lib/proc');
const { summary } = require('./lib/stats');
const { cfnLintVersion } = require('./lib/cfn-lint');

const CLI = path.join(ROOT, 'bin', 'cfn-tls-lint.js');

function stripTiming(jsonText) {
  const r = JSON.parse(jsonText);
  if (r.summary) delete r.summary.ms;
  return r;
}

async function runB1({ runs, cfnLintRuns, log }) {
  // Run where the templates are, with the same relative file list for both tools.
  const files = corpusFiles().map((f) => path.relative(CORPUS, f));
  const args = [CLI, '--format', 'json', ...files];
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const poolWorkers = Math.max(1, cores - 1);
  const variants = {
    // What a user gets: cli/src/pool.ts decides from the file count and os.availableParallelism().
    cli: { ...process.env, NO_COLOR: '1' },
    // The pool switched off, and forced on (cores - 1 workers + the main thread), for comparison.
    cliInProcess: { ...process.env, NO_COLOR: '1', CFN_TLS_LINT_WORKERS: '0' },
    cliPool: { ...process.env, NO_COLOR: '1', CFN_TLS_LINT_WORKERS: String(poolWorkers) },
  };
  const samples = { cli: [], cliInProcess: [], cliPool: [] };
  const cpu = { cli: [], cliInProcess: [], cliPool: [] };
  const rss = { cli: [], cliInProcess: [], cliPool: [] };
  const outputs = {};
  for (const [name, env] of Object.entries(variants)) {
    const r = await timeProcess(process.execPath, args, { env, cwd: CORPUS, keepStdout: true });
    if (r.code !== 0 && r.code !== 1) throw new Error(`B1: the CLI exited ${r.code}: ${r.stderr.slice(0, 500)}`);
    outputs[name] = stripTiming(r.stdout);
  }
  const linted = outputs.cli.summary.files;
  const identical =
    JSON.stringify(outputs.cli) === JSON.stringify(outputs.cliInProcess) && JSON.stringify(outputs.cliPool) === JSON.stringify(outputs.cliInProcess);
  const ourRound = async () => {
    for (const [name, env] of Object.entries(variants)) {
      const r = await timeProcess(process.execPath, args, { env, cwd: CORPUS });
      samples[name].push(r.wallMs);
      if (r.cpuMs !== null) cpu[name].push(r.cpuMs);
      if (r.maxRssMb !== null) rss[name].push(r.maxRssMb);
      log(`  B1 ${name}: ${r.wallMs.toFixed(0)} ms`);
    }
  };
  const before = Math.ceil(runs / 2);
  for (let i = 0; i < before; i++) await ourRound();

  const version = cfnLintVersion();
  const cfn = { version: version ?? null, wall: [], cpu: [], rss: [], exitCodes: [] };
  if (version) {
    for (let i = 0; i < cfnLintRuns; i++) {
      log(`  B1 cfn-lint run ${i + 1}/${cfnLintRuns} (about a minute)...`);
      const r = await timeProcess('cfn-lint', files, { cwd: CORPUS });
      if (/Traceback \(most recent call last\)/.test(r.stderr)) throw new Error(`B1: cfn-lint crashed: ${r.stderr.slice(-800)}`);
      cfn.wall.push(r.wallMs);
      if (r.cpuMs !== null) cfn.cpu.push(r.cpuMs);
      if (r.maxRssMb !== null) cfn.rss.push(r.maxRssMb);
      cfn.exitCodes.push(r.code);
      log(`  B1 cfn-lint: ${(r.wallMs / 1000).toFixed(1)} s`);
    }
  }
  for (let i = before; i < runs; i++) await ourRound();

  const ours = summary(samples.cli, 0);
  const result = {
    files: files.length,
    expectedFiles: EXPECTED,
    filesLinted: linted,
    templates: outputs.cli.summary.templates,
    findings: { errors: outputs.cli.summary.errors, warnings: outputs.cli.summary.warnings, infos: outputs.cli.summary.infos },
    outputsIdentical: identical,
    command: `node <checkout>/bin/cfn-tls-lint.js --format json <${files.length} files>` + ' (in ../shared/corpus, paths relative to it)',
    poolWorkersForced: poolWorkers,
    wallMs: { cli: ours, cliInProcess: summary(samples.cliInProcess, 0), cliPool: summary(samples.cliPool, 0) },
    cpuMs: Object.fromEntries(Object.entries(cpu).map(([k, v]) => [k, v.length ? summary(v, 0) : null])),
    peakRssMb: Object.fromEntries(Object.entries(rss).map(([k, v]) => [k, v.length ? summary(v, 0) : null])),
    cfnLint: version
      ? {
          version,
          command: `cfn-lint <${files.length} files>`,
          runs: cfn.wall.length,
          wallMs: summary(cfn.wall, 0),
          cpuMs: cfn.cpu.length ? summary(cfn.cpu, 0) : null,
          peakRssMb: cfn.rss.length ? summary(cfn.rss, 0) : null,
          exitCodes: cfn.exitCodes,
        }
      : null,
  };
  result.ratio = version ? Number((result.cfnLint.wallMs.median / ours.median).toFixed(1)) : null;
  result.ratioInProcess = version ? Number((result.cfnLint.wallMs.median / result.wallMs.cliInProcess.median).toFixed(1)) : null;
  result.ratioPool = version ? Number((result.cfnLint.wallMs.median / result.wallMs.cliPool.median).toFixed(1)) : null;
  return result;
}

module.exports = { runB1 };

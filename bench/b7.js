'use strict';
// B7 one file, one process: what a pre-commit hook, a CI step on a changed file or an editor's
// save runs. The whole CLI process on one 5 KB corpus template, against bare `node -e ''` (the
// floor any Node CLI starts from) and against cfn-lint on the same file, interleaved in one run
// so that all three see the same machine conditions.
const path = require('path');
const { CORPUS, ROOT } = require('./lib/corpus');
const { timeProcess } = require('./lib/proc');
const { summary } = require('./lib/stats');
const { cfnLintVersion } = require('./lib/cfn-lint');

const CLI = path.join(ROOT, 'bin', 'cfn-tls-lint.js');
/** A real 5 KB template: an ECS service behind an ALB listener rule (corpus, aws-cloudformation-templates). */
const FILE = 'aws-cloudformation-templates/ECS/FargateLaunchType/services/public-service.yaml';
const TARGET = '≤ 1.5× bare Node; ≥ 30× cfn-lint';

async function runB7({ runs, cfnLintRuns, log }) {
  const env = { ...process.env, NO_COLOR: '1' };
  const ours = [];
  const bare = [];
  const cpu = [];
  const first = await timeProcess(process.execPath, [CLI, FILE], { env, cwd: CORPUS, keepStdout: true });
  if (first.code !== 0 && first.code !== 1) throw new Error(`B7: the CLI exited ${first.code}: ${first.stderr.slice(0, 500)}`);
  await timeProcess(process.execPath, ['-e', ''], { env, cwd: CORPUS }); // warm-up
  const round = async () => {
    const n = await timeProcess(process.execPath, ['-e', ''], { env, cwd: CORPUS });
    const o = await timeProcess(process.execPath, [CLI, FILE], { env, cwd: CORPUS });
    bare.push(n.wallMs);
    ours.push(o.wallMs);
    if (o.cpuMs !== null) cpu.push(o.cpuMs);
  };
  const version = cfnLintVersion();
  const cfn = [];
  // cfn-lint takes seconds per run: its runs sit between halves of ours.
  for (let i = 0; i < Math.ceil(runs / 2); i++) await round();
  if (version) {
    for (let i = 0; i < cfnLintRuns; i++) {
      const r = await timeProcess('cfn-lint', [FILE], { cwd: CORPUS });
      if (/Traceback \(most recent call last\)/.test(r.stderr)) throw new Error(`B7: cfn-lint crashed: ${r.stderr.slice(-800)}`);
      cfn.push(r.wallMs);
      log(`  B7 cfn-lint: ${(r.wallMs / 1000).toFixed(2)} s`);
    }
  }
  for (let i = Math.ceil(runs / 2); i < runs; i++) await round();
  const o = summary(ours, 1);
  const b = summary(bare, 1);
  const overBare = Number((o.median / b.median).toFixed(2));
  const overCfnLint = cfn.length ? Number((summary(cfn, 0).median / o.median).toFixed(1)) : null;
  const met = overBare <= 1.5 && overCfnLint !== null && overCfnLint >= 30;
  return {
    target: TARGET,
    file: FILE,
    bytes: require('fs').statSync(path.join(CORPUS, FILE)).size,
    command: `node <checkout>/bin/cfn-tls-lint.js ${FILE} (in ../shared/corpus)`,
    exitCode: first.code,
    wallMs: { ours: o, bareNode: b, cfnLint: cfn.length ? summary(cfn, 0) : null },
    cpuMs: cpu.length ? summary(cpu, 1) : null,
    cfnLint: version ?? null,
    overBare,
    overCfnLint,
    met,
    summary: `${o.median} ms = ${overBare}× bare Node (${b.median} ms); ${overCfnLint === null ? 'cfn-lint not on PATH' : `${overCfnLint}× faster than cfn-lint (${(summary(cfn, 0).median / 1000).toFixed(2)} s)`}`,
  };
}

module.exports = { runB7, B7_FILE: FILE };

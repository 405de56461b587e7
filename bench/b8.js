'use strict';
// B8 monorepo scan: the whole CLI process over a 5,000-file workspace where templates are a
// tenth of the YAML and JSON (bench/lib/monorepo.js), given as one folder as CI would. The
// same run over its infra/ folder alone (the corpus copies) says what the other 4,500 files
// cost: the walk, the reads, and the sniff that skips most of them before any parse.
const os = require('os');
const path = require('path');
const { ROOT } = require('./lib/corpus');
const { writeMonorepo } = require('./lib/monorepo');
const { timeProcess } = require('./lib/proc');
const { summary } = require('./lib/stats');

const CLI = path.join(ROOT, 'bin', 'cfn-tls-lint.js');
const TARGET = '< 2 s';

function report(stdout) {
  const r = JSON.parse(stdout);
  delete r.summary.ms;
  return r;
}

async function runB8({ runs, log }) {
  // Outside the checkout, as B5's workspace: no config file or .gitignore of ours above it.
  const dir = path.join(os.tmpdir(), 'cfn-tls-lint-bench-b8');
  const shape = writeMonorepo(dir);
  const env = { ...process.env, NO_COLOR: '1' };
  const inProcess = { ...env, CFN_TLS_LINT_WORKERS: '0' };
  const args = (folder) => [CLI, '--format', 'json', folder];
  // Untimed first runs: the disk cache, and the reports (as shipped, and in one thread) must agree.
  const shipped = await timeProcess(process.execPath, args('.'), { env, cwd: dir, keepStdout: true });
  if (shipped.code !== 0 && shipped.code !== 1) throw new Error(`B8: the CLI exited ${shipped.code}: ${shipped.stderr.slice(0, 500)}`);
  const single = await timeProcess(process.execPath, args('.'), { env: inProcess, cwd: dir, keepStdout: true });
  const all = report(shipped.stdout);
  const identical = JSON.stringify(all) === JSON.stringify(report(single.stdout));
  const wall = [];
  const cpu = [];
  const rss = [];
  const templatesOnly = [];
  for (let i = 0; i < runs; i++) {
    const r = await timeProcess(process.execPath, args('.'), { env, cwd: dir });
    wall.push(r.wallMs);
    if (r.cpuMs !== null) cpu.push(r.cpuMs);
    if (r.maxRssMb !== null) rss.push(r.maxRssMb);
    const t = await timeProcess(process.execPath, args('infra'), { env, cwd: dir });
    templatesOnly.push(t.wallMs);
    log(`  B8: ${r.wallMs.toFixed(0)} ms (infra/ alone ${t.wallMs.toFixed(0)} ms)`);
  }
  const w = summary(wall, 0);
  const t = summary(templatesOnly, 0);
  return {
    target: TARGET,
    shape,
    command: 'node <checkout>/bin/cfn-tls-lint.js --format json . (in the generated workspace)',
    filesLinted: all.summary.files,
    templates: all.summary.templates,
    findings: { errors: all.summary.errors, warnings: all.summary.warnings, infos: all.summary.infos },
    outputsIdentical: identical,
    wallMs: w,
    cpuMs: cpu.length ? summary(cpu, 0) : null,
    peakRssMb: rss.length ? summary(rss, 0) : null,
    infraTemplates: all.files.filter((f) => f.template && f.path.startsWith('infra/')).length,
    templatesOnlyWallMs: t,
    othersMs: Math.round(w.median - t.median),
    met: w.median < 2000 && identical,
    summary: `${w.median} ms for ${all.summary.files} files (${all.summary.templates} templates); the ${shape.files - shape.templateCopies} files outside infra/ cost about ${Math.round(w.median - t.median)} ms`,
  };
}

module.exports = { runB8 };

'use strict';
// B9: `--fix` on a large template (issue 13, F11). Whole CLI processes on a generated template of
// N weak HTTPS listeners (one safe fix each): the lint alone, `--fix` (on a fresh copy each run)
// and `--fix-dry-run`, wall time and peak RSS. Target at 16,000 listeners: `--fix` under 3x the
// lint's time and under 500 MB. Also checks the results: the fixed file lints clean, and the
// dry run's diff has one hunk per listener.
//
//   node bench/b9-fix-scale.js [--listeners 8000,16000] [--runs 3] [--cli path/to/cfn-tls-lint.js]
//
// (`npm run bench -- --only B9` runs it with the defaults and records it in bench/results.*;
// --cli measures another build, e.g. an older checkout, for a before/after.)
const fs = require('fs');
const os = require('os');
const path = require('path');
const { ROOT } = require('./lib/corpus');
const { timeProcess } = require('./lib/proc');
const { median } = require('./lib/stats');
const { weakListenersTemplate } = require('./lib/generate');

const TARGET = { listeners: 16000, ratio: 3, rssMb: 500 };

async function measure(cli, args, cwd, prepare) {
  if (prepare) prepare();
  const r = await timeProcess(process.execPath, [cli, ...args], { cwd, keepStdout: true, env: { ...process.env, NO_COLOR: '1' } });
  return { wallMs: r.wallMs, rssMb: r.maxRssMb, code: r.code, stdout: r.stdout, stderr: r.stderr };
}

async function runSize(cli, listeners, runs, log) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfn-tls-lint-b9-'));
  try {
    const { text, lines } = weakListenersTemplate(listeners);
    const source = path.join(dir, 'listeners.yaml');
    const work = path.join(dir, 'work.yaml');
    fs.writeFileSync(source, text);
    const modes = {
      lint: { args: ['listeners.yaml'] },
      fix: { args: ['--fix', 'work.yaml'], prepare: () => fs.copyFileSync(source, work) },
      dryRun: { args: ['--fix-dry-run', 'listeners.yaml'] },
    };
    const samples = { lint: [], fix: [], dryRun: [] };
    const checks = [];
    for (let i = 0; i < runs; i++) {
      // Interleaved, so that the machine's load falls on every mode alike.
      for (const [mode, m] of Object.entries(modes)) {
        const r = await measure(cli, m.args, dir, m.prepare);
        samples[mode].push(r);
        log(
          `  B9 ${listeners} listeners, ${mode} run ${i + 1}: ${(r.wallMs / 1000).toFixed(2)} s, ${r.rssMb === null ? '?' : r.rssMb.toFixed(0)} MB (exit ${r.code})`,
        );
        if (i > 0) continue;
        if (mode === 'fix') {
          const fixed = fs.readFileSync(work, 'utf8');
          checks.push({
            name: '--fix leaves no weak policy and exits 0',
            ok: r.code === 0 && !fixed.includes('ELBSecurityPolicy-2016-08') && fixed.split('ELBSecurityPolicy-TLS13-1-2-Res-2021-06').length - 1 === listeners,
          });
        }
        if (mode === 'dryRun') {
          const hunks = (r.stdout.match(/^@@ /gm) || []).length;
          checks.push({ name: '--fix-dry-run prints one hunk per listener', ok: hunks === listeners, detail: `${hunks} hunks` });
        }
      }
    }
    const stat = (mode) => ({
      wallMs: Number(median(samples[mode].map((s) => s.wallMs)).toFixed(0)),
      peakRssMb: samples[mode][0].rssMb === null ? null : Number(Math.max(...samples[mode].map((s) => s.rssMb)).toFixed(0)),
      samplesMs: samples[mode].map((s) => Number(s.wallMs.toFixed(0))),
    });
    const result = {
      listeners,
      lines,
      megabytes: Number((text.length / 2 ** 20).toFixed(2)),
      lint: stat('lint'),
      fix: stat('fix'),
      dryRun: stat('dryRun'),
      checks,
    };
    result.fixOverLint = Number((result.fix.wallMs / result.lint.wallMs).toFixed(2));
    result.dryRunOverLint = Number((result.dryRun.wallMs / result.lint.wallMs).toFixed(2));
    return result;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function runB9({ listeners = [8000, 16000], runs = 3, cli = path.join(ROOT, 'bin', 'cfn-tls-lint.js'), log = () => undefined } = {}) {
  const sizes = [];
  for (const n of listeners) sizes.push(await runSize(cli, n, runs, log));
  const at = sizes.find((s) => s.listeners === TARGET.listeners);
  const met = at ? at.fixOverLint < TARGET.ratio && at.fix.peakRssMb !== null && at.fix.peakRssMb < TARGET.rssMb && at.checks.every((c) => c.ok) : null;
  return { target: `--fix on ${TARGET.listeners} listeners: < ${TARGET.ratio}× the lint's time, < ${TARGET.rssMb} MB`, runs, sizes, met };
}

module.exports = { runB9 };

if (require.main === module) {
  const argv = process.argv.slice(2);
  const opt = (name) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  runB9({
    listeners: opt('--listeners') ? opt('--listeners').split(',').map(Number) : undefined,
    runs: opt('--runs') ? Number(opt('--runs')) : undefined,
    cli: opt('--cli') ? path.resolve(opt('--cli')) : undefined,
    log: (s) => process.stderr.write(s + '\n'),
  }).then(
    (r) => console.log(JSON.stringify(r, null, 2)),
    (e) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}

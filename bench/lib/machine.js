'use strict';
// What the figures were measured on.
const os = require('os');
const { execFileSync } = require('child_process');

function gitCommit(root) {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${head} (with uncommitted changes)` : head;
  } catch {
    return 'unknown';
  }
}

function machine(root) {
  const cpus = os.cpus();
  return {
    cpu: cpus[0] ? cpus[0].model.trim() : 'unknown',
    cores: typeof os.availableParallelism === 'function' ? os.availableParallelism() : cpus.length,
    memoryGb: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    commit: gitCommit(root),
  };
}

/** 1-minute load average: other work on the machine makes wall-clock figures noisy. */
function load() {
  return Number(os.loadavg()[0].toFixed(2));
}

/**
 * How steadily this process gets the CPU right now: the same ~1 ms loop of pure computation,
 * timed `runs` times. On a quiet host its p95 is about its p50; a p95 several times the p50
 * means the (virtual) machine lost its CPU for whole time slices, and every latency p95
 * measured meanwhile carries that, whatever the code under test does.
 */
function cpuJitter(runs = 500) {
  const { percentile } = require('./stats');
  // The loop writes a variable the closure keeps, so V8 cannot drop it as dead code.
  let x = 0;
  const spin = (n) => {
    for (let j = 0; j < n; j++) x = (x + j * 7) % 1000003;
  };
  // Calibrate to about 1 ms, after a warm-up that lets V8 optimise the loop.
  spin(1e6);
  let n = 1e5;
  for (;;) {
    const t = performance.now();
    spin(n);
    const ms = performance.now() - t;
    if (ms >= 0.5 || n > 1e9) {
      n = Math.max(1, Math.round(n / ms));
      break;
    }
    n *= 4;
  }
  const lat = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    spin(n);
    lat.push(performance.now() - t);
  }
  const r = (v) => Number(v.toFixed(2));
  return { p50: r(percentile(lat, 50)), p95: r(percentile(lat, 95)), max: r(Math.max(...lat)) };
}

module.exports = { machine, load, cpuJitter };

'use strict';
// Runs a whole process and measures it: wall time (hrtime around spawn..exit) and, where
// /usr/bin/time exists, user+system CPU and peak RSS.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');

const GNU_TIME = '/usr/bin/time';
const hasTime = fs.existsSync(GNU_TIME);

/**
 * Resolves to { wallMs, cpuMs, maxRssMb, code, stdout?, stderr }. stdout is drained (and kept
 * only with keepStdout) so a full pipe never stalls the child.
 */
function timeProcess(cmd, args, { env, cwd, keepStdout = false } = {}) {
  const rusageFile = path.join(os.tmpdir(), `bench-rusage-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  const [file, argv] = hasTime ? [GNU_TIME, ['-f', '%U %S %M', '-o', rusageFile, cmd, ...args]] : [cmd, args];
  return new Promise((resolve, reject) => {
    const out = [];
    const err = [];
    const start = process.hrtime.bigint();
    const child = spawn(file, argv, { env: env ?? process.env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (b) => keepStdout && out.push(b));
    child.stderr.on('data', (b) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
      let cpuMs = null;
      let maxRssMb = null;
      if (hasTime) {
        try {
          const line = fs.readFileSync(rusageFile, 'utf8').trim().split('\n').pop();
          const [u, s, m] = line.split(/\s+/).map(Number);
          cpuMs = (u + s) * 1000;
          maxRssMb = m / 1024;
        } catch {
          // no rusage: the wall time still counts
        }
        fs.rmSync(rusageFile, { force: true });
      }
      resolve({
        wallMs,
        cpuMs,
        maxRssMb,
        code,
        stdout: keepStdout ? Buffer.concat(out).toString('utf8') : undefined,
        stderr: Buffer.concat(err).toString('utf8'),
      });
    });
  });
}

/** Runs a node script that prints one JSON object on its last stdout line; resolves to it. */
function nodeJson(script, args = [], { env, execArgv = [] } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...execArgv, script, ...args], { env: env ?? process.env, stdio: ['ignore', 'pipe', 'inherit'] });
    const out = [];
    child.stdout.on('data', (b) => out.push(b));
    child.on('error', reject);
    child.on('close', (code) => {
      const text = Buffer.concat(out).toString('utf8').trim();
      const last = text.split('\n').pop() || '';
      try {
        const value = JSON.parse(last);
        if (code !== 0 && !value.error) value.error = `exit ${code}`;
        resolve(value);
      } catch {
        reject(new Error(`${path.basename(script)} exited ${code} without a result: ${text.slice(-500)}`));
      }
    });
  });
}

module.exports = { timeProcess, nodeJson, hasTime };

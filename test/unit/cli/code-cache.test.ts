import { strict as assert } from 'assert';
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { jitFlagFor } from '../../../rules/src/node/code-cache';
import { ROOT, tempDir } from '../../support/cli';

const LOADER = path.join(ROOT, 'dist', 'code-cache.js');

/** A script that loads `bundle` through the loader, with `before`/`after` code around the load, and prints what it reports. */
function loaderScript(bundle: string, { tuneFirst = false, keepAliveMs = 0 } = {}): string {
  return [
    `const c = require(${JSON.stringify(LOADER)});`,
    tuneFirst ? 'c.tuneJitForLinting();' : '',
    `c.requireWithCodeCache(${JSON.stringify(bundle)});`,
    'c.tuneJitForLinting();',
    `const tuned = process.env.CFN_TLS_LINT_JIT_TUNED === String(process.pid);`,
    `process.stdout.write(JSON.stringify({ cache: c.codeCacheUse(${JSON.stringify(bundle)}), tuned }));`,
    keepAliveMs ? `setTimeout(() => {}, ${keepAliveMs});` : '',
  ].join('\n');
}

function envWithout(...names: string[]): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const n of names) delete env[n];
  return env;
}

/** Whether this Node's V8 gets a flag at all (Node 20's does: the runtime CI and the CLI run on). */
const TUNABLE = jitFlagFor(process.versions.v8) !== undefined;

const CLEAN_ENV = ['CFN_TLS_LINT_CODE_CACHE_DIR', 'CFN_TLS_LINT_WRITE_CODE_CACHE', 'CFN_TLS_LINT_JIT_TUNED'];

function load(bundle: string, env: NodeJS.ProcessEnv, opts?: { tuneFirst?: boolean }): { cache: string; tuned: boolean } {
  const r = spawnSync(process.execPath, ['-e', loaderScript(bundle, opts)], { encoding: 'utf8', env });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as { cache: string; tuned: boolean };
}

/**
 * The code cache against V8's flags (rules/src/node/code-cache.ts): V8 uses a cache only in a
 * process whose flags hash as the writer's did, so the JIT is tuned only after the loads, and
 * never in a process that writes a cache.
 */
describe('the code cache and the JIT tuning', function () {
  this.timeout(60_000);

  it('tunes only the V8 it was measured on (Node 20); another keeps its defaults, and no flag it does not know', () => {
    assert.match(jitFlagFor('11.3.244.8-node.38') ?? '', /^--interrupt-budget=\d+$/);
    assert.equal(jitFlagFor('13.6.233.17-node.53'), undefined);
    assert.equal(jitFlagFor('12.4.254.21-node.33'), undefined);
  });

  it('the build wrote a cache that a fresh process loading the CLI uses, and the process is tuned after the load', () => {
    assert.deepEqual(load(path.join(ROOT, 'dist', 'cli.js'), envWithout(...CLEAN_ENV)), { cache: 'accepted', tuned: TUNABLE });
  });

  describe('on a V8 that is tuned', () => {
    before(function () {
      if (!TUNABLE) this.skip();
    });

    it('a process that writes a cache is not tuned, so the next one can use what it wrote', () => {
      const dir = tempDir();
      const bundle = path.join(dir, 'cli.js');
      fs.copyFileSync(path.join(ROOT, 'dist', 'cli.js'), bundle);
      assert.deepEqual(load(bundle, { ...envWithout(...CLEAN_ENV), CFN_TLS_LINT_WRITE_CODE_CACHE: '1' }), { cache: 'missing', tuned: false });
      assert.ok(fs.existsSync(`${bundle}.cache`));
      assert.deepEqual(load(bundle, envWithout(...CLEAN_ENV)), { cache: 'accepted', tuned: true });
      // Tuned before the load, the same process rejects it: the reason the tuning waits.
      assert.deepEqual(load(bundle, envWithout(...CLEAN_ENV), { tuneFirst: true }), { cache: 'rejected', tuned: true });
    });

    it('in the editor (a cache folder), an untuned process writes the missing cache; a tuned one (a restarted lint worker) does not', async () => {
      const run = (tuneFirst: boolean): Promise<{ dir: string; out: string }> => {
        const dir = tempDir();
        const child = spawn(process.execPath, ['-e', loaderScript(path.join(ROOT, 'dist', 'cli.js'), { tuneFirst, keepAliveMs: 6500 })], {
          env: { ...envWithout(...CLEAN_ENV), CFN_TLS_LINT_CODE_CACHE_DIR: dir },
        });
        let out = '';
        child.stdout.on('data', (d: Buffer) => (out += d.toString()));
        return new Promise((resolve) => child.on('exit', () => resolve({ dir, out })));
      };
      const [untuned, tuned] = await Promise.all([run(false), run(true)]);
      assert.deepEqual(JSON.parse(untuned.out), { cache: 'missing', tuned: false });
      assert.equal(fs.readdirSync(untuned.dir).filter((f) => f.endsWith('.cache')).length, 1);
      assert.deepEqual(JSON.parse(tuned.out), { cache: 'missing', tuned: true });
      assert.deepEqual(fs.readdirSync(tuned.dir), []);
    });
  });
});

import fs = require('fs');
import path = require('path');
// Loaded on first use in the bundles (scripts/esbuild-lazy-vendor.js): a one-file run never needs it.
import v8 = require('v8');
import vm = require('vm');
// The module system's own loader API (wrap, the Module class), which `vm` needs to run a bundle as a module.
import Module = require('module');

/**
 * Loads a bundle (dist/cli.js, dist/server-main.js) with a V8 code cache. Compiling a 1 MB
 * bundle was a third of a one-file CLI run and of the server's start-up; deserialising the
 * cache costs a fraction of that. Node 20 has no built-in compile cache
 * (`module.enableCompileCache` arrived in Node 22).
 *
 * Where the cache lives:
 * - `<bundle>.cache`, written by the build (scripts/code-cache.js) for the Node.js that built
 *   it: the CLI and `node dist/server.js`;
 * - in `CFN_TLS_LINT_CODE_CACHE_DIR` when it is set: the VS Code client sets it to the
 *   extension's global storage, because VS Code runs the server on its own Node.js (another
 *   V8, which rejects the build's cache). The server then writes the cache there itself, a few
 *   seconds after a start without one, named by the bundle and the V8 version.
 *
 * The cache is an optimisation only: missing, stale (another bundle, another V8) or unreadable,
 * V8 rejects it and compiles the source, with the same result. `CFN_TLS_LINT_WRITE_CODE_CACHE=1`
 * makes the process write `<bundle>.cache` when it exits, with every function the run compiled.
 */
export function requireWithCodeCache(file: string): unknown {
  const source = fs.readFileSync(file, 'utf8');
  const cacheFile = cacheFileFor(file, source.length);
  let cachedData: Buffer | undefined;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  cacheUse.set(file, !cachedData ? 'missing' : script.cachedDataRejected ? 'rejected' : 'accepted');
  const write = (): void => writeAtomically(cacheFile, script.createCachedData());
  if (process.env.CFN_TLS_LINT_WRITE_CODE_CACHE === '1') {
    writesCodeCache(true);
    process.once('exit', write);
  } else if (process.env.CFN_TLS_LINT_CODE_CACHE_DIR && (!cachedData || script.cachedDataRejected) && !jitTuned()) {
    // After the first lints, so that the cache holds the functions they compiled. Not in a
    // process whose JIT is tuned already (a restarted lint worker): the flags, not the cache, made V8 reject it.
    writesCodeCache(true);
    setTimeout(write, WRITE_AFTER_MS).unref();
  }
  const dirname = path.dirname(file);
  const mod = new Module(file, module);
  mod.filename = file;
  mod.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(dirname);
  mod.loaded = true;
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeRequire, module: Module, filename: string, dirname: string) => void;
  wrapper.call(mod.exports, mod.exports, Module.createRequire(file), mod, file, dirname);
  return mod.exports;
}

const WRITE_AFTER_MS = 5000;

/**
 * Tunes V8's JIT for linting, once the bundles are loaded: the server once its lint worker is
 * ready, the CLI before the lints of a run over many files or a `--fix`. The flags are the
 * process's, every thread's.
 *
 * `--interrupt-budget`: how much bytecode a function runs between V8's checks whether TurboFan
 * should optimise it (66 KB in Node 20's V8). A lint runs hundreds of the engine's functions a
 * few times each, and at the default V8 optimised most of them within the first few hundred
 * lints: over 200 keystrokes on a 300-line template the server spent 700 ms on background
 * compilation beside 400 ms of linting, on a 2-core machine that also runs the editor. Ten times the budget leaves the lukewarm code to the baseline compiler and optimises
 * what is really hot. Measured (bench/NOTES.md, ninth session): typing p95 on the 300-line
 * template 11-13 → 6-8 ms, on the 10,000-line one 60 → 50 ms, the 5,000-file scan 5.6-6.7 →
 * 5.0 s with 15 MB less memory, the CLI over the corpus 670 → 590 ms.
 *
 * Why only after the loads: V8 checks a hash of all its flags before it uses a code cache, ours
 * and Node's own for its built-in modules, so changing a flag first made every later load
 * compile from source (start-up 7-12 ms slower). For the same reason a process that writes a
 * code cache is not tuned: the cache would carry the tuned flags' hash, which no process has
 * when it loads a bundle.
 */
export function tuneJitForLinting(): void {
  const flag = jitFlagFor(process.versions.v8);
  if (!flag || writesCodeCache() || jitTuned()) return;
  v8.setFlagsFromString(flag);
  process.env[JIT_TUNED] = String(process.pid);
}

/**
 * The flag per V8 major version, where it was measured: Node 20's V8 11. V8 13 (Node 24, the
 * runtime of VS Code's server in the end-to-end suite) tiers up by invocation counts instead and
 * compiles lukewarm code with Maglev first; there the 300-line typing p95 was 4.7-5.6 ms by
 * default and 4.3-4.7 ms with ten times `--invocation-count-for-turbofan`, no clear gain. Other
 * versions keep V8's defaults, also because V8 prints an error for a flag it does not know.
 */
const JIT_FLAG_BY_V8_MAJOR: Readonly<Record<string, string>> = { '11': `--interrupt-budget=${10 * 66 * 1024}` };

export function jitFlagFor(v8Version: string): string | undefined {
  return JIT_FLAG_BY_V8_MAJOR[v8Version.split('.')[0]];
}

/** Set in the process's environment once tuned (its worker threads start with a copy); a child process has another pid. */
const JIT_TUNED = 'CFN_TLS_LINT_JIT_TUNED';

function jitTuned(): boolean {
  return process.env[JIT_TUNED] === String(process.pid);
}

/** Whether this thread writes a code cache; on `globalThis` because each bundle has its own copy of this module. */
const WRITES_CODE_CACHE = Symbol.for('cfn-tls-lint.writesCodeCache');

function writesCodeCache(set?: true): boolean {
  const g = globalThis as { [WRITES_CODE_CACHE]?: boolean };
  if (set) g[WRITES_CODE_CACHE] = true;
  return g[WRITES_CODE_CACHE] === true;
}

const cacheUse = new Map<string, 'accepted' | 'rejected' | 'missing'>();

/** Whether this process loaded a bundle with its code cache (the test that the build's cache fits its runs). */
export function codeCacheUse(file: string): 'accepted' | 'rejected' | 'missing' | undefined {
  return cacheUse.get(file);
}

function cacheFileFor(file: string, sourceLength: number): string {
  const dir = process.env.CFN_TLS_LINT_CODE_CACHE_DIR;
  if (!dir) return `${file}.cache`;
  // V8 checks the source itself; the name keeps caches of other versions and runtimes apart.
  const tag = `${process.versions.v8}-${sourceLength}`.replace(/[^\w.-]/g, '_');
  return path.join(dir, `${path.basename(file)}.${tag}.cache`);
}

function writeAtomically(file: string, data: Buffer): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, file);
  } catch {
    // A cache that cannot be written only costs the next start its compile time.
  }
}

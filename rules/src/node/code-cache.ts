import fs = require('fs');
import path = require('path');
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
  for (const flag of BUNDLE_V8_FLAGS) v8.setFlagsFromString(flag);
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
  if (process.env.CFN_TLS_LINT_WRITE_CODE_CACHE === '1') process.once('exit', write);
  else if (process.env.CFN_TLS_LINT_CODE_CACHE_DIR && (!cachedData || script.cachedDataRejected)) {
    // After the first lints, so that the cache holds the functions they compiled.
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
 * V8 flags of every process that runs a bundle, set before the bundle is compiled: a code cache
 * holds a hash of the flags, so the run that writes it and the runs that read it set the same.
 *
 * `--interrupt-budget`: how much bytecode a function runs between V8's checks whether TurboFan
 * should optimise it (66 KB in Node 20's V8, 132 KB in later ones). A lint runs hundreds of the
 * engine's functions a few times each, and at the default V8 optimised most of them within the
 * first few hundred lints: over 200 keystrokes on a 300-line template the server spent 700 ms on
 * background compilation beside 400 ms of linting, on a 2-core machine that also runs the
 * editor. Ten times the budget leaves the lukewarm code to the baseline compiler and optimises
 * what is really hot. Measured (bench/NOTES.md, ninth session): typing p95 on the 300-line
 * template 11-13 → 6-8 ms and on the 10,000-line one 60 → 50 ms, the 5,000-file scan 5.6-6.7 →
 * 5.0 s with 15 MB less memory, the CLI over the corpus 670 → 590 ms.
 */
const BUNDLE_V8_FLAGS = [`--interrupt-budget=${10 * 66 * 1024}`];

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

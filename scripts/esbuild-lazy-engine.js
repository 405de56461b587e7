'use strict';
// esbuild plugin for the language server's bundle (dist/server-main.js): the engine (every module
// under rules/src/ the server imports) is built once into dist/engine.js and loaded on first use.
// The server's main thread answers `initialize` without reading or compiling it (two thirds of
// the server's code), and the lint worker thread loads it when it takes its first job.
//
// A server module imports a stub whose exports are getters that load dist/engine.js (with the V8
// code cache, like the bundles) when first read, then give way to plain values. All stubs share
// one engine: dist/engine.js exports each module's namespace under its path, so a class the
// server tests with `instanceof` is the engine's own.
//
// `engineBundle(esbuild, outDir, options)` builds dist/engine.js and returns the plugin, which
// needs the engine's export names (read from the built bundle).
const fs = require('fs');
const path = require('path');
const { lazyStub } = require('./esbuild-lazy-vendor');

const ROOT = path.join(__dirname, '..');
const RULES = path.join(ROOT, 'rules', 'src');
const SERVER = path.join(ROOT, 'server', 'src');
/** Loaded by dist/server.js before the bundle: stays in the server's bundle. */
const CODE_CACHE = path.join(RULES, 'node', 'code-cache.ts');

/** The engine modules the server imports, as paths relative to rules/src without extension ("index", "node/walk"). */
function serverEngineModules() {
  const ids = new Set();
  for (const f of fs.readdirSync(SERVER, { recursive: true })) {
    if (!f.endsWith('.ts')) continue;
    const file = path.join(SERVER, f);
    for (const m of fs.readFileSync(file, 'utf8').matchAll(/from '((?:\.\.\/)+rules\/src\/[^']+)'/g)) {
      const target = path.resolve(path.dirname(file), m[1]);
      if (target !== CODE_CACHE.replace(/\.ts$/, '')) ids.add(path.relative(RULES, target).split(path.sep).join('/'));
    }
  }
  return [...ids].sort();
}

function stub(id, names) {
  const engine = `require(${JSON.stringify(CODE_CACHE)}).requireWithCodeCache(require('path').join(__dirname, 'engine.js'))`;
  return lazyStub(names, `${engine}[${JSON.stringify(id)}]`, false);
}

/** Builds `<outDir>/engine.js`; resolves to the plugin that makes the server's bundle load it lazily. */
async function engineBundle(esbuild, outDir, options) {
  const ids = serverEngineModules();
  const outfile = path.join(outDir, 'engine.js');
  await esbuild.build({
    ...options,
    stdin: {
      contents: `module.exports = {\n${ids.map((id) => `  ${JSON.stringify(id)}: require('./rules/src/${id}'),`).join('\n')}\n};`,
      resolveDir: ROOT,
      loader: 'js',
      sourcefile: 'engine.js',
    },
    outfile,
  });
  // The export names of each module, from the bundle itself (loading it evaluates only declarations and tables).
  delete require.cache[outfile];
  const engine = require(outfile);
  const names = Object.fromEntries(ids.map((id) => [id, Object.keys(engine[id]).filter((n) => n !== '__esModule')]));
  return {
    name: 'lazy-engine',
    setup(build) {
      build.onResolve({ filter: /rules\/src\// }, (args) => {
        if (args.namespace === 'lazy-engine' || !args.importer.startsWith(SERVER + path.sep)) return undefined;
        const target = path.resolve(args.resolveDir, args.path);
        if (target === CODE_CACHE.replace(/\.ts$/, '')) return undefined; // bundled: dist/server.js loads the bundle with it
        const id = path.relative(RULES, target).split(path.sep).join('/');
        // A second copy of an engine module in the server's bundle would have classes of its own (instanceof).
        if (!names[id]) return { errors: [{ text: `${args.path}: not found among the engine modules the server imports (scripts/esbuild-lazy-engine.js)` }] };
        return { path: id, namespace: 'lazy-engine' };
      });
      build.onLoad({ filter: /.*/, namespace: 'lazy-engine' }, (args) => ({ contents: stub(args.path, names[args.path]), loader: 'js', resolveDir: ROOT }));
    },
  };
}

module.exports = { engineBundle, serverEngineModules };

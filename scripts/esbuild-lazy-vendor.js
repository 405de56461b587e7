'use strict';
// esbuild plugin: the large packages only some runs need (the `yaml` package for the YAML
// general path and the config reader, `re2js` for user patterns, `picomatch` for command-line
// globs: together 40% of a bundle) are built once into dist/vendor/<name>.js and loaded on
// first use. A bundle imports a stub whose exports are getters that require the vendor file
// when first read, so start-up (a one-file CLI run, the server's first lint) neither reads nor
// compiles them when the fast path and the defaults suffice.
//
// `vendorBundles(esbuild, outDir, options)` builds the vendor files the stubs require; the
// bundles that use the plugin must be written to `outDir` too (the stubs require
// `./vendor/<name>.js` relative to the bundle).
const path = require('path');

const LAZY = ['yaml', 're2js', 'picomatch'];
// Node built-ins that only some runs use but whose load costs milliseconds of every start (the
// language server answers `initialize` without them): required when first read, like the vendor files.
const LAZY_BUILTINS = ['crypto', 'worker_threads', 'zlib', 'v8'];

/**
 * A module whose exports (`names`) are getters that evaluate `loadExpression` (JavaScript that
 * yields the real module) when first read; once loaded, the getters give way to plain values
 * (the YAML general path calls isMap & co. per node). `withDefault`: `import x from 'pkg'`
 * (picomatch) is the module itself, as with esModuleInterop. Also the lazy engine's stubs
 * (esbuild-lazy-engine.js).
 */
function lazyStub(names, loadExpression, withDefault) {
  return [
    `Object.defineProperty(exports, '__esModule', { value: true });`,
    `const names = ${JSON.stringify(names)};`,
    `let loaded;`,
    `const load = () => {`,
    `  if (loaded) return loaded;`,
    `  loaded = ${loadExpression};`,
    `  for (const n of names) Object.defineProperty(exports, n, { value: loaded[n], enumerable: true });`,
    ...(withDefault ? [`  Object.defineProperty(exports, 'default', { value: loaded, enumerable: true });`] : []),
    `  return loaded;`,
    `};`,
    ...(withDefault ? [`Object.defineProperty(exports, 'default', { enumerable: true, configurable: true, get: load });`] : []),
    `for (const n of names) Object.defineProperty(exports, n, { enumerable: true, configurable: true, get: () => load()[n] });`,
  ].join('\n');
}

/** The stub of a vendor package or built-in: its exports, required from `file` when first read. */
function stub(name, file = `./vendor/${name}.js`) {
  const names = Object.keys(require(name)).filter((n) => n !== 'default' && n !== '__esModule');
  return lazyStub(names, `require(${JSON.stringify(file)})`, true);
}

const plugin = {
  name: 'lazy-vendor',
  setup(build) {
    const filter = new RegExp(`^(${LAZY.join('|')})$`);
    build.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'lazy-vendor' }));
    build.onResolve({ filter: /^\.\/vendor\// }, (args) => (args.namespace === 'lazy-vendor' ? { path: args.path, external: true } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'lazy-vendor' }, (args) => ({ contents: stub(args.path), loader: 'js', resolveDir: __dirname }));
    const builtins = new RegExp(`^(node:)?(${LAZY_BUILTINS.join('|')})$`);
    build.onResolve({ filter: builtins }, (args) =>
      args.namespace === 'lazy-builtin' ? { path: args.path, external: true } : { path: args.path.replace(/^node:/, ''), namespace: 'lazy-builtin' },
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({ contents: stub(args.path, args.path), loader: 'js', resolveDir: __dirname }));
  },
};

/** dist/vendor/<name>.js for each lazy package, with the given esbuild options (target, minify, plugins). */
function vendorBundles(esbuild, outDir, options) {
  return Promise.all(
    LAZY.map((name) =>
      esbuild.build({
        ...options,
        stdin: { contents: `module.exports = require(${JSON.stringify(name)});`, resolveDir: path.join(__dirname, '..'), loader: 'js' },
        outfile: path.join(outDir, 'vendor', `${name}.js`),
      }),
    ),
  );
}

module.exports = { plugin, vendorBundles, lazyStub, LAZY };

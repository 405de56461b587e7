'use strict';
// The web extension (vscode.dev, github.dev): dist/web/extension.js, the client for VS Code's
// web worker extension host (package.json `browser`), and dist/web/server.js, the language
// server it starts in a Web Worker. Both for the browser: no Node built-ins. The engine's few
// Node imports get the stand-ins in scripts/web-shims/ (README.md there); `yaml` is bundled as
// it is (not through esbuild-lazy-vendor: a worker has no `require`). Called by scripts/build.js.
const path = require('path');

const root = path.join(__dirname, '..');
const shims = path.join(__dirname, 'web-shims');
/** Node modules the browser bundles may import, and their stand-ins. */
const SHIMMED = ['fs', 'path', 'url', 'util', 'zlib', 'process'];
/** Where the engine's spec loader looks for its files (its `__dirname`): the browser server puts them there in memory. */
const SPEC_ROOT = '/cfn-tls-lint';

/** Node modules to shims; the Node entry points of the LSP libraries to their browser ones. */
const browserModules = {
  name: 'cfn-tls-lint-browser-modules',
  setup(build) {
    const shimmed = new RegExp(`^(?:node:)?(${SHIMMED.join('|')})$`);
    build.onResolve({ filter: shimmed }, (args) => {
      const name = shimmed.exec(args.path)[1];
      return { path: path.join(shims, name === 'process' ? 'process.mjs' : `${name}.js`) };
    });
    build.onResolve({ filter: /^vscode-language(server|client)\/node$/ }, (args) =>
      build.resolve(args.path.replace(/\/node$/, '/browser'), { kind: args.kind, resolveDir: args.resolveDir }),
    );
  },
};

/**
 * Builds both web bundles into dist/web/ (minified and without maps for the .vsix, as
 * scripts/build.js's `--minify`); `write: false` only builds them (tests read the metafiles).
 * Resolves to the two esbuild metafiles.
 */
async function buildWeb({ minify = process.argv.includes('--minify'), write = true } = {}) {
  const esbuild = require('esbuild');
  const version = require(path.join(root, 'package.json')).version;
  const out = path.join(root, 'dist', 'web');
  // No maps from an earlier build beside a minified one.
  if (write) require('fs').rmSync(out, { recursive: true, force: true });
  const common = {
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    format: 'cjs',
    // The .vsix packs no maps (.vscodeignore); a local build has them for debugging.
    sourcemap: minify ? false : 'linked',
    minify,
    logLevel: 'warning',
    metafile: true,
    write,
    mainFields: ['browser', 'module', 'main'],
    define: { CLI_VERSION: JSON.stringify(version), __dirname: JSON.stringify(SPEC_ROOT) },
    inject: [path.join(shims, 'process.mjs')],
    plugins: [require('./esbuild-yaml-env'), browserModules],
  };
  const [client, server] = await Promise.all([
    esbuild.build({
      ...common,
      entryPoints: [path.join(root, 'client', 'src', 'browser-extension.ts')],
      outfile: path.join(out, 'extension.js'),
      external: ['vscode'],
    }),
    esbuild.build({
      ...common,
      entryPoints: [path.join(root, 'server', 'src', 'browser', 'server-main.ts')],
      outfile: path.join(out, 'server.js'),
      format: 'iife',
    }),
  ]);
  return { client: client.metafile, server: server.metafile };
}

module.exports = { buildWeb, SHIMMED, SPEC_ROOT };

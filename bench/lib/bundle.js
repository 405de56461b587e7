'use strict';
// Bundles for the in-process benchmarks and the profile, built from the sources with the
// options of scripts/build.js (same esbuild target and plugins), unminified so that a
// profile names functions. Output goes to .bench-tmp/ (git-ignored).
const fs = require('fs');
const path = require('path');
const { ROOT } = require('./corpus');

const TMP = path.join(ROOT, '.bench-tmp');

function common() {
  const pkg = require(path.join(ROOT, 'package.json'));
  return {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
    define: { CLI_VERSION: JSON.stringify(pkg.version) },
    plugins: [require(path.join(ROOT, 'scripts', 'esbuild-yaml-env.js'))],
  };
}

/**
 * .bench-tmp/engine.js: the engine as the CLI bundles it, plus the same copy of `yaml`
 * (the bare-parse baseline of B2 runs the very code the engine runs).
 * .bench-tmp/cli.js + cli-worker.js: the CLI, for the profile.
 */
async function buildBenchBundles() {
  const esbuild = require(path.join(ROOT, 'node_modules', 'esbuild'));
  fs.mkdirSync(TMP, { recursive: true });
  for (const f of ['spec-index', 'spec-docs']) {
    const src = path.join(ROOT, 'dist', f);
    if (fs.existsSync(src)) fs.cpSync(src, path.join(TMP, f), { recursive: true });
  }
  const engine = ["export { lintText, defaultRegistry, parseSource } from './rules/src/index';", "export { parseDocument } from 'yaml';"].join('\n');
  await Promise.all([
    esbuild.build({
      ...common(),
      stdin: { contents: engine, resolveDir: ROOT, loader: 'ts', sourcefile: 'bench-engine.ts' },
      outfile: path.join(TMP, 'engine.js'),
    }),
    esbuild.build({ ...common(), entryPoints: [path.join(ROOT, 'cli', 'src', 'main.ts')], outfile: path.join(TMP, 'cli.js') }),
    esbuild.build({ ...common(), entryPoints: [path.join(ROOT, 'cli', 'src', 'worker.ts')], outfile: path.join(TMP, 'cli-worker.js') }),
  ]);
  fs.writeFileSync(path.join(TMP, 'cli-run.js'), "require('./cli.js').cliMain();\n");
  return { engine: path.join(TMP, 'engine.js'), cliRun: path.join(TMP, 'cli-run.js'), cliBundle: path.join(TMP, 'cli.js') };
}

module.exports = { buildBenchBundles, TMP };

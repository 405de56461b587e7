#!/usr/bin/env node
'use strict';
// Build: the resource-spec index (when missing or stale), then esbuild bundles for the
// CLI, the language server and the VS Code client. `--watch` rebuilds on change.
const path = require('path');
const fs = require('fs');
const { execFileSync } = require('child_process');

const root = path.join(__dirname, '..');
const dist = path.join(root, 'dist');
const pkg = require(path.join(root, 'package.json'));

function specIndex() {
  const out = path.join(root, 'rules', 'generated', 'spec-index', 'index.json');
  const inputs = [path.join(__dirname, 'build-spec-index.js'), path.join(root, 'rules', 'src', 'data', 'sam-properties.json')];
  if (!fs.existsSync(out) || inputs.some((f) => fs.statSync(out).mtimeMs < fs.statSync(f).mtimeMs)) {
    execFileSync(process.execPath, [path.join(__dirname, 'build-spec-index.js')], { stdio: 'inherit' });
    // The generator leaves unchanged files alone; mark them fresh so the next build skips it.
    const now = new Date();
    fs.utimesSync(out, now, now);
  }
  fs.mkdirSync(dist, { recursive: true });
  fs.rmSync(path.join(dist, 'spec-index.json'), { force: true });
  fs.rmSync(path.join(dist, 'spec-index'), { recursive: true, force: true });
  fs.cpSync(path.join(root, 'rules', 'generated', 'spec-index'), path.join(dist, 'spec-index'), { recursive: true });
  fs.rmSync(path.join(dist, 'spec-docs.json'), { force: true });
  fs.rmSync(path.join(dist, 'spec-docs'), { recursive: true, force: true });
  const docsSrc = path.join(root, 'rules', 'generated', 'spec-docs');
  const docsOut = path.join(dist, 'spec-docs');
  if (!process.argv.includes('--minify')) {
    fs.cpSync(docsSrc, docsOut, { recursive: true });
    return;
  }
  // The packaged extension: Brotli, which the loader reads as well (a fifth smaller than the .vsix's deflate: it keeps the .vsix under 2.5 MB with the web bundles).
  const zlib = require('zlib');
  fs.mkdirSync(docsOut, { recursive: true });
  for (const f of fs.readdirSync(docsSrc)) {
    const data = fs.readFileSync(path.join(docsSrc, f));
    const packed = zlib.brotliCompressSync(data, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length },
    });
    fs.writeFileSync(path.join(docsOut, `${f}.br`), packed);
  }
}

/**
 * The rule pages (docs/rules/<id>.md) for the extension, which opens them in VS Code's Markdown
 * preview without a network: dist/docs/rules/<id>.md with a "view online" line under the title,
 * links to other rule pages kept (the preview follows them), other relative links made absolute
 * (the rest of docs/ is not packaged), and index.json listing the ids (the client opens no other).
 */
function rulePages() {
  const repo = String(pkg.repository.url)
    .replace(/^git\+/, '')
    .replace(/\.git$/, '');
  const online = (file) => `${repo}/blob/main/${file}`;
  const src = path.join(root, 'docs', 'rules');
  const out = path.join(dist, 'docs', 'rules');
  fs.rmSync(path.join(dist, 'docs'), { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  const ids = fs
    .readdirSync(src)
    .filter((f) => /^[a-z0-9][a-z0-9-]*\.md$/.test(f))
    .map((f) => f.slice(0, -3))
    .sort();
  const known = new Set(ids);
  for (const id of ids) {
    const page = fs.readFileSync(path.join(src, `${id}.md`), 'utf8').replace(/\]\(([^)\s]+)\)/g, (all, link) => {
      if (/^[a-z][a-z0-9+.-]*:/i.test(link) || link.startsWith('#')) return all;
      const [file, anchor] = link.split('#');
      if (known.has(file.replace(/\.md$/, '')) && !file.includes('/')) return all;
      const target = path.posix.normalize(`docs/rules/${file}`);
      return `](${online(target)}${anchor !== undefined ? `#${anchor}` : ''})`;
    });
    const lines = page.split('\n');
    const title = lines.findIndex((l) => l.startsWith('# '));
    lines.splice(title + 1, 0, '', `*From cfn-tls-lint ${pkg.version}.* [View this page online](${online(`docs/rules/${id}.md`)})`);
    fs.writeFileSync(path.join(out, `${id}.md`), lines.join('\n'));
  }
  fs.writeFileSync(path.join(out, 'index.json'), `${JSON.stringify({ rules: ids })}\n`);
}

async function bundles() {
  const esbuild = require('esbuild');
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'linked',
    minifyWhitespace: true,
    minifySyntax: true,
    minifyIdentifiers: process.argv.includes('--minify'),
    logLevel: 'warning',
    define: { CLI_VERSION: JSON.stringify(pkg.version) },
    plugins: [require('./esbuild-yaml-env')],
  };
  const lazyVendor = require('./esbuild-lazy-vendor');
  fs.rmSync(path.join(dist, 'vendor'), { recursive: true, force: true });
  const vendored = lazyVendor.vendorBundles(esbuild, dist, common);
  const entries = [
    { entryPoints: [path.join(root, 'cli', 'src', 'main.ts')], outfile: path.join(dist, 'cli.js') },
    { entryPoints: [path.join(root, 'cli', 'src', 'worker.ts')], outfile: path.join(dist, 'cli-worker.js') },
    { entryPoints: [path.join(root, 'rules', 'src', 'node', 'code-cache.ts')], outfile: path.join(dist, 'code-cache.js') },
  ];
  const withVendor = { ...common, plugins: [...common.plugins, lazyVendor.plugin] };
  // The server's main thread loads the engine (dist/engine.js) on first use: `initialize` does not wait for it.
  const lazyEngine = await require('./esbuild-lazy-engine').engineBundle(esbuild, dist, withVendor);
  for (const [src, out, extra] of [
    ['server/src/server.ts', 'server.js', {}],
    ['server/src/server-main.ts', 'server-main.js', { plugins: [...withVendor.plugins, lazyEngine] }],
    ['client/src/extension.ts', 'extension.js', { external: ['vscode'] }],
  ]) {
    if (fs.existsSync(path.join(root, src))) entries.push({ entryPoints: [path.join(root, src)], outfile: path.join(dist, out), ...extra });
  }
  await Promise.all([vendored, ...entries.map((e) => esbuild.build({ ...withVendor, ...e }))]);
  await require('./build-web').buildWeb(); // the web extension: dist/web/ (scripts/build-web.js)
}

specIndex();
rulePages();
bundles()
  .then(() => {
    if (!process.argv.includes('--watch')) return require('./code-cache').writeCodeCaches();
  })
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });

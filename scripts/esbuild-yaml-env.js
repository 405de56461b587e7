'use strict';
// esbuild plugin: the `yaml` package reads `process.env.LOG_TOKENS` for every lexical token and
// `process.env.LOG_STREAM` for every CST token, debugging switches we never set. A process.env
// read is a native lookup (~200 ns); over a corpus it was a third of the warm YAML parse time.
// The bundles read the switch once, at load, instead. Behaviour is unchanged.
const fs = require('fs');

const FILES = /[\\/]node_modules[\\/]yaml[\\/]dist[\\/](parse[\\/]parser|compose[\\/]composer)\.js$/;
const READ = /node_process\.env\.(LOG_TOKENS|LOG_STREAM)/g;

module.exports = {
  name: 'yaml-env-once',
  setup(build) {
    build.onLoad({ filter: FILES }, (args) => {
      const text = fs.readFileSync(args.path, 'utf8');
      const patched = text.replace(READ, (_, name) => `__yamlEnv_${name}`);
      const names = [...new Set([...text.matchAll(READ)].map((m) => m[1]))];
      if (!names.length) return undefined; // a yaml release without the reads: leave it alone
      const head = names.map((n) => `var __yamlEnv_${n} = !!process.env.${n};`).join('\n');
      return { contents: `${head}\n${patched}`, loader: 'js' };
    });
  },
};

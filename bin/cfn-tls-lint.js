#!/usr/bin/env node
'use strict';
// The CLI is bundled into dist/cli.js by `npm run build` (run by `npm install`/`npm ci`).
const path = require('path');
const fs = require('fs');
const bundle = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(bundle)) {
  process.stderr.write('cfn-tls-lint: dist/cli.js is missing; run `npm install` (or `npm run build`) first.\n');
  process.exitCode = 2;
} else {
  // With V8's code cache when the build wrote one (rules/src/node/code-cache.ts).
  require(path.join(__dirname, '..', 'dist', 'code-cache.js'))
    .requireWithCodeCache(bundle)
    .cliMain();
}

#!/usr/bin/env node
'use strict';
// The language server for editors other than VS Code (Neovim, Helix, Zed, Emacs): LSP over stdio
// unless a transport is named (--stdio, --node-ipc, --socket=<port>, --pipe=<name>).
const path = require('path');
const fs = require('fs');
const server = path.join(__dirname, '..', 'dist', 'server.js');
if (!fs.existsSync(server)) {
  process.stderr.write('cfn-tls-lint-server: dist/server.js is missing; run `npm install` (or `npm run build`) first.\n');
  process.exitCode = 2;
} else {
  if (!process.argv.slice(2).some((a) => /^--(stdio|node-ipc|socket|pipe)\b/.test(a))) process.argv.push('--stdio');
  require(server);
}

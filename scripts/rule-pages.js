#!/usr/bin/env node
'use strict';
// Writes the header table of every rule page (docs/rules/<id>.md) from the rule's meta, or with
// --check says which pages are out of date (exit 1). Needs the compiled engine: `npx tsc -p .`.
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const { defaultRegistry } = require(path.join(root, 'out', 'rules', 'src', 'rules', 'index.js'));
const { withDocHeader } = require(path.join(root, 'out', 'rules', 'src', 'rules', 'doc-header.js'));

const check = process.argv.includes('--check');
let stale = 0;
for (const meta of defaultRegistry().allMetas()) {
  const file = path.join(root, 'docs', 'rules', `${meta.id}.md`);
  if (!fs.existsSync(file)) {
    console.error(`missing: docs/rules/${meta.id}.md`);
    stale++;
    continue;
  }
  const page = fs.readFileSync(file, 'utf8');
  const next = withDocHeader(page, meta);
  if (next === page) continue;
  stale++;
  if (check) console.error(`out of date: docs/rules/${meta.id}.md (run npm run docs:rules)`);
  else fs.writeFileSync(file, next);
}
if (check && stale) process.exit(1);
if (!check) console.log(`${stale} rule page${stale === 1 ? '' : 's'} updated`);

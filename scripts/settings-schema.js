#!/usr/bin/env node
'use strict';
// Writes the `cfnTlsLint.rules` setting of package.json (contributes.configuration) from the rule
// registry: one property per rule id, with its summary, severities and options, so settings.json
// completes them. With --check it says whether package.json is out of date (exit 1).
// Needs the compiled engine: `npx tsc -p .` (`npm run docs:rules` runs both).
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const { defaultRegistry } = require(path.join(root, 'out', 'rules', 'src', 'rules', 'index.js'));
const { rulesSettingSchema } = require(path.join(root, 'out', 'rules', 'src', 'rules', 'settings-schema.js'));

const file = path.join(root, 'package.json');
const text = fs.readFileSync(file, 'utf8');
const pkg = JSON.parse(text);
pkg.contributes.configuration.properties['cfnTlsLint.rules'] = rulesSettingSchema(defaultRegistry().allMetas());
const next = `${JSON.stringify(pkg, null, 2)}\n`;
if (process.argv.includes('--check')) {
  if (next !== text) {
    console.error('out of date: package.json contributes.configuration cfnTlsLint.rules (run npm run docs:rules)');
    process.exit(1);
  }
} else if (next !== text) {
  fs.writeFileSync(file, next);
  console.log('package.json: cfnTlsLint.rules updated');
}

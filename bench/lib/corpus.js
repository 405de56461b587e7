'use strict';
// The B1/B2 file set: every .yaml/.yml/.json/.template file under the three corpus folders.
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus');
const FOLDERS = ['aws-cloudformation-templates', 'cfn-lint-fixtures/test/fixtures/templates/good', 'ecs-refarch-cloudformation'];
const EXPECTED = 418;
const CANDIDATE = /\.(ya?ml|json|template)$/i;

function walk(dir, out) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) walk(full, out);
    else if (e.isFile() && CANDIDATE.test(e.name)) out.push(full);
  }
  return out;
}

/** Absolute paths, sorted; throws when the corpus is missing. */
function corpusFiles() {
  if (!fs.existsSync(CORPUS)) throw new Error(`corpus not found at ${CORPUS}`);
  const files = [];
  for (const f of FOLDERS) walk(path.join(CORPUS, f), files);
  files.sort();
  return files;
}

module.exports = { corpusFiles, CORPUS, FOLDERS, EXPECTED, ROOT };

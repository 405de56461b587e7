#!/usr/bin/env node
'use strict';
// The GitHub Action (action.yml): runs the CLI on the inputs' paths and writes what a workflow
// reads: the SARIF report for code scanning (with its category), workflow annotations on the
// findings, a Markdown job summary (findings per rule, the inventory's headline figures) in
// $GITHUB_STEP_SUMMARY and the step's outputs in $GITHUB_OUTPUT. Plain Node, no dependency:
// tests run it with the environment GitHub sets (test/integration/github-action.test.ts).
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const CLI = process.env.CFN_TLS_LINT_CLI || path.join(__dirname, '..', 'bin', 'cfn-tls-lint.js');
const input = (name, fallback = '') => (process.env[`INPUT_${name.toUpperCase().replace(/-/g, '_')}`] ?? fallback).trim();
const words = (s) => s.split(/\s+/).filter(Boolean);

function run(args) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: process.env.GITHUB_WORKSPACE || process.cwd(),
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1' },
  });
  if (r.error) throw r.error;
  if (r.stderr) process.stderr.write(r.stderr);
  return r;
}

function appendTo(file, text) {
  if (file) fs.appendFileSync(file, text);
}

const cell = (s) => String(s).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

function summaryMarkdown(report, inventory, sarifFile) {
  const s = report.summary;
  const lines = ['## cfn-tls-lint', ''];
  lines.push(
    `${s.templates} template${s.templates === 1 ? '' : 's'} in ${s.files} file${s.files === 1 ? '' : 's'}: **${s.errors} error${s.errors === 1 ? '' : 's'}**, ${s.warnings} warning${s.warnings === 1 ? '' : 's'}, ${s.infos} info (${s.fixable} fixable with \`--fix\`).`,
    '',
  );
  const byRule = new Map();
  for (const f of report.files) {
    for (const d of f.diagnostics) {
      if (d.suppressed) continue;
      const r = byRule.get(d.rule) ?? { severity: d.severity, count: 0, files: new Set() };
      r.count++;
      r.files.add(f.path);
      byRule.set(d.rule, r);
    }
  }
  if (byRule.size) {
    lines.push('| rule | severity | findings | files |', '|---|---|---|---|');
    const rank = { error: 0, warning: 1, info: 2 };
    for (const [rule, r] of [...byRule].sort((a, b) => rank[a[1].severity] - rank[b[1].severity] || b[1].count - a[1].count || a[0].localeCompare(b[0]))) {
      lines.push(
        `| [${cell(rule)}](https://github.com/cfn-tls-lint/cfn-tls-lint/blob/main/docs/rules/${encodeURIComponent(rule)}.md) | ${r.severity} | ${r.count} | ${r.files.size} |`,
      );
    }
    lines.push('');
  }
  if (inventory) {
    const i = inventory.summary;
    const plaintext = inventory.templates.reduce((n, t) => n + t.endpoints.filter((e) => e.plaintext).length, 0);
    lines.push('### TLS inventory', '');
    lines.push(
      `${i.certificates} certificate${i.certificates === 1 ? '' : 's'}, ${i.endpoints} endpoint${i.endpoints === 1 ? '' : 's'}: ${i.weakEndpoints.length} accept${i.weakEndpoints.length === 1 ? 's' : ''} TLS below 1.2, ${plaintext} allow${plaintext === 1 ? 's' : ''} plaintext; ${i.wildcards.length} wildcard certificate${i.wildcards.length === 1 ? '' : 's'}, ${i.emailValidation.length} validated by email.`,
      '',
    );
    if (i.weakEndpoints.length) {
      lines.push('| endpoint | file | lowest TLS |', '|---|---|---|');
      for (const w of i.weakEndpoints.slice(0, 20)) lines.push(`| ${cell(w.endpoint)} | ${cell(w.file)} | ${cell(w.tlsFloor)} |`);
      if (i.weakEndpoints.length > 20) lines.push(`| … ${i.weakEndpoints.length - 20} more | | |`);
      lines.push('');
    }
  }
  lines.push(`SARIF: \`${sarifFile}\`.`, '');
  return lines.join('\n');
}

function main() {
  const paths = words(input('paths', '.'));
  const args = words(input('args'));
  const sarifFile = input('sarif-file', 'cfn-tls-lint.sarif');
  const category = input('category', 'cfn-tls-lint');
  const failOn = input('fail-on', 'error');
  if (!['error', 'warning', 'never'].includes(failOn)) {
    process.stdout.write(`::error::cfn-tls-lint: fail-on must be error, warning or never, not "${failOn}"\n`);
    return 2;
  }
  const json = run(['--format', 'json', ...args, ...paths]);
  let report;
  try {
    report = JSON.parse(json.stdout);
  } catch {
    process.stdout.write(`::error::cfn-tls-lint did not run (exit ${json.status})\n`);
    return 2;
  }
  // Annotations on the findings (and on the run's problems), as the workflow log shows them.
  process.stdout.write(run(['--format', 'github', ...args, ...paths]).stdout);
  const sarif = run(['--format', 'sarif', '--sarif-category', category, ...args, ...paths]);
  const sarifPath = path.resolve(process.env.GITHUB_WORKSPACE || process.cwd(), sarifFile);
  fs.mkdirSync(path.dirname(sarifPath), { recursive: true });
  fs.writeFileSync(sarifPath, sarif.stdout);
  let inventory;
  try {
    inventory = JSON.parse(run(['--inventory', '--format', 'json', ...args.filter((a) => a !== '--no-inline-suppressions'), ...paths]).stdout);
  } catch {
    inventory = undefined;
  }
  appendTo(process.env.GITHUB_STEP_SUMMARY, summaryMarkdown(report, inventory, sarifFile));
  const s = report.summary;
  appendTo(process.env.GITHUB_OUTPUT, `sarif-file=${sarifFile}\nerrors=${s.errors}\nwarnings=${s.warnings}\n`);
  if (json.status === 2 || report.errors.length) return 2;
  if (failOn === 'error' && s.errors > 0) return 1;
  if (failOn === 'warning' && s.errors + s.warnings > 0) return 1;
  return 0;
}

if (require.main === module) process.exitCode = main();
module.exports = { main, summaryMarkdown };

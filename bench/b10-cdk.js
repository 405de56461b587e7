'use strict';
// B10 CDK: the whole CLI process on the CDK fixture's cloud assembly (test/fixtures/cdk-app/cdk.out:
// a real synthesis, two stacks, one in a stage assembly) against the same templates linted
// directly (copied where no manifest is). The difference is reading the manifests and the
// construct metadata, mapping the creation stacks to source lines, and annotating the findings.
const fs = require('fs');
const path = require('path');
const { ROOT } = require('./lib/corpus');
const { TMP } = require('./lib/bundle');
const { timeProcess } = require('./lib/proc');
const { summary } = require('./lib/stats');

const CLI = path.join(ROOT, 'bin', 'cfn-tls-lint.js');
const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'cdk-app');

async function runB10({ runs, log }) {
  const dir = path.join(TMP, 'b10');
  fs.rmSync(dir, { recursive: true, force: true });
  const app = path.join(dir, 'app');
  fs.cpSync(FIXTURE, app, { recursive: true });
  const direct = path.join(dir, 'direct');
  fs.mkdirSync(direct, { recursive: true });
  const templates = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.template.json')) templates.push(p);
    }
  };
  walk(path.join(app, 'cdk.out'));
  const copies = templates.map((t) => {
    const to = path.join(direct, path.basename(t));
    fs.copyFileSync(t, to);
    return to;
  });
  const env = { ...process.env, NO_COLOR: '1' };
  const viaCdk = () => timeProcess(process.execPath, [CLI, '--format', 'json', 'cdk.out'], { env, cwd: app, keepStdout: true });
  const plain = () => timeProcess(process.execPath, [CLI, '--format', 'json', ...copies], { env, cwd: direct, keepStdout: true });
  // Same findings both ways (by rule, per template), and the CDK run names constructs.
  // certificate-region aside: the stacks' regions decide it in the CDK run only.
  const rules = (out) =>
    JSON.parse(out)
      .files.map(
        (f) =>
          `${path.basename(f.path)}: ${f.diagnostics
            .map((d) => d.rule)
            .filter((r) => r !== 'certificate-region')
            .join(',')}`,
      )
      .sort();
  const first = await viaCdk();
  const firstPlain = await plain();
  const a = JSON.parse(first.stdout);
  const sameFindings = JSON.stringify(rules(first.stdout)) === JSON.stringify(rules(firstPlain.stdout));
  const withConstructs = a.files.every((f) => f.diagnostics.every((d) => d.construct && d.construct.source));
  const cdk = [];
  const direct_ = [];
  for (let i = 0; i < runs; i++) {
    cdk.push((await viaCdk()).wallMs);
    direct_.push((await plain()).wallMs);
  }
  const c = summary(cdk, 1);
  const d = summary(direct_, 1);
  const ratio = Number((c.median / d.median).toFixed(2));
  log(`  B10: cdk.out ${c.median} ms, the same templates directly ${d.median} ms: ${ratio}×`);
  return {
    templates: templates.length,
    runs,
    wallMs: { cdk: c, direct: d },
    ratio,
    sameFindings,
    withConstructs,
    met: ratio < 2 && withConstructs && sameFindings,
    summary: `${ratio}× (cdk.out ${c.median} ms, the same ${templates.length} templates directly ${d.median} ms); every finding names its construct and source line: ${withConstructs ? 'yes' : '**no**'}`,
  };
}

module.exports = { runB10 };

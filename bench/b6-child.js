'use strict';
// B6, in one process: lint the generated 200-condition template; first (cold) lint, then the
// median of timed runs; and check that the findings are right.
// argv: <engine bundle> <runs>
const path = require('path');
const { median } = require('./lib/stats');
const { conditionsTemplate, checkExpectations } = require('./lib/generate');

const [enginePath, runsArg] = process.argv.slice(2);
const t0 = process.hrtime.bigint();
const { lintText, defaultRegistry } = require(enginePath);
const registry = defaultRegistry();
const loadMs = Number(process.hrtime.bigint() - t0) / 1e6;
const tpl = conditionsTemplate();
const file = path.join(__dirname, 'b6-conditions.yaml');

const lint = () => {
  const s = process.hrtime.bigint();
  const r = lintText(tpl.text, file, registry);
  return { ms: Number(process.hrtime.bigint() - s) / 1e6, r };
};
const first = lint();
const samples = [];
for (let i = 0; i < Number(runsArg); i++) samples.push(lint().ms);
const checks = checkExpectations(tpl.text, first.r.diagnostics, tpl.expect);
console.log(
  JSON.stringify({
    lines: tpl.lines,
    bytes: Buffer.byteLength(tpl.text),
    engineLoadMs: loadMs,
    firstMs: first.ms,
    samples,
    medianMs: median(samples),
    diagnostics: first.r.diagnostics.map((d) => ({
      rule: d.rule,
      resource: d.resource,
      line: d.range.start.line + 1,
      text: tpl.text.slice(d.offsets.start, d.offsets.end),
    })),
    ruleFailures: first.r.ruleFailures,
    checks,
  }),
);

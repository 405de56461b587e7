import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { runCli } from '../../../cli/src/main';
import { defaultRegistry } from '../../../rules/src/index';
import type { Rule } from '../../../rules/src/engine/types';
import { tempDir, WEAK_LISTENER } from '../../support/cli';

/**
 * Faults at the CLI: rules that throw or loop (one stderr line per failing rule, the other
 * rules' findings still printed) and broken configuration files (one line per problem, naming
 * the file and line; defaults for the rest).
 */

async function cli(args: string[], cwd: string): Promise<{ status: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const status = await runCli(args, { cwd, out: (s) => (out += s), err: (s) => (err += s), isTty: false });
  return { status, out, err };
}

function faultRule(id: string, type: string, check: Rule['check']): Rule {
  return { meta: { id, severity: 'warning', summary: id, fixable: false, peers: [], resourceTypes: [type] }, check };
}

/** Registers extra rules in the process-wide registry the in-process CLI uses, for the duration of `fn`. */
async function withRules<T>(rules: Rule[], fn: () => Promise<T>): Promise<T> {
  const registry = defaultRegistry() as unknown as { byId: Map<string, Rule>; metas: Map<string, unknown>; byType: Map<string, Rule[]> };
  const workers = process.env.CFN_TLS_LINT_WORKERS;
  process.env.CFN_TLS_LINT_WORKERS = '0'; // the rules exist in this thread only
  for (const r of rules) {
    registry.byId.set(r.meta.id, r);
    registry.metas.set(r.meta.id, r.meta);
    for (const t of r.meta.resourceTypes as string[]) registry.byType.set(t, [...(registry.byType.get(t) ?? []), r]);
  }
  try {
    return await fn();
  } finally {
    for (const r of rules) {
      registry.byId.delete(r.meta.id);
      registry.metas.delete(r.meta.id);
      for (const t of r.meta.resourceTypes as string[]) registry.byType.delete(t);
    }
    if (workers === undefined) delete process.env.CFN_TLS_LINT_WORKERS;
    else process.env.CFN_TLS_LINT_WORKERS = workers;
  }
}

const withResource = (type: string) => WEAK_LISTENER.replace('Resources:\n', `Resources:\n  Odd:\n    Type: ${type}\n    Properties:\n      ServiceToken: x\n`);

describe('robustness: CLI fault isolation', function () {
  this.timeout(60_000);

  it('a rule that throws: one stderr line per failing rule over many files; the other rules still report', async () => {
    const throws = faultRule('test-throws', 'Custom::Throws', () => {
      throw new Error('injected fault');
    });
    const alsoThrows = faultRule('test-throws-too', 'Custom::ThrowsToo', () => {
      throw new TypeError("Cannot read properties of undefined (reading 'x')");
    });
    const dir = tempDir({
      'a.yaml': withResource('Custom::Throws'),
      'b.yaml': withResource('Custom::Throws'),
      'c.yaml': withResource('Custom::ThrowsToo'),
      'd.yaml': withResource('Custom::Throws'),
    });
    const r = await withRules([throws, alsoThrows], () => cli(['--format', 'json', '.'], dir));
    assert.ok(r.status === 0 || r.status === 1, `status ${r.status}: ${r.err}`);
    const lines = r.err.trim().split('\n');
    assert.equal(lines.length, 2, r.err);
    assert.match(lines[0], /^cfn-tls-lint: rule test-throws failed on a\.yaml: injected fault \(other rules still ran/);
    assert.match(lines[1], /^cfn-tls-lint: rule test-throws-too failed on c\.yaml: Cannot read properties/);
    const files = JSON.parse(r.out).files as { path: string; diagnostics: { rule: string }[] }[];
    assert.equal(files.length, 4);
    for (const f of files)
      assert.ok(
        f.diagnostics.some((d) => d.rule === 'elbv2-ssl-policy-weak'),
        `${f.path} still has the other rules' findings`,
      );
  });

  it('a rule that loops through its context is stopped at its time budget and reported once', async () => {
    const loops = faultRule('test-loops', 'Custom::Loops', (ctx) => {
      for (;;) ctx.resources('Custom::Loops');
    });
    const dir = tempDir({ 'loop.yaml': withResource('Custom::Loops') });
    const t0 = Date.now();
    const r = await withRules([loops], () => cli(['--format', 'json', 'loop.yaml'], dir));
    assert.ok(Date.now() - t0 < 30_000);
    assert.match(r.err.trim(), /^cfn-tls-lint: rule test-loops failed on loop\.yaml: stopped after running past its time budget of \d+ ms/);
    assert.equal(r.err.trim().split('\n').length, 1);
    assert.ok(JSON.parse(r.out).files[0].diagnostics.some((d: { rule: string }) => d.rule === 'elbv2-ssl-policy-weak'));
  });
});

describe('robustness: CLI config faults', function () {
  this.timeout(60_000);

  const configLines = (err: string) =>
    err
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('cfn-tls-lint: config error: '));

  it('bad YAML: one line naming the file and line; the lint runs with the defaults', async () => {
    const dir = tempDir({ '.cfn-tls-lint.yaml': 'rules:\n  elbv2-ssl-policy-weak: [error\n  x: {\n', 'a.yaml': WEAK_LISTENER });
    const r = await cli(['--format', 'json', 'a.yaml'], dir);
    assert.equal(r.status, 2);
    const lines = configLines(r.err);
    assert.equal(lines.length, 1, r.err);
    assert.match(lines[0], /^cfn-tls-lint: config error: \.cfn-tls-lint\.yaml:\d+: /);
    const d = JSON.parse(r.out).files[0].diagnostics.find((x: { rule: string }) => x.rule === 'elbv2-ssl-policy-weak');
    assert.equal(d.severity, 'warning', 'the default severity');
  });

  it('YAML nested too deeply: one line, not one per level', async () => {
    const dir = tempDir({ '.cfn-tls-lint.yaml': '['.repeat(5000) + '\n', 'a.yaml': WEAK_LISTENER });
    const r = await cli(['--format', 'json', 'a.yaml'], dir);
    assert.equal(r.status, 2);
    assert.equal(configLines(r.err).length, 1, r.err.slice(0, 2000));
    assert.ok(JSON.parse(r.out).files[0].diagnostics.length > 0);
  });

  it('unknown rules, wrong option types and severities, a production glob that does not compile: one line each, the valid parts apply', async () => {
    const config = [
      'rules:',
      '  elbv2-ssl-policy-weak: [error, {minimumTls: 7}]', // 2: option value not allowed; the severity still applies
      '  no-such-rule: error', // 3
      '  acm-missing-tags: loud', // 4
      '  elbv2-ssl-policy-missing: [warning, {colour: red}]', // 5
      'production:',
      "  files: ['[unclosed']", // 7
      'regions: eu-west-1', // 8
      'recommendedPolicies: [a]', // 9
      '',
    ].join('\n');
    const dir = tempDir({ '.cfn-tls-lint.yaml': config, 'a.yaml': WEAK_LISTENER });
    const r = await cli(['--format', 'json', 'a.yaml'], dir);
    assert.equal(r.status, 2);
    const lines = configLines(r.err);
    assert.deepEqual(
      lines.map((l) => /\.cfn-tls-lint\.yaml:(\d+): /.exec(l)?.[1]),
      ['2', '3', '4', '5', '7', '8', '9'],
      r.err,
    );
    assert.match(lines[1], /unknown rule "no-such-rule"/);
    assert.match(lines[4], /production\.files: the glob "\[unclosed" does not compile/);
    const d = JSON.parse(r.out).files[0].diagnostics.find((x: { rule: string }) => x.rule === 'elbv2-ssl-policy-weak');
    assert.equal(d.severity, 'error', 'the valid part of the rule setting applies');
  });

  it('a config file that cannot be read (a folder of that name) is one line; defaults for the rest', async () => {
    const dir = tempDir({ 'a.yaml': WEAK_LISTENER });
    fs.mkdirSync(path.join(dir, '.cfn-tls-lint.yaml'));
    const r = await cli(['--format', 'json', 'a.yaml'], dir);
    assert.equal(r.status, 2);
    assert.deepEqual(configLines(r.err), ['cfn-tls-lint: config error: .cfn-tls-lint.yaml:1: cannot read the config file: not a regular file (a folder)']);
    assert.ok(JSON.parse(r.out).files[0].diagnostics.length > 0);
  });

  it('a binary config file is one line', async () => {
    const dir = tempDir({ '.cfn-tls-lint.yaml': Buffer.from([0xff, 0xfe, 0, 1, 2, 0x5b, 0x0a]), 'a.yaml': WEAK_LISTENER });
    const r = await cli(['--format', 'json', 'a.yaml'], dir);
    assert.equal(r.status, 2);
    assert.equal(configLines(r.err).length, 1, r.err);
  });

  it('each config problem is reported once, however many files use the config', async () => {
    const dir = tempDir({
      '.cfn-tls-lint.yaml': 'rules:\n  no-such-rule: error\n',
      'a.yaml': WEAK_LISTENER,
      'b.yaml': WEAK_LISTENER,
      'sub/c.yaml': WEAK_LISTENER,
    });
    const r = await cli(['--format', 'json', '.'], dir);
    assert.equal(configLines(r.err).length, 1, r.err);
  });
});

import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as path from 'path';
import { defaultRegistry, lintText } from '../../../rules/src/index';
import { ALL_ON, CASES, HostileCase, LISTENER, Summary, summarize } from './hostile-cases';

/**
 * Hostile input (docs/robustness.md): each one gets a clear diagnostic or a documented skip,
 * in bounded time, and the heavy ones in bounded memory (a child process with a capped heap).
 */

/** Heap cap of the child that lints the heavy cases. */
const HEAP_MB = 512;
/** Bound for one heavy case, generous for a loaded 2-core machine (they take 0.1–10 s). */
const HEAVY_MS = 45_000;
const LIGHT_MS = 5_000;

type Expect = (s: Summary) => void;

const parseError =
  (re: RegExp): Expect =>
  (s) => {
    assert.equal(s.template, true);
    assert.equal(s.count, 1, JSON.stringify(s.diagnostics));
    assert.equal(s.diagnostics[0].rule, 'template-parse-error');
    assert.match(s.diagnostics[0].message, re);
  };
const skipped =
  (re: RegExp): Expect =>
  (s) => {
    assert.equal(s.template, false);
    assert.equal(s.count, 0);
    assert.match(s.skipped ?? '', re);
  };
const notTemplate: Expect = (s) => {
  assert.equal(s.template, false);
  assert.equal(s.count, 0);
};
const linted =
  (...rules: string[]): Expect =>
  (s) => {
    assert.equal(s.template, true);
    const got = new Set(s.diagnostics.map((d) => d.rule));
    assert.ok(!got.has('template-parse-error'), JSON.stringify(s.diagnostics));
    for (const r of rules) assert.ok(got.has(r), `${r} expected; got ${[...got].join(', ')}`);
  };

const EXPECT: Record<string, Expect> = {
  'alias bomb (billion laughs)': parseError(/aliases expand to more than/),
  'alias fan-out (2000 x 2000 items)': parseError(/aliases expand to more than/),
  'YAML flow sequences 100,000 deep': parseError(/nesting is too deep/),
  'YAML flow mappings 100,000 deep': parseError(/nesting is too deep/),
  'YAML block sequences 100,000 deep': parseError(/nesting is too deep/),
  'YAML block mappings 4,000 deep': parseError(/nesting is too deep/),
  'YAML !If chain 100,000 deep': parseError(/nesting is too deep/),
  'JSON arrays 100,000 deep': parseError(/JSON nesting deeper than 2000 levels/),
  'JSON objects 100,000 deep': parseError(/JSON nesting deeper than 2000 levels/),
  // Parsed, not cut: the bucket's missing bucket policy is the only finding (its made-up property X is out of scope).
  'JSON nested 1,900 deep (within the limit)': (s) =>
    assert.deepEqual([s.template, [...new Set(s.diagnostics.map((d) => d.rule))].sort()], [true, ['s3-secure-transport']]),
  '50 MB file': skipped(/50\.0 MB, over the 10 MB limit/),
  '9 MB single line': linted('elbv2-ssl-policy-weak'),
  '1 MB property value': linted('elbv2-ssl-policy-unknown'),
  '50,000 resources with circular Refs and DependsOn': (s) => {
    linted('elbv2-ssl-policy-weak')(s);
    assert.ok(s.count >= 5000, `${s.count} findings`);
  },
  'binary (random bytes)': skipped(/binary file/),
  'binary with template words and no NUL': notTemplate,
  'NUL byte inside the first 8 KiB': skipped(/binary file/),
  'NUL byte after the first 8 KiB': linted('elbv2-ssl-policy-weak'),
  'invalid UTF-8 (decoded to U+FFFD)': linted('elbv2-ssl-policy-weak'),
  'lone surrogates': linted('elbv2-ssl-policy-weak'),
  'multi-document YAML': parseError(/one YAML document; this file has more than one/),
  'trailing document marker': linted('elbv2-ssl-policy-weak'),
  'duplicate keys (YAML)': (s) => {
    linted('template-duplicate-key', 'elbv2-ssl-policy-weak')(s);
    const d = s.diagnostics.find((x) => x.rule === 'template-duplicate-key')!;
    assert.deepEqual([d.line, d.character], [7, 6], 'on the second key');
  },
  'duplicate resources (YAML)': linted('template-duplicate-key'),
  'duplicate keys (JSON)': linted('template-duplicate-key'),
  'circular Refs, GetAtt to self, DependsOn cycle': linted('elbv2-ssl-policy-weak'),
  'self-referencing and mutually recursive conditions': linted('elbv2-ssl-policy-weak', 'elbv2-ssl-policy-unknown'),
  'Fn::If on a condition that does not exist': linted('elbv2-ssl-policy-weak'),
  'resource Condition that does not exist': linted('elbv2-ssl-policy-weak'),
  '300 independent conditions on one resource': linted('elbv2-ssl-policy-weak', 'acm-email-validation'),
  'IAM actions built to make wildcard matching backtrack': linted('iam-certificate-admin-wildcard'),
  'tabs for indentation': (s) => {
    assert.equal(s.template, true);
    assert.ok(s.diagnostics.length > 0 && s.diagnostics.every((d) => d.rule === 'template-parse-error'));
    assert.match(s.diagnostics[0].message, /Tabs are not allowed/);
  },
  'unknown and core tags': linted('elbv2-ssl-policy-weak'),
  'merge keys and anchors': linted('elbv2-ssl-policy-weak'),
  'empty file': notTemplate,
  'only a BOM': notTemplate,
  'scalar root mentioning Resources': notTemplate,
  'list root mentioning Resources': notTemplate,
  'Resources that is a list': (s) => assert.equal(s.count, 0),
  'Properties that is a string': linted('acm-email-validation'),
  'JSON with comments and trailing commas': parseError(/Expected a property name/),
  'JSON huge numbers': linted('elbv2-certificate-missing'),
};

function check(c: HostileCase, s: Summary, boundMs: number): void {
  assert.equal(s.threw, undefined, `lintText threw on "${c.name}": ${s.threw}`);
  assert.deepEqual(s.ruleFailures, [], `a rule threw on "${c.name}"`);
  assert.ok(s.ms < boundMs, `"${c.name}" took ${s.ms.toFixed(0)} ms (bound ${boundMs} ms)`);
  EXPECT[c.name](s);
}

describe('robustness: hostile input', function () {
  this.timeout(180_000);

  it('every case has an expectation', () => {
    assert.deepEqual(
      CASES.map((c) => c.name).filter((n) => !EXPECT[n]),
      [],
    );
  });

  for (const c of CASES.filter((x) => !x.heavy)) {
    it(c.name, () => check(c, summarize(c), LIGHT_MS));
  }

  describe(`heavy cases, in a child process with a ${HEAP_MB} MB heap`, () => {
    const heavy = CASES.filter((x) => x.heavy);
    const results = new Map<string, Summary>();
    let failure = '';
    before(() => {
      const script = path.join(__dirname, 'hostile-cases.js');
      const r = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, script, ...heavy.map((c) => c.name)], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        timeout: 170_000,
      });
      for (const line of r.stdout.split('\n')) if (line.trim()) results.set((JSON.parse(line) as Summary).name, JSON.parse(line));
      if (r.status !== 0) failure = `the child exited with ${r.status ?? r.signal} after: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`;
    });
    for (const c of heavy) {
      it(c.name, () => {
        const s = results.get(c.name);
        assert.ok(s, `no result (${failure || 'not run'})`);
        check(c, s, HEAVY_MS);
      });
    }
  });
});

describe('robustness: line endings and BOMs', () => {
  const registry = defaultRegistry();
  const lint = (text: string, file = 'x.yaml') => lintText(text, file, registry, { settings: ALL_ON });
  const shape = (text: string, file?: string) =>
    lint(text, file).diagnostics.map((d) => ({ rule: d.rule, range: d.range, text: text.slice(d.offsets.start, d.offsets.end).replace(/\r\n?/g, '\n') }));
  const lf = shape(LISTENER);

  it('the LF template has findings to compare', () => {
    assert.ok(lf.length >= 3 && lf.some((d) => d.rule === 'elbv2-ssl-policy-weak'));
  });

  const variants: [string, string][] = [
    ['CRLF', LISTENER.replace(/\n/g, '\r\n')],
    ['lone CR', LISTENER.replace(/\n/g, '\r')],
    [
      'mixed LF, CRLF and CR',
      LISTENER.split('\n')
        .map((l, i) => l + ['\n', '\r\n', '\r'][i % 3])
        .join('')
        .slice(0, -1),
    ],
  ];
  for (const [name, text] of variants) {
    it(`${name}: the same findings on the same lines and characters`, () => assert.deepEqual(shape(text), lf));
  }

  it('a BOM: the same findings (BOM-free lines keep their characters)', () => {
    const withBom = shape('\ufeff' + LISTENER);
    assert.deepEqual(
      withBom.map((d) => [d.rule, d.range.start.line, d.text]),
      lf.map((d) => [d.rule, d.range.start.line, d.text]),
    );
    for (const [i, d] of withBom.entries()) if (d.range.start.line > 0) assert.deepEqual(d.range, lf[i].range);
  });

  it('JSON with CRLF and a BOM: the same findings', () => {
    const json = JSON.stringify(
      {
        AWSTemplateFormatVersion: '2010-09-09',
        Resources: {
          L: { Type: 'AWS::ElasticLoadBalancingV2::Listener', Properties: { Protocol: 'HTTPS', Port: 443, SslPolicy: 'ELBSecurityPolicy-2016-08' } },
        },
      },
      null,
      2,
    );
    const base = shape(json, 'x.json');
    assert.ok(base.length >= 2);
    assert.deepEqual(shape(json.replace(/\n/g, '\r\n'), 'x.json'), base);
    assert.deepEqual(
      shape('\ufeff' + json.replace(/\n/g, '\r\n'), 'x.json').map((d) => d.text),
      base.map((d) => d.text),
    );
  });

  it('a syntax error at the end of a CRLF line lies inside the line', () => {
    const text = LISTENER.replace(/\n/g, '\r\n').replace('Port: 443', 'Port: [443');
    const r = lint(text);
    const lines = text.split('\r\n');
    assert.ok(r.diagnostics.length > 0);
    for (const d of r.diagnostics) {
      for (const p of [d.range.start, d.range.end]) assert.ok(p.character <= lines[p.line].length, `${JSON.stringify(p)} in "${lines[p.line]}"`);
    }
  });
});

describe('robustness: hostile files through the CLI', function () {
  this.timeout(60_000);

  it('binary, invalid UTF-8, NUL, oversized and empty files: skipped or linted, one report each, nothing on stderr', async () => {
    const { runCli } = await import('../../../cli/src/main');
    const { tempDir } = await import('../../support/cli');
    const fs = await import('fs');
    const dir = tempDir({
      'binary.yaml': Buffer.concat([Buffer.from('Resources:\n'), Buffer.from([0, 1, 2, 0xff, 0xfe, 0, 0x80])]),
      'utf8.yaml': Buffer.concat([
        Buffer.from(LISTENER),
        Buffer.from('Metadata:\n  X: '),
        Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80]),
        Buffer.from('\n'),
      ]),
      'utf16.yaml': Buffer.from('\ufeff' + LISTENER, 'utf16le'),
      'empty.yaml': '',
      'crlf.yaml': LISTENER.replace(/\n/g, '\r\n'),
    });
    fs.writeFileSync(path.join(dir, 'huge.yaml'), Buffer.alloc(50 * 1024 * 1024, 0x20));
    let out = '';
    let err = '';
    const status = await runCli(['--format', 'json', '.'], { cwd: dir, out: (s) => (out += s), err: (s) => (err += s), isTty: false });
    assert.equal(err, '');
    assert.equal(status, 0);
    const files = new Map(
      (JSON.parse(out).files as { path: string; template: boolean; skipped?: string; diagnostics: { rule: string; range: unknown }[] }[]).map((f) => [
        f.path,
        f,
      ]),
    );
    assert.match(files.get('binary.yaml')!.skipped ?? '', /binary file/);
    assert.match(files.get('utf16.yaml')!.skipped ?? '', /binary file/, 'UTF-16 has NUL bytes: skipped, not misread');
    assert.match(files.get('huge.yaml')!.skipped ?? '', /50\.0 MB, over the 10 MB limit/);
    assert.equal(files.get('empty.yaml')!.template, false);
    const utf8 = files.get('utf8.yaml')!;
    const crlf = files.get('crlf.yaml')!;
    assert.ok(utf8.diagnostics.some((d) => d.rule === 'elbv2-ssl-policy-weak'));
    assert.deepEqual(
      crlf.diagnostics.map((d) => [d.rule, d.range]),
      utf8.diagnostics.map((d) => [d.rule, d.range]),
    );
  });
});

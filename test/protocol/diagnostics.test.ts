import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver-protocol/node';
import { fileUri } from '../../server/src/uri';
import { listenersJson, listenersYaml, NOT_A_TEMPLATE, PARAMETER_YAML, STRONG, WEAK } from './fixtures';
import { codes, LspClient, tempDir } from './lsp-harness';

const WEAK_RULE = 'elbv2-ssl-policy-weak';
const MISSING_RULE = 'elbv2-ssl-policy-missing';

describe('protocol: diagnostics', function () {
  let client: LspClient;
  let dir: string;

  before(async () => {
    dir = tempDir('diag');
    client = await LspClient.start({ folders: [dir], settings: { workspaceScan: 'off' } });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a Serverless Framework service (serverless: true): the findings of its resources: at their lines', async () => {
    const fixture = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'serverless', 'serverless.yml');
    const text = fs.readFileSync(fixture, 'utf8');
    // Opted in by the folder's config file, which the editor reads as the CLI does.
    const sub = path.join(dir, 'sls');
    fs.mkdirSync(sub, { recursive: true });
    fs.writeFileSync(path.join(sub, '.cfn-tls-lint.yaml'), 'serverless: true\n');
    const uri = fileUri(path.join(sub, 'serverless.yml'));
    await client.open(uri, text);
    const p = await client.diagnosticsFor(uri, 1);
    assert.deepEqual(codes(p).sort(), ['elbv2-http-without-redirect', WEAK_RULE]);
    const weak = p.diagnostics.find((d) => d.code === WEAK_RULE)!;
    assert.equal(
      weak.range.start.line,
      text.split('\n').findIndex((l) => l.includes('SslPolicy: ELBSecurityPolicy-2016-08')),
    );
    await client.close(uri);
  });

  it('Fn::ForEach: the findings of the generated resources on the loop body, with no fix offered', async () => {
    const fixture = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'foreach', 'listeners.yaml');
    const text = fs.readFileSync(fixture, 'utf8');
    const uri = fileUri(path.join(dir, 'foreach.yaml'));
    await client.open(uri, text);
    const p = await client.diagnosticsFor(uri, 1);
    assert.deepEqual(codes(p).sort(), ['certificate-arn-hardcoded', WEAK_RULE, WEAK_RULE]);
    const loop = p.diagnostics.find((d) => d.message.includes('Fn::ForEach::Ports'))!;
    assert.equal(
      loop.range.start.line,
      text.split('\n').findIndex((l) => l.includes('ELBSecurityPolicy-TLS-1-0-2015-04')),
    );
    const actions = await client.codeActions(uri, loop.range, [loop]);
    assert.ok(
      actions.every((a) => !/^Use |^Set /.test(a.title)),
      `no fix: ${actions.map((a) => a.title).join(' | ')}`,
    );
    await client.close(uri);
  });

  it('publishes diagnostics on open with the fields the editor needs', async () => {
    const uri = fileUri(path.join(dir, 'open.yaml'));
    await client.open(uri, listenersYaml([{ id: 'Weak', policy: WEAK }, { id: 'Missing' }]));
    const p = await client.diagnosticsFor(uri, 1);
    assert.deepEqual(codes(p).sort(), [MISSING_RULE, WEAK_RULE]);
    const weak = p.diagnostics.find((d) => d.code === WEAK_RULE)!;
    assert.equal(weak.source, 'cfn-tls-lint');
    assert.equal(weak.severity, DiagnosticSeverity.Warning);
    assert.match(weak.codeDescription!.href, /docs\/rules\/elbv2-ssl-policy-weak\.md$/);
    assert.equal(weak.range.start.line, 8);
    assert.equal(weak.range.start.character, 17);
    const data = weak.data as { rule: string; path: unknown[]; fixes: { title: string; safe: boolean }[] };
    assert.equal(data.rule, WEAK_RULE);
    assert.deepEqual(data.path, ['Resources', 'Weak', 'Properties', 'SslPolicy']);
    assert.ok(data.fixes.length >= 1 && data.fixes[0].safe);
    assert.deepEqual(weak.tags, [DiagnosticTag.Deprecated]);
    const missing = p.diagnostics.find((d) => d.code === MISSING_RULE)!;
    assert.equal(missing.tags, undefined, 'a missing property has no value to strike through');
    await client.close(uri);
  });

  it('points related information at a parameter Default', async () => {
    const uri = fileUri(path.join(dir, 'param.yaml'));
    await client.open(uri, PARAMETER_YAML);
    const p = await client.diagnosticsFor(uri, 1);
    const weak = p.diagnostics.find((d) => d.code === WEAK_RULE);
    assert.ok(weak, 'weak policy through the parameter Default');
    assert.equal(weak.range.start.line, 12);
    assert.equal(weak.relatedInformation?.length, 1);
    assert.equal(weak.relatedInformation![0].location.uri, uri);
    assert.equal(weak.relatedInformation![0].location.range.start.line, 4);
    await client.close(uri);
  });

  it('re-lints on change and publishes the version it linted', async () => {
    const uri = fileUri(path.join(dir, 'change.yaml'));
    await client.open(uri, listenersYaml([{ id: 'L', policy: WEAK }]));
    await client.diagnosticsFor(uri, 1);
    const since = client.mark();
    const v = await client.change(uri, listenersYaml([{ id: 'L', policy: STRONG }]));
    const p = await client.diagnosticsFor(uri, v, since);
    assert.deepEqual(codes(p), []);
    await client.close(uri);
  });

  it('clears diagnostics on close when no scan keeps them', async () => {
    const uri = fileUri(path.join(dir, 'close.yaml'));
    await client.open(uri, listenersYaml([{ id: 'L', policy: WEAK }]));
    await client.diagnosticsFor(uri, 1);
    const since = client.mark();
    await client.close(uri);
    const p = await client.nextDiagnostics(uri, since);
    assert.equal(p.diagnostics.length, 0);
    assert.equal(p.version, undefined);
  });

  it('lints JSON and untitled buffers', async () => {
    const json = fileUri(path.join(dir, 'stack.json'));
    await client.open(json, listenersJson([{ id: 'L', policy: WEAK }]), 'json');
    const pj = await client.diagnosticsFor(json, 1);
    assert.deepEqual(codes(pj), [WEAK_RULE]);
    await client.close(json);
    const untitled = 'untitled:Untitled-1';
    await client.open(untitled, listenersYaml([{ id: 'L' }]), 'yaml');
    const pu = await client.diagnosticsFor(untitled, 1);
    assert.deepEqual(codes(pu), [MISSING_RULE]);
    await client.close(untitled);
  });

  it('gives files that are not templates no diagnostics', async () => {
    const uri = fileUri(path.join(dir, 'deployment.yaml'));
    await client.open(uri, NOT_A_TEMPLATE);
    const p = await client.diagnosticsFor(uri, 1);
    assert.equal(p.diagnostics.length, 0);
    await client.close(uri);
  });

  it('reports template-parse-error for a broken template', async () => {
    const uri = fileUri(path.join(dir, 'broken.json'));
    await client.open(uri, '{ "AWSTemplateFormatVersion": "2010-09-09", "Resources": { , } }', 'json');
    const p = await client.diagnosticsFor(uri, 1);
    assert.ok(codes(p).includes('template-parse-error'));
    await client.close(uri);
  });
});

describe('protocol: versions and debouncing', function () {
  let dir: string;
  before(() => {
    dir = tempDir('versions');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Version v has (v % 3) + 1 weak listeners: every publish must match the text of its version. */
  const textFor = (v: number): string => listenersYaml(Array.from({ length: (v % 3) + 1 }, (_, i) => ({ id: `L${i}`, policy: WEAK })));

  for (const debounceMs of [0, 200]) {
    it(`never publishes a stale version (debounce ${debounceMs} ms)`, async () => {
      const client = await LspClient.start({ folders: [dir], settings: { workspaceScan: 'off' }, debounceMs });
      try {
        const uri = fileUri(path.join(dir, `stale-${debounceMs}.yaml`));
        await client.open(uri, textFor(1));
        await client.diagnosticsFor(uri, 1);
        const since = client.mark();
        let last = 1;
        for (let i = 0; i < 40; i++) last = await client.change(uri, textFor(client.version(uri) + 1));
        await client.diagnosticsFor(uri, last, since);
        // Let any straggler arrive: a hover round trip after the last publish.
        await client.hover(uri, { line: 0, character: 0 });
        const published = client.diagnostics.slice(since).filter((p) => p.uri === uri);
        let prev = 1;
        for (const p of published) {
          assert.ok(typeof p.version === 'number', 'every publish for an open document carries its version');
          assert.ok(p.version! >= prev, `versions never go back (${prev} then ${p.version})`);
          prev = p.version!;
          assert.equal(codes(p).filter((c) => c === WEAK_RULE).length, (p.version! % 3) + 1, `diagnostics of v${p.version} match its text`);
        }
        assert.equal(published[published.length - 1].version, last, 'the last publish is for the last version');
        if (debounceMs > 0) assert.ok(published.length < 10, `debounced: ${published.length} publishes for 40 changes`);
      } finally {
        await client.stop();
      }
    });
  }

  it('lints on save only when cfnTlsLint.run is onSave', async () => {
    const client = await LspClient.start({ folders: [dir], settings: { workspaceScan: 'off', run: 'onSave' }, debounceMs: 0 });
    try {
      const uri = fileUri(path.join(dir, 'on-save.yaml'));
      await client.open(uri, listenersYaml([{ id: 'L', policy: WEAK }]));
      await client.diagnosticsFor(uri, 1);
      const since = client.mark();
      await client.change(uri, listenersYaml([{ id: 'L', policy: STRONG }]));
      await client.hover(uri, { line: 0, character: 0 });
      assert.equal(client.diagnostics.slice(since).filter((p) => p.uri === uri).length, 0, 'typing does not lint');
      await client.save(uri);
      const p = await client.diagnosticsFor(uri, 2, since);
      assert.deepEqual(codes(p), []);
    } finally {
      await client.stop();
    }
  });

  it('cfnTlsLint.rulesCustomizations remaps the severities the editor shows (and can hide a rule)', async () => {
    const rulesCustomizations = [
      { rule: '*', severity: 'upgrade' },
      { rule: 'acm-*', severity: 'off' },
    ];
    const client = await LspClient.start({ folders: [dir], settings: { workspaceScan: 'off', rulesCustomizations }, debounceMs: 0 });
    try {
      const uri = fileUri(path.join(dir, 'customized.yaml'));
      await client.open(uri, listenersYaml([{ id: 'L', policy: WEAK }]));
      const p = await client.diagnosticsFor(uri, 1);
      const weak = p.diagnostics.find((d) => d.code === WEAK_RULE)!;
      assert.equal(weak.severity, DiagnosticSeverity.Error, 'a warning upgraded');
      assert.ok(p.diagnostics.every((d) => !String(d.code).startsWith('acm-')));
    } finally {
      await client.stop();
    }
  });

  it('publishes nothing when cfnTlsLint.enable is false', async () => {
    const client = await LspClient.start({ folders: [dir], settings: { workspaceScan: 'off', enable: false } });
    try {
      const uri = fileUri(path.join(dir, 'disabled.yaml'));
      await client.open(uri, listenersYaml([{ id: 'L', policy: WEAK }]));
      const p = await client.diagnosticsFor(uri, 1);
      assert.equal(p.diagnostics.length, 0);
    } finally {
      await client.stop();
    }
  });
});

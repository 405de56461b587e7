import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Diagnostic, DiagnosticSeverity, MessageType, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { NOT_LINTED_CODE } from '../../server/src/notices';
import { fileUri } from '../../server/src/uri';
import { listenersYaml, WEAK } from './fixtures';
import { codes, LspClient, tempDir } from './lsp-harness';

const CRASHING = (extra: string) =>
  listenersYaml(
    [{ id: 'L', policy: WEAK }],
    `  Boom${extra}:
    Type: Custom::CfnTlsLintFault
    Properties:
      ServiceToken: !ImportValue fault-token
`,
  );

describe('protocol: robustness', function () {
  let client: LspClient;
  let dir: string;

  before(async () => {
    dir = tempDir('robust');
    client = await LspClient.start({ folders: [dir], settings: { workspaceScan: 'off' }, faultHooks: true, debounceMs: 0 });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('survives a rule that throws: the other rules still report, the failure is logged once', async () => {
    const uri = fileUri(path.join(dir, 'crash.yaml'));
    await client.open(uri, CRASHING('1'));
    const p = await client.diagnosticsFor(uri, 1);
    assert.deepEqual(codes(p), ['elbv2-ssl-policy-weak']);
    const since = client.mark();
    const v = await client.change(uri, CRASHING('2'));
    await client.diagnosticsFor(uri, v, since);
    const failures = client.logs.filter((l) => l.type === MessageType.Error && /test-fault-injection/.test(l.message));
    assert.equal(failures.length, 1, 'logged once');
    assert.match(failures[0].message, /injected fault/);
    assert.ok(client.alive);
    // Still answering, and still linting other documents.
    const other = fileUri(path.join(dir, 'other.yaml'));
    await client.open(other, listenersYaml([{ id: 'L' }]));
    assert.deepEqual(codes(await client.diagnosticsFor(other, 1)), ['elbv2-ssl-policy-missing']);
    assert.ok(await client.hover(uri, { line: 8, character: 20 }));
  });

  it('survives pathological input', async () => {
    const uri = fileUri(path.join(dir, 'deep.json'));
    const depth = 20000;
    const text = `{"AWSTemplateFormatVersion":"2010-09-09","Resources":{"X":{"Type":"AWS::S3::Bucket","Properties":{"A":${'['.repeat(depth)}${']'.repeat(depth)}}}}}`;
    await client.open(uri, text, 'json');
    await client.diagnosticsFor(uri, 1);
    assert.ok(client.alive);
    const ok = fileUri(path.join(dir, 'after.yaml'));
    await client.open(ok, listenersYaml([{ id: 'L', policy: WEAK }]));
    assert.deepEqual(codes(await client.diagnosticsFor(ok, 1)), ['elbv2-ssl-policy-weak']);
  });

  describe('documents the engine does not lint: one notice at the top, never silence', () => {
    const MB = 1024 * 1024;

    function notice(p: PublishDiagnosticsParams): Diagnostic {
      assert.equal(p.diagnostics.length, 1, JSON.stringify(p.diagnostics));
      const [d] = p.diagnostics;
      assert.equal(d.code, NOT_LINTED_CODE);
      assert.equal(d.source, 'cfn-tls-lint');
      assert.equal(d.severity, DiagnosticSeverity.Information);
      assert.deepEqual(d.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
      return d;
    }

    it('a 50 MB template: not linted, and says why', async function () {
      this.timeout(60000);
      const uri = fileUri(path.join(dir, 'huge.yaml'));
      const filler = `# ${'x'.repeat(98)}\n`;
      const text = listenersYaml([{ id: 'L', policy: WEAK }]) + filler.repeat((50 * MB) / filler.length);
      await client.open(uri, text);
      const d = notice(await client.diagnosticsFor(uri, 1));
      assert.equal(d.message, 'cfn-tls-lint did not lint this file: file is 50.0 MB, over the 10 MB limit (CloudFormation accepts at most 1 MB).');
      // Still a server: it answers, and lints the next document.
      assert.ok((await client.hover(uri, { line: 0, character: 0 })) !== undefined);
      const ok = fileUri(path.join(dir, 'after-huge.yaml'));
      await client.open(ok, listenersYaml([{ id: 'L', policy: WEAK }]));
      assert.deepEqual(codes(await client.diagnosticsFor(ok, 1)), ['elbv2-ssl-policy-weak']);
    });

    it('a 50 MB JSON file with no template word in it is data, not a template: nothing', async function () {
      this.timeout(60000);
      const uri = fileUri(path.join(dir, 'data.json'));
      await client.open(uri, JSON.stringify({ rows: Array.from({ length: 50 * 1024 }, (_, i) => `${i}`.padEnd(1020, '.')) }), 'json');
      assert.deepEqual((await client.diagnosticsFor(uri, 1)).diagnostics, []);
    });

    it('binary content opened as YAML: not linted, and says why', async () => {
      const uri = fileUri(path.join(dir, 'binary.yaml'));
      await client.open(uri, 'Resources:\u0000\u0001\u0002');
      assert.equal(notice(await client.diagnosticsFor(uri, 1)).message, 'cfn-tls-lint did not lint this file: binary file.');
      // Edited into a template, it is linted (the notice goes).
      const since = client.mark();
      const v = await client.change(uri, listenersYaml([{ id: 'L', policy: WEAK }]));
      assert.deepEqual(codes(await client.diagnosticsFor(uri, v, since)), ['elbv2-ssl-policy-weak']);
    });
  });
});

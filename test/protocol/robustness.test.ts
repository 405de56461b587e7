import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { MessageType } from 'vscode-languageserver-protocol/node';
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
    client = await LspClient.start({ folders: [dir], settings: { workspaceScan: 'off' }, env: { CFN_TLS_LINT_FAULT_INJECTION: '1' }, debounceMs: 0 });
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
    const binary = fileUri(path.join(dir, 'binary.yaml'));
    await client.open(binary, 'Resources:\u0000\u0001\u0002');
    assert.deepEqual((await client.diagnosticsFor(binary, 1)).diagnostics, []);
    assert.ok(client.alive);
    const ok = fileUri(path.join(dir, 'after.yaml'));
    await client.open(ok, listenersYaml([{ id: 'L', policy: WEAK }]));
    assert.deepEqual(codes(await client.diagnosticsFor(ok, 1)), ['elbv2-ssl-policy-weak']);
  });
});

import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CompletionItemTag, MarkupContent, TextEdit } from 'vscode-languageserver-protocol/node';
import { fileUri } from '../../server/src/uri';
import { listenersYaml, STRONG, WEAK } from './fixtures';
import { LspClient, tempDir } from './lsp-harness';

function markdown(h: { contents: unknown } | null): string {
  assert.ok(h, 'a hover');
  return (h.contents as MarkupContent).value;
}

describe('protocol: hover and completion', function () {
  let client: LspClient;
  let dir: string;

  before(async () => {
    dir = tempDir('hover');
    client = await LspClient.start({ folders: [dir], settings: { workspaceScan: 'off' }, debounceMs: 0 });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('explains a diagnostic and the policy value under the cursor', async () => {
    const uri = fileUri(path.join(dir, 'hover.yaml'));
    await client.open(uri, listenersYaml([{ id: 'L', policy: WEAK }]));
    const [diagnostic] = (await client.diagnosticsFor(uri, 1)).diagnostics;
    const text = markdown(await client.hover(uri, { line: 8, character: 25 }));
    assert.match(text, /\*\*elbv2-ssl-policy-weak\*\*/);
    assert.ok(!text.includes(diagnostic.message), 'the hover does not repeat the diagnostic message VS Code shows');
    assert.match(text, /docs\/rules\/elbv2-ssl-policy-weak\.md/);
    assert.match(text, /Accepts TLS 1\.0 to TLS 1\.2/);
    assert.match(text, /Not recommended/);
    assert.ok(text.includes(STRONG), 'names the recommended policy');
  });

  it('says when a policy value is the recommended one', async () => {
    const uri = fileUri(path.join(dir, 'hover-strong.yaml'));
    await client.open(uri, listenersYaml([{ id: 'L', policy: STRONG }]));
    await client.diagnosticsFor(uri, 1);
    const text = markdown(await client.hover(uri, { line: 8, character: 25 }));
    assert.match(text, /Recommended/);
    assert.doesNotMatch(text, /elbv2-ssl-policy/);
  });

  it("shows the specification's docs for resource types and properties", async () => {
    const uri = fileUri(path.join(dir, 'hover-spec.yaml'));
    await client.open(uri, listenersYaml([{ id: 'L', policy: STRONG }]));
    await client.diagnosticsFor(uri, 1);
    const type = markdown(await client.hover(uri, { line: 3, character: 20 }));
    assert.match(type, /AWS::ElasticLoadBalancingV2::Listener/);
    assert.match(type, /docs\.aws\.amazon\.com/);
    const port = markdown(await client.hover(uri, { line: 6, character: 8 }));
    assert.match(port, /\*\*Port\*\*/);
    assert.equal(await client.hover(uri, { line: 0, character: 40 }), null, 'nothing past the end of a line');
  });

  it('completes SslPolicy with recommended policies first and the TLS floor in the detail', async () => {
    const uri = fileUri(path.join(dir, 'complete.yaml'));
    const text = listenersYaml([{ id: 'L', policy: '' }]);
    await client.open(uri, text);
    const line = text.split('\n').findIndex((l) => l.startsWith('      SslPolicy:'));
    const character = text.split('\n')[line].length;
    const list = await client.completion(uri, { line, character });
    assert.ok(list && list.items.length > 10);
    const first = list.items.slice().sort((a, b) => a.sortText!.localeCompare(b.sortText!))[0];
    assert.equal(first.label, STRONG);
    assert.match(first.detail!, /TLS 1\.2 to TLS 1\.3 · recommended/);
    const weak = list.items.find((i) => i.label === WEAK)!;
    assert.match(weak.detail!, /weak/);
    assert.deepEqual(weak.tags, [CompletionItemTag.Deprecated]);
    assert.equal((first.textEdit as TextEdit).newText, STRONG);
  });

  it('completes JSON values with quotes and other policy properties', async () => {
    const uri = fileUri(path.join(dir, 'complete.json'));
    const text =
      '{\n  "AWSTemplateFormatVersion": "2010-09-09",\n  "Resources": {\n    "D": {\n      "Type": "AWS::CloudFront::Distribution",\n      "Properties": {\n        "DistributionConfig": {\n          "ViewerCertificate": { "MinimumProtocolVersion": ';
    await client.open(uri, text, 'json');
    const lines = text.split('\n');
    const list = await client.completion(uri, { line: lines.length - 1, character: lines[lines.length - 1].length });
    assert.ok(list);
    const sorted = list.items.slice().sort((a, b) => a.sortText!.localeCompare(b.sortText!));
    assert.equal(sorted[0].label, 'TLSv1.2_2021');
    assert.equal((sorted[0].textEdit as TextEdit).newText, '"TLSv1.2_2021"');
    assert.ok(sorted.some((i) => i.label === 'TLSv1' && /weak/.test(i.detail!)));
  });

  it('completes ViewerProtocolPolicy, and nothing elsewhere', async () => {
    const uri = fileUri(path.join(dir, 'complete-vpp.yaml'));
    const text =
      "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  D:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        DefaultCacheBehavior:\n          ViewerProtocolPolicy: re";
    await client.open(uri, text);
    const list = await client.completion(uri, { line: 7, character: 34 });
    assert.ok(list);
    assert.deepEqual(
      list.items
        .filter((i) => /recommended/.test(i.detail!))
        .map((i) => i.label)
        .sort(),
      ['https-only', 'redirect-to-https'],
    );
    const none = await client.completion(uri, { line: 3, character: 10 });
    assert.equal(none, null);
  });
});

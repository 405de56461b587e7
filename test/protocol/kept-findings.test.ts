import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Diagnostic } from 'vscode-languageserver-protocol/node';
import { fileUri } from '../../server/src/uri';
import { listenersYaml, STRONG, WEAK } from './fixtures';
import { codes, LspClient, tempDir } from './lsp-harness';

const WEAK_RULE = 'elbv2-ssl-policy-weak';
const PARSE_ERROR = 'template-parse-error';

function isStale(d: Diagnostic): boolean {
  return (d.data as { stale?: boolean } | undefined)?.stale === true;
}

describe('protocol: findings while the text does not parse', function () {
  let client: LspClient;
  let dir: string;

  before(async () => {
    dir = tempDir('kept');
    client = await LspClient.start({ folders: [dir], settings: { workspaceScan: 'off' }, debounceMs: 0 });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the last good findings on unchanged lines beside the parse error, then publishes fresh ones', async () => {
    const uri = fileUri(path.join(dir, 'typo.yaml'));
    const good = listenersYaml([
      { id: 'First', policy: WEAK },
      { id: 'Second', policy: WEAK },
    ]);
    await client.open(uri, good);
    const v1 = await client.diagnosticsFor(uri, 1);
    const [first, second] = v1.diagnostics.filter((d) => d.code === WEAK_RULE);
    assert.equal(first.range.start.line, 8);
    assert.equal(second.range.start.line, 20);

    // Two lines typed under the first line, one of them an unterminated flow mapping (far from
    // the findings), and the second listener's policy line edited: that finding cannot be kept.
    const lines = good
      .replace("AWSTemplateFormatVersion: '2010-09-09'\n", "AWSTemplateFormatVersion: '2010-09-09'\nDescription: typo\nMetadata: {\n")
      .split('\n');
    assert.equal(lines[22], `      SslPolicy: ${WEAK}`);
    lines[22] = `      SslPolicy: ${STRONG}`;
    const broken = lines.join('\n');
    const since = client.mark();
    const v2 = await client.change(uri, broken);
    const p2 = await client.diagnosticsFor(uri, v2, since);
    assert.ok(codes(p2).includes(PARSE_ERROR), `a parse error: ${codes(p2).join(', ')}`);
    const kept = p2.diagnostics.filter((d) => d.code === WEAK_RULE);
    assert.equal(kept.length, 1, 'only the finding whose lines did not change is kept');
    assert.equal(kept[0].range.start.line, 10, 'moved down by the two lines typed above it');
    assert.equal(kept[0].range.start.character, first.range.start.character);
    assert.ok(isStale(kept[0]));
    assert.match(kept[0].message, /kept from the last version without syntax errors/);
    assert.deepEqual((kept[0].data as { fixes: unknown[] }).fixes, []);
    // No quick fix for a kept finding: its fix was made for the old text.
    const actions = await client.codeActions(uri, kept[0].range, [kept[0]]);
    assert.deepEqual(
      actions.map((a) => a.title),
      [],
    );

    // Fixed: fresh findings, nothing kept.
    const fixed = broken.replace('Metadata: {\n', 'Metadata: {}\n');
    const since3 = client.mark();
    const v3 = await client.change(uri, fixed);
    const p3 = await client.diagnosticsFor(uri, v3, since3);
    assert.ok(!codes(p3).includes(PARSE_ERROR));
    assert.ok(!p3.diagnostics.some(isStale));
    const fresh = p3.diagnostics.filter((d) => d.code === WEAK_RULE);
    assert.equal(fresh.length, 1);
    assert.equal(fresh[0].range.start.line, 10);
    assert.ok((fresh[0].data as { fixes: unknown[] }).fixes.length > 0, 'fresh findings have their fixes');
    await client.close(uri);
  });

  it('keeps nothing once a version that parses has no findings', async () => {
    const uri = fileUri(path.join(dir, 'clean.yaml'));
    await client.open(uri, listenersYaml([{ id: 'L', policy: WEAK }]));
    await client.diagnosticsFor(uri, 1);
    const since = client.mark();
    const v2 = await client.change(uri, listenersYaml([{ id: 'L', policy: STRONG }]));
    assert.deepEqual(codes(await client.diagnosticsFor(uri, v2, since)), []);
    const since3 = client.mark();
    const v3 = await client.change(uri, listenersYaml([{ id: 'L', policy: STRONG }]) + 'Outputs: {\n');
    assert.deepEqual(codes(await client.diagnosticsFor(uri, v3, since3)), [PARSE_ERROR]);
    await client.close(uri);
  });

  it('does not hide findings for a duplicate key, which the parser recovers from', async () => {
    const uri = fileUri(path.join(dir, 'duplicate.yaml'));
    const text = listenersYaml([{ id: 'L', policy: WEAK }]).replace('      Port: 443\n', '      Port: 443\n      Port: 8443\n');
    await client.open(uri, text);
    const p = await client.diagnosticsFor(uri, 1);
    assert.ok(codes(p).includes('template-duplicate-key'), codes(p).join(', '));
    assert.ok(codes(p).includes(WEAK_RULE));
    assert.ok(!codes(p).includes(PARSE_ERROR));
    assert.ok(!p.diagnostics.some(isStale), 'fresh findings, not kept ones');
    await client.close(uri);
  });
});

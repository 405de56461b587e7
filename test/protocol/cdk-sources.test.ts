import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { FileChangeType } from 'vscode-languageserver-protocol/node';
import { fileUri } from '../../server/src/uri';
import { LspClient, tempDir } from './lsp-harness';

/**
 * A CDK app's source in the editor (issue 17, part 1): with its cloud assembly on disk (the
 * fixture's real synthesis), the findings of the stack templates show on the lines of app.ts
 * that create the constructs, linked to the template.
 */

const FIXTURE = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'cdk-app');

describe('protocol: CDK app sources', function () {
  let client: LspClient;
  let dir: string;

  before(async () => {
    dir = tempDir('cdk');
    fs.cpSync(FIXTURE, dir, { recursive: true });
    client = await LspClient.start({ folders: [dir], settings: { workspaceScan: 'off' }, debounceMs: 0 });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("shows each stack's findings on the line that created the construct, with the template as related information", async () => {
    const file = path.join(dir, 'app.ts');
    const uri = fileUri(file);
    const text = fs.readFileSync(file, 'utf8');
    await client.open(uri, text, 'typescript');
    const p = await client.diagnosticsFor(uri, 1);
    const weak = p.diagnostics.filter((d) => d.code === 'elbv2-ssl-policy-weak');
    assert.equal(weak.length, 2, 'one per stack: WebStack and Prod/Web');
    const line = text.split('\n')[20];
    assert.deepEqual(weak[0].range, { start: { line: 20, character: 4 }, end: { line: 20, character: line.trimEnd().length } });
    assert.match(weak[0].message, /\(construct (WebStack|Prod\/Web)\/HttpsListener\/Resource, in the synthesised template of (WebStack|Prod\/Web)\)$/);
    const related = weak[0].relatedInformation![0];
    assert.match(related.location.uri, /cdk\.out\/(assembly-Prod\/)?\w+\.template\.json$/);
    assert.ok(related.location.range.start.line > 400, 'the SslPolicy line in the template');
    // The stacks' regions: certificate-region only for the stage in eu-west-1.
    const region = p.diagnostics.filter((d) => d.code === 'certificate-region');
    assert.equal(region.length, 1);
    assert.match(region[0].message, /Prod\/Web/);
    const actions = await client.codeActions(uri, weak[0].range, [weak[0]]);
    assert.ok(!actions.some((a) => a.edit), 'no edit of the source: it is not a template');
  });

  it('a new synth (the assembly changes on disk) refreshes them; a source outside any CDK app gets none', async () => {
    const file = path.join(dir, 'app.ts');
    const uri = fileUri(file);
    const template = path.join(dir, 'cdk.out', 'WebStack.template.json');
    fs.writeFileSync(template, fs.readFileSync(template, 'utf8').replace(/ELBSecurityPolicy-TLS-1-1-2017-01/g, 'ELBSecurityPolicy-TLS13-1-2-Res-2021-06'));
    const since = client.mark();
    await client.filesChanged([{ path: template, type: FileChangeType.Changed }]);
    const p = await client.nextDiagnostics(uri, since, () => true, 'diagnostics after the synth');
    assert.equal(p.diagnostics.filter((d) => d.code === 'elbv2-ssl-policy-weak').length, 1, 'only Prod/Web keeps the weak policy');

    const other = tempDir('not-cdk');
    const plain = fileUri(path.join(other, 'index.ts'));
    await client.open(plain, "export const x = 'ELBSecurityPolicy-2016-08';\n", 'typescript');
    assert.deepEqual((await client.diagnosticsFor(plain, 1)).diagnostics, []);
  });
});

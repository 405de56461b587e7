import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { InlayHint } from 'vscode-languageserver-protocol/node';
import { fileUri } from '../../server/src/uri';
import { LspClient, tempDir } from './lsp-harness';

/**
 * Environments in the editor (issue 17, part 4): the config's `environments` lint an open template
 * once per environment, and inlay hints show what each property written through an intrinsic
 * resolves to per environment (or per scenario), with the TLS floor of a policy.
 */

const PARAMETERS = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'parameters');
const read = (name: string): string => fs.readFileSync(path.join(PARAMETERS, name), 'utf8');

describe('protocol: environments and value hints', function () {
  let client: LspClient;
  let dir: string;

  before(async () => {
    dir = tempDir('environments');
    fs.mkdirSync(path.join(dir, 'stacks'));
    fs.mkdirSync(path.join(dir, 'params'));
    fs.writeFileSync(path.join(dir, 'stacks', 'web.yaml'), read('template.yaml'));
    fs.writeFileSync(path.join(dir, 'loose.yaml'), read('template.yaml'));
    fs.writeFileSync(path.join(dir, 'params', 'prod.json'), read('prod.json'));
    fs.writeFileSync(path.join(dir, 'params', 'legacy.json'), read('legacy-pipeline.json'));
    fs.writeFileSync(
      path.join(dir, '.cfn-tls-lint.yaml'),
      'environments:\n  prod: { parameters: params/prod.json, templates: ["stacks/**"] }\n  legacy: { parameters: params/legacy.json, templates: ["stacks/**"] }\n',
    );
    client = await LspClient.start({ folders: [dir], settings: { workspaceScan: 'off' }, debounceMs: 0 });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const hints = (uri: string): Promise<InlayHint[]> =>
    client.conn.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } } });

  it("an environment's template: findings name their environment; hints show each environment's value and floor", async () => {
    const uri = fileUri(path.join(dir, 'stacks', 'web.yaml'));
    const text = read('template.yaml');
    await client.open(uri, text);
    const p = await client.diagnosticsFor(uri, 1);
    assert.deepEqual(
      p.diagnostics.map((d) => [d.code, / \(in (\w+)\)$/.exec(d.message)?.[1]]),
      [
        ['elbv2-ssl-policy-weak', 'legacy'],
        ['cloudfront-tls-version', 'legacy'],
      ],
    );
    const found = await hints(uri);
    const policyLine = text.split('\n').findIndex((l) => l.includes('SslPolicy: !Ref ListenerPolicy'));
    const policy = found.find((h) => h.position.line === policyLine)!;
    assert.equal(policy.label, 'prod: ELBSecurityPolicy-TLS13-1-2-2021-06 (TLS 1.2) · legacy: ELBSecurityPolicy-2016-08 (TLS 1.0) ⚠');
    assert.equal(policy.position.character, text.split('\n')[policyLine].length, 'after the written value');
    const tlsLine = text.split('\n').findIndex((l) => l.includes('MinimumProtocolVersion'));
    assert.equal(found.find((h) => h.position.line === tlsLine)!.label, 'prod: TLSv1.2_2021 (TLS 1.2) · legacy: TLSv1 (TLS 1.0) ⚠');
    // prod.json gives the certificate; legacy gives none and the parameter has no Default.
    const certLine = text.split('\n').findIndex((l) => l.includes('- CertificateArn: !Ref CertificateArn'));
    assert.match(String(found.find((h) => h.position.line === certLine)!.label), /^prod: arn:aws:acm:.* · legacy: \?$/);
  });

  it('a template no environment deploys: its own defaults, per scenario; unknown values get no hint', async () => {
    const uri = fileUri(path.join(dir, 'loose.yaml'));
    const text = read('template.yaml');
    await client.open(uri, text);
    const p = await client.diagnosticsFor(uri, 1);
    assert.ok(p.diagnostics.every((d) => !/ \(in \w+\)$/.test(d.message)));
    const found = await hints(uri);
    const lines = text.split('\n');
    const label = (needle: string): unknown => found.find((h) => h.position.line === lines.findIndex((l) => l.includes(needle)))?.label;
    assert.equal(label('SslPolicy: !Ref'), '= ELBSecurityPolicy-TLS13-1-2-2021-06 (TLS 1.2) | ELBSecurityPolicy-TLS13-1-2-Res-2021-06 (TLS 1.2)');
    assert.equal(label('MinimumProtocolVersion'), '!IsProd: TLSv1 (TLS 1.0) ⚠ · IsProd: TLSv1.2_2021 (TLS 1.2)');
    assert.equal(label('LoadBalancerArn: !ImportValue'), undefined, 'an import is not known');
    assert.equal(label('CertificateArn: !Ref CertificateArn'), undefined, 'a parameter without a Default');
  });
});

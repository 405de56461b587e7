import { strict as assert } from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { FileChangeType } from 'vscode-languageserver-protocol/node';
import { floorGroup } from '../../rules/src/inventory/summary';
import type { InventoryReport } from '../../rules/src/inventory/model';
import type { EditorInventoryReport, EditorTemplateInventory, InventoryParams, LspRange } from '../../server/src/protocol';
import { fileUri } from '../../server/src/uri';
import { copyDir, CORPUS, LspClient, REPO, sameUri, tempDir } from './lsp-harness';

const REQUEST = 'cfnTlsLint/inventory';
const CHANGED = 'cfnTlsLint/inventoryChanged';
const FIXTURES = path.join(REPO, 'test', 'fixtures', 'inventory');

function scanFinished(client: LspClient, since: number): Promise<unknown> {
  return client.waitFor(
    'the end of the scan',
    () => client.notifications.slice(since).find((n) => n.method === 'cfnTlsLint/scan' && (n.params as { state: string }).state === 'finished'),
    60000,
  );
}

function changes(client: LspClient, since = 0): number {
  return client.notifications.slice(since).filter((n) => n.method === CHANGED).length;
}

function inventoryChanged(client: LspClient, since: number): Promise<unknown> {
  return client.waitFor('an inventoryChanged notification', () => client.notifications.slice(since).find((n) => n.method === CHANGED), 15000);
}

function request(client: LspClient, params: InventoryParams = {}): Promise<EditorInventoryReport> {
  return client.conn.sendRequest(REQUEST, params) as Promise<EditorInventoryReport>;
}

function template(report: EditorInventoryReport, file: string): EditorTemplateInventory {
  const t = report.templates.find((x) => x.file === file);
  assert.ok(t, `${file} in ${report.templates.map((x) => x.file).join(', ')}`);
  return t;
}

/** The text a range covers in a file's text. */
function textAt(text: string, r: LspRange): string {
  const lines = text.split('\n');
  if (r.start.line === r.end.line) return lines[r.start.line].slice(r.start.character, r.end.character);
  return [lines[r.start.line].slice(r.start.character), ...lines.slice(r.start.line + 1, r.end.line), lines[r.end.line].slice(0, r.end.character)].join('\n');
}

function assertInside(text: string, r: LspRange, what: string): void {
  const lines = text.split('\n');
  const ok = (p: { line: number; character: number }): boolean =>
    p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length;
  assert.ok(ok(r.start) && ok(r.end), `${what}: ${JSON.stringify(r)} inside the file`);
  assert.ok(r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character), `${what}: ${JSON.stringify(r)} ordered`);
}

/** The report without the editor's fields: what the CLI's `--inventory --format json` prints. */
function withoutEditorFields(report: EditorInventoryReport): InventoryReport {
  return JSON.parse(JSON.stringify(report, (k, v) => (k === 'range' || k === 'uri' || k === 'folderUri' ? undefined : v))) as InventoryReport;
}

/** Lists (and nested lists) in a canonical order. */
function unordered(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(unordered).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, unordered(x)]));
  return v;
}

describe('protocol: inventory request', function () {
  this.timeout(120000);
  let dir: string;
  let client: LspClient;
  const web = (): string => path.join(dir, 'stacks', 'web.yaml');

  before(async () => {
    dir = tempDir('inventory-view');
    // Part of the corpus (a path with `@`, classic and network load balancers, plain HTTP), and the inventory fixtures.
    copyDir(path.join(CORPUS, 'aws-cloudformation-templates', 'Solutions', 'CloudFrontCustomOriginLambda@Edge'), path.join(dir, 'cf@edge'));
    copyDir(path.join(CORPUS, 'aws-cloudformation-templates', 'ElasticLoadBalancing'), path.join(dir, 'elb'));
    fs.copyFileSync(path.join(CORPUS, 'aws-cloudformation-templates', 'AutoScaling', 'AutoScalingMultiAZWithNotifications.yaml'), path.join(dir, 'asg.yaml'));
    fs.mkdirSync(path.join(dir, 'stacks'));
    for (const f of ['web.yaml', 'platform.yaml', 'services.json', 'serverless.yaml']) fs.copyFileSync(path.join(FIXTURES, f), path.join(dir, 'stacks', f));
    fs.writeFileSync(path.join(dir, 'stacks', 'not-a-template.yaml'), 'apiVersion: v1\nkind: ConfigMap\n');
    client = await LspClient.start({ folders: [dir] });
    await scanFinished(client, 0);
  });

  after(async () => {
    await client?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('announces nothing before a client asks for the inventory', () => {
    assert.equal(changes(client), 0);
  });

  it('returns the inventory of the scanned workspace: schema v1, the CLI findings, and ranges', async () => {
    const report = await request(client);
    assert.equal(report.version, 1);
    const files = report.templates.map((t) => t.file);
    assert.deepEqual(
      files,
      [...files].sort((a, b) => a.localeCompare(b)),
      'in name order',
    );
    assert.ok(files.includes('cf@edge/CloudFront.yaml') && files.includes('elb/ELBStickinessSample.json') && files.includes('asg.yaml'));
    assert.ok(!files.includes('stacks/not-a-template.yaml'), 'files that are not templates are left out');

    // The same inventory as the CLI's on the same files (the editor fields aside).
    const cli = JSON.parse(
      execFileSync(process.execPath, [path.join(REPO, 'bin', 'cfn-tls-lint.js'), '--inventory', '--format', 'json', '.'], { cwd: dir, encoding: 'utf8' }),
    ) as InventoryReport;
    const plain = withoutEditorFields(report);
    const byFile = new Map(cli.templates.map((t) => [t.file, t]));
    assert.deepEqual(plain.templates.map((t) => t.file).sort(), [...byFile.keys()].sort());
    for (const t of plain.templates) assert.deepEqual(t, byFile.get(t.file), t.file);
    // The summary's lists follow the order of the templates: the CLI's walk, the server's names.
    assert.deepEqual(unordered(plain.summary), unordered(cli.summary), 'summary');

    // Certificates and a known consumer.
    const w = template(report, 'stacks/web.yaml');
    assert.equal(w.uri, fileUri(web()));
    assert.ok(w.folderUri && sameUri(w.folderUri, fileUri(dir)));
    assert.deepEqual(w.certificates.map((c) => c.key).slice(0, 2), ['resource:SiteCertificate', 'resource:AdminCertificate']);
    assert.equal(w.certificates.length, 3, 'two ACM resources and the CloudFront literal ARN');
    const text = fs.readFileSync(web(), 'utf8');
    const site = w.certificates[0];
    assert.equal(textAt(text, site.range), 'SiteCertificate');
    const consumer = site.consumers.find((u) => u.endpoint === 'HttpsListener');
    assert.ok(consumer, 'HttpsListener uses SiteCertificate');
    assert.equal(textAt(text, consumer.range), '!Ref SiteCertificate');
    assert.equal(consumer.range.start.line + 1, consumer.line);
    const wildcard = site.findings.find((f) => f.rule === 'acm-wildcard-production');
    assert.ok(wildcard);
    assert.equal(textAt(text, wildcard.range), "'*.example.com'");

    // Endpoints by TLS floor: the policy's AllowedValues admit TLS 1.1; the HTTP listener is plain.
    const floor = (t: EditorTemplateInventory, key: string): string => floorGroup(t.endpoints.find((e) => e.key === key)!);
    assert.equal(floor(w, 'HttpsListener'), '1.1');
    assert.equal(floor(w, 'HttpListener'), 'plaintext');
    assert.equal(floor(w, 'Cdn'), '1.2');
    assert.equal(floor(template(report, 'cf@edge/CloudFront.yaml'), 'CloudFrontDistribution'), 'SSLv3');
    assert.equal(floor(template(report, 'elb/ELBStickinessSample.yaml'), 'ElasticLoadBalancer.Listeners[0]'), 'plaintext');
    assert.equal(textAt(text, w.endpoints.find((e) => e.key === 'HttpsListener')!.range), 'HttpsListener');

    // Every range is inside its file, where the entry's line says.
    let ranges = 0;
    for (const t of report.templates) {
      assert.ok(t.uri.startsWith('file:///'), t.uri);
      const body = fs.readFileSync(path.join(dir, t.file), 'utf8');
      const check = (x: { range: LspRange; line: number }, what: string): void => {
        assertInside(body, x.range, `${t.file} ${what}`);
        assert.equal(x.range.start.line + 1, x.line, `${t.file} ${what} line`);
        ranges++;
      };
      for (const c of t.certificates) {
        check(c, c.key);
        c.consumers.forEach((u) => check(u, `${c.key} <- ${u.endpoint}`));
        c.findings.forEach((f) => check(f, `${c.key} ${f.rule}`));
      }
      for (const e of t.endpoints) {
        check(e, e.key);
        e.findings.forEach((f) => check(f, `${e.key} ${f.rule}`));
      }
    }
    assert.ok(ranges > 50, `${ranges} ranges checked`);
  });

  it('filters by workspace folder', async () => {
    assert.ok((await request(client, { folderUri: fileUri(dir) })).templates.length > 5);
    const none = await request(client, { folderUri: fileUri(path.join(dir, 'elsewhere')) });
    assert.deepEqual([none.templates.length, none.summary.certificates], [0, 0]);
  });

  it('follows a file changed on disk, with one debounced notification', async () => {
    await request(client);
    const since = client.notifications.length;
    const before = fs.readFileSync(web(), 'utf8');
    const after = before
      .replace('SslPolicy: !Ref LegacyPolicy', 'SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06')
      .replace(
        'Resources:\n',
        'Resources:\n  ApiCertificate:\n    Type: AWS::CertificateManager::Certificate\n    Properties:\n      DomainName: api.example.com\n      ValidationMethod: DNS\n\n',
      );
    assert.notEqual(after, before);
    fs.writeFileSync(web(), after);
    await client.filesChanged([{ path: web(), type: FileChangeType.Changed }]);
    await inventoryChanged(client, since);
    const report = await request(client);
    const w = template(report, 'stacks/web.yaml');
    assert.equal(w.certificates.length, 4);
    const api = w.certificates.find((c) => c.key === 'resource:ApiCertificate')!;
    assert.deepEqual(api.domains, ['api.example.com']);
    assert.equal(textAt(after, api.range), 'ApiCertificate');
    assert.equal(floorGroup(w.endpoints.find((e) => e.key === 'HttpsListener')!), '1.2');
    // Ranges follow the new text.
    const consumer = w.certificates.find((c) => c.key === 'resource:SiteCertificate')!.consumers[0];
    assert.equal(textAt(after, consumer.range), '!Ref SiteCertificate');
    // Debounced: one change, one notification.
    await new Promise((r) => setTimeout(r, 1000));
    assert.equal(changes(client, since), 1);
  });

  it('prefers an open editor over the disk, and goes back to the disk on close', async () => {
    const uri = fileUri(web());
    const disk = fs.readFileSync(web(), 'utf8');
    const since = client.notifications.length;
    const edited = disk.replace(/ {2}AdminCertificate:\n(?: {4}.*\n| *\n)*/, '');
    assert.notEqual(edited, disk);
    await client.open(uri, edited);
    await inventoryChanged(client, since);
    let w = template(await request(client), 'stacks/web.yaml');
    assert.ok(sameUri(w.uri, uri));
    assert.ok(!w.certificates.some((c) => c.key === 'resource:AdminCertificate'), 'the buffer, not the disk');
    const closed = client.notifications.length;
    await client.close(uri);
    await inventoryChanged(client, closed);
    w = template(await request(client), 'stacks/web.yaml');
    assert.ok(
      w.certificates.some((c) => c.key === 'resource:AdminCertificate'),
      'the disk again',
    );
  });

  it('drops a deleted file', async () => {
    const since = client.notifications.length;
    fs.rmSync(web());
    await client.filesChanged([{ path: web(), type: FileChangeType.Deleted }]);
    await inventoryChanged(client, since);
    const report = await request(client);
    assert.ok(!report.templates.some((t) => t.file === 'stacks/web.yaml'));
    assert.ok(report.templates.some((t) => t.file === 'stacks/platform.yaml'));
  });

  it('keeps the Markdown command on the same inventory', async () => {
    const r = (await client.executeCommand('cfn-tls-lint.inventory')) as { markdown: string };
    // One table per kind with a template column, the summary first, no empty sections.
    assert.match(r.markdown, /^# TLS certificate and endpoint inventory\n\n\d+ templates?, /);
    assert.ok(r.markdown.indexOf('## Certificates') > r.markdown.indexOf(' endpoint'));
    assert.match(r.markdown, /\| `stacks\/platform\.yaml`(<br>production)? \|/);
    assert.match(r.markdown, /\| `cf@edge\/CloudFront\.yaml`(<br>production)? \|/);
    assert.doesNotMatch(r.markdown, /None\./);
    assert.doesNotMatch(r.markdown, /stacks\/web\.yaml/);
  });
});

describe('protocol: inventory request, multi-root', function () {
  this.timeout(60000);
  it('names templates by folder and filters by folderUri', async () => {
    const a = tempDir('inv-rootA');
    const b = tempDir('inv-rootB');
    fs.copyFileSync(path.join(FIXTURES, 'web.yaml'), path.join(a, 'template.yaml'));
    fs.copyFileSync(path.join(FIXTURES, 'platform.yaml'), path.join(b, 'template.yaml'));
    const client = await LspClient.start({ folders: [a, b] });
    try {
      await scanFinished(client, 0);
      const all = await request(client);
      assert.deepEqual(all.templates.map((t) => t.file).sort(), [`${path.basename(a)}/template.yaml`, `${path.basename(b)}/template.yaml`].sort());
      const onlyB = await request(client, { folderUri: fileUri(b) });
      assert.deepEqual(
        onlyB.templates.map((t) => t.file),
        [`${path.basename(b)}/template.yaml`],
      );
      assert.equal(onlyB.summary.templates, 1, 'the summary is of the folder');
      assert.ok(onlyB.templates[0].certificates.some((c) => c.key === 'resource:InternalCa'));
    } finally {
      await client.stop();
      fs.rmSync(a, { recursive: true, force: true });
      fs.rmSync(b, { recursive: true, force: true });
    }
  });
});

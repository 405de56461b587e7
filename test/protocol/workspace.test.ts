import { strict as assert } from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { FileChangeType, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { fileUri } from '../../server/src/uri';
import { listenersYaml, STRONG, WEAK } from './fixtures';
import { codes, copyDir, CORPUS, LspClient, ProgressEvent, REPO, sameUri, tempDir } from './lsp-harness';

const WEAK_RULE = 'elbv2-ssl-policy-weak';
const MISSING_RULE = 'elbv2-ssl-policy-missing';

/** The latest publish per file, after index `since`. */
function latest(client: LspClient, since = 0): Map<string, PublishDiagnosticsParams> {
  const out = new Map<string, PublishDiagnosticsParams>();
  for (const p of client.diagnostics.slice(since)) out.set(decodeURIComponent(p.uri), p);
  return out;
}

function scanFinished(client: LspClient, since: number): Promise<{ state: string; files: number; templates: number; problems: number; truncated: boolean }> {
  return client.waitFor(
    'the end of the scan',
    () => client.notifications.slice(since).find((n) => n.method === 'cfnTlsLint/scan' && (n.params as { state: string }).state !== 'started')?.params as never,
    60000,
  );
}

/** The first scan after notification index `since` that ran to its end (earlier ones may be cancelled and taken over). */
function scanCompleted(client: LspClient, since: number): Promise<unknown> {
  return client.waitFor(
    'a completed scan',
    () => client.notifications.slice(since).find((n) => n.method === 'cfnTlsLint/scan' && (n.params as { state: string }).state === 'finished'),
    60000,
  );
}

function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

describe('protocol: workspace scan', function () {
  this.timeout(120000);
  let dir: string;

  before(() => {
    dir = tempDir('scan');
    // Part of the corpus, plus files the scan must skip.
    copyDir(path.join(CORPUS, 'aws-cloudformation-templates', 'ElasticLoadBalancing'), path.join(dir, 'elb'));
    copyDir(path.join(CORPUS, 'aws-cloudformation-templates', 'ECS'), path.join(dir, 'ecs'));
    copyDir(path.join(CORPUS, 'ecs-refarch-cloudformation'), path.join(dir, 'refarch'));
    const weak = listenersYaml([{ id: 'L', policy: WEAK }]);
    write(path.join(dir, 'app', 'weak.yaml'), weak);
    write(path.join(dir, 'node_modules', 'pkg', 'weak.yaml'), weak);
    write(path.join(dir, 'ignored', 'weak.yaml'), weak);
    write(path.join(dir, '.gitignore'), 'ignored/\n');
    write(path.join(dir, 'build', 'weak.yaml'), weak);
    write(path.join(dir, 'generated', 'weak.yaml'), weak);
    write(path.join(dir, 'skipme', 'weak.yaml'), weak);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('scans on startup with work-done progress, honouring the excludes, with the CLI findings', async () => {
    const client = await LspClient.start({
      folders: [dir],
      settings: { exclude: ['skipme/**'] },
      filesExclude: { '**/build': true },
      searchExclude: { '**/generated': true },
    });
    try {
      const done = await scanFinished(client, 0);
      assert.equal(done.state, 'finished');
      // Progress: created by the server, begin (cancellable), report, end.
      assert.equal(client.progressCreated.length, 1);
      const events = client.progress.filter((p) => p.token === client.progressCreated[0]).map((p) => p.value);
      assert.equal(events[0].kind, 'begin');
      assert.equal(events[0].cancellable, true);
      assert.ok(events.some((e) => e.kind === 'report'));
      assert.equal(events[events.length - 1].kind, 'end');

      const got = latest(client);
      const published = (rel: string) => got.get(decodeURIComponent(fileUri(path.join(dir, rel))));
      assert.deepEqual(codes(published('app/weak.yaml')!), [WEAK_RULE]);
      for (const skipped of ['node_modules/pkg/weak.yaml', 'ignored/weak.yaml', 'build/weak.yaml', 'generated/weak.yaml', 'skipme/weak.yaml']) {
        assert.equal(published(skipped), undefined, `${skipped} is excluded`);
      }
      // Same findings as the CLI on the same files.
      const cli = JSON.parse(
        execFileSync(process.execPath, [path.join(REPO, 'bin', 'cfn-tls-lint.js'), '--format', 'json', 'elb', 'ecs', 'refarch', 'app'], {
          cwd: dir,
          encoding: 'utf8',
        }).toString(),
      ) as { files: { path: string; diagnostics: { rule: string; range: { start: { line: number; character: number } } }[] }[] };
      let compared = 0;
      for (const f of cli.files) {
        const p = published(f.path);
        const expected = f.diagnostics.map((d) => `${d.rule}@${d.range.start.line}:${d.range.start.character}`).sort();
        const actual = (p?.diagnostics ?? []).map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`).sort();
        assert.deepEqual(actual, expected, f.path);
        if (expected.length) compared++;
      }
      assert.ok(compared >= 3, `${compared} files with findings compared`);
      assert.equal(done.files, cli.files.length);
    } finally {
      await client.stop();
    }
  });

  it('stops at cfnTlsLint.maxScanFiles and says so', async () => {
    const client = await LspClient.start({ folders: [dir], settings: { maxScanFiles: 3 } });
    try {
      const done = await scanFinished(client, 0);
      assert.equal(done.truncated, true);
      assert.equal(done.files, 3);
      assert.ok(client.messages.some((m) => /maxScanFiles/.test(m.message)));
    } finally {
      await client.stop();
    }
  });

  it('reports what it could not read in the scan summary and a message (a .gitignore that is a FIFO)', async () => {
    const own = tempDir('scan-unreadable');
    write(path.join(own, 'app', 'weak.yaml'), listenersYaml([{ id: 'L', policy: WEAK }]));
    execFileSync('mkfifo', [path.join(own, 'app', '.gitignore')]);
    const client = await LspClient.start({ folders: [own] });
    try {
      const done = (await scanFinished(client, 0)) as unknown as { state: string; files: number; unreadable: { path: string; reason: string }[] };
      assert.equal(done.state, 'finished');
      assert.equal(done.files, 1, 'the rest is still scanned');
      assert.deepEqual(done.unreadable, [{ path: path.join(own, 'app', '.gitignore'), reason: 'cannot read ignore file: not a regular file (a FIFO)' }]);
      assert.ok(
        client.messages.some((m) => /could not read app\/\.gitignore/.test(m.message)),
        JSON.stringify(client.messages),
      );
    } finally {
      await client.stop();
      fs.rmSync(own, { recursive: true, force: true });
    }
  });

  it('does not scan with workspaceScan onCommand until asked, then scans on the command', async () => {
    const client = await LspClient.start({ folders: [dir], settings: { workspaceScan: 'onCommand' } });
    try {
      const uri = fileUri(path.join(dir, 'open.yaml'));
      await client.open(uri, listenersYaml([{ id: 'L' }]));
      await client.diagnosticsFor(uri, 1);
      assert.ok(!client.notifications.some((n) => n.method === 'cfnTlsLint/scan'), 'no scan on startup');
      const summary = (await client.executeCommand('cfn-tls-lint.scanWorkspace')) as { files: number; templates: number; problems: number; cancelled: boolean };
      assert.equal(summary.cancelled, false);
      assert.ok(summary.templates > 10 && summary.problems > 0, JSON.stringify(summary));
    } finally {
      await client.stop();
    }
  });
});

describe('protocol: scan cancellation and responsiveness', function () {
  this.timeout(120000);
  let dir: string;
  before(() => {
    dir = tempDir('corpus');
    copyDir(CORPUS, dir);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('answers requests while scanning, and stops when the user cancels', async () => {
    const client = await LspClient.start({ folders: [dir] });
    try {
      const token = await client.waitFor('progress begin', () => client.progress.find((p) => p.value.kind === 'begin')?.token);
      // The server keeps answering during the scan.
      const uri = 'untitled:busy';
      await client.open(uri, listenersYaml([{ id: 'L', policy: WEAK }]));
      const t0 = Date.now();
      await client.diagnosticsFor(uri, 1);
      await client.hover(uri, { line: 8, character: 20 });
      const latency = Date.now() - t0;
      assert.ok(latency < 1500, `lint + hover took ${latency} ms during the scan`);
      await client.waitFor('a progress report', () =>
        client.progress.find((p) => p.token === token && p.value.kind === 'report' && /files/.test(p.value.message ?? '')),
      );
      await client.cancelProgress(token);
      const end = await client.waitFor('progress end', () => client.progress.find((p: ProgressEvent) => p.token === token && p.value.kind === 'end'));
      assert.ok(end);
      const done = await scanFinished(client, 0);
      assert.equal(done.state, 'cancelled');
      const total = Number(
        execFileSync('sh', ['-c', `find . -name '*.yaml' -o -name '*.yml' -o -name '*.json' -o -name '*.template' | wc -l`], { cwd: dir, encoding: 'utf8' })
          .toString()
          .trim(),
      );
      assert.ok(done.files < total, `cancelled after ${done.files} of ${total} files`);
    } finally {
      await client.stop();
    }
  });

  it("the scan command reports on the request's workDoneToken, and $/cancelRequest stops it", async () => {
    const client = await LspClient.start({ folders: [dir], settings: { workspaceScan: 'onCommand' } });
    try {
      const workDoneToken = 'client-scan-1';
      const reported = client.waitFor('a report on the client token', () =>
        client.progress.find((p) => p.token === workDoneToken && p.value.kind === 'report' && /files/.test(p.value.message ?? '')),
      );
      const answer = await client.requestCancelled(
        'workspace/executeCommand',
        { command: 'cfn-tls-lint.scanWorkspace', arguments: [], workDoneToken },
        reported,
      );
      const summary = answer.result as { cancelled: boolean; files: number };
      assert.ok(summary, `a summary, not an error: ${JSON.stringify(answer.error)}`);
      assert.equal(summary.cancelled, true);
      const events = client.progress.filter((p) => p.token === workDoneToken).map((p) => p.value.kind);
      assert.equal(events[0], 'begin');
      assert.equal(events[events.length - 1], 'end');
      assert.equal(client.progressCreated.length, 0, "no server-created progress besides the client's");
    } finally {
      await client.stop();
    }
  });
});

describe('protocol: watchers, config and settings', function () {
  this.timeout(60000);
  let dir: string;
  let client: LspClient;

  before(async () => {
    dir = tempDir('watch');
    write(path.join(dir, 'stacks', 'a.yaml'), listenersYaml([{ id: 'L', policy: WEAK }]));
    write(path.join(dir, 'stacks', 'b.yaml'), listenersYaml([{ id: 'L' }]));
    client = await LspClient.start({ folders: [dir], debounceMs: 0 });
    await scanFinished(client, 0);
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const uriOf = (rel: string): string => fileUri(path.join(dir, rel));

  it('registers file watchers', () => {
    const globs = client.registrations.flatMap((r) => r.registrations).filter((r) => r.method === 'workspace/didChangeWatchedFiles');
    assert.equal(globs.length, 1);
  });

  it('lints created and changed files, and clears deleted ones', async () => {
    const file = path.join(dir, 'stacks', 'new.yaml');
    let since = client.mark();
    write(file, listenersYaml([{ id: 'L', policy: WEAK }]));
    await client.filesChanged([{ path: file, type: FileChangeType.Created }]);
    let p = await client.nextDiagnostics(uriOf('stacks/new.yaml'), since);
    assert.deepEqual(codes(p), [WEAK_RULE]);
    assert.equal(p.version, undefined, 'a closed file has no version');

    since = client.mark();
    write(file, listenersYaml([{ id: 'L', policy: STRONG }]));
    await client.filesChanged([{ path: file, type: FileChangeType.Changed }]);
    p = await client.nextDiagnostics(uriOf('stacks/new.yaml'), since);
    assert.deepEqual(codes(p), []);

    write(file, listenersYaml([{ id: 'L', policy: WEAK }]));
    since = client.mark();
    await client.filesChanged([{ path: file, type: FileChangeType.Changed }]);
    await client.nextDiagnostics(uriOf('stacks/new.yaml'), since, (x) => x.diagnostics.length === 1);
    since = client.mark();
    fs.rmSync(file);
    await client.filesChanged([{ path: file, type: FileChangeType.Deleted }]);
    p = await client.nextDiagnostics(uriOf('stacks/new.yaml'), since);
    assert.deepEqual(codes(p), []);
  });

  it('clears every file of a deleted folder', async () => {
    const sub = path.join(dir, 'gone');
    write(path.join(sub, 'x.yaml'), listenersYaml([{ id: 'L', policy: WEAK }]));
    let since = client.mark();
    await client.filesChanged([{ path: path.join(sub, 'x.yaml'), type: FileChangeType.Created }]);
    await client.nextDiagnostics(uriOf('gone/x.yaml'), since, (x) => x.diagnostics.length === 1);
    since = client.mark();
    fs.rmSync(sub, { recursive: true });
    await client.filesChanged([{ path: sub, type: FileChangeType.Deleted }]);
    const p = await client.nextDiagnostics(uriOf('gone/x.yaml'), since);
    assert.deepEqual(codes(p), []);
  });

  it("keeps an open editor's diagnostics over the disk's, and restores the disk's on close", async () => {
    const rel = 'stacks/a.yaml';
    const uri = uriOf(rel);
    let since = client.mark();
    await client.open(uri, listenersYaml([{ id: 'L', policy: STRONG }]));
    await client.diagnosticsFor(uri, 1, since);
    since = client.mark();
    await client.filesChanged([{ path: path.join(dir, rel), type: FileChangeType.Changed }]);
    await client.hover(uri, { line: 0, character: 0 });
    assert.equal(client.diagnostics.slice(since).filter((p) => sameUri(p.uri, uri)).length, 0, 'the disk copy is not published over the editor');
    since = client.mark();
    await client.close(uri);
    const p = await client.nextDiagnostics(uri, since);
    assert.deepEqual(codes(p), [WEAK_RULE], 'closing brings back the file on disk, not an empty list');
  });

  it('reloads .cfn-tls-lint.yaml: open and scanned files are re-linted', async () => {
    const uri = uriOf('stacks/open.yaml');
    await client.open(uri, listenersYaml([{ id: 'L', policy: WEAK }, { id: 'M' }]));
    const first = await client.diagnosticsFor(uri, 1);
    assert.deepEqual(codes(first).sort(), [MISSING_RULE, WEAK_RULE]);
    const config = path.join(dir, '.cfn-tls-lint.yaml');
    const since = client.mark();
    const scans = client.notifications.length;
    write(config, 'rules:\n  elbv2-ssl-policy-weak: off\n');
    await client.filesChanged([{ path: config, type: FileChangeType.Created }]);
    const open = await client.nextDiagnostics(uri, since);
    assert.deepEqual(codes(open), [MISSING_RULE]);
    await scanCompleted(client, scans);
    assert.deepEqual(codes(latest(client).get(decodeURIComponent(uriOf('stacks/a.yaml')))!), []);
    await client.close(uri);
  });

  it('puts a broken config on the config file and tells the user, then clears it when fixed', async () => {
    const config = path.join(dir, '.cfn-tls-lint.yaml');
    let since = client.mark();
    const messages = client.messages.length;
    write(config, 'rules:\n  elbv2-ssl-policy-weak: off\n  no-such-rule: error\n');
    await client.filesChanged([{ path: config, type: FileChangeType.Changed }]);
    const p = await client.nextDiagnostics(fileUri(config), since);
    assert.equal(p.diagnostics.length, 1);
    assert.equal(p.diagnostics[0].range.start.line, 2);
    assert.match(p.diagnostics[0].message, /no-such-rule/);
    await client.waitFor('a warning', () => client.messages.slice(messages).find((m) => /no-such-rule/.test(m.message)));
    // The valid part still applies.
    const scanned = latest(client).get(decodeURIComponent(uriOf('stacks/a.yaml')));
    assert.deepEqual(codes(scanned!), []);
    since = client.mark();
    const scans = client.notifications.length;
    fs.rmSync(config);
    await client.filesChanged([{ path: config, type: FileChangeType.Deleted }]);
    const cleared = await client.nextDiagnostics(fileUri(config), since);
    assert.deepEqual(cleared.diagnostics, []);
    await scanCompleted(client, scans);
    assert.deepEqual(codes(latest(client).get(decodeURIComponent(uriOf('stacks/a.yaml')))!), [WEAK_RULE]);
  });

  it('validates an open .cfn-tls-lint.yaml as it is typed', async () => {
    const config = path.join(dir, 'sub', '.cfn-tls-lint.yaml');
    const uri = fileUri(config);
    await client.open(uri, 'rules:\n  elbv2-ssl-policy-weak: warning\n');
    assert.deepEqual((await client.diagnosticsFor(uri, 1)).diagnostics, []);
    const since = client.mark();
    const v = await client.change(uri, 'rules:\n  elbv2-ssl-policy-weak: loud\n');
    const p = await client.diagnosticsFor(uri, v, since);
    assert.equal(p.diagnostics.length, 1);
    assert.equal(p.diagnostics[0].range.start.line, 1);
    assert.match(p.diagnostics[0].message, /severity/);
    await client.close(uri);
  });

  it('re-applies settings on change without a restart', async () => {
    const uri = uriOf('stacks/settings.yaml');
    await client.open(uri, listenersYaml([{ id: 'L' }]));
    const first = await client.diagnosticsFor(uri, 1);
    assert.deepEqual(codes(first), [MISSING_RULE]);
    const since = client.mark();
    const scans = client.notifications.length;
    client.settings = { rules: { 'elbv2-ssl-policy-missing': 'off' } };
    await client.settingsChanged();
    const after = await client.nextDiagnostics(uri, since);
    assert.deepEqual(codes(after), []);
    await scanCompleted(client, scans);
    assert.deepEqual(codes(latest(client).get(decodeURIComponent(uriOf('stacks/b.yaml')))!), []);
    // A bad value is reported; the valid rest still applies.
    const messages = client.messages.length;
    client.settings = { rules: { 'elbv2-ssl-policy-missing': 'off', 'no-such-rule': 'error' } };
    await client.settingsChanged();
    await client.waitFor('a warning about the setting', () => client.messages.slice(messages).find((m) => /cfnTlsLint\.rules.*no-such-rule/.test(m.message)));
    const back = client.notifications.length;
    client.settings = {};
    await client.settingsChanged();
    await scanCompleted(client, back);
    assert.deepEqual(codes(latest(client).get(decodeURIComponent(uriOf('stacks/b.yaml')))!), [MISSING_RULE]);
    await client.close(uri);
  });
});

describe('protocol: certificate inventory', function () {
  this.timeout(60000);
  it('reports open buffers and scanned files', async () => {
    const dir = tempDir('inventory');
    write(path.join(dir, 'stacks', 'disk.yaml'), listenersYaml([{ id: 'OnDisk', policy: WEAK }]));
    const client = await LspClient.start({ folders: [dir] });
    try {
      await scanFinished(client, 0);
      const uri = fileUri(path.join(dir, 'stacks', 'open.yaml'));
      await client.open(uri, listenersYaml([{ id: 'InEditor' }]));
      await client.diagnosticsFor(uri, 1);
      const r = (await client.executeCommand('cfn-tls-lint.inventory')) as { markdown: string };
      assert.match(r.markdown, /`OnDisk` \(line 3\) \| `stacks\/disk\.yaml` \| ELBv2 listener \| HTTPS/);
      assert.match(r.markdown, /`InEditor` \(line 3\) \| `stacks\/open\.yaml` \|/);
      assert.match(r.markdown, /`InEditor`.*elbv2-ssl-policy-missing/);
    } finally {
      await client.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('protocol: multi-root', function () {
  this.timeout(60000);
  it('reads a config per workspace folder', async () => {
    const a = tempDir('rootA');
    const b = tempDir('rootB');
    write(path.join(a, 't.yaml'), listenersYaml([{ id: 'L', policy: WEAK }]));
    write(path.join(a, '.cfn-tls-lint.yaml'), 'rules:\n  elbv2-ssl-policy-weak: off\n');
    write(path.join(b, 't.yaml'), listenersYaml([{ id: 'L', policy: WEAK }]));
    const client = await LspClient.start({ folders: [a, b] });
    try {
      await scanFinished(client, 0);
      const got = latest(client);
      assert.equal(got.get(decodeURIComponent(fileUri(path.join(a, 't.yaml')))), undefined, 'nothing to report in folder A');
      assert.deepEqual(codes(got.get(decodeURIComponent(fileUri(path.join(b, 't.yaml'))))!), [WEAK_RULE]);
    } finally {
      await client.stop();
      fs.rmSync(a, { recursive: true, force: true });
      fs.rmSync(b, { recursive: true, force: true });
    }
  });
});

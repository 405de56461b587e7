import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { MessageType } from 'vscode-languageserver-protocol/node';
import { fileUri } from '../../server/src/uri';
import { listenersYaml, WEAK, STRONG } from './fixtures';
import { codes, LspClient, sameUri, tempDir } from './lsp-harness';

/**
 * Server faults (docs/robustness.md "Language server"): rules that loop, edit storms,
 * cancelled requests, memory over many edits and documents. The faulty rules come from
 * test/protocol/fault-injection.ts (the test server), which also adds the
 * test-only `cfnTlsLint/test/stats` request.
 */

const REQUEST_CANCELLED = -32800;

/** A weak listener (one finding from a real rule) and a resource only a faulty rule looks at. */
function withFault(type: string, name = 'Fault', props = '      ServiceToken: !ImportValue fault-token\n'): string {
  return listenersYaml([{ id: 'L', policy: WEAK }], `  ${name}:\n    Type: ${type}\n    Properties:\n${props}`);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function errorsAbout(client: LspClient, re: RegExp): string[] {
  return client.logs.filter((l) => l.type === MessageType.Error && re.test(l.message)).map((l) => l.message);
}

describe('protocol: server faults, rules that do not return', function () {
  this.timeout(60000);
  // A short budget keeps the test fast: a rule is stopped by the engine after 300 ms at its
  // next context call, and by the worker's watchdog after 300 + 1000 ms when it never calls it.
  const BUDGET = 300;
  let client: LspClient;
  let dir: string;

  before(async () => {
    dir = tempDir('faults');
    fs.writeFileSync(path.join(dir, 'on-disk-loop.yaml'), withFault('Custom::CfnTlsLintLoop'));
    client = await LspClient.start({ folders: [dir], faultHooks: true, debounceMs: 0, init: { ruleBudgetMs: BUDGET } });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the workspace scan survives a closed file whose rule loops: the other rules publish for it', async () => {
    const uri = fileUri(path.join(dir, 'on-disk-loop.yaml'));
    const p = await client.nextDiagnostics(uri, 0);
    assert.deepEqual(codes(p), ['elbv2-ssl-policy-weak']);
    await client.waitFor('the end of the scan', () =>
      client.notifications.find((n) => n.method === 'cfnTlsLint/scan' && (n.params as { state: string }).state === 'finished'),
    );
    assert.equal(errorsAbout(client, /test-fault-loop/).length, 1);
  });

  it('stops a rule that loops without calling its context, publishes the other rules, logs it once', async () => {
    const uri = fileUri(path.join(dir, 'loop.yaml'));
    const other = fileUri(path.join(dir, 'other.yaml'));
    await client.open(other, listenersYaml([{ id: 'L' }]));
    assert.deepEqual(codes(await client.diagnosticsFor(other, 1)), ['elbv2-ssl-policy-missing']);
    const before = await client.stats();
    const t0 = Date.now();
    await client.open(uri, withFault('Custom::CfnTlsLintLoop'));
    // While the rule loops in the worker (until the watchdog stops it, 1,300 ms after the lint
    // started), the main thread answers. The order of events proves it, not a time limit.
    await sleep(200);
    assert.ok(await client.hover(other, { line: 3, character: 12 }));
    assert.ok(!client.diagnostics.some((d) => sameUri(d.uri, uri)), 'still looping when the hover was answered');
    const p = await client.diagnosticsFor(uri, 1);
    assert.deepEqual(codes(p), ['elbv2-ssl-policy-weak'], 'the other rules still publish');
    assert.ok(Date.now() - t0 < 10000, `stopped in ${Date.now() - t0} ms`);
    const stats = await client.stats();
    assert.equal(stats.workerRestarts, before.workerRestarts + 1, 'the worker was stopped and replaced once');
    const logged = errorsAbout(client, /test-fault-loop/);
    assert.equal(logged.length, 1, 'logged once for the session (the scan hit it first)');
    assert.match(logged[0], /did not return after \d+ ms/);

    // The rule is skipped for this document from now on: edits lint at once, nothing more is logged.
    const since = client.mark();
    const t1 = Date.now();
    const v = await client.change(uri, withFault('Custom::CfnTlsLintLoop').replace(WEAK, STRONG));
    const p2 = await client.diagnosticsFor(uri, v, since);
    assert.deepEqual(codes(p2), []);
    assert.ok(Date.now() - t1 < 1000, `the next lint took ${Date.now() - t1} ms`);
    assert.equal((await client.stats()).workerRestarts, stats.workerRestarts);
    assert.equal(errorsAbout(client, /test-fault-loop/).length, 1);

    // The new worker lints other documents.
    assert.ok(await client.hover(uri, { line: 3, character: 12 }));
    const since2 = client.mark();
    const v2 = await client.change(other, listenersYaml([{ id: 'L', policy: WEAK }]));
    assert.deepEqual(codes(await client.diagnosticsFor(other, v2, since2)), ['elbv2-ssl-policy-weak']);
  });

  it('skips a rule on every document once it has hung on three', async () => {
    // It hung on the file on disk and on loop.yaml: a third document is the last one it stops.
    const third = fileUri(path.join(dir, 'loop3.yaml'));
    await client.open(third, withFault('Custom::CfnTlsLintLoop'));
    assert.deepEqual(codes(await client.diagnosticsFor(third, 1)), ['elbv2-ssl-policy-weak']);
    await client.waitFor('the rule switched off everywhere', () => errorsAbout(client, /test-fault-loop hung on 3 documents/)[0]);
    const restarts = (await client.stats()).workerRestarts;
    const fourth = fileUri(path.join(dir, 'loop4.yaml'));
    const t0 = Date.now();
    await client.open(fourth, withFault('Custom::CfnTlsLintLoop'));
    assert.deepEqual(codes(await client.diagnosticsFor(fourth, 1)), ['elbv2-ssl-policy-weak']);
    assert.ok(Date.now() - t0 < 1000, `${Date.now() - t0} ms`);
    assert.equal((await client.stats()).workerRestarts, restarts);
  });

  it('stops a rule that loops through its context at its time budget, without a restart', async () => {
    const uri = fileUri(path.join(dir, 'context-loop.yaml'));
    const restarts = (await client.stats()).workerRestarts;
    const t0 = Date.now();
    await client.open(uri, withFault('Custom::CfnTlsLintContextLoop'));
    assert.deepEqual(codes(await client.diagnosticsFor(uri, 1)), ['elbv2-ssl-policy-weak']);
    assert.ok(Date.now() - t0 >= BUDGET, 'it ran for its budget');
    const logged = errorsAbout(client, /test-fault-context-loop/);
    assert.equal(logged.length, 1);
    assert.match(logged[0], new RegExp(`time budget of ${BUDGET} ms`));
    assert.equal((await client.stats()).workerRestarts, restarts, 'the engine stopped it: the worker lives on');
    const since = client.mark();
    const v = await client.change(uri, withFault('Custom::CfnTlsLintContextLoop', 'Fault2'));
    assert.deepEqual(codes(await client.diagnosticsFor(uri, v, since)), ['elbv2-ssl-policy-weak']);
    assert.equal(errorsAbout(client, /test-fault-context-loop/).length, 1, 'still logged once');
  });

  it('fix-all runs where the rules run: a looping rule does not stop it', async () => {
    const uri = fileUri(path.join(dir, 'loop.yaml'));
    const since = client.mark();
    const v = await client.change(uri, withFault('Custom::CfnTlsLintLoop'));
    await client.diagnosticsFor(uri, v, since);
    const whole = { start: { line: 0, character: 0 }, end: { line: 30, character: 0 } };
    const [action] = await client.codeActions(uri, whole, [], ['source.fixAll.cfn-tls-lint']);
    assert.ok(action?.edit, 'a fix-all edit');
    const after = client.mark();
    const v2 = await client.applyEdit(action.edit);
    assert.deepEqual(codes(await client.diagnosticsFor(uri, v2, after)), []);
  });
});

describe('protocol: server faults, load, cancellation and memory', function () {
  this.timeout(120000);
  let client: LspClient;
  let dir: string;

  before(async () => {
    dir = tempDir('load');
    client = await LspClient.start({ folders: [dir], settings: { workspaceScan: 'off' }, faultHooks: true, debounceMs: 0, nodeArgs: ['--expose-gc'] });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** The line of the listener's SslPolicy in `withFault` texts. */
  function policyLine(text: string): number {
    return text.split('\n').findIndex((l) => l.includes('SslPolicy:'));
  }

  it('an edit storm gets the latest result without a backlog', async () => {
    const uri = fileUri(path.join(dir, 'storm.yaml'));
    // Each lint takes at least 100 ms (a rule that busy-waits): 200 edits arrive far faster.
    const text = withFault('Custom::CfnTlsLintSlow', 'Slow', '      Millis: 100\n');
    await client.open(uri, text);
    await client.diagnosticsFor(uri, 1);
    const before = await client.stats();
    const since = client.mark();
    const line = policyLine(text);
    const sent: Promise<number>[] = [];
    for (let i = 0; i < 200; i++) {
      const cur = client.text(uri).split('\n')[line];
      const next = cur.includes(WEAK) ? cur.replace(WEAK, STRONG) : cur.replace(STRONG, WEAK);
      sent.push(client.edit(uri, [{ range: { start: { line, character: 0 }, end: { line, character: cur.length } }, newText: next }]));
      // The first edit's lint is under way when the other 199 arrive.
      if (i === 0) await sleep(30);
    }
    await Promise.all(sent);
    const last = client.version(uri);
    assert.equal(last, 201);
    const final = await client.diagnosticsFor(uri, last, since);
    // 200 toggles from WEAK: the last text is WEAK again.
    assert.deepEqual(codes(final), ['elbv2-ssl-policy-weak']);
    await sleep(400);
    const published = client.diagnostics.slice(since).filter((p) => sameUri(p.uri, uri));
    const versions = published.map((p) => p.version!);
    assert.deepEqual(
      [...versions].sort((a, b) => a - b),
      versions,
      'versions only go up',
    );
    assert.equal(versions[versions.length - 1], last, 'nothing after the latest version');
    const lints = (await client.stats()).lints - before.lints;
    console.log(`      200 edits: ${lints} lints, ${published.length} publishes (versions ${versions.join(', ')})`);
    assert.ok(lints <= 20, `${lints} lints for 200 edits`);
    assert.ok(published.length <= lints);
  });

  describe('cancelled requests', () => {
    const uri = () => fileUri(path.join(dir, 'cancel.yaml'));
    const SLOW = (ms: number, policy = WEAK) => withFault('Custom::CfnTlsLintSlow', 'Slow', `      Millis: ${ms}\n`).replace(WEAK, policy);
    const hoverAt = () => ({ textDocument: { uri: uri() }, position: { line: policyLine(SLOW(1)), character: 20 } });

    before(async () => {
      await client.open(uri(), SLOW(10));
      await client.diagnosticsFor(uri(), 1);
    });

    /**
     * Starts a slow lint of a new version: a request that needs the rules' findings waits for it.
     * The slow resource itself changes (800 or 801 ms): a rule whose resources did not change is not run again.
     */
    async function slowVersion(): Promise<void> {
      const text = client.text(uri());
      await client.change(uri(), SLOW(text.includes('Millis: 800') ? 801 : 800, text.includes(WEAK) ? STRONG : WEAK));
    }

    for (const [name, method, params] of [
      ['hover', 'textDocument/hover', hoverAt],
      [
        'code actions',
        'textDocument/codeAction',
        () => ({
          textDocument: { uri: uri() },
          range: { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } },
          context: { diagnostics: [], only: ['source.fixAll.cfn-tls-lint'] },
        }),
      ],
      ['inventory', 'cfnTlsLint/inventory', () => ({})],
    ] as const) {
      it(`${name}: cancelled while the rules run → RequestCancelled`, async () => {
        await slowVersion();
        const t0 = Date.now();
        const answer = await client.requestCancelled(method, params(), sleep(150));
        assert.equal(answer.error?.code, REQUEST_CANCELLED, JSON.stringify(answer));
        assert.ok(Date.now() - t0 < 5000);
        // The same request, not cancelled, is answered.
        await client.diagnosticsFor(uri(), client.version(uri()));
        assert.ok(await client.conn.sendRequest(method, params()));
      });
    }

    it('completion: cancelled while the server waits for the settings → RequestCancelled; then answered', async () => {
      client.configDelayMs = 400;
      try {
        await client.settingsChanged(); // the settings cache is dropped: the next request asks the client
        const asked = client.configRequests;
        const position = { line: policyLine(SLOW(1)), character: 18 };
        const answer = await client.requestCancelled(
          'textDocument/completion',
          { textDocument: { uri: uri() }, position },
          client.waitFor('a configuration request', () => (client.configRequests > asked ? true : undefined)),
        );
        assert.equal(answer.error?.code, REQUEST_CANCELLED, JSON.stringify(answer));
      } finally {
        client.configDelayMs = 0;
      }
      const list = await client.completion(uri(), { line: policyLine(SLOW(1)), character: 18 });
      assert.ok(list && list.items.length > 0);
    });

    it('a request cancelled before the server reads it is never run', async () => {
      const answer = await client.requestCancelledUnread('textDocument/hover', hoverAt());
      // Either refused unread or answered with RequestCancelled: never a result computed for nobody.
      assert.equal(answer.error?.code, REQUEST_CANCELLED, JSON.stringify(answer));
      assert.ok(await client.hover(uri(), hoverAt().position), 'later requests are answered');
    });
  });

  describe('memory', () => {
    function mb(n: number): string {
      return `${(n / 1048576).toFixed(1)} MB`;
    }

    it('stays flat over 10,000 edits of one document', async function () {
      this.timeout(180000);
      const uri = fileUri(path.join(dir, 'edits.yaml'));
      const text = listenersYaml(Array.from({ length: 20 }, (_, i) => ({ id: `L${i}`, policy: i % 2 ? WEAK : STRONG })));
      await client.open(uri, text);
      await client.diagnosticsFor(uri, 1);
      const line = text.split('\n').findIndex((l) => l.includes('Port: 443'));
      const edit = async (count: number): Promise<void> => {
        const since = client.mark();
        for (let i = 0; i < count; i++) {
          const port = 443 + ((client.version(uri) + 1) % 2);
          void client.edit(uri, [
            { range: { start: { line, character: 0 }, end: { line, character: client.text(uri).split('\n')[line].length } }, newText: `      Port: ${port}` },
          ]);
          // Now and then let the server lint, as typing pauses would.
          if (i % 50 === 49) await sleep(10);
        }
        await client.diagnosticsFor(uri, client.version(uri), since);
      };
      await edit(2000); // warm-up: JIT, caches
      const before = await client.stats();
      await edit(10000);
      const after = await client.stats();
      const main = after.heapUsed - before.heapUsed;
      const worker = (after.workerHeapUsed ?? 0) - (before.workerHeapUsed ?? 0);
      console.log(
        `      10,000 edits (${after.lints - before.lints} lints): main heap ${mb(before.heapUsed)} → ${mb(after.heapUsed)}, worker heap ${mb(before.workerHeapUsed ?? 0)} → ${mb(after.workerHeapUsed ?? 0)}`,
      );
      assert.ok(main < 3 * 1048576, `main heap grew ${mb(main)}`);
      assert.ok(worker < 3 * 1048576, `worker heap grew ${mb(worker)}`);
      assert.equal(after.snapshots, before.snapshots);
    });

    it('stays flat over opening and closing 1,000 documents', async function () {
      this.timeout(180000);
      const text = listenersYaml([{ id: 'L', policy: WEAK }, { id: 'M' }]);
      let n = 0;
      const batch = async (size: number): Promise<void> => {
        const uris = Array.from({ length: size }, () => fileUri(path.join(dir, 'many', `t${n++}.yaml`)));
        const since = client.mark();
        for (const u of uris) void client.open(u, text);
        for (const u of uris) assert.deepEqual(codes(await client.diagnosticsFor(u, 1, since)), ['elbv2-ssl-policy-weak', 'elbv2-ssl-policy-missing']);
        const closed = client.mark();
        for (const u of uris) void client.close(u);
        for (const u of uris) await client.nextDiagnostics(u, closed, (p) => p.diagnostics.length === 0);
      };
      await batch(100); // warm-up: JIT, caches
      const before = await client.stats();
      for (let i = 0; i < 20; i++) await batch(50);
      const after = await client.stats();
      const main = after.heapUsed - before.heapUsed;
      const worker = (after.workerHeapUsed ?? 0) - (before.workerHeapUsed ?? 0);
      console.log(
        `      1,000 documents: main heap ${mb(before.heapUsed)} → ${mb(after.heapUsed)}, worker heap ${mb(before.workerHeapUsed ?? 0)} → ${mb(after.workerHeapUsed ?? 0)}`,
      );
      assert.ok(main < 3 * 1048576, `main heap grew ${mb(main)}`);
      assert.ok(worker < 3 * 1048576, `worker heap grew ${mb(worker)}`);
      assert.equal(after.snapshots, before.snapshots, 'no document state left behind');
    });
  });
});

import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { MessageType, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { INJECTED_EXIT_CODE, TEST_WORKER_REQUEST, WorkerTestAction } from './fault-injection';
import { LINT_FAILED_CODE } from '../../server/src/notices';
import { fileUri } from '../../server/src/uri';
import { listenersYaml, WEAK } from './fixtures';
import { codes, LspClient, tempDir } from './lsp-harness';

/**
 * F10 (docs/robustness.md "Language server faults"): the lint worker dies or blocks while idle,
 * dies during a lint, throws outside any rule, returns what cannot be posted back, runs out of
 * memory, or keeps dying. The hooks are test/protocol/fault-injection.ts's: the test request
 * `cfnTlsLint/test/worker` and `# cfn-tls-lint-test-fault: …` comments in the document.
 */

function weak(fault?: string): string {
  return (fault ? `# cfn-tls-lint-test-fault: ${fault}\n` : '') + listenersYaml([{ id: 'L', policy: WEAK }]);
}

function errorLogs(client: LspClient, re: RegExp): string[] {
  return client.logs.filter((l) => l.type === MessageType.Error && re.test(l.message)).map((l) => l.message);
}

function failureNotice(p: PublishDiagnosticsParams): string {
  assert.equal(p.diagnostics.length, 1, `one diagnostic: ${JSON.stringify(p.diagnostics)}`);
  const [d] = p.diagnostics;
  assert.equal(d.code, LINT_FAILED_CODE);
  assert.equal(d.source, 'cfn-tls-lint');
  assert.deepEqual(d.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  assert.match(d.message, /^cfn-tls-lint could not lint this file: .*Show Output/);
  return d.message;
}

describe('protocol: lint worker faults (F10)', function () {
  this.timeout(60000);
  let client: LspClient;
  let dir: string;
  let n = 0;
  const uri = (name = `doc${++n}.yaml`) => fileUri(path.join(dir, name));

  /** A document linted by a ready worker: its findings published. */
  async function linted(text = weak()): Promise<string> {
    const u = uri();
    await client.open(u, text);
    assert.deepEqual(codes(await client.diagnosticsFor(u, 1)), ['elbv2-ssl-policy-weak']);
    return u;
  }

  function failWorker(action: WorkerTestAction): Promise<boolean> {
    return client.conn.sendRequest(TEST_WORKER_REQUEST, { action });
  }

  beforeEach(async () => {
    dir = tempDir('worker-faults');
    client = await LspClient.start({
      folders: [dir],
      settings: { workspaceScan: 'off' },
      faultHooks: true,
      env: { CFN_TLS_LINT_TEST_WORKER_HEAP_MB: '256' },
      debounceMs: 0,
    });
  });
  afterEach(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a worker that exits while idle is replaced at once: the next document is linted', async () => {
    await linted();
    const before = await client.stats();
    const t0 = Date.now();
    assert.equal(await failWorker('exit'), true);
    const line = await client.waitFor('the death logged', () => errorLogs(client, /lint worker died while idle/)[0]);
    assert.ok(Date.now() - t0 < 1000, `noticed after ${Date.now() - t0} ms`);
    assert.match(line, new RegExp(`exit code ${INJECTED_EXIT_CODE}`));
    const t1 = Date.now();
    await linted();
    assert.ok(Date.now() - t1 < 3000, `linted after ${Date.now() - t1} ms`);
    assert.equal((await client.stats()).workerRestarts, before.workerRestarts + 1);
  });

  it('a worker blocked while idle is stopped when it does not take the next job, and the job runs on a new one', async () => {
    await linted();
    assert.equal(await failWorker('hang'), true);
    const t0 = Date.now();
    await linted();
    const ms = Date.now() - t0;
    assert.ok(ms >= 2000 && ms < 5000, `linted after ${ms} ms (the limit to take a job is 2 s)`);
    assert.equal(errorLogs(client, /did not take a job for 2000 ms \(stuck while idle\)/).length, 1);
    // Never reported on the document: the job had not started.
    assert.equal(errorLogs(client, /trying once more|could not lint/).length, 0);
  });

  it('a worker that dies during a lint, outside any rule: the lint is tried again, and what was queued runs too', async () => {
    const flag = path.join(dir, 'died-once');
    const dying = uri();
    const queued = uri();
    void client.open(dying, weak(`exit-once ${flag}`));
    void client.open(queued, weak());
    assert.deepEqual(codes(await client.diagnosticsFor(dying, 1)), ['elbv2-ssl-policy-weak'], 'the retry published the findings');
    assert.deepEqual(codes(await client.diagnosticsFor(queued, 1)), ['elbv2-ssl-policy-weak']);
    assert.ok(fs.existsSync(flag), 'the worker did die once');
    assert.equal(errorLogs(client, /died during a lint, outside any rule/).length, 1);
    assert.equal(errorLogs(client, /trying once more/).length, 1);
  });

  it('a lint whose worker dies every time: one retry, then a diagnostic saying so; other documents are linted', async () => {
    const u = uri();
    await client.open(u, weak('exit'));
    const message = failureNotice(await client.diagnosticsFor(u, 1));
    assert.match(message, new RegExp(`the lint worker died \\(exit code ${INJECTED_EXIT_CODE}\\)`));
    assert.equal(errorLogs(client, /trying once more/).length, 1);
    assert.equal(errorLogs(client, /failed again, so it is given up/).length, 1);
    assert.equal((await client.stats()).workerRestarts, 2);
    await linted();
  });

  it('a lint that throws outside any rule: a diagnostic naming the error, and the worker lives on', async () => {
    const u = uri();
    await client.open(u, weak('throw'));
    assert.match(failureNotice(await client.diagnosticsFor(u, 1)), /injected engine fault \(outside any rule\)/);
    const logged = errorLogs(client, /failed again, so it is given up/);
    assert.equal(logged.length, 1);
    assert.match(logged[0], /\n\s+at /, 'the log has the stack');
    assert.equal((await client.stats()).workerRestarts, 0);
    await linted();
  });

  it('a result that cannot be posted back: a diagnostic saying so', async () => {
    const u = uri();
    await client.open(u, weak('unclonable'));
    assert.match(failureNotice(await client.diagnosticsFor(u, 1)), /could not be cloned/);
    await linted();
  });

  it('a worker out of memory: a diagnostic saying so, and a new worker for the rest', async () => {
    const u = uri();
    await client.open(u, weak('oom'));
    assert.match(failureNotice(await client.diagnosticsFor(u, 1)), /memory/);
    assert.ok(client.alive);
    await linted();
  });

  it('a worker that keeps dying is restarted with a back-off that is logged, not in a loop', async () => {
    await linted();
    // How long until a worker is ready to be killed again, for each of 4 deaths while idle.
    const waits: number[] = [];
    for (let i = 1; i <= 4; i++) {
      const t0 = Date.now();
      // Refused while no worker is ready: asked until one is.
      while (!(await failWorker('exit'))) await new Promise((r) => setTimeout(r, 20));
      waits.push(Date.now() - t0);
      await client.waitFor(`death ${i}`, () => (errorLogs(client, /died while idle/).length >= i ? true : undefined));
    }
    // Deaths 1 and 2 are replaced at once; the worker after death 3 starts 1 s later, after death 4 2 s later.
    assert.ok(waits[3] >= 1000, `the worker after the third death was ready after ${waits[3]} ms`);
    const deaths = errorLogs(client, /died while idle/);
    assert.equal(deaths.length, 4, deaths.join('\n'));
    assert.match(deaths[1], /; a new one is started$/);
    assert.match(deaths[2], /it stopped 3 times in the last minute with no rule to blame, so the next one starts in 1 s \(lints wait until then\)/);
    assert.match(deaths[3], /it stopped 4 times in the last minute .* the next one starts in 2 s/);
    // A document opened during the back-off waits for the new worker, then is linted.
    const t0 = Date.now();
    await linted();
    assert.ok(Date.now() - t0 >= 1000, `linted after ${Date.now() - t0} ms, during a 2 s back-off`);
    assert.equal((await client.stats()).workerRestarts, 4);
  });
});

import { strict as assert } from 'assert';
import * as path from 'path';
import { fileUri } from '../../server/src/uri';
import { listenersYaml, WEAK, STRONG } from './fixtures';
import { codes, LspClient, tempDir } from './lsp-harness';
import { WARM_UP_IDLE_MS } from '../../server/src/linter';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The lint worker's JIT warm-up (server/src/linter.ts `warmUp`): once an open document has
 * stayed unedited for a moment after its lint, the worker lints it and a copy with one value
 * changed in the background, in slices an edit's lint goes before; an edit stops it.
 */
describe('protocol: the JIT warm-up while a document is idle', function () {
  this.timeout(60000);
  let client: LspClient;

  before(async () => {
    client = await LspClient.start({ folders: [tempDir('warm-up')], faultHooks: true, debounceMs: 0, warmUp: true });
  });
  after(() => client.stop());

  it('runs while the document is idle, never while it is edited, and changes no finding', async () => {
    const uri = fileUri(path.join(tempDir('warm-up-doc'), 'listeners.yaml'));
    const text = listenersYaml([
      { id: 'A', policy: WEAK },
      { id: 'B', policy: STRONG },
    ]);
    await client.open(uri, text);
    assert.deepEqual(codes(await client.diagnosticsFor(uri, 1)), ['elbv2-ssl-policy-weak']);

    // Edits in quick succession (each well within the idle time): no warm-up between them.
    for (let i = 0; i < 5; i++) {
      const since = client.mark();
      const v = await client.change(uri, i % 2 ? text : text.replace(WEAK, STRONG));
      assert.deepEqual(codes(await client.diagnosticsFor(uri, v, since)), i % 2 ? ['elbv2-ssl-policy-weak'] : []);
    }
    assert.equal((await client.stats()).warmUpLints, 0, 'no warm-up while the document is being edited');

    // Idle: the warm-up runs (after WARM_UP_IDLE_MS), up to its budget, once.
    let warmed = 0;
    for (let tries = 0; tries < 100 && !warmed; tries++) {
      await sleep(100);
      warmed = (await client.stats()).warmUpLints;
    }
    assert.ok(warmed > 0, 'the warm-up ran');
    // Until its budget (300 lints, 1 s of the worker; the last slice may pass it): then never again.
    let total = warmed;
    for (let last = -1; total !== last;) {
      last = total;
      await sleep(WARM_UP_IDLE_MS * 2);
      total = (await client.stats()).warmUpLints;
    }
    assert.ok(total < 400, `${total} warm-up lints`);
    const since0 = client.mark();
    await client.diagnosticsFor(uri, await client.change(uri, text), since0);
    await sleep(WARM_UP_IDLE_MS * 2);
    assert.equal((await client.stats()).warmUpLints, total, 'done once per worker');

    // An edit after it publishes the same findings as a fresh open of that text.
    const since = client.mark();
    const v = await client.change(uri, text.replace(WEAK, STRONG));
    assert.deepEqual(codes(await client.diagnosticsFor(uri, v, since)), []);
    const fresh = fileUri(path.join(tempDir('warm-up-fresh'), 'listeners.yaml'));
    await client.open(fresh, text.replace(WEAK, STRONG));
    assert.deepEqual(codes(await client.diagnosticsFor(fresh, 1)), []);
  });
});

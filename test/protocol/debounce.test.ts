import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { fileUri } from '../../server/src/uri';
import { listenersYaml, STRONG, WEAK } from './fixtures';
import { LspClient, tempDir } from './lsp-harness';

/** The fixed debounce the server had before it adapted to the lint time. */
const OLD_DEBOUNCE_MS = 200;

/** The debounce the server's verbose log says preceded the lint of a version; undefined when it said nothing. */
function debounceLogged(client: LspClient, version: number): number | undefined {
  const re = new RegExp(` v${version}: linted in \\d+ ms, published \\d+ ms after a (\\d+) ms debounce; next debounce \\d+ ms`);
  for (const l of client.logs) {
    const m = re.exec(l.message);
    if (m) return Number(m[1]);
  }
  return undefined;
}

/** Alternates the policy so each version differs; waits for each version's diagnostics before the next change. */
async function typeSlowly(client: LspClient, uri: string, changes: number): Promise<number> {
  let v = client.version(uri);
  for (let i = 0; i < changes; i++) {
    const since = client.mark();
    v = await client.change(uri, listenersYaml([{ id: 'L', policy: v % 2 ? STRONG : WEAK }]));
    await client.diagnosticsFor(uri, v, since);
  }
  return v;
}

// What the server chose, read from its log: no timing assertion (the machine may be loaded).
describe('protocol: adaptive debounce', function () {
  let dir: string;
  before(() => {
    dir = tempDir('debounce');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lints a small document after a short debounce, and logs each version at trace verbose', async () => {
    const client = await LspClient.start({ folders: [dir], settings: { workspaceScan: 'off' }, trace: 'verbose' });
    try {
      const uri = fileUri(path.join(dir, 'small.yaml'));
      await client.open(uri, listenersYaml([{ id: 'L', policy: WEAK }]));
      await client.diagnosticsFor(uri, 1);
      assert.equal(await client.waitFor('the log of v1', () => debounceLogged(client, 1)), 0, 'an opened document is linted at once');
      const last = await typeSlowly(client, uri, 4);
      const chosen = await client.waitFor(`the log of v${last}`, () => debounceLogged(client, last));
      assert.ok(chosen < OLD_DEBOUNCE_MS, `a debounce of ${chosen} ms for a small document`);
    } finally {
      await client.stop();
    }
  });

  it('keeps an explicit debounceMs, and logs lint times only at trace verbose', async () => {
    const client = await LspClient.start({ folders: [dir], settings: { workspaceScan: 'off' }, debounceMs: OLD_DEBOUNCE_MS });
    try {
      const uri = fileUri(path.join(dir, 'fixed.yaml'));
      await client.open(uri, listenersYaml([{ id: 'L', policy: WEAK }]));
      await client.diagnosticsFor(uri, 1);
      const quiet = await typeSlowly(client, uri, 1);
      await client.setTrace('verbose');
      const last = await typeSlowly(client, uri, 2);
      assert.equal(await client.waitFor(`the log of v${last}`, () => debounceLogged(client, last)), OLD_DEBOUNCE_MS);
      // Logged after its publish, so it would have come before the later version's line.
      assert.equal(debounceLogged(client, quiet), undefined, 'nothing logged with trace off');
    } finally {
      await client.stop();
    }
  });
});

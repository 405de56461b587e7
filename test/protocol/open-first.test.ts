import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { fileUri } from '../../server/src/uri';
import { listenersYaml, STRONG, WEAK } from './fixtures';
import { LspClient, sameUri, tempDir } from './lsp-harness';

const SCANNED_FILES = 300;

type Arrival = { method: string; params: unknown };

function isPublish(a: Arrival): boolean {
  return a.method === 'textDocument/publishDiagnostics';
}

function isScanEnd(a: Arrival): boolean {
  return a.method === 'cfnTlsLint/scan' && (a.params as { state: string }).state !== 'started';
}

// The order of notifications, not wall-clock limits: the machine running the suite may be loaded.
describe('protocol: open documents before the start-up scan', function () {
  this.timeout(180000);
  let dir: string;

  before(() => {
    dir = tempDir('open-first');
    const weak = listenersYaml([{ id: 'L', policy: WEAK }]);
    fs.mkdirSync(path.join(dir, 'stacks'));
    for (let i = 0; i < SCANNED_FILES; i++) fs.writeFileSync(path.join(dir, 'stacks', `stack-${i}.yaml`), weak);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('publishes a document opened right after initialized, and its change, before the scan and most scanned files', async () => {
    const file = path.join(dir, 'stacks', 'open.yaml');
    const text = listenersYaml([{ id: 'Open', policy: WEAK }, { id: 'Other' }]);
    fs.writeFileSync(file, text);
    const client = await LspClient.start({ folders: [dir] });
    try {
      const uri = fileUri(file);
      const ofOpen = (a: Arrival): boolean => isPublish(a) && sameUri((a.params as PublishDiagnosticsParams).uri, uri);
      const scanned = (a: Arrival): boolean => isPublish(a) && !ofOpen(a);
      const version = (v: number) => (a: Arrival) => ofOpen(a) && (a.params as PublishDiagnosticsParams).version === v;
      await client.open(uri, text);
      // A change while the scan runs: the scan waits for its debounce and its lint.
      await client.waitFor(
        'some scanned files',
        () => (client.arrivals.filter(scanned).length >= 10 || client.arrivals.some(isScanEnd) ? true : undefined),
        150000,
      );
      const changedAt = client.arrivals.length;
      await client.change(uri, listenersYaml([{ id: 'Open', policy: STRONG }]));
      await client.waitFor('the end of the scan', () => client.arrivals.find(isScanEnd), 150000);
      const arrivals = client.arrivals;
      const opened = arrivals.findIndex(version(1));
      const changed = arrivals.findIndex(version(2));
      const finished = arrivals.findIndex(isScanEnd);
      assert.equal((arrivals[finished].params as { state: string }).state, 'finished');
      assert.equal(arrivals.filter(scanned).length, SCANNED_FILES);
      assert.ok(opened >= 0 && changed >= 0, 'the open document and its change were published');
      assert.ok(opened < finished, `the open document (notification ${opened}) before the end of the scan (${finished})`);
      const scannedBefore = arrivals.slice(0, opened).filter(scanned).length;
      assert.ok(scannedBefore < SCANNED_FILES / 10, `${scannedBefore} scanned files were published before the open document`);
      assert.ok(changed < finished, `the change (notification ${changed}) before the end of the scan (${finished})`);
      const meanwhile = arrivals.slice(changedAt, changed).filter(scanned).length;
      assert.ok(meanwhile < SCANNED_FILES / 10, `${meanwhile} scanned files were published between the change and its diagnostics`);
      // The summary goes to the output channel too.
      assert.ok(
        client.logs.some((l) => /workspace scan finished: \d+ files, \d+ templates, \d+ findings, \d+ ms/.test(l.message)),
        client.logs.map((l) => l.message).join('\n'),
      );
    } finally {
      await client.stop();
    }
  });
});

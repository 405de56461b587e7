import { strict as assert } from 'assert';
import * as path from 'path';
import { MessageType } from 'vscode-languageserver-protocol/node';
import { BROKEN_INPUT_EXIT_CODE } from '../../server/src/input-watch';
import { STALL_LIMIT_MS } from '../../server/src/framing-check';
import { fileUri } from '../../server/src/uri';
import { listenersYaml, WEAK } from './fixtures';
import { codes, frame, LspClient, tempDir } from './lsp-harness';

/**
 * F9 (docs/robustness.md "Language server faults"): bytes the server cannot read as LSP
 * messages. It must say why (stderr and window/logMessage) and exit non-zero at once, never
 * go on silently reading nothing; well-framed messages, however they are split, still pass.
 */

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const HOVER = JSON.stringify({
  jsonrpc: '2.0',
  id: 901,
  method: 'textDocument/hover',
  params: { textDocument: { uri: 'file:///nowhere.yaml' }, position: { line: 0, character: 0 } },
});

describe('protocol: framing errors (F9)', function () {
  this.timeout(30000);
  let client: LspClient;

  beforeEach(async () => {
    client = await LspClient.start({ settings: { workspaceScan: 'off' }, debounceMs: 0 });
    // Raw bytes must not interleave with the harness's own messages: wait until the start-up
    // exchange (the watcher registration the harness answers) is over.
    await client.waitFor('the watcher registration', () => (client.registrations.length ? true : undefined));
    await sleep(100);
  });
  afterEach(async () => {
    await client.stop();
  });

  /** Sends the bytes; the server must exit non-zero within `withinMs` and log a reason matching `reason`. */
  async function expectExit(bytes: string, reason: RegExp, withinMs = 1000): Promise<void> {
    const t0 = Date.now();
    await client.writeRaw(bytes);
    const code = await client.waitForExit(withinMs + 2000);
    const ms = Date.now() - t0;
    assert.equal(code, BROKEN_INPUT_EXIT_CODE, `exit code; stderr: ${client.stderr}`);
    assert.ok(ms < withinMs, `exited after ${ms} ms`);
    assert.match(client.stderr, /cfn-tls-lint: the editor's messages cannot be read any more/);
    assert.match(client.stderr, reason);
    const logged = client.logs.filter((l) => l.type === MessageType.Error && /cannot be read any more/.test(l.message));
    assert.equal(logged.length, 1, 'said once in the client log too');
    assert.match(logged[0].message, reason);
  }

  it('a message without Content-Length', async () => {
    await expectExit(frame(HOVER, 'Content-Type: application/vscode-jsonrpc; charset=utf-8'), /a message without Content-Length/);
  });

  it('a negative Content-Length', async () => {
    await expectExit(frame(HOVER, 'Content-Length: -5'), /Content-Length "-5" is not a byte count/);
  });

  it('a Content-Length that is not a number', async () => {
    await expectExit(frame(HOVER, 'Content-Length: 12abc'), /Content-Length "12abc" is not a byte count/);
  });

  it('a Content-Length shorter than the body', async () => {
    await expectExit(frame(HOVER, 'Content-Length: 5'), /should start|could not be read/);
  });

  it('a Content-Length longer than the body, then the next message', async () => {
    await expectExit(frame(HOVER, `Content-Length: ${Buffer.byteLength(HOVER) + 40}`) + frame(HOVER), /should start|could not be read/);
  });

  it('a Content-Length longer than the body, then silence: stops after the stall limit', async () => {
    await expectExit(frame(HOVER, `Content-Length: ${Buffer.byteLength(HOVER) + 40}`), /stopped half way: nothing more came for/, STALL_LIMIT_MS + 1000);
  });

  it('a body that is not JSON', async () => {
    await expectExit(frame('{garbage'), /a message could not be read/);
  });

  it('JSON without any header', async () => {
    await expectExit(`${HOVER}\r\n\r\n`, /bytes where a message header \("Content-Length: <bytes>"\) should start: "\{"/);
  });

  it('a header that never ends', async () => {
    await expectExit(`X-Padding: ${'x'.repeat(5000)}`, /a message header longer than 4096 bytes/);
  });

  it('header lines ending in LF alone', async () => {
    await expectExit(`Content-Length: ${Buffer.byteLength(HOVER)}\n\n${HOVER}`, /ends in LF alone/);
  });

  it('well-framed messages pass however they are split: byte by byte, several in one write, extra headers', async () => {
    const dir = tempDir('framing');
    const uri = fileUri(path.join(dir, 'split.yaml'));
    const open = JSON.stringify({
      jsonrpc: '2.0',
      method: 'textDocument/didOpen',
      params: { textDocument: { uri, languageId: 'yaml', version: 1, text: listenersYaml([{ id: 'L', policy: WEAK }]) } },
    });
    const bytes = Buffer.from(frame(open, `content-length: ${Buffer.byteLength(open)}\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8`));
    // Byte by byte for the header and the body's start, with pauses well under the stall limit.
    for (let i = 0; i < 120; i++) {
      await client.writeRaw(bytes.subarray(i, i + 1));
      if (i % 40 === 0) await sleep(300);
    }
    await client.writeRaw(bytes.subarray(120));
    assert.deepEqual(codes(await client.diagnosticsFor(uri, 1)), ['elbv2-ssl-policy-weak']);
    // Two requests in one write, one of them with a multi-byte character in its body.
    const h = JSON.stringify({
      jsonrpc: '2.0',
      id: 902,
      method: 'textDocument/hover',
      params: { textDocument: { uri: `${uri}?é` }, position: { line: 0, character: 0 } },
    });
    await client.writeRaw(frame(HOVER) + frame(h));
    assert.ok((await client.hover(uri, { line: 0, character: 0 })) !== undefined);
    assert.ok(client.alive, `still running; stderr: ${client.stderr}`);
    assert.equal(client.logs.filter((l) => l.type === MessageType.Error).length, 0);
  });

  it('input closed without a shutdown request: exit code 1', async () => {
    client.child.stdin!.end();
    assert.equal(await client.waitForExit(3000), 1);
  });
});

import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { FileChangeType, MessageType } from 'vscode-languageserver-protocol/node';
import { fileUri } from '../../server/src/uri';
import { listenersYaml, WEAK } from './fixtures';
import { codes, LspClient, tempDir } from './lsp-harness';

/**
 * The output channel (window/logMessage) says what the server does with configuration: its start,
 * each config file it loads with what it sets and every problem in it (with a did-you-mean for a
 * mistyped rule id), a config file deleted, settings changes and what they re-lint.
 */
describe('protocol: the log of configuration and settings', function () {
  this.timeout(60000);
  let dir: string;
  let client: LspClient;

  const logged = (re: RegExp, since = 0) => client.waitFor(`a log line ${re}`, () => client.logs.slice(since).find((l) => re.test(l.message)));

  before(async () => {
    dir = tempDir('logs');
    fs.writeFileSync(path.join(dir, '.cfn-tls-lint.yaml'), 'rules:\n  elbv2-ssl-policy-missing: off\n  elbv2-ssl-polcy-weak: error\nexclude: ["build/**"]\n');
    client = await LspClient.start({ folders: [dir], settings: { workspaceScan: 'off' } });
  });

  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('says the server started, with its version and rule count', async () => {
    const l = await logged(/^cfn-tls-lint \S+ started \(Node v\d+/);
    assert.match(l.message, /: \d{2,} rules, 1 workspace folder/);
    assert.equal(l.type, MessageType.Info);
  });

  it('logs the config file a template uses, what it sets, and each problem with a did-you-mean', async () => {
    const uri = fileUri(path.join(dir, 'app.yaml'));
    await client.open(uri, listenersYaml([{ id: 'L', policy: WEAK }]));
    const p = await client.diagnosticsFor(uri, 1);
    assert.deepEqual(codes(p), ['elbv2-ssl-policy-weak'], 'the valid part applies (missing: off)');
    const config = path.join(dir, '.cfn-tls-lint.yaml');
    const loaded = await logged(/configuration loaded from/);
    assert.equal(loaded.message, `cfn-tls-lint: configuration loaded from ${config}: 1 rule setting, exclude (1 glob), 1 problem (the rest applies)`);
    const problem = await logged(/elbv2-ssl-polcy-weak/);
    assert.equal(problem.type, MessageType.Warning);
    assert.equal(problem.message, `cfn-tls-lint: ${config}:3: unknown rule "elbv2-ssl-polcy-weak" (did you mean "elbv2-ssl-policy-weak"?)`);
    await client.waitFor('the notification', () => client.messages.find((m) => /did you mean "elbv2-ssl-policy-weak"/.test(m.message)));
  });

  it('logs a changed config file once, and a deleted one', async () => {
    const config = path.join(dir, '.cfn-tls-lint.yaml');
    let since = client.logs.length;
    const publishes = client.mark();
    fs.writeFileSync(config, 'rules:\n  elbv2-ssl-policy-weak: off\n');
    await client.filesChanged([{ path: config, type: FileChangeType.Changed }]);
    await logged(/configuration loaded from .*: 1 rule setting$/, since);
    const p = await client.nextDiagnostics(fileUri(path.join(dir, 'app.yaml')), publishes);
    assert.deepEqual(codes(p), [], 'the open template is re-linted with the new file');
    // That re-lint read the same file again: not logged twice.
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(client.logs.slice(since).filter((l) => /configuration loaded from/.test(l.message)).length, 1);
    since = client.logs.length;
    fs.rmSync(config);
    await client.filesChanged([{ path: config, type: FileChangeType.Deleted }]);
    await logged(new RegExp(`configuration ${config.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} deleted`), since);
  });

  it('logs a settings change and what it re-lints, and a mistyped rule id in cfnTlsLint.rules', async () => {
    const since = client.logs.length;
    client.settings = { workspaceScan: 'off', rules: { 'elbv2-ssl-policy-weakk': 'error' } };
    await client.settingsChanged();
    await logged(/settings changed: re-linting 1 open document$/, since);
    const l = await logged(/cfnTlsLint\.rules/, since);
    assert.equal(l.message, 'cfn-tls-lint: cfnTlsLint.rules: unknown rule "elbv2-ssl-policy-weakk" (did you mean "elbv2-ssl-policy-weak"?)');
  });
});

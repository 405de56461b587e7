import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CodeAction, Diagnostic, PublishDiagnosticsParams, TextDocumentEdit } from 'vscode-languageserver-protocol/node';
import { fileUri } from '../../server/src/uri';
import { listenersJson, listenersYaml, STRONG, WEAK } from './fixtures';
import { codes, LspClient, tempDir } from './lsp-harness';

const WEAK_RULE = 'elbv2-ssl-policy-weak';
const MISSING_RULE = 'elbv2-ssl-policy-missing';

function only(p: PublishDiagnosticsParams, rule: string): Diagnostic[] {
  return p.diagnostics.filter((d) => d.code === rule);
}

describe('protocol: code actions', function () {
  let client: LspClient;
  let dir: string;
  let n = 0;

  before(async () => {
    dir = tempDir('actions');
    client = await LspClient.start({ folders: [dir], settings: { workspaceScan: 'off' }, debounceMs: 0 });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function openDoc(text: string, ext = 'yaml'): Promise<{ uri: string; p: PublishDiagnosticsParams }> {
    const uri = fileUri(path.join(dir, `doc${++n}.${ext}`));
    await client.open(uri, text, ext === 'json' ? 'json' : 'yaml');
    return { uri, p: await client.diagnosticsFor(uri, 1) };
  }

  /** Applies an action's edit (resolving it first when it has none) and returns the next publish. */
  async function apply(uri: string, action: CodeAction): Promise<PublishDiagnosticsParams> {
    const resolved = action.edit ? action : await client.resolve(action);
    assert.ok(resolved.edit, `"${action.title}" has an edit`);
    const since = client.mark();
    const v = await client.applyEdit(resolved.edit);
    return client.diagnosticsFor(uri, v, since);
  }

  it('offers the fix as a preferred quick fix with a versioned edit, and the re-lint is clean', async () => {
    const { uri, p } = await openDoc(listenersYaml([{ id: 'L', policy: WEAK }]));
    const [d] = only(p, WEAK_RULE);
    const actions = await client.codeActions(uri, d.range, [d]);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes(`Disable ${WEAK_RULE} for this resource`), titles.join(' | '));
    assert.ok(titles.includes(`Disable ${WEAK_RULE} for this line`));
    assert.ok(titles.includes(`Show documentation for ${WEAK_RULE}`));
    const fix = actions.find((a) => a.isPreferred);
    assert.ok(fix, 'one preferred fix');
    assert.equal(fix.kind, 'quickfix');
    const docEdit = fix.edit!.documentChanges![0] as TextDocumentEdit;
    assert.equal(docEdit.textDocument.version, 1);
    assert.equal(docEdit.edits.length, 1, 'a minimal edit');
    const after = await apply(uri, fix);
    assert.deepEqual(only(after, WEAK_RULE), []);
    assert.ok(client.text(uri).includes(`SslPolicy: ${STRONG}`));
  });

  it('fixes all problems of one rule, resolved lazily', async () => {
    const { uri, p } = await openDoc(listenersYaml([{ id: 'A', policy: WEAK }, { id: 'B', policy: WEAK }, { id: 'C' }]));
    const [d] = only(p, WEAK_RULE);
    const actions = await client.codeActions(uri, d.range, [d]);
    const all = actions.find((a) => a.title === `Fix all ${WEAK_RULE} problems in this file`);
    assert.ok(all, actions.map((a) => a.title).join(' | '));
    assert.equal(all.edit, undefined, 'computed on resolve');
    const after = await apply(uri, all);
    assert.deepEqual(only(after, WEAK_RULE), []);
    assert.equal(only(after, MISSING_RULE).length, 1, 'other rules are left alone');
  });

  it('runs source.fixAll.cfn-tls-lint as codeActionsOnSave does', async () => {
    const { uri } = await openDoc(listenersYaml([{ id: 'A', policy: WEAK }, { id: 'B' }]));
    const whole = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const actions = await client.codeActions(uri, whole, [], ['source.fixAll.cfn-tls-lint']);
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.cfn-tls-lint');
    assert.ok(actions[0].edit, 'edit computed up front for an explicit request');
    const after = await apply(uri, actions[0]);
    assert.deepEqual(codes(after), []);
    // Nothing left to fix: no action.
    const again = await client.codeActions(uri, whole, [], ['source.fixAll']);
    assert.equal(again.length, 0);
    // Quick-fix requests never include the source action.
    const quick = await client.codeActions(uri, whole, [], ['quickfix']);
    assert.ok(!quick.some((a) => a.kind?.startsWith('source')));
  });

  it('disables a rule for a resource through Metadata (YAML)', async () => {
    const { uri, p } = await openDoc(listenersYaml([{ id: 'L', policy: WEAK }]));
    const [d] = only(p, WEAK_RULE);
    const actions = await client.codeActions(uri, d.range, [d]);
    const disable = actions.find((a) => a.title === `Disable ${WEAK_RULE} for this resource`)!;
    const after = await apply(uri, disable);
    assert.deepEqual(only(after, WEAK_RULE), []);
    assert.match(client.text(uri), /Metadata:\s+cfn-tls-lint:\s+ignore:/);
    assert.ok(codes(after).includes('suppression-without-reason'), 'the empty reason asks for one');
  });

  it('appends to an existing cfn-tls-lint ignore list (YAML)', async () => {
    const text = listenersYaml([{ id: 'L', policy: WEAK }]).replace(
      '    Type: AWS::ElasticLoadBalancingV2::Listener\n',
      '    Type: AWS::ElasticLoadBalancingV2::Listener\n    Metadata:\n      cfn-tls-lint:\n        ignore:\n          - rule: elbv2-ssl-policy-missing\n            reason: legacy clients\n',
    );
    const { uri, p } = await openDoc(text);
    const [d] = only(p, WEAK_RULE);
    const disable = (await client.codeActions(uri, d.range, [d])).find((a) => a.title === `Disable ${WEAK_RULE} for this resource`)!;
    const after = await apply(uri, disable);
    assert.deepEqual(only(after, WEAK_RULE), []);
    assert.match(client.text(uri), /- rule: elbv2-ssl-policy-missing\n\s+reason: legacy clients\n\s+- rule: elbv2-ssl-policy-weak\n/);
  });

  it('merges into existing Metadata (YAML)', async () => {
    const text = listenersYaml([{ id: 'L', policy: WEAK }]).replace(
      '    Type: AWS::ElasticLoadBalancingV2::Listener\n',
      '    Type: AWS::ElasticLoadBalancingV2::Listener\n    Metadata:\n      Owner: team-a\n',
    );
    const { uri, p } = await openDoc(text);
    const [d] = only(p, WEAK_RULE);
    const disable = (await client.codeActions(uri, d.range, [d])).find((a) => a.title === `Disable ${WEAK_RULE} for this resource`)!;
    const after = await apply(uri, disable);
    assert.deepEqual(only(after, WEAK_RULE), []);
    assert.match(client.text(uri), /Owner: team-a/);
    assert.equal(client.text(uri).match(/Metadata:/g)!.length, 1, 'one Metadata key');
  });

  it('disables a rule for a resource through Metadata (JSON)', async () => {
    const { uri, p } = await openDoc(listenersJson([{ id: 'L' }]), 'json');
    const [d] = only(p, MISSING_RULE);
    const actions = await client.codeActions(uri, d.range, [d]);
    assert.ok(!actions.some((a) => a.title.endsWith('for this line')), 'no comments in JSON');
    const disable = actions.find((a) => a.title === `Disable ${MISSING_RULE} for this resource`)!;
    const after = await apply(uri, disable);
    assert.deepEqual(only(after, MISSING_RULE), []);
    const parsed = JSON.parse(client.text(uri));
    assert.deepEqual(parsed.Resources.L.Metadata['cfn-tls-lint'].ignore[0].rule, MISSING_RULE);
  });

  it('disables a rule for a line with a comment at the right indentation', async () => {
    const { uri, p } = await openDoc(listenersYaml([{ id: 'L', policy: WEAK }]));
    const [d] = only(p, WEAK_RULE);
    const line = (await client.codeActions(uri, d.range, [d])).find((a) => a.title === `Disable ${WEAK_RULE} for this line`)!;
    const after = await apply(uri, line);
    assert.deepEqual(only(after, WEAK_RULE), []);
    const lines = client.text(uri).split('\n');
    assert.equal(lines[d.range.start.line], `      # cfn-tls-lint-disable-next-line ${WEAK_RULE} --`);
    assert.equal(lines[d.range.start.line + 1], `      SslPolicy: ${WEAK}`);
  });

  it('shows the documentation through window/showDocument', async () => {
    const { uri, p } = await openDoc(listenersYaml([{ id: 'L', policy: WEAK }]));
    const [d] = only(p, WEAK_RULE);
    const docs = (await client.codeActions(uri, d.range, [d])).find((a) => a.title === `Show documentation for ${WEAK_RULE}`)!;
    assert.ok(docs.command);
    assert.deepEqual(docs.command.arguments, [WEAK_RULE], 'the rule id, not a URL');
    const before = client.shownDocuments.length;
    assert.equal(await client.executeCommand(docs.command.command, docs.command.arguments), true);
    const shown = await client.waitFor('showDocument', () => client.shownDocuments[before]);
    assert.equal(shown.uri, `https://github.com/cfn-tls-lint/cfn-tls-lint/blob/main/docs/rules/${WEAK_RULE}.md`);
    assert.equal(shown.external, true);
  });

  it('"Show documentation" opens only the page of a known rule: anything else is refused', async () => {
    const before = client.shownDocuments.length;
    const warnings = client.logs.length;
    for (const arg of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      `https://github.com/cfn-tls-lint/cfn-tls-lint/blob/main/docs/rules/${WEAK_RULE}.md`,
      'no-such-rule',
      '../../../etc/passwd',
      { rule: WEAK_RULE },
      undefined,
    ]) {
      await assert.rejects(
        client.executeCommand('cfn-tls-lint.showDocumentation', [arg]),
        (e: { code: number; message: string }) => {
          assert.equal(e.code, -32602, 'InvalidParams');
          assert.match(e.message, /takes the id of a rule/);
          return true;
        },
        JSON.stringify(arg),
      );
    }
    // A known id after the refusals: only its page was ever asked for.
    assert.equal(await client.executeCommand('cfn-tls-lint.showDocumentation', ['template-parse-error']), true);
    await client.waitFor('showDocument', () => client.shownDocuments[before]);
    assert.deepEqual(
      client.shownDocuments.slice(before).map((d) => d.uri),
      ['https://github.com/cfn-tls-lint/cfn-tls-lint/blob/main/docs/rules/template-parse-error.md'],
    );
    const refused = client.logs.slice(warnings).filter((l) => /refused to show documentation/.test(l.message));
    assert.equal(refused.length, 7);
    assert.match(refused[0].message, /"javascript:alert\(1\)": not the id of a rule/);
  });

  it('offers nothing for diagnostics of an older text', async () => {
    const { uri, p } = await openDoc(listenersYaml([{ id: 'L', policy: WEAK }]));
    const [d] = only(p, WEAK_RULE);
    const since = client.mark();
    const v = await client.change(uri, listenersYaml([{ id: 'L', policy: STRONG }]));
    await client.diagnosticsFor(uri, v, since);
    const actions = await client.codeActions(uri, d.range, [d]);
    assert.deepEqual(actions, []);
  });

  it('a duplicate key: the finding keeps the rest of the file linted, and its quick fix removes the earlier key', async () => {
    const text = listenersYaml([{ id: 'L', policy: WEAK }]).replace(`SslPolicy: ${WEAK}`, `SslPolicy: ${STRONG}\n      SslPolicy: ${WEAK}`);
    const { uri, p } = await openDoc(text);
    const [dup] = only(p, 'template-duplicate-key');
    assert.ok(dup, 'template-duplicate-key reported');
    assert.equal(only(p, WEAK_RULE).length, 1, 'the last value (weak) is linted');
    const actions = await client.codeActions(uri, dup.range, [dup]);
    const fix = actions.find((a) => a.title.startsWith('Remove the earlier'));
    assert.ok(fix, actions.map((a) => a.title).join(' | '));
    assert.ok(!fix.isPreferred, 'not preferred: which value was meant is a decision');
    const after = await apply(uri, fix);
    assert.deepEqual(only(after, 'template-duplicate-key'), []);
    assert.equal(only(after, WEAK_RULE).length, 1);
  });
});

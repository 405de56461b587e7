import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { printable } from '../../../cli/src/format/printable';
import { runCli } from '../../../cli/src/main';
import { tempDir, WEAK_LISTENER } from '../../support/cli';

/**
 * Control characters from a cloned repository (quoted values, file names) never reach a terminal
 * or CI log raw: ESC/BEL sequences retitle the window, clear the screen or write the clipboard
 * (OSC 52); C1 controls do the same on some terminals; U+2028/2029 break lines; bidi overrides
 * make text read as something else. Human-readable formats show them escaped; JSON and SARIF
 * carry them as \u escapes.
 */

/** What must never appear raw: C0 but the line feed, DEL, C1, separators, bidi controls. */
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** An SslPolicy with an OSC title, a clear-screen, OSC 52, a C1 CSI, a line separator and a right-to-left override. */
const HOSTILE = '"\\e]0;title\\a\\e[2J\\e]52;c;ZXZpbA==\\a\\x9b31m\\u2028x\\u202eevil\\u2066"';
const TEMPLATE = WEAK_LISTENER.replace('SslPolicy: ELBSecurityPolicy-2016-08', `SslPolicy: ${HOSTILE}`);
const FILE = 'bad\u001b[2Jname\u202e,x:%y.yaml';

async function cli(args: string[], cwd: string, isTty = false): Promise<{ status: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const status = await runCli(args, { cwd, out: (s) => (out += s), err: (s) => (err += s), isTty });
  return { status, out, err };
}

describe('CLI output: control and bidi characters', function () {
  this.timeout(30_000);
  const dir = tempDir({ [FILE]: TEMPLATE });

  it('the template really carries them (the YAML escapes are read)', async () => {
    const json = JSON.parse((await cli(['--format', 'json', '.'], dir)).out);
    const message = json.files[0].diagnostics.map((d: { message: string }) => d.message).join('\n');
    assert.ok(message.includes('\u001b]0;title\u0007') && message.includes('\u009b') && message.includes('\u202e'), message);
    assert.equal(json.files[0].path, FILE);
  });

  it('stylish: escaped, in messages and file names; the only ESC is our own colour (SGR) on a terminal', async () => {
    const plain = await cli(['.'], dir);
    assert.ok(!RAW.test(plain.out), JSON.stringify(plain.out.match(RAW)));
    assert.ok(plain.out.includes('\\x1b]0;title\\x07\\x1b[2J'), plain.out);
    assert.ok(plain.out.includes('\\x9b31m\\u2028x\\u202eevil\\u2066'));
    assert.ok(plain.out.startsWith('bad\\x1b[2Jname\\u202e,x:%y.yaml\n'), plain.out);
    const coloured = await cli(['.'], dir, true);
    assert.ok(!RAW.test(coloured.out.replace(/\u001b\[\d+m/g, '')), 'nothing raw but SGR colour codes');
  });

  it('github: escaped, with the workflow-command escapes of %, CR, LF, : and , in properties', async () => {
    const r = await cli(['--format', 'github', '.'], dir);
    assert.ok(!RAW.test(r.out), JSON.stringify(r.out.match(RAW)));
    const line = r.out.split('\n').find((l) => l.includes('elbv2-ssl-policy-unknown') || l.includes('elbv2-ssl-policy'))!;
    assert.ok(line.startsWith('::'), r.out);
    assert.ok(line.includes('file=bad\\x1b[2Jname\\u202e%2Cx%3A%25y.yaml,line='), line);
    assert.ok(line.includes('\\x1b]0;title\\x07\\x1b[2J'), line);
    // The message of a command is everything after the second `::`; no property separator leaks in.
    assert.equal(line.split('::').length, 3);
  });

  it('json and sarif: valid JSON whose strings carry every character as an escape', async () => {
    for (const format of ['json', 'sarif']) {
      const r = await cli(['--format', format, '.'], dir);
      assert.ok(!RAW.test(r.out), `${format}: ${JSON.stringify(r.out.match(RAW))}`);
      const text = JSON.stringify(JSON.parse(r.out));
      assert.ok(text.includes('\\u001b]0;title\\u0007'), format);
    }
    const parsed = JSON.parse((await cli(['--format', 'json', '.'], dir)).out);
    assert.ok(
      parsed.files[0].diagnostics.some((d: { message: string }) => d.message.includes('\u202eevil')),
      'the data is unchanged',
    );
  });

  it('stderr: a file name in an error is escaped too', async () => {
    const d = tempDir({ 'ok.yaml': WEAK_LISTENER });
    fs.mkdirSync(path.join(d, '.cfn-tls-lint.yaml'));
    const r = await cli(['--format', 'json', `missing\u001b]0;x\u0007.yaml`, 'ok.yaml'], d);
    assert.equal(r.status, 2);
    assert.ok(!RAW.test(r.err.replace(/\n/g, '')), JSON.stringify(r.err));
    assert.ok(r.err.includes('missing\\x1b]0;x\\x07.yaml'), r.err);
  });

  it('--fix-dry-run: the patch is printed as is when piped, escaped on a terminal', async () => {
    // A comment with ESC next to the weak policy, which --fix changes: the diff's context shows it.
    const d = tempDir({ 't.yaml': WEAK_LISTENER.replace('Port: 443', 'Port: 443\n      # \u001b[2J note') });
    const piped = await cli(['--fix-dry-run', 't.yaml'], d);
    const tty = await cli(['--fix-dry-run', 't.yaml'], d, true);
    assert.ok(piped.out.startsWith('--- a/t.yaml'), piped.out + piped.err);
    assert.ok(piped.out.includes('\u001b[2J'), "a patch keeps the file's bytes");
    assert.ok(!RAW.test(tty.out.replace(/\t/g, '')), JSON.stringify(tty.out.match(RAW)));
  });

  it('printable: each kind of character', () => {
    assert.equal(printable('a\u0000b\tc\nd\u007f\u0085\u00a0é\u2028\u202a\u2069'), 'a\\x00b\\x09c\\x0ad\\x7f\\x85\u00a0é\\u2028\\u202a\\u2069');
  });
});

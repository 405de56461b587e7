import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { BaselineError, readBaseline } from '../../../cli/src/baseline';
import { runCli } from '../../../cli/src/main';
import { tempDir, WEAK_LISTENER } from '../../support/cli';
import { prng } from '../../support/yaml-differential';

/**
 * The baseline reader against malformed files: every shape is either read or refused with a
 * BaselineError (exit 2, one clear line), never a TypeError from deep inside (`"findings":[null]`
 * gave `internal error: TypeError` and a stack trace). The message names what is wrong without
 * quoting the file, which may hold anything.
 */

const VALID = { version: 1, findings: [{ file: 'a.yaml', rule: 'elbv2-ssl-policy-weak', path: ['Resources', 'Listener', 'Properties', 'SslPolicy'] }] };

function randomValue(random: (n: number) => number, depth = 0): unknown {
  switch (random(depth > 3 ? 6 : 9)) {
    case 0:
      return null;
    case 1:
      return random(2) === 0;
    case 2:
      return [0, -1, 1.5, 1e308, 2 ** 53, 1][random(6)];
    case 3:
      return ['', 'x', '\u001b[2J', '__proto__', 'a.yaml', '-----BEGIN PRIVATE KEY-----'][random(6)];
    case 4:
      return 1;
    case 5:
      return 'elbv2-ssl-policy-weak';
    case 6:
      return Array.from({ length: random(4) }, () => randomValue(random, depth + 1));
    case 7:
      return Object.fromEntries(
        Array.from({ length: random(4) }, () => [['version', 'findings', 'file', 'rule', 'path', 'x'][random(6)], randomValue(random, depth + 1)]),
      );
    default:
      return { ...VALID.findings[0], [['file', 'rule', 'path'][random(3)]]: randomValue(random, depth + 1) };
  }
}

/** Malformed baselines: random values, the valid one with a part replaced, and broken texts. */
function shapes(): string[] {
  const random = prng(20261203);
  const out: string[] = [
    '{"version":1,"findings":[null]}',
    '',
    ' ',
    'null',
    '[]',
    '{}',
    '{"version":1}',
    '{"findings":[]}',
    '{"version":"1","findings":[]}',
    '\ufeff' + JSON.stringify(VALID),
    '['.repeat(100_000),
    '{"version":1,"findings":' + '['.repeat(50_000) + ']'.repeat(50_000) + '}',
  ];
  for (let i = 0; i < 150; i++) out.push(JSON.stringify(randomValue(random)));
  for (let i = 0; i < 150; i++) {
    const doc = JSON.parse(JSON.stringify(VALID)) as Record<string, unknown> & { findings: unknown[] };
    const where = random(4);
    if (where === 0) doc.version = randomValue(random);
    else if (where === 1) doc.findings = randomValue(random) as unknown[];
    else if (where === 2) doc.findings.push(randomValue(random));
    else (doc.findings[0] as Record<string, unknown>)[['file', 'rule', 'path'][random(3)]] = randomValue(random);
    out.push(JSON.stringify(doc));
  }
  const text = JSON.stringify(VALID);
  for (let i = 0; i < text.length; i += 3) out.push(text.slice(0, i));
  for (let i = 0; i < 30; i++) out.push(Buffer.from(Array.from({ length: 1 + random(200) }, () => random(256))).toString('latin1'));
  return out;
}

describe('robustness: malformed baselines', function () {
  this.timeout(60_000);
  const all = shapes();

  it(`${all.length} shapes: each is read or refused with a BaselineError that quotes nothing of it`, () => {
    assert.ok(all.length >= 300, `${all.length} shapes`);
    const dir = tempDir();
    const file = path.join(dir, 'baseline.json');
    let read = 0;
    let refused = 0;
    for (const shape of all) {
      fs.writeFileSync(file, shape);
      try {
        const keys = readBaseline(file);
        assert.ok(keys instanceof Set);
        read++;
      } catch (e) {
        if (!(e instanceof BaselineError)) assert.fail(`${JSON.stringify(shape.slice(0, 200))}: ${(e as Error).stack}`);
        assert.ok(e.message.length < 300, e.message);
        assert.ok(!/\u001b|BEGIN PRIVATE|__proto__/.test(e.message.replace(file, '')), e.message);
        refused++;
      }
    }
    assert.ok(read > 0 && refused > 200, `${read} read, ${refused} refused`);
  });

  it('through the CLI: exit 2 and one line, never an internal error', async () => {
    const dir = tempDir({ 'a.yaml': WEAK_LISTENER });
    for (const [i, shape] of all.entries()) {
      if (i % 7 !== 0) continue;
      fs.writeFileSync(path.join(dir, 'b.json'), shape);
      let err = '';
      const status = await runCli(['--baseline', 'b.json', 'a.yaml'], { cwd: dir, out: () => undefined, err: (s) => (err += s), isTty: false });
      assert.ok(!err.includes('internal error'), err);
      if (status === 2) assert.equal(err.trim().split('\n').length, 1, err);
    }
  });

  it('a valid baseline still drops the findings it records', async () => {
    const dir = tempDir({ 'a.yaml': WEAK_LISTENER });
    let out = '';
    const io = { cwd: dir, out: (s: string) => (out += s), err: () => undefined, isTty: false };
    await runCli(['--write-baseline', 'b.json', 'a.yaml'], io);
    out = '';
    assert.equal(await runCli(['--format', 'json', '--baseline', 'b.json', 'a.yaml'], io), 0);
    assert.deepEqual(JSON.parse(out).files[0].diagnostics, []);
  });
});

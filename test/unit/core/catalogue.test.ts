import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { withDocHeader } from '../../../rules/src/rules/doc-header';
import { defaultRegistry } from '../../../rules/src/rules/index';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

function filesUnder(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) filesUnder(full, out);
    else if (e.name.endsWith('.ts')) out.push(full);
  }
  return out;
}

describe('rule catalogue', () => {
  const metas = defaultRegistry().allMetas();

  it('has a documentation page for every rule, and a rule for every page', () => {
    const pages = fs
      .readdirSync(path.join(ROOT, 'docs', 'rules'))
      .filter((f) => f.endsWith('.md') && f !== 'README.md')
      .map((f) => f.slice(0, -3));
    assert.deepEqual(metas.map((m) => m.id).sort(), pages.sort());
  });

  for (const m of metas) {
    it(`${m.id}: metadata and a documentation page`, () => {
      assert.match(m.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.ok(m.summary.length > 10 && !m.summary.includes('\n'), 'one-line summary');
      assert.ok(['error', 'warning', 'info', 'off'].includes(m.severity));
      const doc = path.join(ROOT, 'docs', 'rules', `${m.id}.md`);
      assert.ok(fs.existsSync(doc), `docs/rules/${m.id}.md`);
      const text = fs.readFileSync(doc, 'utf8');
      assert.ok(text.startsWith(`# ${m.id}`), 'page starts with its id');
      for (const section of ['## What it checks', '## Why', '## Fails', '## Passes', '## Suppress']) assert.ok(text.includes(section), `${section} section`);
      if (m.fixable && m.id !== 'unknown-property') assert.ok(text.includes('## Fix'), 'fixable rules show their fix');
      assert.equal(withDocHeader(text, m), text, `the header table says what meta says (npm run docs:rules)`);
    });
  }

  it('the engine and rules never import vscode', () => {
    for (const file of filesUnder(path.join(ROOT, 'rules', 'src'))) {
      const text = fs.readFileSync(file, 'utf8');
      assert.ok(!/from ['"]vscode['"]|require\(['"]vscode['"]\)/.test(text), file);
    }
  });
});

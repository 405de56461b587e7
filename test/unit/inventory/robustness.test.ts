import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { defaultRegistry, lintText } from '../../../rules/src/index';
import { buildInventory, inventoryCsv, inventoryMarkdown, inventoryReport, TemplateInventory } from '../../../rules/src/inventory/index';
import { isCandidateFile } from '../../../rules/src/parse/detect';
import { ROOT } from '../../support/cli';

/** Real templates (../shared/corpus) and the acceptance cases, next to the checkout. */
const SOURCES = [path.resolve(ROOT, '..', 'shared', 'corpus'), path.resolve(ROOT, '..', 'shared', 'acceptance', 'cases')];

function filesUnder(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) filesUnder(full, out);
    else if (isCandidateFile(e.name)) out.push(full);
  }
  return out;
}

/** Keys are unique and every link points at an entry of the same template. */
function assertConsistent(t: TemplateInventory): void {
  const certs = new Set(t.certificates.map((c) => c.key));
  const endpoints = new Set(t.endpoints.map((e) => e.key));
  assert.equal(certs.size, t.certificates.length, `${t.file}: certificate keys are unique`);
  assert.equal(endpoints.size, t.endpoints.length, `${t.file}: endpoint keys are unique`);
  for (const e of t.endpoints) {
    assert.ok(e.line >= 1);
    for (const k of e.certificates) assert.ok(certs.has(k), `${t.file}: ${e.key} -> ${k}`);
  }
  for (const c of t.certificates) {
    assert.ok(c.line >= 1);
    // Labels name what the template names, never the expression's JSON (issue 15).
    assert.ok(c.label && !/\{"|Fn::/.test(c.label) && c.label.length <= 120, `${t.file}: label ${c.label}`);
    for (const u of c.consumers) {
      assert.ok(endpoints.has(u.endpoint), `${t.file}: ${c.key} <- ${u.endpoint}`);
      assert.ok(t.endpoints.find((e) => e.key === u.endpoint)!.certificates.includes(c.key), `${t.file}: ${u.endpoint} lists ${c.key}`);
    }
    for (const k of [...c.issues, ...(c.issuer ? [c.issuer] : [])]) assert.ok(certs.has(k), `${t.file}: ${c.key} issuer link ${k}`);
  }
}

describe('inventory robustness', function () {
  const files = SOURCES.filter((d) => fs.existsSync(d)).flatMap((d) => filesUnder(d));
  if (!files.length) {
    it('skipped: ../shared/corpus and ../shared/acceptance are not next to this checkout');
    return;
  }

  it(`builds a consistent inventory for each of ${files.length} files, and renders them all`, () => {
    const registry = defaultRegistry();
    const templates: TemplateInventory[] = [];
    for (const file of files) {
      const r = lintText(fs.readFileSync(file, 'utf8'), file, registry);
      if (!r.parsed) continue;
      const inv = buildInventory(r.parsed, r.diagnostics, { file: path.relative(ROOT, file) });
      assertConsistent(inv);
      templates.push(inv);
    }
    assert.ok(templates.length > 300);
    const report = inventoryReport(templates);
    assert.ok(report.summary.endpoints > 100);
    assert.ok(inventoryMarkdown(report).length > 0);
    assert.equal(inventoryCsv(report).split('\n')[0].split(',').length, 21);
  });
});

import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { defaultRegistry, lintText } from '../../../rules/src/index';
import { isCandidateFile, isTemplateRoot, mayLintAsTemplate } from '../../../rules/src/parse/detect';
import { parseSource } from '../../../rules/src/parse/index';
import { positionAt } from '../../../rules/src/parse/source-tree';

/** The shared corpus of real templates by others (read-only, next to the checkout). */
const CORPUS = path.resolve(__dirname, '..', '..', '..', '..', '..', 'shared', 'corpus');

function filesUnder(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) filesUnder(full, out);
    else if (isCandidateFile(e.name)) out.push(full);
  }
  return out;
}

describe('corpus robustness', function () {
  if (!fs.existsSync(CORPUS)) {
    it('skipped: ../shared/corpus is not present next to this checkout');
    return;
  }
  const files = filesUnder(CORPUS);

  it('the lint sniff (mayLintAsTemplate) passes every corpus file whose parse is a template', () => {
    let templates = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const source = parseSource(text, file);
      if (source.errors.length || !isTemplateRoot(source.root)) continue;
      templates++;
      assert.ok(mayLintAsTemplate(text), `${file}: a template the sniff would skip`);
    }
    assert.ok(templates > 300, `only ${templates} templates parsed`);
  });

  it(`lints all ${files.length} corpus files without a crash, with every range inside its file`, () => {
    const registry = defaultRegistry();
    let templates = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const r = lintText(text, file, registry);
      assert.deepEqual(r.ruleFailures, [], `${file}: a rule threw`);
      if (r.template) templates++;
      else assert.equal(r.diagnostics.length, 0, `${file}: a non-template got diagnostics`);
      const lines = text.split(/\r\n|\r|\n/);
      for (const d of r.diagnostics) {
        for (const p of [d.range.start, d.range.end]) {
          assert.ok(p.line >= 0 && p.line < lines.length, `${file}: ${d.rule} line ${p.line} outside the file`);
          assert.ok(p.character >= 0 && p.character <= lines[p.line].length, `${file}: ${d.rule} character outside line ${p.line}`);
        }
        assert.ok(d.offsets.start <= d.offsets.end && d.offsets.end <= text.length, `${file}: ${d.rule} offsets`);
        assert.deepEqual(positionAt(r.source!.lineStarts, d.offsets.start), d.range.start);
      }
    }
    assert.ok(templates > 300, `only ${templates} templates detected`);
  });

  it('is deterministic', () => {
    const registry = defaultRegistry();
    for (const file of files.slice(0, 60)) {
      const text = fs.readFileSync(file, 'utf8');
      assert.deepEqual(lintText(text, file, registry).diagnostics, lintText(text, file, registry).diagnostics, file);
    }
  });
});

import { strict as assert } from 'assert';
import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { defaultRegistry, lintText } from '../../../rules/src/index';
import { applyEdits, editsForFix, fixAll } from '../../../rules/src/edit/index';
import { isCandidateFile } from '../../../rules/src/parse/detect';
import type { Diagnostic } from '../../../rules/src/engine/types';

/**
 * Property test (issue 4): over the corpus and the acceptance cases, every fix of every
 * fixable diagnostic yields a template that parses, drops that diagnostic, adds no error,
 * keeps every comment line and changes nothing outside its edits; fix-all is idempotent.
 */
const SHARED = path.resolve(__dirname, '..', '..', '..', '..', '..', 'shared');

function filesUnder(dir: string, out: string[] = []): string[] {
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) filesUnder(full, out);
    else if (isCandidateFile(e.name)) out.push(full);
  }
  return out;
}

const registry = defaultRegistry();
const lint = (text: string, file: string) => lintText(text, file, registry);
const key = (d: Diagnostic): string => `${d.rule} ${JSON.stringify(d.path)}`;
const commentLines = (text: string): string[] => text.split(/\r\n|\r|\n/).filter((l) => /^\s*#/.test(l));

interface Item {
  file: string;
  text: string;
  diagnostic: Diagnostic;
  fixIndex: number;
}

describe('fix properties over the corpus and the acceptance cases', function () {
  this.timeout(300_000);
  const files = [
    ...filesUnder(path.join(SHARED, 'corpus')),
    ...filesUnder(path.join(SHARED, 'acceptance', 'cases')),
    ...filesUnder(path.join(SHARED, 'acceptance', 'fixes')).filter((f) => !f.includes(`${path.sep}after${path.sep}`)),
  ];
  if (!files.length) {
    it('skipped: ../shared is not present next to this checkout');
    return;
  }
  const items: Item[] = [];
  const templates: { file: string; text: string }[] = [];
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const r = lint(text, file);
    if (!r.template || r.diagnostics.some((d) => d.rule === 'template-parse-error')) continue;
    templates.push({ file, text });
    for (const d of r.diagnostics) d.fixes.forEach((_f, fixIndex) => items.push({ file, text, diagnostic: d, fixIndex }));
  }

  it(`finds fixable diagnostics to test (${items.length})`, () => assert.ok(items.length > 100));

  it('each fix: parses, drops its diagnostic, adds no error, keeps comments, edits only its ranges', () => {
    fc.assert(
      fc.property(fc.constantFrom(...items), ({ file, text, diagnostic, fixIndex }) => {
        const before = lint(text, file);
        const edits = editsForFix(before.source!, diagnostic.fixes[fixIndex]);
        const label = `${path.relative(SHARED, file)}: ${diagnostic.rule} fix "${diagnostic.fixes[fixIndex].title}"`;
        assert.ok(edits.length > 0, `${label}: no edits`);
        const fixed = applyEdits(text, edits);
        const after = lint(fixed, file);
        assert.ok(after.template, `${label}: no longer a template`);
        assert.deepEqual(
          after.diagnostics.filter((d) => d.rule === 'template-parse-error').map((d) => d.message),
          [],
          `${label}: does not parse`,
        );
        assert.ok(!after.diagnostics.some((d) => key(d) === key(diagnostic)), `${label}: the diagnostic is still there`);
        const errorsBefore = new Set(before.diagnostics.filter((d) => d.severity === 'error').map((d) => d.rule));
        const newErrors = after.diagnostics.filter((d) => d.severity === 'error' && !errorsBefore.has(d.rule));
        assert.deepEqual(
          newErrors.map((d) => `${d.rule}: ${d.message}`),
          [],
          `${label}: new errors`,
        );
        const kept = new Set(commentLines(fixed));
        for (const c of commentLines(text)) assert.ok(kept.has(c), `${label}: lost comment ${c}`);
        // Outside the edits the text is the same, byte for byte.
        const sorted = [...edits].sort((a, b) => a.start - b.start);
        let offsetShift = 0;
        let cursor = 0;
        for (const e of sorted) {
          assert.equal(fixed.slice(cursor + offsetShift, e.start + offsetShift), text.slice(cursor, e.start), `${label}: bytes before an edit changed`);
          offsetShift += e.newText.length - (e.end - e.start);
          cursor = e.end;
        }
        assert.equal(fixed.slice(cursor + offsetShift), text.slice(cursor), `${label}: bytes after the edits changed`);
      }),
      { seed: 20261127, numRuns: Math.min(items.length, 400) },
    );
  });

  it('fix-all is idempotent', () => {
    fc.assert(
      fc.property(fc.constantFrom(...templates), ({ file, text }) => {
        const once = fixAll(text, (t) => lint(t, file)).text;
        const twice = fixAll(once, (t) => lint(t, file)).text;
        assert.equal(twice, once, `${path.relative(SHARED, file)}: a second fix-all changed the text`);
      }),
      { seed: 20261127, numRuns: Math.min(templates.length, 150) },
    );
  });
});

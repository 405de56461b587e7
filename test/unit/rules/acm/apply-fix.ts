import { strict as assert } from 'assert';
import { applyEdits, editsForFix } from '../../../../rules/src/edit/index';
import type { Rule } from '../../../../rules/src/engine/types';
import { parseSource } from '../../../../rules/src/parse/index';
import { lintWith, TestCase } from '../../../support/rule-tester';

/**
 * For fixes that fix-all leaves out (`safe: false`): the text after applying the first fix
 * of the first diagnostic, as an editor's quick fix would, and the fix's safety.
 */
export function applyFirstFix(rule: Rule, c: TestCase): { text: string; safe: boolean } {
  const [d] = lintWith(rule, c);
  assert.ok(d && d.fixes.length, 'expected a diagnostic with a fix');
  const fileName = c.fileName ?? (c.code.trimStart().startsWith('{') ? 'template.json' : 'template.yaml');
  const edits = editsForFix(parseSource(c.code, fileName), d.fixes[0]);
  return { text: applyEdits(c.code, edits), safe: d.fixes[0].safe };
}

export interface QuickFixCase {
  name: string;
  code: string;
  options?: Record<string, unknown>;
  /** Text after the quick fix. */
  output: string;
  /** The fix is applied by fix-all too. */
  safe: boolean;
}

/** Quick-fix tests: the first fix's text and whether fix-all takes it; after the fix the rule is quiet. */
export function runQuickFixTests(rule: Rule, cases: QuickFixCase[]): void {
  describe(`${rule.meta.id} quick fixes`, () => {
    for (const c of cases) {
      it(c.name, () => {
        const got = applyFirstFix(rule, c);
        assert.equal(got.text, c.output, 'text after the quick fix');
        assert.equal(got.safe, c.safe, 'safe');
        assert.deepEqual(
          lintWith(rule, { ...c, code: got.text }).map((d) => d.message),
          [],
          'the fix leaves no diagnostic of this rule',
        );
      });
    }
  });
}

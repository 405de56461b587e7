import { strict as assert } from 'assert';
import { ConfigLayer, mergeSettings } from '../../rules/src/engine/config';
import { lintText } from '../../rules/src/engine/lint';
import { RuleRegistry } from '../../rules/src/engine/registry';
import type { Diagnostic, Rule, Severity } from '../../rules/src/engine/types';
import { applyEdits, editsForFix, fixAll } from '../../rules/src/edit/index';
import type { Path } from '../../rules/src/parse/source-tree';

/**
 * ESLint-style RuleTester: a table of valid and invalid templates per rule, with
 * the expected diagnostics and, for fixable rules, the text after fix-all.
 */

export interface ExpectedError {
  /** Exact template path of the diagnostic. */
  path?: Path;
  /** 1-based line where the range starts. */
  line?: number;
  messageIncludes?: string;
  severity?: Severity;
  resource?: string | null;
  /** Number of related-information entries. */
  related?: number;
  /** Paths of the related-information entries, in order. */
  relatedPaths?: Path[];
  /** Number of fixes offered. */
  fixes?: number;
}

export interface TestCase {
  name: string;
  code: string;
  /** File name (its extension picks YAML or JSON); default template.yaml, or template.json when code starts with `{`. */
  fileName?: string;
  /** This rule's options. */
  options?: Record<string, unknown>;
  /** A severity configured for the rule (default: none configured, the rule's own). */
  severity?: Severity;
  /** Other settings (allowedDomains, production, regions, recommendedPolicies...). */
  settings?: Omit<ConfigLayer, 'rules'>;
}

export interface InvalidCase extends TestCase {
  errors: ExpectedError[];
  /** Text after applying every safe fix of this rule (fix-all); the result must not have the rule's diagnostics. */
  output?: string;
  /**
   * Text after applying the first fix of the first diagnostic as a quick fix (also one that
   * fix-all does not apply); the result must not have the rule's diagnostics.
   */
  quickFixOutput?: string;
}

export interface RuleTests {
  valid: TestCase[];
  invalid: InvalidCase[];
}

/** A seed principle number, as in "(S13)", "(S9, S10)" or "(S8: …)": users don't know them. */
const SEED_REFERENCE = /\(S\d{1,2}\b/;

/** Every text a user reads: written for users, without the project's internal references. */
function assertUserFacing(d: Diagnostic): void {
  for (const text of [d.message, ...d.related.map((r) => r.message), ...d.fixes.map((f) => f.title)]) {
    assert.doesNotMatch(text, SEED_REFERENCE, `${d.rule} cites a seed principle: ${text}`);
  }
}

function fileNameOf(c: TestCase): string {
  return c.fileName ?? (c.code.trimStart().startsWith('{') ? 'template.json' : 'template.yaml');
}

/** Settings for a case: the rule enabled (an `off` rule at warning), its options, the case's severity. */
function settingsFor(rule: Rule, c: TestCase) {
  const severity = c.severity ?? (rule.meta.severity === 'off' ? 'warning' : undefined);
  return mergeSettings({ ...(c.settings ?? {}), rules: new Map([[rule.meta.id, { severity, options: c.options ?? {} }]]) });
}

export function lintWith(rule: Rule, c: TestCase, text = c.code): Diagnostic[] {
  const result = lintText(text, fileNameOf(c), new RuleRegistry([rule]), { settings: settingsFor(rule, c) });
  assert.deepEqual(result.ruleFailures, [], `rule threw: ${JSON.stringify(result.ruleFailures)}`);
  return result.diagnostics.filter((d) => d.rule === rule.meta.id);
}

export function runRuleTests(rule: Rule, tests: RuleTests): void {
  describe(rule.meta.id, () => {
    for (const c of tests.valid) {
      it(`valid: ${c.name}`, () => {
        const found = lintWith(rule, c);
        assert.deepEqual(
          found.map((d) => `${d.range.start.line + 1}: ${d.message}`),
          [],
          'expected no diagnostics',
        );
      });
    }
    for (const c of tests.invalid) {
      it(`invalid: ${c.name}`, () => {
        const found = lintWith(rule, c);
        assert.equal(
          found.length,
          c.errors.length,
          `expected ${c.errors.length} diagnostic(s), got: ${JSON.stringify(
            found.map((d) => ({ line: d.range.start.line + 1, path: d.path, message: d.message })),
            null,
            1,
          )}`,
        );
        found.forEach(assertUserFacing);
        c.errors.forEach((e, i) => {
          const d = found[i];
          if (e.path) assert.deepEqual(d.path, e.path, `diagnostic ${i} path`);
          if (e.line !== undefined) assert.equal(d.range.start.line + 1, e.line, `diagnostic ${i} line`);
          if (e.messageIncludes)
            assert.ok(d.message.includes(e.messageIncludes), `diagnostic ${i} message "${d.message}" should include "${e.messageIncludes}"`);
          if (e.severity) assert.equal(d.severity, e.severity, `diagnostic ${i} severity`);
          if (e.resource !== undefined) assert.equal(d.resource, e.resource, `diagnostic ${i} resource`);
          if (e.related !== undefined) assert.equal(d.related.length, e.related, `diagnostic ${i} related`);
          if (e.relatedPaths)
            assert.deepEqual(
              d.related.map((r) => r.path),
              e.relatedPaths,
              `diagnostic ${i} related paths`,
            );
          if (e.fixes !== undefined) assert.equal(d.fixes.length, e.fixes, `diagnostic ${i} fixes`);
        });
        if (c.output !== undefined) {
          const fixed = fixAll(c.code, (text) => {
            const r = lintText(text, fileNameOf(c), new RuleRegistry([rule]), { settings: settingsFor(rule, c) });
            return { diagnostics: r.diagnostics, source: r.source };
          });
          assert.equal(fixed.text, c.output, 'text after the fix');
          assert.deepEqual(
            lintWith(rule, c, fixed.text).map((d) => d.message),
            [],
            'the fix leaves no diagnostic of this rule',
          );
        }
        if (c.quickFixOutput !== undefined) {
          const r = lintText(c.code, fileNameOf(c), new RuleRegistry([rule]), { settings: settingsFor(rule, c) });
          const d = r.diagnostics.find((x) => x.rule === rule.meta.id)!;
          assert.ok(d.fixes.length, 'the diagnostic offers a fix');
          const edits = editsForFix(r.source!, d.fixes[0]);
          assert.ok(edits.length, `the fix "${d.fixes[0].title}" applies`);
          const text = applyEdits(c.code, edits);
          assert.equal(text, c.quickFixOutput, 'text after the quick fix');
          assert.deepEqual(
            lintWith(rule, c, text).map((x) => x.message),
            [],
            'the quick fix leaves no diagnostic of this rule',
          );
        }
      });
    }
  });
}

import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { defaultRegistry } from '../../rules/src/index';
import { isCandidateFile } from '../../rules/src/parse/detect';
import { ROOT } from '../support/cli';
import { checkTemplate, EVERY_SCENARIO_TITLE, FixCheck } from '../support/scenario-fixes';

/**
 * Issue 15, point 1: a fix never changes other scenarios. For every fixable finding on an
 * `Fn::If` branch, each fix the engine offers is applied; in every scenario where the finding's
 * conditions do not hold, the resource's `Properties` resolve (by the engine's evaluator) to the
 * same JSON before and after. Only a fix that is not safe and says it changes every scenario may.
 */
const SHARED = path.resolve(ROOT, '..', 'shared');
const HAND_WRITTEN = path.join(ROOT, 'test', 'fixtures', 'fix-scenarios');

function filesUnder(dir: string, keep: (name: string) => boolean, out: string[] = []): string[] {
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) filesUnder(full, keep, out);
    else if (keep(e.name)) out.push(full);
  }
  return out.sort();
}

const registry = defaultRegistry();

function checksOf(files: readonly string[]): FixCheck[] {
  return files.flatMap((f) => checkTemplate(path.relative(ROOT, f), fs.readFileSync(f, 'utf8'), registry));
}

const everyScenario = (c: FixCheck): boolean => EVERY_SCENARIO_TITLE.test(c.title);
const describeCheck = (c: FixCheck): string => `${c.file}: ${c.rule} "${c.title}"${c.safe ? ' (safe)' : ''} changes ${c.changed.join('; ')}`;

/** The property over one set of templates. */
function property(checks: readonly FixCheck[]): void {
  it(`no fix changes a scenario its finding is not in (${checks.length} fixes, ${checks.reduce((n, c) => n + c.compared, 0)} scenarios compared)`, () => {
    const violations = checks.filter((c) => c.changed.length && !(everyScenario(c) && !c.safe));
    assert.deepEqual(violations.map(describeCheck), []);
  });

  const whole = checks.filter(everyScenario);
  it(`fixes titled as changing every scenario (${whole.length}${whole.length ? `: ${[...new Set(whole.map((c) => c.rule))].join(', ')}` : ''}) are neither safe nor preferred`, () => {
    for (const c of whole) assert.ok(!c.safe && !c.preferred, describeCheck(c));
  });
}

describe('fixes never change other scenarios', function () {
  this.timeout(600_000);

  describe('hand-written templates (test/fixtures/fix-scenarios)', () => {
    const checks = checksOf(filesUnder(HAND_WRITTEN, isCandidateFile));
    property(checks);

    it('examines fixes on branches, so the property cannot pass vacuously', () => {
      const examined = checks.filter((c) => c.compared > 0);
      const rules = new Set(examined.map((c) => c.rule));
      assert.ok(rules.has('elbv2-http-without-redirect'), `examined: ${[...rules].join(', ')}`);
      assert.ok(rules.size >= 10, `examined: ${[...rules].join(', ')}`);
      // Both the YAML and the JSON template of DefaultActions: !If [HasCertificate, <redirect>, <forward>].
      const redirect = examined.filter((c) => c.rule === 'elbv2-http-without-redirect' && /elbv2-redirect-if\.(yaml|json)$/.test(c.file));
      assert.deepEqual([...new Set(redirect.map((c) => path.extname(c.file)))].sort(), ['.json', '.yaml']);
      assert.deepEqual(
        checks.filter((c) => c.skipped).map((c) => `${c.file}: ${c.rule}: ${c.skipped}`),
        [],
      );
    });
  });

  const sources: [string, string, (name: string) => boolean][] = [
    ['acceptance cases', path.join(SHARED, 'acceptance', 'cases'), (name) => /\.(ya?ml|json)$/.test(name)],
    ['corpus', path.join(SHARED, 'corpus'), isCandidateFile],
  ];
  for (const [name, dir, keep] of sources) {
    describe(`${name} (${path.relative(ROOT, dir)})`, () => {
      const files = filesUnder(dir, keep);
      if (!files.length) {
        it(`skipped: ${dir} is not present next to this checkout`);
        return;
      }
      property(checksOf(files));
    });
  }
});

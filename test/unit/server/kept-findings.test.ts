import { strict as assert } from 'assert';
import type { Diagnostic } from 'vscode-languageserver/node';
import { isKept, KEPT_SUFFIX, keptFindings, lineMapping } from '../../../server/src/kept-findings';

const BEFORE = ['a: 1', 'b: 2', 'c: 3', 'd: 4', 'e: 5', 'f: 6'].join('\n');

function finding(line: number, endLine = line, extra: Partial<Diagnostic> = {}): Diagnostic {
  return {
    range: { start: { line, character: 3 }, end: { line: endLine, character: 4 } },
    message: `finding on ${line}`,
    code: 'elbv2-ssl-policy-weak',
    source: 'cfn-tls-lint',
    data: { rule: 'elbv2-ssl-policy-weak', path: ['Resources', 'L'], resource: 'L', fixes: [{ title: 'Use a strong policy', safe: true }] },
    ...extra,
  };
}

describe('server: findings kept across a syntax error', () => {
  it('maps unchanged lines, shifted by lines inserted or removed above them', () => {
    const after = ['a: 1', 'x: {', 'y', 'b: 2', 'c: 3', 'e: 5', 'f: 6'].join('\n');
    const map = lineMapping(BEFORE, after);
    assert.deepEqual([0, 1, 2, 3, 4, 5].map(map), [0, 3, 4, undefined, 5, 6]);
  });

  it('keeps findings on untouched lines at their new place, marked, without fixes', () => {
    const after = BEFORE.replace('b: 2', 'b: 2\nz: {');
    const [kept] = keptFindings([finding(4)], BEFORE, after);
    assert.equal(kept.range.start.line, 5);
    assert.equal(kept.range.start.character, 3);
    assert.equal(kept.message, `finding on 4${KEPT_SUFFIX}`);
    assert.ok(isKept(kept));
    assert.deepEqual((kept.data as { fixes: unknown[] }).fixes, []);
    assert.equal((kept.data as { rule: string }).rule, 'elbv2-ssl-policy-weak');
  });

  it('drops a finding whose lines changed, or that lines were inserted into', () => {
    const edited = BEFORE.replace('c: 3', 'c: {');
    assert.deepEqual(keptFindings([finding(2)], BEFORE, edited), []);
    const split = BEFORE.replace('c: 3', 'c: 3\n{');
    assert.deepEqual(keptFindings([finding(2, 3)], BEFORE, split), []);
    assert.equal(keptFindings([finding(0, 1)], BEFORE, split).length, 1, 'a range above the edit stays');
  });

  it('moves related information with its lines and drops related places that changed', () => {
    const related = [
      { location: { uri: 'file:///t.yaml', range: finding(1).range }, message: 'default here' },
      { location: { uri: 'file:///t.yaml', range: finding(3).range }, message: 'changed' },
    ];
    const after = ['{', ...BEFORE.split('\n')].join('\n').replace('d: 4', 'd: {');
    const [kept] = keptFindings([finding(5, 5, { relatedInformation: related })], BEFORE, after);
    assert.equal(kept.range.start.line, 6);
    assert.deepEqual(
      kept.relatedInformation!.map((r) => [r.message, r.location.range.start.line]),
      [['default here', 2]],
    );
  });

  it('does not count a line ending changed as a change', () => {
    const kept = keptFindings([finding(3)], BEFORE, BEFORE.replace(/\n/g, '\r\n') + '\r\n{');
    assert.equal(kept.length, 1);
    assert.equal(kept[0].range.start.line, 3);
  });
});

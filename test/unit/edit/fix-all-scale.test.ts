import { strict as assert } from 'assert';
import { fixAll, LintFn } from '../../../rules/src/edit/index';
import { fixesThatParse } from '../../../rules/src/edit/fixes-that-parse';
import type { TextEdit } from '../../../rules/src/edit/index';
import { mergeSettings } from '../../../rules/src/engine/config';
import { lintText } from '../../../rules/src/engine/lint';
import { RuleRegistry } from '../../../rules/src/engine/registry';
import { parseSource } from '../../../rules/src/parse/index';
import { getValue, isMap, nodeAtPath, scalarString } from '../../../rules/src/parse/source-tree';
import { certificateArnHardcoded } from '../../../rules/src/rules/certificates/arn-hardcoded';
import { elbv2SslPolicyWeak } from '../../../rules/src/rules/elbv2/ssl-policy-weak';

/**
 * fix-all on large templates: thousands of fixes in one pass (the choice among them is linear:
 * pass-conflicts.ts), appends to the same mapping in one pass, and one broken fix among
 * thousands found with a few parses.
 */

const settings = mergeSettings({ rules: new Map() });
const registry = new RuleRegistry([elbv2SslPolicyWeak, certificateArnHardcoded]);

function listeners(n: number, arn: (i: number) => string): string {
  const lines = ["AWSTemplateFormatVersion: '2010-09-09'", 'Resources:'];
  for (let i = 0; i < n; i++) {
    lines.push(
      `  Listener${i}:`,
      '    Type: AWS::ElasticLoadBalancingV2::Listener',
      '    Properties:',
      '      Protocol: HTTPS',
      `      Port: ${1000 + i}`,
      '      SslPolicy: ELBSecurityPolicy-2016-08',
      '      Certificates:',
      `        - CertificateArn: ${arn(i)}`,
    );
  }
  return lines.join('\n') + '\n';
}

const counted = (): LintFn & { calls: number } => {
  const fn = ((text: string) => {
    fn.calls++;
    return lintText(text, 'template.yaml', registry, { settings });
  }) as unknown as LintFn & { calls: number };
  fn.calls = 0;
  return fn;
};

describe('edit: fixAll at scale', function () {
  this.timeout(120_000);

  it('3,000 weak listeners: one pass applies all 3,000 fixes, then one lint finds nothing left', () => {
    const text = listeners(3000, () => '!Ref Cert');
    const lint = counted();
    const r = fixAll(text, lint);
    assert.equal(r.applied, 3000);
    assert.equal(r.passes, 1);
    assert.equal(lint.calls, 2);
    assert.equal(r.text, text.replace(/ELBSecurityPolicy-2016-08/g, 'ELBSecurityPolicy-TLS13-1-2-Res-2021-06'));
    assert.ok(r.lint && r.lint.source?.text === r.text, 'the lint of the result comes back with it');
  });

  it('500 hard-coded ARNs: every parameter added (one pass creates Parameters, the next adds the other 499 together)', () => {
    const arn = (i: number) =>
      `arn:aws:acm:us-east-1:123456789012:certificate/${String(i).padStart(8, '0')}-1111-2222-3333-${String(i * 7919).padStart(12, '0')}`;
    const text = listeners(500, arn);
    const lint = counted();
    const r = fixAll(text, lint);
    assert.equal(r.passes, 2);
    assert.equal(r.applied, 500 + 500);
    const src = parseSource(r.text, 't.yaml');
    assert.deepEqual(src.errors, []);
    assert.deepEqual(src.duplicateKeys ?? [], []);
    const params = getValue(src.root, 'Parameters');
    assert.ok(isMap(params));
    assert.equal(params.pairs.length, 500);
    for (let i = 0; i < 500; i++) {
      const name = `Listener${i}CertificateArn`;
      assert.equal(scalarString(nodeAtPath(src.root, ['Parameters', name, 'Default'])?.node), arn(i));
      assert.equal(scalarString(nodeAtPath(src.root, ['Resources', `Listener${i}`, 'Properties', 'Certificates', 0, 'CertificateArn', 'Ref'])?.node), name);
    }
    // Parameters in the order sequential passes would have added them.
    assert.deepEqual(
      params.pairs.slice(0, 3).map((p) => p.key.value),
      ['Listener0CertificateArn', 'Listener1CertificateArn', 'Listener2CertificateArn'],
    );
  });

  describe('fixesThatParse', () => {
    const text = Array.from({ length: 2000 }, (_, i) => `k${i}: v\n`).join('');
    const fixAt = (i: number, value: string): TextEdit[] => {
      const start = text.indexOf(`k${i}: v\n`) + `k${i}: `.length;
      return [{ start, end: start + 1, newText: value }];
    };
    const parsesAfter = (fixes: TextEdit[][]): boolean => {
      let out = '';
      let at = 0;
      for (const e of fixes.flat().sort((a, b) => a.start - b.start)) {
        out += text.slice(at, e.start) + e.newText;
        at = e.end;
      }
      return parseSource(out + text.slice(at), 't.yaml').errors.length === 0;
    };

    it('one broken fix among 2,000: the other 1,999 are kept, with a few dozen parses', () => {
      const fixes = Array.from({ length: 2000 }, (_, i) => fixAt(i, i === 1234 ? '[unclosed' : 'w'));
      let parses = 0;
      const kept = fixesThatParse(fixes, (f) => (parses++, parsesAfter(f)));
      assert.equal(kept.length, 1999);
      assert.ok(!kept.includes(fixes[1234]));
      assert.ok(parses <= 26, `${parses} parses`);
    });

    it('many broken fixes: the parses stay within the budget, and what is kept parses', () => {
      const fixes = Array.from({ length: 2000 }, (_, i) => fixAt(i, i % 40 === 0 ? '[unclosed' : 'w'));
      let parses = 0;
      const kept = fixesThatParse(fixes, (f) => (parses++, parsesAfter(f)));
      assert.ok(parses <= 26, `${parses} parses`);
      assert.ok(kept.length > 0 && parsesAfter(kept));
    });
  });
});

import { strict as assert } from 'assert';
import { applyEdits } from '../../rules/src/edit/index';
import { disableNextLineEdit } from '../../rules/src/edit/suppress-comment';
import { defaultRegistry, lintText } from '../../rules/src/index';
import { listenersYaml, WEAK } from './fixtures';

/** The pure edit behind "Disable <id> for this line" (no server needed). */
describe('suppress-comment: disableNextLineEdit', () => {
  const apply = (text: string, line: number, id: string, reason = ''): string => applyEdits(text, [disableNextLineEdit(text, line, id, reason)]);

  it('inserts a comment above the line at its indentation', () => {
    const text = 'a:\n  b:\n    SslPolicy: x\n';
    assert.equal(apply(text, 2, 'r1', 'legacy clients'), 'a:\n  b:\n    # cfn-tls-lint-disable-next-line r1 -- legacy clients\n    SslPolicy: x\n');
    assert.equal(apply(text, 2, 'r1'), 'a:\n  b:\n    # cfn-tls-lint-disable-next-line r1 --\n    SslPolicy: x\n');
  });

  it('uses the indentation of a list item and keeps CRLF', () => {
    const text = 'L:\r\n  - Protocol: HTTP\r\n';
    assert.equal(apply(text, 1, 'r1'), 'L:\r\n  # cfn-tls-lint-disable-next-line r1 --\r\n  - Protocol: HTTP\r\n');
  });

  it('adds the id to a disable-next-line comment already above, keeping its reason', () => {
    const text = '  # cfn-tls-lint-disable-next-line r1 -- why\n  X: 1\n';
    assert.equal(apply(text, 1, 'r2'), '  # cfn-tls-lint-disable-next-line r1, r2 -- why\n  X: 1\n');
    const noReason = '# cfn-tls-lint-disable-next-line r1\nX: 1\n';
    assert.equal(apply(noReason, 1, 'r2'), '# cfn-tls-lint-disable-next-line r1, r2\nX: 1\n');
    assert.equal(apply(text, 1, 'r1'), text, 'already listed: no change');
  });

  it('works on the first line', () => {
    assert.equal(apply('X: 1', 0, 'r1'), '# cfn-tls-lint-disable-next-line r1 --\nX: 1');
  });

  it('suppresses the finding for the engine', () => {
    const text = listenersYaml([{ id: 'L', policy: WEAK }]);
    const before = lintText(text, 't.yaml', defaultRegistry());
    const d = before.diagnostics.find((x) => x.rule === 'elbv2-ssl-policy-weak')!;
    const after = lintText(apply(text, d.range.start.line, d.rule, 'pinned by a partner'), 't.yaml', defaultRegistry());
    assert.ok(!after.diagnostics.some((x) => x.rule === 'elbv2-ssl-policy-weak'));
    assert.ok(!after.diagnostics.some((x) => x.rule === 'suppression-without-reason'));
  });
});

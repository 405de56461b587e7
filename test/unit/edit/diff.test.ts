import { strict as assert } from 'assert';
import { unifiedDiff } from '../../../rules/src/edit/index';

describe('edit: unifiedDiff', () => {
  it('is empty for equal texts', () => {
    assert.equal(unifiedDiff('a\n', 'a\n', 'a/x', 'b/x'), '');
  });

  it('shows one changed line with three lines of context', () => {
    const before = ['1', '2', '3', '4', '5', '6', '7', '8', '9'].join('\n') + '\n';
    const after = before.replace('5\n', 'five\n');
    assert.equal(unifiedDiff(before, after, 'a/t.yaml', 'b/t.yaml'), '--- a/t.yaml\n+++ b/t.yaml\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n');
  });

  it('splits distant changes into hunks and joins close ones', () => {
    const before = Array.from({ length: 30 }, (_, i) => `l${i + 1}`).join('\n') + '\n';
    const after = before.replace('l2\n', 'L2\n').replace('l4\n', 'L4\n').replace('l25\n', '');
    const d = unifiedDiff(before, after, 'a', 'b');
    assert.equal((d.match(/^@@/gm) ?? []).length, 2);
    assert.ok(d.includes('@@ -1,7 +1,7 @@\n l1\n-l2\n+L2\n l3\n-l4\n+L4\n'), d);
    assert.ok(d.includes('@@ -22,7 +22,6 @@\n l22\n l23\n l24\n-l25\n l26\n'), d);
  });

  it('shows pure insertions and a missing final line break', () => {
    assert.equal(unifiedDiff('a\nb', 'a\nx\nb', 'a', 'b'), '--- a\n+++ b\n@@ -1,2 +1,3 @@\n a\n+x\n b\n\\ No newline at end of file\n');
    assert.equal(unifiedDiff('', 'a\n', 'a', 'b'), '--- a\n+++ b\n@@ -0,0 +1,1 @@\n+a\n');
  });

  it('handles CRLF lines', () => {
    assert.equal(unifiedDiff('a\r\nb\r\n', 'a\r\nc\r\n', 'a', 'b'), '--- a\n+++ b\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n');
  });
});

import { strict as assert } from 'assert';
import { applyEdits, diffLines, lineDiffEdits, splitLines, unifiedDiff } from '../../../rules/src/edit/index';
import type { TextEdit } from '../../../rules/src/edit/index';
import { prng } from '../../support/yaml-differential';

/**
 * The line diff behind `--fix-dry-run` (and, later, the language server's fix-all): whatever the
 * size, the diff applied to the text before gives the text after, in memory linear in the lines.
 */

/** Applies a unified diff (as `patch` would, hunks in order, context checked) to `before`. */
function applyUnified(before: string, diff: string): string {
  const a = splitLines(before);
  const out: string[] = [];
  let at = 0;
  const lines = diff.split('\n');
  let i = 2; // past the --- and +++ headers
  const withEol = (body: string, k: number): string => (lines[k + 1] === '\\ No newline at end of file' ? body : body + '\n');
  while (i < lines.length && lines[i] !== '') {
    const h = /^@@ -(\d+),(\d+) \+(\d+),(\d+) @@$/.exec(lines[i]);
    assert.ok(h, `hunk header expected at diff line ${i}: ${lines[i]}`);
    const aStart = Number(h[2]) === 0 ? Number(h[1]) : Number(h[1]) - 1;
    while (at < aStart) out.push(a[at++]);
    i++;
    while (i < lines.length && lines[i] !== '' && !lines[i].startsWith('@@')) {
      const kind = lines[i][0];
      const body = lines[i].slice(1);
      if (kind === ' ' || kind === '-') {
        assert.equal(a[at].replace(/\r?\n$|\r$/, ''), body, `context or removed line ${at + 1} matches`);
        if (kind === ' ') out.push(a[at]);
        at++;
      } else if (kind === '+') {
        out.push(withEol(body, i));
      } else {
        assert.equal(lines[i], '\\ No newline at end of file');
      }
      i++;
    }
  }
  while (at < a.length) out.push(a[at++]);
  return out.join('');
}

/** A text of `n` lines, some repeated (a template's `Type:` lines), some unique (its logical ids). */
function template(n: number): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++)
    lines.push(i % 13 === 0 ? `  Listener${i}:` : i % 13 === 6 ? '      SslPolicy: ELBSecurityPolicy-2016-08' : `      Key${i % 5}: value`);
  return lines.join('\n') + '\n';
}

/** Random non-overlapping edits: replaced, removed and inserted lines. */
function randomEdits(text: string, count: number, seed: number): TextEdit[] {
  const random = prng(seed);
  const starts: number[] = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const picked = new Set<number>();
  while (picked.size < count) picked.add(random(starts.length - 1));
  return [...picked]
    .sort((x, y) => x - y)
    .map((line, k) => {
      const start = starts[line];
      const end = starts[line + 1] ?? text.length;
      const kind = k % 3;
      if (kind === 0) return { start, end, newText: `      SslPolicy: ELBSecurityPolicy-TLS13-1-2-Res-2021-06 # ${k}\n` };
      if (kind === 1) return { start, end, newText: '' };
      return { start, end: start, newText: `  Added${k}:\n    Type: String\n` };
    });
}

function assertDiffHolds(before: string, after: string): void {
  assert.equal(applyUnified(before, unifiedDiff(before, after, 'a/t', 'b/t')), after);
  assert.equal(applyEdits(before, lineDiffEdits(before, after)), after);
}

describe('edit: line diff at scale', function () {
  this.timeout(60_000);

  it('a 100,000-line file with 15,000 scattered changes: the diff applied gives the edited text', () => {
    const before = template(100_000);
    const after = applyEdits(before, randomEdits(before, 15_000, 7));
    const diff = unifiedDiff(before, after, 'a/t.yaml', 'b/t.yaml');
    assert.equal(applyUnified(before, diff), after);
    // Minimal on this shape: each replaced, removed or added line is one change.
    const changes = diffLines(splitLines(before), splitLines(after));
    assert.equal(
      changes.reduce((n, c) => n + (c.aEnd - c.aStart) + (c.bEnd - c.bStart), 0),
      5_000 * 2 + 5_000 + 5_000 * 2,
    );
    assert.equal(applyEdits(before, lineDiffEdits(before, after)), after);
  });

  it('a 100,000-line change of every line', () => {
    const before = template(100_000);
    assertDiffHolds(before, before.replace(/value/g, 'other'));
  });

  it('lines that repeat, with no unique line to anchor on (the Myers search alone), and past its work budget', () => {
    const before = 'a\nb\n'.repeat(20_000);
    const after = applyEdits(before, randomEdits(before, 300, 3));
    assertDiffHolds(before, after);
    // A tiny budget: coarser changes, still exact.
    const a = splitLines(before);
    const b = splitLines(after);
    const coarse = diffLines(a, b, 1000);
    const rebuilt: string[] = [];
    let at = 0;
    for (const c of coarse) {
      rebuilt.push(...a.slice(at, c.aStart), ...b.slice(c.bStart, c.bEnd));
      at = c.aEnd;
    }
    rebuilt.push(...a.slice(at));
    assert.equal(rebuilt.join(''), after);
  });

  it('random small texts: always exact, and minimal when no line is unique', () => {
    const random = prng(11);
    let minimalChecked = 0;
    for (let n = 0; n < 500; n++) {
      const alphabet = 1 + random(4);
      // CRLF in half of them: the unified diff shows lines without their terminators, so those check the edits only.
      const crlf = n % 2 === 1;
      const line = () => `${'xyzw'[random(alphabet)]}${crlf && random(3) === 0 ? '\r\n' : '\n'}`;
      const a = Array.from({ length: random(30) }, line).join('');
      const b = Array.from({ length: random(30) }, line).join('') + (random(5) === 0 ? 'tail' : '');
      if (crlf) assert.equal(applyEdits(a, lineDiffEdits(a, b)), b);
      else assertDiffHolds(a, b);
      const la = splitLines(a);
      const lb = splitLines(b);
      const changed = diffLines(la, lb).reduce((s, c) => s + (c.aEnd - c.aStart) + (c.bEnd - c.bStart), 0);
      if (alphabet === 1 || new Set(la).size < la.length) {
        // Only the Myers search ran when no line occurs once on each side.
        const unique = la.filter((l) => la.indexOf(l) === la.lastIndexOf(l) && lb.indexOf(l) >= 0 && lb.indexOf(l) === lb.lastIndexOf(l));
        if (!unique.length) {
          assert.equal(changed, la.length + lb.length - 2 * lcs(la, lb), `${JSON.stringify(a)} → ${JSON.stringify(b)}`);
          minimalChecked++;
        }
      }
    }
    assert.ok(minimalChecked > 100, `${minimalChecked} texts checked for minimality`);
  });
});

/** Length of the longest common subsequence (the textbook table; small inputs only). */
function lcs(a: string[], b: string[]): number {
  const t = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--) t[i][j] = a[i] === b[j] ? t[i + 1][j + 1] + 1 : Math.max(t[i + 1][j], t[i][j + 1]);
  return t[0][0];
}

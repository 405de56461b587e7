/** Unified diff of two texts by lines (Myers' O(ND) algorithm), for `--fix-dry-run`. */

type Op = { kind: ' ' | '-' | '+'; line: string };

/** Lines with their terminators (the last may have none). */
function splitLines(text: string): string[] {
  const lines = text.match(/[^\r\n]*(?:\r\n|\n|\r)|[^\r\n]+$/g) ?? [];
  return lines;
}

function myers(a: string[], b: string[]): Op[] {
  // Common prefix and suffix first: fixes change a few lines of long files.
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const A = a.slice(pre, a.length - suf);
  const B = b.slice(pre, b.length - suf);
  const n = A.length;
  const m = B.length;
  const max = n + m;
  const off = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = n === 0 && m === 0;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[off + k - 1] < v[off + k + 1]) ? v[off + k + 1] : v[off + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && A[x] === B[y]) {
        x++;
        y++;
      }
      v[off + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  // Walk the trace back from (n, m).
  const mid: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0 && (x > 0 || y > 0); d--) {
    const vd = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[off + k - 1] < vd[off + k + 1]) ? k + 1 : k - 1;
    const prevX = vd[off + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) mid.push({ kind: ' ', line: A[--x] }), y--;
    if (d > 0) {
      if (x === prevX) mid.push({ kind: '+', line: B[--y] });
      else mid.push({ kind: '-', line: A[--x] });
    }
  }
  while (x > 0 && y > 0) mid.push({ kind: ' ', line: A[--x] }), y--;
  mid.reverse();
  return [...a.slice(0, pre).map((line) => ({ kind: ' ' as const, line })), ...mid, ...a.slice(a.length - suf).map((line) => ({ kind: ' ' as const, line }))];
}

function show(op: Op): string {
  const body = op.line.replace(/(\r\n|\n|\r)$/, '');
  const missingEol = body === op.line;
  return `${op.kind}${body}\n${missingEol ? '\\ No newline at end of file\n' : ''}`;
}

/** The unified diff from `before` to `after` ('' when they are equal). */
export function unifiedDiff(before: string, after: string, beforeName: string, afterName: string, context = 3): string {
  if (before === after) return '';
  const ops = myers(splitLines(before), splitLines(after));
  let out = `--- ${beforeName}\n+++ ${afterName}\n`;
  let i = 0;
  while (i < ops.length) {
    while (i < ops.length && ops[i].kind === ' ') i++;
    if (i >= ops.length) break;
    const start = Math.max(0, i - context);
    // Extend while changes are closer than 2 * context lines apart.
    let end = i;
    let lastChange = i;
    while (end < ops.length) {
      if (ops[end].kind !== ' ') lastChange = end;
      else if (end - lastChange > 2 * context) break;
      end++;
    }
    end = Math.min(ops.length, lastChange + context + 1);
    let aLine = 1;
    let bLine = 1;
    for (let j = 0; j < start; j++) {
      if (ops[j].kind !== '+') aLine++;
      if (ops[j].kind !== '-') bLine++;
    }
    const hunk = ops.slice(start, end);
    const aCount = hunk.filter((o) => o.kind !== '+').length;
    const bCount = hunk.filter((o) => o.kind !== '-').length;
    out += `@@ -${aCount ? aLine : aLine - 1},${aCount} +${bCount ? bLine : bLine - 1},${bCount} @@\n`;
    out += hunk.map(show).join('');
    i = end;
  }
  return out;
}

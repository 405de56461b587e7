/**
 * Optimal-string-alignment (restricted Damerau-Levenshtein) distance: insertions, deletions,
 * substitutions and adjacent transpositions. Stops early and returns `limit + 1` once every
 * alignment is past `limit`, so ranking many candidates stays cheap.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur: number[] = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length];
}

/**
 * Did-you-mean suggestions for `name` among `candidates`: case-insensitive matches first, then
 * candidates within a (case-insensitive) Damerau-Levenshtein distance of max(2, len/3), closest
 * first (ties: case-sensitive distance, then name). At most `max` results.
 */
export function closestNames(name: string, candidates: Iterable<string>, max = 3): string[] {
  if (max <= 0) return [];
  const lower = name.toLowerCase();
  const limit = Math.max(2, Math.floor(name.length / 3));
  const scored: { c: string; d: number; tie: number }[] = [];
  for (const c of new Set(candidates)) {
    const cl = c.toLowerCase();
    const d = cl === lower ? -1 : editDistance(lower, cl, limit);
    if (d > limit) continue;
    scored.push({ c, d, tie: editDistance(name, c, Math.max(name.length, c.length)) });
  }
  scored.sort((x, y) => x.d - y.d || x.tie - y.tie || (x.c < y.c ? -1 : x.c > y.c ? 1 : 0));
  return scored.slice(0, max).map((s) => s.c);
}

/**
 * Did-you-mean for ELBv2 security policy names: the closest predefined names to a typo, and
 * whether one of them is clear enough for fix-all (rules.md `elbv2-ssl-policy-unknown`).
 */

export const POLICY_PREFIX = 'ELBSecurityPolicy-';

export interface Suggestion {
  name: string;
  /** Case-insensitive edits (Damerau-Levenshtein, optimal string alignment) from the written value. */
  edits: number;
}

export interface Suggestions {
  /** Closest first, at most `max`. */
  names: Suggestion[];
  /** The suggestion fix-all may apply: the single closest name, within 2 edits. */
  safe?: string;
}

/** Edits allowed for a fix-all suggestion (rules.md). */
export const SAFE_EDITS = 2;

/** Optimal-string-alignment distance, with an early exit above `limit`. */
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
 * Known names closest to `written`. Ranking is case-insensitive, and a value written without
 * the `ELBSecurityPolicy-` prefix (`TLS13-1-2-2021-06`) is also compared with the prefix added,
 * so the missing prefix alone does not hide the intended name. A name is suggested when it is
 * within a fifth of its length (at least 3) of the value. Ties keep table order.
 */
export function suggestPolicies(written: string, known: readonly string[], max = 3): Suggestions {
  const lower = written.toLowerCase();
  const prefixed = lower.startsWith(POLICY_PREFIX.toLowerCase()) ? undefined : POLICY_PREFIX.toLowerCase() + lower;
  const scored: { name: string; rank: number; edits: number; order: number }[] = [];
  known.forEach((name, order) => {
    const target = name.toLowerCase();
    const limit = Math.max(3, Math.floor(name.length / 5));
    const direct = editDistance(lower, target, limit);
    const rank = prefixed === undefined ? direct : Math.min(direct, editDistance(prefixed, target, limit));
    if (rank > limit) return;
    scored.push({ name, rank, edits: editDistance(lower, target), order });
  });
  scored.sort((x, y) => x.rank - y.rank || x.edits - y.edits || x.order - y.order);
  const names = scored.slice(0, max).map((s) => ({ name: s.name, edits: s.edits }));
  const [first, second] = scored;
  const unique = first && (!second || second.rank > first.rank);
  return { names, safe: unique && first.edits <= SAFE_EDITS ? first.name : undefined };
}

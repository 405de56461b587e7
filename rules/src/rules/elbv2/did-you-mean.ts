/**
 * Did-you-mean for ELBv2 security policy names: the closest predefined names to a typo, and
 * whether one of them is clear enough for fix-all (docs/rules/elbv2-ssl-policy-unknown.md).
 */

import { editDistance } from '../../util/edit-distance';

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

/** Edits allowed for a fix-all suggestion (docs/rules/elbv2-ssl-policy-unknown.md). */
export const SAFE_EDITS = 2;

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

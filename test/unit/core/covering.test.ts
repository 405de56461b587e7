import { strict as assert } from 'assert';
import fc from 'fast-check';
import { coverRows, Row } from '../../../rules/src/evaluate/covering';

/** The t-tuples of (factor, value) that no row covers, as strings (empty: the rows have strength t). */
function uncovered(sizes: readonly number[], rows: readonly Row[], t: number): string[] {
  const missing: string[] = [];
  const factors = sizes.map((_, i) => i);
  const pick = (start: number, chosen: number[]): void => {
    if (chosen.length === t) {
      const cells = chosen.reduce((p, f) => p * sizes[f], 1);
      for (let cell = 0; cell < cells; cell++) {
        let rest = cell;
        const values = chosen.map((f) => {
          const v = rest % sizes[f];
          rest = Math.floor(rest / sizes[f]);
          return v;
        });
        if (!rows.some((r) => chosen.every((f, k) => r[f] === values[k]))) missing.push(chosen.map((f, k) => `${f}=${values[k]}`).join(' '));
      }
      return;
    }
    for (let i = start; i < factors.length; i++) pick(i + 1, [...chosen, factors[i]]);
  };
  pick(0, []);
  return missing;
}

function inRange(sizes: readonly number[], rows: readonly Row[]): boolean {
  return rows.every((r) => r.length === sizes.length && r.every((v, f) => Number.isInteger(v) && v >= 0 && v < sizes[f]));
}

describe('covering arrays', () => {
  it('a product within the bound is enumerated fully', () => {
    const c = coverRows([2, 3, 1, 2], 64);
    assert.equal(c.strength, Infinity);
    assert.equal(c.rows.length, 12);
    assert.equal(new Set(c.rows.map((r) => r.join())).size, 12);
  });

  it('nine two-valued factors (512 combinations): every triple of values in at most 64 rows', () => {
    const sizes = Array<number>(9).fill(2);
    const c = coverRows(sizes, 64);
    assert.equal(c.strength, 3);
    assert.ok(c.rows.length <= 64 && c.rows.length >= 8, `${c.rows.length} rows`);
    assert.deepEqual(uncovered(sizes, c.rows, 3), []);
  });

  it('is deterministic: the same sizes give the same rows', () => {
    const sizes = [3, 2, 2, 4, 2, 2, 3, 2, 2, 2];
    assert.deepEqual(coverRows(sizes, 64), coverRows([...sizes], 64));
  });

  it('falls back to pairs when triples would not fit, and to every value once when pairs would not', () => {
    const pairs = [8, 8, 2, 2]; // triples need at least 128 rows, pairs 64
    const c2 = coverRows(pairs, 64);
    assert.equal(c2.strength, 2);
    assert.ok(c2.rows.length <= 64);
    assert.deepEqual(uncovered(pairs, c2.rows, 2), []);
    const singles = [40, 3, 2, 2]; // pairs need at least 120 rows
    const c1 = coverRows(singles, 64);
    assert.equal(c1.strength, 1);
    assert.equal(c1.rows.length, 40);
    assert.deepEqual(uncovered(singles, c1.rows, 1), []);
  });

  it('many factors stay within the bound, pairwise', () => {
    const sizes = Array<number>(100).fill(2);
    const c = coverRows(sizes, 64);
    assert.equal(c.strength, 2);
    assert.ok(c.rows.length <= 64);
    assert.deepEqual(uncovered(sizes, c.rows, 2), []);
  });

  it('seed rows count: the new rows complete them and never repeat them', () => {
    const sizes = Array<number>(8).fill(2);
    const seeds: Row[] = [sizes.map(() => 0), sizes.map(() => 1)];
    const c = coverRows(sizes, 64, seeds);
    assert.deepEqual(uncovered(sizes, [...seeds, ...c.rows], c.strength), []);
    assert.ok(!c.rows.some((r) => seeds.some((s) => s.join() === r.join())));
    const full = coverRows([2, 2], 64, [[0, 1]]);
    assert.deepEqual(full.rows, [
      [0, 0],
      [1, 0],
      [1, 1],
    ]);
  });

  it('property: any sizes give rows in range, within the bound for strength ≥ 2, covering at their strength', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 12 }), (sizes) => {
        const c = coverRows(sizes, 64);
        assert.ok(inRange(sizes, c.rows));
        const t = c.strength === Infinity ? sizes.length : c.strength;
        if (t >= 2) assert.ok(c.rows.length <= 64, `${c.rows.length} rows`);
        else assert.equal(c.rows.length, Math.max(...sizes));
        assert.deepEqual(uncovered(sizes, c.rows, Math.min(t, 3)), []);
      }),
      { numRuns: 150 },
    );
  });
});

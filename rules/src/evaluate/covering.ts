/**
 * Covering arrays: rows that pick one value per factor so that every combination of values of
 * any `strength` factors appears in some row. Factors here are independent groups of
 * conditions and values their scenarios (scenario-plan.ts); rows are then consistent scenarios,
 * and a check reading at most `strength` groups sees every combination it could see in the
 * full product. Deterministic: the same sizes give the same rows, every run.
 */

/** One value index per factor. */
export type Row = number[];

export interface Cover {
  /** New rows (the seed rows are not repeated). */
  rows: Row[];
  /** `Infinity` for the full product, else the strength the rows have together with the seeds. */
  strength: number;
}

/** Strength 3 is tried when its tuples stay below this many cells (time stays a few ms). */
const STRENGTH_3_CELLS = 20_000;

/**
 * Rows over factors of the given sizes (each ≥ 1) that, with `seeds`, give the full product
 * when it has at most `maxRows` rows, else a cover of strength 3 or 2 within `maxRows` rows,
 * else strength 1 (every value of every factor at least once, at most max(sizes) new rows).
 */
export function coverRows(sizes: readonly number[], maxRows: number, seeds: readonly Row[] = []): Cover {
  if (product(sizes, maxRows) <= maxRows) return { rows: fullProduct(sizes, seeds), strength: Infinity };
  const active = sizes.map((_, i) => i).filter((i) => sizes[i] > 1);
  const largest = active.map((i) => sizes[i]).sort((a, b) => b - a);
  for (const strength of [3, 2]) {
    // A cover of strength t has at least as many rows as the product of the t largest sizes.
    if (product(largest.slice(0, strength), maxRows) > maxRows) continue;
    if (strength === 3 && tupleCells(active, sizes, 3) > STRENGTH_3_CELLS) continue;
    const rows = greedyCover(sizes, active, strength, seeds, maxRows);
    if (rows) return { rows, strength };
  }
  return { rows: everyValueOnce(sizes, seeds), strength: 1 };
}

/** Product of sizes, stopping once it passes `cap` (so it never overflows). */
function product(sizes: readonly number[], cap: number): number {
  let p = 1;
  for (const s of sizes) {
    p *= s;
    if (p > cap) return p;
  }
  return p;
}

function rowKey(row: Row): string {
  return row.join(',');
}

function fullProduct(sizes: readonly number[], seeds: readonly Row[]): Row[] {
  const seen = new Set(seeds.map(rowKey));
  const out: Row[] = [];
  const row = sizes.map(() => 0);
  for (;;) {
    if (!seen.has(rowKey(row))) out.push([...row]);
    let i = sizes.length - 1;
    while (i >= 0 && ++row[i] === sizes[i]) row[i--] = 0;
    if (i < 0) return out;
  }
}

/** Strength 1: row r takes the r-th value each factor still misses (cycling through them), else its first value. */
function everyValueOnce(sizes: readonly number[], seeds: readonly Row[]): Row[] {
  const missing = sizes.map((s, f) => {
    const seen = new Set(seeds.map((r) => r[f]));
    return Array.from({ length: s }, (_, v) => v).filter((v) => !seen.has(v));
  });
  const count = Math.max(0, ...missing.map((m) => m.length));
  return Array.from({ length: count }, (_, r) => missing.map((m) => (m.length ? m[r % m.length] : 0)));
}

function combinations(items: readonly number[], t: number): number[][] {
  const out: number[][] = [];
  const pick = (start: number, acc: number[]): void => {
    if (acc.length === t) {
      out.push([...acc]);
      return;
    }
    for (let i = start; i < items.length; i++) pick(i + 1, [...acc, items[i]]);
  };
  pick(0, []);
  return out;
}

/** Cells of all t-tuples: the elementary symmetric polynomial of degree t of the sizes. */
function tupleCells(active: readonly number[], sizes: readonly number[], t: number): number {
  const e = [1, ...Array<number>(t).fill(0)];
  for (const f of active) for (let k = t; k >= 1; k--) e[k] += e[k - 1] * sizes[f];
  return e[t];
}

/**
 * The t-tuples of factors, flat: tuple x has factors `factors[x*t .. x*t+t)` with mixed-radix
 * `strides`, and its cells (one per combination of values) start at `offset[x]` in `uncovered`.
 */
class Tuples {
  readonly count: number;
  readonly factors: Int32Array;
  readonly strides: Int32Array;
  readonly offset: Int32Array;
  readonly uncovered: Uint8Array;
  /** Tuple indexes through each factor. */
  readonly byFactor: number[][];
  left: number;

  constructor(
    readonly sizes: readonly number[],
    active: readonly number[],
    readonly t: number,
  ) {
    const all = combinations(active, t);
    this.count = all.length;
    this.factors = new Int32Array(all.length * t);
    this.strides = new Int32Array(all.length * t);
    this.offset = new Int32Array(all.length);
    this.byFactor = sizes.map(() => []);
    let cells = 0;
    all.forEach((fs, x) => {
      this.offset[x] = cells;
      let stride = 1;
      for (let k = t - 1; k >= 0; k--) {
        this.factors[x * t + k] = fs[k];
        this.strides[x * t + k] = stride;
        stride *= sizes[fs[k]];
        this.byFactor[fs[k]].push(x);
      }
      cells += stride;
    });
    this.uncovered = new Uint8Array(cells).fill(1);
    this.left = cells;
  }

  cover(row: Row): void {
    const t = this.t;
    for (let x = 0; x < this.count; x++) {
      let cell = this.offset[x];
      for (let k = 0; k < t; k++) cell += row[this.factors[x * t + k]] * this.strides[x * t + k];
      if (this.uncovered[cell]) {
        this.uncovered[cell] = 0;
        this.left--;
      }
    }
  }

  /** The first uncovered cell, as a partial row (-1 elsewhere). */
  firstUncovered(): Row {
    const row: Row = this.sizes.map((s) => (s > 1 ? -1 : 0));
    let cell = this.uncovered.indexOf(1);
    let x = this.count - 1;
    while (this.offset[x] > cell) x--;
    cell -= this.offset[x];
    for (let k = 0; k < this.t; k++) {
      const stride = this.strides[x * this.t + k];
      row[this.factors[x * this.t + k]] = Math.floor(cell / stride);
      cell %= stride;
    }
    return row;
  }

  /**
   * For each tuple through factor f: the share of its uncovered cells among those the partial
   * row (-1: not chosen yet) can still reach; a fully chosen tuple counts 1 when still uncovered.
   * At most two factors besides f are open (t ≤ 3).
   */
  density(f: number, row: Row): number {
    const { t, sizes, factors, strides, uncovered } = this;
    let total = 0;
    for (const x of this.byFactor[f]) {
      let base = this.offset[x];
      let open1 = -1;
      let open2 = -1;
      for (let k = 0; k < t; k++) {
        const v = row[factors[x * t + k]];
        if (v >= 0) base += v * strides[x * t + k];
        else if (open1 < 0) open1 = x * t + k;
        else open2 = x * t + k;
      }
      if (open1 < 0) {
        total += uncovered[base];
        continue;
      }
      const size1 = sizes[factors[open1]];
      const size2 = open2 < 0 ? 1 : sizes[factors[open2]];
      const stride2 = open2 < 0 ? 0 : strides[open2];
      let hits = 0;
      for (let a = 0; a < size1; a++) {
        for (let b = 0; b < size2; b++) hits += uncovered[base + a * strides[open1] + b * stride2];
      }
      total += hits / (size1 * size2);
    }
    return total;
  }
}

/**
 * One row at a time (the deterministic density algorithm of Colbourn, Cohen and Turban): a row
 * starts from the first uncovered tuple, so each row covers something new; every other factor
 * takes the value with the highest density of uncovered tuples it could still complete.
 * Undefined when the seeds and rows would pass `maxRows`.
 */
function greedyCover(sizes: readonly number[], active: readonly number[], t: number, seeds: readonly Row[], maxRows: number): Row[] | undefined {
  const tuples = new Tuples(sizes, active, Math.min(t, active.length));
  for (const seed of seeds) tuples.cover(seed);
  const rows: Row[] = [];
  while (tuples.left > 0) {
    if (seeds.length + rows.length >= maxRows) return undefined;
    const row = tuples.firstUncovered();
    for (const f of active) {
      if (row[f] >= 0) continue;
      let best = 0;
      let bestDensity = -1;
      for (let v = 0; v < sizes[f]; v++) {
        row[f] = v;
        const d = tuples.density(f, row);
        if (d > bestDensity) [best, bestDensity] = [v, d];
      }
      row[f] = best;
    }
    tuples.cover(row);
    rows.push(row);
  }
  return rows;
}

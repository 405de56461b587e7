'use strict';
// Order statistics for benchmark samples.

function sorted(xs) {
  return [...xs].sort((a, b) => a - b);
}

/** Nearest-rank percentile (p in 0..100) of the samples. */
function percentile(xs, p) {
  if (!xs.length) return NaN;
  const s = sorted(xs);
  const rank = Math.ceil((p / 100) * s.length);
  return s[Math.min(s.length - 1, Math.max(0, rank - 1))];
}

function median(xs) {
  if (!xs.length) return NaN;
  const s = sorted(xs);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Median, min, max and the samples themselves (rounded), for the results file. */
function summary(xs, digits = 1) {
  const r = (x) => Number(x.toFixed(digits));
  return { median: r(median(xs)), min: r(Math.min(...xs)), max: r(Math.max(...xs)), n: xs.length, samples: xs.map(r) };
}

module.exports = { median, percentile, summary };

'use strict';
// Every benchmark's target as data: the current one (issue 19's round two, or the only one),
// and round one's where round two raised it (issue 16 asks that those still hold). `met` reads a
// benchmark's result as run.js stores it; null when the figure is missing.

const defined = (...xs) => xs.every((x) => x !== null && x !== undefined);

const TARGETS = {
  B1: {
    now: { text: '≥ 100× faster than cfn-lint', met: (b) => (defined(b.ratio) ? b.ratio >= 100 : null) },
    roundOne: { text: '≥ 50×', met: (b) => (defined(b.ratio) ? b.ratio >= 50 : null) },
  },
  B2: { now: { text: 'full lint ≤ 1.3× bare yaml parse', met: (b) => b.ratio <= 1.3 } },
  B3: {
    now: {
      text: '10,000-line template p95 < 20 ms; 300-line template p95 < 3 ms',
      met: (b) => (defined(b.lines10000, b.lines300) ? b.lines10000.p95 < 20 && b.lines300.p95 < 3 && b.sameAsFresh !== false : null),
    },
    roundOne: {
      text: '< 100 ms; < 10 ms',
      met: (b) => (defined(b.lines10000, b.lines300) ? b.lines10000.p95 < 100 && b.lines300.p95 < 10 && b.sameAsFresh !== false : null),
    },
  },
  B4: {
    now: {
      text: '`initialize` < 60 ms; first diagnostics < 100 ms after open',
      met: (b) => (defined(b.initializeMs) ? b.initializeMs < 60 && b.firstDiagnosticsMs < 100 : null),
    },
    roundOne: {
      text: '< 150 ms; < 300 ms',
      met: (b) => (defined(b.initializeMs) ? b.initializeMs < 150 && b.firstDiagnosticsMs < 300 : null),
    },
  },
  B5: {
    now: {
      text: '5,000 templates < 2 s; peak RSS < 150 MB; `didChange` p95 < 20 ms during the scan',
      met: (b) => (defined(b.scanMs, b.duringScan) ? b.scanMs < 2000 && defined(b.peakRssMb) && b.peakRssMb < 150 && b.duringScan.p95 < 20 : null),
    },
    roundOne: {
      text: '< 10 s; < 250 MB; `didChange` within 100 ms',
      met: (b) => (defined(b.scanMs, b.duringScan) ? b.scanMs < 10000 && defined(b.peakRssMb) && b.peakRssMb < 250 && b.duringScan.max < 100 : null),
    },
  },
  B6: { now: { text: '< 50 ms, results right', met: (b) => b.medianMs < 50 && b.correct } },
  B7: { now: { text: 'one 5 KB template, whole process: ≤ 1.5× bare `node -e ""`; ≥ 30× cfn-lint', met: (b) => b.met } },
  B8: { now: { text: '5,000 mixed monorepo files < 2 s, same report in one thread', met: (b) => b.met } },
  B9: { now: { text: '--fix < 3× lint, < 500 MB (16,000 listeners)', met: (b) => b.met } },
  B10: { now: { text: "CLI on the CDK fixture's cdk.out < 2× the same templates linted directly", met: (b) => b.met } },
};

module.exports = { TARGETS };

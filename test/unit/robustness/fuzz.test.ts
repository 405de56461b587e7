import { strict as assert } from 'assert';
import { runFuzz } from '../../fuzz/run';
import { loadSeeds } from '../../fuzz/seeds';
import { sweep } from '../../fuzz/sweep';

/**
 * The bounded fuzz run of `npm test`: a fixed seed and a fixed number of cases, so it replays
 * exactly (`npm run fuzz` runs far more, with a seed of its choice). A failure prints the
 * shrunk case: the seed template, the mutations, and where the input was saved.
 */

const SEED = 20_261_127;
const RUNS = 8000;
/** Safety valve for a loaded machine: the run stops early rather than slowing `npm test` down. */
const BUDGET_MS = 35_000;

describe('robustness: fuzzing (bounded)', function () {
  this.timeout(120_000);
  const { seeds, sources, focus } = loadSeeds();

  it(`mutated templates (${sources.length ? sources.join(' + ') + ' + ' : ''}built-in seeds): no throw, ranges inside, deterministic, bounded time`, () => {
    const r = runFuzz({ seeds, focus, seed: SEED, numRuns: RUNS, timeLimitMs: 5000, fixEvery: 10, budgetMs: BUDGET_MS });
    assert.equal(r.failure, undefined, r.failure);
    assert.ok(r.runs > 200, `only ${r.runs} cases ran`);
  });

  it('type-confusion sweep (every 31st property x hostile value of the TLS templates)', () => {
    const r = sweep({ seeds: seeds.slice(0, focus), timeLimitMs: 5000, stride: 31, offset: 13 });
    assert.deepEqual(r.problems, []);
    assert.ok(r.lints > 1000 || focus < 50, `${r.lints} lints`);
  });
});

import { strict as assert } from 'assert';
import { runFuzz } from './run';
import { loadSeeds } from './seeds';
import { sweep } from './sweep';

/**
 * `npm run fuzz`: the long run. FUZZ_SEED (default: from the clock, printed) replays a run,
 * FUZZ_RUNS sets the number of mutated cases (default 20,000), FUZZ_FIX_EVERY how often a case
 * also runs fix-all (default 5), FUZZ_SWEEP_STRIDE thins the type-confusion sweep (default 1:
 * every property of every TLS template with every hostile value; 0 skips it).
 */

const env = (name: string, fallback: number): number => {
  const v = process.env[name];
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got "${v}"`);
  return n;
};

describe('fuzz (long run)', function () {
  this.timeout(0);
  const seed = env('FUZZ_SEED', Date.now() % 2 ** 31);
  const runs = env('FUZZ_RUNS', 20_000);
  const fixEvery = env('FUZZ_FIX_EVERY', 5);
  const stride = env('FUZZ_SWEEP_STRIDE', 1);
  const { seeds, sources, focus } = loadSeeds();

  it(`${runs} mutated templates, seed ${seed} (replay with FUZZ_SEED=${seed})`, () => {
    process.stdout.write(`  seeds: ${seeds.length} templates (${['built-in', ...sources].join(', ')})\n`);
    const t0 = Date.now();
    const r = runFuzz({ seeds, focus, seed, numRuns: runs, timeLimitMs: 5000, fixEvery });
    process.stdout.write(`  ${r.runs} cases in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
    assert.equal(r.failure, undefined, r.failure);
  });

  it('type-confusion sweep', function () {
    if (stride === 0) this.skip();
    const t0 = Date.now();
    const r = sweep({ seeds: seeds.slice(0, focus), timeLimitMs: 5000, stride, offset: seed % Math.max(1, stride), maxProblems: 50 });
    process.stdout.write(`  ${r.lints} lints in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
    assert.deepEqual(r.problems, []);
  });
});

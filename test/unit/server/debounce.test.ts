import { strict as assert } from 'assert';
import { adaptiveDebounceMs, DEBOUNCE_CEILING_MS, DEBOUNCE_FLOOR_MS, DEBOUNCE_UNMEASURED_MS, LINT_SAMPLES, withLintSample } from '../../../server/src/debounce';

describe('server: adaptive debounce', () => {
  it('waits about as long as the lint takes', () => {
    assert.equal(adaptiveDebounceMs([120]), 120);
    assert.equal(adaptiveDebounceMs([60, 61, 59]), 59);
  });

  it('keeps a small floor for a small document and a ceiling for a huge one', () => {
    assert.equal(adaptiveDebounceMs([2]), DEBOUNCE_FLOOR_MS);
    assert.equal(adaptiveDebounceMs([0]), DEBOUNCE_FLOOR_MS);
    assert.equal(adaptiveDebounceMs([5000]), DEBOUNCE_CEILING_MS);
  });

  it('trusts the smallest recent time: a cold first lint or a pause of the machine does not stick', () => {
    assert.equal(adaptiveDebounceMs([900, 4, 5]), DEBOUNCE_FLOOR_MS);
    assert.equal(adaptiveDebounceMs([80, 350, 90]), 80);
  });

  it('uses the old fixed debounce before any lint was measured, and ignores nonsense', () => {
    assert.equal(adaptiveDebounceMs([]), DEBOUNCE_UNMEASURED_MS);
    assert.equal(adaptiveDebounceMs([Number.NaN, -1, Number.POSITIVE_INFINITY]), DEBOUNCE_UNMEASURED_MS);
    assert.equal(adaptiveDebounceMs([Number.NaN, 100]), 100);
  });

  it('follows a document that grows: only the last few lints count', () => {
    let recent: number[] = [];
    for (const ms of [3, 3, 3]) recent = withLintSample(recent, ms);
    assert.equal(adaptiveDebounceMs(recent), DEBOUNCE_FLOOR_MS);
    for (let i = 0; i < LINT_SAMPLES; i++) recent = withLintSample(recent, 250);
    assert.deepEqual(recent, Array(LINT_SAMPLES).fill(250));
    assert.equal(adaptiveDebounceMs(recent), 250);
  });
});

import { strict as assert } from 'assert';
import { MAX_RESTARTS, RESTART_WINDOW_MS, RestartPolicy } from '../../../client/src/restart-policy';

describe('client: restarting a server that stopped', () => {
  let now = 0;
  const policy = (): RestartPolicy => new RestartPolicy(() => now);

  beforeEach(() => {
    now = 1_000_000;
  });

  it(`restarts ${MAX_RESTARTS} times in the window, then stops, saying why each time`, () => {
    const p = policy();
    for (let i = 1; i <= MAX_RESTARTS; i++) {
      const d = p.stopped();
      assert.equal(d.restart, true, `stop ${i}`);
      assert.match(d.message, new RegExp(`restarting it \\(restart ${i} of ${MAX_RESTARTS} allowed in 3 minutes\\)`));
      now += 1000;
    }
    const last = p.stopped();
    assert.equal(last.restart, false);
    assert.match(last.message, /stopped 5 times in 3 minutes, so it is not restarted again/);
    assert.match(last.message, /Restart Server/);
  });

  it('forgets stops older than the window', () => {
    const p = policy();
    for (let i = 0; i < MAX_RESTARTS; i++) p.stopped();
    now += RESTART_WINDOW_MS;
    const d = p.stopped();
    assert.equal(d.restart, true);
    assert.match(d.message, /restart 1 of/);
  });

  it('a restart the user asks for starts the count afresh', () => {
    const p = policy();
    for (let i = 0; i <= MAX_RESTARTS; i++) p.stopped();
    assert.equal(p.stopped().restart, false);
    p.reset();
    assert.equal(p.stopped().restart, true);
  });
});

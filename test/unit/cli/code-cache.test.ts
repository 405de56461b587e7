import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as path from 'path';
import { ROOT } from '../../support/cli';

/**
 * The build writes dist/cli.js.cache with the V8 flags the bundles run with (code-cache.ts sets
 * them before compiling): a fresh process that loads the CLI must get that cache, or every run
 * compiles a megabyte of JavaScript again without anyone noticing.
 */
describe('the code cache the build writes', () => {
  it('is accepted by a fresh process that loads the CLI bundle', () => {
    const loader = path.join(ROOT, 'dist', 'code-cache.js');
    const bundle = path.join(ROOT, 'dist', 'cli.js');
    const script = `const c = require(${JSON.stringify(loader)}); c.requireWithCodeCache(${JSON.stringify(bundle)}); process.stdout.write(String(c.codeCacheUse(${JSON.stringify(bundle)})));`;
    const env = { ...process.env };
    delete env.CFN_TLS_LINT_CODE_CACHE_DIR;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, 'accepted');
  });
});

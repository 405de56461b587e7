import { strict as assert } from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { specAt } from '../../rules/src/spec/index';

/**
 * The SAM property names (rules/src/data/sam-properties.json) come from the SAM translator's own
 * schema models (scripts/sam-properties.py); the build merges them into the specification.
 */
const ROOT = path.resolve(__dirname, '..', '..', '..');
const DATA = path.join(ROOT, 'rules', 'src', 'data', 'sam-properties.json');

describe('SAM property names', () => {
  it('the bundled specification knows every SAM type and property of the committed list', () => {
    const sam = JSON.parse(fs.readFileSync(DATA, 'utf8')) as { source: string; resources: Record<string, string[]> };
    assert.match(sam.source, /^aws-sam-translator \d+\.\d+\.\d+$/);
    assert.ok(sam.resources['AWS::Serverless::Function'].includes('LoggingConfig'));
    for (const [type, names] of Object.entries(sam.resources)) {
      const spec = specAt(type, []);
      assert.ok(spec, `${type} is in the index`);
      for (const n of names) assert.ok(spec.properties.has(n), `${type}.${n}`);
    }
  });

  it('the committed list is what the installed aws-sam-translator gives (run `npm run update:sam-properties` when it moves)', function () {
    let generated: string;
    try {
      generated = execFileSync('python3', [path.join(ROOT, 'scripts', 'sam-properties.py')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    } catch {
      this.skip(); // no python3 with aws-sam-translator (cfn-lint brings it): nothing to compare with
    }
    const installed = JSON.parse(generated) as { source: string };
    const committed = JSON.parse(fs.readFileSync(DATA, 'utf8')) as { source: string };
    if (installed.source !== committed.source) this.skip(); // another translator version: its list may differ
    assert.deepEqual(installed, committed);
  });
});

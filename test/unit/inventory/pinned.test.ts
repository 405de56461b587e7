import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { inventoryCsv, inventoryMarkdown } from '../../../rules/src/inventory/index';
import { runCli } from '../../support/cli';
import { expectFile, FIXTURE_FILES, FIXTURES, fixtureReport, withoutMessages } from './support';

/** The inventory of test/fixtures/inventory/*, pinned exactly in test/fixtures/inventory/expected/. */
describe('inventory: pinned output on the fixtures', () => {
  it('JSON (finding messages aside)', () => {
    const json = JSON.stringify(fixtureReport(), null, 2) + '\n';
    expectFile('inventory.json', json, (expected) => assert.deepEqual(withoutMessages(json), withoutMessages(expected)));
  });

  it('Markdown', () => {
    const md = inventoryMarkdown(fixtureReport());
    expectFile('inventory.md', md, (expected) => assert.equal(md, expected));
  });

  it('CSV', () => {
    const csv = inventoryCsv(fixtureReport());
    expectFile('inventory.csv', csv, (expected) => assert.equal(csv, expected));
  });

  describe('through the CLI', () => {
    const files = FIXTURE_FILES;
    it('--format json prints the pinned JSON and exits 0 despite error findings', () => {
      const r = runCli(['--inventory', '--format', 'json', ...files], FIXTURES);
      assert.equal(r.status, 0, r.stderr);
      const expected = fs.readFileSync(path.join(FIXTURES, 'expected', 'inventory.json'), 'utf8');
      assert.deepEqual(withoutMessages(r.stdout), withoutMessages(expected));
    });

    it('--format markdown, and stylish (the default), print the pinned Markdown', () => {
      const expected = fs.readFileSync(path.join(FIXTURES, 'expected', 'inventory.md'), 'utf8');
      assert.equal(runCli(['--inventory', '--format', 'markdown', ...files], FIXTURES).stdout, expected);
      assert.equal(runCli(['--inventory', ...files], FIXTURES).stdout, expected);
    });

    it('--format csv prints the pinned CSV', () => {
      const expected = fs.readFileSync(path.join(FIXTURES, 'expected', 'inventory.csv'), 'utf8');
      assert.equal(runCli(['--inventory', '--format', 'csv', ...files], FIXTURES).stdout, expected);
    });
  });
});

import { strict as assert } from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { PathFilter } from '../../../rules/src/node/path-filter';
import { walkFiles } from '../../../rules/src/node/walk';
import { tempDir } from '../../support/cli';

/** The one walk of the CLI and the language server (rules/src/node/walk.ts, path-filter.ts). */

const T = 'AWSTemplateFormatVersion: "2010-09-09"\n';

async function walked(root: string, exclude: string[] = [], limit?: number): Promise<string[]> {
  const r = await walkFiles(new PathFilter(root, exclude), { limit });
  return r.files.map((f) => path.relative(root, f).split(path.sep).join('/'));
}

describe('the shared walk (node/walk.ts)', () => {
  it('walks in name order, depth first, skipping the default folders and non-candidates', async () => {
    const dir = tempDir({
      'b.yaml': T,
      'a/z.yml': T,
      'a/b/c.json': T,
      'c.txt': T,
      'node_modules/x.yaml': T,
      '.git/x.yaml': T,
      'cdk.out/x.json': T,
      '.aws-sam/x.yaml': T,
      'A.template': T,
    });
    assert.deepEqual(await walked(dir), ['A.template', 'a/b/c.json', 'a/z.yml', 'b.yaml']);
  });

  it('layers .gitignore files as git does: a deeper file wins, and a re-included file comes back', async () => {
    const dir = tempDir({
      '.gitignore': '*.json\nsecret/\n',
      'keep/.gitignore': '!*.json\n',
      'keep/a.json': T,
      'other/a.json': T,
      'other/a.yaml': T,
      'secret/x.yaml': T,
      'secret/.gitignore': '!x.yaml\n', // cannot re-include: its folder is ignored
    });
    assert.deepEqual(await walked(dir), ['keep/a.json', 'other/a.yaml']);
  });

  it('reads the .gitignore files above the root up to the repository root, and none outside a repository', async () => {
    const dir = tempDir({ '.gitignore': 'skip.yaml\n', 'sub/skip.yaml': T, 'sub/keep.yaml': T });
    assert.deepEqual(await walked(path.join(dir, 'sub')), ['keep.yaml', 'skip.yaml'], 'not a repository: the outer file does not apply');
    fs.mkdirSync(path.join(dir, '.git'));
    assert.deepEqual(await walked(path.join(dir, 'sub')), ['keep.yaml']);
  });

  it('applies exclude globs to files and folders, and stops at the limit', async () => {
    const dir = tempDir({ 'a/x.yaml': T, 'b/x.yaml': T, 'b/y.yaml': T, 'c/d/x.yaml': T });
    assert.deepEqual(await walked(dir, ['a/**', '**/y.yaml', 'c']), ['b/x.yaml']);
    const r = await walkFiles(new PathFilter(dir), { limit: 2 });
    assert.equal(r.truncated, true);
    assert.equal(r.files.length, 2);
    const f = new PathFilter(dir, ['c/**']);
    assert.equal(f.skipsFile(path.join(dir, 'c', 'd', 'x.yaml')), true, 'a file below an excluded folder, asked directly');
    assert.equal(f.skipsFile(path.join(dir, 'b', 'x.yaml')), false);
  });

  it('never follows symlinks, returns nothing but regular files, and reports an unreadable .gitignore', async () => {
    const dir = tempDir({ 'real/t.yaml': T });
    fs.symlinkSync(path.join(dir, 'real'), path.join(dir, 'link'));
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.yaml'));
    execFileSync('mkfifo', [path.join(dir, 'fifo.yaml')]);
    execFileSync('mkfifo', [path.join(dir, '.gitignore')]);
    const r = await walkFiles(new PathFilter(dir));
    assert.deepEqual(r.files, [path.join(dir, 'real', 't.yaml')]);
    assert.deepEqual(r.unreadable, [{ path: path.join(dir, '.gitignore'), reason: 'cannot read ignore file: not a regular file (a FIFO)' }]);
  });

  it('can be cancelled between folders', async () => {
    const dir = tempDir({ 'a/x.yaml': T, 'b/x.yaml': T });
    let asked = 0;
    const r = await walkFiles(new PathFilter(dir), { isCancelled: () => ++asked > 1 });
    assert.equal(r.cancelled, true);
    assert.deepEqual(r.files, []);
  });
});

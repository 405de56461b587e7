import { strict as assert } from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { FileReadError, readRegularFile, readRegularFileSync } from '../../../rules/src/node/read-file';
import { tempDir } from '../../support/cli';

/**
 * The one reader of files that come from a repository (rules/src/node/read-file.ts): regular
 * files only, never more than a cap. A symlink to /dev/zero grew to 8.4 GB in 60 s, and a FIFO
 * blocked the linter forever; both are refused at once, as is a file over the cap.
 */

function failure(fn: () => unknown): FileReadError {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof FileReadError, String(e));
    return e;
  }
  assert.fail('expected the read to be refused');
}

async function asyncFailure(p: Promise<unknown>): Promise<FileReadError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof FileReadError, String(e));
    return e;
  }
  assert.fail('expected the read to be refused');
}

describe('reading files from a repository (node/read-file.ts)', () => {
  let dir: string;
  let fifo: string;
  let zero: string;

  before(() => {
    dir = tempDir({ 'ok.yaml': 'a: 1\n', 'big.yaml': 'x'.repeat(2048) });
    fifo = path.join(dir, 'fifo.yaml');
    execFileSync('mkfifo', [fifo]);
    zero = path.join(dir, 'zero.yaml');
    fs.symlinkSync('/dev/zero', zero);
    fs.mkdirSync(path.join(dir, 'folder.yaml'));
  });

  it('reads a regular file, and one through a symlink', async () => {
    fs.symlinkSync('ok.yaml', path.join(dir, 'link.yaml'));
    assert.equal(readRegularFileSync(path.join(dir, 'ok.yaml'), 100).toString(), 'a: 1\n');
    assert.equal((await readRegularFile(path.join(dir, 'link.yaml'), 100)).toString(), 'a: 1\n');
  });

  it('refuses a FIFO without blocking, a device, a folder', async () => {
    // Without O_NONBLOCK and the type checks, the FIFO would block this test until its timeout.
    assert.equal(failure(() => readRegularFileSync(fifo, 100)).reason, 'not a regular file (a FIFO)');
    assert.equal((await asyncFailure(readRegularFile(fifo, 100))).reason, 'not a regular file (a FIFO)');
    assert.equal(failure(() => readRegularFileSync(zero, 100)).reason, 'not a regular file (a character device)');
    assert.equal((await asyncFailure(readRegularFile(zero, 100))).reason, 'not a regular file (a character device)');
    assert.equal(failure(() => readRegularFileSync(path.join(dir, 'folder.yaml'), 100)).reason, 'not a regular file (a folder)');
  });

  it('refuses a file over the cap, naming the cap', async () => {
    const e = failure(() => readRegularFileSync(path.join(dir, 'big.yaml'), 1024));
    assert.equal(e.kind, 'too-large');
    assert.equal(e.reason, 'larger than 1 KB');
    assert.equal(e.size, 2048);
    assert.equal((await asyncFailure(readRegularFile(path.join(dir, 'big.yaml'), 1024))).kind, 'too-large');
    assert.equal(readRegularFileSync(path.join(dir, 'big.yaml'), 2048).length, 2048, 'exactly the cap is fine');
  });

  it('reads no more than the cap from a file whose size says 0 (/proc)', () => {
    // /proc/self/status reports size 0 but has content: the reader reads and counts.
    assert.ok(readRegularFileSync('/proc/self/status', 1 << 20).length > 0);
    assert.equal(failure(() => readRegularFileSync('/proc/self/status', 10)).kind, 'too-large');
  });

  it('says what an I/O error is', () => {
    const e = failure(() => readRegularFileSync(path.join(dir, 'missing.yaml'), 10));
    assert.equal(e.code, 'ENOENT');
    assert.equal(e.reason, 'no such file (ENOENT)');
  });
});

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { atomicWriteFile, defaultStateDir, JournalError, lockFile, readJournal, withLock, writeJournal } from '../../../src/core/goenv/journal';

describe('goenv/journal', () => {
  let dir = '';
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'gmd-journal-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('default state dir follows XDG_STATE_HOME, else ~/.local/state', () => {
    assert.equal(defaultStateDir({ XDG_STATE_HOME: '/s' }, 'linux', '/home/u'), '/s/gomod-doctor');
    assert.equal(defaultStateDir({ HOME: '/home/u' }, 'linux', '/x'), '/home/u/.local/state/gomod-doctor');
    assert.equal(defaultStateDir({ XDG_STATE_HOME: 'rel' }, 'linux', '/home/u'), '/home/u/.local/state/gomod-doctor');
  });

  it('reads a missing journal as empty and refuses a corrupt one', () => {
    assert.deepEqual(readJournal(dir), { version: 1, entries: [] });
    writeFileSync(join(dir, 'env-journal.json'), '{ not json');
    assert.throws(() => readJournal(dir), JournalError);
  });

  it('writes atomically: no temp files are left behind', () => {
    writeJournal(dir, { version: 1, entries: [] });
    atomicWriteFile(join(dir, 'x'), 'data');
    assert.deepEqual(readdirSync(dir).sort(), ['env-journal.json', 'x']);
  });

  it('serializes concurrent holders and never loses an update', async () => {
    const file = join(dir, 'counter');
    writeFileSync(file, '0');
    let inside = 0;
    let maxInside = 0;
    await Promise.all(
      Array.from({ length: 20 }, () =>
        withLock(dir, async () => {
          inside++;
          maxInside = Math.max(maxInside, inside);
          const n = Number(readFileSync(file, 'utf8'));
          await new Promise((r) => setTimeout(r, 2));
          atomicWriteFile(file, String(n + 1));
          inside--;
        }),
      ),
    );
    assert.equal(maxInside, 1);
    assert.equal(readFileSync(file, 'utf8'), '20');
    assert.ok(!existsSync(lockFile(dir)));
  });

  it('breaks a lock left by a dead process', async () => {
    const dead = await new Promise<number>((resolve) => {
      const c = spawn(process.execPath, ['-e', '0']);
      c.on('exit', () => resolve(c.pid!));
    });
    writeFileSync(lockFile(dir), `${dead}\n0\nx\n`);
    const got = await withLock(dir, async () => 'ok', 2000);
    assert.equal(got, 'ok');
  });

  it('times out while a live process holds the lock', async () => {
    writeFileSync(lockFile(dir), `${process.pid}\n0\nother\n`);
    await assert.rejects(withLock(dir, async () => 'never', 150), /timed out/);
    assert.ok(existsSync(lockFile(dir)), 'a live holder keeps its lock');
  });
});

// The env-write journal: one JSON file in the caller's state dir, written atomically (temp file + rename) and
// changed only under a lock file so that concurrent writers (CLI runs, the extension) never lose an entry.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { WriteLayer } from './fixid';

export interface JournalChange {
  name: string;
  layer: WriteLayer;
  /** The env file path, or the editor settings target's description. */
  target: string;
  /** The value before the write; null when the variable was absent from that layer ("unset"). */
  previous: string | null;
  /** The value written; null when the write removed it. */
  next: string | null;
}

export interface JournalEntry {
  id: string;
  time: string;
  /** The fix id or a short description of what was applied. */
  fix: string;
  changes: JournalChange[];
}

export interface Journal {
  version: 1;
  entries: JournalEntry[];
}

export class JournalError extends Error {}
export class LockTimeoutError extends Error {
  constructor(readonly lockFile: string) {
    super(`timed out waiting for ${lockFile}`);
  }
}

/** Where state lives by default: $XDG_STATE_HOME/gomod-doctor, else ~/.local/state/gomod-doctor (%LOCALAPPDATA% on Windows). */
export function defaultStateDir(env: Record<string, string | undefined>, platform: NodeJS.Platform, homedir: string): string {
  if (platform === 'win32') return path.win32.join(env.LOCALAPPDATA || env.LocalAppData || path.win32.join(homedir, 'AppData', 'Local'), 'gomod-doctor', 'state');
  if (env.XDG_STATE_HOME && path.posix.isAbsolute(env.XDG_STATE_HOME)) return path.posix.join(env.XDG_STATE_HOME, 'gomod-doctor');
  return path.posix.join(env.HOME || homedir, '.local', 'state', 'gomod-doctor');
}

export const journalFile = (stateDir: string) => path.join(stateDir, 'env-journal.json');
export const lockFile = (stateDir: string) => path.join(stateDir, 'env.lock');

/** Writes a file by writing a temp file in the same directory and renaming it over the target. */
export function atomicWriteFile(file: string, data: string | Buffer, mode?: number): void {
  mkdirSync(path.dirname(file), { recursive: true });
  let fileMode = mode;
  if (fileMode === undefined) {
    try {
      fileMode = statSync(file).mode & 0o7777;
    } catch {
      fileMode = 0o644;
    }
  }
  const tmp = `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  const fd = openSync(tmp, 'wx', fileMode);
  try {
    writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(tmp, file);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      // ignore
    }
    throw err;
  }
}

export function readJournal(stateDir: string): Journal {
  let text: string;
  try {
    text = readFileSync(journalFile(stateDir), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, entries: [] };
    throw new JournalError(`cannot read ${journalFile(stateDir)}: ${(err as Error).message}`);
  }
  try {
    const j = JSON.parse(text) as Journal;
    if (j.version !== 1 || !Array.isArray(j.entries)) throw new Error('unexpected shape');
    return j;
  } catch (err) {
    throw new JournalError(`${journalFile(stateDir)} is not a valid journal: ${(err as Error).message}`);
  }
}

export function writeJournal(stateDir: string, journal: Journal): void {
  atomicWriteFile(journalFile(stateDir), JSON.stringify(journal, null, 2) + '\n', 0o600);
}

export function newEntryId(): string {
  return `${new Date().toISOString().replace(/[-:.TZ]/g, '')}-${randomBytes(3).toString('hex')}`;
}

function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Removes a lock left by a dead process, without ever removing a live holder's fresh lock. */
function breakStaleLock(file: string, seen: string): void {
  const moved = `${file}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    renameSync(file, moved);
  } catch {
    return;
  }
  let content = '';
  try {
    content = readFileSync(moved, 'utf8');
  } catch {
    // ignore
  }
  if (content !== seen) {
    // We moved someone's fresh lock: put it back if the name is still free.
    try {
      linkSync(moved, file);
    } catch {
      // someone else holds it now; theirs stays
    }
  }
  try {
    unlinkSync(moved);
  } catch {
    // ignore
  }
}

/**
 * Runs fn while holding <stateDir>/env.lock (created with O_EXCL). Waits for other holders up to timeoutMs; a
 * lock whose process has died is broken. In-process callers queue on the same file like separate processes.
 */
export async function withLock<T>(stateDir: string, fn: () => Promise<T>, timeoutMs = 15_000): Promise<T> {
  mkdirSync(stateDir, { recursive: true });
  const file = lockFile(stateDir);
  const token = `${process.pid}\n${Date.now()}\n${randomBytes(6).toString('hex')}\n`;
  const deadline = Date.now() + timeoutMs;
  let delay = 5;
  for (;;) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, token);
      closeSync(fd);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    let holder = '';
    try {
      holder = readFileSync(file, 'utf8');
    } catch {
      continue; // released between our attempts
    }
    const pid = Number(holder.split('\n')[0]);
    if (holder !== '' && !pidAlive(pid)) {
      breakStaleLock(file, holder);
      continue;
    }
    if (Date.now() > deadline) throw new LockTimeoutError(file);
    await sleep(delay + Math.random() * delay);
    delay = Math.min(delay * 2, 100);
  }
  try {
    return await fn();
  } finally {
    try {
      if (readFileSync(file, 'utf8') === token) unlinkSync(file);
    } catch {
      // already gone
    }
  }
}

// Who holds a lock in the cache. The go command never deletes its lock files (<version>.lock, cache/vcs/<hash>.lock,
// cache/lock): a lock *file* is harmless. A lock *held* by a process makes every other go command that needs the
// same module version wait (§6.2, §8.2). On Linux /proc/locks says which process holds which inode; elsewhere we
// cannot tell and report nothing.
import { promises as fsp, readFileSync } from 'node:fs';

export interface HeldLock {
  pid: number;
  /** Device as /proc/locks prints it, "maj:min" in hex (e.g. "fe:00"). */
  dev: string;
  inode: bigint;
  kind: string;
}

/** Parses /proc/locks: "1: FLOCK  ADVISORY  WRITE 2439 fe:00:9978387 0 EOF" (a "->" line is a waiter). */
export function parseProcLocks(text: string): HeldLock[] {
  const out: HeldLock[] = [];
  for (const line of text.split('\n')) {
    const m = /^\d+:\s+(\S+)\s+\S+\s+\S+\s+(-?\d+)\s+([0-9a-f]+):([0-9a-f]+):(\d+)\s/.exec(line);
    if (!m) continue; // waiters ("1: -> FLOCK …") and malformed lines
    const pid = Number(m[2]);
    if (pid <= 0) continue; // OFD locks have no owning pid
    out.push({ kind: m[1], pid, dev: `${m[3]}:${m[4]}`, inode: BigInt(m[5]) });
  }
  return out;
}

/** st_dev → "maj:min" in the /proc/locks notation (Linux dev_t encoding). */
export function devString(dev: bigint): string {
  const major = ((dev >> 8n) & 0xfffn) | ((dev >> 32n) & ~0xfffn);
  const minor = (dev & 0xffn) | ((dev >> 12n) & ~0xffn);
  return `${major.toString(16).padStart(2, '0')}:${minor.toString(16).padStart(2, '0')}`;
}

export interface ProcessInfo {
  pid: number;
  /** Short command name (comm), e.g. "go". */
  name: string;
  /** Command line, arguments joined with spaces (may be empty for kernel threads). */
  commandLine: string;
  /** Start time in ms since the epoch, when known. */
  startedAt?: number;
}

let bootTimeMs: number | undefined;
function bootTime(): number | undefined {
  if (bootTimeMs !== undefined) return bootTimeMs;
  try {
    const m = /^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'));
    bootTimeMs = m ? Number(m[1]) * 1000 : undefined;
  } catch {
    bootTimeMs = undefined;
  }
  return bootTimeMs;
}

/** Reads /proc/<pid>; undefined when the process is gone or /proc is not there. */
export function processInfo(pid: number): ProcessInfo | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = stat.lastIndexOf(')');
    const name = stat.slice(stat.indexOf('(') + 1, close);
    const fields = stat.slice(close + 2).split(' ');
    // Field 22 (starttime) is index 19 after "pid (comm)"; clock ticks are 100 per second on Linux.
    const ticks = Number(fields[19]);
    const boot = bootTime();
    let commandLine = '';
    try {
      commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
    } catch {
      // unreadable (other user): keep the name only
    }
    const info: ProcessInfo = { pid, name, commandLine };
    if (boot !== undefined && Number.isFinite(ticks)) info.startedAt = boot + ticks * 10;
    return info;
  } catch {
    return undefined;
  }
}

export function readHeldLocks(platform: NodeJS.Platform = process.platform): HeldLock[] | undefined {
  if (platform !== 'linux') return undefined;
  try {
    return parseProcLocks(readFileSync('/proc/locks', 'utf8'));
  } catch {
    return undefined;
  }
}

export interface LockHolder {
  file: string;
  holder: ProcessInfo;
}

/**
 * Which of these lock files a live process holds right now. Undefined when the platform cannot tell
 * (not Linux, or /proc/locks unreadable).
 */
export async function heldLockFiles(files: string[], platform: NodeJS.Platform = process.platform): Promise<LockHolder[] | undefined> {
  const held = readHeldLocks(platform);
  if (!held) return undefined;
  if (held.length === 0 || files.length === 0) return [];
  const byKey = new Map<string, number>();
  for (const l of held) byKey.set(`${l.dev}:${l.inode}`, l.pid);
  const out: LockHolder[] = [];
  for (const file of files) {
    let st;
    try {
      st = await fsp.stat(file, { bigint: true });
    } catch {
      continue;
    }
    const pid = byKey.get(`${devString(st.dev)}:${st.ino}`);
    if (pid === undefined) continue;
    out.push({ file, holder: processInfo(pid) ?? { pid, name: '?', commandLine: '' } });
  }
  return out;
}

// Child processes for the e2e driver: run-to-completion with a timeout, long-running services started in their own
// process group, and one cleanup list that the driver runs on every path out (normal end, error, signal).
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

type Cleanup = { name: string; run: () => Promise<void> | void };
const cleanups: Cleanup[] = [];

/** Registers work to undo at the end; runs last-registered first. Returns a function that runs it early. */
export function onCleanup(name: string, run: () => Promise<void> | void): () => Promise<void> {
  const entry: Cleanup = { name, run };
  cleanups.push(entry);
  return async () => {
    const i = cleanups.indexOf(entry);
    if (i >= 0) {
      cleanups.splice(i, 1);
      await entry.run();
    }
  };
}

/** Runs every registered cleanup once, each bounded in time, newest first. Never throws. */
export async function runCleanups(log: (m: string) => void): Promise<void> {
  while (cleanups.length) {
    const c = cleanups.pop()!;
    try {
      await withTimeout(Promise.resolve(c.run()), 20_000, `cleanup ${c.name}`);
    } catch (err) {
      log(`cleanup ${c.name} failed: ${(err as Error).message}`);
    }
  }
}

export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${Math.round(ms / 1000)}s`)), ms);
  });
  return Promise.race([p, limit]).finally(() => clearTimeout(timer));
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

/** Runs a program to completion (its own process group, killed whole on timeout); output is kept (tail) and
 *  optionally echoed. Rejects on a non-zero exit unless allowFailure. */
export function runProgram(
  cmd: string,
  args: string[],
  opts: SpawnOptions & { timeoutMs: number; echo?: boolean; allowFailure?: boolean },
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...opts, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const stop = onCleanup(`${cmd} ${args[0] ?? ''}`, () => killGroup(child));
    let output = '';
    const keep = (chunk: Buffer, to: NodeJS.WriteStream): void => {
      output = (output + chunk.toString()).slice(-50_000);
      if (opts.echo) to.write(chunk);
    };
    child.stdout!.on('data', (c: Buffer) => keep(c, process.stdout));
    child.stderr!.on('data', (c: Buffer) => keep(c, process.stderr));
    const timer = setTimeout(() => {
      void killGroup(child);
      reject(new Error(`${cmd} ${args.join(' ')} took longer than ${opts.timeoutMs / 1000}s\n${output.slice(-4000)}`));
    }, opts.timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      void stop();
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      void stop();
      if (code === 0 || opts.allowFailure) resolve({ code, signal, output });
      else reject(new Error(`${cmd} ${args.join(' ')} failed (${code ?? signal})\n${output.slice(-4000)}`));
    });
  });
}

/** Starts a long-running program in its own process group so that it and everything it spawns can be ended together. */
export function startService(cmd: string, args: string[], opts: SpawnOptions): ChildProcess {
  const child = spawn(cmd, args, { ...opts, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  onCleanup(`service ${cmd}`, () => killGroup(child));
  return child;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM to the child's process group, then SIGKILL after a grace period. */
export async function killGroup(child: ChildProcess, graceMs = 5000): Promise<void> {
  const pid = child.pid;
  if (!pid) return;
  const signalGroup = (sig: NodeJS.Signals): void => {
    try {
      process.kill(-pid, sig);
    } catch {
      // group already gone
    }
  };
  if (!groupAlive(pid)) return;
  signalGroup('SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && groupAlive(pid)) await new Promise((r) => setTimeout(r, 100));
  if (groupAlive(pid)) signalGroup('SIGKILL');
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return alive(pgid);
  }
}

/** Processes (other than this one) whose command line mentions the marker, e.g. a temp dir only this run uses. */
export function processesMentioning(marker: string): { pid: number; cmd: string }[] {
  const found: { pid: number; cmd: string }[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      const cmd = readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      if (cmd.includes(marker)) found.push({ pid: Number(name), cmd });
    } catch {
      // exited while we looked
    }
  }
  return found;
}

// The one way to run the go command: a program path and an argument array (never a shell string), a timeout,
// cancellation, and the whole process tree killed when either fires.
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface RunGoOptions {
  /** The go binary; "go" (from PATH) when absent. */
  goPath?: string;
  cwd?: string;
  /**
   * The environment to start from instead of process.env (for example the CLI's io.env, or a test's sealed
   * environment). Variables whose value is undefined are left out.
   */
  baseEnv?: Record<string, string | undefined>;
  /** Extra variables on top of the base environment; an undefined value removes the variable. */
  env?: Record<string, string | undefined>;
  /**
   * Read-only queries run with GOTOOLCHAIN=local so that a go line in go.mod can never trigger a toolchain
   * download. Default true; set false only when the caller's GOTOOLCHAIN itself is what is being examined.
   */
  toolchainLocal?: boolean;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Output beyond this many characters per stream is dropped (the process keeps running). Default 16 MiB. */
  maxOutputChars?: number;
}

export interface RunGoResult {
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  /** True when the AbortSignal fired before the process ended. */
  aborted?: boolean;
}

export class GoNotFoundError extends Error {
  constructor(readonly goPath: string) {
    super(`go command not found: ${goPath}`);
  }
}

/** Builds the child environment: base, then GOTOOLCHAIN=local (unless disabled), then the caller's overrides. */
export function goChildEnv(opts: RunGoOptions): Record<string, string> {
  const merged: Record<string, string | undefined> = { ...(opts.baseEnv ?? process.env) };
  if (opts.toolchainLocal !== false) merged.GOTOOLCHAIN = 'local';
  for (const [k, v] of Object.entries(opts.env ?? {})) merged[k] = v;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(merged)) if (v !== undefined) out[k] = v;
  return out;
}

/** Kills a child and everything it started: its process group on Unix, `taskkill /T` on Windows. */
export function killProcessTree(child: ChildProcess): void {
  if (!child.pid || child.exitCode !== null || child.signalCode !== null) return;
  if (process.platform === 'win32') {
    execFile('taskkill', ['/pid', String(child.pid), '/T', '/F'], { windowsHide: true }, () => undefined);
    return;
  }
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    try {
      child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
}

// Every go started through spawnGo that is still running. Its own process group means a signal to this process
// (Ctrl-C, SIGTERM from an editor, a closed IPC channel) never reaches it, so this process ends them on the way out.
const liveChildren = new Set<ChildProcess>();
const STOP_SIGNALS: readonly NodeJS.Signals[] = process.platform === 'win32' ? [] : ['SIGTERM', 'SIGINT', 'SIGHUP'];

/** The go processes started through spawnGo that have not ended yet (for tests and diagnostics). */
export function liveGoChildren(): number {
  return liveChildren.size;
}

/** Kills every go process (tree) started through spawnGo that is still running. Synchronous on Unix. */
export function killAllGoChildren(): void {
  for (const child of liveChildren) killProcessTree(child);
}

// A stop signal always ends the go children, as it would have if they shared our process group. Whether this
// process ends too is up to other listeners (e.g. the CLI's Ctrl-C handling, which then reports "cancelled"); with
// none, do what the default would have done: end by the same signal. (Prepended, so a `once` listener still counts.)
function onStopSignal(signal: NodeJS.Signals): void {
  killAllGoChildren();
  if (process.listenerCount(signal) > 1) return;
  liveChildren.clear();
  unhookProcess();
  process.kill(process.pid, signal);
}

const signalHandlers = new Map(STOP_SIGNALS.map((s) => [s, () => onStopSignal(s)] as const));

// Hooked only while a go child runs, so the process's own signal behaviour is untouched the rest of the time.
function hookProcess(): void {
  process.on('exit', killAllGoChildren);
  process.on('disconnect', killAllGoChildren); // the IPC parent (the editor) is gone
  for (const [signal, handler] of signalHandlers) process.prependListener(signal, handler);
}

function unhookProcess(): void {
  process.off('exit', killAllGoChildren);
  process.off('disconnect', killAllGoChildren);
  for (const [signal, handler] of signalHandlers) process.off(signal, handler);
}

function track(child: ChildProcess): void {
  if (!child.pid) return; // failed to start: 'error' follows, nothing to kill
  if (liveChildren.size === 0) hookProcess();
  liveChildren.add(child);
  child.once('exit', () => {
    liveChildren.delete(child);
    if (liveChildren.size === 0) unhookProcess();
  });
}

/**
 * Starts go in its own process group (so killProcessTree reaches everything it starts), output piped. It is
 * killed with its tree when this process exits, gets SIGTERM/SIGINT/SIGHUP, or loses its IPC parent.
 */
export function spawnGo(args: string[], opts: RunGoOptions = {}): ChildProcess {
  const child = spawn(opts.goPath || 'go', args, {
    cwd: opts.cwd,
    env: goChildEnv(opts),
    detached: process.platform !== 'win32',
    windowsHide: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  track(child);
  return child;
}

/**
 * Runs `go <args>` and collects its output. The child gets its own process group so that a timeout or an abort
 * kills go and everything it started (git, ssh, compilers).
 */
export function runGo(args: string[], opts: RunGoOptions = {}): Promise<RunGoResult> {
  const goPath = opts.goPath || 'go';
  const limit = opts.maxOutputChars ?? 16 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    // spawn reports a missing cwd as ENOENT too; say which one is missing.
    if (opts.cwd && !existsSync(opts.cwd)) {
      reject(new Error(`working directory does not exist: ${opts.cwd}`));
      return;
    }
    let child: ChildProcess;
    try {
      child = spawnGo(args, opts);
    } catch (err) {
      reject(err);
      return;
    }
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    let aborted = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killProcessTree(child);
    }, opts.timeoutMs ?? 30_000);
    const onAbort = () => {
      aborted = true;
      killProcessTree(child);
    };
    if (opts.signal?.aborted) onAbort();
    else opts.signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
    };
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      if (stdout.length < limit) stdout += d;
    });
    child.stderr!.setEncoding('utf8').on('data', (d: string) => {
      if (stderr.length < limit) stderr += d;
    });
    child.on('error', (err: NodeJS.ErrnoException) => {
      done();
      reject(err.code === 'ENOENT' || err.code === 'EACCES' ? new GoNotFoundError(goPath) : err);
    });
    child.on('close', (code) => {
      done();
      resolve({ code, stdout, stderr, timedOut, aborted });
    });
  });
}

/** The toolchain's version without the "go" prefix (e.g. "1.26.8"), or undefined when go cannot be run. */
export async function localGoVersion(opts: RunGoOptions = {}): Promise<string | undefined> {
  try {
    const r = await runGo(['env', 'GOVERSION'], { timeoutMs: 10_000, ...opts });
    const v = r.stdout.trim();
    return r.code === 0 && v.startsWith('go') ? v.slice(2).split(/[ -]/)[0] : undefined;
  } catch {
    return undefined;
  }
}

// Clean module cache / clean build cache: a plan first (what would be removed, its size), then — only after the
// caller's confirmation — `go clean -modcache` or `go clean -cache`, with progress, cancellation, and a report of
// what was freed. When the go command cannot finish (not installed, or parts of the tree it cannot delete), the
// rest is removed the same way go does it (write permission restored first) and whatever is left is reported.
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Finding } from '../finding';
import { runGo } from '../gocmd/run';
import { t } from '../i18n';
import type { CacheEnv } from './locations';
import { causeFix, causeSentence, failureCause } from './failure';
import { diskSpace } from './fsinfo';
import { formatBytes } from './inspect';
import { removeTrees, type RemoveFailure } from './remove';
import { measureSize, walkTree, type WalkProgress } from './walk';

export type CleanKind = 'modcache' | 'buildcache';

export interface CleanPlan {
  kind: CleanKind;
  /** The directory that will be emptied (GOMODCACHE or GOCACHE). */
  root: string;
  variable: 'GOMODCACHE' | 'GOCACHE';
  exists: boolean;
  /** Bytes on disk the clean frees (a lower bound when complete is false). */
  bytes: number;
  files: number;
  /** The size walk finished within its budget. */
  complete: boolean;
  /** The go command that will run. */
  command: string[];
  createdAt: number;
}

export interface PlanOptions {
  /** Time allowed for measuring the size. Default 10 s; the plan says complete: false when it ran out. */
  budgetMs?: number;
  signal?: AbortSignal;
  onProgress?: (p: WalkProgress) => void;
}

export async function planClean(kind: CleanKind, env: CacheEnv, opts: PlanOptions = {}): Promise<CleanPlan> {
  const variable = kind === 'modcache' ? 'GOMODCACHE' : 'GOCACHE';
  const root = (kind === 'modcache' ? env.GOMODCACHE : env.GOCACHE) ?? '';
  if (!root || !path.isAbsolute(root)) throw new Error(t('cache.clean.no-root', { variable }));
  const size = await measureSize(root, { budgetMs: opts.budgetMs ?? 10_000, signal: opts.signal, onProgress: opts.onProgress });
  return {
    kind,
    root,
    variable,
    exists: !size.missing,
    bytes: size.bytes,
    files: size.files,
    complete: size.complete,
    command: ['clean', kind === 'modcache' ? '-modcache' : '-cache'],
    createdAt: Date.now(),
  };
}

export interface CleanProgress {
  freedBytes: number;
  totalBytes: number;
  /** 0…1, from the free space gained on the file system (the go command reports no progress of its own). */
  fraction: number;
}

export interface CleanOptions {
  /** Asked with the plan before anything is touched; false (or a throw) changes nothing. */
  confirm: (plan: CleanPlan) => boolean | Promise<boolean>;
  goPath?: string;
  /** Environment for the go command (default process.env); GOMODCACHE/GOCACHE are pinned to the plan's root. */
  baseEnv?: Record<string, string | undefined>;
  signal?: AbortSignal;
  onProgress?: (p: CleanProgress) => void;
  /** Output lines of the go command (for a log channel). */
  onOutput?: (line: string) => void;
  timeoutMs?: number;
  pollMs?: number;
}

export interface CleanResult {
  status: 'declined' | 'done' | 'partial' | 'cancelled';
  freedBytes: number;
  remainingBytes: number;
  remainingFiles: number;
  /** How the go command ended (absent when it could not be started). */
  go?: { code: number | null; stderr: string; timedOut: boolean };
  /** Our own removal ran after the go command (failed or missing). */
  fallback: boolean;
  failures: RemoveFailure[];
  findings: Finding[];
}

const nothing = (status: CleanResult['status']): CleanResult => ({ status, freedBytes: 0, remainingBytes: 0, remainingFiles: 0, fallback: false, failures: [], findings: [] });

/** Runs a confirmed plan. Never runs anything when confirm says no. */
export async function clean(plan: CleanPlan, opts: CleanOptions): Promise<CleanResult> {
  let ok = false;
  try {
    ok = await opts.confirm(plan);
  } catch {
    ok = false;
  }
  if (!ok) return nothing('declined');
  if (opts.signal?.aborted) return nothing('cancelled');

  const freeBefore = (await diskSpace(plan.root))?.freeBytes;
  const poll = setInterval(() => {
    void diskSpace(plan.root).then((s) => {
      if (!s || freeBefore === undefined || !opts.onProgress) return;
      const freed = Math.max(0, s.freeBytes - freeBefore);
      opts.onProgress({ freedBytes: freed, totalBytes: plan.bytes, fraction: plan.bytes > 0 ? Math.min(1, freed / plan.bytes) : 1 });
    });
  }, opts.pollMs ?? 250);

  const result: CleanResult = nothing('done');
  try {
    try {
      const r = await runGo(plan.command, {
        goPath: opts.goPath,
        cwd: tmpdir(),
        baseEnv: opts.baseEnv,
        env: { [plan.variable]: plan.root },
        signal: opts.signal,
        timeoutMs: opts.timeoutMs ?? 30 * 60_000,
      });
      result.go = { code: r.code, stderr: r.stderr, timedOut: r.timedOut };
      for (const line of (r.stdout + r.stderr).split('\n')) if (line.trim()) opts.onOutput?.(line);
    } catch (err) {
      opts.onOutput?.(String((err as Error).message ?? err));
    }
    if (opts.signal?.aborted) {
      result.status = 'cancelled';
    } else {
      const left = await walkTree(plan.root, { budgetMs: 5000 });
      const goFailed = !result.go || result.go.code !== 0;
      // `go clean -modcache` removes the whole directory; `-cache` empties it but may keep a few marker files.
      const leftovers = plan.kind === 'modcache' ? !left.missing : left.files > 2;
      if (goFailed && leftovers) {
        result.fallback = true;
        const targets = plan.kind === 'modcache' ? [plan.root] : await children(plan.root);
        const removed = await removeTrees(targets, { signal: opts.signal });
        result.failures = removed.failures;
        if (removed.cancelled) result.status = 'cancelled';
      }
    }
    const after = await walkTree(plan.root, { budgetMs: 5000 });
    result.remainingBytes = after.missing ? 0 : after.bytes;
    result.remainingFiles = after.missing ? 0 : after.files;
    result.freedBytes = Math.max(0, plan.bytes - result.remainingBytes);
    if (result.status === 'done' && plan.kind === 'modcache' && !after.missing && after.files > 0) result.status = 'partial';
    if (result.status === 'done' && plan.kind === 'buildcache' && result.failures.length > 0) result.status = 'partial';
    if (result.status === 'partial') {
      const sample = result.failures.slice(0, 3).map((f) => `${f.path} (${f.code})`);
      const cause = failureCause(result.failures, result.go?.stderr);
      result.findings.push({
        code: 'cache.clean-incomplete',
        severity: 'error',
        message: t('cache.clean-incomplete', { path: plan.root, files: result.remainingFiles, size: formatBytes(result.remainingBytes) }) + causeSentence(cause),
        variable: plan.variable,
        evidence: { root: plan.root, remainingFiles: result.remainingFiles, remainingBytes: result.remainingBytes, cause, failures: sample, goStderr: result.go?.stderr.slice(0, 2000) },
        fixes: [causeFix('advice:cache.clean-incomplete', cause, plan.root)],
      });
    }
  } finally {
    clearInterval(poll);
  }
  if (freeBefore !== undefined && opts.onProgress) {
    opts.onProgress({ freedBytes: result.freedBytes, totalBytes: plan.bytes, fraction: plan.bytes > 0 ? Math.min(1, result.freedBytes / plan.bytes) : 1 });
  }
  return result;
}

async function children(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).map((n) => path.join(dir, n));
  } catch {
    return [];
  }
}

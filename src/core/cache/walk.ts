// A directory walk for caches that can hold millions of files: asynchronous, bounded in time, cancellable, with
// progress. Never follows symbolic links. Sizes are what the files occupy on disk (what removing them frees).
import { promises as fsp, type Stats } from 'node:fs';
import path from 'node:path';

export interface WalkEntry {
  path: string;
  name: string;
  /** 0 for the root's children. */
  depth: number;
  stats: Stats;
}

export interface WalkProgress {
  files: number;
  dirs: number;
  bytes: number;
  elapsedMs: number;
  /** The directory being read. */
  current: string;
}

export interface WalkOptions {
  /** Stop after this many milliseconds; the result then says complete: false. Default: no limit. */
  budgetMs?: number;
  signal?: AbortSignal;
  onProgress?: (p: WalkProgress) => void;
  /** Minimum time between two progress calls. Default 200 ms. */
  progressIntervalMs?: number;
  /** Called for every entry below the root; return "skip" to leave a directory out (its contents uncounted). */
  visit?: (e: WalkEntry) => void | 'skip';
}

export interface WalkResult {
  files: number;
  dirs: number;
  bytes: number;
  /** False when the time budget ran out or the walk was cancelled. */
  complete: boolean;
  cancelled: boolean;
  /** The root does not exist. */
  missing: boolean;
  /** Entries that could not be read (permissions, races with the go command). */
  errors: number;
  elapsedMs: number;
}

/** Bytes a file occupies on disk (allocated blocks where the platform reports them). */
export function diskBytes(st: Stats): number {
  return typeof st.blocks === 'number' && st.blocks >= 0 && process.platform !== 'win32' ? st.blocks * 512 : st.size;
}

const BATCH = 64;

export async function walkTree(root: string, opts: WalkOptions = {}): Promise<WalkResult> {
  const started = performance.now();
  const deadline = opts.budgetMs !== undefined ? started + opts.budgetMs : Infinity;
  const interval = opts.progressIntervalMs ?? 200;
  const result: WalkResult = { files: 0, dirs: 0, bytes: 0, complete: true, cancelled: false, missing: false, errors: 0, elapsedMs: 0 };
  let lastProgress = 0;
  const progress = (current: string, force = false) => {
    const now = performance.now();
    if (!opts.onProgress || (!force && now - lastProgress < interval)) return;
    lastProgress = now;
    opts.onProgress({ files: result.files, dirs: result.dirs, bytes: result.bytes, elapsedMs: Math.round(now - started), current });
  };
  try {
    const st = await fsp.lstat(root);
    if (!st.isDirectory()) {
      result.files = 1;
      result.bytes = diskBytes(st);
      result.elapsedMs = Math.round(performance.now() - started);
      return result;
    }
  } catch {
    result.missing = true;
    result.elapsedMs = Math.round(performance.now() - started);
    return result;
  }
  const stack: Array<{ dir: string; depth: number }> = [{ dir: root, depth: 0 }];
  outer: while (stack.length > 0) {
    if (opts.signal?.aborted) {
      result.cancelled = true;
      result.complete = false;
      break;
    }
    if (performance.now() > deadline) {
      result.complete = false;
      break;
    }
    const { dir, depth } = stack.pop()!;
    progress(dir);
    let names: string[];
    try {
      names = await fsp.readdir(dir);
    } catch {
      result.errors++;
      continue;
    }
    for (let i = 0; i < names.length; i += BATCH) {
      if (opts.signal?.aborted || performance.now() > deadline) {
        result.cancelled = !!opts.signal?.aborted;
        result.complete = false;
        break outer;
      }
      const batch = names.slice(i, i + BATCH);
      const stats = await Promise.all(batch.map((n) => fsp.lstat(path.join(dir, n)).catch(() => undefined)));
      for (let j = 0; j < batch.length; j++) {
        const st = stats[j];
        if (!st) {
          result.errors++;
          continue;
        }
        const entry: WalkEntry = { path: path.join(dir, batch[j]), name: batch[j], depth, stats: st };
        const verdict = opts.visit?.(entry);
        if (st.isDirectory()) {
          if (verdict === 'skip') continue;
          result.dirs++;
          result.bytes += diskBytes(st);
          stack.push({ dir: entry.path, depth: depth + 1 });
        } else {
          result.files++;
          result.bytes += diskBytes(st);
        }
      }
    }
  }
  result.elapsedMs = Math.round(performance.now() - started);
  progress(root, true);
  return result;
}

/** The size of a tree within a time budget (for the "it will free N GB" line and the cache report). */
export function measureSize(root: string, opts: Omit<WalkOptions, 'visit'> = {}): Promise<WalkResult> {
  return walkTree(root, opts);
}

// Removing parts of a cache the way `go clean -modcache` does it: module directories are read-only by design
// (§6.3), so write permission is restored on each directory before its entries are removed. Files owned by
// another user cannot be fixed that way; they are reported, not retried.
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { diskBytes } from './walk';

export interface RemoveProgress {
  removedFiles: number;
  removedBytes: number;
  /** The total the caller expects, when it told us (for a fraction). */
  totalBytes?: number;
  current: string;
}

export interface RemoveFailure {
  path: string;
  code: string;
}

export interface RemoveResult {
  removedFiles: number;
  removedBytes: number;
  failures: RemoveFailure[];
  cancelled: boolean;
}

export interface RemoveOptions {
  signal?: AbortSignal;
  onProgress?: (p: RemoveProgress) => void;
  totalBytes?: number;
  progressIntervalMs?: number;
}

class Remover {
  readonly result: RemoveResult = { removedFiles: 0, removedBytes: 0, failures: [], cancelled: false };
  private last = 0;
  constructor(private readonly opts: RemoveOptions) {}

  private progress(current: string): void {
    const now = performance.now();
    if (!this.opts.onProgress || now - this.last < (this.opts.progressIntervalMs ?? 200)) return;
    this.last = now;
    this.opts.onProgress({ removedFiles: this.result.removedFiles, removedBytes: this.result.removedBytes, totalBytes: this.opts.totalBytes, current });
  }

  private fail(p: string, err: unknown): void {
    this.result.failures.push({ path: p, code: (err as NodeJS.ErrnoException).code ?? String(err) });
  }

  private cancelled(): boolean {
    if (this.opts.signal?.aborted) this.result.cancelled = true;
    return this.result.cancelled;
  }

  /** Makes a directory readable, writable and searchable by its owner (only adds bits). */
  private async openUp(dir: string, mode: number): Promise<boolean> {
    if ((mode & 0o700) === 0o700) return true;
    try {
      await fsp.chmod(dir, (mode & 0o7777) | 0o700);
      return true;
    } catch (err) {
      this.fail(dir, err);
      return false;
    }
  }

  private async unlink(p: string, bytes: number): Promise<void> {
    try {
      await fsp.unlink(p);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return;
      if (code !== 'EACCES' && code !== 'EPERM') return this.fail(p, err);
      // The parent directory is read-only: restore its write bit, then try once more.
      const parent = path.dirname(p);
      try {
        const st = await fsp.stat(parent);
        await fsp.chmod(parent, (st.mode & 0o7777) | 0o700);
        await fsp.unlink(p);
      } catch (err2) {
        return this.fail(p, err2);
      }
    }
    this.result.removedFiles++;
    this.result.removedBytes += bytes;
    this.progress(p);
  }

  async remove(p: string): Promise<void> {
    if (this.cancelled()) return;
    let st;
    try {
      st = await fsp.lstat(p);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') this.fail(p, err);
      return;
    }
    if (!st.isDirectory()) return this.unlink(p, diskBytes(st));
    if (!(await this.openUp(p, st.mode))) return;
    let names: string[];
    try {
      names = await fsp.readdir(p);
    } catch (err) {
      return this.fail(p, err);
    }
    for (const name of names) {
      if (this.cancelled()) return;
      await this.remove(path.join(p, name));
    }
    try {
      await fsp.rmdir(p);
      this.result.removedBytes += diskBytes(st);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EACCES' || code === 'EPERM') {
        try {
          const parent = path.dirname(p);
          const pst = await fsp.stat(parent);
          await fsp.chmod(parent, (pst.mode & 0o7777) | 0o700);
          await fsp.rmdir(p);
          return;
        } catch (err2) {
          return this.fail(p, err2);
        }
      }
      if (code !== 'ENOENT' && code !== 'ENOTEMPTY') this.fail(p, err);
      else if (code === 'ENOTEMPTY' && !this.result.failures.some((f) => f.path.startsWith(p + path.sep))) this.fail(p, err);
    }
  }
}

/** Removes files and trees, restoring write permission on directories first. Never throws. */
export async function removeTrees(paths: string[], opts: RemoveOptions = {}): Promise<RemoveResult> {
  const r = new Remover(opts);
  for (const p of paths) {
    if (opts.signal?.aborted) {
      r.result.cancelled = true;
      break;
    }
    await r.remove(p);
  }
  return r.result;
}

// What a report says about the machine besides findings: the OS and the state of the caches, in the JSON-safe
// shapes that `check --format json` prints (keys `os` and `cache`) and the markdown report renders.
import { arch, platform, release } from 'node:os';
import type { CacheInspection } from '../cache';

export interface OsInfo {
  platform: string;
  release: string;
  arch: string;
  node: string;
}

export function osInfo(): OsInfo {
  return { platform: platform(), release: release(), arch: arch(), node: process.version };
}

export interface CacheTargetState {
  kind: 'modcache' | 'gocache' | 'vcs';
  variable: string;
  path: string;
  exists: boolean;
  writable: boolean | null;
  freeBytes: number | null;
  fsType: string | null;
  network: boolean;
}

export interface CacheState {
  targets: CacheTargetState[];
  /** The module cache's layout, read within a time budget (`complete: false` when it ran out). */
  modcache: { versions: number; partialDownloads: number; readOnlyDirs: number; heldLocks: number | null; complete: boolean } | null;
}

/** The inspection without per-directory detail: sizes and counts, never a walk of the whole cache. */
export function cacheState(r: CacheInspection): CacheState {
  return {
    targets: r.targets.map((x) => ({
      kind: x.kind,
      variable: x.variable,
      path: x.path,
      exists: x.exists,
      writable: x.writable ?? null,
      freeBytes: x.freeBytes ?? null,
      fsType: x.fsType ?? null,
      network: x.network,
    })),
    modcache: r.modcache
      ? {
          versions: r.modcache.versions,
          partialDownloads: r.modcache.partials.length,
          readOnlyDirs: r.modcache.readOnlyDirs,
          heldLocks: r.modcache.heldLocks ? r.modcache.heldLocks.length : null,
          complete: r.modcache.complete,
        }
      : null,
  };
}

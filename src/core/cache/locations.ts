// Where the caches are: GOMODCACHE (modules, with cache/download and cache/vcs inside) and GOCACHE (builds).
// Values come from `go env` (the go command has already applied its defaults and precedence, §6.1).
import path from 'node:path';
import { runGo, type RunGoOptions } from '../gocmd/run';

export type CacheKind = 'modcache' | 'gocache' | 'vcs';

export interface CacheTarget {
  kind: CacheKind;
  /** Absolute path ("" when the go command reports none). */
  path: string;
  /** The variable that places it. */
  variable: 'GOMODCACHE' | 'GOCACHE';
}

export interface CacheEnv {
  GOMODCACHE?: string;
  GOCACHE?: string;
  GOPATH?: string;
  GOFLAGS?: string;
}

/** The three places to inspect: GOMODCACHE, GOCACHE, and GOMODCACHE/cache/vcs (direct VCS clones). */
export function cacheTargets(env: CacheEnv): CacheTarget[] {
  const modcache = env.GOMODCACHE ?? '';
  return [
    { kind: 'modcache', path: modcache, variable: 'GOMODCACHE' },
    { kind: 'gocache', path: env.GOCACHE ?? '', variable: 'GOCACHE' },
    { kind: 'vcs', path: modcache ? path.join(modcache, 'cache', 'vcs') : '', variable: 'GOMODCACHE' },
  ];
}

/** Asks the go command for the cache locations (`go env -json GOMODCACHE GOCACHE GOPATH GOFLAGS`). */
export async function readCacheEnv(opts: RunGoOptions = {}): Promise<CacheEnv> {
  const r = await runGo(['env', '-json', 'GOMODCACHE', 'GOCACHE', 'GOPATH', 'GOFLAGS'], { timeoutMs: 15_000, ...opts });
  if (r.code !== 0) throw new Error(r.stderr.trim() || `go env exited with ${r.code}`);
  const json = JSON.parse(r.stdout) as Record<string, string>;
  return { GOMODCACHE: json.GOMODCACHE, GOCACHE: json.GOCACHE, GOPATH: json.GOPATH, GOFLAGS: json.GOFLAGS };
}

/** True when GOFLAGS keeps new module directories writable (-modcacherw). */
export function hasModcacheRW(goflags: string | undefined): boolean {
  return (goflags ?? '').split(/\s+/).some((f) => f === '-modcacherw' || f === '-modcacherw=true' || f === '--modcacherw');
}

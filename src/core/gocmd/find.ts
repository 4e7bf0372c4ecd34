// Finding the go binary the way users expect (our --go / setting, then the official Go extension's
// go.alternateTools.go and go.goroot, then GOBIN/PATH), and checking that it runs and is new enough.
import { compareGoVersions } from '../modfile/gover';
import { accessSync, constants, statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { GoNotFoundError, localGoVersion, runGo, type RunGoOptions } from './run';

/** The oldest Go this engine supports: `$GOROOT/go.env` (one of the layers we explain) arrived in Go 1.21. */
export const MIN_GO_VERSION = '1.21';

export type GoBinarySource = 'explicit' | 'alternateTools' | 'gobin' | 'goroot' | 'path' | 'default';

export interface GoBinaryOptions {
  /** `--go PATH` on the command line or the gomodDoctor.goPath setting. */
  explicit?: string;
  /** The official Go extension's `go.alternateTools` setting; only its `go` entry matters here. */
  alternateTools?: Record<string, string | undefined>;
  /** The official Go extension's `go.goroot` setting. */
  goroot?: string;
  /** Environment used for PATH, GOBIN, GOROOT and HOME; process.env when absent. */
  env?: Record<string, string | undefined>;
  platform?: NodeJS.Platform;
}

export interface GoBinary {
  path: string;
  source: GoBinarySource;
}

export class GoTooOldError extends Error {
  constructor(
    readonly goPath: string,
    readonly version: string,
    readonly minimum: string = MIN_GO_VERSION,
  ) {
    super(`go ${version} at ${goPath} is too old: Go Mod Doctor needs go ${minimum} or newer`);
  }
}

function isExecutableFile(p: string): boolean {
  try {
    if (!statSync(p).isFile()) return false;
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function expandHome(p: string, env: Record<string, string | undefined>): string {
  if (p === '~' || p.startsWith('~/') || p.startsWith('~\\')) return path.join(env.HOME || env.USERPROFILE || homedir(), p.slice(1));
  return p;
}

function envPath(env: Record<string, string | undefined>, platform: NodeJS.Platform): string {
  return env.PATH ?? (platform === 'win32' ? env.Path ?? '' : '') ?? '';
}

function searchDirs(name: string, dirs: string[], platform: NodeJS.Platform): string | undefined {
  const pathApi = platform === 'win32' ? path.win32 : path.posix;
  const names = platform === 'win32' && !/\.exe$/i.test(name) ? [name + '.exe', name] : [name];
  for (const dir of dirs) {
    if (!dir) continue;
    for (const n of names) {
      const p = pathApi.join(dir, n);
      if (isExecutableFile(p)) return p;
    }
  }
  return undefined;
}

/**
 * Resolves the go binary. Order: explicit path; go.alternateTools.go when it is an absolute executable; then the
 * tool name (alternateTools' bare name, else "go") looked up in GOBIN, go.goroot/bin (else $GOROOT/bin), PATH and
 * the usual install locations — the order the official Go extension uses.
 */
export function resolveGoBinary(opts: GoBinaryOptions = {}): GoBinary | undefined {
  const env = opts.env ?? process.env;
  const platform = opts.platform ?? process.platform;
  const pathApi = platform === 'win32' ? path.win32 : path.posix;
  const delimiter = platform === 'win32' ? ';' : ':';

  if (opts.explicit) {
    const p = expandHome(opts.explicit, env);
    if (pathApi.isAbsolute(p) || p.includes('/') || p.includes('\\')) return { path: p, source: 'explicit' };
    const found = searchDirs(p, envPath(env, platform).split(delimiter), platform);
    return { path: found ?? p, source: 'explicit' };
  }

  const alt = opts.alternateTools?.go ? expandHome(opts.alternateTools.go, env) : undefined;
  if (alt && pathApi.isAbsolute(alt) && isExecutableFile(alt)) return { path: alt, source: 'alternateTools' };
  const name = alt && !pathApi.isAbsolute(alt) ? alt : 'go';
  const tag = (s: GoBinarySource): GoBinarySource => (name === 'go' ? s : 'alternateTools');

  const fromGobin = searchDirs(name, (env.GOBIN ?? '').split(delimiter), platform);
  if (fromGobin) return { path: fromGobin, source: tag('gobin') };
  const goroot = opts.goroot ? expandHome(opts.goroot, env) : env.GOROOT;
  if (goroot) {
    const fromRoot = searchDirs(name, [pathApi.join(goroot, 'bin')], platform);
    if (fromRoot) return { path: fromRoot, source: tag('goroot') };
  }
  const fromPath = searchDirs(name, envPath(env, platform).split(delimiter), platform);
  if (fromPath) return { path: fromPath, source: tag('path') };
  if (name === 'go') {
    const defaults =
      platform === 'win32'
        ? ['C:\\Program Files\\Go\\bin\\go.exe', 'C:\\Program Files (x86)\\Go\\bin\\go.exe']
        : ['/usr/local/go/bin/go', '/usr/local/bin/go', '/opt/homebrew/bin/go'];
    for (const p of defaults) if (isExecutableFile(p)) return { path: p, source: 'default' };
  }
  return undefined;
}

/**
 * Makes sure the go binary runs and is at least `minimum`; returns its path and version.
 * Throws GoNotFoundError (missing or not runnable) or GoTooOldError.
 */
export async function checkGo(
  goPath: string,
  opts: Omit<RunGoOptions, 'goPath'> & { minimum?: string } = {},
): Promise<{ path: string; version: string }> {
  let version = await localGoVersion({ ...opts, goPath });
  if (!version) {
    // Go before 1.16 has no GOVERSION in `go env`; `go version` works everywhere.
    const r = await runGo(['version'], { timeoutMs: 10_000, ...opts, goPath }).catch(() => undefined);
    version = r && r.code === 0 ? /^go version go(\d+(?:\.\d+)*(?:(?:rc|beta)\d+)?)[\s-]/.exec(r.stdout)?.[1] : undefined;
  }
  if (!version) throw new GoNotFoundError(goPath);
  const minimum = opts.minimum ?? MIN_GO_VERSION;
  if (compareGoVersions(version, minimum) < 0) throw new GoTooOldError(goPath, version, minimum);
  return { path: goPath, version };
}

// Temporary directories and the environment every program of the bench runs with: loopback proxies only, a fresh
// GOPATH/GOMODCACHE/GOCACHE/GOENV per run, no HTTP proxy, the local toolchain. Nothing reaches the internet.
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Temp dirs not yet removed, so that an interrupted run can still remove them (removeAllTemp). */
const live = new Set<string>();

/** A new temp dir under the system temp dir; `removeTree` it when done. */
export function tempDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `gomod-doctor-bench-${label}-`));
  live.add(dir);
  return dir;
}

/** Removes every temp dir this process made and has not removed yet. */
export function removeAllTemp(): void {
  for (const d of [...live]) removeTree(d);
}

/** rm -rf that first makes every directory writable (the module cache is read-only without -modcacherw). */
export function removeTree(dir: string): void {
  const walk = (d: string): void => {
    try {
      chmodSync(d, 0o755);
      for (const name of readdirSync(d)) {
        const p = join(d, name);
        if (lstatSync(p).isDirectory()) walk(p);
      }
    } catch {
      // vanished or not ours: rmSync below says what it can
    }
  };
  walk(dir);
  try {
    // A program we ran may still be finishing a write in there (go's cache): retry for a moment.
    rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    live.delete(dir);
  } catch (err) {
    // Left in `live`: removeAllTemp tries again when the bench ends. A figure is not lost over a temp dir.
    process.stderr.write(`bench: could not remove ${dir} yet: ${(err as Error).message}\n`);
  }
}

export interface GoSandbox {
  root: string;
  env: NodeJS.ProcessEnv;
  remove(): void;
}

/** Variables cleared so that nothing from the machine steers go or our engine elsewhere. */
const CLEARED = [
  'GOPRIVATE', 'GONOPROXY', 'GONOSUMDB', 'GOINSECURE', 'GOAUTH', 'GOWORK', 'GOROOT_FINAL', 'GOEXPERIMENT',
  'HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'ALL_PROXY', 'http_proxy', 'https_proxy', 'no_proxy', 'all_proxy',
];

/** A fresh Go home (GOPATH, GOMODCACHE, GOCACHE, GOENV) with GOPROXY set to the given loopback URL(s). */
export function goSandbox(label: string, goproxy: string, extra: NodeJS.ProcessEnv = {}): GoSandbox {
  const root = tempDir(label);
  const dirs = { GOPATH: join(root, 'gopath'), GOMODCACHE: join(root, 'modcache'), GOCACHE: join(root, 'gocache'), HOME: join(root, 'home') };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of CLEARED) env[name] = '';
  Object.assign(env, dirs, {
    GOENV: join(root, 'goenv'),
    GOPROXY: goproxy,
    GOSUMDB: 'off',
    GOTOOLCHAIN: 'local',
    GOFLAGS: '-modcacherw',
    GOWORK: 'off',
    // the language server keeps its env-write journal here
    XDG_STATE_HOME: join(root, 'state'),
    ...extra,
  });
  return { root, env, remove: () => removeTree(root) };
}

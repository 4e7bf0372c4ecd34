// Temporary directories and the environment every program of the bench runs with: loopback proxies only, a fresh
// GOPATH/GOMODCACHE/GOCACHE/GOENV per run, no HTTP proxy, the local toolchain. Nothing reaches the internet.
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A new temp dir under the system temp dir; `removeTree` it when done. */
export function tempDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `gomod-doctor-bench-${label}-`));
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
  rmSync(dir, { recursive: true, force: true });
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

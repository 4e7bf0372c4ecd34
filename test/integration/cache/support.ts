// Shared by the cache, watch and explain integration tests: a sealed Go environment in a temp dir (GOPATH,
// GOMODCACHE, GOCACHE, GOENV, HOME with telemetry off), a file:// GOPROXY built from module fixtures, helpers
// to run go, to hold a cache lock, and to remove trees the go command made read-only. Never the internet:
// GOPROXY is a directory or a loopback server, GOSUMDB=off unless a test brings its own, GOTOOLCHAIN=local.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runGo, type RunGoResult } from '../../../src/core/gocmd/run';
import { buildModule, escapeCase, moduleFixture, type BuiltModule } from '../../support/modules';

export interface GoSandbox {
  dir: string;
  gopath: string;
  modcache: string;
  gocache: string;
  proxyDir: string;
  env: Record<string, string>;
}

/** The process environment without any Go or proxy variable, plus a sealed Go configuration. */
export function sandbox(prefix: string): GoSandbox {
  const dir = mkdtempSync(path.join(tmpdir(), `gmd-${prefix}-`));
  chmodSync(dir, 0o755);
  const home = path.join(dir, 'home');
  mkdirSync(path.join(home, '.config', 'go', 'telemetry'), { recursive: true });
  writeFileSync(path.join(home, '.config', 'go', 'telemetry', 'mode'), 'off');
  const gopath = path.join(dir, 'gopath');
  const modcache = path.join(gopath, 'pkg', 'mod');
  const gocache = path.join(dir, 'gocache');
  const proxyDir = path.join(dir, 'proxy');
  mkdirSync(proxyDir, { recursive: true });
  const base: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined || /^GO|^CGO_|_proxy$|_PROXY$|^GIT_/i.test(k)) continue;
    base[k] = v;
  }
  const env: Record<string, string> = {
    ...base,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    GOPATH: gopath,
    GOMODCACHE: modcache,
    GOCACHE: gocache,
    GOENV: path.join(dir, 'goenv'),
    GOPROXY: 'file://' + proxyDir,
    GOSUMDB: 'off',
    GONOSUMDB: '',
    GOPRIVATE: '',
    GOFLAGS: '',
    GOTOOLCHAIN: 'local',
    GIT_TERMINAL_PROMPT: '0',
    GIT_ALLOW_PROTOCOL: 'file',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: path.join(dir, 'gitconfig'),
  };
  writeFileSync(env.GIT_CONFIG_GLOBAL, '');
  return { dir, gopath, modcache, gocache, proxyDir, env };
}

/** Writes modules in GOPROXY layout (case-encoded paths, @v/list with every version) under dir. */
export function writeFileProxy(dir: string, mods: BuiltModule[]): void {
  const lists = new Map<string, string[]>();
  for (const m of mods) {
    const at = path.join(dir, ...escapeCase(m.path).split('/'), '@v');
    mkdirSync(at, { recursive: true });
    const v = escapeCase(m.version);
    writeFileSync(path.join(at, `${v}.info`), m.info);
    writeFileSync(path.join(at, `${v}.mod`), m.mod);
    writeFileSync(path.join(at, `${v}.zip`), m.zip);
    lists.set(at, [...(lists.get(at) ?? []), m.version]);
  }
  for (const [at, versions] of lists) writeFileSync(path.join(at, 'list'), versions.join('\n') + '\n');
}

export function modules(specs: Array<[string, string]>): BuiltModule[] {
  return specs.map(([p, v]) => buildModule(moduleFixture(p, v)));
}

/** A main module requiring the given modules, with a go.sum listing exactly their hashes. */
export function writeMainModule(dir: string, name: string, deps: BuiltModule[], withSum = true): string {
  const root = path.join(dir, name);
  mkdirSync(root, { recursive: true });
  const req = deps.map((d) => `\t${d.path} ${d.version}\n`).join('');
  writeFileSync(path.join(root, 'go.mod'), `module example.com/${name}\n\ngo 1.21\n${deps.length ? `\nrequire (\n${req})\n` : ''}`);
  if (withSum) writeFileSync(path.join(root, 'go.sum'), deps.map((d) => d.gosum).join(''));
  const imports = deps.map((d) => `\t_ "${d.path}"\n`).join('');
  writeFileSync(path.join(root, 'main.go'), `package main\n\n${deps.length ? `import (\n${imports})\n\n` : ''}func main() {}\n`);
  return root;
}

export function goIn(sb: GoSandbox, cwd: string, args: string[], extra: Record<string, string | undefined> = {}, timeoutMs = 60_000): Promise<RunGoResult> {
  return runGo(args, { cwd, baseEnv: sb.env, env: extra, timeoutMs, toolchainLocal: false });
}

/** Removes a tree that may hold read-only directories (module caches). */
export function removeAll(p: string): void {
  if (!existsSync(p)) return;
  const open = (q: string) => {
    let st;
    try {
      st = lstatSync(q);
    } catch {
      return;
    }
    if (!st.isDirectory()) return;
    try {
      chmodSync(q, 0o755);
    } catch {
      // not ours
    }
    for (const n of readdirSync(q)) open(path.join(q, n));
  };
  open(p);
  rmSync(p, { recursive: true, force: true });
}

/** Holds an exclusive flock on file (as the go command does) until release(); undefined without flock(1). */
export async function holdLock(file: string): Promise<{ pid: number; release: () => void } | undefined> {
  if (process.platform !== 'linux' || spawnSync('flock', ['--version']).status !== 0) return undefined;
  mkdirSync(path.dirname(file), { recursive: true });
  // Its own process group: flock(1) passes the locked descriptor to sleep, so both must go on release.
  const child: ChildProcess = spawn('flock', ['-x', file, 'sleep', '120'], { stdio: 'ignore', detached: true });
  // flock(1) takes the lock itself and then runs sleep; wait until /proc/locks shows it.
  for (let i = 0; i < 100; i++) {
    const locks = readFileSync('/proc/locks', 'utf8');
    if (child.pid && new RegExp(`\\s${child.pid}\\s`).test(locks)) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    pid: child.pid!,
    release: () => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // gone
      }
    },
  };
}

/** uid 0 can write anywhere; tests that need permission errors run the code as this user instead. */
export const NOBODY = 65534;
export const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Can this process mount a tmpfs (root in a container with CAP_SYS_ADMIN)? */
export function canMountTmpfs(): boolean {
  if (!isRoot || process.platform !== 'linux') return false;
  const dir = mkdtempSync(path.join(tmpdir(), 'gmd-mnt-'));
  const ok = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir]).status === 0;
  if (ok) spawnSync('umount', [dir]);
  rmSync(dir, { recursive: true, force: true });
  return ok;
}

export function mountTmpfs(dir: string, options: string): boolean {
  mkdirSync(dir, { recursive: true });
  return spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir]).status === 0;
}

export function umount(dir: string): void {
  spawnSync('umount', ['-l', dir]);
}

// Gathers an EnvSnapshot from disk: the env file, $GOROOT/go.env, the binary's own GOROOT, go.work candidates.
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { runGo } from '../gocmd/run';
import { resolveGoBinary } from '../gocmd/find';
import { cleanPath, envFileLocation, NOT_REGULAR_FILE, pathFor } from './envfile';
import { combinedOsEnv, gorootForGoEnv, resolveEnv, type EnvSnapshot, type ResolvedEnv } from './resolve';

export interface LoadEnvOptions {
  /** The go binary (path or name on PATH); used to find the GOROOT go falls back to. */
  goPath?: string;
  /** The OS environment the go command runs with; process.env when absent. */
  env?: Record<string, string | undefined>;
  /** Variables the editor injects into the tools it runs (go.toolsEnvVars …). */
  editor?: Record<string, string>;
  cwd?: string;
  platform?: NodeJS.Platform;
  /** Timeout for the one go call made when GOROOT cannot be derived from the binary's location. */
  timeoutMs?: number;
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** The GOROOT the go command derives from its own location (cmd/go findGOROOT without GOROOT set). */
export function gorootFromBinary(goBinary: string, platform: NodeJS.Platform = process.platform): string | undefined {
  const api = pathFor(platform);
  const looksLikeRoot = (dir: string) => isDir(api.join(dir, 'pkg', 'tool'));
  const tryExe = (exe: string) => {
    for (const up of ['../..', '../../..']) {
      const dir = api.join(exe, up);
      if (looksLikeRoot(dir)) return cleanPath(dir, platform);
    }
    return undefined;
  };
  let abs: string;
  try {
    abs = api.resolve(goBinary);
  } catch {
    return undefined;
  }
  // On Linux os.Executable already resolves symlinks (/proc/self/exe); elsewhere Go tries the path as given first.
  let real: string | undefined;
  try {
    real = realpathSync(abs);
  } catch {
    real = undefined;
  }
  if (platform === 'linux') return (real && tryExe(real)) ?? undefined;
  return tryExe(abs) ?? (real ? tryExe(real) : undefined);
}

/** The directories from cwd up to the root, with whether each holds a go.work file. */
export function workSearchChain(cwd: string, platform: NodeJS.Platform = process.platform): Array<{ dir: string; hasGoWork: boolean }> {
  const api = pathFor(platform);
  const out: Array<{ dir: string; hasGoWork: boolean }> = [];
  let dir = cleanPath(api.resolve(cwd), platform);
  for (;;) {
    out.push({ dir, hasGoWork: isFile(api.join(dir, 'go.work')) });
    const parent = api.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return out;
}

/** Why a path names something that blocks a reader (a named pipe, a socket), or undefined. */
function blocksReading(p: string): string | undefined {
  try {
    const st = statSync(p);
    if (st.isFIFO()) return `${NOT_REGULAR_FILE}: a named pipe`;
    if (st.isSocket()) return `${NOT_REGULAR_FILE}: a socket`;
  } catch {
    // missing or unreadable: readFileSync says which
  }
  return undefined;
}

function readText(p: string | undefined): { text?: string; error?: string } {
  if (!p) return {};
  // The go command would wait forever on a pipe with no writer; we must not block the editor's server on it.
  const blocked = blocksReading(p);
  if (blocked) return { error: blocked };
  try {
    return { text: readFileSync(p, 'utf8') };
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ENOENT') return {};
    // Node's fs messages already start with the code ("EISDIR: illegal operation on a directory, read").
    return { error: e.code && !e.message.startsWith(e.code) ? `${e.code}: ${e.message}` : e.message };
  }
}

/** Reads every layer from disk. Makes at most one go call (only when the binary's GOROOT cannot be derived). */
export async function loadEnvSnapshot(opts: LoadEnvOptions = {}): Promise<EnvSnapshot> {
  const platform = opts.platform ?? process.platform;
  const env = opts.env ?? process.env;
  const osEnv = combinedOsEnv({ process: env, editor: opts.editor });
  const goBinary = opts.goPath && (opts.goPath.includes('/') || opts.goPath.includes('\\'))
    ? opts.goPath
    : resolveGoBinary({ explicit: opts.goPath, env: osEnv, platform })?.path;

  let exeGoroot = goBinary ? gorootFromBinary(goBinary, platform) : undefined;
  if (!exeGoroot && goBinary) {
    // Fall back to asking go itself, with nothing that could override its own idea of GOROOT.
    const r = await runGo(['env', 'GOROOT'], {
      goPath: goBinary,
      baseEnv: env,
      env: { GOROOT: undefined, GOENV: 'off' },
      timeoutMs: opts.timeoutMs ?? 10_000,
    }).catch(() => undefined);
    if (r && r.code === 0 && r.stdout.trim()) exeGoroot = r.stdout.trim();
  }

  const loc = envFileLocation(osEnv, platform);
  const envRead = readText(loc.path);
  const gorootDir = gorootForGoEnv(osEnv, envRead.text, exeGoroot, platform);
  const gorootRead = readText(gorootDir ? pathFor(platform).join(gorootDir, 'go.env') : undefined);

  return {
    platform,
    process: platform === 'win32' ? upperCaseKeys(env) : { ...env },
    editor: opts.editor,
    envFile: { path: loc.path, text: envRead.text, error: loc.error ?? envRead.error },
    gorootEnv: { dir: gorootDir, text: gorootRead.text },
    exeGoroot,
    workSearch: workSearchChain(opts.cwd ?? process.cwd(), platform),
  };
}

/** Windows environment names are case-insensitive (HTTP_PROXY and http_proxy are one variable). */
function upperCaseKeys(env: Record<string, string | undefined>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(env)) out[k.toUpperCase()] = v;
  return out;
}

/** loadEnvSnapshot + resolveEnv. */
export async function loadEffectiveEnv(opts: LoadEnvOptions = {}): Promise<{ snapshot: EnvSnapshot; env: ResolvedEnv }> {
  const snapshot = await loadEnvSnapshot(opts);
  return { snapshot, env: resolveEnv(snapshot) };
}

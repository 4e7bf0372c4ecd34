// The `go env -w` file and $GOROOT/go.env: where they are and how the go command reads them.
import path from 'node:path';

export interface EnvFileLine {
  /** 0-based line number. */
  line: number;
  key: string;
  value: string;
}

export interface ParsedEnvFile {
  /** Effective entries: the last line for each key wins. */
  values: Map<string, string>;
  /** Every KEY=VALUE line the go command reads, in file order (duplicates included). */
  lines: EnvFileLine[];
}

/**
 * Parses env-file text exactly as cmd/go's readEnvFile does: split on "\n" only (a "\r" stays in the value),
 * skip lines without "=" or whose first byte is not A–Z, take KEY before the first "=", the last duplicate wins.
 */
export function parseEnvFile(text: string): ParsedEnvFile {
  const values = new Map<string, string>();
  const lines: EnvFileLine[] = [];
  const raw = text.split('\n');
  for (let i = 0; i < raw.length; i++) {
    const l = raw[i];
    const eq = l.indexOf('=');
    if (eq < 0 || l[0] < 'A' || l[0] > 'Z') continue;
    const key = l.slice(0, eq);
    const value = l.slice(eq + 1);
    values.set(key, value);
    lines.push({ line: i, key, value });
  }
  return { values, lines };
}

/** The start of the read error for an env file that would block a reader (a named pipe, a socket). */
export const NOT_REGULAR_FILE = 'not a regular file';

/**
 * Lines the go command skips (see parseEnvFile) that are not blank and not `#` comments: text someone meant
 * to be read, e.g. "  GOPRIVATE=corp.example" (indented) or "goproxy=off" (lower case). 0-based line numbers.
 */
export function ignoredEnvFileLines(text: string): Array<{ line: number; text: string }> {
  const parsed = new Set(parseEnvFile(text).lines.map((l) => l.line));
  return text
    .split('\n')
    .map((t, line) => ({ line, text: t }))
    .filter((l) => !parsed.has(l.line) && l.text.trim() !== '' && !l.text.trimStart().startsWith('#'));
}

export interface EnvFileLocation {
  /** The file the go command reads and writes; undefined when there is none. */
  path?: string;
  /** Why there is no file (GOENV=off, no home directory, relative XDG_CONFIG_HOME). */
  error?: string;
  /** True when GOENV in the OS environment chose the path. */
  fromGOENV: boolean;
}

/** os.UserConfigDir as Go computes it. */
export function userConfigDir(env: Record<string, string | undefined>, platform: NodeJS.Platform): { dir?: string; error?: string } {
  switch (platform) {
    case 'win32':
      return env.AppData || env.APPDATA ? { dir: env.AppData || env.APPDATA } : { error: '%AppData% is not defined' };
    case 'darwin':
      return env.HOME ? { dir: env.HOME + '/Library/Application Support' } : { error: '$HOME is not defined' };
    default: {
      const xdg = env.XDG_CONFIG_HOME;
      if (xdg) return path.posix.isAbsolute(xdg) ? { dir: xdg } : { error: 'path in $XDG_CONFIG_HOME is relative' };
      return env.HOME ? { dir: env.HOME + '/.config' } : { error: 'neither $XDG_CONFIG_HOME nor $HOME are defined' };
    }
  }
}

/** os.UserCacheDir as Go computes it. */
export function userCacheDir(env: Record<string, string | undefined>, platform: NodeJS.Platform): { dir?: string; error?: string } {
  switch (platform) {
    case 'win32':
      return env.LocalAppData || env.LOCALAPPDATA ? { dir: env.LocalAppData || env.LOCALAPPDATA } : { error: '%LocalAppData% is not defined' };
    case 'darwin':
      return env.HOME ? { dir: env.HOME + '/Library/Caches' } : { error: '$HOME is not defined' };
    default: {
      const xdg = env.XDG_CACHE_HOME;
      if (xdg) return path.posix.isAbsolute(xdg) ? { dir: xdg } : { error: 'path in $XDG_CACHE_HOME is relative' };
      return env.HOME ? { dir: env.HOME + '/.cache' } : { error: 'neither $XDG_CACHE_HOME nor $HOME are defined' };
    }
  }
}

/** Where the go command keeps its env file (cmd/go cfg.EnvFile): $GOENV, else UserConfigDir/go/env. */
export function envFileLocation(env: Record<string, string | undefined>, platform: NodeJS.Platform): EnvFileLocation {
  const goenv = env.GOENV;
  if (goenv) return goenv === 'off' ? { error: 'GOENV=off', fromGOENV: true } : { path: goenv, fromGOENV: true };
  const { dir, error } = userConfigDir(env, platform);
  if (!dir) return { error: error ?? 'missing user-config dir', fromGOENV: false };
  return { path: pathFor(platform).join(dir, 'go/env'), fromGOENV: false };
}

export function pathFor(platform: NodeJS.Platform): path.PlatformPath {
  return platform === 'win32' ? path.win32 : path.posix;
}

/** filepath.Clean for the given platform (no trailing separator except the root). */
export function cleanPath(p: string, platform: NodeJS.Platform): string {
  if (p === '') return '.';
  const api = pathFor(platform);
  let out = api.normalize(p);
  const root = api.parse(out).root;
  while (out.length > root.length && (out.endsWith('/') || (platform === 'win32' && out.endsWith('\\')))) out = out.slice(0, -1);
  return out;
}

/** True when the text can be handed to `go env -w` without risk: UTF-8 text without NUL bytes. */
export function looksLikeEnvFileText(buf: Buffer): boolean {
  if (buf.includes(0)) return false;
  return Buffer.from(buf.toString('utf8'), 'utf8').equals(buf);
}

// Credentials the go command would send: user info in the URL (any scheme, as net/http does) and, for https
// only, .netrc lines (GOAUTH=netrc, the default) matched by URL prefix. Never logged or shown.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface NetrcLine {
  machine: string;
  login: string;
  password: string;
}

/** cmd/go's parseNetrc: machine/login/password triples, macdef bodies skipped, parsing ends at "default". */
export function parseNetrc(data: string): NetrcLine[] {
  const out: NetrcLine[] = [];
  let l: NetrcLine = { machine: '', login: '', password: '' };
  let inMacro = false;
  for (const line of data.split('\n')) {
    if (inMacro) {
      if (line === '') inMacro = false;
      continue;
    }
    const f = line.split(/\s+/).filter((x) => x !== '');
    let i = 0;
    for (; i < f.length - 1; i += 2) {
      switch (f[i]) {
        case 'machine':
          l = { machine: f[i + 1], login: '', password: '' };
          break;
        case 'login':
          l.login = f[i + 1];
          break;
        case 'password':
          l.password = f[i + 1];
          break;
        case 'macdef':
          inMacro = true;
          break;
      }
      if (l.machine !== '' && l.login !== '' && l.password !== '') {
        out.push(l);
        l = { machine: '', login: '', password: '' };
      }
    }
    if (i < f.length && f[i] === 'default') break;
  }
  return out;
}

/** $NETRC, else ~/.netrc (~/_netrc first on Windows when it exists). */
export function netrcPath(env: Record<string, string | undefined>, platform: NodeJS.Platform = process.platform): string | undefined {
  if (env.NETRC) return env.NETRC;
  const home = platform === 'win32' ? env.USERPROFILE : env.HOME;
  const dir = home || homedir();
  if (!dir) return undefined;
  if (platform === 'win32') {
    try {
      readFileSync(join(dir, '_netrc'));
      return join(dir, '_netrc');
    } catch {
      // fall back to .netrc
    }
  }
  return join(dir, '.netrc');
}

/** Whether GOAUTH includes the netrc method (its default). Commands and git helpers are not run by the probes. */
export function goauthUsesNetrc(goauth: string | undefined): boolean {
  const v = (goauth ?? '').trim();
  if (v === '') return true;
  return v.split(';').some((c) => c.trim().split(/\s+/)[0] === 'netrc');
}

export class Credentials {
  private readonly byPrefix = new Map<string, string>();

  constructor(lines: NetrcLine[]) {
    // In reverse, so that the first line for a machine wins (as cmd/go stores them).
    for (const l of [...lines].reverse()) {
      this.byPrefix.set(l.machine.replace(/^https:\/\//, '').replace(/\/$/, ''), 'Basic ' + Buffer.from(`${l.login}:${l.password}`).toString('base64'));
    }
  }

  static fromEnv(env: Record<string, string | undefined>, platform: NodeJS.Platform = process.platform): Credentials {
    if (!goauthUsesNetrc(env.GOAUTH)) return new Credentials([]);
    const p = netrcPath(env, platform);
    if (!p) return new Credentials([]);
    try {
      return new Credentials(parseNetrc(readFileSync(p, 'utf8')));
    } catch {
      return new Credentials([]);
    }
  }

  /** The Authorization header for a URL: userinfo first, else netrc by the longest matching prefix (https only). */
  authorizationFor(url: URL): string | undefined {
    if (url.username !== '' || url.password !== '') {
      const dec = (s: string) => {
        try {
          return decodeURIComponent(s);
        } catch {
          return s;
        }
      };
      return 'Basic ' + Buffer.from(`${dec(url.username)}:${dec(url.password)}`).toString('base64');
    }
    if (url.protocol !== 'https:') return undefined;
    let prefix = `${url.host}${url.pathname}`.replace(/\/$/, '');
    for (;;) {
      const hit = this.byPrefix.get(prefix);
      if (hit) return hit;
      const slash = prefix.lastIndexOf('/');
      if (slash < 0) return undefined;
      prefix = prefix.slice(0, slash);
    }
  }
}

/** A URL for display: no userinfo, no query (tokens hide there). */
export function displayUrl(url: string | URL): string {
  try {
    const u = typeof url === 'string' ? new URL(url) : new URL(url.href);
    u.username = '';
    u.password = '';
    u.search = '';
    u.hash = '';
    // "https://host" and "https://host/" are the same proxy; show it as configured most often, without the slash.
    return u.pathname === '/' ? u.href.slice(0, -1) : u.href;
  } catch {
    return String(url).replace(/\/\/[^/@]*@/, '//');
  }
}

// Helpers of the module-rule tests: a sealed environment for the real go, temp workspaces, exact ranges.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Range } from '../../../src/core/finding';
import { quietHome, removeTree } from '../goenv/support';

export { removeTree };

export function tempRoot(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `gmd-${prefix}-`));
}

/** A workspace directory with a go.mod (and a go.sum when given). */
export function workspace(root: string, name: string, gomod: string, gosum?: string): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'go.mod'), gomod);
  if (gosum !== undefined) writeFileSync(join(dir, 'go.sum'), gosum);
  return dir;
}

/** Effective routing values as goenv resolves them: GONOPROXY and GONOSUMDB inherit GOPRIVATE. */
export function routing(v: { GOPROXY: string; GOSUMDB?: string; GOPRIVATE?: string; GONOSUMDB?: string }): Record<string, string> {
  const priv = v.GOPRIVATE ?? '';
  return { GOPROXY: v.GOPROXY, GOSUMDB: v.GOSUMDB ?? 'off', GOPRIVATE: priv, GONOPROXY: priv, GONOSUMDB: v.GONOSUMDB ?? priv, GOFLAGS: '', GOINSECURE: '' };
}

/** The environment for the real go: nothing from this machine's go env, no HTTP proxy, caches under root. */
export function sealedGoEnv(root: string, values: Record<string, string>): NodeJS.ProcessEnv {
  const home = quietHome(join(root, 'home'));
  const cache = mkdtempSync(join(root, 'modcache-'));
  return {
    PATH: process.env.PATH,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    GOENV: join(root, 'goenv'),
    GOPATH: join(root, 'gopath'),
    GOMODCACHE: cache,
    GOCACHE: join(root, 'gocache'),
    GOFLAGS: '-modcacherw',
    GOTOOLCHAIN: 'local',
    GOTELEMETRY: 'off',
    HTTP_PROXY: '',
    HTTPS_PROXY: '',
    http_proxy: '',
    https_proxy: '',
    NO_PROXY: '',
    GIT_TERMINAL_PROMPT: '0',
    ...values,
  };
}

export function runGoIn(dir: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs = 20_000): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('go', args, { cwd: dir, env, timeout: timeoutMs, killSignal: 'SIGKILL' }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? ((err as { code: number }).code) : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** The range of `token` on the first line of `text` that contains `lineHas` (0-based, UTF-16 columns). */
export function rangeOf(text: string, lineHas: string, token: string): Range {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(lineHas));
  if (line < 0) throw new Error(`no line with ${lineHas}`);
  const character = lines[line].indexOf(token);
  if (character < 0) throw new Error(`no ${token} on line ${line}`);
  return { start: { line, character }, end: { line, character: character + token.length } };
}

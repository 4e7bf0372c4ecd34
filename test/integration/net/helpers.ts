// Small helpers for the net integration tests.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runGo } from '../../../src/core/gocmd/run';

/**
 * Makes `home` a home directory whose Go telemetry is off, so that the go command starts no telemetry sidecar that
 * would keep writing into a directory the test is about to remove. Returns home.
 */
export function quietHome(home: string): string {
  mkdirSync(join(home, '.config', 'go', 'telemetry'), { recursive: true });
  writeFileSync(join(home, '.config', 'go', 'telemetry', 'mode'), 'off');
  return home;
}

/** Removes a tree even where the go command made it read-only (module cache without -modcacherw). */
export function removeTree(dir: string): void {
  const writable = (p: string) => {
    try {
      if (!statSync(p).isDirectory()) return;
      chmodSync(p, 0o755);
      for (const e of readdirSync(p, { withFileTypes: true })) if (e.isDirectory()) writable(join(p, e.name));
    } catch {
      // gone already
    }
  };
  try {
    rmSync(dir, { recursive: true, force: true });
  } catch {
    writable(dir);
    rmSync(dir, { recursive: true, force: true });
  }
}


/** An environment for the real go with everything under tmp: no user env file, caches, or private patterns. */
export function sealedGoEnv(tmp: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: tmp,
    GOPATH: join(tmp, 'gopath'),
    GOMODCACHE: join(tmp, 'modcache'),
    GOCACHE: join(tmp, 'gocache'),
    GOENV: 'off',
    GOFLAGS: '-modcacherw',
    GOTOOLCHAIN: 'local',
    GOPRIVATE: '',
    GONOPROXY: '',
    GONOSUMDB: '',
  };
}

/**
 * `go mod download -json <args>` in a fresh GOPATH/GOMODCACHE/GOCACHE with no env file and no proxy variables,
 * killed after `timeoutMs`; returns the JSON "Error" (or "" on success) and whether it was killed.
 */
export async function goDownload(
  args: string[],
  env: Record<string, string>,
  timeoutMs = 20_000,
): Promise<{ error: string; killed: boolean; stdout: string; stderr: string }> {
  const tmp = quietHome(mkdtempSync(join(tmpdir(), 'gmd-go-')));
  try {
    const r = await runGo(['mod', 'download', '-json', ...args], { baseEnv: { ...sealedGoEnv(tmp), ...env }, cwd: tmp, timeoutMs });
    const errors = [...r.stdout.matchAll(/"Error":\s*"((?:[^"\\]|\\.)*)"/g)].map((m) => JSON.parse(`"${m[1]}"`) as string);
    const error = r.timedOut ? 'killed' : errors.join('\n') || (r.code === 0 ? '' : r.stderr.trim());
    return { error, killed: r.timedOut, stdout: r.stdout, stderr: r.stderr };
  } finally {
    removeTree(tmp);
  }
}

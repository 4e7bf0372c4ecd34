// Shared helpers for the goenv integration tests: temp dirs, fake GOROOTs, a bounded pool, a seeded PRNG.
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveGoBinary } from '../../../src/core/gocmd/find';
import { gorootFromBinary } from '../../../src/core/goenv/load';

export function realGo(): { bin: string; root: string } {
  const bin = resolveGoBinary()?.path;
  if (!bin) throw new Error('go not found on PATH');
  const root = gorootFromBinary(bin);
  if (!root) throw new Error(`cannot find GOROOT of ${bin}`);
  return { bin, root };
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `gmd-${prefix}-`));
}

/**
 * Makes `home` (and an XDG config dir, if given) a home whose Go telemetry is off, so that go starts no
 * telemetry sidecar that keeps writing into a directory the test is about to remove. Returns home.
 */
export function quietHome(home: string, xdgConfig?: string): string {
  for (const cfg of [join(home, '.config'), ...(xdgConfig ? [xdgConfig] : [])]) {
    mkdirSync(join(cfg, 'go', 'telemetry'), { recursive: true });
    writeFileSync(join(cfg, 'go', 'telemetry', 'mode'), 'off');
  }
  return home;
}

/** Removes a directory tree even when go made parts of it read-only (module cache). */
export function removeTree(dir: string): void {
  for (let attempt = 0; ; attempt++) {
    try {
      removeTreeOnce(dir);
      return;
    } catch (err) {
      if (attempt >= 5 || (err as NodeJS.ErrnoException).code !== 'ENOTEMPTY') throw err;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50); // something was still writing; retry
    }
  }
}

function removeTreeOnce(dir: string): void {
  const makeWritable = (p: string) => {
    let st;
    try {
      st = statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      try {
        chmodSync(p, 0o755);
      } catch {
        // ignore
      }
      for (const e of readdirSync(p, { withFileTypes: true })) if (e.isDirectory() && !e.isSymbolicLink()) makeWritable(join(p, e.name));
    }
  };
  try {
    rmSync(dir, { recursive: true, force: true });
  } catch {
    makeWritable(dir);
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A GOROOT look-alike: symlinks to the real GOROOT's entries except go.env (which the caller writes), and
 * optionally a real copy of the go binary in bin/ so that go derives this directory as its own GOROOT.
 */
export function fakeGoroot(dir: string, withBinary: boolean): { dir: string; bin?: string } {
  const { bin, root } = realGo();
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(root)) {
    if (name === 'go.env' || (withBinary && name === 'bin')) continue;
    symlinkSync(join(root, name), join(dir, name));
  }
  if (!withBinary) return { dir };
  mkdirSync(join(dir, 'bin'));
  const copy = join(dir, 'bin', 'go');
  copyFileSync(bin, copy);
  chmodSync(copy, 0o755);
  return { dir, bin: copy };
}

export function writeText(file: string, text: string | undefined): void {
  if (text === undefined) {
    rmSync(file, { force: true });
    return;
  }
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
}

/** Runs tasks with at most `limit` in flight; results keep the input order. */
export async function pool<T, R>(items: T[], limit: number, fn: (item: T, slot: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async (_, slot) => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], slot);
    }
  });
  await Promise.all(workers);
  return out;
}

/** mulberry32: a small deterministic PRNG so that a failing combination can be reproduced from its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)];
}

/** A loopback port nothing listens on: any HTTP(S) request that escapes a test's own servers ends here. */
export const DEAD_PROXY = 'http://127.0.0.1:9';

/**
 * A minimal environment for go: PATH, plus what the test adds. Nothing from the developer's shell leaks in, and
 * HTTP(S)_PROXY point at a dead loopback port so that a request to any non-loopback host fails locally instead
 * of reaching DNS or the network.
 */
export function sealedEnv(extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return { PATH: process.env.PATH, HTTPS_PROXY: DEAD_PROXY, HTTP_PROXY: DEAD_PROXY, GOTOOLCHAIN: 'local', ...extra };
}

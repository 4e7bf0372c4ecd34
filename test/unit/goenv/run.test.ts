import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GoNotFoundError, runGo } from '../../../src/core/gocmd/run';

/** Running (not gone, not a zombie waiting for a parent that never reaps it). */
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true; // no /proc: trust kill(0)
  }
};

describe('gocmd/run: running go', function () {
  if (process.platform === 'win32') return;
  let dir = '';
  let fake = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gmd-run-'));
    fake = join(dir, 'go');
    // A stand-in for go: prints its GOTOOLCHAIN, or starts a grandchild and waits (to test tree kills).
    writeFileSync(fake, `#!/bin/sh\nif [ "$1" = hang ]; then sleep 30 & echo $! > "${dir}/child"; wait; fi\necho "GOTOOLCHAIN=\${GOTOOLCHAIN-unset} A=\${A-unset} HOME=\${HOME-unset}"\n`);
    chmodSync(fake, 0o755);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('passes GOTOOLCHAIN=local unless told not to; starts from baseEnv; undefined removes a variable', async () => {
    assert.match((await runGo([], { goPath: fake })).stdout, /GOTOOLCHAIN=local/);
    const r = await runGo([], { goPath: fake, baseEnv: { PATH: process.env.PATH, A: '1', GOTOOLCHAIN: 'auto' }, toolchainLocal: false, env: { A: undefined } });
    assert.match(r.stdout, /GOTOOLCHAIN=auto A=unset HOME=unset/);
  });

  it('kills the whole process tree on timeout', async () => {
    const r = await runGo(['hang'], { goPath: fake, timeoutMs: 300 });
    assert.equal(r.timedOut, true);
    const child = Number(readFileSync(join(dir, 'child'), 'utf8'));
    await new Promise((res) => setTimeout(res, 100));
    assert.equal(alive(child), false, 'the grandchild was killed too');
  });

  it('kills the whole process tree on abort', async () => {
    const ac = new AbortController();
    const p = runGo(['hang'], { goPath: fake, signal: ac.signal, timeoutMs: 10_000 });
    await new Promise((res) => setTimeout(res, 200));
    ac.abort();
    const r = await p;
    assert.equal(r.aborted, true);
    const child = Number(readFileSync(join(dir, 'child'), 'utf8'));
    await new Promise((res) => setTimeout(res, 100));
    assert.equal(alive(child), false);
  });

  it('says clearly when go is missing', async () => {
    await assert.rejects(runGo(['version'], { goPath: join(dir, 'missing', 'go') }), GoNotFoundError);
  });
});

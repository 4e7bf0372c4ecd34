// Faults beyond the network: a go that is missing, too old, hanging or printing garbage (fake `go` scripts);
// a GOENV path that cannot be read and an env file with junk lines; the user editing go.mod while module checks
// run. Each ends in a clear message and a consistent state. (Read-only and binary env files and concurrent
// writers in separate processes are covered by test/integration/goenv/write.test.ts and unit/goenv/journal.)
import * as assert from 'node:assert/strict';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkGo, GoTooOldError } from '../../../src/core/gocmd/find';
import { GoNotFoundError, localGoVersion, runGo } from '../../../src/core/gocmd/run';
import { parseFixId } from '../../../src/core/goenv/fixid';
import { readJournal } from '../../../src/core/goenv/journal';
import { loadEffectiveEnv } from '../../../src/core/goenv/load';
import { lintEnv } from '../../../src/core/goenv/lint';
import { applyEnvWrite, undoLastWrite, type WriteContext } from '../../../src/core/goenv/write';
import { cliPath, runCli } from '../../support/cli';
import { GoproxyServer } from '../../support/goproxy-server';
import { LspClient } from '../../support/lspClient';
import { buildModule, moduleFixture } from '../../support/modules';
import { removeTree, sealedGoEnv, tempRoot } from '../modules/support';

/** A fake go: a shell script answering `go env GOVERSION` / `go version` (and anything else) as told. */
function fakeGo(dir: string, name: string, body: string): string {
  const d = join(dir, name);
  mkdirSync(d, { recursive: true });
  const p = join(d, 'go');
  writeFileSync(p, `#!/bin/sh\n${body}\n`);
  chmodSync(p, 0o755);
  return p;
}

/** Running (a zombie waiting for a parent that never reaps it counts as ended). */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) [ZX] /.test(stat);
  } catch {
    try {
      process.kill(pid, 0);
      return process.platform !== 'linux';
    } catch {
      return false;
    }
  }
}

/** Ends every fake-go process (and its sleep) that is still running: the ones this test started. */
function killLeftovers(pidFile: string): void {
  let pids: number[] = [];
  try {
    pids = readFileSync(pidFile, 'utf8').trim().split('\n').map(Number).filter((n) => n > 1);
  } catch {
    return;
  }
  for (const pid of pids) {
    try {
      if (alive(pid)) process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

const GOMOD = 'module example.com/app\n\ngo 1.21\n\nrequire example.com/dep v1.2\n';

describe('reliability: faults beyond the network', function () {
  this.timeout(60_000);
  let root: string;
  let missing: string;
  let old: string;
  let hanging: string;
  let garbage: string;
  let app: string;

  before(() => {
    root = tempRoot('faults');
    missing = join(root, 'nowhere', 'go');
    old = fakeGo(root, 'old', 'case "$1 $2" in "env GOVERSION") echo go1.15.15;; "version ") echo "go version go1.15.15 linux/amd64";; *) echo "unsupported" >&2; exit 2;; esac');
    // Writes its pid (and its child's) so the test can see that the whole tree was killed.
    hanging = fakeGo(root, 'hanging', `echo $$ >> "${join(root, 'hang.pids')}"\nsleep 300 &\necho $! >> "${join(root, 'hang.pids')}"\nwait`);
    garbage = fakeGo(root, 'garbage', `printf '{"GOVERSION": go1.\\x00\\xff\\n[[[not json'\nhead -c 3000 /dev/urandom\nexit 0`);
    app = join(root, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'go.mod'), GOMOD);
  });
  after(() => {
    killLeftovers(join(root, 'hang.pids'));
    removeTree(root);
  });

  describe('the go command', () => {
    it('missing: checkGo says GoNotFoundError, localGoVersion is undefined', async () => {
      await assert.rejects(checkGo(missing), (e: unknown) => e instanceof GoNotFoundError && /go command not found: .*nowhere\/go/.test(e.message));
      assert.equal(await localGoVersion({ goPath: missing }), undefined);
    });

    it('too old: checkGo names the version and the minimum', async () => {
      await assert.rejects(checkGo(old), (e: unknown) => e instanceof GoTooOldError && /1\.15\.15/.test(e.message) && /1\.21/.test(e.message));
    });

    // checkGo's `go version` fallback finds "go1." in the garbage and calls it "go 1 … is too old": still a refusal.
    it('printing garbage: no version, no exception, checkGo refuses it', async () => {
      assert.equal(await localGoVersion({ goPath: garbage }), undefined);
      await assert.rejects(checkGo(garbage), (e: unknown) => e instanceof GoNotFoundError || e instanceof GoTooOldError);
    });

    it('hanging: runGo times out and kills the whole process tree; checkGo gives up in bounded time', async () => {
      const started = Date.now();
      const r = await runGo(['env', 'GOVERSION'], { goPath: hanging, timeoutMs: 800 });
      assert.equal(r.timedOut, true);
      assert.ok(Date.now() - started < 5_000);
      await new Promise((res) => setTimeout(res, 300));
      const pids = readFileSync(join(root, 'hang.pids'), 'utf8').trim().split('\n').map(Number);
      assert.equal(pids.length, 2);
      for (const pid of pids) assert.equal(alive(pid), false, `process ${pid} was left running`);
      const t0 = Date.now();
      await assert.rejects(checkGo(hanging, { timeoutMs: 700 }), GoNotFoundError);
      assert.ok(Date.now() - t0 < 5_000);
    });

    for (const which of ['missing', 'old', 'garbage'] as const) {
      it(`CLI check --offline with a ${which} go still reports the local findings`, async () => {
        const go = { missing, old, garbage }[which];
        const r = await runCli(['check', '--offline', '--format', 'json', '--go', go, app], { env: { GOENV: join(root, 'no-goenv') } });
        assert.ok(r.code === 0 || r.code === 1, `exit ${r.code}: ${r.stderr}`);
        const report = JSON.parse(r.stdout) as { go: { version: string | null }; findings: Array<{ code: string }> };
        assert.equal(report.go.version, which === 'old' ? 'go1.15.15' : null);
        assert.ok(report.findings.some((f) => f.code === 'gomod.version-noncanonical'), r.stdout);
        // An old go is named, and the go line it cannot satisfy is flagged.
        assert.equal(report.findings.some((f) => f.code === 'gomod.go-too-new'), which === 'old');
      });
    }

    it('the language server with a hanging go publishes the local diagnostics at once', async () => {
      const env = sealedGoEnv(root, { GOPROXY: 'off', GOSUMDB: 'off' });
      const c = new LspClient(process.execPath, [cliPath, 'lsp', '--stdio'], env);
      try {
        await c.request('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { goPath: hanging, stateDir: join(root, 'state-lsp') } });
        c.notify('initialized', {});
        const uri = pathToFileURL(join(app, 'go.mod')).href;
        const t0 = Date.now();
        c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'go.mod', version: 1, text: GOMOD } });
        const p = (await c.waitFor((m) => m.method === 'textDocument/publishDiagnostics', 5_000)).params as { diagnostics: Array<{ code: string }> };
        assert.ok(p.diagnostics.some((d) => d.code === 'gomod.version-noncanonical'));
        assert.ok(Date.now() - t0 < 3_000, `took ${Date.now() - t0} ms`);
        const h = await c.request('gomodDoctor/noSuchMethod', {}, 5_000);
        assert.equal((h.error as { code: number }).code, -32601, 'still answering');
      } finally {
        await c.close();
      }
    });
  });

  describe('the go env file', () => {
    const ctxFor = (envFile: string, state: string): WriteContext => ({
      goPath: 'go',
      env: { PATH: process.env.PATH, HOME: join(root, 'home'), GOENV: envFile, GOTOOLCHAIN: 'local' },
      stateDir: join(root, state),
    });

    it('a GOENV path that cannot be read (a directory): the error is kept, the write fails saying why, nothing changed', async () => {
      const dirAsFile = join(root, 'goenv-dir');
      mkdirSync(dirAsFile);
      const ctx = ctxFor(dirAsFile, 'state-dir');
      const { env } = await loadEffectiveEnv({ env: ctx.env, cwd: app });
      assert.match(env.snapshot.envFile.error ?? '', /EISDIR/, 'the read error is kept');
      assert.doesNotThrow(() => lintEnv(env));
      const r = await applyEnvWrite(parseFixId('env:set:GOPROXY=off')!, ctx);
      assert.equal(r.status, 'failed');
      assert.match(r.reason ?? '', /goenv-dir|directory|EISDIR/i);
      assert.equal(readJournal(ctx.stateDir).entries.length, 0);
    });

    it('junk lines survive a write and undo restores the file byte for byte', async () => {
      const file = join(root, 'goenv-junk');
      const junk = 'GOFLAGS=-mod=mod\nthis line is junk\n=novalue\nGOPROXY\n  GOSUMDB = spaced\n# comment\nGONOSUMDB=' + 'x'.repeat(5000) + '\n';
      writeFileSync(file, junk);
      const ctx = ctxFor(file, 'state-junk');
      const r = await applyEnvWrite(parseFixId('env:set:GOPRIVATE=corp.example')!, ctx);
      assert.equal(r.status, 'written', r.reason);
      const after = readFileSync(file, 'utf8');
      for (const line of junk.split('\n')) assert.ok(after.includes(line), `kept: ${line.slice(0, 40)}`);
      assert.match(after, /^GOPRIVATE=corp\.example$/m);
      const u = await undoLastWrite(ctx);
      assert.equal(u.status, 'restored', u.reason);
      assert.equal(readFileSync(file, 'utf8'), junk);
    });
  });

  describe('editing go.mod while module checks run', () => {
    it('the language server never publishes module findings of an older text for a newer version', async () => {
      const missingMod = buildModule(moduleFixture('example.com/present', 'v1.0.0'));
      const slow = await new GoproxyServer({ modules: [missingMod], delayMs: 1_200 }).start();
      const env = sealedGoEnv(root, { GOPROXY: slow.url, GOSUMDB: 'off', GOFLAGS: '' });
      const c = new LspClient(process.execPath, [cliPath, 'lsp', '--stdio'], env);
      const publishes: Array<{ version?: number; diagnostics: Array<{ code: string; range: { start: { line: number } } }> }> = [];
      try {
        await c.request('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { stateDir: join(root, 'state-edit'), debounceMs: 10, timeoutMs: 5_000 } });
        c.notify('initialized', {});
        const dir = join(root, 'edited');
        mkdirSync(dir);
        const uri = pathToFileURL(join(dir, 'go.mod')).href;
        const v1 = 'module example.com/app\n\ngo 1.21\n\nrequire example.com/absent v1.0.0\n';
        c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'go.mod', version: 1, text: v1 } });
        await c.waitFor((m) => m.method === 'textDocument/publishDiagnostics', 5_000);
        await new Promise((r) => setTimeout(r, 300)); // the check of v1 is now waiting on the slow proxy
        const v2 = 'module example.com/app\n\ngo 1.21\n';
        c.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: v2 }] });
        const deadline = Date.now() + 4_000;
        while (Date.now() < deadline) {
          try {
            publishes.push((await c.waitFor((m) => m.method === 'textDocument/publishDiagnostics', 500)).params as (typeof publishes)[number]);
          } catch {
            // nothing new in this half second
          }
        }
        assert.ok(slow.modulesRequested().includes('example.com/absent'), 'the check of v1 did reach the proxy');
        assert.ok(publishes.some((p) => p.version === 2), 'version 2 was published');
        for (const p of publishes.filter((x) => x.version === 2)) {
          assert.deepEqual(p.diagnostics.filter((d) => /^(module|gosum)\./.test(d.code)), [], 'no finding of the old text');
        }
      } finally {
        await c.close();
        await slow.stop();
      }
    });
  });
});

// The watchdog against the fault server: a proxy that accepts and never answers, one that sends headers and then
// nothing, a held cache lock; plus the `gomod-doctor watch` command. The go command has no timeout for a silent
// server (§8.1), so the comparison run of plain go is still waiting when the watchdog has long given its verdict.
import * as assert from 'node:assert/strict';
import path from 'node:path';
import { makeTestCerts, opensslAvailable, type TestCerts } from '../../support/certs';
import { FaultServer, FAULT_MODULE } from '../../support/fault-server';
import { runGo } from '../../../src/core/gocmd/run';
import { watchGo, withTraceFlag, type StallInfo, type WatchProgress } from '../../../src/core/gocmd/watch';
import { runWatchCommand } from '../../../src/cli/commands/watch';
import { setLanguage } from '../../../src/core/i18n';
import { holdLock, removeAll, sandbox, type GoSandbox } from '../cache/support';

const STALL_MS = 1000;

describe('watchdog for go commands (real go, fault server)', function () {
  this.timeout(60_000);
  let certs: TestCerts | undefined;
  let fault: FaultServer;
  let sb: GoSandbox;

  before(async function () {
    if (!opensslAvailable()) this.skip();
    setLanguage('en');
    certs = makeTestCerts();
    fault = await new FaultServer(certs).start();
    sb = sandbox('watch');
  });

  after(async () => {
    await fault?.stop();
    if (sb) removeAll(sb.dir);
    if (certs) removeAll(certs.dir);
  });

  const download = (version = 'v1.0.0') => ['mod', 'download', `${FAULT_MODULE}@${version}`];
  const envFor = (proxy: string, modcache: string) => ({ GOPROXY: proxy, GOMODCACHE: modcache, GOSUMDB: 'off', GOFLAGS: '' });

  it('adds -x after the subcommand', () => {
    assert.deepEqual(withTraceFlag(['mod', 'download', 'a@v1']), ['mod', 'download', '-x', 'a@v1']);
    assert.deepEqual(withTraceFlag(['get', 'a@v1']), ['get', '-x', 'a@v1']);
    assert.deepEqual(withTraceFlag(['list', '-m', 'all']), ['list', '-x', '-m', 'all']);
    assert.deepEqual(withTraceFlag(['mod', 'tidy', '-x']), ['mod', 'tidy', '-x']);
  });

  it('reports the stalled URL within 2x the stall threshold while plain go is still waiting', async () => {
    const proxy = fault.proxyUrl('stall-accept');
    const limit = 2 * STALL_MS;
    // Plain go, same fault: given twice the threshold it has still not finished (we stop it then).
    const plain = runGo(download(), { cwd: sb.dir, baseEnv: sb.env, env: envFor(proxy, path.join(sb.dir, 'mc-plain')), timeoutMs: limit + 500, toolchainLocal: false });
    const stalls: StallInfo[] = [];
    const started = performance.now();
    let verdictMs = -1;
    const watched = watchGo(download(), {
      cwd: sb.dir,
      baseEnv: sb.env,
      env: envFor(proxy, path.join(sb.dir, 'mc-watch')),
      stallMs: STALL_MS,
      timeoutMs: limit + 500,
      onStall: (s) => {
        if (verdictMs < 0) verdictMs = Math.round(performance.now() - started);
        stalls.push(s);
      },
    });
    const [p, w] = await Promise.all([plain, watched]);
    assert.equal(p.timedOut, true, 'plain go finished on its own: ' + p.stderr);
    assert.ok(stalls.length >= 1, 'no stall reported');
    const s = stalls[0];
    assert.equal(s.kind, 'proxy');
    assert.ok(s.url?.startsWith(proxy + '/example.com/fault/@v/v1.0.0.'), s.url);
    assert.equal(s.host, new URL(proxy).host);
    assert.equal(s.hostname, '127.0.0.1');
    assert.equal(s.module, FAULT_MODULE);
    assert.ok(verdictMs >= STALL_MS - 50 && verdictMs <= limit, `verdict after ${verdictMs} ms`);
    assert.ok(s.atMs <= limit);
    assert.equal(s.finding.code, 'proxy.stalled');
    assert.match(s.finding.message, new RegExp(s.host!.replace('.', '\\.')));
    assert.equal(w.timedOut, true);
    assert.deepEqual(w.findings.map((f) => f.code), ['proxy.stalled', 'module.command-timeout']);
    assert.ok(w.findings.every((f) => f.severity === 'error'));
    console.log(`      time to verdict: ${verdictMs} ms (stall threshold ${STALL_MS} ms); plain go still waiting at ${limit + 500} ms`);
  });

  it('sees a stalled body (headers, then nothing) and names that URL', async () => {
    const proxy = fault.proxyUrl('stall-headers');
    const w = await watchGo(download(), { cwd: sb.dir, baseEnv: sb.env, env: envFor(proxy, path.join(sb.dir, 'mc-body')), stallMs: 600, timeoutMs: 1800 });
    assert.equal(w.timedOut, true);
    const s = w.stalls[0];
    assert.ok(s, 'no stall');
    assert.equal(s.kind, 'proxy');
    assert.equal(s.bodyStalled, true);
    assert.ok(s.url?.startsWith(proxy), s.url);
    assert.ok(s.atMs <= 1200, String(s.atMs));
  });

  it('streams progress on a healthy proxy and reports no stall', async () => {
    const progress: WatchProgress[] = [];
    const lines: string[] = [];
    const w = await watchGo(download('v1.1.0'), {
      cwd: sb.dir,
      baseEnv: sb.env,
      env: envFor(fault.proxyUrl('good'), path.join(sb.dir, 'mc-good')),
      stallMs: 5000,
      onProgress: (p) => progress.push(p),
      onLine: (l) => lines.push(l),
    });
    assert.equal(w.code, 0, w.stderr);
    assert.deepEqual(w.stalls, []);
    assert.deepEqual(w.findings, []);
    const done = progress.filter((p) => p.event.kind === 'get-done');
    assert.ok(done.length >= 3, JSON.stringify(progress.map((p) => p.event)));
    assert.ok(done.some((p) => p.event.kind === 'get-done' && p.event.url.endsWith('/@v/v1.1.0.zip')));
    assert.equal(progress[progress.length - 1].inFlight.length, 0);
    assert.ok(lines.some((l) => l.startsWith('# get ')));
  });

  it('translates the final error into Findings', async () => {
    const w = await watchGo(download(), { cwd: sb.dir, baseEnv: sb.env, env: envFor(fault.proxyUrl('http-404'), path.join(sb.dir, 'mc-404')), stallMs: 5000 });
    assert.equal(w.code, 1);
    assert.equal(w.findings[0]?.code, 'module.not-found');
    assert.equal(w.findings[0]?.module, FAULT_MODULE);
    assert.equal(w.findings[0]?.host, new URL(fault.proxyUrl('http-404')).host);
  });

  it('names the process holding the cache lock the go command waits on, and finishes once it is released', async function () {
    const mc = path.join(sb.dir, 'mc-lock');
    const held = await holdLock(path.join(mc, 'cache', 'download', 'example.com', 'fault', '@v', 'v1.1.0.lock'));
    if (!held) this.skip();
    let released = false;
    const w = await watchGo(download('v1.1.0'), {
      cwd: sb.dir,
      baseEnv: sb.env,
      env: envFor(fault.proxyUrl('good'), mc),
      modcache: mc,
      stallMs: 600,
      timeoutMs: 10_000,
      onStall: (s) => {
        if (s.kind === 'lock' && !released) {
          released = true;
          held.release();
        }
      },
    });
    held.release();
    const s = w.stalls[0];
    assert.equal(s?.kind, 'lock', JSON.stringify(w.stalls.map((x) => [x.kind, x.lastLine])));
    assert.equal(s.lock?.pid, held.pid);
    assert.match(s.lock!.file, /v1\.1\.0\.lock$/);
    assert.equal(s.finding.code, 'cache.lock-wait');
    assert.equal(w.code, 0, 'go went on once the lock was released: ' + w.stderr);
  });

  it('cancel kills the go command at once', async () => {
    const controller = new AbortController();
    let abortedAt = 0;
    const w = await watchGo(download(), {
      cwd: sb.dir,
      baseEnv: sb.env,
      env: envFor(fault.proxyUrl('stall-accept'), path.join(sb.dir, 'mc-cancel')),
      stallMs: 400,
      timeoutMs: 20_000,
      signal: controller.signal,
      onStall: () => {
        abortedAt = performance.now();
        controller.abort();
      },
    });
    const exitedAfter = performance.now() - abortedAt;
    assert.equal(w.cancelled, true);
    assert.equal(w.timedOut, false);
    assert.ok(exitedAfter < 2000, `exited ${exitedAfter} ms after cancel`);
    assert.equal(w.signal, 'SIGKILL');
  });

  it('gomod-doctor watch: prints the stalled URL as soon as it is seen, probes that proxy, exits 124', async () => {
    const proxy = fault.proxyUrl('stall-accept');
    const err: Array<{ at: number; text: string }> = [];
    const out: string[] = [];
    const started = performance.now();
    const code = await runWatchCommand(['--stall-ms', '800', '--timeout-ms', '3000', '--probe-ms', '800', '--', 'go', ...download()], {
      out: (s) => out.push(s),
      err: (s) => err.push({ at: performance.now() - started, text: s }),
      env: { ...sb.env, ...envFor(proxy, path.join(sb.dir, 'mc-cli')) },
      cwd: sb.dir,
    });
    assert.equal(code, 124);
    const stalled = err.find((e) => e.text.startsWith('gomod-doctor: stalled:'));
    assert.ok(stalled, err.map((e) => e.text).join(''));
    assert.ok(stalled.at < 1600, `stall printed after ${stalled.at} ms`);
    assert.ok(stalled.text.includes(proxy + '/example.com/fault/@v/v1.0.0.'), stalled.text);
    const probe = err.find((e) => e.text.includes('probe of '));
    assert.ok(probe, 'no probe line: ' + err.map((e) => e.text).join(''));
    assert.match(probe.text, /timeout/);
    assert.ok(err.some((e) => /stopped after 3 s/.test(e.text)));
    assert.ok(!err.some((e) => e.text.startsWith('# get ')), 'the -x trace we added stays hidden');
  });

  it('gomod-doctor watch --json: go exit code and findings', async () => {
    const out: string[] = [];
    const code = await runWatchCommand(['--json', '--', 'go', ...download()], {
      out: (s) => out.push(s),
      err: () => undefined,
      env: { ...sb.env, ...envFor(fault.proxyUrl('http-410'), path.join(sb.dir, 'mc-json')) },
      cwd: sb.dir,
    });
    assert.equal(code, 1);
    const j = JSON.parse(out.join('')) as { exitCode: number; findings: Array<{ code: string }>; stalls: unknown[] };
    assert.equal(j.exitCode, 1);
    assert.deepEqual(j.stalls, []);
    assert.equal(j.findings[0].code, 'module.not-found');
  });
});

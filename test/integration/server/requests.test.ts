// The panel's requests through the real language server over stdio: cache plans and runs on a module cache the
// real go filled (sizes as du measures them, progress, cancellation, expiry), `go mod download` under the watchdog
// against a stalled proxy (stalled within the bound, cancellable), background rounds that never overlap, and the
// refusals of an untrusted workspace.
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type {
  CachePlanResult, CacheProgressParams, CacheRunResult, DownloadResult, EnvFixForResult, HealthSnapshot, PreviewEnvFixResult, ReportResult,
} from '../../../src/protocol';
import { GoproxyServer } from '../../support/goproxy-server';
import type { LspClient } from '../../support/lspClient';
import { buildModule, moduleFixture } from '../../support/modules';
import { removeTree, runGoIn, sealedGoEnv, tempRoot } from '../modules/support';
import { cancellableRequest, duBelow, fileCount, openDoc, settled, StalledServer, startServer, waitForHealth } from './support';

const TIMEOUT_MS = 700;
/** stallBound(TIMEOUT_MS) in src/server/download.ts: twice the network timeout, at least 2 s. */
const STALL_MS = 2_000;

describe('language server: cache jobs, watched download, rounds, trust (stdio)', function () {
  this.timeout(30_000);
  const alpha = buildModule(moduleFixture('example.com/alpha', 'v1.0.0'));
  const beta = buildModule(moduleFixture('example.com/beta', 'v1.2.0'));
  const xmod = buildModule(moduleFixture('golang.org/x/mod', 'v0.17.0'));
  const gomod = 'module example.com/app\n\ngo 1.21\n\nrequire example.com/alpha v1.0.0\n';
  let root: string;
  let good: GoproxyServer;
  let stall: StalledServer;
  let client: LspClient | undefined;

  before(async () => {
    root = tempRoot('server-requests');
    good = await new GoproxyServer({ modules: [alpha, beta, xmod] }).start();
    stall = await new StalledServer().start();
  });
  afterEach(async () => {
    await client?.close();
    client = undefined;
  });
  after(async () => {
    await good.stop();
    await stall.stop();
    removeTree(root);
  });

  function app(name: string, text = gomod, sum = alpha.gosum): string {
    const dir = join(root, name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'go.mod'), text);
    if (sum) writeFileSync(join(dir, 'go.sum'), sum);
    return dir;
  }

  const init = { timeoutMs: TIMEOUT_MS, debounceMs: 50, slowMs: 0, health: true, backgroundIntervalMin: 0 };

  it('prunes what nothing references, cleans the module cache with progress, sizes as du counts them', async () => {
    const env = sealedGoEnv(root, { GOSUMDB: 'off', GOPROXY: good.url });
    const dir = app('cache-app');
    // The real go fills the cache: alpha for the app, beta from outside any module (nothing references it).
    assert.equal((await runGoIn(dir, ['mod', 'download'], env)).code, 0);
    assert.equal((await runGoIn(root, ['mod', 'download', 'example.com/beta@v1.2.0'], env)).code, 0);
    const modcache = env.GOMODCACHE!;
    good.requests.length = 0;

    client = await startServer(env, dir, { ...init, networkProbes: false });
    const c = client;
    openDoc(c, join(dir, 'go.mod'), gomod);
    const first = await waitForHealth(c, (s) => settled(s) && s.cache !== null && s.modules.length === 1);
    assert.equal(first.probes, null, 'networkProbes: false runs no probe');
    assert.equal(first.modules[0].status, 'ok', 'module checks still run');
    assert.ok(!good.requests.some((r) => r.path.startsWith('/golang.org/x/mod/')), 'no probe request reached the proxy');
    const row = first.cache!.find((x) => x.kind === 'modcache')!;
    assert.deepEqual([row.sizeBytes, row.sizeComplete], [duBelow(modcache), true]);

    // Prune: only beta goes.
    const prunePlan = (await c.request('gomodDoctor/cache/plan', { kind: 'prune' })).result as CachePlanResult;
    assert.ok(prunePlan.planId, JSON.stringify(prunePlan));
    assert.equal(prunePlan.items, 1);
    assert.match(prunePlan.summary!, /^Remove 1 module version\(s\) \(.+\) from .+ that nothing in .+ references\? \d+ stay\.$/);
    const pruned = (await c.request('gomodDoctor/cache/run', { planId: prunePlan.planId })).result as CacheRunResult;
    assert.equal(pruned.status, 'done', pruned.message);
    assert.equal(pruned.freedBytes, prunePlan.bytes);
    assert.ok(!existsSync(join(modcache, 'example.com', 'beta@v1.2.0')), 'beta removed');
    assert.ok(existsSync(join(modcache, 'example.com', 'alpha@v1.0.0')), 'alpha kept');
    // The cache row follows; that round's write probe (a temp file in the cache) is gone before the next plan.
    const afterPrune = await waitForHealth(c, (s) => !s.running.cache && s.cache?.find((x) => x.kind === 'modcache')?.sizeBytes !== row.sizeBytes);
    assert.equal(afterPrune.cache!.find((x) => x.kind === 'modcache')!.sizeBytes, duBelow(modcache));

    // Clean: the plan measures what du measures; the run frees it all and reports progress.
    const plan = (await c.request('gomodDoctor/cache/plan', { kind: 'modcache' })).result as CachePlanResult;
    assert.ok(plan.planId, JSON.stringify(plan));
    assert.deepEqual([plan.root, plan.bytes, plan.items, plan.complete], [modcache, duBelow(modcache), fileCount(modcache), true]);
    assert.match(plan.summary!, new RegExp(`^Remove .+ \\(${plan.items} files\\) in ${modcache.replace(/[.]/g, '\\.')}\\?$`));
    const ran = (await c.request('gomodDoctor/cache/run', { planId: plan.planId }, 20_000)).result as CacheRunResult;
    assert.equal(ran.status, 'done', ran.message);
    assert.equal(ran.freedBytes, plan.bytes);
    assert.match(ran.message, /^Freed .+ in /);
    assert.ok(!existsSync(modcache), 'go clean -modcache removed the cache');
    const isProgress = (m: { method?: string; params?: unknown }) => m.method === 'gomodDoctor/cache/progress' && (m.params as CacheProgressParams).planId === plan.planId;
    assert.equal(((await c.waitFor(isProgress, 1_000)).params as CacheProgressParams).fraction, 0, 'progress starts at 0');
    let last: CacheProgressParams | undefined;
    for (;;) {
      try {
        last = (await c.waitFor(isProgress, 300)).params as CacheProgressParams;
      } catch {
        break;
      }
    }
    assert.deepEqual([last?.fraction, last?.freedBytes], [1, plan.bytes], 'progress ends at everything freed');

    // A plan runs once; the cache row follows the run.
    const again = (await c.request('gomodDoctor/cache/run', { planId: plan.planId })).result as CacheRunResult;
    assert.equal(again.status, 'expired');
    const after = await waitForHealth(c, (s) => !s.running.cache && s.cache?.find((x) => x.kind === 'modcache')?.exists === false);
    assert.equal(after.cache!.find((x) => x.kind === 'modcache')!.sizeBytes, null);
  });

  it('cancels a clean under way', async () => {
    const env = sealedGoEnv(root, { GOSUMDB: 'off', GOPROXY: good.url });
    const modcache = env.GOMODCACHE!;
    // Big enough that go clean takes a while (8 000 files: about 200 ms here), far longer than a cancel takes to arrive.
    const big = join(modcache, 'example.com', 'big@v1.0.0');
    for (let d = 0; d < 20; d++) {
      mkdirSync(join(big, `d${d}`), { recursive: true });
      for (let f = 0; f < 400; f++) writeFileSync(join(big, `d${d}`, `f${f}.txt`), 'x');
    }
    client = await startServer(env, root, { ...init, networkProbes: false });
    const c = client;
    const plan = (await c.request('gomodDoctor/cache/plan', { kind: 'modcache' })).result as CachePlanResult;
    assert.equal(plan.items, 8_000);
    const run = cancellableRequest(c, 'gomodDoctor/cache/run', { planId: plan.planId });
    await c.waitFor((m) => m.method === 'gomodDoctor/cache/progress', 5_000);
    c.notify('$/cancelRequest', { id: run.id });
    const r = (await run.answer).result as CacheRunResult;
    assert.equal(r.status, 'cancelled', r.message);
    assert.match(r.message, /^Cancelled after freeing /);
    assert.ok(fileCount(modcache) > 0, 'the cancelled clean left the rest');
  });

  it('go mod download against a stalled proxy: stalled within the watchdog bound; cancel stops it', async () => {
    const env = sealedGoEnv(root, { GOSUMDB: 'off', GOPROXY: stall.url });
    const text = 'module example.com/app\n\ngo 1.21\n\nrequire example.com/beta v1.2.0\n';
    const dir = app('download-app', text, '');
    client = await startServer(env, dir, { ...init, networkProbes: false });
    const c = client;
    const uri = pathToFileURL(join(dir, 'go.mod')).href;

    const started = Date.now();
    const r = (await c.request('gomodDoctor/download', { uri }, 20_000)).result as DownloadResult;
    const ms = Date.now() - started;
    assert.equal(r.status, 'stalled', JSON.stringify(r));
    assert.ok(ms >= STALL_MS && ms < STALL_MS + 3_000, `answered after ${ms} ms`);
    const stalled = r.findings.find((f) => f.code === 'proxy.stalled');
    assert.ok(stalled, JSON.stringify(r.findings));
    assert.match(stalled.message, new RegExp(stall.host.replace(/[.]/g, '\\.')));
    assert.match(r.message, new RegExp(`^go mod download stalled in ${dir.replace(/[.]/g, '\\.')} and was stopped: `));

    const cancelled = cancellableRequest(c, 'gomodDoctor/download', { uri: pathToFileURL(dir).href });
    await new Promise((res) => setTimeout(res, 300));
    const at = Date.now();
    c.notify('$/cancelRequest', { id: cancelled.id });
    const rc = (await cancelled.answer).result as DownloadResult;
    assert.equal(rc.status, 'cancelled', JSON.stringify(rc));
    assert.ok(Date.now() - at < 1_500, 'cancelled at once');

    const missing = (await c.request('gomodDoctor/download', { uri: pathToFileURL(root).href })).result as DownloadResult;
    assert.equal(missing.status, 'failed');
    assert.match(missing.message, /^There is no go\.mod in /);
  });

  it('go mod download whose zip body pauses past the bound: reported, not stopped', async () => {
    // Headers at once, the body 2.6 s later: a slow download, not a dead server.
    const slowBody = createServer((req, res) => {
      void fetch(good.url + (req.url ?? '/')).then(async (r) => {
        const body = Buffer.from(await r.arrayBuffer());
        res.writeHead(r.status, { 'Content-Type': r.headers.get('content-type') ?? 'application/octet-stream', 'Content-Length': body.length });
        if (!req.url?.endsWith('.zip')) {
          res.end(body);
          return;
        }
        res.flushHeaders();
        setTimeout(() => res.end(body), STALL_MS + 600);
      });
    });
    await new Promise<void>((r) => slowBody.listen(0, '127.0.0.1', () => r()));
    try {
      const env = sealedGoEnv(root, { GOSUMDB: 'off', GOPROXY: `http://127.0.0.1:${(slowBody.address() as AddressInfo).port}` });
      const text = 'module example.com/app\n\ngo 1.21\n\nrequire example.com/beta v1.2.0\n';
      const dir = app('slow-body-app', text, '');
      client = await startServer(env, dir, { ...init, networkProbes: false });
      const started = Date.now();
      const r = (await client.request('gomodDoctor/download', { uri: pathToFileURL(join(dir, 'go.mod')).href }, 20_000)).result as DownloadResult;
      assert.equal(r.status, 'done', JSON.stringify(r));
      assert.ok(Date.now() - started >= STALL_MS + 600);
      assert.ok(r.findings.some((f) => f.code === 'proxy.stalled' && f.severity === 'warning'), JSON.stringify(r.findings));
      assert.ok(existsSync(join(env.GOMODCACHE!, 'example.com', 'beta@v1.2.0')), 'the module arrived');
    } finally {
      slowBody.closeAllConnections();
      await new Promise<void>((r) => slowBody.close(() => r()));
    }
  });

  it('a refresh starts a round; background rounds come every interval and never overlap', async () => {
    // Each probe round takes at least 3 × 300 ms (list, @latest and .info answer late).
    const slow = await new GoproxyServer({ modules: [xmod], delayMs: 300 }).start();
    const lists = () => slow.requests.filter((r) => r.path === '/golang.org/x/mod/@v/list').length;
    try {
      const env = sealedGoEnv(root, { GOSUMDB: 'off', GOPROXY: slow.url });
      client = await startServer(env, root, { ...init, mirrors: [] });
      let c = client;
      const first = await waitForHealth(c, (s) => s.probes !== null && !s.running.probes);
      assert.deepEqual([first.probes!.length, first.probes![0].ok, lists()], [1, true, 1], 'one round on start');
      const snap = (await c.request('gomodDoctor/health', { refresh: true })).result as HealthSnapshot;
      assert.equal(snap.running.probes, true, 'the refreshed round is under way');
      await waitForHealth(c, (s) => s.seq > snap.seq && !s.running.probes);
      assert.equal(lists(), 2, 'the refresh probed again');
      await c.close();

      slow.requests.length = 0;
      // A round is due every 60 ms.
      client = await startServer(env, root, { ...init, mirrors: [], backgroundIntervalMin: 0.001 });
      c = client;
      await new Promise((res) => setTimeout(res, 2_500));
      // Back to back, about 3 rounds fit; overlapping, 40 would have started.
      assert.ok(lists() >= 2 && lists() <= 4, `${lists()} rounds`);
      console.log(`      background rounds in 2.5 s: ${lists()}`);
    } finally {
      await client?.close();
      client = undefined;
      await slow.stop();
    }
  });

  it('untrusted: the snapshot says so and holds nothing; every request that would run go, probe or write is refused', async () => {
    const env = sealedGoEnv(root, { GOSUMDB: 'off', GOPROXY: good.url });
    const dir = app('untrusted-app');
    good.requests.length = 0;
    client = await startServer(env, dir, { ...init, trusted: false });
    const c = client;
    openDoc(c, join(dir, 'go.mod'), gomod);
    const pushed = await waitForHealth(c, (s) => s.overall.state === 'untrusted');
    const snap = (await c.request('gomodDoctor/health', { refresh: true })).result as HealthSnapshot;
    for (const s of [pushed, snap]) {
      assert.equal(s.trusted, false);
      assert.match(s.overall.reason!, /^Restricted mode/);
      assert.deepEqual([s.probes, s.cache, s.env, s.modules, s.mirrors, s.go.path, s.envFile], [null, null, [], [], [], null, null]);
    }
    const refusal = /^This workspace is not trusted/;
    const preview = (await c.request('gomodDoctor/previewEnvFix', { fixId: `env:set:GOPROXY=${good.url}` })).result as PreviewEnvFixResult;
    assert.match(preview.refused!, refusal);
    const fix = (await c.request('gomodDoctor/envFixFor', { op: 'set', name: 'GOSUMDB', value: 'off' })).result as EnvFixForResult;
    assert.deepEqual([fix.fixId, refusal.test(fix.error!)], [undefined, true]);
    const plan = (await c.request('gomodDoctor/cache/plan', { kind: 'modcache' })).result as CachePlanResult;
    assert.deepEqual([plan.planId, refusal.test(plan.error!)], [undefined, true]);
    const run = (await c.request('gomodDoctor/cache/run', { planId: 'x' })).result as CacheRunResult;
    assert.deepEqual([run.status, refusal.test(run.message)], ['failed', true]);
    const dl = (await c.request('gomodDoctor/download', { uri: pathToFileURL(dir).href })).result as DownloadResult;
    assert.deepEqual([dl.status, refusal.test(dl.message)], ['failed', true]);
    const md = ((await c.request('gomodDoctor/report', {})).result as ReportResult).markdown;
    assert.match(md, /^# Go Mod Doctor report/);
    await new Promise((res) => setTimeout(res, 300));
    assert.deepEqual(good.requests, [], 'nothing reached the network');
    assert.ok(existsSync(env.GOMODCACHE!) && readdirSync(env.GOMODCACHE!).length === 0, 'the cache was not touched');
  });
});

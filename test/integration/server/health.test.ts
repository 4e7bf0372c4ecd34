// The health model through the real language server over stdio: a go.mod whose modules come from a healthy
// loopback proxy and from one that stalls → module rows with the right statuses, probe rows with their connection
// timelines, mirrors ranked with fix ids, cache rows, overall failing on the stalled host; the preview of a mirror
// switch writes nothing; applying it brings a snapshot where every module is ok; the report names the modules and
// never the credential planted in GOPROXY.
import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HealthSnapshot, PreviewEnvFixResult, ReportResult } from '../../../src/protocol';
import { GoproxyServer } from '../../support/goproxy-server';
import type { LspClient } from '../../support/lspClient';
import { buildModule, moduleFixture } from '../../support/modules';
import { removeTree, sealedGoEnv, tempRoot } from '../modules/support';
import { openDoc, settled, StalledServer, startServer, waitForHealth } from './support';

const TIMEOUT_MS = 700;
const SECRET = 's3cr3t-planted';

describe('language server: health snapshot, preview, apply, report (stdio)', function () {
  this.timeout(30_000);
  const alpha = buildModule(moduleFixture('example.com/alpha', 'v1.0.0'));
  const beta = buildModule(moduleFixture('example.com/beta', 'v1.2.0'));
  // The probes ask every proxy for golang.org/x/mod; the loopback proxies serve it like the real ones.
  const xmod = buildModule(moduleFixture('golang.org/x/mod', 'v0.17.0'));
  let root: string;
  let good: GoproxyServer;
  let mirror: GoproxyServer;
  let stall: StalledServer;
  let client: LspClient | undefined;

  before(async () => {
    root = tempRoot('health');
    good = await new GoproxyServer({ modules: [alpha, xmod] }).start();
    mirror = await new GoproxyServer({ modules: [alpha, beta, xmod] }).start();
    stall = await new StalledServer().start();
  });
  after(async () => {
    await client?.close();
    await good.stop();
    await mirror.stop();
    await stall.stop();
    removeTree(root);
  });

  it('shows both modules, probes, mirrors and caches; the mirror switch previews, applies and heals', async () => {
    const goenvFile = join(root, 'goenv');
    // beta is only behind the stalled proxy: the healthy one says 404, the go command moves on and waits forever.
    const goodWithSecret = good.url.replace('http://', `http://bob:${SECRET}@`);
    const envText = `GOPROXY=${goodWithSecret},${stall.url}\n`;
    writeFileSync(goenvFile, envText);
    const dir = join(root, 'app');
    mkdirSync(dir);
    const text = `module example.com/app\n\ngo 1.21\n\nrequire (\n\texample.com/alpha v1.0.0\n\texample.com/beta v1.2.0 // indirect\n)\n`;
    writeFileSync(join(dir, 'go.mod'), text);
    writeFileSync(join(dir, 'go.sum'), alpha.gosum + beta.gosum);
    const env = sealedGoEnv(root, { GOSUMDB: 'off' });
    env.GOENV = goenvFile;

    client = await startServer(env, dir, {
      mirrors: [mirror.url],
      timeoutMs: TIMEOUT_MS,
      stateDir: join(root, 'state'),
      debounceMs: 50,
      slowMs: 0,
      health: true,
      backgroundIntervalMin: 0,
      concurrency: 4,
    });
    const c = client;
    const uri = openDoc(c, join(dir, 'go.mod'), text);

    const seqs: number[] = [];
    const snap = await waitForHealth(c, (s) => {
      seqs.push(s.seq);
      return settled(s) && s.probes !== null && s.cache !== null && s.modules.length === 2;
    });
    assert.ok(seqs.every((s, i) => i === 0 || s > seqs[i - 1]), `seq grows: ${seqs.join(',')}`);
    assert.ok(!JSON.stringify(snap).includes(SECRET), 'the snapshot never carries the credential');
    assert.equal(snap.trusted, true);

    // Modules: alpha from the healthy proxy, beta stuck behind the stalled one.
    const a = snap.modules.find((m) => m.module === 'example.com/alpha')!;
    const b = snap.modules.find((m) => m.module === 'example.com/beta')!;
    assert.deepEqual([a.uri, a.line, a.version, a.direct, a.status, a.private], [uri, 5, 'v1.0.0', true, 'ok', false]);
    assert.equal(a.source, good.url, 'sources are shown without their credentials');
    assert.equal(a.route, a.source);
    assert.equal(typeof a.latencyMs, 'number');
    assert.deepEqual([b.line, b.direct, b.status], [6, false, 'error']);
    assert.equal(b.finding?.code, 'module.unreachable');
    assert.equal(b.source, stall.url);

    // Probes: both configured proxies with their timelines (IP literals: no DNS stage), the mirror for comparison.
    const pGood = snap.probes!.find((p) => p.configured && p.target.endsWith(good.url.slice('http://'.length)))!;
    const pStall = snap.probes!.find((p) => p.target === stall.url)!;
    const pMirror = snap.probes!.find((p) => p.target === mirror.url)!;
    assert.deepEqual([pGood.ok, pGood.stage, pGood.stages.map((s) => s.stage)], [true, 'done', ['tcp', 'http']]);
    assert.deepEqual([pStall.ok, pStall.configured, pStall.stage, pStall.stages.map((s) => s.stage)], [false, true, 'http', ['tcp', 'http']]);
    assert.ok(pStall.stages[1].ms >= TIMEOUT_MS - 50, `the silent http stage took the timeout: ${JSON.stringify(pStall.stages)}`);
    assert.equal(pStall.finding?.code, 'proxy.timeout');
    assert.deepEqual([pMirror.ok, pMirror.configured], [true, false]);

    // Mirrors: healthy first; the mirror's fix switches GOPROXY in the env file (the layer in force).
    assert.deepEqual(snap.mirrors.map((m) => m.healthy), [true, true, false]);
    const mMirror = snap.mirrors.find((m) => m.url === mirror.url)!;
    assert.equal(mMirror.fixId, `env:set:GOPROXY=${mirror.url},direct`);
    assert.equal(snap.mirrors.find((m) => m.configured && m.healthy)!.fixId, '', 'no fix id may carry the credential');
    assert.equal(snap.mirrors.find((m) => m.url === stall.url)!.fixId, `env:set:GOPROXY=${stall.url},direct`);
    // The stalled probe's "switch to the best mirror" is an env fix, not CLI advice — unless the best is the
    // configured proxy with credentials (whichever answered faster), whose id would carry them: then it is left out.
    const ids = pStall.finding?.fixes?.map((f) => f.id) ?? [];
    assert.ok(!ids.includes('net.switch-mirror'), JSON.stringify(pStall.finding));
    if (snap.mirrors[0].url === mirror.url) assert.ok(ids.includes(mMirror.fixId), JSON.stringify(pStall.finding));
    else assert.ok(!ids.some((id) => id.startsWith('env')), JSON.stringify(pStall.finding));

    // Caches, env, overall.
    const modcache = snap.cache!.find((x) => x.kind === 'modcache')!;
    assert.equal(modcache.path, env.GOMODCACHE);
    assert.deepEqual([modcache.exists, modcache.writable, modcache.sizeComplete], [true, true, true]);
    assert.equal(typeof modcache.freeBytes, 'number');
    const goproxy = snap.env.find((v) => v.name === 'GOPROXY')!;
    assert.deepEqual([goproxy.layer, goproxy.value], ['envfile', `http://***@${good.url.slice('http://'.length)},${stall.url}`]);
    assert.equal(snap.envFile, goenvFile);
    assert.match(snap.go.version ?? '', /^go1\.\d+/);
    assert.deepEqual([snap.overall.state, snap.overall.host], ['failing', stall.host]);
    assert.equal(snap.overall.reason, `${stall.host} unreachable: 1 module(s) cannot be fetched`);

    // The current snapshot at once, on request.
    const now = (await c.request('gomodDoctor/health', {})).result as HealthSnapshot;
    assert.ok(now.seq >= snap.seq);
    assert.equal(now.overall.state, 'failing');

    // The report: the module rows, and never the credential.
    const report = ((await c.request('gomodDoctor/report', {})).result as ReportResult).markdown;
    assert.ok(!report.includes(SECRET), 'report redacted');
    assert.match(report, /\| `example\.com\/alpha` \| v1\.0\.0 \| direct \| http:\/\/127\.0\.0\.1:\d+ \| ok \|/);
    assert.match(report, /\| `example\.com\/beta` \| v1\.2\.0 \| indirect \| http:\/\/127\.0\.0\.1:\d+ \| error \| \d+ \| `module\.unreachable`/);
    assert.match(report, /## Probes/);

    // Preview: the change is listed, nothing is written.
    const preview = (await c.request('gomodDoctor/previewEnvFix', { fixId: mMirror.fixId })).result as PreviewEnvFixResult;
    assert.equal(preview.refused, undefined, JSON.stringify(preview));
    assert.ok(preview.changes.some((l) => l.startsWith('GOPROXY: ') && l.includes(`→ ${mirror.url},direct (envfile)`)), JSON.stringify(preview.changes));
    assert.ok(preview.changes.includes(`Written to ${goenvFile}`), JSON.stringify(preview.changes));
    assert.ok(!JSON.stringify(preview).includes(SECRET));
    assert.equal(readFileSync(goenvFile, 'utf8'), envText, 'the preview wrote nothing');

    // Apply: the env file changes, a new round and new checks run, every module is ok.
    const applied = await c.request('workspace/executeCommand', { command: 'gomodDoctor.applyEnvFix', arguments: [mMirror.fixId] }, 20_000);
    assert.equal((applied.result as { status: string }).status, 'written', JSON.stringify(applied));
    assert.match(readFileSync(goenvFile, 'utf8'), new RegExp(`^GOPROXY=${mirror.url},direct$`, 'm'));
    const healed = await waitForHealth(c, (s) => s.seq > now.seq && settled(s) && s.modules.every((m) => m.status === 'ok'), 10_000);
    assert.equal(healed.modules.find((m) => m.module === 'example.com/beta')!.source, mirror.url);
    assert.equal(healed.overall.state, 'healthy', JSON.stringify(healed.overall));
    // The probes ran again after the write: the mirror is now the configured proxy.
    assert.deepEqual(healed.probes!.filter((p) => p.configured).map((p) => [p.target, p.ok]), [[mirror.url, true]]);
    assert.equal(healed.mirrors[0].url, mirror.url);
    assert.equal(await c.close(), 0);
    client = undefined;
  });
});

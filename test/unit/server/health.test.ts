// The pure parts of the server's health model: connection timelines, mirror fix ids in the layer in force, the
// overall verdict, module rows from check reports, fix ids for the pickers, the throttled snapshot feed, and plans
// that expire.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ModuleReport } from '../../../src/core/diagnose/modules';
import type { Finding } from '../../../src/core/finding';
import { resolveEnv, type EnvSnapshot, type ResolvedEnv } from '../../../src/core/goenv/resolve';
import { route, routeEnvOf } from '../../../src/core/goenv/route';
import { setLanguage } from '../../../src/core/i18n';
import type { ProxyProbeResult } from '../../../src/core/net/goproxyProbe';
import { recommend, type ProbeReport } from '../../../src/core/net/probe';
import type { HealthModule, HealthSnapshot } from '../../../src/protocol';
import { CacheJobs, PLAN_TTL_MS } from '../../../src/server/cacheJobs';
import { stallBound } from '../../../src/server/download';
import { envFixFor } from '../../../src/server/envRequests';
import { HealthService } from '../../../src/server/health';
import { actionableProbeFindings, envRows, mirrorRows, probeRows, stagesOf } from '../../../src/server/healthRows';
import { moduleRows, type ModuleDoc } from '../../../src/server/moduleRows';
import { overallState, type OverallInput } from '../../../src/server/overall';

function env(process: Record<string, string>, envText = ''): ResolvedEnv {
  const snap: EnvSnapshot = {
    platform: 'linux',
    process: { HOME: '/home/u', ...process },
    envFile: { path: '/home/u/.config/go/env', text: envText },
    gorootEnv: { dir: '/usr/local/go', text: 'GOPROXY=https://proxy.golang.org,direct\nGOSUMDB=sum.golang.org\n' },
    exeGoroot: '/usr/local/go',
    workSearch: [{ dir: '/', hasGoWork: false }],
  };
  return resolveEnv(snap);
}

function proxy(p: Partial<ProxyProbeResult> & { url: string }): ProxyProbeResult {
  return { kind: 'proxy', target: p.url.replace(/\/\/[^@/]*@/, '//'), configured: true, module: 'golang.org/x/mod', ok: true, stage: 'done', ms: 100, warnings: [], requests: [], ...p };
}

function report(proxies: ProxyProbeResult[], findings: Finding[] = []): ProbeReport {
  return { probes: [], findings, recommendation: recommend(proxies, proxies.find((p) => p.configured)?.url), proxies, sumdbs: [], durationMs: 1 };
}

const req = (ttfbMs: number, ms: number) => ({ what: 'list' as const, url: 'u', status: 200, ttfbMs, ms, bytes: 10, redirects: [] });

before(() => setLanguage('en'));

describe('server/healthRows', () => {
  it('timelines: the stages that ran, the failing stage takes the rest, skipped DNS is left out', () => {
    const ok = proxy({ url: 'https://a.example', ms: 120, requests: [req(40, 50)], connect: { reused: false, dns: { ms: 10.4, host: 'a.example', addresses: [] }, tcp: { ms: 20, address: '1.2.3.4', port: 443, families: [] }, tls: { ms: 30, protocol: 'TLSv1.3' } } });
    assert.deepEqual(stagesOf(ok), [{ stage: 'dns', ms: 10 }, { stage: 'tcp', ms: 20 }, { stage: 'tls', ms: 30 }, { stage: 'http', ms: 40 }]);
    const silent = proxy({ url: 'http://127.0.0.1:9', ok: false, stage: 'http', ms: 730, connect: { reused: false, dns: { ms: 0, host: '127.0.0.1', addresses: [], skipped: 'ip-literal' }, tcp: { ms: 30, address: '127.0.0.1', port: 9, families: [] } } });
    assert.deepEqual(stagesOf(silent), [{ stage: 'tcp', ms: 30 }, { stage: 'http', ms: 700 }]);
    const noDns = proxy({ url: 'https://nowhere.invalid', ok: false, stage: 'dns', ms: 15 });
    assert.deepEqual(stagesOf(noDns), [{ stage: 'dns', ms: 15 }]);
    const refused = proxy({ url: 'https://b.example', ok: false, stage: 'tcp', ms: 25, connect: { reused: false, dns: { ms: 5, host: 'b.example', addresses: [] }, tcp: { ms: 3, address: '1.2.3.4', port: 443, families: [] } } });
    assert.deepEqual(stagesOf(refused), [{ stage: 'dns', ms: 5 }, { stage: 'tcp', ms: 20 }]);
  });

  it('mirrors: healthy and fastest first; the fix goes to the layer in force and never carries a credential', () => {
    const r = report([
      proxy({ url: 'https://bob:pw@corp.example', ms: 300 }),
      proxy({ url: 'https://slow.example', configured: false, ms: 900 }),
      proxy({ url: 'https://fast.example', configured: false, ms: 50 }),
      proxy({ url: 'https://down.example', configured: false, ok: false, stage: 'tcp', ms: 10 }),
    ]);
    const fromFile = mirrorRows(r, env({}, 'GOPROXY=https://bob:pw@corp.example\n'));
    assert.deepEqual(fromFile.map((m) => [m.url, m.healthy, m.configured, m.fixId]), [
      ['https://fast.example', true, false, 'env:set:GOPROXY=https://fast.example,direct'],
      ['https://corp.example', true, true, ''],
      ['https://slow.example', true, false, 'env:set:GOPROXY=https://slow.example,direct'],
      ['https://down.example', false, false, 'env:set:GOPROXY=https://down.example,direct'],
    ]);
    const fromOs = mirrorRows(r, env({ GOPROXY: 'https://bob:pw@corp.example' }));
    assert.equal(fromOs[0].fixId, 'env@editor:set:GOPROXY=https://fast.example,direct');
  });

  it('probe findings: "switch to the best mirror" becomes the env fix; rows carry their most severe finding', () => {
    const stalled = proxy({ url: 'http://127.0.0.1:9', ok: false, stage: 'http', ms: 700 });
    const best = proxy({ url: 'https://fast.example', configured: false, ms: 50 });
    const finding: Finding = {
      code: 'proxy.timeout', severity: 'warning', message: 'm', evidence: { target: 'http://127.0.0.1:9' },
      fixes: [{ id: 'net.switch-mirror', title: 'Use fast' }, { id: 'net.set-https-proxy', title: 'proxy' }],
    };
    const r = report([stalled, best], [finding, { ...finding, code: 'proxy.slow', severity: 'info', fixes: undefined }]);
    const actionable = actionableProbeFindings(r, env({}, 'GOPROXY=http://127.0.0.1:9\n'));
    assert.deepEqual(actionable[0].fixes, [{ id: 'env:set:GOPROXY=https://fast.example,direct', title: 'Use fast' }, { id: 'net.set-https-proxy', title: 'proxy' }]);
    assert.equal(r.findings[0].fixes![0].id, 'net.switch-mirror', 'the report itself is left as it was');
    const rows = probeRows(r, actionable);
    assert.equal(rows[0].finding?.code, 'proxy.timeout');
    assert.equal(rows[1].finding, undefined);
  });

  it('env rows: layer and shadowed values, redacted; lint findings on their variable', () => {
    const e = env({ GOPROXY: 'https://u:tok@p.example' }, 'GOPROXY=https://f.example\n');
    const rows = envRows(e, [{ code: 'env.x', severity: 'warning', message: 'about GOPROXY', variable: 'GOPROXY' }]);
    const gp = rows.find((r) => r.name === 'GOPROXY')!;
    assert.deepEqual(gp, {
      name: 'GOPROXY', value: 'https://***@p.example', layer: 'process',
      shadowed: [{ layer: 'envfile', value: 'https://f.example' }, { layer: 'goroot', value: 'https://proxy.golang.org,direct' }],
      findings: [{ code: 'env.x', severity: 'warning', message: 'about GOPROXY' }],
    });
    assert.deepEqual(rows.find((r) => r.name === 'GOSUMDB')!.findings, []);
  });
});

describe('server/overall', () => {
  const row = (status: HealthModule['status'], code?: string): HealthModule => ({
    uri: 'file:///w/go.mod', line: 1, module: `m/${Math.random()}`, version: 'v1.0.0', direct: true, route: 'https://p', private: false, status,
    ...(code ? { finding: { code, severity: status === 'error' ? 'error' : 'warning', message: `${code} message` } } : {}),
  });
  const base = (over: Partial<OverallInput>): OverallInput => ({
    trusted: true, docCount: 1, modules: [], moduleFindings: [], cacheFindings: [], envFindings: [],
    running: { modules: false, probes: false, cache: false }, probesKnown: true, ...over,
  });
  const unreachable = (host: string, module: string): Finding => ({ code: 'module.unreachable', severity: 'error', message: 'x', host, module, version: 'v1' });

  it('failing names the host most modules wait on', () => {
    const o = overallState(base({
      modules: [row('error', 'module.unreachable'), row('error', 'module.unreachable'), row('ok')],
      moduleFindings: [unreachable('a.example', 'm1'), unreachable('b.example', 'm2'), unreachable('b.example', 'm3')],
    }));
    assert.deepEqual(o, { state: 'failing', reason: 'b.example unreachable: 2 module(s) cannot be fetched', host: 'b.example' });
  });

  it('failing: modules not found; one module with its own message; a broken proxy; a cache error', () => {
    assert.equal(overallState(base({ modules: [row('error', 'module.not-found'), row('error', 'module.unknown-revision')] })).reason, '2 module(s) not found');
    assert.equal(overallState(base({ modules: [row('error', 'gosum.mismatch')] })).reason, 'gosum.mismatch message');
    assert.equal(overallState(base({ modules: [row('error', 'gosum.mismatch'), row('error', 'module.not-found')] })).reason, '2 module(s) have errors');
    const probe: Finding = { code: 'proxy.dns', severity: 'error', message: 'long', host: 'p.example' };
    assert.deepEqual(overallState(base({ probeFindings: [probe] })), { state: 'failing', reason: 'p.example unreachable', host: 'p.example' });
    const html: Finding = { code: 'proxy.html', severity: 'error', message: 'a login page', host: 'p.example' };
    assert.equal(overallState(base({ probeFindings: [html] })).reason, 'a login page');
    assert.equal(overallState(base({ cacheFindings: [{ code: 'cache.not-writable', severity: 'error', message: 'not writable' }] })).reason, 'not writable');
  });

  it('degraded: a slow host, a proxy that falls back, module warnings', () => {
    const slow: Finding = { code: 'proxy.slow', severity: 'info', message: 's', host: 'slow.example' };
    assert.deepEqual(overallState(base({ probeFindings: [slow], modules: [row('ok')] })), { state: 'degraded', reason: 'slow.example is slow', host: 'slow.example' });
    const timeout: Finding = { code: 'proxy.timeout', severity: 'warning', message: 't', host: 'first.example' };
    assert.equal(overallState(base({ probeFindings: [timeout] })).reason, 'first.example unreachable');
    assert.equal(overallState(base({ modules: [row('warning', 'module.retracted'), row('warning', 'module.deprecated')] })).reason, '2 module(s) with warnings');
  });

  it('checking while nothing is decided; then healthy, or idle without module files; untrusted first of all', () => {
    const running = { modules: true, probes: false, cache: false, done: 1, total: 3 };
    assert.deepEqual(overallState(base({ running, modules: [row('ok'), row('checking'), row('checking')] })), { state: 'checking', reason: 'Checking Go modules… (1/3)' });
    assert.equal(overallState(base({ running: { modules: false, probes: true, cache: false }, probesKnown: false, docCount: 0 })).state, 'checking');
    assert.deepEqual(overallState(base({ modules: [row('ok'), row('skipped'), row('ok')] })), { state: 'healthy', reason: 'All 2 required modules can be fetched' });
    assert.deepEqual(overallState(base({ docCount: 0 })), { state: 'idle', reason: 'No go.mod or go.work is open' });
    assert.equal(overallState(base({ trusted: false, modules: [row('error')] })).state, 'untrusted');
    // A failure outranks a check still under way.
    assert.equal(overallState(base({ running, modules: [row('error', 'module.not-found'), row('checking')] })).state, 'failing');
  });
});

describe('server/moduleRows', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'gmd-rows-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const e = env({}, 'GOPROXY=https://p.example,direct\nGOPRIVATE=corp.example\n');
  const rep = (module: string, version: string, result: ModuleReport['result']): ModuleReport => ({
    file: '', module, version, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, route: route(module, routeEnvOf(e.values)), result,
  });
  const text = [
    'module example.com/app', '', 'go 1.21', '',
    'require (',
    '\texample.com/ok v1.0.0',
    '\texample.com/bad v1.0.0 // indirect',
    '\tcorp.example/lib v0.1.0',
    '\texample.com/local v1.0.0',
    '\texample.com/swapped v1.0.0',
    ')', '',
    'replace example.com/local => ../local',
    'replace example.com/swapped v1.0.0 => example.com/fork v1.1.0',
  ].join('\n');
  const doc = (over: Partial<ModuleDoc>): ModuleDoc => ({ uri: 'file:///w/go.mod', file: '/w/go.mod', kind: 'go.mod', text, findings: [], reports: [], env: e, ...over });

  it('one row per require: route, private, status from the report and the most severe finding; replacements', () => {
    const bad: Finding = { code: 'module.not-found', severity: 'error', message: 'gone', module: 'example.com/bad', version: 'v1.0.0' };
    const info: Finding = { code: 'module.outdated', severity: 'info', message: 'newer', module: 'example.com/bad', version: 'v1.0.0' };
    const rows = moduleRows([doc({
      findings: [info, bad],
      reports: [
        rep('example.com/ok', 'v1.0.0', { kind: 'ok', source: 'https://p.example', ms: 41.6 }),
        rep('example.com/bad', 'v1.0.0', { kind: 'not-found', sources: ['https://p.example'] }),
        rep('corp.example/lib', 'v0.1.0', { kind: 'direct', source: 'corp.example' }),
        rep('example.com/fork', 'v1.1.0', { kind: 'ok', source: 'https://p.example', ms: 7 }),
      ],
    })], undefined);
    assert.deepEqual(rows.map((r) => [r.line, r.module, r.direct, r.route, r.private, r.status, r.source ?? '', r.latencyMs ?? '', r.finding?.code ?? '']), [
      [5, 'example.com/ok', true, 'https://p.example', false, 'ok', 'https://p.example', 42, ''],
      [6, 'example.com/bad', false, 'https://p.example', false, 'error', '', '', 'module.not-found'],
      [7, 'corp.example/lib', true, 'direct', true, 'skipped', 'corp.example', '', ''],
      [8, 'example.com/local', true, 'directory', false, 'skipped', '', '', ''],
      [9, 'example.com/swapped', true, 'https://p.example', false, 'ok', 'https://p.example', 7, ''],
    ]);
  });

  it('while a check runs, undecided rows are "checking" and decided ones show their result', () => {
    const rows = moduleRows([doc({ reports: [rep('example.com/bad', 'v1.0.0', { kind: 'ok', source: 'https://p.example', ms: 1 })], progress: [rep('example.com/ok', 'v1.0.0', { kind: 'ok', source: 'https://p.example', ms: 1 })] })], undefined);
    assert.deepEqual(rows.map((r) => r.status), ['ok', 'checking', 'checking', 'skipped', 'checking']);
    // Without a check state of its own, the route comes from the environment of the rounds.
    assert.equal(moduleRows([doc({ env: undefined })], e)[2].private, true);
  });

  it('a go.work: rows of the used modules point at their own go.mod; a module open twice is one row', () => {
    mkdirSync(join(dir, 'a'));
    const gomod = 'module example.com/a\n\ngo 1.21\n\nrequire example.com/ok v1.0.0\n';
    writeFileSync(join(dir, 'a', 'go.mod'), gomod);
    const work: ModuleDoc = { uri: pathToFileURL(join(dir, 'go.work')).href, file: join(dir, 'go.work'), kind: 'go.work', text: 'go 1.21\n\nuse ./a\n', findings: [], reports: [rep('example.com/ok', 'v1.0.0', { kind: 'ok', source: 'https://p.example', ms: 3 })], env: e };
    const uri = pathToFileURL(join(dir, 'a', 'go.mod')).href;
    const mod: ModuleDoc = { uri, file: join(dir, 'a', 'go.mod'), kind: 'go.mod', text: gomod, findings: [], reports: [], progress: [], env: e };
    const rows = moduleRows([mod, work], undefined);
    assert.deepEqual(rows.map((r) => [r.uri, r.line, r.status]), [[uri, 4, 'ok']]);
  });
});

describe('server/envRequests: envFixFor', () => {
  it('GOPRIVATE also reaches GONOPROXY/GONOSUMDB when they are set on their own', () => {
    const e = env({}, 'GOPRIVATE=a.example\nGONOSUMDB=b.example\n');
    assert.deepEqual(envFixFor({ op: 'addPattern', name: 'GOPRIVATE', value: 'c.example' }, e), { fixId: 'env:set:GOPRIVATE=a.example,c.example&set:GONOSUMDB=b.example,c.example' });
    // GONOSUMDB added to: its effective value (GOPRIVATE's, while it inherits) plus the pattern.
    const inherits = env({}, 'GOPRIVATE=a.example\n');
    assert.deepEqual(envFixFor({ op: 'addPattern', name: 'GONOSUMDB', value: 'c.example' }, inherits), { fixId: 'env:set:GONOSUMDB=a.example,c.example' });
    assert.deepEqual(envFixFor({ op: 'set', name: 'GOPRIVATE', value: '' }, inherits), { fixId: 'env:set:GOPRIVATE=' });
  });
});

describe('server/health: the snapshot feed', () => {
  it('a burst of changes is one notification; seq grows with every change', async () => {
    const sent: HealthSnapshot[] = [];
    const h = new HealthService({ trusted: true, docs: () => [], send: (s) => sent.push(s), throttleMs: 30 });
    for (let i = 0; i < 50; i++) h.changed();
    assert.equal(h.snapshot().seq, 50);
    await new Promise((r) => setTimeout(r, 60));
    assert.deepEqual(sent.map((s) => s.seq), [50]);
    h.changed();
    await new Promise((r) => setTimeout(r, 60));
    assert.deepEqual(sent.map((s) => s.seq), [50, 51]);
    assert.deepEqual(sent[1].overall, { state: 'idle', reason: 'No go.mod or go.work is open' });
    h.dispose();
  });

  it('without a listener nothing is sent; untrusted snapshots hold nothing', () => {
    const h = new HealthService({ trusted: false, docs: () => { throw new Error('untrusted snapshots read no documents'); } });
    h.changed();
    const s = h.snapshot();
    assert.deepEqual([s.trusted, s.overall.state, s.probes, s.cache, s.modules, s.env], [false, 'untrusted', null, null, [], []]);
    h.dispose();
  });
});

describe('server/cacheJobs and download bounds', () => {
  it('a plan expires; an unknown id is expired too; nothing runs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gmd-jobs-'));
    try {
      writeFileSync(join(dir, 'f'), 'x');
      let now = 1_000;
      let after = 0;
      const jobs = new CacheJobs({ cacheEnv: async () => ({ GOMODCACHE: dir, GOCACHE: dir }), roots: () => [], progress: () => undefined, afterRun: () => after++, now: () => now });
      const plan = await jobs.plan({ kind: 'modcache' });
      assert.equal(plan.items, 1);
      now += PLAN_TTL_MS;
      const r = await jobs.run(plan.planId!, new AbortController().signal);
      assert.deepEqual([r.status, r.freedBytes, r.message], ['expired', 0, 'That plan has expired or was already run; measure the cache again.']);
      assert.equal((await jobs.run('nope', new AbortController().signal)).status, 'expired');
      assert.equal(after, 0, 'nothing ran, nothing to refresh');
      const none = await jobs.plan({ kind: 'buildcache' as const });
      assert.equal(none.items, 1);
      const relative = new CacheJobs({ cacheEnv: async () => ({ GOMODCACHE: 'rel' }), roots: () => [], progress: () => undefined, afterRun: () => undefined });
      assert.match((await relative.plan({ kind: 'modcache' })).error ?? '', /^Could not plan the clean of GOMODCACHE: GOMODCACHE/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the stall bound is twice the network timeout, within 2 s … 60 s', () => {
    assert.deepEqual([stallBound(), stallBound(700), stallBound(20_000), stallBound(60_000)], [10_000, 2_000, 40_000, 60_000]);
  });
});

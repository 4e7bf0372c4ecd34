// The per-require rules (module.*, gosum.*) against loopback proxies, a checksum database of our own, stalled and
// closed ports — and the real go, which must fail (or agree) wherever a rule says it will.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import type { Finding } from '../../../src/core/finding';
import { diagnoseModules, moduleFixEdits, moduleHover, parseModuleFixId, ModuleSourceClient, type ModuleReport } from '../../../src/core/diagnose/modules';
import { parseFixId } from '../../../src/core/goenv/fixid';
import { GoproxyServer } from '../../support/goproxy-server';
import { buildModule, moduleFixture, type ModuleFixture } from '../../support/modules';
import { refusedUrl } from '../../support/recording-proxy';
import { SumdbServer, TestSumdb } from '../../support/sumdb-server';
import { rangeOf, removeTree, routing, runGoIn, sealedGoEnv, tempRoot, workspace } from './support';

function withGoMod(path: string, version: string, gomod: string): ModuleFixture {
  const m = moduleFixture(path, version);
  return { ...m, files: { ...m.files, 'go.mod': gomod } };
}

const healthy = buildModule(moduleFixture('example.com/healthy', 'v1.0.0'));
const outdated = ['v1.0.0', 'v1.1.0', 'v1.2.0-rc.1', 'v2.0.0+incompatible'].map((v) => moduleFixture('example.com/outdated', v));
const retractedMods = [
  moduleFixture('example.com/retracted', 'v1.0.0'),
  moduleFixture('example.com/retracted', 'v1.1.0'),
  moduleFixture('example.com/retracted', 'v1.2.0'),
  // The latest version retracts v1.1.0 (with a rationale) and itself: the upgrade must be v1.2.0.
  withGoMod('example.com/retracted', 'v1.3.0', 'module example.com/retracted\n\ngo 1.21\n\nretract (\n\tv1.1.0 // broken build\n\tv1.3.0 // published by mistake\n)\n'),
];
const deprecated = withGoMod('example.com/deprecated', 'v1.0.0', '// Deprecated: use example.com/healthy instead.\nmodule example.com/deprecated\n\ngo 1.21\n');
const known = moduleFixture('example.com/known', 'v1.0.0');
const served = [healthy, ...outdated, ...retractedMods, deprecated, known, moduleFixture('example.com/private-ish', 'v1.0.0')];

describe('module rules (loopback proxies, checksum database, real go)', function () {
  this.timeout(60_000);
  let root: string;
  let good: GoproxyServer;
  let slow: GoproxyServer;
  let stall: Server;
  let invalid: Server;
  let refused: string;
  let sumdbs: SumdbServer;
  let goodDb: TestSumdb;
  let liarDb: TestSumdb;
  const sockets = new Set<Socket>();
  const url = (s: Server) => `http://127.0.0.1:${(s.address() as AddressInfo).port}`;

  before(async () => {
    root = tempRoot('modules');
    good = await new GoproxyServer({ modules: served }).start();
    slow = await new GoproxyServer({ modules: [healthy], delayMs: 400 }).start();
    stall = createServer(() => undefined).on('connection', (s: Socket) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    await new Promise<void>((r) => stall.listen(0, '127.0.0.1', () => r()));
    // A proxy that answers as proxy.golang.org does for a pseudo-version that does not match its commit.
    invalid = createServer((req, res) => {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`not found: ${decodeURIComponent(req.url ?? '')}: invalid pseudo-version: does not match version-control timestamp (expected 20240102030405)\n`);
    });
    await new Promise<void>((r) => invalid.listen(0, '127.0.0.1', () => r()));
    refused = await refusedUrl();
    goodDb = new TestSumdb('sum.good.example', [healthy]);
    // A database that records other content for example.com/healthy v1.0.0.
    liarDb = new TestSumdb('sum.liar.example', [{ ...moduleFixture('example.com/healthy', 'v1.0.0'), files: { 'go.mod': 'module example.com/healthy\n\ngo 1.22\n' } }]);
    sumdbs = await new SumdbServer({ good: goodDb, liar: liarDb }).start();
  });
  after(async () => {
    await good.stop();
    await slow.stop();
    for (const s of sockets) s.destroy();
    await new Promise<void>((r) => stall.close(() => r()));
    await new Promise<void>((r) => invalid.close(() => r()));
    await sumdbs.stop();
    removeTree(root);
  });

  interface Run {
    findings: Finding[];
    reports: ModuleReport[];
    streamed: Finding[];
    client: ModuleSourceClient;
    ms: number;
  }

  async function check(dir: string, env: Record<string, string>, opts: { mirrors?: string[]; slowMs?: number; timeoutMs?: number; publicProxy?: (u: string) => boolean } = {}): Promise<Run> {
    const client = new ModuleSourceClient({ timeoutMs: opts.timeoutMs ?? 1500, env: {} });
    const streamed: Finding[] = [];
    const started = Date.now();
    try {
      const file = join(dir, 'go.mod');
      const r = await diagnoseModules(
        { file, kind: 'go.mod', text: readFileSync(file, 'utf8') },
        { env, client, mirrors: opts.mirrors ?? [], slowMs: opts.slowMs ?? 5000, onFinding: (f) => streamed.push(f), isPublicProxy: opts.publicProxy },
      );
      return { ...r, streamed, client, ms: Date.now() - started };
    } finally {
      client.close();
    }
  }

  const codes = (fs: Finding[]) => fs.map((f) => f.code).sort();
  const gomod = (...requires: string[]) => `module example.com/app\n\ngo 1.21\n\nrequire (\n${requires.map((r) => `\t${r}\n`).join('')})\n`;

  it('a healthy module with a correct go.sum has no finding, and go agrees', async () => {
    const text = gomod('example.com/healthy v1.0.0');
    const dir = workspace(root, 'healthy', text, healthy.gosum);
    const env = routing({ GOPROXY: good.url, GOSUMDB: `${goodDb.verifierKey} ${sumdbs.url('good')}` });
    const run = await check(dir, env);
    assert.deepEqual(run.findings, []);
    assert.equal(run.reports.length, 1);
    assert.equal(run.reports[0].result.kind, 'ok');
    const go = await runGoIn(dir, ['mod', 'download', 'example.com/healthy'], sealedGoEnv(root, env));
    assert.equal(go.code, 0, go.stderr);
  });

  it('module.unreachable: a stalled proxy followed by "," — within the timeout, mirrors ordered, pipe offered', async () => {
    const text = gomod('example.com/healthy v1.0.0');
    const dir = workspace(root, 'unreachable', text, healthy.gosum);
    const env = routing({ GOPROXY: `${url(stall)},${good.url}` });
    const run = await check(dir, env, { mirrors: [refused, slow.url, good.url], timeoutMs: 600 });
    assert.ok(run.ms < 6000, `took ${run.ms} ms`);
    assert.deepEqual(codes(run.findings), ['module.unreachable']);
    const f = run.findings[0];
    assert.equal(f.severity, 'error');
    assert.deepEqual(f.range, rangeOf(text, 'example.com/healthy', 'example.com/healthy'));
    assert.equal(f.host, `127.0.0.1:${(stall.address() as AddressInfo).port}`);
    assert.equal((f.evidence as { stage: string }).stage, 'http');
    assert.equal((f.evidence as { related: { code: string } }).related.code, 'proxy.timeout');
    // Healthy mirrors only, fastest first (the slow one answers after 400 ms), then "|" instead of ",".
    const ids = f.fixes!.map((x) => parseFixId(x.id)!.changes[0]);
    assert.deepEqual(ids, [
      { name: 'GOPROXY', value: `${good.url},direct` },
      { name: 'GOPROXY', value: `${slow.url},direct` },
      { name: 'GOPROXY', value: `${url(stall)}|${good.url}` },
    ]);
    assert.deepEqual(run.streamed, run.findings);
  });

  it('module.unreachable: the real go fails on a closed port too', async () => {
    const text = gomod('example.com/healthy v1.0.0');
    const dir = workspace(root, 'refused', text, healthy.gosum);
    const env = routing({ GOPROXY: refused });
    const run = await check(dir, env);
    assert.deepEqual(codes(run.findings), ['module.unreachable']);
    assert.equal((run.findings[0].evidence as { stage: string }).stage, 'tcp');
    const go = await runGoIn(dir, ['mod', 'download', 'example.com/healthy'], sealedGoEnv(root, env));
    assert.notEqual(go.code, 0);
    assert.match(go.stderr, /connection refused/);
  });

  it('credentials in GOPROXY stay out of messages, evidence and hover reports (fix ids mask them)', async () => {
    const withUser = (u: string) => u.replace('http://', 'http://alice:s3cret@');
    const unreachable = await check(workspace(root, 'credentials-stall', gomod('example.com/healthy v1.0.0'), healthy.gosum), routing({ GOPROXY: `${withUser(url(stall))},${withUser(good.url)}` }), { timeoutMs: 600 });
    const notFound = await check(workspace(root, 'credentials-404', gomod('example.com/nowhere v1.0.0'), ''), routing({ GOPROXY: withUser(good.url) }));
    assert.deepEqual([codes(unreachable.findings), codes(notFound.findings)], [['module.unreachable'], ['module.not-found']]);
    const shown = JSON.stringify([unreachable, notFound].map((r) => ({ findings: r.findings.map((f) => ({ ...f, fixes: undefined })), reports: r.reports })));
    assert.ok(!shown.includes('s3cret') && !shown.includes('alice'), shown);
    // The pipe fix names the proxies masked; the env writer takes the credentials back from GOPROXY (goenv write tests).
    const pipe = unreachable.findings[0].fixes?.map((x) => parseFixId(x.id)?.changes[0].value).find((v) => v?.includes('|'));
    assert.equal(pipe, `${url(stall).replace('http://', 'http://***@')}|${good.url.replace('http://', 'http://***@')}`);
  });

  it('module.not-found: 404 from every source, and go fails with 404', async () => {
    const text = gomod('example.com/nowhere v1.0.0');
    const dir = workspace(root, 'notfound', text, '');
    const env = routing({ GOPROXY: good.url });
    const run = await check(dir, env);
    assert.deepEqual(codes(run.findings), ['module.not-found']);
    const f = run.findings[0];
    assert.deepEqual(f.range, rangeOf(text, 'nowhere', 'example.com/nowhere'));
    assert.equal(f.severity, 'error');
    const go = await runGoIn(dir, ['mod', 'download', 'example.com/nowhere'], sealedGoEnv(root, env));
    assert.notEqual(go.code, 0);
    assert.match(go.stderr, /404 Not Found/);
  });

  it('module.unknown-revision: the module exists, the version does not', async () => {
    const text = gomod('example.com/known v1.5.0');
    const dir = workspace(root, 'unknownrev', text, '');
    const env = routing({ GOPROXY: good.url });
    const run = await check(dir, env);
    assert.deepEqual(codes(run.findings), ['module.unknown-revision']);
    assert.deepEqual(run.findings[0].range, rangeOf(text, 'example.com/known', 'v1.5.0'));
    assert.match(run.findings[0].message, /v1\.0\.0/);
    const go = await runGoIn(dir, ['mod', 'download', 'example.com/known'], sealedGoEnv(root, env));
    assert.notEqual(go.code, 0);
    assert.match(go.stderr, /unknown revision v1\.5\.0/);
  });

  it('module.invalid-version: the proxy says the pseudo-version is invalid', async () => {
    const v = 'v0.0.0-20240102030406-0123456789ab';
    const text = gomod(`example.com/pseudo ${v}`);
    const dir = workspace(root, 'invalid', text, '');
    const run = await check(dir, routing({ GOPROXY: url(invalid) }));
    assert.deepEqual(codes(run.findings), ['module.invalid-version']);
    assert.deepEqual(run.findings[0].range, rangeOf(text, 'example.com/pseudo', v));
  });

  it('module.private-public: unknown to the proxy, then direct, and no GOPRIVATE; GOPRIVATE keeps it off the proxy', async () => {
    const text = gomod('github.com/acme/secret v1.0.0');
    const dir = workspace(root, 'private', text, '');
    const before = good.requests.length;
    const run = await check(dir, routing({ GOPROXY: `${good.url},direct` }));
    assert.deepEqual(codes(run.findings), ['gosum.missing', 'module.private-public']);
    const f = run.findings.find((x) => x.code === 'module.private-public')!;
    assert.deepEqual(f.range, rangeOf(text, 'secret', 'github.com/acme/secret'));
    assert.deepEqual(parseFixId(f.fixes![0].id), { changes: [{ name: 'GOPRIVATE', value: 'github.com/acme' }] });
    assert.ok(good.modulesRequested().includes('github.com/acme/secret'));

    // With the fix applied, the module is fetched directly: never requested from the proxy, no private-public.
    const n = good.requests.length;
    const fixed = await check(dir, routing({ GOPROXY: `${good.url},direct`, GOPRIVATE: 'github.com/acme' }));
    assert.deepEqual(codes(fixed.findings), ['gosum.missing']);
    assert.equal(good.requests.length, n, 'a GOPRIVATE module was sent to the proxy');
    assert.equal(fixed.reports[0].result.kind, 'direct');
    assert.ok(n > before);
  });

  it('module.private-public: a self-hosted path is never sent to a public proxy', async () => {
    const text = gomod('gitlab.acme.internal/team/lib v1.2.3');
    const dir = workspace(root, 'selfhosted', text, '');
    const n = good.requests.length;
    const run = await check(dir, routing({ GOPROXY: `${good.url},direct` }), { publicProxy: (u) => u === good.url });
    assert.deepEqual(codes(run.findings), ['module.private-public']);
    assert.equal(good.requests.length, n);
    assert.deepEqual(parseFixId(run.findings[0].fixes![0].id)!.changes, [{ name: 'GOPRIVATE', value: 'gitlab.acme.internal' }]);
  });

  it('module.retracted: rationale shown, upgrade to the newest version that is not retracted; go agrees', async () => {
    const text = gomod('example.com/retracted v1.1.0');
    const dir = workspace(root, 'retracted', text, '');
    const env = routing({ GOPROXY: good.url });
    const run = await check(dir, env);
    const f = run.findings.find((x) => x.code === 'module.retracted')!;
    assert.ok(f, JSON.stringify(run.findings));
    assert.equal(f.severity, 'warning');
    assert.deepEqual(f.range, rangeOf(text, 'retracted', 'v1.1.0'));
    assert.match(f.message, /broken build/);
    assert.deepEqual(f.fixes!.map((x) => x.id), ['module.upgrade:example.com/retracted@v1.2.0']);
    assert.deepEqual(moduleFixEdits(parseModuleFixId(f.fixes![0].id)!, text), [{ range: f.range, newText: 'v1.2.0' }]);
    assert.ok(!run.findings.some((x) => x.code === 'module.outdated'));
    const go = await runGoIn(dir, ['list', '-m', '-retracted', '-f', '{{.Retracted}}', 'example.com/retracted@v1.1.0'], sealedGoEnv(root, { ...env, GOFLAGS: '-modcacherw -mod=mod' }));
    assert.equal(go.stdout.trim(), '[broken build]', go.stderr);
  });

  it('module.deprecated: the latest go.mod\'s Deprecated comment; go agrees', async () => {
    const text = gomod('example.com/deprecated v1.0.0');
    const dir = workspace(root, 'deprecated', text, '');
    const env = routing({ GOPROXY: good.url });
    const run = await check(dir, env);
    const f = run.findings.find((x) => x.code === 'module.deprecated')!;
    assert.ok(f, JSON.stringify(run.findings));
    assert.deepEqual(f.range, rangeOf(text, 'deprecated', 'example.com/deprecated'));
    const go = await runGoIn(dir, ['list', '-m', '-u', '-f', '{{.Deprecated}}', 'example.com/deprecated@v1.0.0'], sealedGoEnv(root, { ...env, GOFLAGS: '-modcacherw -mod=mod' }));
    assert.equal(go.stdout.trim(), 'use example.com/healthy instead.', go.stderr);
    assert.match(f.message, /use example\.com\/healthy instead\./);
    const hover = moduleHover(run.reports[0], 'example.com/deprecated', 'v1.0.0', env);
    assert.match(hover, /Deprecated: use example\.com\/healthy instead\./);
    assert.match(hover, new RegExp(`Fetched from \`${good.url}\``));
  });

  it('module.outdated: newest release of the same major (no pre-release, no +incompatible)', async () => {
    const text = gomod('example.com/outdated v1.0.0');
    const dir = workspace(root, 'outdated', text, '');
    const run = await check(dir, routing({ GOPROXY: good.url }));
    const f = run.findings.find((x) => x.code === 'module.outdated')!;
    assert.ok(f, JSON.stringify(run.findings));
    assert.equal(f.severity, 'hint');
    assert.deepEqual(f.range, rangeOf(text, 'outdated', 'v1.0.0'));
    assert.deepEqual(f.fixes!.map((x) => x.id), ['module.upgrade:example.com/outdated@v1.1.0']);
  });

  it('module.slow: the source answers, but after the threshold', async () => {
    const text = gomod('example.com/healthy v1.0.0');
    const dir = workspace(root, 'slow', text, healthy.gosum);
    const run = await check(dir, routing({ GOPROXY: slow.url }), { slowMs: 150, mirrors: [good.url] });
    assert.deepEqual(codes(run.findings), ['module.slow']);
    assert.equal(run.findings[0].severity, 'info');
    assert.deepEqual(run.findings[0].fixes!.map((x) => parseFixId(x.id)!.changes[0].value), [`${good.url},direct`]);
  });

  it('replace: an unfetchable replacement version is flagged on the replace line, with "Remove this replace"', async () => {
    const text = 'module example.com/app\n\ngo 1.21\n\nrequire example.com/healthy v1.0.0\n\nreplace example.com/healthy => example.com/gone v1.0.0\n';
    const dir = workspace(root, 'replace', text, '');
    const run = await check(dir, routing({ GOPROXY: good.url }));
    assert.deepEqual(codes(run.findings), ['module.not-found']);
    const f = run.findings[0];
    const line = rangeOf(text, 'replace', 'example.com/gone v1.0.0');
    assert.deepEqual(f.range, line);
    assert.deepEqual(f.fixes!.map((x) => x.id), ['module.remove-replace:example.com/healthy']);
    const edits = moduleFixEdits(parseModuleFixId(f.fixes![0].id)!, text);
    assert.deepEqual(edits, [{ range: { start: { line: 6, character: 0 }, end: { line: 7, character: 0 } }, newText: '' }]);
  });

  it('gosum.missing: no go.sum line; go fails the same way; `go mod download` adds it', async () => {
    const text = gomod('example.com/healthy v1.0.0');
    const dir = workspace(root, 'sum-missing', text, '');
    const env = routing({ GOPROXY: good.url });
    const run = await check(dir, env);
    assert.deepEqual(codes(run.findings), ['gosum.missing']);
    assert.deepEqual(run.findings[0].range, rangeOf(text, 'healthy', 'v1.0.0'));
    assert.deepEqual(run.findings[0].fixes!.map((x) => x.id), ['module.download:example.com/healthy@v1.0.0']);
    const goEnv = sealedGoEnv(root, env);
    const list = await runGoIn(dir, ['list', '-m', 'all'], goEnv);
    assert.notEqual(list.code, 0);
    assert.match(list.stderr, /missing go\.sum entry/);
    const dl = await runGoIn(dir, ['mod', 'download', 'example.com/healthy@v1.0.0'], goEnv);
    assert.equal(dl.code, 0, dl.stderr);
    const after = await check(dir, env);
    assert.deepEqual(after.findings, []);
  });

  it('gosum.mismatch against the proxy: the go.mod hash differs; go stops with a checksum mismatch', async () => {
    const text = gomod('example.com/healthy v1.0.0');
    const other = buildModule({ ...moduleFixture('example.com/healthy', 'v1.0.0'), files: { 'go.mod': 'module example.com/healthy\n' } });
    const sum = `example.com/healthy v1.0.0 ${healthy.h1}\nexample.com/healthy v1.0.0/go.mod ${other.modH1}\n`;
    const dir = workspace(root, 'sum-proxy', text, sum);
    const env = routing({ GOPROXY: good.url });
    const run = await check(dir, env);
    assert.deepEqual(codes(run.findings), ['gosum.mismatch']);
    const f = run.findings[0];
    assert.deepEqual(f.range, rangeOf(text, 'healthy', 'v1.0.0'));
    assert.deepEqual({ against: (f.evidence as { against: string }).against, actual: (f.evidence as { actual: string }).actual }, { against: 'proxy', actual: healthy.modH1 });
    const go = await runGoIn(dir, ['mod', 'download', 'example.com/healthy'], sealedGoEnv(root, env));
    assert.notEqual(go.code, 0);
    assert.match(go.stderr, /checksum mismatch/);
  });

  it('gosum.mismatch against the checksum database (go.sum matches the proxy, the database records other hashes)', async () => {
    const text = gomod('example.com/healthy v1.0.0');
    const dir = workspace(root, 'sum-db', text, healthy.gosum);
    const run = await check(dir, routing({ GOPROXY: good.url, GOSUMDB: `${liarDb.verifierKey} ${sumdbs.url('liar')}` }));
    assert.deepEqual(codes(run.findings), ['gosum.mismatch']);
    assert.equal((run.findings[0].evidence as { against: string }).against, 'sumdb');
  });

  it('checksum database: unreachable when go.sum lacks lines; 404 there means private (GONOSUMDB offered first)', async () => {
    const text = gomod('example.com/healthy v1.0.0');
    const dir = workspace(root, 'sum-unreach', text, '');
    const down = await check(dir, routing({ GOPROXY: good.url, GOSUMDB: `${goodDb.verifierKey} ${refused}` }));
    assert.deepEqual(codes(down.findings), ['gosum.missing', 'module.unreachable']);
    assert.equal(down.findings.find((f) => f.code === 'module.unreachable')!.variable, 'GOSUMDB');

    const text2 = gomod('example.com/private-ish v1.0.0');
    const dir2 = workspace(root, 'sum-private', text2, '');
    const env2 = routing({ GOPROXY: good.url, GOSUMDB: `${goodDb.verifierKey} ${sumdbs.url('good')}` });
    const priv = await check(dir2, env2);
    assert.deepEqual(codes(priv.findings), ['gosum.missing', 'module.private-public']);
    const f = priv.findings.find((x) => x.code === 'module.private-public')!;
    assert.deepEqual(parseFixId(f.fixes![0].id)!.changes, [{ name: 'GONOSUMDB', value: 'example.com' }]);
    const go = await runGoIn(dir2, ['mod', 'download', 'example.com/private-ish'], sealedGoEnv(root, env2));
    assert.notEqual(go.code, 0);
    assert.match(go.stderr, /verifying module|404 Not Found/);
  });

  it('go.work: the requirements of a used module are checked, the finding sits on its use line', async () => {
    const dir = workspace(root, 'work', 'module example.com/w\n\ngo 1.21\n');
    workspace(dir, 'a', gomod('example.com/nowhere v1.0.0'), '');
    const text = 'go 1.21\n\nuse (\n\t.\n\t./a\n)\n';
    const file = join(dir, 'go.work');
    const client = new ModuleSourceClient({ timeoutMs: 1500, env: {} });
    try {
      const r = await diagnoseModules({ file, kind: 'go.work', text }, { env: routing({ GOPROXY: good.url }), client, mirrors: [] });
      assert.deepEqual(codes(r.findings), ['module.not-found']);
      assert.deepEqual(r.findings[0].range, rangeOf(text, './a', './a'));
      assert.match(r.findings[0].message, /^\.\/a: /);
      assert.equal(r.findings[0].file, file);
    } finally {
      client.close();
    }
  });

  it('GOPROXY=off: nothing is asked and nothing is claimed (the env rules speak about off)', async () => {
    const dir = workspace(root, 'off', gomod('example.com/healthy v1.0.0'), healthy.gosum);
    const run = await check(dir, routing({ GOPROXY: 'off' }));
    assert.deepEqual(run.findings, []);
    assert.deepEqual(run.client.requested, []);
  });

  it('one request per URL: a second go.mod with the same requirements is answered from the shared cache', async () => {
    const text = gomod('example.com/healthy v1.0.0', 'example.com/outdated v1.1.0');
    const a = workspace(root, 'cache-a', text, '');
    const b = workspace(root, 'cache-b', text, '');
    const client = new ModuleSourceClient({ timeoutMs: 1500, env: {} });
    try {
      const env = routing({ GOPROXY: good.url });
      for (const dir of [a, b]) {
        const file = join(dir, 'go.mod');
        await diagnoseModules({ file, kind: 'go.mod', text: readFileSync(file, 'utf8') }, { env, client, mirrors: [] });
      }
      assert.equal(new Set(client.requested).size, client.requested.length, client.requested.join('\n'));
    } finally {
      client.close();
    }
  });
});

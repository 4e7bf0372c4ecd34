// runProbes end to end against loopback proxies and a checksum database of our own, with the real go command as
// the referee for routing: where go sends checksum lookups is where we say the route goes, a proxy whose
// /supported fails makes both of us fail, GOPRIVATE/GONOSUMDB paths never reach a proxy or database, credentials
// from .netrc and URLs are used and never shown, HTTPS_PROXY is honoured.
import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runProbes } from '../../../src/core/net';
import type { LookupFn } from '../../../src/core/net/types';
import { makeTestCerts, opensslAvailable, type TestCerts } from '../../support/certs';
import { GoproxyServer } from '../../support/goproxy-server';
import { buildModule, moduleFixture } from '../../support/modules';
import { TestSumdb } from '../../support/sumdb-server';
import { ForwardProxy } from './forward-proxy';
import { goDownload, quietHome, removeTree } from './helpers';

const MOD = 'example.com/probe';
// An RFC 6761 name: its direct route fails locally at the DNS stage, with no packet sent.
const DB_NAME = 'sum.gomod-doctor.invalid';
const basic = (s: string) => 'Basic ' + Buffer.from(s).toString('base64');

describe('runProbes against loopback proxies, with go as referee', function () {
  this.timeout(60_000);
  const mods = [moduleFixture(MOD, 'v1.0.0'), moduleFixture(MOD, 'v1.1.0')];
  let db: TestSumdb;
  let a: GoproxyServer; // both versions, carries the database
  let b: GoproxyServer; // behind (v1.0.0 only) and slower
  let tmp: string;
  const rejections: unknown[] = [];
  const onRejection = (e: unknown) => rejections.push(e);

  before(async () => {
    process.on('unhandledRejection', onRejection);
    tmp = quietHome(mkdtempSync(join(tmpdir(), 'gmd-probes-')));
    db = new TestSumdb(DB_NAME, mods);
    a = await new GoproxyServer({ modules: mods, sumdbs: [db] }).start();
    b = await new GoproxyServer({ modules: [mods[0]], delayMs: 250 }).start();
  });

  after(async () => {
    process.off('unhandledRejection', onRejection);
    await a.stop();
    await b.stop();
    removeTree(tmp);
  });

  beforeEach(() => {
    a.requests.length = 0;
    b.requests.length = 0;
  });

  it('routes checksum traffic where go does, spots the stale proxy, ranks by measurement', async () => {
    const env = { GOPROXY: `${a.url},${b.url},direct`, GONOPROXY: '', GONOSUMDB: '', GOSUMDB: db.verifierKey };
    const report = await runProbes({ env, mirrors: [], module: MOD }, { timeoutMs: 2000, env: { HOME: tmp } });

    const viaA = report.sumdbs.find((s) => s.via === 'proxy');
    const direct = report.sumdbs.find((s) => s.via === 'direct');
    assert.ok(viaA?.ok && viaA.onRoute, JSON.stringify(viaA?.failure));
    assert.deepEqual(viaA.lookup?.lines, buildModule(mods[1]).gosum.trim().split('\n'));
    assert.equal(direct?.onRoute, false);
    assert.equal(direct?.failure?.kind, 'dns');
    const off = report.findings.find((f) => f.code === 'sumdb.dns');
    assert.equal(off?.severity, 'info', 'the direct route is not used: not an error');

    const stale = report.findings.find((f) => f.code === 'proxy.stale');
    assert.ok(stale, JSON.stringify(report.findings));
    assert.match(stale.message, /v1\.0\.0/);
    assert.equal(report.recommendation.best?.target, a.url);
    assert.equal(report.recommendation.keep, true);
    assert.ok(report.findings.every((f) => f.severity !== 'error'), JSON.stringify(report.findings));
    assert.deepEqual(
      report.probes.map((p) => [p.kind, p.ok, p.stage]),
      [['proxy', true, 'done'], ['proxy', true, 'done'], ['sumdb', false, 'dns'], ['sumdb', true, 'done']],
    );

    // The referee: go sends its checksum lookups through A (and never tries the .invalid name).
    a.requests.length = 0;
    const go = await goDownload([`${MOD}@latest`], { GOPROXY: env.GOPROXY, GOSUMDB: env.GOSUMDB });
    assert.equal(go.error, '');
    assert.ok(a.requests.some((r) => r.path.startsWith(`/sumdb/${DB_NAME}/lookup/`)), JSON.stringify(a.requests));
  });

  it('a proxy whose /supported fails makes checksum lookups unavailable, as for go', async () => {
    const broken = await new GoproxyServer({ modules: mods, unsupportedStatus: 403 }).start();
    try {
      for (const sep of [',', '|']) {
        const env = { GOPROXY: `${broken.url}${sep}${a.url}`, GONOPROXY: '', GONOSUMDB: '', GOSUMDB: db.verifierKey };
        const report = await runProbes({ env, mirrors: [], module: MOD }, { timeoutMs: 2000, env: { HOME: tmp } });
        const unavailable = report.findings.find((f) => f.code === 'sumdb.unavailable');
        const go = await goDownload([`${MOD}@latest`], { GOPROXY: env.GOPROXY, GOSUMDB: env.GOSUMDB });
        if (sep === ',') {
          assert.equal(unavailable?.severity, 'error', JSON.stringify(report.findings));
          assert.match(go.error, /403 Forbidden/);
        } else {
          assert.equal(unavailable, undefined, JSON.stringify(report.findings));
          assert.equal(report.sumdbs.find((s) => s.onRoute)?.proxy, a.url);
          assert.equal(go.error, '');
        }
      }
    } finally {
      await broken.stop();
    }
  });

  it('never sends GONOPROXY paths to a proxy nor GONOSUMDB paths to a database', async () => {
    const env = { GOPROXY: `${a.url},direct`, GONOPROXY: 'example.com/probe', GONOSUMDB: 'example.com', GOSUMDB: db.verifierKey };
    const report = await runProbes({ env, mirrors: [b.url], module: MOD, sumdbLookup: { module: MOD, version: 'v1.0.0' } }, { timeoutMs: 2000, env: { HOME: tmp } });
    assert.deepEqual(a.modulesRequested(), []);
    assert.deepEqual(b.modulesRequested(), []);
    assert.ok(!a.requests.some((r) => r.path.includes('/lookup/')), JSON.stringify(a.requests));
    assert.ok(a.requests.some((r) => r.path === `/sumdb/${DB_NAME}/supported`), 'the path-free probe still runs');
    assert.equal(report.proxies[0].skipped, 'gonoproxy');
    assert.equal(report.sumdbs.find((s) => s.via === 'proxy')?.lookup?.skipped, 'gonosumdb');
  });

  describe('credentials and TLS', () => {
    let certs: TestCerts;
    let secure: GoproxyServer;
    const SECRET = 'pw-Z9q-SECRET';

    before(async function () {
      if (!opensslAvailable()) this.skip();
      certs = makeTestCerts();
      secure = await new GoproxyServer({ modules: mods, tls: certs.good, authorization: basic(`me:${SECRET}`) }).start();
    });

    after(async () => {
      await secure?.stop();
      certs?.cleanup();
    });

    it('uses .netrc for https (as go does), reports 401 without it, never shows the secret', async () => {
      const netrc = join(tmp, 'netrc');
      writeFileSync(netrc, `machine 127.0.0.1:${secure.port} login me password ${SECRET}\n`);
      const env = { GOPROXY: secure.url, GONOPROXY: '', GONOSUMDB: '', GOSUMDB: 'off' };
      const withCreds = await runProbes({ env, mirrors: [], module: MOD }, { timeoutMs: 2000, env: { HOME: tmp, NETRC: netrc, SSL_CERT_FILE: certs.caFile } });
      assert.ok(withCreds.proxies[0].ok, JSON.stringify(withCreds.proxies[0].failure));
      assert.equal(withCreds.proxies[0].connect?.tls?.cert?.issuer, 'CN=Go Mod Doctor Test CA');
      const without = await runProbes({ env, mirrors: [], module: MOD }, { timeoutMs: 2000, env: { HOME: tmp, SSL_CERT_FILE: certs.caFile } });
      assert.equal(without.findings[0]?.code, 'proxy.auth-required');
      assert.ok(without.findings[0].fixes?.some((f) => f.id === 'net.add-credentials'));
      const goOk = await goDownload([`${MOD}@latest`], { GOPROXY: secure.url, GOSUMDB: 'off', NETRC: netrc, SSL_CERT_FILE: certs.caFile });
      assert.equal(goOk.error, '');
      const goNo = await goDownload([`${MOD}@latest`], { GOPROXY: secure.url, GOSUMDB: 'off', SSL_CERT_FILE: certs.caFile });
      assert.match(goNo.error, /401 Unauthorized/);
      assert.doesNotMatch(JSON.stringify([withCreds, without]), new RegExp(SECRET));
    });

    it('uses URL user info and redacts it everywhere', async () => {
      const plain = await new GoproxyServer({ modules: mods, authorization: basic(`me:${SECRET}`) }).start();
      try {
        const url = `http://me:${SECRET}@127.0.0.1:${plain.port}`;
        const report = await runProbes({ env: { GOPROXY: url, GONOPROXY: '', GONOSUMDB: '', GOSUMDB: 'off' }, mirrors: [], module: MOD }, { timeoutMs: 2000, env: { HOME: tmp } });
        assert.ok(report.proxies[0].ok);
        assert.doesNotMatch(JSON.stringify({ probes: report.probes, findings: report.findings, recommendation: report.recommendation }), new RegExp(SECRET));
        assert.equal(report.probes[0].target, `http://127.0.0.1:${plain.port}`);
      } finally {
        await plain.stop();
      }
    });

    it('goes through HTTPS_PROXY with CONNECT, never resolving the target itself; NO_PROXY bypasses it', async () => {
      const fwd = await new ForwardProxy(secure.port).start();
      const asked: string[] = [];
      const lookup: LookupFn = async (host) => {
        asked.push(host);
        throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
      };
      try {
        const netrc = join(tmp, 'netrc2');
        writeFileSync(netrc, `machine proxy.gomod-doctor.test login me password ${SECRET}\n`);
        const env = { GOPROXY: 'https://proxy.gomod-doctor.test', GONOPROXY: '', GONOSUMDB: '', GOSUMDB: 'off' };
        const netEnv = { HOME: tmp, NETRC: netrc, SSL_CERT_FILE: certs.caFile, HTTPS_PROXY: `http://pu:pp-${SECRET}@127.0.0.1:${fwd.port}` };
        const via = await runProbes({ env, mirrors: [], module: MOD }, { timeoutMs: 2000, env: netEnv, lookup });
        assert.ok(via.proxies[0].ok, JSON.stringify(via.proxies[0].failure));
        assert.equal(via.proxies[0].connect?.via?.proxy, `http://127.0.0.1:${fwd.port}`);
        assert.equal(fwd.connects[0].target, 'proxy.gomod-doctor.test:443');
        assert.equal(fwd.connects[0].authorization, basic(`pu:pp-${SECRET}`));
        assert.deepEqual(asked, []);
        assert.doesNotMatch(JSON.stringify(via.findings) + JSON.stringify(via.probes), new RegExp(SECRET));

        const bypass = await runProbes({ env, mirrors: [], module: MOD }, { timeoutMs: 2000, env: { ...netEnv, NO_PROXY: 'gomod-doctor.test' }, lookup });
        assert.deepEqual(asked, ['proxy.gomod-doctor.test']);
        assert.equal(bypass.findings[0]?.code, 'proxy.dns');
        assert.equal(fwd.connects.length, 1);

        const dead = await runProbes({ env, mirrors: [], module: MOD }, { timeoutMs: 2000, env: { ...netEnv, HTTPS_PROXY: 'http://127.0.0.1:1' }, lookup });
        assert.equal(dead.findings[0]?.code, 'proxy.proxyconnect');
        assert.ok(dead.findings[0].fixes?.some((f) => f.id === 'net.fix-https-proxy'));
      } finally {
        await fwd.stop();
      }
    });
  });

  it('grades a failing entry as go walks the list: "," stops there (error), "|" falls through (warning)', async () => {
    const stall = createServer(() => undefined);
    const held = new Set<Socket>();
    stall.on('connection', (s: Socket) => {
      held.add(s);
      s.on('close', () => held.delete(s));
    });
    await new Promise<void>((r) => stall.listen(0, '127.0.0.1', () => r()));
    const dead = `http://127.0.0.1:${(stall.address() as AddressInfo).port}`;
    try {
      const grade = async (goproxy: string) => {
        const rep = await runProbes({ env: { GOPROXY: goproxy, GONOPROXY: '', GONOSUMDB: '', GOSUMDB: 'off' }, mirrors: [], module: MOD }, { timeoutMs: 400, env: { HOME: tmp } });
        const f = rep.findings.find((x) => x.code === 'proxy.timeout');
        return { severity: f?.severity, fixes: f?.fixes?.map((x) => x.id) ?? [] };
      };
      const comma = await grade(`${dead},${a.url}`);
      assert.equal(comma.severity, 'error');
      assert.ok(comma.fixes.includes('net.pipe-fallback'), JSON.stringify(comma.fixes));
      assert.equal((await grade(`${dead}|${a.url}`)).severity, 'warning');
      assert.equal((await grade(`${a.url},${dead}`)).severity, 'warning', 'never reached for a module the first entry has');
    } finally {
      for (const s of held) s.destroy();
      await new Promise<void>((r) => stall.close(() => r()));
    }
  });

  it('probes at most `concurrency` targets at once, and cancels promptly', async () => {
    let inFlight = 0;
    let peak = 0;
    const sockets = new Set<Socket>();
    const slow: Server = createServer((req, res) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      setTimeout(() => {
        inFlight--;
        res.writeHead(req.url?.endsWith('/list') ? 200 : 404, { 'Content-Type': 'text/plain' });
        res.end(req.url?.endsWith('/list') ? 'v1.0.0\n' : 'not found\n');
      }, 60);
    });
    slow.on('connection', (s: Socket) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    await new Promise<void>((r) => slow.listen(0, '127.0.0.1', () => r()));
    const port = (slow.address() as AddressInfo).port;
    try {
      const mirrors = Array.from({ length: 6 }, (_, i) => `http://127.0.0.1:${port}/m${i}`);
      await runProbes({ env: { GOPROXY: 'off', GONOPROXY: '', GONOSUMDB: '', GOSUMDB: 'off' }, mirrors, module: MOD }, { timeoutMs: 2000, concurrency: 2, env: { HOME: tmp } });
      assert.ok(peak >= 1 && peak <= 2, `peak ${peak}`);

      const stall = createServer(() => undefined);
      stall.on('connection', (s: Socket) => {
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
      });
      await new Promise<void>((r) => stall.listen(0, '127.0.0.1', () => r()));
      try {
        const ac = new AbortController();
        const t0 = Date.now();
        setTimeout(() => ac.abort(), 150);
        const rep = await runProbes(
          { env: { GOPROXY: `http://127.0.0.1:${(stall.address() as AddressInfo).port}`, GONOPROXY: '', GONOSUMDB: '', GOSUMDB: 'off' }, mirrors: [], module: MOD },
          { timeoutMs: 5000, env: { HOME: tmp }, signal: ac.signal },
        );
        assert.ok(Date.now() - t0 < 1000, `${Date.now() - t0} ms`);
        assert.equal(rep.proxies[0].failure?.kind, 'cancelled');
        assert.deepEqual(rep.findings.filter((f) => f.code !== 'proxy.healthy-mirror'), []);
      } finally {
        for (const s of sockets) s.destroy();
        await new Promise<void>((r) => stall.close(() => r()));
      }
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => slow.close(() => r()));
    }
  });

  it('left no unhandled rejection', () => assert.deepEqual(rejections, []));
});

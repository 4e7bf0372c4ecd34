// `check` without --offline: the probes run against loopback stand-ins and their findings join the report.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding } from '../../../src/core/finding';
import { runCli } from '../../support/cli';
import { GoproxyServer } from '../../support/goproxy-server';
import { moduleFixture } from '../../support/modules';

describe('gomod-doctor check (online, loopback only)', function () {
  this.timeout(30_000);
  let dir: string;
  let proxy: GoproxyServer;
  let stall: Server;
  const sockets = new Set<Socket>();

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gmd-check-online-'));
    writeFileSync(join(dir, 'go.mod'), 'module example.com/app\n\ngo 1.21\n\nrequire example.com/lib v0.1.0\n');
    // The probes ask for a well-known module (golang.org/x/mod), as they would of a real mirror.
    proxy = await new GoproxyServer({ modules: [moduleFixture('example.com/lib', 'v0.1.0'), moduleFixture('golang.org/x/mod', 'v0.20.0')] }).start();
    writeFileSync(join(dir, 'go.sum'), proxy.modules[0].gosum);
    stall = createServer(() => undefined).on('connection', (s: Socket) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    await new Promise<void>((r) => stall.listen(0, '127.0.0.1', () => r()));
  });
  after(async () => {
    await proxy.stop();
    for (const s of sockets) s.destroy();
    await new Promise<void>((r) => stall.close(() => r()));
    rmSync(dir, { recursive: true, force: true });
  });

  const check = (goproxy: string) =>
    runCli(['check', dir, '--format', 'json', '--timeout-ms', '800', '--mirrors', 'none'], {
      env: { GOMODCACHE: join(dir, '.cache', 'mod'), GOCACHE: join(dir, '.cache', 'build'), GOPROXY: goproxy, GOSUMDB: 'off', GONOSUMDB: '', GOPRIVATE: '', GONOPROXY: '', HTTPS_PROXY: '', HTTP_PROXY: '', https_proxy: '', http_proxy: '' },
    });

  it('a stalled first proxy followed by a comma is an error, found within the timeout', async () => {
    const stalled = `http://127.0.0.1:${(stall.address() as AddressInfo).port}`;
    const r = await check(`${stalled},${proxy.url}`);
    assert.equal(r.code, 1, r.stderr);
    const report = JSON.parse(r.stdout) as { probes: Array<{ target: string; ok: boolean; stage: string }>; findings: Finding[] };
    assert.deepEqual(
      report.probes.map((p) => [p.target, p.ok, p.stage]),
      [
        [stalled, false, 'http'],
        [proxy.url, true, 'done'],
      ],
    );
    const timeout = report.findings.find((f) => f.code === 'proxy.timeout');
    assert.equal(timeout?.severity, 'error');
    // The probe result also sharpens the env lint: the comma stops go at the unreachable proxy.
    assert.equal(report.findings.find((f) => f.code === 'env.proxy-comma-stop')?.severity, 'warning');
    // And the require line that go could not fetch through that route is marked, on the module path.
    const unreachable = report.findings.find((f) => f.code === 'module.unreachable');
    assert.equal(unreachable?.module, 'example.com/lib');
    assert.deepEqual(unreachable?.range, { start: { line: 4, character: 8 }, end: { line: 4, character: 23 } });
  });

  it('a healthy proxy gives no proxy finding and exit 0', async () => {
    const r = await check(`${proxy.url},direct`);
    const report = JSON.parse(r.stdout) as { probes: Array<{ ok: boolean }>; findings: Finding[] };
    assert.deepEqual(report.probes.map((p) => p.ok), [true]);
    assert.deepEqual(report.findings.filter((f) => /^(proxy|module|gosum)\./.test(f.code)), []);
    assert.equal(r.code, 0, JSON.stringify(report.findings));
  });
});

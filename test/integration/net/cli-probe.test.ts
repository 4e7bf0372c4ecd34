// `gomod-doctor probe` in-process: JSON shape (DESIGN.md §3), exit status, usage errors, redaction, language.
import * as assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runProbeCommand } from '../../../src/cli/commands/probe';
import { UsageError } from '../../../src/cli/io';
import { setLanguage } from '../../../src/core/i18n';
import { GoproxyServer } from '../../support/goproxy-server';
import { moduleFixture } from '../../support/modules';
import { SumdbServer, TestSumdb } from '../../support/sumdb-server';
import { quietHome, removeTree } from './helpers';

const MOD = 'example.com/cli';

describe('gomod-doctor probe', function () {
  this.timeout(30_000);
  const mods = [moduleFixture(MOD, 'v0.1.0'), moduleFixture(MOD, 'v0.2.0')];
  const db = new TestSumdb('sum.cli.example', mods);
  let proxy: GoproxyServer;
  let sumdbs: SumdbServer;
  let stall: Server;
  let stallPort = 0;
  const sockets = new Set<Socket>();
  let tmp: string;

  const run = async (args: string[], env: Record<string, string>) => {
    let out = '';
    let err = '';
    const code = await runProbeCommand(args, {
      out: (s) => (out += s),
      err: (s) => (err += s),
      env: { PATH: process.env.PATH, HOME: tmp, GOENV: 'off', GOFLAGS: '', GOPRIVATE: '', GONOPROXY: '', GONOSUMDB: '', ...env },
      cwd: tmp,
    });
    return { code, out, err };
  };

  before(async () => {
    tmp = quietHome(mkdtempSync(join(tmpdir(), 'gmd-cli-probe-')));
    proxy = await new GoproxyServer({ modules: mods, authorization: 'Basic ' + Buffer.from('u:cli-S3CRET').toString('base64') }).start();
    sumdbs = await new SumdbServer({ db }).start();
    stall = createServer(() => undefined);
    stall.on('connection', (s: Socket) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    await new Promise<void>((r) => stall.listen(0, '127.0.0.1', () => r()));
    stallPort = (stall.address() as AddressInfo).port;
  });

  after(async () => {
    setLanguage('en');
    await proxy.stop();
    await sumdbs.stop();
    for (const s of sockets) s.destroy();
    await new Promise<void>((r) => stall.close(() => r()));
    removeTree(tmp);
  });

  it('prints the DESIGN JSON shape and exits 0 when everything works; never prints credentials', async () => {
    const goproxy = `http://u:cli-S3CRET@127.0.0.1:${proxy.port},direct`;
    const r = await run(['--json', '--timeout-ms', '2000', '--mirrors', 'none', '--module', MOD], { GOPROXY: goproxy, GOSUMDB: `${db.verifierKey} ${sumdbs.url('db')}` });
    assert.equal(r.code, 0, r.out + r.err);
    const j = JSON.parse(r.out) as { probes: Array<Record<string, unknown>>; findings: unknown[]; recommendation: { best?: { target: string } } };
    assert.deepEqual(Object.keys(j).sort(), ['durationMs', 'findings', 'probes', 'recommendation']);
    assert.deepEqual(
      j.probes.map((p) => [p.target, p.kind, p.ok, p.stage, p.status]),
      [
        [`http://127.0.0.1:${proxy.port}`, 'proxy', true, 'done', 200],
        [sumdbs.url('db'), 'sumdb', true, 'done', 200],
      ],
    );
    for (const p of j.probes) {
      assert.deepEqual(Object.keys(p).sort(), ['kind', 'ms', 'ok', 'stage', 'status', 'target']);
      assert.equal(typeof p.ms, 'number');
    }
    assert.deepEqual(j.findings, []);
    assert.equal(j.recommendation.best?.target, `http://127.0.0.1:${proxy.port}`);
    assert.doesNotMatch(r.out + r.err, /cli-S3CRET/);
  });

  it('answers within the timeout for a stalled proxy and exits 1', async () => {
    const t0 = Date.now();
    const r = await run(['--json', '--timeout-ms', '800', '--mirrors', 'none', '--module', MOD], { GOPROXY: `http://127.0.0.1:${stallPort}`, GOSUMDB: 'off' });
    const elapsed = Date.now() - t0;
    assert.equal(r.code, 1);
    const j = JSON.parse(r.out) as { probes: Array<{ stage: string; ok: boolean; ms: number }>; findings: Array<{ code: string; severity: string; evidence: { stage: string } }> };
    assert.equal(j.probes[0].ok, false);
    assert.equal(j.probes[0].stage, 'http');
    assert.ok(j.probes[0].ms <= 880, `${j.probes[0].ms} ms`);
    assert.equal(j.findings[0].code, 'proxy.timeout');
    assert.equal(j.findings[0].severity, 'error');
    assert.equal(j.findings[0].evidence.stage, 'http');
    assert.ok(elapsed < 5000, `${elapsed} ms in all`);
  });

  it('prints a table, findings with fixes, and a recommendation, in Chinese too', async () => {
    setLanguage('zh-cn');
    const r = await run(['--timeout-ms', '800', '--mirrors', `http://u:cli-S3CRET@127.0.0.1:${proxy.port}`, '--module', MOD], {
      GOPROXY: `http://127.0.0.1:${stallPort}`,
      GOSUMDB: 'off',
    });
    assert.equal(r.code, 1);
    assert.match(r.out, /^目标\t类型\t结果\t阶段\t毫秒\t状态$/m);
    assert.match(r.out, /error proxy\.timeout: GOPROXY 条目 http:\/\/127\.0\.0\.1:\d+ 在 http 阶段/);
    assert.match(r.out, /→ 改用 http:\/\/127\.0\.0\.1:\d+/);
    assert.match(r.out, /从本机访问最快且正常的代理/);
    assert.doesNotMatch(r.out + r.err, /cli-S3CRET/);
  });

  it('rejects bad usage', async () => {
    await assert.rejects(run(['--timeout-ms', 'soon'], {}), UsageError);
    await assert.rejects(run(['--timeout-ms', '0'], {}), UsageError);
    await assert.rejects(run(['--bogus'], {}), UsageError);
    await assert.rejects(run(['extra'], {}), UsageError);
    await assert.rejects(run(['--format', 'xml'], {}), UsageError);
  });
});

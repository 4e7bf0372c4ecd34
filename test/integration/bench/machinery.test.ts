// The bench's moving parts on a tiny scale (not the bench itself): the proxy child serves stand-ins the real go
// accepts with the go.sum the bench writes, counts what was asked, holds "stalled" modules; the engine run used
// by scenario 2 reports every require; a capped program is reported as capped.
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { runTimed } from '../../../bench/lib/proc';
import { ProxyChild } from '../../../bench/lib/proxy';
import { goSandbox, removeTree, tempDir } from '../../../bench/lib/sandbox';
import { goSumOf, type StandIn } from '../../../bench/lib/standIns';
import { runModuleChecks } from '../../../bench/scenarios/largeGoMod';
import { goModText } from '../../../bench/scenarios/unreachableModule';

const MODULES: StandIn[] = [
  { path: 'example.com/bench/plain', version: 'v1.2.3' },
  { path: 'github.com/Example/Upper', version: 'v0.0.0-20230101000000-abcdefabcdef' },
  { path: 'example.com/bench/old', version: 'v2.0.0+incompatible' },
];
const STALLED = 'example.com/bench/stalled';

function status(url: string, timeoutMs: number): Promise<number | 'timeout'> {
  return new Promise((resolve, reject) => {
    const req = get(url, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.setTimeout(timeoutMs, () => {
      req.destroy();
      resolve('timeout');
    });
    req.on('error', reject);
  });
}

describe('bench machinery', function () {
  this.timeout(60_000);
  let proxy: ProxyChild | undefined;
  let ws = '';

  before(async () => {
    proxy = await ProxyChild.start({ modules: [...MODULES, { path: STALLED, version: 'v1.0.0' }], delayMs: 0, stalled: [STALLED] });
    ws = tempDir('smoke');
    writeFileSync(join(ws, 'go.mod'), goModText(MODULES));
    writeFileSync(join(ws, 'go.sum'), goSumOf(MODULES));
  });
  after(async () => {
    await proxy?.stop();
    if (ws) removeTree(ws);
  });

  it('go mod download accepts the stand-ins and the go.sum; the proxy counts its requests and connections', async () => {
    const sb = goSandbox('smoke-go', proxy!.url);
    try {
      await proxy!.reset();
      const r = await runTimed('go', ['mod', 'download'], { cwd: ws, env: sb.env, capMs: 30_000 });
      assert.equal(r.code, 0, r.stderr);
      const stats = await proxy!.stats();
      assert.equal(stats.versions, MODULES.length);
      assert.equal(stats.byKind.zip, MODULES.length, JSON.stringify(stats));
      assert.ok(stats.connections >= 1 && stats.connections <= stats.requests, JSON.stringify(stats));
    } finally {
      sb.remove();
    }
  });

  it('the engine run of scenario 2 decides every require, one .info each', async () => {
    const sb = goSandbox('smoke-ours', proxy!.url);
    try {
      const r = await runModuleChecks(join(ws, 'go.mod'), goModText(MODULES), sb.env, proxy!);
      assert.equal(r.reports, MODULES.length);
      assert.deepEqual(r.findings, []);
      assert.equal(r.stats.byKind.info, MODULES.length, JSON.stringify(r.stats));
      assert.ok(r.verdictsMs > 0 && r.verdictsMs <= r.doneMs);
    } finally {
      sb.remove();
    }
  });

  it('a stalled module is held while the others answer', async () => {
    assert.equal(await status(`${proxy!.url}/example.com/bench/plain/@v/v1.2.3.info`, 5_000), 200);
    assert.equal(await status(`${proxy!.url}/${STALLED}/@v/v1.0.0.info`, 300), 'timeout');
  });

  it('a program killed at the cap is reported as capped at the cap', async () => {
    const r = await runTimed('sleep', ['10'], { capMs: 200 });
    assert.equal(r.capped, true);
    assert.equal(r.ms, 200);
  });
});

// The progress line: only on a terminal, not before the delay, at most one rewrite per interval, cut to width,
// redacted, wiped by done() — and silent under --debug, whose whole lines it would garble.
import * as assert from 'node:assert/strict';
import type { CliIo } from '../../../src/cli/io';
import { ProgressLine } from '../../../src/cli/progress';

function harness(io: Partial<CliIo> = {}) {
  let now = 0;
  const writes: string[] = [];
  const cio: CliIo = { out: () => undefined, err: (s) => writes.push(s), env: {}, cwd: '/', isTTY: { err: true }, ...io };
  const p = new ProgressLine(cio, { delayMs: 300, intervalMs: 100, width: 20, now: () => now });
  return { p, writes, tick: (ms: number) => (now += ms) };
}

describe('progress line', () => {
  it('waits for the delay, throttles, cuts, redacts and wipes', () => {
    const { p, writes, tick } = harness();
    p.update('reading the environment');
    tick(299);
    p.update('still quick');
    assert.deepEqual(writes, [], 'a quick command shows nothing');
    tick(1);
    p.update('probing https://u:pw@proxy.example');
    assert.deepEqual(writes, ['\r\x1b[Kprobing https://***…']);
    tick(50);
    p.update('checking go.mod');
    assert.equal(writes.length, 1, 'not more often than the interval');
    tick(50);
    p.update('checking go.mod 2/2');
    assert.equal(writes.at(-1), '\r\x1b[Kchecking go.mod 2/2');
    p.done();
    assert.equal(writes.at(-1), '\r\x1b[K');
    p.done();
    assert.equal(writes.filter((w) => w === '\r\x1b[K').length, 1, 'wiped once');
  });

  it('shows the current step once the delay passes even without a new update', async () => {
    const writes: string[] = [];
    const p = new ProgressLine({ out: () => undefined, err: (s) => writes.push(s), env: {}, cwd: '/', isTTY: { err: true } }, { delayMs: 20 });
    p.update('probing 3 proxies');
    await new Promise((r) => setTimeout(r, 60));
    p.done();
    assert.deepEqual(writes, ['\r\x1b[Kprobing 3 proxies', '\r\x1b[K']);
  });

  it('writes nothing when stderr is not a terminal, or with --debug', () => {
    for (const io of [{ isTTY: { err: false, out: true } }, { isTTY: undefined }, { debug: true }]) {
      const { p, writes, tick } = harness(io);
      tick(1000);
      p.update('probing');
      p.done();
      assert.deepEqual(writes, [], JSON.stringify(io));
    }
  });
});

// Scenario 1: a GOPROXY that accepts the connection and never answers (test/support FaultServer, mode
// stall-accept). Ours: `gomod-doctor probe --json --timeout-ms 1000 --mirrors none` until it exits with its
// verdict. Go: `go mod download` on a go.mod that requires the fault module, killed at the cap (go has no time
// limit of its own here: it waits forever and prints nothing).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTestCerts, opensslAvailable } from '../../test/support/certs';
import { FAULT_MODULE, FaultServer } from '../../test/support/fault-server';
import type { BenchContext } from '../lib/context';
import { runTimed } from '../lib/proc';
import { goSandbox, removeTree, tempDir } from '../lib/sandbox';
import { median } from '../lib/stats';
import type { Row } from '../lib/table';

export const PROBE_TIMEOUT_MS = 1000;
/** go never answers and is killed at the cap: at least GO_CAP_MIN_MS and at least 35× our median verdict (so a
 *  ≥ 30× ratio can be shown at all), at most GO_CAP_MAX_MS. */
const GO_CAP_MIN_MS = 40_000;
const GO_CAP_MAX_MS = 90_000;
export function goCap(oursMedianMs: number): number {
  return Math.min(GO_CAP_MAX_MS, Math.max(GO_CAP_MIN_MS, Math.ceil((35 * oursMedianMs) / 1000) * 1000));
}

/** `whileGoWaits` runs other scenarios while go sits blocked on the stalled proxy (it uses no CPU then, and its
 *  figure is the cap whatever else happens), so the bench does not idle for the whole cap. */
export async function stalledProxyScenario(ctx: BenchContext, whileGoWaits: () => Promise<void> = async () => undefined): Promise<Row[]> {
  if (!opensslAvailable()) return [{ scenario: 1, metric: 'stalled proxy: time to verdict', skipped: 'openssl not found (test/support FaultServer needs it)' }];
  const certs = makeTestCerts();
  const fault = await new FaultServer(certs).start();
  const ws = tempDir('stalled');
  try {
    const stalled = fault.proxyUrl('stall-accept');
    const version = 'v1.0.0';
    writeFileSync(join(ws, 'go.mod'), `module example.com/bench/stalled\n\ngo 1.21\n\nrequire ${FAULT_MODULE} ${version}\n`);
    writeFileSync(join(ws, 'go.sum'), fault.modules.find((m) => m.version === version)!.gosum);
    ctx.log(`scenario 1: GOPROXY=${stalled} (accepts, never answers)`);

    const ours: number[] = [];
    const reported: number[] = [];
    let verdict = '';
    const n = ctx.quick ? 1 : 5;
    for (let i = 0; i < n; i++) {
      const sb = goSandbox('probe', stalled);
      try {
        const args = [ctx.cli, 'probe', '--json', '--timeout-ms', String(PROBE_TIMEOUT_MS), '--mirrors', 'none', '--module', FAULT_MODULE];
        const r = await runTimed(process.execPath, args, { cwd: ws, env: sb.env, capMs: 60_000 });
        const out = JSON.parse(r.stdout) as { findings: Array<{ code: string }>; durationMs: number };
        verdict = out.findings.map((f) => f.code).join(', ');
        if (!verdict.includes('proxy.timeout')) throw new Error(`probe gave no proxy.timeout verdict: ${verdict || r.stderr}`);
        ours.push(r.ms);
        reported.push(out.durationMs);
        ctx.log(`  ours run ${i + 1}: ${Math.round(r.ms)} ms wall, ${out.durationMs} ms in the engine, verdict ${verdict}`);
      } finally {
        sb.remove();
      }
    }

    const sb = goSandbox('go', stalled);
    const GO_CAP_MS = goCap(median(ours));
    let go;
    try {
      const goRun = runTimed('go', ['mod', 'download'], { cwd: ws, env: sb.env, capMs: GO_CAP_MS });
      ctx.log(`  go mod download started (cap ${GO_CAP_MS} ms); other scenarios run meanwhile`);
      try {
        await whileGoWaits();
      } finally {
        go = await goRun;
      }
      ctx.log(`  go mod download: ${go.capped ? `killed at ${GO_CAP_MS} ms` : `${Math.round(go.ms)} ms, exit ${go.code}`}, said: ${JSON.stringify(go.stderr.trim().slice(0, 200))}`);
    } finally {
      sb.remove();
    }
    const goFigure = { value: go.ms, unit: 'ms' as const, atLeast: go.capped };
    return [
      {
        scenario: 1,
        metric: 'stalled proxy: probe verdict, wall (node start incl.) vs go mod download',
        ours: { value: median(ours), unit: 'ms' },
        go: goFigure,
        runs: n,
        goal: { kind: 'ratio', value: 30 },
        note: `ours: gomod-doctor probe --timeout-ms ${PROBE_TIMEOUT_MS}, verdict ${verdict}; go: go mod download ${go.capped ? `printed nothing and was killed at ${GO_CAP_MS / 1000} s` : `exited ${go.code}: ${go.stderr.trim().split('\n').pop()}`}`,
      },
      {
        scenario: 1,
        metric: `stalled proxy: probe verdict inside the engine (durationMs), --timeout-ms ${PROBE_TIMEOUT_MS}`,
        ours: { value: median(reported), unit: 'ms' },
        runs: n,
        // "verdict ≤ timeout": one timeout, plus 10% for timers and scheduling — never a multiple of it.
        goal: { kind: 'max', value: PROBE_TIMEOUT_MS * 1.1 },
        note: `"verdict ≤ timeout" read as: the engine's own durationMs is within one --timeout-ms (+10% for timers on a loaded machine); process start is in the wall-time row above. go's cap: 35× our median wall time, at least ${GO_CAP_MIN_MS / 1000} s.`,
      },
    ];
  } finally {
    await fault.stop();
    certs.cleanup();
    removeTree(ws);
  }
}

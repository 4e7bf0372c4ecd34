// Scenario 3: one module among 300 whose proxy requests are accepted and never answered (the other 299 answer
// with 50 ms latency). Ours: the language server, from didOpen of the go.mod to the publishDiagnostics that
// carries module.unreachable on that module's require line — the squiggle. Go: `go mod download` on the same
// go.mod, killed at the cap (it waits forever on that module and names nothing).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchContext } from '../lib/context';
import { BenchServer, type Publish } from '../lib/lsp';
import { runTimed } from '../lib/proc';
import { ProxyChild } from '../lib/proxy';
import { goSandbox, removeTree, tempDir } from '../lib/sandbox';
import { goSumOf, type StandIn } from '../lib/standIns';
import { median } from '../lib/stats';
import type { Row } from '../lib/table';

const COUNT = 300;
const LATENCY_MS = 50;
const GO_CAP_MS = 30_000;
/** The language server's per-wait network timeout (its default; the extension sends none). */
const SERVER_TIMEOUT_MS = 5000;

export function moduleSet(count: number): { modules: StandIn[]; bad: StandIn } {
  const modules = Array.from({ length: count }, (_, i) => ({ path: `example.com/bench/m${String(i + 1).padStart(3, '0')}`, version: 'v1.0.0' }));
  return { modules, bad: modules[Math.floor(count / 2) - 1] };
}

export function goModText(modules: readonly StandIn[]): string {
  return `module example.com/bench/app\n\ngo 1.21\n\nrequire (\n${modules.map((m) => `\t${m.path} ${m.version}\n`).join('')})\n`;
}

export async function unreachableModuleScenario(ctx: BenchContext): Promise<Row[]> {
  const { modules, bad } = moduleSet(COUNT);
  ctx.log(`scenario 3: ${COUNT} requires, ${bad.path} never answered, the others with ${LATENCY_MS} ms latency`);
  const proxy = await ProxyChild.start({ modules, delayMs: LATENCY_MS, stalled: [bad.path] });
  const ws = tempDir('unreachable');
  try {
    const text = goModText(modules);
    const file = join(ws, 'go.mod');
    writeFileSync(file, text);
    writeFileSync(join(ws, 'go.sum'), goSumOf(modules));
    const badLine = text.split('\n').findIndex((l) => l.includes(bad.path));
    const hasVerdict = (p: Publish) => p.diagnostics.some((d) => d.code === 'module.unreachable' && d.range.start.line === badLine);

    const ours: number[] = [];
    let others = 0;
    const n = ctx.quick ? 1 : 3;
    for (let i = 0; i < n; i++) {
      const sb = goSandbox('lsp', proxy.url);
      await proxy.reset();
      const server = await BenchServer.start(ctx.cli, sb.env, join(sb.root, 'state'), ws);
      try {
        const r = await server.openAndWait(file, 'go.mod', text, hasVerdict, 60_000);
        others = r.publish.diagnostics.filter((d) => d.code?.startsWith('module.') && d.range.start.line !== badLine).length;
        ours.push(r.ms);
        ctx.log(`  ours run ${i + 1}: squiggle on line ${badLine + 1} after ${Math.round(r.ms)} ms (${others} module findings elsewhere)`);
      } finally {
        await server.stop();
        sb.remove();
      }
    }

    const sb = goSandbox('go', proxy.url);
    let go;
    try {
      await proxy.reset();
      go = await runTimed('go', ['mod', 'download'], { cwd: ws, env: sb.env, capMs: GO_CAP_MS });
      const named = go.stderr.includes(bad.path);
      ctx.log(`  go mod download: ${go.capped ? `killed at ${GO_CAP_MS} ms` : `${Math.round(go.ms)} ms, exit ${go.code}`}, named the module: ${named}`);
    } finally {
      sb.remove();
    }
    return [
      {
        scenario: 3,
        metric: `1 unreachable among ${COUNT}: didOpen → its squiggle vs go mod download`,
        ours: { value: median(ours), unit: 'ms' },
        go: { value: go.ms, unit: 'ms', atLeast: go.capped },
        runs: n,
        // The verdict is the server's per-wait timeout (5 s) after the request was sent, plus queueing behind the
        // other requires; go has no timeout at all.
        goal: { kind: 'max', value: SERVER_TIMEOUT_MS + 1000 },
        ownGoal: true,
        note: `module ${bad.path} is require #${COUNT / 2} of ${COUNT}; the server's network timeout is its default ${SERVER_TIMEOUT_MS} ms. go: ${go.capped ? `printed nothing about it and was killed at ${GO_CAP_MS / 1000} s` : `exited ${go.code}`}.`,
      },
    ];
  } finally {
    await proxy.stop();
    removeTree(ws);
  }
}

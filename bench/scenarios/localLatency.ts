// Scenario 4: local diagnostics (no network) on every go.mod of the corpus. Ours: parse + every local rule
// (diagnoseText, what the language server runs on each edit), in this process, and in the language server from
// didOpen to the first publishDiagnostics. Go: `go mod edit -json <file>` — the go command parsing the same file
// (process start included: that is what it costs to ask go about a go.mod).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagnoseText } from '../../src/core/diagnose/local';
import { localGoVersion } from '../../src/core/gocmd/run';
import type { BenchContext } from '../lib/context';
import { corpusGoMods, kubernetesGoMod } from '../lib/corpus';
import { BenchServer } from '../lib/lsp';
import { runTimed } from '../lib/proc';
import { goSandbox, tempDir, removeTree } from '../lib/sandbox';
import { median, percentile } from '../lib/stats';
import type { Row } from '../lib/table';

export async function localLatencyScenario(ctx: BenchContext): Promise<Row[]> {
  const files = corpusGoMods();
  if (files.length === 0) return [{ scenario: 4, metric: 'local diagnostics', skipped: 'no corpus go.mod files found' }];
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  const k8s = kubernetesGoMod();
  const sb = goSandbox('local', 'off');
  const ws = tempDir('local');
  try {
    const goVersion = await localGoVersion({ baseEnv: sb.env });
    // Each file under a name the server recognises (<n>/go.mod); the files themselves stay where they are.
    const virtual = files.map((_, i) => join(ws, String(i), 'go.mod'));
    ctx.log(`scenario 4: ${files.length} corpus go.mod files (go ${goVersion})`);

    // In process: a few warm-up passes, then the median of `runs` per file.
    const runs = ctx.quick ? 3 : 20;
    const perFile: number[] = [];
    for (let w = 0; w < 3; w++) texts.forEach((t, i) => diagnoseText('go.mod', t, { file: virtual[i], localGoVersion: goVersion }));
    for (let i = 0; i < files.length; i++) {
      const samples: number[] = [];
      for (let r = 0; r < runs; r++) {
        const s = performance.now();
        diagnoseText('go.mod', texts[i], { file: virtual[i], localGoVersion: goVersion });
        samples.push(performance.now() - s);
      }
      perFile.push(median(samples));
    }
    const k8sIndex = files.indexOf(k8s.file);

    // go mod edit -json: median of 3 per file.
    const goRuns = ctx.quick ? 1 : 3;
    const goPerFile: number[] = [];
    for (const f of files) {
      const samples: number[] = [];
      for (let r = 0; r < goRuns; r++) {
        const g = await runTimed('go', ['mod', 'edit', '-json', f], { cwd: ws, env: sb.env, capMs: 30_000 });
        if (g.code !== 0) throw new Error(`go mod edit -json ${f} failed: ${g.stderr}`);
        samples.push(g.ms);
      }
      goPerFile.push(median(samples));
    }

    // The language server: one session, each file opened (→ first publish = the local diagnostics) and closed.
    const server = await BenchServer.start(ctx.cli, sb.env, join(sb.root, 'state'), ws);
    const lsp: number[] = [];
    try {
      // Warm-up open: the server learns the go version and compiles its rules.
      await server.openAndWait(join(ws, 'warm', 'go.mod'), 'go.mod', texts[0], () => true, 30_000);
      server.close(join(ws, 'warm', 'go.mod'));
      await server.quiet(30, 2000);
      for (let i = 0; i < files.length; i++) {
        const r = await server.openAndWait(virtual[i], 'go.mod', texts[i], () => true, 30_000);
        lsp.push(r.ms);
        server.close(virtual[i]);
        // The next open meets an idle server, as a user's next file does (the closed file's network checks are
        // cancelled; GOPROXY=off makes them short anyway).
        await server.quiet(30, 1000);
      }
    } finally {
      await server.stop();
    }
    ctx.log(`  in process p50 ${percentile(perFile, 50).toFixed(2)} ms p95 ${percentile(perFile, 95).toFixed(2)} ms; lsp p50 ${percentile(lsp, 50).toFixed(1)} ms p95 ${percentile(lsp, 95).toFixed(1)} ms; go mod edit p50 ${percentile(goPerFile, 50).toFixed(1)} ms`);
    const n = files.length;
    const fig = (v: number) => ({ value: v, unit: 'ms' as const });
    return [
      { scenario: 4, metric: `parse + local rules, p50 over ${n} corpus go.mod (each median of ${runs}) vs go mod edit -json`, ours: fig(percentile(perFile, 50)), go: fig(percentile(goPerFile, 50)), goal: { kind: 'max', value: 5 }, ownGoal: true },
      { scenario: 4, metric: `parse + local rules, p95 over ${n} corpus go.mod vs go mod edit -json`, ours: fig(percentile(perFile, 95)), go: fig(percentile(goPerFile, 95)), goal: { kind: 'max', value: 10 }, ownGoal: true },
      ...(k8sIndex >= 0 ? [{ scenario: 4, metric: 'parse + local rules, kubernetes go.mod vs go mod edit -json', ours: fig(perFile[k8sIndex]), go: fig(goPerFile[k8sIndex]), goal: { kind: 'max' as const, value: 10 }, ownGoal: true }] : []),
      { scenario: 4, metric: `language server didOpen → publishDiagnostics, p50 over ${n} go.mod`, ours: fig(percentile(lsp, 50)), go: fig(percentile(goPerFile, 50)), goal: { kind: 'max', value: 50 }, ownGoal: true },
      { scenario: 4, metric: `language server didOpen → publishDiagnostics, p95 over ${n} go.mod`, ours: fig(percentile(lsp, 95)), go: fig(percentile(goPerFile, 95)), goal: { kind: 'max', value: 100 }, ownGoal: true },
    ];
  } finally {
    sb.remove();
    removeTree(ws);
  }
}

// `npm run bench` (`node out/bench/run.js` after a build): every scenario of the benchmark, one table (or
// `--json`: the same rows as JSON). Options: --only 1,3 runs some scenarios; --quick does one run per figure
// (for a smoke check, not for numbers). Progress goes to stderr.
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { runCleanups } from '../test/e2e/driver/processes';
import { cliBuilt, defaultContext, type BenchContext } from './lib/context';
import { removeAllTemp, removeTree } from './lib/sandbox';
import { parseOptions } from './lib/options';
import { buildReport, renderTable, type Row } from './lib/table';
import { editorHostScenario } from './scenarios/editorHost';
import { largeGoModScenario } from './scenarios/largeGoMod';
import { localLatencyScenario } from './scenarios/localLatency';
import { packageInStaging, sizeRows, type Packaged } from './scenarios/sizes';
import { stalledProxyScenario } from './scenarios/stalledProxy';
import { unreachableModuleScenario } from './scenarios/unreachableModule';

function goVersion(): string {
  try {
    return execFileSync('go', ['env', 'GOVERSION'], { encoding: 'utf8', env: { ...process.env, GOTOOLCHAIN: 'local' }, timeout: 30_000 }).trim();
  } catch {
    return '';
  }
}

/** Runs one scenario; a failure becomes a row that says so instead of ending the bench. */
async function guarded(scenario: number, name: string, ctx: BenchContext, fn: () => Promise<Row[]>): Promise<Row[]> {
  try {
    return await fn();
  } catch (err) {
    ctx.log(`scenario ${scenario} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return [{ scenario, metric: name, skipped: `error: ${(err instanceof Error ? err.message : String(err)).split('\n')[0].slice(0, 200)}` }];
  }
}

async function main(): Promise<number> {
  const opts = parseOptions(process.argv.slice(2));
  const ctx = defaultContext(opts.quick);
  if (!cliBuilt(ctx)) {
    process.stderr.write(`bench: ${ctx.cli} is missing: run npm run build first (npm run bench does)\n`);
    return 2;
  }
  const go = goVersion();
  if (!go) {
    process.stderr.write('bench: go could not be run (it is on PATH on these machines: /usr/local/go/bin)\n');
    return 2;
  }
  const want = (n: number) => !opts.only || opts.only.has(n);
  const startedAt = new Date();
  const started = performance.now();
  const machine = { cpus: cpus().length, cpu: cpus()[0]?.model ?? '', node: process.version, go, loadavg1m: Number(loadavg()[0].toFixed(2)) };
  ctx.log(`machine: ${JSON.stringify(machine)}`);
  const rows: Row[] = [];
  let packaged = undefined as Packaged | undefined;
  // Scenario 1's go run only waits on a stalled socket until its cap: scenarios 4, 6 and 5 run in that time.
  const meanwhile = async () => {
    if (want(4)) rows.push(...(await guarded(4, 'local diagnostics', ctx, () => localLatencyScenario(ctx))));
    if (want(6) || want(5)) {
      ctx.log('scenario 6: production bundles and .vsix in a staging folder');
      const sizes = await guarded(6, 'package size', ctx, async () => {
        packaged = await packageInStaging(ctx);
        return sizeRows(packaged);
      });
      if (want(6)) rows.push(...sizes);
    }
    if (want(5)) rows.push(...(await guarded(5, 'extension host', ctx, () => editorHostScenario(ctx, packaged?.vsix))));
  };
  try {
    if (want(2)) rows.push(...(await guarded(2, 'kubernetes go.mod', ctx, () => largeGoModScenario(ctx))));
    if (want(3)) rows.push(...(await guarded(3, 'one unreachable module among 300', ctx, () => unreachableModuleScenario(ctx))));
    let ranMeanwhile = false;
    if (want(1)) {
      rows.push(
        ...(await guarded(1, 'stalled proxy', ctx, () =>
          stalledProxyScenario(ctx, async () => {
            ranMeanwhile = true;
            await meanwhile();
          }),
        )),
      );
    }
    if (!ranMeanwhile) await meanwhile();
  } finally {
    if (packaged) removeTree(packaged.staging);
  }
  rows.sort((a, b) => a.scenario - b.scenario);
  const report = buildReport(rows, startedAt, performance.now() - started, machine);
  if (opts.json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  else {
    process.stdout.write(`Go Mod Doctor bench — ${report.startedAt}, ${machine.cpus} × ${machine.cpu}, node ${machine.node}, ${go}, load ${machine.loadavg1m}\n\n`);
    process.stdout.write(renderTable(report.rows));
    process.stdout.write(`\ntotal ${(report.durationMs / 1000).toFixed(0)} s\n`);
  }
  return 0;
}

async function interrupted(signal: string): Promise<void> {
  process.stderr.write(`bench: ${signal}, cleaning up\n`);
  await runCleanups(() => undefined).catch(() => undefined);
  removeAllTemp();
  process.exit(130);
}

if (require.main === module) {
  process.once('SIGINT', () => void interrupted('SIGINT'));
  process.once('SIGTERM', () => void interrupted('SIGTERM'));
  main().then(
    (code) => {
      removeAllTemp();
      process.exitCode = code;
      // Pooled sockets or a stray timer must not keep the bench alive after its table.
      setTimeout(() => process.exit(code), 500).unref();
    },
    (err: unknown) => {
      removeAllTemp();
      process.stderr.write(`bench: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 2;
    },
  );
}

// Scenario 5: the packaged extension (scenario 6's .vsix) installed into code-server — the real VS Code — with
// the kubernetes workspace open in Chromium, GOPROXY pointing at the stand-in proxy of scenario 2. Reuses the
// e2e driver (test/e2e/driver) to sandbox, install, start code-server and Chromium and run a module in the host;
// bench/host measures inside the host. Needs code-server (node scripts/ensure-code-server.mjs) and Chromium;
// without them the rows say "skipped" and why.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { baseSettings, installVsix, makeSandbox, startCodeServer, writeSettings } from '../../test/e2e/driver/codeServer';
import { processesMentioning, runCleanups } from '../../test/e2e/driver/processes';
import { chromiumPath, launchBrowser, runSuiteInWorkbench } from '../../test/e2e/driver/workbench';
import type { HostFigures } from '../host';
import type { BenchContext } from '../lib/context';
import { kubernetesGoMod, repoRoot, writeKubernetesWorkspace } from '../lib/corpus';
import { ProxyChild } from '../lib/proxy';
import { STATS_PATH } from '../lib/proxyHost';
import { BenchServer } from '../lib/lsp';
import { goSandbox, removeTree, tempDir, type GoSandbox } from '../lib/sandbox';
import { median } from '../lib/stats';
import type { Row } from '../lib/table';
import { LATENCY_MS } from './largeGoMod';

const EXTENSION_ID = 'gomod-doctor.gomod-doctor';
const METRICS = ['extension activation (activate() in the host)', 'language server start (activate → server ready)', 'language server RSS, kubernetes go.mod open, checks done (peak)'];

function skippedRows(why: string): Row[] {
  return METRICS.map((metric) => ({ scenario: 5, metric, skipped: why }));
}

/** The code-server entry when scripts/ensure-code-server.mjs has installed it; never installs anything. */
async function installedCodeServer(): Promise<string | undefined> {
  const script = join(repoRoot, 'scripts', 'ensure-code-server.mjs');
  if (!existsSync(script)) return undefined;
  const m = (await import(pathToFileURL(script).href)) as { installDir(): string; entryFile(dir: string): string };
  const dir = m.installDir();
  const entry = m.entryFile(dir);
  return existsSync(join(dir, '.gomod-doctor-installed')) && existsSync(entry) ? entry : undefined;
}

/** "Activated in …" and "Language server started." in the extension's log channel file: ms between them. */
function serverStartFromLog(root: string, activationMs: number): number | undefined {
  const logs: string[] = [];
  const walk = (d: string, depth: number): void => {
    if (depth > 8) return;
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const st = statSync(p, { throwIfNoEntry: false });
      if (st?.isDirectory()) walk(p, depth + 1);
      else if (name.endsWith('Go Mod Doctor.log')) logs.push(p);
    }
  };
  walk(root, 0);
  const stamp = (line: string | undefined) => {
    const m = line && /^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3})/.exec(line);
    return m ? Date.parse(m[1].replace(' ', 'T')) : undefined;
  };
  for (const log of logs) {
    const lines = readFileSync(log, 'utf8').split('\n');
    const activated = stamp(lines.find((l) => /Activated in/.test(l)));
    const started = stamp(lines.find((l) => /Language server started/.test(l)));
    // The server start began inside activate(): count from activate()'s start.
    if (activated !== undefined && started !== undefined) return started - activated + activationMs;
  }
  return undefined;
}

/** The server alone, as any editor starts it: spawn `gomod-doctor lsp --stdio` → `initialize` answered. Needs no
 *  code-server, so it is measured on every machine (repeatable, unlike the one start in the host). */
export async function stdioServerStart(ctx: BenchContext, toRemove: GoSandbox[]): Promise<Row> {
  const n = ctx.quick ? 1 : 5;
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    // Removed by the caller later: the server's `go env GOVERSION` may outlive the stopped server for a moment
    // and would write go's telemetry files into a removed HOME again.
    const sb = goSandbox('lsp-start', 'off');
    toRemove.push(sb);
    const started = performance.now();
    const server = await BenchServer.start(ctx.cli, sb.env, join(sb.root, 'state'), sb.root);
    samples.push(performance.now() - started);
    await server.stop();
  }
  ctx.log(`  stdio server start: ${samples.map((s) => Math.round(s)).join(', ')} ms`);
  return { scenario: 5, metric: 'language server start over stdio (spawn → initialize answered)', ours: { value: median(samples), unit: 'ms' }, runs: n, goal: { kind: 'max', value: 1000 }, ownGoal: true };
}

export async function editorHostScenario(ctx: BenchContext, vsix: string | undefined): Promise<Row[]> {
  const sandboxes: GoSandbox[] = [];
  try {
    const stdio = await stdioServerStart(ctx, sandboxes);
    const stdioDone = performance.now();
    const host = await inHost(ctx, vsix);
    await new Promise((r) => setTimeout(r, Math.max(0, 2000 - (performance.now() - stdioDone))));
    return [...host, stdio];
  } finally {
    for (const sb of sandboxes) sb.remove();
  }
}

async function inHost(ctx: BenchContext, vsix: string | undefined): Promise<Row[]> {
  const entry = await installedCodeServer();
  if (!entry) return skippedRows('code-server is not installed (node scripts/ensure-code-server.mjs installs it)');
  try {
    chromiumPath();
  } catch (err) {
    return skippedRows((err as Error).message);
  }
  if (!vsix) return skippedRows('no .vsix (scenario 6 failed)');

  const k = kubernetesGoMod();
  ctx.log(`scenario 5: code-server + Chromium, kubernetes workspace, ${k.network.length} stand-ins at ${LATENCY_MS} ms`);
  const proxy = await ProxyChild.start({ modules: k.network, delayMs: LATENCY_MS });
  const tmp = tempDir('host');
  try {
    const workspace = join(tmp, 'workspace');
    writeKubernetesWorkspace(workspace, k);
    const sandbox = makeSandbox(tmp);
    const results = join(tmp, 'host-results.json');
    Object.assign(sandbox.env, {
      GOPROXY: proxy.url,
      GOSUMDB: 'off',
      GOFLAGS: '-modcacherw',
      GOMOD_DOCTOR_BENCH_RESULTS: results,
      GOMOD_DOCTOR_BENCH_STATS: proxy.url + STATS_PATH,
      HTTP_PROXY: '',
      HTTPS_PROXY: '',
      http_proxy: '',
      https_proxy: '',
    });
    writeSettings(sandbox, baseSettings('Default Dark Modern'));
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    await installVsix(entry, sandbox, vsix);
    const extensionDir = join(sandbox.extensions, `${EXTENSION_ID}-${pkg.version}`);
    const server = await startCodeServer(entry, sandbox);
    const wb = await launchBrowser(tmp);
    const run = await runSuiteInWorkbench(wb, server.origin, workspace, extensionDir, join(__dirname, '..', 'host'), 180_000, () => undefined);
    if (!existsSync(results)) throw new Error(`the host module wrote no results (exit ${run.exitCode}): ${run.log.slice(-5).join(' | ')}`);
    const f = JSON.parse(readFileSync(results, 'utf8')) as HostFigures;
    if (f.error) throw new Error(`in the host: ${f.error}`);
    const startMs = f.serverReadyMs ?? (f.activationMs !== undefined ? serverStartFromLog(sandbox.userData, f.activationMs) : undefined);
    ctx.log(`  host: ${JSON.stringify(f)}; server start ${startMs} ms`);
    const checks = `module checks settled ${Math.round(f.checksSettledMs ?? NaN)} ms after opening go.mod (${f.proxyRequests} proxy requests)`;
    return [
      { scenario: 5, metric: METRICS[0], ours: f.activationMs !== undefined ? { value: f.activationMs, unit: 'ms' } : undefined, skipped: f.activationMs === undefined ? 'no activation time' : undefined, goal: { kind: 'max', value: 100 }, ownGoal: true },
      {
        scenario: 5,
        metric: METRICS[1],
        ours: startMs !== undefined ? { value: startMs, unit: 'ms' } : undefined,
        skipped: startMs === undefined ? 'no server start time (log line not found)' : undefined,
        goal: { kind: 'max', value: 1000 },
        ownGoal: true,
        note: f.serverReadyMs !== undefined ? 'timed in the host around ext.activate()' : "from the timestamps of the extension's log lines 'Activated in …' and 'Language server started.' (ms resolution)",
      },
      {
        scenario: 5,
        metric: METRICS[2],
        ours: f.server ? { value: f.server.peakRssBytes, unit: 'bytes' } : undefined,
        skipped: f.server ? undefined : 'server process not found',
        goal: { kind: 'max', value: 150 * 1024 * 1024 },
        ownGoal: true,
        note: f.server ? `VmHWM of pid ${f.server.pid} (VmRSS then ${(f.server.rssBytes / 1048576).toFixed(1)} MB); ${checks}` : undefined,
      },
    ];
  } finally {
    await runCleanups((m) => ctx.log(m));
    for (const p of processesMentioning(tmp)) {
      try {
        process.kill(p.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    await proxy.stop();
    removeTree(tmp);
  }
}

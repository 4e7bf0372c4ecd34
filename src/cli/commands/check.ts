// `gomod-doctor check [dir]`: every go.mod, go.work and go.sum below dir, checked as the editor checks them, with
// the environment, the probes (unless --offline) and the caches that every module download depends on.
import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { Finding } from '../../core/finding';
import { inspectCaches, type CacheInspection } from '../../core/cache';
import { diagnoseText, moduleFileKind } from '../../core/diagnose/local';
import { findModuleFiles } from '../../core/diagnose/moduleFiles';
import { diagnoseModules } from '../../core/diagnose/modules';
import { ModuleSourceClient } from '../../core/diagnose/modules/source';
import { resolveGoBinary } from '../../core/gocmd/find';
import { localGoVersion } from '../../core/gocmd/run';
import { lintEnv } from '../../core/goenv/lint';
import { loadEffectiveEnv } from '../../core/goenv/load';
import { routeEnvOf } from '../../core/goenv/route';
import { KNOWN_PUBLIC_MIRRORS } from '../../core/net/mirrors';
import { runProbes } from '../../core/net/probe';
import { envToJson } from '../../core/goenv/report';
import { t } from '../../core/i18n';
import { cacheState, osInfo } from '../../core/report/context';
import { redactSecrets } from '../../core/report/redact';
import { renderMarkdown } from '../../core/report/markdown';
import { renderSarif } from '../../core/report/sarif';
import { displayPath, renderTextReport } from '../../core/report/text';
import { parseArgs, stringFlag } from '../args';
import { mirrorsFlag } from './probe';
import { colorEnabled, debugLog, UsageError, type CliIo } from '../io';
import { ProgressLine } from '../progress';
import { VERSION } from '../version';

const formats = ['text', 'json', 'markdown', 'sarif'] as const;

/** Reading the module cache's layout stops after this long: a check never walks a whole large cache. */
const CACHE_BUDGET_MS = 1500;

function positiveNumber(args: ReturnType<typeof parseArgs>, name: string): number | undefined {
  const v = stringFlag(args, name);
  if (v === undefined) return undefined;
  if (!/^[1-9][0-9]*$/.test(v)) throw new UsageError(t('cli.bad-number', { option: `--${name}`, value: v }));
  return Number(v);
}

/** Reports name paths relative to where the user stands when the checked tree is below it (repository-relative
 * in CI, as code scanning needs), else relative to the checked directory. */
function reportBase(cwd: string, dir: string): string {
  const rel = relative(cwd, dir);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel)) ? cwd : dir;
}

export async function runCheckCommand(argv: string[], io: CliIo): Promise<number> {
  const started = performance.now();
  const lap = (what: string) => debugLog(io, `${what} after ${Math.round(performance.now() - started)} ms`);
  const args = parseArgs(argv, { format: 'value', json: 'bool', offline: 'bool', go: 'value', 'timeout-ms': 'value', concurrency: 'value', mirrors: 'value' });
  const format = args.flags.has('json') ? 'json' : (stringFlag(args, 'format') ?? 'text');
  if (!(formats as readonly string[]).includes(format)) {
    throw new UsageError(t('cli.bad-format', { format, allowed: formats.join('|') }));
  }
  if (args.positionals.length > 1) throw new UsageError(t('cli.unknown-option', { option: args.positionals[1] }));
  const dir = resolve(io.cwd, args.positionals[0] ?? '.');
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) throw new UsageError(t('cli.not-a-directory', { dir }));
  const timeoutMs = positiveNumber(args, 'timeout-ms');
  const concurrency = positiveNumber(args, 'concurrency');
  const offline = args.flags.has('offline');
  const mirrors = mirrorsFlag(stringFlag(args, 'mirrors')) ?? [...KNOWN_PUBLIC_MIRRORS];

  const progress = new ProgressLine(io);
  try {
    progress.update(t('cli.progress.env'));
    const goPath = resolveGoBinary({ explicit: stringFlag(args, 'go'), env: io.env })?.path;
    const goVersion = goPath ? await localGoVersion({ goPath, baseEnv: io.env, cwd: dir }) : undefined;
    const { env } = await loadEffectiveEnv({ goPath, env: io.env, cwd: dir });
    lap(`go ${goVersion ?? 'not found'} (${goPath ?? '-'}), environment read`);

    // Probes run unless --offline; their findings (proxy.*, sumdb.*) also sharpen the env lint (a comma after an
    // unreachable proxy stops go).
    let probeReport: Awaited<ReturnType<typeof runProbes>> | undefined;
    if (!offline) {
      progress.update(t('cli.progress.probes', { count: mirrors.length + (env.values.GOPROXY ?? '').split(/[,|]/).filter((e) => e.includes('://')).length }));
      probeReport = await runProbes({ env: routeEnvOf(env.values), mirrors }, { timeoutMs, concurrency, env: io.env });
      lap(`${probeReport.probes.length} probes done`);
    }
    const unreachableProxies = probeReport?.proxies.filter((p) => p.configured && !p.ok && p.status === undefined).map((p) => p.url);
    const envFindings = lintEnv(env, { unreachableProxies });

    // The caches the go command would use, where it says they are; only when go runs (else their places are unknown).
    let cache: CacheInspection | undefined;
    if (goVersion) {
      progress.update(t('cli.progress.cache'));
      const v = env.values;
      cache = await inspectCaches({ GOMODCACHE: v.GOMODCACHE, GOCACHE: v.GOCACHE, GOPATH: v.GOPATH, GOFLAGS: v.GOFLAGS }, { budgetMs: CACHE_BUDGET_MS });
      lap('caches inspected');
    }

    const files = findModuleFiles(dir);
    // Cache notes (a missing cache, read-only module dirs, a lock held right now) are normal; only problems join.
    const cacheProblems = (cache?.findings ?? []).filter((f) => f.severity === 'error' || f.severity === 'warning');
    const findings: Finding[] = [...envFindings, ...(probeReport?.findings ?? []), ...cacheProblems];
    // One client for all files: a module version required by several go.mod files is asked for once.
    const client = offline ? undefined : new ModuleSourceClient({ timeoutMs, concurrency, env: io.env });
    try {
      for (const [i, file] of files.entries()) {
        progress.update(t('cli.progress.file', { file: displayPath(dir, file), n: i + 1, total: files.length }));
        let text: string;
        try {
          text = readFileSync(file, 'utf8');
        } catch (err) {
          progress.done();
          io.err(t('cli.cannot-read', { file, reason: (err as NodeJS.ErrnoException).code ?? String(err) }) + '\n');
          continue;
        }
        const kind = moduleFileKind(file)!;
        findings.push(...diagnoseText(kind, text, { file, localGoVersion: goVersion }));
        if (client && kind !== 'go.sum') {
          const result = await diagnoseModules({ file, kind, text }, { env: env.values, resolved: env, client, mirrors });
          findings.push(...result.findings);
        }
      }
    } finally {
      client?.close();
    }
    lap(`${files.length} module files checked`);
    progress.done();

    const base = reportBase(io.cwd, dir);
    const durationMs = Math.round(performance.now() - started);
    const envJson = envToJson(env, envFindings, { path: goPath, version: goVersion });
    // Every format leaves through redaction: findings may quote GOPROXY URLs or error texts with credentials.
    const out = (s: string) => io.out(redactSecrets(s));
    if (format === 'json') {
      const report = {
        version: VERSION,
        go: { path: goPath ?? null, version: goVersion ? `go${goVersion}` : null },
        env: envJson.vars,
        probes: probeReport?.probes ?? [],
        findings,
        durationMs,
        // Additions to the DESIGN §3 shape.
        os: osInfo(),
        cache: cache ? cacheState(cache) : null,
      };
      out(JSON.stringify(report, null, 2) + '\n');
    } else if (format === 'sarif') {
      const anchorFile = [join(dir, 'go.mod'), join(dir, 'go.work')].find((f) => files.includes(f)) ?? files.find((f) => moduleFileKind(f) !== 'go.sum');
      out(renderSarif(findings, base, VERSION, { anchorFile }));
    } else if (format === 'markdown') {
      out(
        renderMarkdown({
          toolVersion: VERSION,
          goVersion,
          goPath,
          baseDir: base,
          findings,
          fileCount: files.length,
          durationMs,
          env: { envFile: envJson.envFile, vars: envJson.vars },
          probes: probeReport?.probes,
          cache: cache ? cacheState(cache) : undefined,
        }),
      );
    } else {
      if (files.length === 0) io.err(t('cli.no-files', { dir }) + '\n');
      out(renderTextReport(findings, { baseDir: base, cwd: io.cwd, fileCount: files.length, color: colorEnabled(io, 'out') }));
    }
    return findings.some((f) => f.severity === 'error') ? 1 : 0;
  } finally {
    progress.done();
  }
}

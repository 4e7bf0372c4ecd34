// `gomod-doctor check [dir]`: every go.mod, go.work and go.sum below dir, checked as the editor checks them.
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Finding } from '../../core/finding';
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
import { redactSecrets } from '../../core/report/redact';
import { renderMarkdown } from '../../core/report/markdown';
import { renderSarif } from '../../core/report/sarif';
import { renderFindingsText } from '../../core/report/text';
import { parseArgs, stringFlag } from '../args';
import { mirrorsFlag } from './probe';
import { UsageError, type CliIo } from '../io';
import { VERSION } from '../version';

const formats = ['text', 'json', 'markdown', 'sarif'] as const;

function positiveNumber(args: ReturnType<typeof parseArgs>, name: string): number | undefined {
  const v = stringFlag(args, name);
  if (v === undefined) return undefined;
  if (!/^[1-9][0-9]*$/.test(v)) throw new UsageError(t('cli.bad-number', { option: `--${name}`, value: v }));
  return Number(v);
}

export async function runCheckCommand(argv: string[], io: CliIo): Promise<number> {
  const started = performance.now();
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

  const goPath = resolveGoBinary({ explicit: stringFlag(args, 'go'), env: io.env })?.path;
  const goVersion = goPath ? await localGoVersion({ goPath, baseEnv: io.env, cwd: dir }) : undefined;
  const { env } = await loadEffectiveEnv({ goPath, env: io.env, cwd: dir });
  const timeoutMs = positiveNumber(args, 'timeout-ms');
  const concurrency = positiveNumber(args, 'concurrency');
  // Probes run unless --offline; their findings (proxy.*, sumdb.*) also sharpen the env lint (a comma after an
  // unreachable proxy stops go).
  const mirrors = mirrorsFlag(stringFlag(args, 'mirrors')) ?? [...KNOWN_PUBLIC_MIRRORS];
  const probeReport = args.flags.has('offline')
    ? undefined
    : await runProbes({ env: routeEnvOf(env.values), mirrors }, { timeoutMs, concurrency, env: io.env });
  const unreachableProxies = probeReport?.proxies.filter((p) => p.configured && !p.ok && p.status === undefined).map((p) => p.url);
  const envFindings = lintEnv(env, { unreachableProxies });
  const files = findModuleFiles(dir);
  const findings: Finding[] = [...envFindings, ...(probeReport?.findings ?? [])];
  // One client for all files: a module version required by several go.mod files is asked for once.
  const client = args.flags.has('offline') ? undefined : new ModuleSourceClient({ timeoutMs, concurrency, env: io.env });
  try {
    for (const file of files) {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (err) {
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

  // Every format leaves through redaction: findings may quote GOPROXY URLs or error texts with credentials.
  const out = (s: string) => io.out(redactSecrets(s));
  if (format === 'json') {
    const report = {
      version: VERSION,
      go: { path: goPath ?? null, version: goVersion ? `go${goVersion}` : null },
      env: envToJson(env, envFindings, { path: goPath, version: goVersion }).vars,
      probes: probeReport?.probes ?? [],
      findings,
      durationMs: Math.round(performance.now() - started),
    };
    out(JSON.stringify(report, null, 2) + '\n');
  } else if (format === 'sarif') {
    out(renderSarif(findings, dir, VERSION));
  } else if (format === 'markdown') {
    out(renderMarkdown({ toolVersion: VERSION, goVersion, baseDir: dir, findings }));
  } else {
    if (files.length === 0) io.err(t('cli.no-files', { dir }) + '\n');
    out(renderFindingsText(findings, dir, files.length));
  }
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}

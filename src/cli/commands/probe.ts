// `gomod-doctor probe`: probes every GOPROXY entry, the known public mirrors and the checksum database, and prints
// the stages that failed, the findings and the fastest healthy proxy. JSON shape: DESIGN.md §3.
import type { Finding } from '../../core/finding';
import { loadEffectiveEnv } from '../../core/goenv/load';
import { routeEnvOf } from '../../core/goenv/route';
import { t } from '../../core/i18n';
import { runProbes, type ProbeReport } from '../../core/net/probe';
import { KNOWN_PUBLIC_MIRRORS } from '../../core/net/mirrors';
import { redactSecrets } from '../../core/report/redact';
import { parseArgs, stringFlag } from '../args';
import { UsageError, type CliIo } from '../io';
import { ProgressLine } from '../progress';

function positiveInt(args: ReturnType<typeof parseArgs>, name: string): number | undefined {
  const v = stringFlag(args, name);
  if (v === undefined) return undefined;
  if (!/^[1-9][0-9]*$/.test(v) || !Number.isSafeInteger(Number(v))) throw new UsageError(t('net.cli.bad-number', { option: `--${name}`, value: v }));
  return Number(v);
}

/** `--mirrors URL,...|none`: the public mirrors to compare with (default: the known ones). */
export function mirrorsFlag(v: string | undefined): string[] | undefined {
  if (v === undefined) return undefined;
  if (v === 'none' || v === '') return [];
  return v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function renderText(report: ProbeReport): string {
  const lines: string[] = [t('net.cli.header')];
  for (const p of report.probes) {
    const result = p.ok ? t('net.cli.ok') : t('net.cli.failed');
    lines.push([p.target, p.kind, result, p.stage, String(p.ms), p.status !== undefined ? String(p.status) : '-'].join('\t'));
  }
  lines.push('');
  for (const f of report.findings) {
    lines.push(`${f.severity} ${f.code}: ${f.message}`);
    for (const x of f.fixes ?? []) lines.push(`    → ${x.title}`);
  }
  const rec = report.recommendation;
  if (rec.best && rec.keep) lines.push(t('net.cli.keep', { mirror: rec.best.target, ms: rec.best.ms }));
  else if (rec.best) lines.push(t('net.cli.recommend', { mirror: rec.best.target, ms: rec.best.ms, value: rec.goproxy ?? '' }));
  else if (report.probes.some((p) => p.kind === 'proxy')) lines.push(t('net.cli.no-healthy'));
  const count = (s: Finding['severity']) => report.findings.filter((f) => f.severity === s).length;
  const errors = count('error');
  const warnings = count('warning');
  lines.push(t('net.cli.summary', { errors, warnings, others: report.findings.length - errors - warnings, ms: report.durationMs }));
  return redactSecrets(lines.join('\n')) + '\n';
}

export async function runProbeCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, {
    json: 'bool',
    format: 'value',
    'timeout-ms': 'value',
    'overall-ms': 'value',
    concurrency: 'value',
    mirrors: 'value',
    module: 'value',
    go: 'value',
  });
  if (args.positionals.length > 0) throw new UsageError(t('net.cli.usage'));
  const format = args.flags.has('json') ? 'json' : (stringFlag(args, 'format') ?? 'text');
  if (format !== 'json' && format !== 'text') throw new UsageError(t('net.cli.usage'));
  const timeoutMs = positiveInt(args, 'timeout-ms');
  const overallTimeoutMs = positiveInt(args, 'overall-ms');
  const concurrency = positiveInt(args, 'concurrency');
  const mirrors = mirrorsFlag(stringFlag(args, 'mirrors')) ?? [...KNOWN_PUBLIC_MIRRORS];
  const module = stringFlag(args, 'module');

  const { env } = await loadEffectiveEnv({ env: io.env, cwd: io.cwd, goPath: stringFlag(args, 'go') });
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  // Only on a terminal, and only when the probes take a while (a stalled proxy waits out --timeout-ms).
  const progress = new ProgressLine(io);
  progress.update(t('cli.progress.probes', { count: (env.values.GOPROXY ?? '').split(/[,|]/).filter((e) => e.includes('://')).length + mirrors.length }));
  let report: ProbeReport;
  try {
    report = await runProbes(
      { env: routeEnvOf(env.values), mirrors, module },
      { timeoutMs, overallTimeoutMs, concurrency, env: io.env, signal: controller.signal },
    );
  } finally {
    progress.done();
    process.off('SIGINT', onSigint);
  }
  if (report.error) throw new Error(report.error);
  if (report.probes.length === 0 && format === 'text') io.err(t('net.cli.nothing') + '\n');
  if (format === 'json') {
    const out = { probes: report.probes, findings: report.findings, recommendation: report.recommendation, durationMs: report.durationMs };
    io.out(redactSecrets(JSON.stringify(out, null, 2)) + '\n');
  } else io.out(renderText(report));
  return report.findings.some((f) => f.severity === 'error') ? 1 : 0;
}

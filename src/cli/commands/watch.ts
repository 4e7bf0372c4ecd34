// `gomod-doctor watch [--stall-ms N] [--timeout-ms N] [--json] [--verbose] -- go <args>`: runs go under the
// watchdog. go's output streams through (the -x trace we add is hidden unless asked for); a stall is printed the
// moment it is seen, with the URL the go command waits on, and that proxy is probed right away (bounded). Exit
// status: go's own, 124 on timeout, 130 when interrupted.
import path from 'node:path';
import type { Finding } from '../../core/finding';
import { t } from '../../core/i18n';
import { classifyUrl } from '../../core/diagnose/explain/urls';
import { GoNotFoundError } from '../../core/gocmd/run';
import { watchGo, type StallInfo } from '../../core/gocmd/watch';
import { isTraceLine } from '../../core/gocmd/xtrace';
import { probeOneProxy } from '../../core/net';
import { redactSecrets } from '../../core/report/redact';
import { parseArgs, stringFlag } from '../args';
import { colorEnabled, UsageError, type CliIo } from '../io';
import { VERSION } from '../version';
import { renderExplainText } from './explain';

function positiveInt(args: ReturnType<typeof parseArgs>, name: string, fallback: number): number {
  const raw = stringFlag(args, name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(t('x.cli.bad-number', { option: `--${name}`, value: raw }));
  return n;
}

/** Probes the proxy behind a stalled URL, bounded by timeoutMs; undefined when it is not a proxy URL. */
async function probeStall(s: StallInfo, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<{ line: string; findings: Finding[] } | undefined> {
  if (s.kind !== 'proxy' || !s.url) return undefined;
  const facts = classifyUrl(s.url);
  if (!facts.base || facts.base.startsWith('file:')) return undefined;
  const { result, findings } = await probeOneProxy(facts.base, { module: facts.module, timeoutMs, overallTimeoutMs: timeoutMs * 2, env });
  const target = redactSecrets(result.target);
  const line = result.ok
    ? t('x.cli.probe-ok', { target, stage: result.stage, ms: result.ms })
    : t('x.cli.probe-failed', { target, stage: result.stage, ms: result.ms, kind: result.failure?.kind ?? '?' });
  return { line, findings };
}

export async function runWatchCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { 'stall-ms': 'value', 'timeout-ms': 'value', json: 'bool', verbose: 'bool', go: 'value', 'probe-ms': 'value', help: 'bool' });
  if (args.flags.has('help')) {
    // main answers --help itself; this stays for callers that run the command directly.
    io.out(t('cli.help.watch') + '\n');
    return 0;
  }
  const [program, ...goArgs] = args.positionals;
  if (!program || !/^go(\.exe)?$/i.test(path.basename(program)) || goArgs.length === 0) throw new UsageError(t('x.cli.usage-watch'));
  const stallMs = positiveInt(args, 'stall-ms', 10_000);
  const timeoutMs = positiveInt(args, 'timeout-ms', 10 * 60_000);
  const probeMs = positiveInt(args, 'probe-ms', Math.min(5000, Math.max(1000, stallMs)));
  const json = args.flags.has('json');
  const showTrace = args.flags.has('verbose') || goArgs.includes('-x');
  const goPath = stringFlag(args, 'go') ?? (program === 'go' ? undefined : path.resolve(io.cwd, program));

  const probes: Array<Promise<{ line: string; findings: Finding[] } | undefined>> = [];
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  let result;
  try {
    result = await watchGo(goArgs, {
      goPath,
      cwd: io.cwd,
      baseEnv: io.env,
      toolchainLocal: false, // the user's command runs as they asked, GOTOOLCHAIN included
      stallMs,
      timeoutMs,
      signal: controller.signal,
      modcache: io.env.GOMODCACHE || undefined,
      onLine: (line, stream) => {
        if (json) return;
        // go's own lines pass through redaction too: a server's error body may quote a credential.
        if (stream === 'stdout') io.out(redactSecrets(line) + '\n');
        else if (showTrace || !isTraceLine(line)) io.err(redactSecrets(line) + '\n');
      },
      onStall: (s) => {
        io.err(redactSecrets(t('x.cli.stalled', { message: s.finding.message })) + '\n');
        const p = probeStall(s, io.env, probeMs).catch(() => undefined);
        probes.push(p);
        void p.then((r) => r && io.err(r.line + '\n'));
      },
    });
  } catch (err) {
    if (err instanceof GoNotFoundError) {
      io.err(`gomod-doctor: ${err.message}\n`);
      return 127;
    }
    throw err;
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
  const probeResults = await Promise.all(probes);
  const findings = [...result.findings, ...probeResults.flatMap((p) => p?.findings ?? [])];
  const exit = result.timedOut ? 124 : result.cancelled ? 130 : (result.code ?? 1);
  if (json) {
    io.out(
      redactSecrets(JSON.stringify(
        {
          version: VERSION,
          args: result.args,
          exitCode: exit,
          goExitCode: result.code,
          timedOut: result.timedOut,
          durationMs: result.durationMs,
          stalls: result.stalls.map((s) => ({ kind: s.kind, atMs: s.atMs, quietMs: s.quietMs, url: s.url && redactSecrets(s.url), host: s.host, module: s.module, version: s.version, lock: s.lock })),
          probes: probeResults.filter(Boolean).map((p) => p!.line),
          stdout: result.stdout,
          findings,
        },
        null,
        2,
      )) + '\n',
    );
  } else {
    if (result.timedOut) io.err(t('x.cli.timeout', { seconds: Math.round(timeoutMs / 100) / 10 }) + '\n');
    if (findings.length > 0) io.err(renderExplainText(findings, io.cwd, colorEnabled(io, 'err')));
  }
  return exit;
}

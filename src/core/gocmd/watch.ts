// The watchdog for go commands that download: runs `go mod download`, `go mod tidy`, `go get`, `go list -m all`
// with -x; reports live progress (the module being fetched and its URL); detects stalls (no progress for N ms →
// the URL it waits on, its host, for the caller to probe right away); enforces an overall timeout; cancels by
// killing the whole process tree; streams every output line; and translates the final error into Findings.
// The go command itself has no timeout for a server that accepts and then stays silent (§8.1).
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Finding } from '../finding';
import { explainGoError } from '../diagnose/explain';
import { classifyUrl, hostName, type UrlRole } from '../diagnose/explain/urls';
import { t, type MessageKey } from '../i18n';
import { redactSecrets } from '../report/redact';
import { heldLockFiles } from '../cache/locks';
import { escapePath, escapeVersion } from '../modfile/module';
import { GoNotFoundError, killProcessTree, spawnGo, type RunGoOptions } from './run';
import { parseTraceLine, type TraceEvent } from './xtrace';

export type StallKind = 'proxy' | 'sumdb' | 'direct' | 'vcs' | 'lock' | 'unknown';

export interface InFlight {
  url: string;
  host: string;
  role: UrlRole;
  module?: string;
  version?: string;
  /** Milliseconds since the watch started when the request began. */
  startedMs: number;
}

export interface LockWait {
  file: string;
  pid: number;
  holder: string;
}

export interface StallInfo {
  kind: StallKind;
  /** Milliseconds since the watch started when the stall was seen. */
  atMs: number;
  /** How long nothing happened (for the URL: how long it has been in flight). */
  quietMs: number;
  url?: string;
  /** host[:port] of the URL; `hostname` without the port, for probes. */
  host?: string;
  hostname?: string;
  module?: string;
  version?: string;
  /** The VCS command still running. */
  command?: string;
  lock?: LockWait;
  /** The response headers arrived and the body stopped coming. */
  bodyStalled?: boolean;
  inFlight: InFlight[];
  lastLine?: string;
  finding: Finding;
}

export interface WatchProgress {
  event: TraceEvent;
  /** Requests started and not finished yet. */
  inFlight: InFlight[];
  /** Finished requests so far. */
  done: number;
  elapsedMs: number;
}

export interface WatchOptions extends Omit<RunGoOptions, 'timeoutMs' | 'maxOutputChars'> {
  /** No progress for this long is a stall. Default 10 000 ms. */
  stallMs?: number;
  /** Overall limit; the process tree is killed when it is reached. Default 10 minutes. */
  timeoutMs?: number;
  /** Insert -x into the command (default true; without it there is nothing to watch). */
  trace?: boolean;
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
  onProgress?: (p: WatchProgress) => void;
  /** Called as soon as a stall is seen (once per URL, once per quiet period otherwise). */
  onStall?: (s: StallInfo) => void | Promise<void>;
  /**
   * GOMODCACHE of the command: when it goes quiet with nothing in flight, the lock files of the module versions
   * it touched (and `# lock` lines) are checked for a holder (Linux /proc/locks; elsewhere nothing is found).
   */
  modcache?: string;
}

export interface WatchResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  cancelled: boolean;
  durationMs: number;
  /** The command as run (with -x when it was added). */
  args: string[];
  stdout: string;
  stderr: string;
  stalls: StallInfo[];
  /** Translated errors of a failed command, then stall/timeout findings. */
  findings: Finding[];
}

const MODE_SUBCOMMANDS = new Set(['mod', 'work']);

/** The argument list with -x after the subcommand ("mod download -x …", "get -x …"). */
export function withTraceFlag(args: string[]): string[] {
  if (args.includes('-x') || args.length === 0) return [...args];
  const at = MODE_SUBCOMMANDS.has(args[0]) ? Math.min(2, args.length) : 1;
  return [...args.slice(0, at), '-x', ...args.slice(at)];
}

function stallFinding(s: Omit<StallInfo, 'finding'>): Finding {
  const seconds = Math.round(s.quietMs / 100) / 10;
  const args = { seconds, host: s.host ?? '', url: s.url ? redactSecrets(s.url) : '', command: s.command ?? '', pid: s.lock?.pid ?? '', holder: s.lock?.holder ?? '' };
  let code: string;
  let message: MessageKey;
  let fix: MessageKey;
  switch (s.kind) {
    case 'proxy':
      [code, message, fix] = ['proxy.stalled', 'w.stalled.proxy', 'w.fix.stalled.net'];
      break;
    case 'sumdb':
      [code, message, fix] = ['sumdb.stalled', 'w.stalled.sumdb', 'w.fix.stalled.net'];
      break;
    case 'direct':
      [code, message, fix] = ['module.stalled', 'w.stalled.direct', 'w.fix.stalled.net'];
      break;
    case 'vcs':
      [code, message, fix] = ['module.stalled', 'w.stalled.vcs', 'w.fix.stalled.vcs'];
      break;
    case 'lock':
      [code, message, fix] = ['cache.lock-wait', 'w.stalled.lock', 'w.fix.stalled.lock'];
      break;
    default:
      [code, message, fix] = ['module.stalled', 'w.stalled.unknown', 'w.fix.stalled.unknown'];
  }
  const f: Finding = {
    code,
    severity: 'warning',
    message: t(message, args),
    evidence: { kind: s.kind, url: args.url || undefined, quietMs: s.quietMs, atMs: s.atMs, inFlight: s.inFlight.map((r) => redactSecrets(r.url)), lastLine: s.lastLine ? redactSecrets(s.lastLine) : undefined, lock: s.lock },
    fixes: [{ id: `advice:${code}`, title: t(fix, args) }],
  };
  if (s.host) f.host = s.host;
  if (s.module) f.module = s.module;
  if (s.version) f.version = s.version;
  return f;
}

/** Runs `go <args>` under the watchdog. Rejects only when go cannot be started (GoNotFoundError). */
export function watchGo(goArgs: string[], opts: WatchOptions = {}): Promise<WatchResult> {
  const args = opts.trace === false ? [...goArgs] : withTraceFlag(goArgs);
  const stallMs = opts.stallMs ?? 10_000;
  const goPath = opts.goPath || 'go';
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise<WatchResult>((resolve, reject) => {
    let child: ChildProcess;
    try {
      child = spawnGo(args, opts);
    } catch (err) {
      reject(err);
      return;
    }
    const result: WatchResult = { code: null, signal: null, timedOut: false, cancelled: false, durationMs: 0, args, stdout: '', stderr: '', stalls: [], findings: [] };
    const inFlight = new Map<string, InFlight>();
    let done = 0;
    let lastActivity = 0;
    let lastLine: string | undefined;
    let vcsRunning: { command: string; since: number } | undefined;
    const lockCandidates = new Set<string>();
    // The last response whose headers arrived: when everything goes quiet after it, its body is what stalls.
    let lastResponse: { url: string; atMs: number } | undefined;
    let quietReported = false;
    const reportedUrls = new Set<string>();
    const limit = 16 * 1024 * 1024;

    const stall = (info: Omit<StallInfo, 'finding'>) => {
      const s: StallInfo = { ...info, finding: stallFinding(info) };
      result.stalls.push(s);
      try {
        void Promise.resolve(opts.onStall?.(s)).catch(() => undefined);
      } catch {
        // a throwing callback must not break the watch
      }
    };

    const onEvent = (e: TraceEvent) => {
      const now = elapsed();
      switch (e.kind) {
        case 'get-start': {
          const u = classifyUrl(e.url);
          inFlight.set(e.url, { url: e.url, host: u.host, role: u.role, module: u.module, version: u.version, startedMs: now });
          if (opts.modcache && u.role === 'proxy' && u.module && u.version) {
            try {
              lockCandidates.add(path.join(opts.modcache, 'cache', 'download', ...escapePath(u.module).split('/'), '@v', escapeVersion(u.version) + '.lock'));
            } catch {
              // not a valid module path: no lock file to look at
            }
          }
          break;
        }
        case 'lock':
          lockCandidates.add(e.path);
          break;
        case 'get-done':
          if (inFlight.delete(e.url)) done++;
          lastResponse = { url: e.url, atMs: now };
          break;
        case 'get-failed':
          if (inFlight.delete(e.url)) done++;
          lastResponse = undefined;
          break;
        case 'vcs-start':
          vcsRunning = { command: e.command, since: now };
          break;
        case 'vcs-done':
          vcsRunning = undefined;
          break;
        default:
          break;
      }
      opts.onProgress?.({ event: e, inFlight: [...inFlight.values()], done, elapsedMs: now });
    };

    const lineSplitter = (stream: 'stdout' | 'stderr') => {
      let buf = '';
      return (chunk: string) => {
        lastActivity = elapsed();
        quietReported = false;
        if (stream === 'stdout') {
          if (result.stdout.length < limit) result.stdout += chunk;
        } else if (result.stderr.length < limit) result.stderr += chunk;
        buf += chunk;
        let nl: number;
        while ((nl = buf.indexOf('\n')) >= 0) {
          const line = buf.slice(0, nl).replace(/\r$/, '');
          buf = buf.slice(nl + 1);
          lastLine = line;
          opts.onLine?.(line, stream);
          if (stream === 'stderr') onEvent(parseTraceLine(line));
        }
      };
    };
    child.stdout!.setEncoding('utf8').on('data', lineSplitter('stdout'));
    child.stderr!.setEncoding('utf8').on('data', lineSplitter('stderr'));

    let checking = false;
    const check = async () => {
      if (checking) return;
      checking = true;
      try {
        const now = elapsed();
        // A request in flight for longer than the threshold stalls even while other requests make progress.
        const oldest = [...inFlight.values()].sort((a, b) => a.startedMs - b.startedMs);
        for (const r of oldest) {
          if (now - r.startedMs < stallMs || reportedUrls.has(r.url)) continue;
          reportedUrls.add(r.url);
          quietReported = true;
          const kind: StallKind = r.role === 'sumdb' ? 'sumdb' : r.role === 'direct' ? 'direct' : 'proxy';
          stall({ kind, atMs: now, quietMs: now - r.startedMs, url: r.url, host: r.host, hostname: hostName(r.host), module: r.module, version: r.version, inFlight: oldest, lastLine });
        }
        if (!quietReported && now - lastActivity >= stallMs && inFlight.size === 0) {
          quietReported = true;
          if (vcsRunning) {
            stall({ kind: 'vcs', atMs: now, quietMs: now - lastActivity, command: vcsRunning.command, inFlight: [], lastLine });
          } else {
            const held = lockCandidates.size > 0 ? await heldLockFiles([...lockCandidates]).catch(() => undefined) : undefined;
            const lock = held?.[0] ? { file: held[0].file, pid: held[0].holder.pid, holder: held[0].holder.commandLine || held[0].holder.name } : undefined;
            if (lock) {
              stall({ kind: 'lock', atMs: now, quietMs: now - lastActivity, lock, inFlight: [], lastLine });
            } else if (lastResponse && lastResponse.atMs >= lastActivity - 1) {
              // Headers came, then nothing: the body of that response is stalled (§8.1: no body timeout in go).
              const u = classifyUrl(lastResponse.url);
              const kind: StallKind = u.role === 'sumdb' ? 'sumdb' : u.role === 'direct' ? 'direct' : 'proxy';
              stall({ kind, atMs: now, quietMs: now - lastActivity, url: u.url, host: u.host, hostname: hostName(u.host), module: u.module, version: u.version, bodyStalled: true, inFlight: [], lastLine });
            } else {
              stall({ kind: 'unknown', atMs: now, quietMs: now - lastActivity, inFlight: [], lastLine });
            }
          }
        }
      } finally {
        checking = false;
      }
    };
    // Checked ten times per threshold (at most every 250 ms): the verdict comes at most 10% late.
    const ticker = setInterval(() => void check(), Math.max(20, Math.min(250, Math.floor(stallMs / 10))));
    const timer = setTimeout(() => {
      result.timedOut = true;
      killProcessTree(child);
    }, opts.timeoutMs ?? 10 * 60_000);
    const onAbort = () => {
      result.cancelled = true;
      killProcessTree(child);
    };
    if (opts.signal?.aborted) onAbort();
    else opts.signal?.addEventListener('abort', onAbort, { once: true });
    const finish = () => {
      clearInterval(ticker);
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
    };

    child.on('error', (err: NodeJS.ErrnoException) => {
      finish();
      reject(err.code === 'ENOENT' || err.code === 'EACCES' ? new GoNotFoundError(goPath) : err);
    });
    child.on('close', (code, signal) => {
      finish();
      result.code = code;
      result.signal = signal;
      result.durationMs = elapsed();
      if (code !== 0 && !result.timedOut && !result.cancelled) result.findings.push(...explainGoError(result.stderr, { cwd: opts.cwd }).findings);
      const stallFindings = result.stalls.map((s) => ({ ...s.finding, severity: result.timedOut ? ('error' as const) : s.finding.severity }));
      result.findings.push(...stallFindings);
      if (result.timedOut) {
        const timeoutMs = opts.timeoutMs ?? 600_000;
        result.findings.push({
          code: 'module.command-timeout',
          severity: 'error',
          message: t('w.timeout', { seconds: Math.round(timeoutMs / 100) / 10 }),
          evidence: { timeoutMs, args, lastStall: stallFindings[0]?.evidence },
          fixes: [{ id: 'advice:module.command-timeout', title: t('w.fix.timeout', {}) }],
        });
      }
      resolve(result);
    });
  });
}

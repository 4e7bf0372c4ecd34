// `go mod download` for the folder of a go.mod, under the watchdog: a request no server answers for a while (the go
// command has no timeout of its own for a silent server) stops it and says which host it waited on; cancellation
// kills the process tree; a failure comes back as the translated go error.
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GoNotFoundError } from '../core/gocmd/run';
import { watchGo } from '../core/gocmd/watch';
import { t } from '../core/i18n';
import { redactSecrets } from '../core/report/redact';
import type { DownloadParams, DownloadResult } from '../protocol';
import { toHealthFinding } from './healthRows';

export interface DownloadOptions {
  goPath?: string;
  /** The network timeout of the checks (ms): a download without progress for twice that long is stalled. */
  timeoutMs?: number;
  /** Overall limit of the command. Default 10 minutes. */
  overallMs?: number;
  signal: AbortSignal;
}

/** No progress for this long stops the download: twice the network timeout, within 2 s … 60 s (10 s by default). */
export function stallBound(timeoutMs = 5000): number {
  return Math.min(60_000, Math.max(2_000, 2 * timeoutMs));
}

/** The folder of a go.mod URI (or the folder URI itself); undefined when it is not a local path. */
function folderOf(uri: string): string | undefined {
  let p: string;
  try {
    p = uri.startsWith('file:') ? fileURLToPath(uri) : uri;
  } catch {
    return undefined;
  }
  if (basename(p) === 'go.mod') return dirname(p);
  try {
    return statSync(p).isDirectory() ? p : dirname(p);
  } catch {
    return dirname(p);
  }
}

export async function runDownload(params: DownloadParams, opts: DownloadOptions): Promise<DownloadResult> {
  const dir = folderOf(String(params?.uri ?? ''));
  if (!dir || !existsSync(join(dir, 'go.mod'))) {
    return { status: 'failed', message: t('health.download.no-gomod', { dir: dir ?? String(params?.uri ?? '') }), findings: [] };
  }
  // A stall ends the command: waiting on a silent server would last until the overall limit.
  const stop = new AbortController();
  let stalled = false;
  const onCancel = () => stop.abort();
  if (opts.signal.aborted) stop.abort();
  else opts.signal.addEventListener('abort', onCancel, { once: true });
  try {
    const r = await watchGo(['mod', 'download'], {
      goPath: opts.goPath,
      cwd: dir,
      timeoutMs: opts.overallMs ?? 10 * 60_000,
      stallMs: stallBound(opts.timeoutMs),
      signal: stop.signal,
      onStall: (s) => {
        // A server that has not even answered with headers is stuck for good (go has no timeout for it). A body that
        // streams slowly, a VCS command or a lock another go holds may still finish: those are reported, not stopped.
        if (!s.url || s.bodyStalled || !['proxy', 'sumdb', 'direct'].includes(s.kind)) return;
        stalled = true;
        stop.abort();
      },
    });
    const findings = r.findings.map(toHealthFinding);
    const detail = redactSecrets(r.findings.map((f) => f.message).join(' ') || r.stderr.trim().split('\n').slice(-3).join(' '));
    if (opts.signal.aborted && !stalled) return { status: 'cancelled', message: t('health.download.cancelled', { dir }), findings };
    if (stalled) return { status: 'stalled', message: t('health.download.stalled', { dir, detail }), findings };
    if (r.code === 0) return { status: 'done', message: t('health.download.done', { dir }), findings };
    return { status: 'failed', message: t('health.download.failed', { dir, detail }), findings };
  } catch (err) {
    const detail = redactSecrets(err instanceof Error ? err.message : String(err));
    const message = err instanceof GoNotFoundError ? t('health.download.no-go', { detail }) : t('health.download.failed', { dir, detail });
    return { status: 'failed', message, findings: [] };
  } finally {
    opts.signal.removeEventListener('abort', onCancel);
  }
}

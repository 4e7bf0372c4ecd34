// The one-line verdict of the health snapshot (status bar, panel header): failing when something will break a
// download, degraded when something is slow or falls back, checking while nothing is decided, and why — naming
// the host when there is one.
import type { Finding } from '../core/finding';
import { t } from '../core/i18n';
import { redactSecrets } from '../core/report/redact';
import type { HealthModule, HealthSnapshot } from '../protocol';

export interface OverallInput {
  trusted: boolean;
  /** Module files open (go.mod / go.work). */
  docCount: number;
  modules: HealthModule[];
  /** Findings of the module checks (module.*, gosum.*), for the hosts behind failing rows. */
  moduleFindings: Finding[];
  /** Probe findings (proxy.*, sumdb.*), undefined while the probes have not run. */
  probeFindings?: Finding[];
  /** Cache problems (warnings and errors only). */
  cacheFindings: Finding[];
  envFindings: Finding[];
  running: HealthSnapshot['running'];
  probesKnown: boolean;
}

type Overall = HealthSnapshot['overall'];

/** Failure kinds where the host cannot be talked to at all. */
const NETWORK_KINDS = /\.(dns|refused|unreachable|timeout|reset|proxyconnect|tls-[a-z-]+|stalled)$/;

function withHost(state: Overall['state'], reason: string, host?: string): Overall {
  const o: Overall = { state, reason: redactSecrets(reason) };
  if (host) o.host = redactSecrets(host);
  return o;
}

/** The host with the most distinct modules among findings of one code. */
function worstHost(findings: Finding[], code: string): { host: string; count: number } | undefined {
  const byHost = new Map<string, Set<string>>();
  for (const f of findings) {
    if (f.code !== code || !f.host) continue;
    const set = byHost.get(f.host) ?? new Set<string>();
    set.add(`${f.module}@${f.version}`);
    byHost.set(f.host, set);
  }
  let best: { host: string; count: number } | undefined;
  for (const [host, set] of byHost) if (!best || set.size > best.count) best = { host, count: set.size };
  return best;
}

function failing(x: OverallInput): Overall | undefined {
  const bad = x.modules.filter((m) => m.status === 'error');
  if (bad.length > 0) {
    const errors = x.moduleFindings.filter((f) => f.severity === 'error');
    const host = worstHost(errors, 'module.unreachable');
    if (host) return withHost('failing', t('health.reason.host-unreachable', { host: host.host, count: host.count }), host.host);
    const notFound = bad.filter((m) => /^module\.(not-found|unknown-revision)$/.test(m.finding?.code ?? '')).length;
    if (notFound === bad.length) return withHost('failing', t('health.reason.not-found', { count: notFound }));
    if (bad.length === 1 && bad[0].finding) return withHost('failing', bad[0].finding.message);
    return withHost('failing', t('health.reason.modules-failing', { count: bad.length }));
  }
  const probe = x.probeFindings?.find((f) => f.severity === 'error');
  if (probe) {
    if (probe.host && NETWORK_KINDS.test(probe.code)) return withHost('failing', t('health.reason.host-failing', { host: probe.host }), probe.host);
    return withHost('failing', probe.message, probe.host);
  }
  const other = [...x.cacheFindings, ...x.envFindings].find((f) => f.severity === 'error');
  if (other) return withHost('failing', other.message, other.host);
  return undefined;
}

function degraded(x: OverallInput): Overall | undefined {
  const slow = [...(x.probeFindings ?? []), ...x.moduleFindings].find((f) => /\.slow$/.test(f.code) && f.host);
  if (slow) return withHost('degraded', t('health.reason.host-slow', { host: slow.host! }), slow.host);
  const probe = x.probeFindings?.find((f) => f.severity === 'warning');
  if (probe) {
    if (probe.host && NETWORK_KINDS.test(probe.code)) return withHost('degraded', t('health.reason.host-failing', { host: probe.host }), probe.host);
    return withHost('degraded', probe.message, probe.host);
  }
  const warned = x.modules.filter((m) => m.status === 'warning');
  if (warned.length === 1 && warned[0].finding) return withHost('degraded', warned[0].finding.message);
  if (warned.length > 0) return withHost('degraded', t('health.reason.modules-warning', { count: warned.length }));
  const cache = x.cacheFindings.find((f) => f.severity === 'warning');
  if (cache) return withHost('degraded', cache.message);
  return undefined;
}

export function overallState(x: OverallInput): Overall {
  if (!x.trusted) return { state: 'untrusted', reason: t('health.reason.untrusted') };
  const verdict = failing(x) ?? degraded(x);
  if (verdict) return verdict;
  const modulesPending = x.running.modules && x.modules.some((m) => m.status === 'checking');
  if (modulesPending || (x.running.probes && !x.probesKnown) || (x.docCount > 0 && x.modules.length === 0 && x.running.modules)) {
    const { done, total } = x.running;
    return { state: 'checking', reason: total ? t('health.reason.checking-progress', { done: done ?? 0, total }) : t('health.reason.checking') };
  }
  if (x.docCount === 0) return { state: 'idle', reason: t('health.reason.idle') };
  const count = x.modules.filter((m) => m.status !== 'skipped').length;
  return { state: 'healthy', reason: count > 0 ? t('health.reason.healthy', { count }) : t('health.reason.healthy-network') };
}

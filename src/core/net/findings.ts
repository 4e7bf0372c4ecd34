// From probe results to Findings: code `<family>.<kind>`, a one-sentence localized message, evidence (stage,
// latency, status, connection stages, certificate), and the fixes that apply. Every string is redacted.
import type { Finding, FixRef, Severity } from '../finding';
import { redactSecrets } from '../report/redact';
import type { ProxyProbeResult } from './goproxyProbe';
import { hasMessage, t, type MessageKey } from '../i18n';
import type { SumdbProbeResult } from './sumdbProbe';
import type { Failure, FailureKind } from './types';

export type Family = 'proxy' | 'sumdb';
export type ProbeResult = ProxyProbeResult | SumdbProbeResult;

/** Stable fix ids (the `fix` command and the editor's code actions key on them). */
export const FIX_IDS = {
  switchMirror: 'net.switch-mirror',
  pipeFallback: 'net.pipe-fallback',
  setHttpsProxy: 'net.set-https-proxy',
  fixHttpsProxy: 'net.fix-https-proxy',
  trustCa: 'net.trust-ca',
  checkClock: 'net.check-clock',
  portalLogin: 'net.portal-login',
  fixProxyUrl: 'net.fix-proxy-url',
  addCredentials: 'net.add-credentials',
  setGoprivate: 'net.set-goprivate',
  retryLater: 'net.retry-later',
  setGosumdbMirror: 'net.set-gosumdb-mirror',
  useSumdbProxy: 'net.use-sumdb-proxy',
  checkGosumdbKey: 'net.check-gosumdb-key',
  reportProxy: 'net.report-proxy',
} as const;

export interface FixContext {
  /** The measured best mirror, when it is not the entry that failed. */
  mirror?: { url: string; goproxy: string; carriesSumdb: boolean };
  /** GOPROXY with "|" instead of "," after the failing entry, when the list has a next entry. */
  pipeValue?: string;
  sumdbName?: string;
  /** A forward proxy (HTTPS_PROXY/HTTP_PROXY) is in use for this target. */
  viaProxy?: boolean;
}

/**
 * The severity of a failure when the go command would be affected by it. Some kinds never break a download on
 * their own: a metadata answer over our size cap (go reads it all), a redirect to another host (go follows it),
 * slowness and a broken address family (go falls back), a target the probes cannot reach through (SOCKS).
 */
export function severityOf(kind: FailureKind): Severity {
  switch (kind) {
    case 'body-too-large':
    case 'redirect-other-host':
    case 'stale':
      return 'warning';
    case 'slow':
    case 'family-unreachable':
    case 'unsupported':
      return 'info';
    default:
      return 'error';
  }
}

function fix(id: string, key: MessageKey, args: Record<string, string> = {}): FixRef {
  return { id, title: t(key, args) };
}

/** The fixes that apply to a failure of a kind, most useful first. */
export function fixesFor(family: Family, kind: FailureKind, host: string, ctx: FixContext): FixRef[] {
  const out: FixRef[] = [];
  const mirror = () => {
    if (ctx.mirror) out.push(fix(FIX_IDS.switchMirror, 'net.fix.switch-mirror', { mirror: ctx.mirror.url, value: ctx.mirror.goproxy }));
  };
  const pipe = () => {
    if (ctx.pipeValue) out.push(fix(FIX_IDS.pipeFallback, 'net.fix.pipe-fallback', { value: ctx.pipeValue }));
  };
  const sumdbRoute = () => {
    if (ctx.sumdbName === 'sum.golang.org') out.push(fix(FIX_IDS.setGosumdbMirror, 'net.fix.set-gosumdb-mirror'));
    if (ctx.mirror?.carriesSumdb) out.push(fix(FIX_IDS.useSumdbProxy, 'net.fix.use-sumdb-proxy', { value: ctx.mirror.goproxy }));
  };
  const networkBlocked = () => {
    if (family === 'proxy') mirror();
    else sumdbRoute();
    if (!ctx.viaProxy) out.push(fix(FIX_IDS.setHttpsProxy, 'net.fix.set-https-proxy'));
    if (family === 'proxy') pipe();
  };
  switch (kind) {
    case 'dns':
    case 'refused':
    case 'unreachable':
    case 'timeout':
    case 'reset':
    case 'truncated':
      networkBlocked();
      break;
    case 'proxyconnect':
      out.push(fix(FIX_IDS.fixHttpsProxy, 'net.fix.fix-https-proxy'));
      break;
    case 'tls-unknown-ca':
      out.push(fix(FIX_IDS.trustCa, 'net.fix.trust-ca'));
      break;
    case 'tls-expired':
      out.push(fix(FIX_IDS.checkClock, 'net.fix.check-clock'));
      break;
    case 'tls-hostname':
    case 'html':
      out.push(fix(FIX_IDS.portalLogin, 'net.fix.portal-login'));
      if (kind === 'html') out.push(fix(FIX_IDS.fixProxyUrl, 'net.fix.fix-proxy-url'));
      break;
    case 'auth-required':
    case 'http-4xx':
      out.push(fix(FIX_IDS.addCredentials, 'net.fix.add-credentials', { host }));
      out.push(fix(FIX_IDS.setGoprivate, 'net.fix.set-goprivate'));
      if (family === 'proxy') {
        pipe();
        mirror();
      } else sumdbRoute();
      break;
    case 'not-found':
      if (family === 'proxy') {
        out.push(fix(FIX_IDS.fixProxyUrl, 'net.fix.fix-proxy-url'));
        mirror();
      }
      break;
    case 'http-5xx':
    case 'bad-response':
      out.push(fix(FIX_IDS.retryLater, 'net.fix.retry-later'));
      if (family === 'proxy') {
        pipe();
        mirror();
      } else sumdbRoute();
      break;
    case 'bad-signature':
    case 'unknown-key':
    case 'malformed-note':
    case 'bad-record':
      out.push(fix(FIX_IDS.checkGosumdbKey, 'net.fix.check-gosumdb-key'));
      sumdbRoute();
      break;
    case 'unavailable':
      pipe();
      sumdbRoute();
      break;
    case 'empty':
    case 'bad-json':
    case 'wrong-version':
    case 'bad-list':
    case 'stale':
    case 'redirect-loop':
    case 'too-many-redirects':
    case 'insecure-redirect':
    case 'body-too-large':
      if (family === 'proxy') {
        out.push(fix(FIX_IDS.reportProxy, 'net.fix.report-proxy'));
        mirror();
      } else sumdbRoute();
      break;
    case 'slow':
      if (family === 'proxy') mirror();
      break;
    default:
      break;
  }
  return out;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function redactDeep<T>(v: T): T {
  if (typeof v === 'string') return redactSecrets(v) as T;
  if (Array.isArray(v)) return v.map(redactDeep) as T;
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = redactDeep(x);
    return out as T;
  }
  return v;
}

/** Evidence for a failure: what was observed, stage by stage. */
export function evidenceOf(r: ProbeResult, f: Failure): Record<string, unknown> {
  const c = r.connect;
  const ev: Record<string, unknown> = {
    target: r.target,
    stage: f.stage,
    kind: f.kind,
    latencyMs: r.ms,
    detail: f.detail,
  };
  if (f.errno) ev.errno = f.errno;
  if ('request' in f && f.request) ev.request = f.request;
  const failedReq = [...r.requests].reverse().find((q) => q.failure || (q.status !== undefined && q.status !== 200));
  const req = failedReq ?? r.requests[r.requests.length - 1];
  if (req?.status !== undefined) ev.status = req.status;
  if (req?.ttfbMs !== undefined) ev.ttfbMs = req.ttfbMs;
  if (req) ev.url = req.url;
  if (req?.redirects.length) ev.redirects = req.redirects;
  if (req) ev.bytes = req.bytes;
  if (c?.dns) ev.dns = { ms: c.dns.ms, addresses: c.dns.addresses.map((a) => a.address) };
  if (c?.tcp) ev.tcp = { ms: c.tcp.ms, address: c.tcp.address, port: c.tcp.port, families: c.tcp.families };
  if (c?.via) ev.via = c.via;
  if (c?.tls) ev.tls = { ms: c.tls.ms, protocol: c.tls.protocol, cert: c.tls.cert };
  if (r.kind === 'sumdb' && r.tree) ev.tree = r.tree;
  return redactDeep(ev);
}

function messageArgs(r: ProbeResult, f: Failure, extra: Record<string, string | number>): Record<string, string | number> {
  const subject = r.kind === 'proxy' ? t('net.subject.proxy', { target: r.target }) : t('net.subject.sumdb', { target: r.target, name: r.name });
  const cert = r.connect?.tls?.cert;
  const failedReq = [...r.requests].reverse().find((q) => q.status !== undefined);
  const fam = r.connect?.tcp?.families.find((x) => x.error);
  return {
    subject,
    target: r.target,
    name: r.kind === 'sumdb' ? r.name : '',
    host: hostOf(r.target),
    detail: f.detail,
    ms: r.ms,
    stage: f.stage,
    status: failedReq?.status ?? '',
    issuer: cert?.issuer ?? '?',
    names: cert?.altNames ?? cert?.subject ?? '?',
    validFrom: cert?.validFrom ?? '?',
    validTo: cert?.validTo ?? '?',
    module: r.kind === 'proxy' ? r.module : r.lookup ? `${r.lookup.module}@${r.lookup.version}` : '',
    limit: '',
    keys: '',
    family: fam?.family ?? '',
    ...extra,
  };
}

/** The localized one-sentence message for a failure of a probe result. */
export function failureMessage(r: ProbeResult, f: Failure, extra: Record<string, string | number> = {}): string {
  const args = messageArgs(r, f, extra);
  const status = Number(args.status);
  let key = `net.${r.kind}.${f.kind}`;
  if (!hasMessage(key)) key = `net.${f.kind}`;
  if (f.kind === 'http-4xx' && (status === 403 || status === 429)) key = `net.http-${status}`;
  if (!hasMessage(key)) key = 'net.unsupported';
  return redactSecrets(t(key as MessageKey, args));
}

/** One Finding for a failure (or observation) of a probe result. */
export function failureFinding(
  r: ProbeResult,
  f: Failure,
  severity: Severity,
  fixes: FixRef[],
  extra: Record<string, string | number> = {},
  messageOverride?: string,
): Finding {
  const finding: Finding = {
    code: `${r.kind}.${f.kind}`,
    severity,
    message: messageOverride ?? failureMessage(r, f, extra),
    host: redactSecrets(hostOf(r.target)),
    variable: r.kind === 'proxy' ? 'GOPROXY' : 'GOSUMDB',
    evidence: evidenceOf(r, f),
  };
  if (r.kind === 'proxy') finding.module = r.module;
  if (r.kind === 'sumdb' && r.lookup) {
    finding.module = r.lookup.module;
    finding.version = r.lookup.version;
  }
  if (fixes.length) finding.fixes = fixes;
  return finding;
}

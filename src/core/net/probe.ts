// The probe run: every GOPROXY URL entry and the known public mirrors (bounded concurrency), then the checksum
// database directly and through each proxy that carries it, then findings with severities that follow the
// go command's own routing (an entry it never reaches cannot break a build), and a measured recommendation.
import type { Finding } from '../finding';
import { formatGoproxy, proxyList, type ProxyEntry } from '../goenv/goproxy';
import { parseGosumdb } from '../goenv/gosumdb';
import { route, simulateFetch, simulateSumdb, type AttemptResult, type RouteEnv } from '../goenv/route';
import { compareSemver } from '../modfile/semver';
import { redactSecrets } from '../report/redact';
import { HttpClient } from './client';
import { displayUrl } from './credentials';
import { fail } from './errors';
import { failureFinding, fixesFor, severityOf, type FixContext } from './findings';
import { probeProxy, type ProxyProbeResult } from './goproxyProbe';
import { t } from '../i18n';
import { DEFAULT_PROBE_MODULE, DEFAULT_SUMDB_LOOKUP, KNOWN_PUBLIC_MIRRORS, sameProxy } from './mirrors';
import { verifierFromKey, type Verifier } from './note';
import { mapBounded } from './pool';
import { probeSumdb, type SumdbProbeResult } from './sumdbProbe';
import { now, since } from './timing';
import { DEFAULTS, type NetOptions, type Stage } from './types';

export interface ProbeConfig {
  /** Effective values (goenv's ResolvedEnv.values): GOPROXY, GONOPROXY (GOPRIVATE included), GONOSUMDB, GOSUMDB. */
  env: RouteEnv;
  /** Proxies to compare with the configured ones; default KNOWN_PUBLIC_MIRRORS, [] for none. */
  mirrors?: readonly string[];
  /** The well-known module asked for; default golang.org/x/mod. */
  module?: string;
  /** A version known to the checksum database; default: the probe module at the newest version a proxy reported. */
  sumdbLookup?: { module: string; version: string };
}

/** One row of `probe --json` (DESIGN.md §3, contract). */
export interface ProbeSummary {
  target: string;
  kind: 'proxy' | 'sumdb';
  ok: boolean;
  stage: Stage;
  ms: number;
  status?: number;
}

export interface RankedProxy {
  target: string;
  configured: boolean;
  healthy: boolean;
  ms: number;
  code?: string;
  sumdb?: 'yes' | 'no' | 'error';
}

export interface Recommendation {
  /** Healthy first, fastest first. */
  ranked: RankedProxy[];
  best?: RankedProxy;
  /** The GOPROXY value that uses the best proxy. */
  goproxy?: string;
  /** The best proxy is already the first configured entry. */
  keep: boolean;
}

export interface ProbeReport {
  probes: ProbeSummary[];
  findings: Finding[];
  recommendation: Recommendation;
  proxies: ProxyProbeResult[];
  sumdbs: SumdbProbeResult[];
  durationMs: number;
  /** Set only when the run itself failed (a bug); the lists are then empty. */
  error?: string;
}

function summary(r: ProxyProbeResult | SumdbProbeResult): ProbeSummary {
  const s: ProbeSummary = { target: redactSecrets(r.target), kind: r.kind, ok: r.ok, stage: r.stage, ms: r.ms };
  if (r.status !== undefined) s.status = r.status;
  return s;
}

function attempt(r: ProxyProbeResult | undefined): AttemptResult {
  if (!r || r.skipped === 'gonoproxy') return 'not-found';
  if (r.ok) return 'ok';
  return r.failure?.kind === 'not-found' ? 'not-found' : 'error';
}

function goproxyFor(best: RankedProxy): string {
  return `${best.target},direct`;
}

export function recommend(results: ProxyProbeResult[], firstConfigured?: string): Recommendation {
  const ranked: RankedProxy[] = results
    .filter((r) => r.skipped === undefined)
    .map((r) => {
      const x: RankedProxy = { target: r.target, configured: r.configured, healthy: r.ok, ms: r.ms };
      if (r.failure) x.code = `proxy.${r.failure.kind}`;
      if (r.sumdb) x.sumdb = r.sumdb.answer;
      return x;
    })
    .sort((a, b) => Number(b.healthy) - Number(a.healthy) || a.ms - b.ms);
  const best = ranked.find((r) => r.healthy);
  const rec: Recommendation = { ranked, keep: false };
  if (best) {
    rec.best = best;
    rec.goproxy = goproxyFor(best);
    rec.keep = firstConfigured !== undefined && sameProxy(best.target, firstConfigured);
  }
  return rec;
}

/** GOPROXY with "|" after entry i (so any error falls through), when a next entry exists. */
function pipeValue(entries: ProxyEntry[], i: number): string | undefined {
  if (i >= entries.length - 1 || entries[i].fallbackOnError) return undefined;
  const copy = entries.map((e, j) => ({ ...e, raw: e.raw !== undefined ? redactSecrets(e.raw) : e.raw, fallbackOnError: j === i ? true : e.fallbackOnError }));
  return formatGoproxy(copy);
}

/** Runs every probe; never throws (an internal error comes back as `error` with whatever was not measured empty). */
export async function runProbes(cfg: ProbeConfig, opts: NetOptions = {}): Promise<ProbeReport> {
  const started = now();
  try {
    return await probeAll(cfg, opts, started);
  } catch (err) {
    return {
      probes: [],
      findings: [],
      recommendation: { ranked: [], keep: false },
      proxies: [],
      sumdbs: [],
      durationMs: since(started),
      error: redactSecrets(err instanceof Error ? err.message : String(err)),
    };
  }
}

async function probeAll(cfg: ProbeConfig, opts: NetOptions, started: number): Promise<ProbeReport> {
  const env = cfg.env;
  const module = cfg.module ?? DEFAULT_PROBE_MODULE;
  const slowMs = opts.slowMs ?? DEFAULTS.slowMs;
  const client = new HttpClient(opts);
  const overall = client.overallTimeoutMs;
  try {
    const { list, error: listError } = proxyList(env.GOPROXY, env.GONOPROXY);
    const entries = listError ? [] : list.filter((e) => e.kind !== 'noproxy');
    const configured = entries.filter((e) => e.kind === 'url').map((e) => e.url!);
    const mirrors = (cfg.mirrors ?? KNOWN_PUBLIC_MIRRORS).filter((m) => !configured.some((c) => sameProxy(c, m)));
    const sumdbCfg = parseGosumdb(env.GOSUMDB);
    const sumdbName = sumdbCfg.kind === 'db' ? sumdbCfg.name : undefined;

    const targets = [...configured.map((url) => ({ url, configured: true })), ...mirrors.map((url) => ({ url, configured: false }))];
    const proxies = await mapBounded(targets, opts.concurrency ?? DEFAULTS.concurrency, (t) =>
      neverThrows(
        () => probeProxy(client, { ...t, module, gonoproxy: env.GONOPROXY, sumdbName, slowMs }, now() + overall),
        (detail): ProxyProbeResult => ({
          kind: 'proxy', target: displayUrl(t.url), url: t.url, configured: t.configured, module, ok: false, stage: 'protocol', ms: 0,
          warnings: [], requests: [], failure: fail('unsupported', 'protocol', `internal error: ${detail}`),
        }),
      ),
    );
    const byUrl = (url: string) => proxies.find((p) => p.configured && p.url === url);

    // The checksum database: directly (the GOSUMDB URL or https://<name>) and through each proxy carrying it.
    const sumdbs: SumdbProbeResult[] = [];
    const findings: Finding[] = [];
    let verifier: Verifier | undefined;
    if (sumdbCfg.kind === 'db') {
      try {
        verifier = verifierFromKey(sumdbCfg.key);
      } catch {
        verifier = undefined; // the env lint reports a malformed GOSUMDB
      }
    }
    let unavailableVia: ProxyProbeResult | undefined;
    if (sumdbCfg.kind === 'db' && verifier) {
      const newest = proxies
        .filter((p) => p.ok && p.latest)
        .map((p) => p.latest!)
        .sort(compareSemver)
        .pop();
      const lookup = cfg.sumdbLookup ?? (newest ? { module, version: newest } : module === DEFAULT_SUMDB_LOOKUP.module ? { ...DEFAULT_SUMDB_LOOKUP } : undefined);
      const rt = route(lookup?.module ?? module, env);
      const sim = simulateSumdb(rt, (p) => {
        const r = byUrl(p.url);
        if (!r?.sumdb) return 'not-found';
        return r.sumdb.answer === 'yes' ? 'ok' : r.sumdb.answer === 'no' ? 'not-found' : 'error';
      });
      if (sim.unavailable && sim.probed.length) unavailableVia = byUrl(sim.probed[sim.probed.length - 1].url);
      const directBase = sumdbCfg.url ?? sumdbCfg.direct;
      const bases: Array<{ base: string; via: 'direct' | 'proxy'; proxy?: string }> = [{ base: directBase, via: 'direct' }];
      for (const p of proxies) {
        if (p.configured && p.sumdb?.answer === 'yes') bases.push({ base: `${p.url.replace(/\/+$/, '')}/sumdb/${sumdbCfg.name}`, via: 'proxy', proxy: p.url });
      }
      const onRoute = (b: string) => sim.base !== undefined && sameProxy(sim.base, b);
      sumdbs.push(
        ...(await mapBounded(bases, opts.concurrency ?? DEFAULTS.concurrency, (b) =>
          neverThrows(
            () =>
              probeSumdb(
                client,
                { ...b, name: sumdbCfg.name, verifier: verifier!, onRoute: onRoute(b.base), lookup, gonosumdb: env.GONOSUMDB, slowMs },
                now() + overall,
              ),
            (detail): SumdbProbeResult => ({
              kind: 'sumdb', target: displayUrl(b.base), name: sumdbCfg.name, via: b.via, onRoute: onRoute(b.base), ok: false, stage: 'protocol', ms: 0,
              warnings: [], requests: [], failure: fail('unsupported', 'protocol', `internal error: ${detail}`),
            }),
          ),
        )),
      );
    }

    const recommendation = recommend(proxies, configured[0]);
    const best = recommendation.best;

    // Findings for configured proxies: an error where the go command's walk stops on it, else a warning.
    const walk = simulateFetch(route(module, env), (s) => (s.kind === 'proxy' ? attempt(byUrl(s.url!)) : 'ok'));
    for (const r of proxies.filter((p) => p.configured)) {
      const i = entries.findIndex((e) => e.kind === 'url' && e.url === r.url);
      const ctx: FixContext = { sumdbName, viaProxy: !!r.connect?.via };
      if (best && !sameProxy(best.target, r.target)) ctx.mirror = { url: best.target, goproxy: recommendation.goproxy!, carriesSumdb: best.sumdb === 'yes' };
      const pv = i >= 0 ? pipeValue(entries, i) : undefined;
      if (pv) ctx.pipeValue = pv;
      if (r.failure && r.failure.kind !== 'cancelled') {
        const reached = walk.tried.some((s) => s.url === r.url);
        const worst = severityOf(r.failure.kind);
        const severity = worst !== 'error' ? worst : walk.result !== 'ok' && reached ? 'error' : 'warning';
        findings.push(failureFinding(r, r.failure, severity, fixesFor('proxy', r.failure.kind, hostOf(r.url), ctx), { limit: client.maxBodyBytes }));
      }
      for (const w of r.warnings) {
        findings.push(failureFinding(r, w, severityOf(w.kind), fixesFor('proxy', w.kind, '', ctx), { ms: Number(/after (\d+) ms/.exec(w.detail)?.[1] ?? r.ms) }));
      }
      if (r.sumdb?.answer === 'error' && r === unavailableVia && sumdbName) {
        const f = fail('unavailable', r.sumdb.failure?.stage ?? 'http', r.sumdb.failure?.detail ?? `HTTP ${r.sumdb.status}`);
        findings.push(
          failureFinding(r, f, 'error', fixesFor('sumdb', 'unavailable', '', ctx), {}, t('net.sumdb.unavailable', { target: r.target, name: sumdbName, detail: redactSecrets(f.detail) })),
        );
        findings[findings.length - 1].code = 'sumdb.unavailable';
        findings[findings.length - 1].variable = 'GOSUMDB';
      }
    }

    // Proxies that disagree: a configured proxy whose newest version is older than another healthy proxy's.
    const healthy = proxies.filter((p) => p.ok && p.latest);
    for (const r of healthy.filter((p) => p.configured)) {
      const ahead = healthy.filter((o) => o !== r && compareSemver(o.latest!, r.latest!) > 0).sort((a, b) => compareSemver(b.latest!, a.latest!))[0];
      if (!ahead) continue;
      const w = fail('stale', 'protocol', `${r.target} offers ${module} ${r.latest}, ${ahead.target} offers ${ahead.latest}`);
      r.warnings.push(w);
      const ctx: FixContext = { sumdbName };
      if (best && !sameProxy(best.target, r.target)) ctx.mirror = { url: best.target, goproxy: recommendation.goproxy!, carriesSumdb: best.sumdb === 'yes' };
      findings.push(failureFinding(r, w, 'warning', fixesFor('proxy', 'stale', '', ctx), { version: r.latest!, newest: ahead.latest!, other: ahead.target }));
    }

    // Checksum database findings: errors on the route the go command takes, info elsewhere.
    const routeName = sumdbs.find((s) => s.onRoute)?.target;
    for (const s of sumdbs) {
      const ctx: FixContext = { sumdbName, viaProxy: !!s.connect?.via };
      if (best) ctx.mirror = { url: best.target, goproxy: recommendation.goproxy!, carriesSumdb: best.sumdb === 'yes' };
      if (s.failure && s.failure.kind !== 'cancelled') {
        const host = hostOf(s.target);
        const keys = signers(s.failure.detail);
        // Off the route the go command takes, a failure needs no action: no fixes.
        const fixes = s.onRoute ? fixesFor('sumdb', s.failure.kind, host, ctx) : [];
        const f = failureFinding(s, s.failure, s.onRoute ? severityOf(s.failure.kind) : 'info', fixes, { limit: client.maxBodyBytes, keys });
        if (!s.onRoute && routeName) f.message = t('net.sumdb.off-route', { message: f.message, route: routeName });
        findings.push(f);
      }
      for (const w of s.warnings) findings.push(failureFinding(s, w, s.onRoute ? severityOf(w.kind) : 'info', [], { ms: Number(/after (\d+) ms/.exec(w.detail)?.[1] ?? s.ms) }));
    }

    // A measurably faster healthy mirror than the first configured entry.
    const first = configured[0] ? byUrl(configured[0]) : undefined;
    if (best && first && first.ok && !recommendation.keep && best.ms * 2 < first.ms && first.ms - best.ms > 200) {
      findings.push({
        code: 'proxy.faster-mirror',
        severity: 'info',
        message: t('net.faster-mirror', { mirror: best.target, ms: best.ms, current: first.target, currentMs: first.ms }),
        host: hostOf(first.url),
        variable: 'GOPROXY',
        evidence: { ranked: recommendation.ranked },
        fixes: [{ id: 'net.switch-mirror', title: t('net.fix.switch-mirror', { mirror: best.target, value: recommendation.goproxy! }) }],
      });
    } else if (best && !best.configured && configured.length > 0 && !proxies.some((p) => p.configured && p.ok)) {
      findings.push({
        code: 'proxy.healthy-mirror',
        severity: 'info',
        message: t('net.healthy-mirror', { mirror: best.target, ms: best.ms }),
        variable: 'GOPROXY',
        evidence: { ranked: recommendation.ranked },
        fixes: [{ id: 'net.switch-mirror', title: t('net.fix.switch-mirror', { mirror: best.target, value: recommendation.goproxy! }) }],
      });
    }

    return {
      probes: [...proxies.map(summary), ...sumdbs.map(summary)],
      findings: findings.map((f) => ({ ...f, message: redactSecrets(f.message), fixes: f.fixes?.map((x) => ({ ...x, title: redactSecrets(x.title) })) })).map((f) => {
        if (!f.fixes) delete f.fixes;
        return f;
      }),
      recommendation,
      proxies,
      sumdbs,
      durationMs: since(started),
    };
  } finally {
    client.close();
  }
}

/** Probes one proxy URL with its own client (for callers that want a single target, like the fault matrix). */
export async function probeOneProxy(url: string, opts: NetOptions & { module?: string; gonoproxy?: string; sumdbName?: string } = {}): Promise<{ result: ProxyProbeResult; findings: Finding[] }> {
  const client = new HttpClient(opts);
  try {
    const result = await probeProxy(
      client,
      { url, configured: true, module: opts.module ?? DEFAULT_PROBE_MODULE, gonoproxy: opts.gonoproxy ?? '', sumdbName: opts.sumdbName, slowMs: opts.slowMs ?? DEFAULTS.slowMs },
      now() + client.overallTimeoutMs,
    );
    const findings: Finding[] = [];
    if (result.failure && result.failure.kind !== 'cancelled') {
      findings.push(failureFinding(result, result.failure, severityOf(result.failure.kind), fixesFor('proxy', result.failure.kind, hostOf(url), {}), { limit: client.maxBodyBytes }));
    }
    for (const w of result.warnings) findings.push(failureFinding(result, w, severityOf(w.kind), [], {}));
    return { result, findings };
  } finally {
    client.close();
  }
}

/** Probes one checksum database base URL with its own client. */
export async function probeOneSumdb(
  base: string,
  key: string,
  opts: NetOptions & { record?: { module: string; version: string }; gonosumdb?: string } = {},
): Promise<{ result: SumdbProbeResult; findings: Finding[] }> {
  const client = new HttpClient(opts);
  try {
    let verifier: Verifier;
    try {
      verifier = verifierFromKey(key);
    } catch (err) {
      const result: SumdbProbeResult = {
        kind: 'sumdb', target: displayUrl(base), name: key.split('+')[0], via: 'direct', onRoute: true, ok: false, stage: 'protocol', ms: 0, warnings: [], requests: [],
        failure: fail('unsupported', 'protocol', `invalid GOSUMDB: ${(err as Error).message}`),
      };
      return { result, findings: [failureFinding(result, result.failure!, 'error', [])] };
    }
    const result = await probeSumdb(
      client,
      { base, name: verifier.name, verifier, via: 'direct', onRoute: true, lookup: opts.record, gonosumdb: opts.gonosumdb ?? '', slowMs: opts.slowMs ?? DEFAULTS.slowMs },
      now() + client.overallTimeoutMs,
    );
    const findings: Finding[] = [];
    if (result.failure && result.failure.kind !== 'cancelled') {
      findings.push(failureFinding(result, result.failure, severityOf(result.failure.kind), fixesFor('sumdb', result.failure.kind, hostOf(base), { sumdbName: verifier.name }), { limit: client.maxBodyBytes, keys: signers(result.failure.detail) }));
    }
    return { result, findings };
  } finally {
    client.close();
  }
}

/** Runs a probe; an unexpected exception (a bug) becomes a failed result instead of a rejection. */
async function neverThrows<T>(run: () => Promise<T>, onError: (detail: string) => T): Promise<T> {
  try {
    return await run();
  } catch (err) {
    return onError(redactSecrets(err instanceof Error ? err.message : String(err)));
  }
}

/** The "signed by …" list of an unknown-key failure. */
function signers(detail: string): string {
  return /signed by ([^)]*)\)/.exec(detail)?.[1] ?? '';
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

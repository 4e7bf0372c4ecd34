// route(module): the sources the go command tries for a module, in order, with the fallback rule between them,
// and whether and where it consults the checksum database (modfetch TryProxies, lookup, sumdb initBase).
import { proxyHost, proxyList, type ProxyEntry } from './goproxy';
import { parseGosumdb } from './gosumdb';
import { matchingPattern } from './patterns';

/** The effective values route() needs (normally ResolvedEnv.values). */
export interface RouteEnv {
  GOPROXY: string;
  GONOPROXY: string;
  GONOSUMDB: string;
  GOSUMDB: string;
  GOINSECURE?: string;
  GOFLAGS?: string;
}

/** The routing variables out of a resolved environment's values (unset counts as empty, as in go). */
export function routeEnvOf(values: Record<string, string | undefined>): RouteEnv {
  return {
    GOPROXY: values.GOPROXY ?? '',
    GONOPROXY: values.GONOPROXY ?? '',
    GONOSUMDB: values.GONOSUMDB ?? '',
    GOSUMDB: values.GOSUMDB ?? '',
    GOINSECURE: values.GOINSECURE ?? '',
    GOFLAGS: values.GOFLAGS ?? '',
  };
}

export type Fallback =
  /** "," or end of list: the next source is tried only after a not-found answer (404, 410, missing file) */
  | 'not-found'
  /** "|": the next source is tried after any error */
  | 'any-error';

export interface RouteSource {
  kind: 'proxy' | 'direct' | 'off';
  /** The proxy URL (kind "proxy"). */
  url?: string;
  /** host[:port] contacted: the proxy's host, or the module path's host for direct fetches; none for file:// and off. */
  host?: string;
  /** When this source fails, whether the go command goes on to the next one. */
  fallback: Fallback;
  /** Direct because the module path matches GONOPROXY (or GOPRIVATE); `pattern` is the matching pattern. */
  via?: { variable: 'GONOPROXY'; pattern: string };
  /** Direct fetches of paths matching GOINSECURE may use plain http and skip certificate checks. */
  insecure?: boolean;
  /** The same proxy URL appeared earlier: go answers from its cache of that lookup, contacting nothing. */
  repeat?: boolean;
}

export interface SumdbProbe {
  /** The proxy asked for `<url>/sumdb/<name>/supported`. */
  url: string;
  supportedUrl: string;
  fallback: Fallback;
}

export type SumdbRoute =
  | { consulted: false; reason: 'gosumdb-off' | 'gonosumdb' | 'vendor'; pattern?: string }
  | {
      consulted: true;
      name: string;
      /** The checksum database cannot be used at all (bad GOSUMDB or GOPROXY): lookups fail with this. */
      error?: string;
      /** GOSUMDB names a URL: every checksum request goes there, no proxy is asked. */
      explicitUrl?: string;
      /** Proxies asked, in order, whether they proxy the database (only without an explicit URL). */
      probes: SumdbProbe[];
      /** The walk ends at "direct" or "off" (rather than running out of entries). */
      endsAt?: 'direct' | 'off';
      /** https://<name>: used when no proxy offers the database. */
      direct: string;
    };

export interface Route {
  module: string;
  /** Sources in the order they are tried. Empty when `error` is set. */
  sources: RouteSource[];
  /** Every lookup fails before contacting anything (an invalid GOPROXY, or -mod=vendor). */
  error?: string;
  sumdb: SumdbRoute;
}

function moduleHost(modulePath: string): string {
  return modulePath.split('/')[0].toLowerCase();
}

function vendorMode(goflags: string | undefined): boolean {
  return (goflags ?? '').split(/\s+/).some((f) => /^--?mod=vendor$/.test(f));
}

/** The ordered sources and checksum-database plan for one module path. */
export function route(modulePath: string, env: RouteEnv, platform: NodeJS.Platform = process.platform): Route {
  const { list, error } = proxyList(env.GOPROXY, env.GONOPROXY, platform);
  const sumdb = sumdbRoute(modulePath, env, list, error);
  if (vendorMode(env.GOFLAGS)) return { module: modulePath, sources: [], error: 'module lookup disabled by -mod=vendor', sumdb };
  if (error) return { module: modulePath, sources: [], error, sumdb };

  const noproxyPattern = env.GONOPROXY !== '' ? matchingPattern(env.GONOPROXY, modulePath) : undefined;
  const insecure = !!env.GOINSECURE && matchingPattern(env.GOINSECURE, modulePath) !== undefined;
  const direct = (fallback: Fallback, via?: RouteSource['via']): RouteSource => {
    const s: RouteSource = { kind: 'direct', host: moduleHost(modulePath), fallback };
    if (via) s.via = via;
    if (insecure) s.insecure = true;
    return s;
  };
  const sources: RouteSource[] = [];
  const seenUrls = new Set<string>();
  let privateDirect = false;
  for (const e of list) {
    const fallback: Fallback = e.fallbackOnError ? 'any-error' : 'not-found';
    if (e.kind === 'noproxy') {
      // Paths matching GONOPROXY are fetched directly first. If that answers "not found", the proxy and off
      // entries answer "disabled" without contacting anything, and a later "direct" entry looks again.
      if (noproxyPattern !== undefined) {
        sources.push(direct(fallback, { variable: 'GONOPROXY', pattern: noproxyPattern }));
        privateDirect = true;
      }
      continue;
    }
    if (e.kind === 'direct') {
      sources.push(direct(fallback));
      break;
    }
    if (privateDirect) {
      if (e.kind === 'off') break;
      continue;
    }
    if (e.kind === 'off') {
      sources.push({ kind: 'off', fallback });
      break;
    }
    const s: RouteSource = { kind: 'proxy', url: e.url!, fallback };
    const host = e.url!.startsWith('file:') ? undefined : proxyHost(e.url!);
    if (host) s.host = host;
    // The go command caches each (proxy URL, module) lookup: a repeated URL answers from that cache.
    if (seenUrls.has(e.url!)) s.repeat = true;
    seenUrls.add(e.url!);
    sources.push(s);
  }
  return { module: modulePath, sources, sumdb };
}

function sumdbRoute(modulePath: string, env: RouteEnv, list: ProxyEntry[], listError: string | undefined): SumdbRoute {
  // golang.org/toolchain always needs the database (cmd/go useSumDB), whatever GOSUMDB/GONOSUMDB say.
  const toolchain = modulePath === 'golang.org/toolchain';
  if (!toolchain) {
    if (env.GOSUMDB === 'off') return { consulted: false, reason: 'gosumdb-off' };
    const p = env.GONOSUMDB ? matchingPattern(env.GONOSUMDB, modulePath) : undefined;
    if (p !== undefined) return { consulted: false, reason: 'gonosumdb', pattern: p };
  }
  const cfg = parseGosumdb(env.GOSUMDB);
  if (cfg.kind === 'off') return { consulted: true, name: '', error: 'checksum database disabled by GOSUMDB=off', probes: [], direct: '' };
  if (cfg.kind === 'error') return { consulted: true, name: '', error: cfg.error, probes: [], direct: '' };
  if (cfg.url) return { consulted: true, name: cfg.name, explicitUrl: cfg.url, probes: [], direct: cfg.direct };
  if (listError) return { consulted: true, name: cfg.name, error: listError, probes: [], direct: cfg.direct };
  const probes: SumdbProbe[] = [];
  let endsAt: 'direct' | 'off' | undefined;
  for (const e of list) {
    if (e.kind === 'noproxy') continue;
    if (e.kind === 'direct' || e.kind === 'off') {
      endsAt = e.kind;
      break;
    }
    probes.push({ url: e.url!, supportedUrl: joinUrl(e.url!, `sumdb/${cfg.name}/supported`), fallback: e.fallbackOnError ? 'any-error' : 'not-found' });
  }
  const out: SumdbRoute = { consulted: true, name: cfg.name, probes, direct: cfg.direct };
  if (endsAt) out.endsAt = endsAt;
  return out;
}

/** web.Join: the base URL's path with one trailing "/" trimmed, then "/" + rel. */
export function joinUrl(base: string, rel: string): string {
  return (base.endsWith('/') ? base.slice(0, -1) : base) + '/' + rel;
}

export type AttemptResult = 'ok' | 'not-found' | 'error';

export interface Walk<T> {
  /** Every source attempted, in order. */
  tried: T[];
  /** The source that succeeded. */
  ok?: T;
  /** The result the go command ends with when nothing succeeded. */
  result: AttemptResult;
}

/**
 * TryProxies: try each source until one succeeds; after a failure go on only when the source is followed by "|"
 * or the failure is a not-found. When all fail, the reported error follows go's ranking (direct > proxy error >
 * not found), which decides, for the checksum database, between "connect directly" and "unavailable".
 */
export function walkSources<T extends { fallback: Fallback }>(
  sources: T[],
  attempt: (s: T) => AttemptResult,
  isDirectRank: (s: T, r: AttemptResult) => boolean = () => false,
): Walk<T> {
  const tried: T[] = [];
  let best: AttemptResult = 'not-found';
  let rank = 0; // 0 not-exist, 1 proxy, 2 direct
  for (const s of sources) {
    const r = attempt(s);
    tried.push(s);
    if (r === 'ok') return { tried, ok: s, result: 'ok' };
    const notFound = r === 'not-found';
    if (isDirectRank(s, r)) {
      best = r;
      rank = 2;
    } else if (rank <= 1 && !notFound) {
      best = r;
      rank = 1;
    } else if (rank === 0) {
      best = r;
    }
    if (s.fallback !== 'any-error' && !notFound) break;
  }
  return { tried, result: best };
}

/** For a module fetch: which sources are contacted given how each one answers. `off` never contacts anything. */
export function simulateFetch(r: Route, answer: (s: RouteSource) => AttemptResult): Walk<RouteSource> {
  return walkSources(r.sources, (s) => (s.kind === 'off' ? 'not-found' : answer(s)), (s) => s.kind === 'direct');
}

/**
 * For the checksum database: which proxies are asked for /supported, and where lookups then go: a proxy's
 * /sumdb/<name> base, the database directly, or nowhere ("unavailable": lookups fail with the proxy's error).
 */
export function simulateSumdb(
  r: Route,
  supported: (p: SumdbProbe) => AttemptResult,
): { probed: SumdbProbe[]; base?: string; unavailable: boolean } {
  const db = r.sumdb;
  if (!db.consulted) return { probed: [], unavailable: false };
  if (db.error) return { probed: [], unavailable: true };
  if (db.explicitUrl) return { probed: [], base: db.explicitUrl, unavailable: false };
  type Step = { fallback: Fallback; probe?: SumdbProbe; end?: 'direct' | 'off' };
  const steps: Step[] = db.probes.map((p) => ({ fallback: p.fallback, probe: p }));
  if (db.endsAt) steps.push({ fallback: 'not-found', end: db.endsAt });
  const w = walkSources(steps, (s) => (s.probe ? supported(s.probe) : 'not-found'), (s) => s.end === 'direct');
  const probed = w.tried.filter((s) => s.probe).map((s) => s.probe!);
  if (w.ok?.probe) return { probed, base: joinUrl(w.ok.probe.url, `sumdb/${db.name}`), unavailable: false };
  return w.result === 'not-found' ? { probed, base: db.direct, unavailable: false } : { probed, unavailable: true };
}

export interface DownloadSimulation {
  /** The walks for .info, .mod and .zip (in that order) that happen; a failed walk is the last. */
  walks: Array<{ file: 'info' | 'mod' | 'zip'; walk: Walk<RouteSource> }>;
  /** Checksum-database traffic, when the database is consulted (after a .mod arrives). */
  sumdb?: ReturnType<typeof simulateSumdb> & { verified: boolean };
  ok: boolean;
}

/**
 * What `go mod download module@version` does with a route: walk the sources for .info, then for .mod (verifying
 * it against the checksum database when consulted), then for .zip. A failed verification is an error of that
 * source, so after a "|" the walk goes on to the next source. `lookupOk` tells whether the database found at a
 * base URL answers with a valid signed record.
 */
export function simulateDownload(
  r: Route,
  answer: (s: RouteSource) => AttemptResult,
  supported: (p: SumdbProbe) => AttemptResult,
  lookupOk: (base: string) => boolean,
): DownloadSimulation {
  const walks: DownloadSimulation['walks'] = [];
  const info = simulateFetch(r, answer);
  walks.push({ file: 'info', walk: info });
  if (info.result !== 'ok') return { walks, ok: false };
  let verified = true;
  let sumdb: DownloadSimulation['sumdb'];
  if (r.sumdb.consulted) {
    const sim = simulateSumdb(r, supported);
    verified = !sim.unavailable && !!sim.base && lookupOk(sim.base);
    sumdb = { ...sim, verified };
  }
  const checked = (s: RouteSource): AttemptResult => {
    const a = answer(s);
    return a === 'ok' && !verified ? 'error' : a;
  };
  const mod = simulateFetch(r, checked);
  walks.push({ file: 'mod', walk: mod });
  if (mod.result !== 'ok') return { walks, sumdb, ok: false };
  const zip = simulateFetch(r, checked);
  walks.push({ file: 'zip', walk: zip });
  return { walks, sumdb, ok: zip.result === 'ok' };
}

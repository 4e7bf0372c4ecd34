// Probing one GOPROXY entry with real protocol requests for a well-known module: @v/list, @latest, the .info of
// the newest version, and /sumdb/<name>/supported. Each answer is checked the way the go command checks it, plus
// the silent failures it reports badly (empty 200, HTML pages, wrong .info version, redirects to other hosts).
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { joinUrl } from '../goenv/route';
import { matchingPattern } from '../goenv/patterns';
import { escapePath, escapeVersion } from '../modfile/module';
import { compareSemver, isPseudoVersion, isValidSemver, semverCanonical } from '../modfile/semver';
import type { HttpClient } from './client';
import { displayUrl } from './credentials';
import { fail } from './errors';
import { now, since } from './timing';
import type { ConnectTrace, Failure, FailureKind, HttpExchange, Stage } from './types';

export type ProxyRequestKind = 'list' | 'latest' | 'info' | 'supported';

export interface RequestRecord {
  what: ProxyRequestKind | 'sumdb-latest' | 'lookup';
  url: string;
  status?: number;
  ttfbMs?: number;
  ms: number;
  bytes: number;
  redirects: string[];
  failure?: Failure;
}

export interface SupportedAnswer {
  /** yes: 200; no: 404/410 (try the next entry); error: anything else (with "," the database is unavailable). */
  answer: 'yes' | 'no' | 'error';
  status?: number;
  failure?: Failure;
}

export interface ProxyProbeResult {
  kind: 'proxy';
  /** The entry's URL without credentials. */
  target: string;
  /** The URL as configured (may carry credentials; never shown). */
  url: string;
  configured: boolean;
  module: string;
  ok: boolean;
  stage: Stage;
  ms: number;
  status?: number;
  failure?: Failure & { request?: ProxyRequestKind };
  /** Not failures: redirects to other hosts, slowness, an IPv6/IPv4 family that does not connect. */
  warnings: Failure[];
  skipped?: 'gonoproxy' | 'file';
  connect?: ConnectTrace;
  requests: RequestRecord[];
  versions?: string[];
  /** The newest version this proxy offers (@latest, else the highest in the list). */
  latest?: string;
  /** Time to first byte of the list request (the latency measure used for ranking). */
  ttfbMs?: number;
  sumdb?: SupportedAnswer & { name: string };
}

export interface ProxyProbeInput {
  url: string;
  configured: boolean;
  module: string;
  /** GONOPROXY (effective, GOPRIVATE included): matching modules are never sent to a proxy. */
  gonoproxy: string;
  /** The checksum database whose /supported endpoint to ask for (none when GOSUMDB is off or has a URL). */
  sumdbName?: string;
  slowMs: number;
}

function isHtml(ex: HttpExchange): boolean {
  if (/text\/html|application\/xhtml/i.test(ex.contentType ?? '')) return true;
  return /^\s*(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(ex.body.subarray(0, 512).toString('utf8'));
}

/** Maps an HTTP status the go command refuses to a failure kind. */
export function statusKind(status: number): FailureKind {
  if (status === 401 || status === 407) return 'auth-required';
  if (status === 404 || status === 410) return 'not-found';
  if (status >= 500) return 'http-5xx';
  if (status >= 400) return 'http-4xx';
  return 'bad-response';
}

/** The go command's short excerpt of a text/plain error body (first lines, printable only). */
function bodyExcerpt(ex: HttpExchange): string {
  if (ex.contentType && !/^text\/plain(;\s*charset=(utf-8|us-ascii))?$/i.test(ex.contentType.trim())) return '';
  const text = ex.body.subarray(0, 648).toString('utf8');
  const para = text.split('\n\n')[0].split('\n').slice(0, 8).join('\n').trim();
  return /[^\x20-\x7e\n\t\u00a0-\uffff]/.test(para) ? '' : para;
}

function httpFailure(ex: HttpExchange): Failure {
  const status = ex.status ?? 0;
  const excerpt = bodyExcerpt(ex);
  return fail(statusKind(status), 'http', `reading ${ex.finalUrl}: ${status}${excerpt ? `\n\tserver response: ${excerpt}` : ''}`);
}

function record(what: RequestRecord['what'], ex: HttpExchange): RequestRecord {
  const r: RequestRecord = { what, url: ex.url, ms: ex.ms, bytes: ex.bytes, redirects: ex.redirects };
  if (ex.status !== undefined) r.status = ex.status;
  if (ex.ttfbMs !== undefined) r.ttfbMs = ex.ttfbMs;
  if (ex.failure) r.failure = ex.failure;
  return r;
}

/** Notes cross-host redirects and broken address families of an exchange as warnings (once each). */
export function observe(ex: HttpExchange, base: URL, warnings: Failure[]): void {
  for (const r of ex.redirects) {
    let host = '';
    try {
      host = new URL(r).host;
    } catch {
      continue;
    }
    if (host !== base.host && !warnings.some((w) => w.kind === 'redirect-other-host')) {
      warnings.push(fail('redirect-other-host', 'http', `${displayUrl(base)} redirects to another host: ${r}`));
    }
  }
  const fams = ex.connect?.tcp?.families ?? [];
  const good = fams.filter((f) => !f.error);
  for (const f of fams) {
    if (f.error && good.length > 0 && !warnings.some((w) => w.kind === 'family-unreachable')) {
      warnings.push(fail('family-unreachable', 'tcp', `IPv${f.family} ${f.address}: ${f.error}; IPv${good[0].family} works`, f.error));
    }
  }
}

function parseInfo(ex: HttpExchange): { version?: string; failure?: Failure } {
  const text = ex.body.toString('utf8');
  if (text.trim() === '') return { failure: fail('empty', 'protocol', `${ex.finalUrl}: 200 OK with an empty body`) };
  if (isHtml(ex)) return { failure: fail('html', 'protocol', `${ex.finalUrl}: an HTML page instead of JSON (${ex.contentType ?? 'no Content-Type'})`) };
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (err) {
    return { failure: fail('bad-json', 'protocol', `invalid response from proxy "${ex.finalUrl}": ${(err as Error).message}`) };
  }
  const version = (v as { Version?: unknown })?.Version;
  if (typeof version !== 'string' || !isValidSemver(version)) {
    return { failure: fail('bad-json', 'protocol', `invalid response from proxy "${ex.finalUrl}": no valid "Version" field`) };
  }
  return { version };
}

function parseList(ex: HttpExchange): { versions: string[]; failure?: Failure } {
  const text = ex.body.toString('utf8');
  if (isHtml(ex)) return { versions: [], failure: fail('html', 'protocol', `${ex.finalUrl}: an HTML page instead of a version list (${ex.contentType ?? 'no Content-Type'})`) };
  const versions: string[] = [];
  let lines = 0;
  for (const line of text.split('\n')) {
    const f = line.trim().split(/\s+/)[0];
    if (!f) continue;
    lines++;
    if (isValidSemver(f) && semverCanonical(f) === f && !isPseudoVersion(f)) versions.push(f);
  }
  versions.sort(compareSemver);
  if (lines > 0 && versions.length === 0) {
    return { versions, failure: fail('bad-list', 'protocol', `${ex.finalUrl}: ${lines} line(s) but no valid version`) };
  }
  return { versions };
}

/** Probes one proxy entry; never throws. `deadline` bounds every request of this target. */
export async function probeProxy(client: HttpClient, input: ProxyProbeInput, deadline: number): Promise<ProxyProbeResult> {
  const start = now();
  const r: ProxyProbeResult = {
    kind: 'proxy',
    target: displayUrl(input.url),
    url: input.url,
    configured: input.configured,
    module: input.module,
    ok: false,
    stage: 'done',
    ms: 0,
    warnings: [],
    requests: [],
  };
  const finish = (failure?: Failure, request?: ProxyRequestKind): ProxyProbeResult => {
    r.ms = since(start);
    if (failure) {
      r.failure = request ? { ...failure, request } : failure;
      r.stage = failure.stage;
      r.ok = false;
    } else {
      r.ok = true;
      r.stage = 'done';
    }
    return r;
  };

  let base: URL;
  try {
    base = new URL(input.url);
  } catch {
    return finish(fail('unsupported', 'http', `not a URL: ${r.target}`));
  }
  if (base.protocol === 'file:') {
    r.skipped = 'file';
    let dir = '';
    try {
      dir = fileURLToPath(base);
    } catch {
      return finish(fail('not-found', 'protocol', `${r.target}: not a local path`));
    }
    const ok = existsSync(dir) && statSync(dir).isDirectory();
    return finish(ok ? undefined : fail('not-found', 'protocol', `${r.target}: no such directory`));
  }

  const get = async (what: RequestRecord['what'], url: string): Promise<HttpExchange> => {
    const ex = await client.get(url, { deadline });
    r.requests.push(record(what, ex));
    if (!r.connect && ex.connect) r.connect = ex.connect;
    observe(ex, base, r.warnings);
    return ex;
  };

  let escModule: string;
  try {
    escModule = escapePath(input.module);
  } catch (err) {
    return finish(fail('unsupported', 'protocol', (err as Error).message));
  }
  const privatePattern = input.gonoproxy ? matchingPattern(input.gonoproxy, input.module) : undefined;

  if (privatePattern === undefined) {
    // 1. the version list
    const list = await get('list', joinUrl(input.url, `${escModule}/@v/list`));
    r.status = list.status;
    r.ttfbMs = list.ttfbMs;
    if (list.failure) return finish(list.failure, 'list');
    if (list.status !== 200) return finish(httpFailure(list), 'list');
    const parsed = parseList(list);
    if (parsed.failure) return finish(parsed.failure, 'list');
    r.versions = parsed.versions;
    if (input.slowMs > 0 && (list.ttfbMs ?? 0) > input.slowMs) {
      r.warnings.push(fail('slow', 'http', `first byte after ${list.ttfbMs} ms (threshold ${input.slowMs} ms)`));
    }

    // 2. @latest (optional in the protocol: 404/410 is fine when the list has versions)
    const latest = await get('latest', joinUrl(input.url, `${escModule}/@latest`));
    if (latest.failure) return finish(latest.failure, 'latest');
    let latestVersion: string | undefined;
    if (latest.status === 200) {
      const info = parseInfo(latest);
      if (info.failure) return finish(info.failure, 'latest');
      latestVersion = info.version;
    } else if (latest.status === 404 || latest.status === 410) {
      if (parsed.versions.length === 0) {
        const empty = list.body.toString('utf8').trim() === '';
        return finish(
          empty ? fail('empty', 'protocol', `${list.finalUrl}: 200 OK with an empty body, and ${latest.finalUrl}: ${latest.status}`) : httpFailure(latest),
          empty ? 'list' : 'latest',
        );
      }
    } else return finish(httpFailure(latest), 'latest');

    // 3. the .info of the newest listed version must name that version
    const newest = parsed.versions.length ? parsed.versions[parsed.versions.length - 1] : latestVersion;
    if (!newest) return finish(fail('empty', 'protocol', `${list.finalUrl}: no versions`), 'list');
    const info = await get('info', joinUrl(input.url, `${escModule}/@v/${escapeVersion(newest)}.info`));
    if (info.failure) return finish(info.failure, 'info');
    if (info.status !== 200) return finish(httpFailure(info), 'info');
    const got = parseInfo(info);
    if (got.failure) return finish(got.failure, 'info');
    if (got.version !== newest) {
      return finish(fail('wrong-version', 'protocol', `${input.module}@${newest}: proxy returned info for version ${got.version} instead of requested version`), 'info');
    }
    r.latest = latestVersion && compareSemver(latestVersion, newest) > 0 ? latestVersion : newest;
  } else {
    r.skipped = 'gonoproxy';
  }

  // 4. does this proxy carry the checksum database? (no module path is sent)
  if (input.sumdbName) {
    const sup = await get('supported', joinUrl(input.url, `sumdb/${input.sumdbName}/supported`));
    if (r.ttfbMs === undefined) r.ttfbMs = sup.ttfbMs;
    if (r.status === undefined) r.status = sup.status;
    if (sup.failure) {
      r.sumdb = { name: input.sumdbName, answer: 'error', failure: sup.failure };
      if (r.skipped) return finish(sup.failure, 'supported');
    } else if (sup.status === 200) r.sumdb = { name: input.sumdbName, answer: 'yes', status: 200 };
    else if (sup.status === 404 || sup.status === 410) r.sumdb = { name: input.sumdbName, answer: 'no', status: sup.status };
    else r.sumdb = { name: input.sumdbName, answer: 'error', status: sup.status, failure: httpFailure(sup) };
  }
  return finish();
}

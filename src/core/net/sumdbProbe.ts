// Probing a checksum database base URL: /latest must be a tree head signed by the GOSUMDB key, and a lookup of a
// known module must return its go.sum lines under a signed tree. The same code serves the database itself and
// its copy behind a proxy (<proxy>/sumdb/<name>).
import { matchingPattern } from '../goenv/patterns';
import { escapePath, escapeVersion } from '../modfile/module';
import type { HttpClient } from './client';
import { displayUrl } from './credentials';
import { fail } from './errors';
import { observe, statusKind, type RequestRecord } from './goproxyProbe';
import { NoteError, openNote, parseLookup, parseTree, type Verifier } from './note';
import { now, since } from './timing';
import type { ConnectTrace, Failure, HttpExchange, Stage } from './types';

export interface SumdbProbeResult {
  kind: 'sumdb';
  /** The base URL without credentials. */
  target: string;
  name: string;
  /** direct: the GOSUMDB URL or https://<name>; proxy: <proxy>/sumdb/<name>. */
  via: 'direct' | 'proxy';
  /** For via "proxy": the proxy entry (display form). */
  proxy?: string;
  /** The go command would send its checksum traffic here. */
  onRoute: boolean;
  ok: boolean;
  stage: Stage;
  ms: number;
  status?: number;
  failure?: Failure & { request?: 'latest' | 'lookup' };
  warnings: Failure[];
  connect?: ConnectTrace;
  requests: RequestRecord[];
  tree?: { size: string; hash: string };
  lookup?: { module: string; version: string; skipped?: 'gonosumdb'; lines?: string[] };
  ttfbMs?: number;
}

export interface SumdbProbeInput {
  /** The base URL (may carry credentials). */
  base: string;
  name: string;
  verifier: Verifier;
  via: 'direct' | 'proxy';
  proxy?: string;
  onRoute: boolean;
  /** A module version known to be in the database; matched against GONOSUMDB before it is sent. */
  lookup?: { module: string; version: string };
  gonosumdb: string;
  slowMs: number;
}

function noteFailure(err: unknown, url: string): Failure {
  if (err instanceof NoteError) return fail(err.kind, 'protocol', `${url}: ${err.message}`);
  return fail('malformed-note', 'protocol', `${url}: ${(err as Error).message}`);
}

function httpFailure(ex: HttpExchange): Failure {
  return fail(statusKind(ex.status ?? 0), 'http', `reading ${ex.finalUrl}: ${ex.status}`);
}

function bodyFailure(ex: HttpExchange): Failure | undefined {
  const text = ex.body.toString('utf8');
  if (text.trim() === '') return fail('empty', 'protocol', `${ex.finalUrl}: 200 OK with an empty body`);
  if (/text\/html/i.test(ex.contentType ?? '') || /^\s*<(!doctype\s+html|html)/i.test(text.slice(0, 512))) {
    return fail('html', 'protocol', `${ex.finalUrl}: an HTML page instead of a signed note`);
  }
  return undefined;
}

/** Probes one checksum database base; never throws. */
export async function probeSumdb(client: HttpClient, input: SumdbProbeInput, deadline: number): Promise<SumdbProbeResult> {
  const start = now();
  const r: SumdbProbeResult = {
    kind: 'sumdb',
    target: displayUrl(input.base),
    name: input.name,
    via: input.via,
    onRoute: input.onRoute,
    ok: false,
    stage: 'done',
    ms: 0,
    warnings: [],
    requests: [],
  };
  if (input.proxy) r.proxy = displayUrl(input.proxy);
  const finish = (failure?: Failure, request?: 'latest' | 'lookup'): SumdbProbeResult => {
    r.ms = since(start);
    r.ok = !failure;
    r.stage = failure ? failure.stage : 'done';
    if (failure) r.failure = request ? { ...failure, request } : failure;
    return r;
  };
  const get = async (what: RequestRecord['what'], url: string) => {
    const ex = await client.get(url, { deadline });
    const rec: RequestRecord = { what, url: ex.url, ms: ex.ms, bytes: ex.bytes, redirects: ex.redirects };
    if (ex.status !== undefined) rec.status = ex.status;
    if (ex.ttfbMs !== undefined) rec.ttfbMs = ex.ttfbMs;
    if (ex.failure) rec.failure = ex.failure;
    r.requests.push(rec);
    if (!r.connect && ex.connect) r.connect = ex.connect;
    try {
      observe(ex, new URL(input.base), r.warnings);
    } catch {
      // not a URL: the request itself failed and says so
    }
    return ex;
  };
  const baseUrl = input.base.replace(/\/+$/, '');

  const latest = await get('sumdb-latest', `${baseUrl}/latest`);
  r.status = latest.status;
  r.ttfbMs = latest.ttfbMs;
  if (latest.failure) return finish(latest.failure, 'latest');
  if (latest.status !== 200) return finish(httpFailure(latest), 'latest');
  const bad = bodyFailure(latest);
  if (bad) return finish(bad, 'latest');
  try {
    const note = openNote(latest.body, input.verifier);
    const tree = parseTree(note.text);
    r.tree = { size: tree.size.toString(), hash: tree.hash };
  } catch (err) {
    return finish(noteFailure(err, latest.finalUrl), 'latest');
  }
  if (input.slowMs > 0 && (latest.ttfbMs ?? 0) > input.slowMs) {
    r.warnings.push(fail('slow', 'http', `first byte after ${latest.ttfbMs} ms (threshold ${input.slowMs} ms)`));
  }

  if (input.lookup) {
    const { module, version } = input.lookup;
    r.lookup = { module, version };
    if (input.gonosumdb && matchingPattern(input.gonosumdb, module) !== undefined) {
      r.lookup.skipped = 'gonosumdb';
      return finish();
    }
    let path: string;
    try {
      path = `${escapePath(module)}@${escapeVersion(version)}`;
    } catch (err) {
      return finish(fail('unsupported', 'protocol', (err as Error).message), 'lookup');
    }
    const lk = await get('lookup', `${baseUrl}/lookup/${path}`);
    if (lk.failure) return finish(lk.failure, 'lookup');
    if (lk.status !== 200) return finish(httpFailure(lk), 'lookup');
    const badLk = bodyFailure(lk);
    if (badLk) return finish(badLk, 'lookup');
    try {
      const rec = parseLookup(lk.body, input.verifier);
      const want = [`${module} ${version} h1:`, `${module} ${version}/go.mod h1:`];
      r.lookup.lines = rec.lines;
      if (!want.every((w) => rec.lines.some((l) => l.startsWith(w)))) {
        return finish(fail('bad-record', 'protocol', `${lk.finalUrl}: the record does not hold the go.sum lines of ${module}@${version}`), 'lookup');
      }
    } catch (err) {
      return finish(noteFailure(err, lk.finalUrl), 'lookup');
    }
  }
  return finish();
}

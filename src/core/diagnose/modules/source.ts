// Asking module sources about modules: the GOPROXY protocol (@v/list, @v/<v>.info, @v/<v>.mod, @latest) over net's
// HttpClient, file:// proxies read from disk, and checksum-database lookups. Every answer is cached for a short
// time and shared by every go.mod that asks (one request per URL while it lives); requests in flight are bounded.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { joinUrl } from '../../goenv/route';
import { escapePath, escapeVersion } from '../../modfile/module';
import { isValidSemver } from '../../modfile/semver';
import { HttpClient } from '../../net/client';
import { displayUrl } from '../../net/credentials';
import { fail } from '../../net/errors';
import { parseLookup, type Verifier } from '../../net/note';
import type { Failure, NetOptions } from '../../net/types';

export type SourceAnswer =
  /** 200 with a usable body. */
  | { kind: 'ok'; url: string; body: Buffer; ms: number; ttfbMs?: number; status: number }
  /** 404 or 410 (or a missing file in a file:// proxy): the go command moves on to the next source. */
  | { kind: 'not-found'; url: string; status: number; text: string; ms: number }
  /** Anything else: connection failures, other statuses, bodies the go command refuses. */
  | { kind: 'error'; url: string; failure: Failure; status?: number; ms: number };

export interface ModuleSourceOptions extends NetOptions {
  /** How long an answer is reused. Default 60 s (failures: 15 s, so that a fixed network shows soon). */
  ttlMs?: number;
  failureTtlMs?: number;
  /** Requests in flight at once, over all sources. Default 8. */
  concurrency?: number;
}

interface CacheEntry {
  at: number;
  answer: Promise<SourceAnswer>;
  settled?: SourceAnswer;
}

/** Short excerpt of a text error body (the go command shows the first lines of text/plain bodies). */
function excerpt(body: Buffer): string {
  return body.subarray(0, 400).toString('utf8').split('\n').slice(0, 3).join(' ').trim();
}

export class ModuleSourceClient {
  readonly http: HttpClient;
  private readonly cache = new Map<string, CacheEntry>();
  private readonly ttlMs: number;
  private readonly failureTtlMs: number;
  private readonly limit: number;
  private active = 0;
  private readonly queue: Array<() => void> = [];
  /** Every network URL requested (displayed form, no credentials), in order; tests read it. */
  readonly requested: string[] = [];

  constructor(opts: ModuleSourceOptions = {}) {
    // 16 requests at once: a large go.mod (kubernetes: 205 versions) gets its verdicts in about a second at 50 ms
    // per request (bench scenario 2); the HTTP client keeps as many connections per host, so none is reopened.
    this.limit = Math.max(1, opts.concurrency ?? 16);
    this.http = new HttpClient({ ...opts, concurrency: this.limit });
    this.ttlMs = opts.ttlMs ?? 60_000;
    this.failureTtlMs = opts.failureTtlMs ?? 15_000;
  }

  /** GET <proxy>/<module>/@v/<version>.info */
  info(proxy: string, module: string, version: string): Promise<SourceAnswer> {
    return this.fromProxy(proxy, module, `@v/${escapeVersion(version)}.info`);
  }

  /** GET <proxy>/<module>/@v/<version>.mod */
  mod(proxy: string, module: string, version: string): Promise<SourceAnswer> {
    return this.fromProxy(proxy, module, `@v/${escapeVersion(version)}.mod`);
  }

  /** GET <proxy>/<module>/@v/list */
  list(proxy: string, module: string): Promise<SourceAnswer> {
    return this.fromProxy(proxy, module, '@v/list');
  }

  /** GET <proxy>/<module>/@latest */
  latest(proxy: string, module: string): Promise<SourceAnswer> {
    return this.fromProxy(proxy, module, '@latest');
  }

  /** GET <proxy>/sumdb/<name>/supported */
  sumdbSupported(proxy: string, name: string): Promise<SourceAnswer> {
    return this.get(joinUrl(proxy, `sumdb/${name}/supported`));
  }

  /** GET <base>/lookup/<module>@<version>, verified with the database key; the go.sum lines it records. */
  async sumdbLookup(base: string, module: string, version: string, verifier: Verifier): Promise<{ answer: SourceAnswer; lines?: string[]; error?: string }> {
    let path: string;
    try {
      path = `${escapePath(module)}@${escapeVersion(version)}`;
    } catch (err) {
      return { answer: { kind: 'error', url: base, failure: fail('unsupported', 'protocol', (err as Error).message), ms: 0 } };
    }
    const answer = await this.get(`${base.replace(/\/+$/, '')}/lookup/${path}`);
    if (answer.kind !== 'ok') return { answer };
    try {
      return { answer, lines: parseLookup(answer.body, verifier).lines };
    } catch (err) {
      return { answer, error: (err as Error).message };
    }
  }

  /** Drops every cached answer (after the environment changed, or on request). */
  clear(): void {
    this.cache.clear();
  }

  close(): void {
    this.cache.clear();
    this.http.close();
  }

  private fromProxy(proxy: string, module: string, rel: string): Promise<SourceAnswer> {
    let esc: string;
    try {
      esc = escapePath(module);
    } catch (err) {
      return Promise.resolve({ kind: 'error', url: proxy, failure: fail('unsupported', 'protocol', (err as Error).message), ms: 0 });
    }
    return this.get(joinUrl(proxy, `${esc}/${rel}`));
  }

  /** A cached GET: one request per URL while the answer lives. */
  get(url: string): Promise<SourceAnswer> {
    const now = Date.now();
    const hit = this.cache.get(url);
    if (hit) {
      const ttl = hit.settled && hit.settled.kind === 'error' ? this.failureTtlMs : this.ttlMs;
      if (!hit.settled || now - hit.at < ttl) return hit.answer;
    }
    const entry: CacheEntry = { at: now, answer: Promise.resolve() as unknown as Promise<SourceAnswer> };
    entry.answer = this.bounded(() => this.fetch(url)).then((a) => {
      entry.settled = a;
      entry.at = Date.now();
      return a;
    });
    this.cache.set(url, entry);
    return entry.answer;
  }

  private async bounded<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.queue.push(resolve));
    this.active++;
    try {
      return await fn();
    } finally {
      this.active--;
      this.queue.shift()?.();
    }
  }

  private async fetch(url: string): Promise<SourceAnswer> {
    const shown = displayUrl(url);
    if (url.startsWith('file:')) return readLocal(url, shown);
    this.requested.push(shown);
    const ex = await this.http.get(url);
    if (ex.failure) return { kind: 'error', url: shown, failure: ex.failure, status: ex.status, ms: ex.ms };
    const status = ex.status ?? 0;
    if (status === 404 || status === 410) return { kind: 'not-found', url: shown, status, text: excerpt(ex.body), ms: ex.ms };
    if (status !== 200) {
      const kind = status === 401 || status === 407 ? 'auth-required' : status >= 500 ? 'http-5xx' : status >= 400 ? 'http-4xx' : 'bad-response';
      const text = excerpt(ex.body);
      return { kind: 'error', url: shown, status, ms: ex.ms, failure: fail(kind, 'http', `reading ${shown}: ${status}${text ? ` (${text})` : ''}`) };
    }
    return { kind: 'ok', url: shown, body: ex.body, ms: ex.ms, ttfbMs: ex.ttfbMs, status };
  }
}

async function readLocal(url: string, shown: string): Promise<SourceAnswer> {
  const started = Date.now();
  let path: string;
  try {
    path = fileURLToPath(url);
  } catch {
    return { kind: 'error', url: shown, failure: fail('unsupported', 'protocol', `${shown}: not a local path`), ms: 0 };
  }
  try {
    const body = await readFile(path);
    return { kind: 'ok', url: shown, body, ms: Date.now() - started, status: 200 };
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ENOENT' || e.code === 'ENOTDIR') return { kind: 'not-found', url: shown, status: 404, text: 'file does not exist', ms: Date.now() - started };
    return { kind: 'error', url: shown, failure: fail('unsupported', 'protocol', `${shown}: ${e.message}`), ms: Date.now() - started };
  }
}

/** The Version of a .info / @latest body, when it is valid JSON naming a valid version. */
export function infoVersion(body: Buffer): string | undefined {
  try {
    const v = (JSON.parse(body.toString('utf8')) as { Version?: unknown }).Version;
    return typeof v === 'string' && isValidSemver(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

/** A .info answer the go command accepts: JSON with a valid Version (the requested one, for tagged versions). */
export function checkInfo(answer: SourceAnswer, version: string): SourceAnswer {
  if (answer.kind !== 'ok') return answer;
  const got = infoVersion(answer.body);
  if (!got) return { kind: 'error', url: answer.url, status: 200, ms: answer.ms, failure: fail('bad-json', 'protocol', `invalid response from proxy "${answer.url}"`) };
  if (got !== version) {
    return { kind: 'error', url: answer.url, status: 200, ms: answer.ms, failure: fail('wrong-version', 'protocol', `proxy returned info for version ${got} instead of requested version`) };
  }
  return answer;
}

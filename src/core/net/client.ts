// GET-only HTTP client for the probes: node:http over our staged connector (so DNS/TCP/TLS are timed one by one),
// pooled keep-alive connections per origin, a bound on every wait, capped bodies, capped redirects (never
// https→http), credentials as the go command sends them, and HTTP(S)_PROXY/NO_PROXY applied as Go applies them.
// get() never rejects: every outcome is an HttpExchange, failures included.
import { Agent, request, type ClientRequest, type ClientRequestArgs, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Socket } from 'node:net';
import { stagedConnect, systemLookup, type ConnectParams } from './connect';
import { Credentials, displayUrl } from './credentials';
import { classifyError, fail, StageError } from './errors';
import { proxyEnvFrom, proxyForUrl, type ForwardProxy, type ProxyEnv } from './httpProxyEnv';
import { AbortedError, budget, now, since } from './timing';
import { trustedCas } from './trust';
import { DEFAULTS, type ConnectTrace, type Failure, type HttpExchange, type LookupFn, type NetOptions } from './types';

const TRACE = Symbol('gomod-doctor.connectTrace');
type TracedSocket = Socket & { [TRACE]?: ConnectTrace };

interface PerRequest {
  gmdDeadline: number;
  gmdSignal?: AbortSignal;
}

/** An http.Agent whose new connections are made by stagedConnect; idle ones are kept for reuse. */
class StagedAgent extends Agent {
  constructor(private readonly params: Omit<ConnectParams, 'deadline' | 'signal'>, maxSockets: number) {
    super({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets, scheduling: 'lifo' });
  }

  // Node's Agent accepts an asynchronous createConnection through its callback argument.
  override createConnection(args: ClientRequestArgs, cb?: (err: Error | null, stream: Duplex) => void): undefined {
    const options = args as ClientRequestArgs & PerRequest;
    stagedConnect({ ...this.params, deadline: options.gmdDeadline, signal: options.gmdSignal }).then(
      ({ socket, trace }) => {
        (socket as TracedSocket)[TRACE] = trace;
        cb?.(null, socket);
      },
      (err: Error) => cb?.(err, undefined as unknown as Duplex),
    );
    return undefined;
  }
}

export interface GetOptions {
  /** Absolute deadline (timing.now() based); default now + overallTimeoutMs. */
  deadline?: number;
  signal?: AbortSignal;
}

interface Hop {
  status?: number;
  contentType?: string;
  location?: string;
  ttfbMs?: number;
  bytes: number;
  body: Buffer;
  trace?: ConnectTrace;
  failure?: Failure;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export class HttpClient {
  readonly timeoutMs: number;
  readonly overallTimeoutMs: number;
  readonly maxBodyBytes: number;
  readonly maxRedirects: number;
  readonly signal?: AbortSignal;
  readonly proxyEnv: ProxyEnv;
  private readonly creds: Credentials;
  private readonly lookup: LookupFn;
  private readonly ca?: string[];
  private readonly userAgent: string;
  /** Connections kept per host: as many as requests may run at once, so each request reuses one. */
  private readonly socketsPerHost: number;
  private readonly agents = new Map<string, StagedAgent>();
  private readonly background = new Set<() => void>();
  private readonly inflight = new Set<ClientRequest>();
  private closed = false;

  constructor(opts: NetOptions = {}) {
    const env = opts.env ?? process.env;
    this.timeoutMs = opts.timeoutMs ?? DEFAULTS.timeoutMs;
    this.overallTimeoutMs = opts.overallTimeoutMs ?? 3 * this.timeoutMs;
    this.maxBodyBytes = opts.maxBodyBytes ?? DEFAULTS.maxBodyBytes;
    this.maxRedirects = opts.maxRedirects ?? DEFAULTS.maxRedirects;
    this.signal = opts.signal;
    this.proxyEnv = proxyEnvFrom(env);
    this.creds = Credentials.fromEnv(env, opts.platform);
    this.lookup = opts.lookup ?? systemLookup;
    this.ca = opts.ca !== undefined ? (Array.isArray(opts.ca) ? opts.ca : [opts.ca]) : trustedCas(env, opts.platform);
    this.userAgent = opts.userAgent ?? 'gomod-doctor';
    this.socketsPerHost = Math.max(1, opts.concurrency ?? DEFAULTS.concurrency);
  }

  private agentFor(url: URL, via: ForwardProxy | undefined): StagedAgent {
    const tls = url.protocol === 'https:';
    const port = Number(url.port || (tls ? 443 : 80));
    // Plain http through a proxy shares the connection to the proxy, whatever the target host.
    const key = via && !tls ? `proxy|${via.display}` : `${url.protocol}//${url.hostname}:${port}|${via?.display ?? ''}`;
    let agent = this.agents.get(key);
    if (!agent) {
      agent = new StagedAgent(
        { host: url.hostname.replace(/^\[|\]$/g, ''), port, tls, via, timeoutMs: this.timeoutMs, lookup: this.lookup, ca: this.ca, background: this.background },
        this.socketsPerHost,
      );
      this.agents.set(key, agent);
    }
    return agent;
  }

  /** GET with redirects; never rejects. */
  async get(url: string, o: GetOptions = {}): Promise<HttpExchange> {
    const start = now();
    const deadline = o.deadline ?? start + this.overallTimeoutMs;
    const signal = o.signal ?? this.signal;
    const shown = displayUrl(url);
    const ex: HttpExchange = { url: shown, finalUrl: shown, redirects: [], ms: 0, bytes: 0, body: Buffer.alloc(0) };
    const done = (f?: Failure) => {
      if (f) ex.failure = f;
      ex.ms = since(start);
      return ex;
    };
    let current: URL;
    try {
      current = new URL(url);
    } catch {
      return done(fail('unsupported', 'http', `not a URL: ${shown}`));
    }
    const original = current;
    const key = (u: URL) => {
      const c = new URL(u.href);
      c.username = '';
      c.password = '';
      c.hash = '';
      return c.href;
    };
    const seen = new Set([key(current)]);
    for (;;) {
      if (current.protocol !== 'http:' && current.protocol !== 'https:') {
        return done(fail('unsupported', 'http', `scheme ${current.protocol} is not probed over the network`));
      }
      const sameHost = current.host === original.host;
      let hop = await this.hop(current, deadline, signal, sameHost);
      if (hop.failure?.kind === 'reset' && hop.trace?.reused) hop = await this.hop(current, deadline, signal, sameHost);
      ex.status = hop.status;
      ex.contentType = hop.contentType;
      ex.ttfbMs = hop.ttfbMs;
      ex.bytes = hop.bytes;
      ex.body = hop.body;
      if (hop.trace && (!ex.connect || !hop.trace.reused)) ex.connect = hop.trace;
      ex.finalUrl = displayUrl(current);
      if (hop.failure) return done(hop.failure);
      if (!hop.status || !REDIRECTS.has(hop.status) || !hop.location) return done();
      let next: URL;
      try {
        next = new URL(hop.location, current);
      } catch {
        return done(fail('bad-response', 'http', `redirect to an invalid URL from ${displayUrl(current)}`));
      }
      if (current.protocol === 'https:' && next.protocol === 'http:') {
        return done(fail('insecure-redirect', 'http', `redirected from secure URL ${displayUrl(current)} to insecure URL ${displayUrl(next)}`));
      }
      if (seen.has(key(next))) {
        ex.redirects.push(displayUrl(next));
        return done(fail('redirect-loop', 'http', `redirect loop: ${displayUrl(next)} was already visited`));
      }
      if (ex.redirects.length >= this.maxRedirects) {
        return done(fail('too-many-redirects', 'http', `stopped after ${this.maxRedirects} redirects`));
      }
      seen.add(key(next));
      ex.redirects.push(displayUrl(next));
      current = next;
    }
  }

  private hop(url: URL, deadline: number, signal: AbortSignal | undefined, sendCredentials: boolean): Promise<Hop> {
    return new Promise<Hop>((resolve) => {
      const hop: Hop = { bytes: 0, body: Buffer.alloc(0) };
      if (this.closed) {
        resolve({ ...hop, failure: fail('cancelled', 'tcp', 'client closed') });
        return;
      }
      const route = proxyForUrl(this.proxyEnv, url);
      if (route.error) {
        resolve({ ...hop, failure: fail('proxyconnect', 'tcp', route.error) });
        return;
      }
      const via = route.proxy;
      if (via && via.scheme !== 'http' && via.scheme !== 'https') {
        resolve({ ...hop, failure: fail('unsupported', 'tcp', `${via.scheme} proxies (${via.display}) are not supported by the probes`) });
        return;
      }
      const tls = url.protocol === 'https:';
      const port = Number(url.port || (tls ? 443 : 80));
      const headers: Record<string, string> = { Host: url.host, 'User-Agent': this.userAgent };
      const auth = sendCredentials ? this.creds.authorizationFor(url) : undefined;
      if (auth) headers.Authorization = auth;
      const absolute = via && !tls;
      if (absolute && via.auth) headers['Proxy-Authorization'] = 'Basic ' + Buffer.from(via.auth).toString('base64');
      const path = absolute ? displayUrl(url) : url.pathname + url.search;

      let settled = false;
      let timer: NodeJS.Timeout | undefined;
      let res: IncomingMessage | undefined;
      let ttfbStart = 0;
      const chunks: Buffer[] = [];
      const settle = (failure?: Failure) => {
        if (settled) return;
        settled = true;
        if (timer) clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        this.inflight.delete(req);
        hop.body = Buffer.concat(chunks).subarray(0, this.maxBodyBytes);
        if (failure) {
          hop.failure = failure;
          req.destroy();
          res?.destroy();
        }
        resolve(hop);
      };
      const arm = (ms: number, f: () => Failure) => {
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => settle(f()), ms);
      };
      const onAbort = () => settle(classifyError(new AbortedError(), res ? 'http' : 'tcp'));

      const req = request({
        agent: this.agentFor(url, via),
        method: 'GET',
        host: via && !tls ? via.host : url.hostname.replace(/^\[|\]$/g, ''),
        port: via && !tls ? via.port : port,
        path,
        headers,
        setHost: false,
        gmdDeadline: deadline,
        gmdSignal: signal,
      } as ClientRequestArgs & PerRequest);
      this.inflight.add(req);
      if (signal?.aborted) {
        onAbort();
        return;
      }
      signal?.addEventListener('abort', onAbort, { once: true });
      // The connect stages bound themselves; this only catches a request queued behind busy pooled sockets.
      arm(Math.max(0, deadline - now()), () => fail('timeout', 'tcp', `no connection within the overall limit of ${this.overallTimeoutMs} ms`, 'ETIMEDOUT'));

      req.on('socket', (s: TracedSocket) => {
        hop.trace = req.reusedSocket ? { reused: true } : s[TRACE] ?? { reused: false };
        ttfbStart = now();
        // One bound for the whole HTTP stage: request written → headers → last body byte.
        const ms = budget(this.timeoutMs, deadline);
        arm(ms, () =>
          res
            ? fail('timeout', 'http', `response body not complete within ${Math.round(ms)} ms (${hop.bytes} bytes received)`, 'ETIMEDOUT')
            : fail('timeout', 'http', `no response headers within ${Math.round(ms)} ms`, 'ETIMEDOUT'),
        );
      });
      req.on('error', (err) => {
        if (err instanceof StageError) {
          if (err.trace) hop.trace = err.trace;
          settle(err.failure);
          return;
        }
        settle(classifyError(err, 'http'));
      });
      req.on('response', (r) => {
        res = r;
        hop.status = r.statusCode;
        hop.ttfbMs = since(ttfbStart);
        hop.contentType = typeof r.headers['content-type'] === 'string' ? r.headers['content-type'] : undefined;
        const location = r.headers.location;
        if (hop.status && REDIRECTS.has(hop.status) && location) {
          hop.location = location;
          r.resume(); // drain in the background so the connection can be reused
          r.on('error', () => undefined);
          settled = true;
          if (timer) clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
          this.inflight.delete(req);
          resolve(hop);
          return;
        }
        const declared = Number(r.headers['content-length'] ?? NaN);
        r.on('data', (d: Buffer) => {
          hop.bytes += d.length;
          if (hop.bytes <= this.maxBodyBytes + 1) chunks.push(d);
          if (hop.bytes > this.maxBodyBytes) settle(fail('body-too-large', 'http', `response body larger than ${this.maxBodyBytes} bytes`));
        });
        r.on('end', () => {
          if (!r.complete || (Number.isFinite(declared) && hop.bytes < declared)) {
            settle(fail('truncated', 'http', `response body ended after ${hop.bytes} of ${Number.isFinite(declared) ? declared : '?'} bytes`));
          } else settle();
        });
        r.on('error', (err) => {
          if (settled) return;
          const f = classifyError(err, 'http');
          if (f.kind === 'reset' && (hop.bytes > 0 || Number.isFinite(declared))) {
            settle(fail('truncated', 'http', `connection closed after ${hop.bytes} of ${Number.isFinite(declared) ? declared : '?'} bytes`, f.errno));
          } else settle(f);
        });
        r.on('aborted', () => {
          if (!settled) settle(fail('truncated', 'http', `connection closed after ${hop.bytes} of ${Number.isFinite(declared) ? declared : '?'} bytes`));
        });
      });
      req.end();
    });
  }

  /** Destroys every pooled and pending connection; the client cannot be used afterwards. */
  close(): void {
    this.closed = true;
    for (const r of this.inflight) r.destroy();
    this.inflight.clear();
    for (const c of this.background) c();
    this.background.clear();
    for (const a of this.agents.values()) a.destroy();
    this.agents.clear();
  }
}

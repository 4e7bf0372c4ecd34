// A fault server for the network probes: one loopback HTTP listener whose path prefix picks the fault
// ("http://127.0.0.1:<port>/<mode>" is a GOPROXY base), a raw TCP listener that accepts and never answers, TLS
// listeners with bad certificates, a closed port, an unresolvable .invalid name, and checksum databases that sign
// wrongly. Every mode serves the fixture module example.com/fault (v1.0.0, v1.1.0) wherever the fault leaves room.
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type AddressInfo, type Server as NetServer, type Socket } from 'node:net';
import type { TestCerts } from './certs';
import { buildModule, moduleFixture, newestVersion, type BuiltModule } from './modules';
import { TestSumdb, type SumdbSigning } from './sumdb-server';

export const FAULT_MODULE = 'example.com/fault';
export const FAULT_VERSIONS = ['v1.0.0', 'v1.1.0'];
export const SUMDB_NAME = 'sum.fault.example';

export type FaultKind = 'proxy' | 'sumdb';

export interface FaultMode {
  name: string;
  kind: FaultKind;
  what: string;
}

/** The fault modes, in the order of the matrix. Controls ("good…") come first. */
export const FAULT_MODES: readonly FaultMode[] = [
  { name: 'good', kind: 'proxy', what: 'healthy proxy (control)' },
  { name: 'tls-good', kind: 'proxy', what: 'healthy proxy over TLS, test CA (control)' },
  { name: 'sumdb-good', kind: 'sumdb', what: 'healthy checksum database (control)' },
  { name: 'stall-accept', kind: 'proxy', what: 'accepts the connection, never answers' },
  { name: 'stall-headers', kind: 'proxy', what: 'sends headers, then nothing' },
  { name: 'slow-drip', kind: 'proxy', what: 'sends the body one byte every 250 ms, forever' },
  { name: 'reset', kind: 'proxy', what: 'resets the connection after the request' },
  { name: 'refused', kind: 'proxy', what: 'closed port' },
  { name: 'dns', kind: 'proxy', what: 'unresolvable name (.invalid)' },
  { name: 'tls-self-signed', kind: 'proxy', what: 'self-signed certificate' },
  { name: 'tls-wrong-host', kind: 'proxy', what: 'certificate for another host' },
  { name: 'tls-expired', kind: 'proxy', what: 'expired certificate' },
  { name: 'http-401', kind: 'proxy', what: '401 Unauthorized' },
  { name: 'http-403', kind: 'proxy', what: '403 Forbidden' },
  { name: 'http-404', kind: 'proxy', what: '404 Not Found' },
  { name: 'http-410', kind: 'proxy', what: '410 Gone' },
  { name: 'http-429', kind: 'proxy', what: '429 Too Many Requests' },
  { name: 'http-500', kind: 'proxy', what: '500 Internal Server Error' },
  { name: 'http-502', kind: 'proxy', what: '502 Bad Gateway' },
  { name: 'http-503', kind: 'proxy', what: '503 Service Unavailable' },
  { name: 'http-504', kind: 'proxy', what: '504 Gateway Timeout' },
  { name: 'empty-200', kind: 'proxy', what: '200 with an empty body' },
  { name: 'captive-html', kind: 'proxy', what: 'captive-portal HTML page' },
  { name: 'truncated', kind: 'proxy', what: 'body shorter than Content-Length' },
  { name: 'oversized', kind: 'proxy', what: '2 MiB metadata bodies' },
  { name: 'redirect-loop', kind: 'proxy', what: 'redirects to itself' },
  { name: 'redirect-other-host', kind: 'proxy', what: 'redirects to another host name' },
  { name: 'insecure-redirect', kind: 'proxy', what: 'https redirects to http' },
  { name: 'bad-json', kind: 'proxy', what: 'invalid .info JSON' },
  { name: 'wrong-version', kind: 'proxy', what: '.info for another version' },
  { name: 'sumdb-bad-signature', kind: 'sumdb', what: 'tree head with a bad signature' },
  { name: 'sumdb-unknown-key', kind: 'sumdb', what: 'tree head signed by another key' },
];

const SIGNING: Record<string, SumdbSigning> = { 'sumdb-good': 'good', 'sumdb-bad-signature': 'bad-signature', 'sumdb-unknown-key': 'unknown-key' };

const PORTAL = `<!DOCTYPE html>
<html><head><title>Wi-Fi login</title></head>
<body><form action="/login" method="post">Please sign in to continue: <input name="room"><button>Connect</button></form></body></html>
`;

function listen(server: Server | NetServer): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

export class FaultServer {
  readonly modules: BuiltModule[];
  /** One database (one key); the sumdb-* modes differ only in how its notes are signed. */
  readonly sumdb0: TestSumdb;
  httpPort = 0;
  stallPort = 0;
  refusedPort = 0;
  tlsPorts: Record<'good' | 'self-signed' | 'wrong-host' | 'expired', number> = { good: 0, 'self-signed': 0, 'wrong-host': 0, expired: 0 };
  /** Paths requested per mode (to prove which requests were made). */
  readonly hits: Array<{ mode: string; path: string }> = [];
  private readonly servers: Array<Server | NetServer> = [];
  private readonly sockets = new Set<Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly certs: TestCerts) {
    this.modules = FAULT_VERSIONS.map((v) => buildModule(moduleFixture(FAULT_MODULE, v)));
    this.sumdb0 = new TestSumdb(SUMDB_NAME, this.modules);
  }

  private track(server: Server | NetServer): void {
    server.on('connection', (s: Socket) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
      s.on('error', () => undefined);
    });
    this.servers.push(server);
  }

  async start(): Promise<this> {
    const http = createHttpServer((req, res) => this.handle(req, res, 'http'));
    this.track(http);
    this.httpPort = await listen(http);

    const stall = createNetServer(() => undefined); // accepts, reads nothing, writes nothing
    this.track(stall);
    this.stallPort = await listen(stall);

    const closed = createNetServer();
    this.refusedPort = await listen(closed);
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    const tlsCerts = { good: this.certs.good, 'self-signed': this.certs.selfSigned, 'wrong-host': this.certs.wrongHost, expired: this.certs.expired };
    for (const [name, pair] of Object.entries(tlsCerts) as Array<[keyof FaultServer['tlsPorts'], { key: string; cert: string }]>) {
      const s = createHttpsServer({ key: pair.key, cert: pair.cert }, (req, res) => this.handle(req, res, name === 'good' ? 'https' : 'https-bad'));
      s.on('tlsClientError', () => undefined);
      this.track(s);
      this.tlsPorts[name] = await listen(s);
    }
    return this;
  }

  /** The GOPROXY base URL of a proxy mode. */
  proxyUrl(mode: string): string {
    switch (mode) {
      case 'stall-accept':
        return `http://127.0.0.1:${this.stallPort}/good`;
      case 'refused':
        return `http://127.0.0.1:${this.refusedPort}/good`;
      case 'dns':
        return 'http://gomod-doctor-fault.invalid/good';
      case 'tls-good':
        return `https://127.0.0.1:${this.tlsPorts.good}/good`;
      case 'insecure-redirect':
        return `https://127.0.0.1:${this.tlsPorts.good}/insecure-redirect`;
      case 'tls-self-signed':
        return `https://127.0.0.1:${this.tlsPorts['self-signed']}/good`;
      case 'tls-wrong-host':
        return `https://127.0.0.1:${this.tlsPorts['wrong-host']}/good`;
      case 'tls-expired':
        return `https://127.0.0.1:${this.tlsPorts.expired}/good`;
      default:
        return `http://127.0.0.1:${this.httpPort}/${mode}`;
    }
  }

  /** The GOSUMDB URL of a sumdb mode and the key to verify it with. */
  sumdb(mode: string): { url: string; key: string; name: string } {
    if (!SIGNING[mode]) throw new Error(`no checksum database mode ${mode}`);
    return { url: `http://127.0.0.1:${this.httpPort}/${mode}`, key: this.sumdb0.verifierKey, name: SUMDB_NAME };
  }

  /** The module content a healthy proxy serves for a path below the proxy root. */
  private good(rest: string): { status: number; body: string | Buffer; type: string } {
    const text = 'text/plain; charset=utf-8';
    const escaped = FAULT_MODULE; // no capital letters: no case-encoding to undo
    if (rest === `/${escaped}/@v/list`) return { status: 200, body: this.modules.map((m) => m.version).join('\n') + '\n', type: text };
    if (rest === `/${escaped}/@latest`) {
      const v = newestVersion(this.modules, FAULT_MODULE);
      return { status: 200, body: this.modules.find((m) => m.version === v)!.info, type: 'application/json' };
    }
    const m = /^\/example\.com\/fault\/@v\/([^/]+)\.(info|mod|zip)$/.exec(rest);
    const hit = m ? this.modules.find((x) => x.version === m[1]) : undefined;
    if (!m || !hit) return { status: 404, body: `not found: ${rest}\n`, type: text };
    if (m[2] === 'info') return { status: 200, body: hit.info, type: 'application/json' };
    if (m[2] === 'mod') return { status: 200, body: hit.mod, type: text };
    return { status: 200, body: hit.zip, type: 'application/zip' };
  }

  private every(ms: number, f: () => void): NodeJS.Timeout {
    const t = setInterval(f, ms);
    this.timers.add(t);
    return t;
  }

  private handle(req: IncomingMessage, res: ServerResponse, via: 'http' | 'https' | 'https-bad'): void {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]);
    const m = /^\/([^/]+)(\/.*)?$/.exec(path);
    const mode = via === 'https-bad' ? 'good' : (m?.[1] ?? '');
    const rest = m?.[2] ?? '/';
    this.hits.push({ mode: via === 'https-bad' ? `tls:${m?.[1]}` : mode, path: rest });
    const send = (status: number, body: string | Buffer, type = 'text/plain; charset=utf-8', extra: Record<string, string> = {}) => {
      res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), ...extra });
      res.end(body);
    };
    const metadata = /\/@v\/list$|\/@latest$|\.info$/.test(rest);
    const g = this.good(rest);

    if (SIGNING[mode]) {
      const r = this.sumdb0.serve(rest, SIGNING[mode]);
      return send(r.status, r.body);
    }
    const status = /^http-(\d{3})$/.exec(mode);
    if (status) {
      const code = Number(status[1]);
      const extra: Record<string, string> = code === 401 ? { 'WWW-Authenticate': 'Basic realm="fault"' } : code === 429 ? { 'Retry-After': '3600' } : {};
      return send(code, `${code} fault injected for ${rest}\n`, 'text/plain; charset=utf-8', extra);
    }
    switch (mode) {
      case 'good':
        return send(g.status, g.body, g.type);
      case 'stall-headers':
        res.writeHead(200, { 'Content-Type': g.type, 'Content-Length': String(Buffer.byteLength(g.body) + 1000) });
        res.flushHeaders();
        return;
      case 'slow-drip': {
        res.writeHead(200, { 'Content-Type': g.type });
        const body = Buffer.from(String(g.body));
        let i = 0;
        const t = this.every(250, () => res.write(i < body.length ? body.subarray(i, ++i) : ' '));
        res.on('close', () => {
          clearInterval(t);
          this.timers.delete(t);
        });
        return;
      }
      case 'reset':
        req.socket.resetAndDestroy();
        return;
      case 'empty-200':
        return metadata ? send(200, '', g.type) : send(g.status, g.body, g.type);
      case 'captive-html':
        return send(200, PORTAL, 'text/html; charset=utf-8');
      case 'truncated': {
        const body = Buffer.from(g.body);
        res.writeHead(g.status, { 'Content-Type': g.type, 'Content-Length': String(body.length + 100) });
        res.write(body.subarray(0, Math.ceil(body.length / 2)));
        setTimeout(() => req.socket.destroy(), 20);
        return;
      }
      case 'oversized': {
        if (!metadata) return send(g.status, g.body, g.type);
        // Still valid: JSON may end in whitespace, and blank lines in a version list are skipped.
        res.writeHead(g.status, { 'Content-Type': g.type });
        res.write(g.body);
        const pad = Buffer.alloc(64 * 1024, rest.endsWith('/list') ? '\n' : ' ');
        let sent = 0;
        const pump = () => {
          while (sent < 2 * 1024 * 1024) {
            sent += pad.length;
            if (!res.write(pad)) {
              res.once('drain', pump);
              return;
            }
          }
          res.end();
        };
        res.on('error', () => undefined);
        pump();
        return;
      }
      case 'redirect-loop':
        return send(302, '', 'text/plain', { Location: `/redirect-loop${rest}` });
      case 'redirect-other-host':
        return send(302, '', 'text/plain', { Location: `http://localhost:${this.httpPort}/good${rest}` });
      case 'insecure-redirect':
        return send(302, '', 'text/plain', { Location: `http://127.0.0.1:${this.httpPort}/good${rest}` });
      case 'bad-json':
        if (rest.endsWith('.info') || rest.endsWith('/@latest')) return send(200, '{"Version": "v1.1.0", "Time": ', 'application/json');
        return send(g.status, g.body, g.type);
      case 'wrong-version': {
        const iv = /\/@v\/([^/]+)\.info$/.exec(rest);
        if (iv) {
          const other = FAULT_VERSIONS.find((v) => v !== iv[1]) ?? 'v0.0.1';
          return send(200, JSON.stringify({ Version: other, Time: '2024-05-06T07:08:09Z' }), 'application/json');
        }
        return send(g.status, g.body, g.type);
      }
      default:
        return send(404, 'unknown fault mode\n');
    }
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    this.timers.clear();
    for (const s of this.sockets) s.destroy();
    await Promise.all(this.servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  }
}

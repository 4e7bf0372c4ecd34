// A GOPROXY server on 127.0.0.1 serving module fixtures (@v/list, .info, .mod, .zip, @latest) that the real
// `go mod download` accepts; optionally over TLS, optionally carrying checksum databases under /sumdb/<name>/.
// It records every request path so that tests can prove what was (and was not) sent.
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { buildModule, escapeCase, newestVersion, type BuiltModule, type ModuleFixture } from './modules';
import type { TestSumdb } from './sumdb-server';

export interface GoproxyServerOptions {
  modules: Array<ModuleFixture | BuiltModule>;
  /** Databases this proxy carries: /sumdb/<name>/supported answers 200 and the rest is served from them. */
  sumdbs?: TestSumdb[];
  /** Status for /sumdb/<name>/supported of databases it does not carry (default 404). */
  unsupportedStatus?: number;
  tls?: { key: string; cert: string };
  /** Require this Authorization header value on every request (401 otherwise). */
  authorization?: string;
  /** Extra delay before each answer (ms). */
  delayMs?: number;
}

function unescapeCase(s: string): string {
  return s.replace(/!([a-z])/g, (_, c: string) => c.toUpperCase());
}

export class GoproxyServer {
  port = 0;
  readonly requests: Array<{ path: string; authorization?: string }> = [];
  readonly modules: BuiltModule[];
  private server?: Server;
  private readonly sockets = new Set<Socket>();

  constructor(readonly options: GoproxyServerOptions) {
    this.modules = options.modules.map((m) => ('gosum' in m ? m : buildModule(m)));
  }

  get url(): string {
    return `${this.options.tls ? 'https' : 'http'}://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    const handler = (req: IncomingMessage, res: ServerResponse) => {
      const delay = this.options.delayMs ?? 0;
      if (delay > 0) setTimeout(() => this.handle(req, res), delay);
      else this.handle(req, res);
    };
    this.server = this.options.tls ? createHttpsServer({ key: this.options.tls.key, cert: this.options.tls.cert }, handler) : createHttpServer(handler);
    this.server.on('connection', (s: Socket) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    this.server.on('tlsClientError', () => undefined);
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(0, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  /** Module paths requested so far (decoded), in order. */
  modulesRequested(): string[] {
    const out: string[] = [];
    for (const r of this.requests) {
      const m = /^\/(.+?)\/@(?:v\/|latest$)/.exec(r.path);
      if (m) out.push(unescapeCase(m[1]));
    }
    return out;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]);
    this.requests.push({ path, authorization: req.headers.authorization });
    const send = (status: number, body: string | Buffer, type = 'text/plain; charset=utf-8') => {
      res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
      res.end(body);
    };
    if (req.method !== 'GET') return send(405, 'method not allowed\n');
    if (this.options.authorization && req.headers.authorization !== this.options.authorization) {
      res.setHeader('WWW-Authenticate', 'Basic realm="goproxy"');
      return send(401, 'unauthorized\n');
    }
    const sdb = /^\/sumdb\/([^/]+)(\/.*)$/.exec(path);
    if (sdb) {
      const db = this.options.sumdbs?.find((d) => d.name === sdb[1]);
      if (!db) return send(sdb[2] === '/supported' ? (this.options.unsupportedStatus ?? 404) : 404, 'not found\n');
      if (sdb[2] === '/supported') return send(200, '');
      const r = db.serve(sdb[2]);
      return send(r.status, r.body);
    }
    let m = /^\/(.+)\/@v\/list$/.exec(path);
    if (m) {
      const mod = unescapeCase(m[1]);
      const versions = this.modules.filter((x) => x.path === mod).map((x) => x.version);
      return versions.length ? send(200, versions.join('\n') + '\n') : send(404, `not found: module ${mod}\n`);
    }
    m = /^\/(.+)\/@latest$/.exec(path);
    if (m) {
      const mod = unescapeCase(m[1]);
      const v = newestVersion(this.modules, mod);
      const hit = this.modules.find((x) => x.path === mod && x.version === v);
      return hit ? send(200, hit.info, 'application/json') : send(404, `not found: module ${mod}\n`);
    }
    m = /^\/(.+)\/@v\/([^/]+)\.(info|mod|zip)$/.exec(path);
    if (m) {
      const mod = unescapeCase(m[1]);
      const ver = unescapeCase(m[2]);
      const hit = this.modules.find((x) => x.path === mod && x.version === ver);
      if (!hit) return send(404, `not found: ${mod}@${ver}: unknown revision ${ver}\n`);
      if (m[3] === 'info') return send(200, hit.info, 'application/json');
      if (m[3] === 'mod') return send(200, hit.mod);
      return send(200, hit.zip, 'application/zip');
    }
    return send(404, 'not found\n');
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    if (this.server) await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}

export { escapeCase };

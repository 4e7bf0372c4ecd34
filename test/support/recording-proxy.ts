// A recording GOPROXY server on 127.0.0.1 that serves real module content the go command accepts (tiny modules
// generated at test time: .info, .mod, a zip with the module@version/ prefix), optionally proxies a checksum
// database it signs itself (real tlog tree, tiles and signed notes), and records every request (host:port, path,
// kind) with a global sequence number so that the order across several servers is known.
// Also: a CONNECT recorder to stand in for HTTP(S)_PROXY (it sees every direct fetch's target host and refuses
// it, so no test ever reaches the network) and a helper for a loopback port that refuses connections.
import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';

// ---------- modules, zips and hashes ----------

export interface TestModule {
  path: string;
  version: string;
  /** Files inside the module (relative names), go.mod included. */
  files: Record<string, string>;
}

export function tinyModule(path: string, version: string): TestModule {
  const pkg = path.split('/').pop()!.replace(/[^a-z0-9]/g, '') || 'm';
  return {
    path,
    version,
    files: {
      'go.mod': `module ${path}\n\ngo 1.21\n`,
      [`${pkg}.go`]: `package ${pkg}\n\n// Version is the module version.\nconst Version = "${version}"\n`,
    },
  };
}

// Zips, h1: hashes and case-encoding come from the shared module fixture builder.
export { zipStored as makeZip, h1, escapeCase as escapePath } from './modules';
import { zipStored as makeZip, h1, escapeCase as escapePath } from './modules';

export interface ModuleArtifacts {
  info: string;
  mod: string;
  zip: Buffer;
  zipHash: string;
  modHash: string;
}

export function artifacts(m: TestModule): ModuleArtifacts {
  const entries = Object.entries(m.files)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, text]) => ({ name: `${m.path}@${m.version}/${name}`, data: Buffer.from(text) }));
  const mod = m.files['go.mod'];
  return {
    info: JSON.stringify({ Version: m.version, Time: '2024-01-02T03:04:05Z' }),
    mod,
    zip: makeZip(entries),
    zipHash: h1(entries),
    modHash: h1([{ name: 'go.mod', data: Buffer.from(mod) }]),
  };
}

/** Writes the modules in GOPROXY layout under dir, for use as a file:// proxy. */
export function proxyTreeFiles(mods: TestModule[]): Array<{ rel: string; data: Buffer | string }> {
  const out: Array<{ rel: string; data: Buffer | string }> = [];
  for (const m of mods) {
    const a = artifacts(m);
    const base = `${escapePath(m.path)}/@v/${escapePath(m.version)}`;
    out.push({ rel: `${base}.info`, data: a.info }, { rel: `${base}.mod`, data: a.mod }, { rel: `${base}.zip`, data: a.zip });
    out.push({ rel: `${escapePath(m.path)}/@v/list`, data: m.version + '\n' });
  }
  return out;
}

// ---------- a checksum database of our own ----------

function sha256(...parts: Buffer[]): Buffer {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
}

const recordHash = (data: Buffer) => sha256(Buffer.from([0]), data);
const nodeHash = (l: Buffer, r: Buffer) => sha256(Buffer.from([1]), l, r);

/** RFC 6962 Merkle tree hash over leaf hashes. */
function treeHash(leaves: Buffer[]): Buffer {
  if (leaves.length === 1) return leaves[0];
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return nodeHash(treeHash(leaves.slice(0, k)), treeHash(leaves.slice(k)));
}

/** A checksum database (name + ed25519 key) holding go.sum lines for a fixed set of modules. */
export class TestSumdb {
  readonly verifierKey: string;
  private readonly priv: KeyObject;
  private readonly keyHash: Buffer;
  private readonly records: Array<{ key: string; text: string }> = [];
  private readonly leaves: Buffer[] = [];
  private note = '';

  constructor(readonly name: string, modules: TestModule[]) {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    this.priv = privateKey;
    const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
    const keyBytes = Buffer.concat([Buffer.from([1]), raw]);
    this.keyHash = sha256(Buffer.from(name + '\n'), keyBytes).subarray(0, 4);
    this.verifierKey = `${name}+${this.keyHash.toString('hex')}+${keyBytes.toString('base64')}`;
    for (const m of modules) {
      const a = artifacts(m);
      const text = `${m.path} ${m.version} ${a.zipHash}\n${m.path} ${m.version}/go.mod ${a.modHash}\n`;
      this.records.push({ key: `${escapePath(m.path)}@${escapePath(m.version)}`, text });
      this.leaves.push(recordHash(Buffer.from(text)));
    }
    if (this.leaves.length > 256) throw new Error('TestSumdb keeps all records in one tile (at most 256)');
    const body = `go.sum database tree\n${this.leaves.length}\n${treeHash(this.leaves).toString('base64')}\n`;
    const sig = sign(null, Buffer.from(body), this.priv);
    this.note = `${body}\n\u2014 ${name} ${Buffer.concat([this.keyHash, sig]).toString('base64')}\n`;
  }

  /** Answers a path below the database root ("/lookup/...", "/tile/...", "/latest"). */
  serve(path: string): { status: number; body: Buffer | string } {
    if (path.startsWith('/lookup/')) {
      const id = this.records.findIndex((r) => r.key === path.slice('/lookup/'.length));
      if (id < 0) return { status: 404, body: 'not found\n' };
      return { status: 200, body: `${id}\n${this.records[id].text}\n${this.note}` };
    }
    const t = /^\/tile\/8\/0\/000(?:\.p\/(\d+))?$/.exec(path);
    if (t) {
      const w = t[1] ? Number(t[1]) : 256;
      if (w > this.leaves.length) return { status: 404, body: 'not found\n' };
      return { status: 200, body: Buffer.concat(this.leaves.slice(0, w)) };
    }
    if (path === '/latest') return { status: 200, body: this.note };
    return { status: 404, body: 'not found\n' };
  }
}

// ---------- recording ----------

export type RequestKind =
  | 'list' | 'info' | 'mod' | 'zip' | 'latest'
  | 'sumdb-supported' | 'sumdb-lookup' | 'sumdb-tile' | 'sumdb-other'
  | 'connect' | 'proxy-http' | 'bad-request' | 'other';

export interface RecordedRequest {
  /** Global order across every server in this process. */
  seq: number;
  /** The server's own 127.0.0.1:port, or for the CONNECT recorder the requested target host:port. */
  host: string;
  path: string;
  kind: RequestKind;
  /** The module path for module requests. */
  module?: string;
  status: number;
}

let sequence = 0;
const nextSeq = () => ++sequence;

function classify(path: string): { kind: RequestKind; module?: string } {
  let m = /^\/sumdb\/[^/]+(?:\/[^/]+)*?\/(supported|lookup|tile)(?:\/|$)/.exec(path);
  if (m) return { kind: m[1] === 'supported' ? 'sumdb-supported' : m[1] === 'lookup' ? 'sumdb-lookup' : 'sumdb-tile' };
  if (path.startsWith('/sumdb/')) return { kind: 'sumdb-other' };
  m = /^\/(.+)\/@v\/list$/.exec(path);
  if (m) return { kind: 'list', module: unescape(m[1]) };
  m = /^\/(.+)\/@v\/[^/]+\.(info|mod|zip)$/.exec(path);
  if (m) return { kind: m[2] as RequestKind, module: unescape(m[1]) };
  m = /^\/(.+)\/@latest$/.exec(path);
  if (m) return { kind: 'latest', module: unescape(m[1]) };
  return { kind: 'other' };
}

function unescape(s: string): string {
  return s.replace(/!([a-z])/g, (_, c: string) => c.toUpperCase());
}

function listen(server: Server | ReturnType<typeof createNetServer>): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function closeServer(server: Server | ReturnType<typeof createNetServer>, sockets: Set<Socket>): Promise<void> {
  for (const s of sockets) s.destroy();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** How a proxy answers for one module: an HTTP status, or "hang-up" (close the connection without answering). */
export type ProxyAnswer = number | 'hang-up';

export interface RecordingProxyOptions {
  modules: TestModule[];
  /** Status for a module request; 200 serves the module (404 when the proxy does not have it). Default 200. */
  answer?: (modulePath: string) => ProxyAnswer;
  /** Checksum databases this proxy can proxy, and the status of their /supported endpoint (default 404). */
  sumdbs?: TestSumdb[];
  supported?: (dbName: string) => number;
  /** Serve one database at the root ("/lookup/…", "/tile/…") as a GOSUMDB URL would be used. */
  rootSumdb?: TestSumdb;
}

export class RecordingProxy {
  readonly records: RecordedRequest[] = [];
  port = 0;
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  private readonly served = new Map<string, { m: TestModule; a: ModuleArtifacts }>();

  constructor(public options: RecordingProxyOptions) {
    for (const m of options.modules) this.served.set(`${m.path}@${m.version}`, { m, a: artifacts(m) });
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get host(): string {
    return `127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => this.handle(req, res));
    this.server.on('connection', (s: Socket) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    // A TLS handshake (an "https://" entry pointing at this plain-HTTP port) arrives as a parse error.
    this.server.on('clientError', (_err, socket: Socket) => {
      this.records.push({ seq: nextSeq(), host: this.host, path: '', kind: 'bad-request', status: 400 });
      socket.destroy();
    });
    this.port = await listen(this.server);
    return this;
  }

  async stop(): Promise<void> {
    if (this.server) await closeServer(this.server, this.sockets);
  }

  clear(): void {
    this.records.length = 0;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]);
    const { kind, module } = classify(path);
    const rec: RecordedRequest = { seq: nextSeq(), host: this.host, path, kind, status: 0 };
    if (module) rec.module = module;
    this.records.push(rec);
    const reply = (status: number, body: Buffer | string, type = 'text/plain; charset=utf-8') => {
      rec.status = status;
      res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
      res.end(body);
    };

    if (this.options.rootSumdb && !path.startsWith('/sumdb/')) {
      const r = this.options.rootSumdb.serve(path);
      rec.kind = path.startsWith('/lookup/') ? 'sumdb-lookup' : path.startsWith('/tile/') ? 'sumdb-tile' : 'sumdb-other';
      reply(r.status, r.body);
      return;
    }
    if (kind.startsWith('sumdb-')) {
      const m = /^\/sumdb\/(.+?)\/(supported|lookup\/.*|tile\/.*|latest)$/.exec(path);
      const db = m ? this.options.sumdbs?.find((d) => d.name === m[1]) : undefined;
      const supported = m ? (this.options.supported?.(m[1]) ?? 404) : 404;
      if (!m || supported !== 200 || !db) {
        reply(kind === 'sumdb-supported' ? supported : 404, 'not found\n');
        return;
      }
      if (m[2] === 'supported') {
        reply(200, '');
        return;
      }
      const r = db.serve('/' + m[2]);
      reply(r.status, r.body);
      return;
    }
    if (!module) {
      reply(404, 'not found\n');
      return;
    }
    const answer = this.options.answer?.(module) ?? 200;
    if (answer === 'hang-up') {
      rec.status = -1;
      req.socket.destroy();
      return;
    }
    if (answer !== 200) {
      reply(answer, answer === 404 || answer === 410 ? `not found: ${module}\n` : `proxy error ${answer}\n`);
      return;
    }
    const ver = /@v\/(.+)\.(info|mod|zip)$/.exec(path)?.[1];
    const hit = ver ? this.served.get(`${module}@${unescape(ver)}`) : undefined;
    if (kind === 'list') {
      const versions = [...this.served.values()].filter((s) => s.m.path === module).map((s) => s.m.version);
      if (versions.length === 0) reply(404, `not found: ${module}\n`);
      else reply(200, versions.join('\n') + '\n');
      return;
    }
    if (!hit) {
      reply(404, `not found: ${module}\n`);
      return;
    }
    if (kind === 'info') reply(200, hit.a.info, 'application/json');
    else if (kind === 'mod') reply(200, hit.a.mod);
    else if (kind === 'zip') reply(200, hit.a.zip, 'application/zip');
    else reply(404, 'not found\n');
  }
}

/**
 * Stands in for HTTP(S)_PROXY: records the target of every CONNECT (https to a non-loopback host) and every
 * absolute-URI request (plain http through the proxy), and refuses them with 403, so nothing leaves the machine.
 */
export class ConnectRecorder {
  readonly records: RecordedRequest[] = [];
  port = 0;
  private server?: Server;
  private readonly sockets = new Set<Socket>();

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      let host = '';
      try {
        host = new URL(req.url ?? '').host;
      } catch {
        host = req.headers.host ?? '';
      }
      this.records.push({ seq: nextSeq(), host, path: req.url ?? '', kind: 'proxy-http', status: 403 });
      res.writeHead(403, { 'Content-Type': 'text/plain' });
      res.end('forbidden by test proxy\n');
    });
    this.server.on('connect', (req: IncomingMessage, socket: Socket) => {
      this.records.push({ seq: nextSeq(), host: req.url ?? '', path: req.url ?? '', kind: 'connect', status: 403 });
      socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    });
    this.server.on('connection', (s: Socket) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    this.port = await listen(this.server);
    return this;
  }

  async stop(): Promise<void> {
    if (this.server) await closeServer(this.server, this.sockets);
  }

  clear(): void {
    this.records.length = 0;
  }
}

/** A loopback URL whose port was just free: connecting to it is refused. */
export async function refusedUrl(): Promise<string> {
  const s = createNetServer();
  const port = await listen(s);
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

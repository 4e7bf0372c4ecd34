// Child process that serves a module proxy for one scenario, so that go and our engine both talk to a server in
// another process (the bench process stays free for what it measures). Run with fork(); configured over IPC.
//   parent → {type:'start', config}   child → {type:'ready', url}
//   parent → {type:'stats'}           child → {type:'stats', stats}
//   parent → {type:'reset'}           child → {type:'reset'}
// A front server in this process counts connections and requests, holds requests for "stalled" modules forever
// (accepts, never answers), and forwards everything else to test/support's GoproxyServer (which adds the latency).
import { Agent, createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { GoproxyServer } from '../../test/support/goproxy-server';
import { escapeCase } from '../../test/support/modules';
import { standInModule, type StandIn } from './standIns';

export interface ProxyConfig {
  modules: StandIn[];
  /** Latency added before every answer of the proxy (ms). */
  delayMs: number;
  /** Module paths whose requests are accepted and never answered. */
  stalled?: string[];
}

export interface ProxyStats {
  connections: number;
  requests: number;
  byKind: Record<string, number>;
  /** Distinct module@version pairs asked for .info / .mod / .zip. */
  versions: number;
}

/** GET <proxy>/_bench/stats answers the counters as JSON (not a module path go would ask for). */
export const STATS_PATH = '/_bench/stats';

type FromParent = { type: 'start'; config: ProxyConfig } | { type: 'stats' } | { type: 'reset' };

function kindOf(path: string): string {
  if (path.endsWith('/@v/list')) return 'list';
  if (path.endsWith('/@latest')) return 'latest';
  const m = /\.(info|mod|zip)$/.exec(path);
  if (m) return m[1];
  return path.startsWith('/sumdb/') ? 'sumdb' : 'other';
}

class Front {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 256 });
  private connections = 0;
  private paths: string[] = [];
  private readonly stalledPrefixes: string[];

  constructor(private readonly backendPort: number, stalled: string[]) {
    this.stalledPrefixes = stalled.map((p) => `/${escapeCase(p)}/@`);
  }

  async start(): Promise<number> {
    this.server = createServer((req, res) => this.handle(req, res));
    this.server.keepAliveTimeout = 60_000;
    this.server.on('connection', (s: Socket) => {
      this.connections++;
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
      s.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as AddressInfo).port;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const path = (req.url ?? '/').split('?')[0];
    if (path === STATS_PATH) {
      // For a watcher in another process (the extension host): not counted.
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(this.stats()));
      return;
    }
    this.paths.push(path);
    if (this.stalledPrefixes.some((p) => path.startsWith(p))) return; // held until the socket closes
    const up = request(
      { host: '127.0.0.1', port: this.backendPort, path: req.url, method: req.method, headers: req.headers, agent: this.agent },
      (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      },
    );
    up.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(up);
  }

  stats(): ProxyStats {
    const byKind: Record<string, number> = {};
    const versions = new Set<string>();
    for (const p of this.paths) {
      const k = kindOf(p);
      byKind[k] = (byKind[k] ?? 0) + 1;
      const m = /^\/(.+)\/@v\/(.+)\.(info|mod|zip)$/.exec(p);
      if (m) versions.add(`${m[1]}@${m[2]}`);
    }
    return { connections: this.connections, requests: this.paths.length, byKind, versions: versions.size };
  }

  reset(): void {
    this.paths = [];
    this.connections = 0;
    // Connections of the previous run must not be reused by the next one.
    for (const s of this.sockets) s.destroy();
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    this.agent.destroy();
    if (this.server) await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}

async function main(): Promise<void> {
  let backend: GoproxyServer | undefined;
  let front: Front | undefined;
  const send = (m: unknown) => process.send?.(m);
  process.on('message', (raw: FromParent) => {
    void (async () => {
      if (raw.type === 'start') {
        backend = await new GoproxyServer({ modules: raw.config.modules.map(standInModule), delayMs: raw.config.delayMs }).start();
        front = new Front(backend.port, raw.config.stalled ?? []);
        const port = await front.start();
        send({ type: 'ready', url: `http://127.0.0.1:${port}` });
      } else if (raw.type === 'stats') send({ type: 'stats', stats: front?.stats() });
      else if (raw.type === 'reset') {
        front?.reset();
        send({ type: 'reset' });
      }
    })();
  });
  // The parent going away (even killed) ends this process.
  process.on('disconnect', () => {
    void Promise.all([front?.stop(), backend?.stop()]).finally(() => process.exit(0));
  });
}

if (require.main === module) void main();

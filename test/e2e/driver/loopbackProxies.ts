// The loopback servers of the quick-fix round trip, all on 127.0.0.1 and started before code-server:
//   - a stalled one (the configured GOPROXY): it accepts connections, reads the request and never answers, so the
//     route fails at the network level (module.unreachable);
//   - a healthy mirror (test/support GoproxyServer) serving one module version, offered through gomodDoctor.mirrors;
//   - a tripwire forward proxy for HTTP_PROXY / HTTPS_PROXY: loopback requests never use one (Go's rules, which the
//     language server follows), so anything it receives was on its way off this machine. It records and refuses.
// All are stopped by the cleanup list on every path out.
import { createServer as createHttpServer } from 'node:http';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { GoproxyServer } from '../../support/goproxy-server';
import { moduleFixture } from '../../support/modules';
import { onCleanup, withTimeout } from './processes';

export interface LoopbackProxies {
  stalledUrl: string;
  mirror: GoproxyServer;
  /** The request line of every request the stalled proxy received (it reads them, and answers none). */
  stalledRequests: string[];
  tripwireUrl: string;
  /** "METHOD target" of every request that reached the tripwire. */
  tripped: string[];
}

async function startStalled(requests: string[]): Promise<string> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    let head = '';
    let seen = false;
    socket.on('data', (chunk: Buffer) => {
      head += chunk.toString('latin1');
      // One request per connection is all a client can send before it gives up waiting for the answer.
      const line = /^([^\r\n]*)\r?\n/.exec(head);
      if (line && !seen) {
        seen = true;
        requests.push(line[1]);
      }
    });
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  onCleanup('stalled proxy', async () => {
    for (const s of sockets) s.destroy();
    await withTimeout(new Promise<void>((r) => server.close(() => r())), 5_000, 'stalled proxy close');
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function startTripwire(tripped: string[]): Promise<string> {
  const server = createHttpServer((req, res) => {
    tripped.push(`${req.method} ${req.url}`);
    res.writeHead(502, { 'Content-Type': 'text/plain' }).end('refused by the e2e tripwire: this run stays on the machine\n');
  });
  server.on('connect', (req, socket: Socket) => {
    tripped.push(`CONNECT ${req.url}`);
    socket.on('error', () => undefined);
    socket.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  onCleanup('tripwire proxy', async () => {
    server.closeAllConnections();
    await withTimeout(new Promise<void>((r) => server.close(() => r())), 5_000, 'tripwire proxy close');
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Starts the proxies; the mirror serves exactly `module@version` (a small package the go command can build). */
export async function startLoopbackProxies(module: string, version: string): Promise<LoopbackProxies> {
  const stalledRequests: string[] = [];
  const stalledUrl = await startStalled(stalledRequests);
  const mirror = new GoproxyServer({ modules: [moduleFixture(module, version)] });
  onCleanup('mirror proxy', () => withTimeout(mirror.stop(), 5_000, 'mirror proxy stop'));
  await mirror.start();
  const tripped: string[] = [];
  const tripwireUrl = await startTripwire(tripped);
  return { stalledUrl, mirror, stalledRequests, tripwireUrl, tripped };
}

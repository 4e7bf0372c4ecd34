// A loopback stand-in for HTTPS_PROXY: answers CONNECT by tunnelling to a fixed local port whatever host was asked
// for (so a test can use a non-loopback name without any packet leaving), and records what it was asked.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

export class ForwardProxy {
  port = 0;
  readonly connects: Array<{ target: string; authorization?: string }> = [];
  private server?: Server;
  private readonly sockets = new Set<Socket>();

  constructor(private readonly tunnelTo: number) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((_req, res) => {
      res.writeHead(403);
      res.end();
    });
    this.server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
      this.connects.push({ target: req.url ?? '', authorization: req.headers['proxy-authorization'] });
      const upstream = connect(this.tunnelTo, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        if (head.length) upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      this.sockets.add(upstream);
      upstream.on('close', () => this.sockets.delete(upstream));
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
    this.server.on('connection', (s: Socket) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    if (this.server) await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}

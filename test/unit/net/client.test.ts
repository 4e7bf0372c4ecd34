import * as assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { HttpClient } from '../../../src/core/net/client';
import type { LookupFn } from '../../../src/core/net/types';

interface Loopback {
  url: string;
  port: number;
  connections: number;
  requests: Array<{ url: string; authorization?: string; method?: string }>;
  close(): Promise<void>;
}

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<Loopback> {
  const sockets = new Set<Socket>();
  const lb = { connections: 0, requests: [] as Loopback['requests'] } as Loopback;
  const server: Server = createServer((req, res) => {
    lb.requests.push({ url: req.url ?? '', authorization: req.headers.authorization, method: req.method });
    handler(req, res);
  });
  server.on('connection', (s: Socket) => {
    lb.connections++;
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  lb.port = (server.address() as AddressInfo).port;
  lb.url = `http://127.0.0.1:${lb.port}`;
  lb.close = () => {
    for (const s of sockets) s.destroy();
    return new Promise<void>((r) => server.close(() => r()));
  };
  return lb;
}

describe('net/client: bounded GETs', function () {
  this.timeout(10_000);
  let lb: Loopback;
  let client: HttpClient;
  const rejections: unknown[] = [];
  const onRejection = (e: unknown) => rejections.push(e);

  before(async () => {
    process.on('unhandledRejection', onRejection);
    lb = await serve((req, res) => {
      const u = req.url ?? '';
      if (u === '/stall') return;
      if (u === '/drip') {
        res.writeHead(200);
        const t = setInterval(() => res.write('x'), 50);
        res.on('close', () => clearInterval(t));
        return;
      }
      if (u === '/big') {
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        res.end(Buffer.alloc(5000, 'a'));
        return;
      }
      if (u.startsWith('/hop/')) {
        const n = Number(u.slice(5));
        res.writeHead(302, { Location: n > 0 ? `/hop/${n - 1}` : '/ok' });
        res.end();
        return;
      }
      if (u === '/loop') {
        res.writeHead(301, { Location: '/loop' });
        res.end();
        return;
      }
      if (u === '/elsewhere') {
        res.writeHead(302, { Location: `http://localhost:${lb.port}/ok` });
        res.end();
        return;
      }
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end('v1.0.0\n');
    });
    client = new HttpClient({ timeoutMs: 400, maxBodyBytes: 1000, env: {}, maxRedirects: 3 });
  });

  after(async () => {
    client.close();
    await lb.close();
    process.off('unhandledRejection', onRejection);
  });

  it('answers, then reuses the pooled connection', async () => {
    const before = lb.connections;
    const a = await client.get(`${lb.url}/ok`);
    const b = await client.get(`${lb.url}/ok`);
    assert.equal(a.status, 200);
    assert.equal(a.body.toString(), 'v1.0.0\n');
    assert.equal(a.connect?.reused, false);
    assert.equal(a.connect?.dns?.skipped, 'ip-literal');
    assert.equal(b.connect?.reused, true);
    assert.equal(lb.connections - before, 1);
    assert.ok(lb.requests.every((r) => r.method === 'GET'));
  });

  it('bounds a server that never answers, and one that drips', async () => {
    const stall = await client.get(`${lb.url}/stall`);
    assert.equal(stall.failure?.kind, 'timeout');
    assert.equal(stall.failure?.stage, 'http');
    assert.ok(stall.ms >= 380 && stall.ms < 700, `${stall.ms} ms`);
    const drip = await client.get(`${lb.url}/drip`);
    assert.equal(drip.failure?.kind, 'timeout');
    assert.ok(drip.bytes > 0 && drip.ms < 700, `${drip.bytes} bytes in ${drip.ms} ms`);
  });

  it('caps bodies', async () => {
    const big = await client.get(`${lb.url}/big`);
    assert.equal(big.failure?.kind, 'body-too-large');
    assert.ok(big.body.length <= 1000);
  });

  it('follows redirects up to the limit, detects loops and other hosts', async () => {
    const three = await client.get(`${lb.url}/hop/2`);
    assert.equal(three.status, 200);
    assert.equal(three.redirects.length, 3);
    const four = await client.get(`${lb.url}/hop/3`);
    assert.equal(four.failure?.kind, 'too-many-redirects');
    const loop = await client.get(`${lb.url}/loop`);
    assert.equal(loop.failure?.kind, 'redirect-loop');
    const other = await client.get(`${lb.url}/elsewhere`);
    assert.equal(other.status, 200);
    assert.match(other.finalUrl, /^http:\/\/localhost:/);
  });

  it('sends user info as Basic auth to the same host only, never shows it', async () => {
    lb.requests.length = 0;
    const r = await client.get(`http://me:s3cret@127.0.0.1:${lb.port}/elsewhere`);
    assert.equal(r.status, 200);
    assert.equal(lb.requests[0].authorization, 'Basic ' + Buffer.from('me:s3cret').toString('base64'));
    assert.equal(lb.requests[1].authorization, undefined, 'dropped on the redirect to localhost');
    assert.doesNotMatch(JSON.stringify({ ...r, body: undefined }), /s3cret/);
  });

  it('reports refused connections at the tcp stage', async () => {
    const closed = await serve(() => undefined);
    const port = closed.port;
    await closed.close();
    const r = await client.get(`http://127.0.0.1:${port}/x`);
    assert.equal(r.failure?.kind, 'refused');
    assert.equal(r.failure?.stage, 'tcp');
  });

  it('answers .invalid names without asking any resolver', async () => {
    let asked = 0;
    const lookup: LookupFn = async () => {
      asked++;
      return [{ address: '127.0.0.1', family: 4 }];
    };
    const c = new HttpClient({ timeoutMs: 400, env: {}, lookup });
    try {
      const r = await c.get('http://proxy.example.invalid/x');
      assert.equal(r.failure?.kind, 'dns');
      assert.equal(r.failure?.stage, 'dns');
      assert.ok(r.ms < 100, `${r.ms} ms`);
      assert.equal(asked, 0);
    } finally {
      c.close();
    }
  });

  it('bounds a resolver that hangs and reports resolver errors', async () => {
    const hang: LookupFn = () => new Promise(() => undefined);
    const fails: LookupFn = () => Promise.reject(Object.assign(new Error('getaddrinfo EAI_AGAIN x.test'), { code: 'EAI_AGAIN' }));
    const a = new HttpClient({ timeoutMs: 300, env: {}, lookup: hang });
    const b = new HttpClient({ timeoutMs: 300, env: {}, lookup: fails });
    try {
      const r1 = await a.get('http://x.test/');
      assert.equal(r1.failure?.kind, 'timeout');
      assert.equal(r1.failure?.stage, 'dns');
      assert.ok(r1.ms < 600);
      const r2 = await b.get('http://x.test/');
      assert.equal(r2.failure?.kind, 'dns');
      assert.equal(r2.failure?.errno, 'EAI_AGAIN');
    } finally {
      a.close();
      b.close();
    }
  });

  it('tries each address family and keeps the one that connects', async () => {
    const lookup: LookupFn = async () => [
      { address: '::1', family: 6 },
      { address: '127.0.0.1', family: 4 },
    ];
    const c = new HttpClient({ timeoutMs: 400, env: {}, lookup });
    try {
      const r = await c.get(`http://dual.test:${lb.port}/ok`);
      assert.equal(r.status, 200, JSON.stringify(r.failure));
      const fams = r.connect?.tcp?.families ?? [];
      assert.equal(fams.length, 2);
      assert.equal(r.connect?.tcp?.address, '127.0.0.1');
      assert.ok(fams.find((f) => f.family === 6)?.error, 'IPv6 refused (the server listens on IPv4 only)');
    } finally {
      c.close();
    }
  });

  it('stops at once when cancelled', async () => {
    const ac = new AbortController();
    const c = new HttpClient({ timeoutMs: 5000, env: {}, signal: ac.signal });
    try {
      setTimeout(() => ac.abort(), 100);
      const r = await c.get(`${lb.url}/stall`);
      assert.equal(r.failure?.kind, 'cancelled');
      assert.ok(r.ms < 500, `${r.ms} ms`);
    } finally {
      c.close();
    }
  });

  it('bounds the whole target with the overall deadline', async () => {
    const c = new HttpClient({ timeoutMs: 5000, overallTimeoutMs: 300, env: {} });
    try {
      const r = await c.get(`${lb.url}/stall`);
      assert.equal(r.failure?.kind, 'timeout');
      assert.ok(r.ms < 600, `${r.ms} ms`);
    } finally {
      c.close();
    }
  });

  it('left no unhandled rejection', () => assert.deepEqual(rejections, []));
});

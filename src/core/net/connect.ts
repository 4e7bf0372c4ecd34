// A connection built stage by stage so each stage is timed and bounded on its own: DNS (all addresses), TCP (the
// first address of each family, in parallel, the resolver's first choice preferred), the CONNECT tunnel through
// an HTTP(S) proxy, then TLS with the certificate kept as evidence even when it is rejected.
import { lookup as dnsLookup } from 'node:dns';
import { connect as netConnect, isIP, type Socket } from 'node:net';
import { connect as tlsConnect, type PeerCertificate, type TLSSocket } from 'node:tls';
import { classifyError, fail, StageError, tlsKind } from './errors';
import type { ForwardProxy } from './httpProxyEnv';
import { budget, now, race, since, TimeoutError } from './timing';
import type { CertInfo, ConnectTrace, FamilyAttempt, LookupAddress, LookupFn, Stage } from './types';

export interface ConnectParams {
  host: string;
  port: number;
  tls: boolean;
  /** The forward proxy (HTTPS_PROXY/HTTP_PROXY) to go through. */
  via?: ForwardProxy;
  timeoutMs: number;
  /** Absolute deadline (timing.now() based) for the whole target. */
  deadline: number;
  signal?: AbortSignal;
  lookup: LookupFn;
  ca?: string[];
  /** Attempts still running after the connection was handed over (the other address family) register here. */
  background?: Set<() => void>;
}

export const systemLookup: LookupFn = (host) =>
  new Promise<LookupAddress[]>((resolve, reject) => {
    dnsLookup(host, { all: true, verbatim: true }, (err, addresses) => (err ? reject(err) : resolve(addresses)));
  });

/** RFC 6761 §6.4: names under .invalid never resolve; answer at once, without asking any resolver. */
export function isInvalidName(host: string): boolean {
  return /(^|\.)invalid\.?$/i.test(host);
}

/** Resolver error codes in the go command's words. */
const RESOLVER_ERRORS: Record<string, string> = {
  ENOTFOUND: 'no such host',
  ENODATA: 'no such host',
  EAI_AGAIN: 'temporary failure in name resolution',
  ESERVFAIL: 'server misbehaving',
  EREFUSED: 'the DNS server refused the query',
  ECONNREFUSED: 'the DNS server refused the query',
  ETIMEOUT: 'i/o timeout',
};

function timeoutFailure(stage: Stage, err: unknown): StageError | undefined {
  if (err instanceof TimeoutError) return new StageError(fail('timeout', stage, err.message, 'ETIMEDOUT'));
  return undefined;
}

async function resolveStage(host: string, p: ConnectParams, trace: ConnectTrace, proxyHop: boolean): Promise<LookupAddress[]> {
  const start = now();
  const bare = host.replace(/^\[|\]$/g, '');
  const family = isIP(bare);
  if (family) {
    trace.dns = { ms: 0, host: bare, addresses: [{ address: bare, family }], skipped: 'ip-literal' };
    return trace.dns.addresses;
  }
  const kind = proxyHop ? 'proxyconnect' : 'dns';
  if (isInvalidName(bare)) {
    trace.dns = { ms: 0, host: bare, addresses: [] };
    throw new StageError(fail(kind, 'dns', `lookup ${bare}: no such host (RFC 6761 .invalid name)`, 'ENOTFOUND'), trace);
  }
  try {
    const addresses = await race(p.lookup(bare), budget(p.timeoutMs, p.deadline), `lookup ${bare}`, p.signal);
    trace.dns = { ms: since(start), host: bare, addresses };
    if (addresses.length === 0) throw new StageError(fail(kind, 'dns', `lookup ${bare}: no addresses`, 'ENODATA'), trace);
    return addresses;
  } catch (err) {
    if (err instanceof StageError) throw err;
    trace.dns = { ms: since(start), host: bare, addresses: [] };
    const t = timeoutFailure('dns', err);
    if (t) throw new StageError(t.failure, trace);
    const f = classifyError(err, 'dns');
    if (f.kind === 'cancelled') throw new StageError(f, trace);
    const e = err as NodeJS.ErrnoException;
    throw new StageError(fail(kind, 'dns', `lookup ${bare}: ${RESOLVER_ERRORS[e.code ?? ''] ?? e.code ?? e.message}`, e.code), trace);
  }
}

function connectOne(address: string, port: number, p: ConnectParams): { promise: Promise<Socket>; cancel: () => void } {
  const socket = netConnect({ host: address, port, noDelay: true });
  socket.on('error', () => undefined); // errors are read through the promise below
  const promise = new Promise<Socket>((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('error', reject);
  });
  // Destroying with an error settles the promise, so its timer stops too (nothing keeps the process alive).
  const cancel = () => socket.destroy(Object.assign(new Error('cancelled'), { code: 'ABORT_ERR' }));
  return { promise: race(promise, budget(p.timeoutMs, p.deadline), `dial tcp ${address}:${port}`, p.signal, () => socket.destroy()), cancel };
}

/** TCP to the first address of each family at once; the resolver's first family wins when it connects. */
async function tcpStage(addresses: LookupAddress[], port: number, p: ConnectParams, trace: ConnectTrace, proxyHop: boolean): Promise<Socket> {
  const start = now();
  const firstOf = (fam: number) => addresses.find((a) => a.family === fam);
  const primary = addresses[0];
  const secondary = firstOf(primary.family === 4 ? 6 : 4);
  const candidates = secondary ? [primary, secondary] : [primary];
  const families: FamilyAttempt[] = candidates.map((a) => ({ family: a.family === 6 ? 6 : 4, address: a.address }));
  trace.tcp = { ms: 0, address: primary.address, port, families };
  const attempts = candidates.map((a, i) => {
    const c = connectOne(a.address, port, p);
    const settled = c.promise.then(
      (s) => {
        families[i].ms = since(start);
        return s;
      },
      (err) => {
        families[i].ms = since(start);
        families[i].error = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
        throw err;
      },
    );
    settled.catch(() => undefined);
    return { settled, cancel: c.cancel };
  });
  const handOver = (i: number, s: Socket) => {
    trace.tcp!.ms = families[i].ms ?? since(start);
    trace.tcp!.address = candidates[i].address;
    // The other family keeps going to be measured; its socket is closed when it connects.
    attempts.forEach((a, j) => {
      if (j === i) return;
      p.background?.add(a.cancel);
      a.settled.then((o) => o.destroy(), () => undefined).finally(() => p.background?.delete(a.cancel));
    });
    return s;
  };
  let firstErr: unknown;
  for (let i = 0; i < attempts.length; i++) {
    try {
      return handOver(i, await attempts[i].settled);
    } catch (err) {
      firstErr ??= err;
    }
  }
  trace.tcp.ms = since(start);
  const t = timeoutFailure('tcp', firstErr);
  const f = t ? t.failure : classifyError(firstErr, 'tcp');
  if (proxyHop && f.kind !== 'cancelled') throw new StageError(fail('proxyconnect', 'tcp', `proxyconnect tcp: ${f.detail}`, f.errno), trace);
  throw new StageError(f, trace);
}

export function certInfo(cert: PeerCertificate | undefined, verifyError?: string): CertInfo | undefined {
  if (!cert || Object.keys(cert).length === 0) return undefined;
  const name = (x: unknown) =>
    x && typeof x === 'object'
      ? Object.entries(x as Record<string, string | string[]>)
          .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : v}`)
          .join(', ')
      : '';
  const info: CertInfo = {
    subject: name(cert.subject),
    issuer: name(cert.issuer),
    validFrom: cert.valid_from,
    validTo: cert.valid_to,
    selfSigned: name(cert.subject) === name(cert.issuer),
  };
  if (cert.subjectaltname) info.altNames = cert.subjectaltname;
  if (verifyError) info.verifyError = verifyError;
  return info;
}

/** TLS over an open socket; a certificate the go command would reject fails the stage (with the cert as evidence). */
async function tlsStage(socket: Socket, host: string, p: ConnectParams, trace: ConnectTrace, proxyHop: boolean): Promise<TLSSocket> {
  const start = now();
  const bare = host.replace(/^\[|\]$/g, '');
  const s = tlsConnect({
    socket,
    host: bare,
    servername: isIP(bare) ? undefined : bare,
    ca: p.ca,
    rejectUnauthorized: false,
    ALPNProtocols: ['http/1.1'],
  });
  s.on('error', () => undefined);
  const handshake = new Promise<void>((resolve, reject) => {
    s.once('secureConnect', () => resolve());
    s.once('error', reject);
  });
  try {
    await race(handshake, budget(p.timeoutMs, p.deadline), `TLS handshake with ${bare}`, p.signal, () => s.destroy());
  } catch (err) {
    s.destroy();
    trace.tls = { ms: since(start) };
    const t = timeoutFailure('tls', err);
    const f = t ? t.failure : classifyError(err, 'tls');
    if (f.kind !== 'timeout' && f.kind !== 'cancelled') f.kind = 'tls-handshake';
    f.stage = 'tls';
    if (proxyHop && f.kind !== 'cancelled') f.kind = 'proxyconnect';
    throw new StageError(f, trace);
  }
  const verifyError = s.authorized ? undefined : String((s.authorizationError as unknown as { code?: string })?.code ?? s.authorizationError);
  const cert = certInfo(s.getPeerCertificate(), verifyError);
  trace.tls = { ms: since(start), protocol: s.getProtocol() ?? undefined, cert };
  if (verifyError) {
    s.destroy();
    const kind = proxyHop ? 'proxyconnect' : tlsKind(verifyError);
    throw new StageError(fail(kind, 'tls', `tls: failed to verify certificate of ${bare}: ${verifyError}`, verifyError), trace, cert);
  }
  return s;
}

/** CONNECT host:port through an HTTP(S) proxy; the answer's status line decides. */
async function tunnelStage(socket: Socket, p: ConnectParams, trace: ConnectTrace): Promise<Socket> {
  const start = now();
  const target = `${isIP(p.host) === 6 ? `[${p.host}]` : p.host}:${p.port}`;
  let head = `CONNECT ${target} HTTP/1.1\r\nHost: ${target}\r\n`;
  if (p.via?.auth) head += `Proxy-Authorization: Basic ${Buffer.from(p.via.auth).toString('base64')}\r\n`;
  head += '\r\n';
  let cleanup = () => undefined as void;
  const answer = new Promise<{ status: number; rest: Buffer }>((resolve, reject) => {
    let buf = Buffer.alloc(0);
    const onData = (d: Buffer) => {
      buf = Buffer.concat([buf, d]);
      const end = buf.indexOf('\r\n\r\n');
      if (end < 0) {
        if (buf.length > 16 * 1024) reject(new Error('proxy CONNECT answer too long'));
        return;
      }
      cleanup();
      socket.pause();
      const m = /^HTTP\/\d\.\d (\d{3})/.exec(buf.subarray(0, end).toString('latin1'));
      if (!m) reject(new Error('malformed proxy CONNECT answer'));
      else resolve({ status: Number(m[1]), rest: buf.subarray(end + 4) });
    };
    const onEnd = () => reject(Object.assign(new Error('proxy closed the connection during CONNECT'), { code: 'ECONNRESET' }));
    cleanup = () => {
      socket.off('data', onData);
      socket.off('error', reject);
      socket.off('end', onEnd);
    };
    socket.on('data', onData);
    socket.once('error', reject);
    socket.once('end', onEnd);
  });
  socket.write(head);
  trace.via!.connectMs = 0;
  try {
    const a = await race(answer, budget(p.timeoutMs, p.deadline), `CONNECT ${target}`, p.signal, () => socket.destroy());
    trace.via!.connectMs = since(start);
    trace.via!.status = a.status;
    if (a.status === 407) throw new StageError(fail('auth-required', 'tcp', `proxyconnect: ${trace.via!.proxy} answered 407 Proxy Authentication Required`), trace);
    if (a.status !== 200) throw new StageError(fail('proxyconnect', 'tcp', `proxyconnect: ${trace.via!.proxy} answered ${a.status} to CONNECT ${target}`), trace);
    if (a.rest.length) socket.unshift(a.rest);
    return socket;
  } catch (err) {
    cleanup();
    socket.destroy();
    if (err instanceof StageError) throw err;
    trace.via!.connectMs = since(start);
    const t = timeoutFailure('tcp', err);
    const f = t ? t.failure : classifyError(err, 'tcp');
    if (f.kind !== 'cancelled' && f.kind !== 'timeout') f.kind = 'proxyconnect';
    throw new StageError({ ...f, detail: `proxyconnect: ${f.detail}` }, trace);
  }
}

/** Opens a connection for an HTTP request: throws StageError (with the trace so far) on the first failed stage. */
export async function stagedConnect(p: ConnectParams): Promise<{ socket: Socket; trace: ConnectTrace }> {
  const trace: ConnectTrace = { reused: false };
  const hop = p.via ? { host: p.via.host, port: p.via.port, tls: p.via.scheme === 'https' } : { host: p.host, port: p.port, tls: p.tls };
  const proxyHop = !!p.via;
  if (p.via) trace.via = { proxy: p.via.display };
  const addresses = await resolveStage(hop.host, p, trace, proxyHop);
  let socket: Socket = await tcpStage(addresses, hop.port, p, trace, proxyHop);
  try {
    if (p.via) {
      if (hop.tls) socket = await tlsStage(socket, hop.host, p, trace, true);
      if (!p.tls) return { socket, trace }; // plain http goes to the proxy in absolute form, no tunnel
      socket = await tunnelStage(socket, p, trace);
    }
    if (p.tls) socket = await tlsStage(socket, p.host, p, trace, false);
    return { socket, trace };
  } catch (err) {
    socket.destroy();
    throw err;
  }
}

// A checksum database of our own: an Ed25519 key made at test time, a real RFC 6962 tree over the go.sum records
// of some fixture modules, signed tree heads, /lookup, and the level-0 tile the go client reads for inclusion
// proofs (trees stay under 256 records). The real go command accepts it with GOSUMDB="<verifierKey> <url>".
// Faults: "bad-signature" (right key id, wrong signature) and "unknown-key" (signed by another key).
import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { buildModule, escapeCase, type BuiltModule, type ModuleFixture } from './modules';

export type SumdbSigning = 'good' | 'bad-signature' | 'unknown-key';

const sha256 = (...parts: Buffer[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};
const leafHash = (data: Buffer) => sha256(Buffer.from([0]), data);
const nodeHash = (l: Buffer, r: Buffer) => sha256(Buffer.from([1]), l, r);

function treeHash(leaves: Buffer[]): Buffer {
  if (leaves.length === 0) return sha256();
  if (leaves.length === 1) return leaves[0];
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return nodeHash(treeHash(leaves.slice(0, k)), treeHash(leaves.slice(k)));
}

interface SignerKey {
  name: string;
  priv: KeyObject;
  hash: Buffer;
  vkey: string;
}

function newKey(name: string): SignerKey {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  const keyBytes = Buffer.concat([Buffer.from([1]), raw]);
  const hash = sha256(Buffer.from(name + '\n'), keyBytes).subarray(0, 4);
  return { name, priv: privateKey, hash, vkey: `${name}+${hash.toString('hex')}+${keyBytes.toString('base64')}` };
}

export class TestSumdb {
  /** name+hash+base64 key for GOSUMDB. */
  readonly verifierKey: string;
  readonly modules: BuiltModule[];
  private readonly key: SignerKey;
  private readonly otherKey: SignerKey;
  private readonly records: Array<{ id: string; text: string }> = [];
  private readonly leaves: Buffer[] = [];
  signing: SumdbSigning = 'good';

  constructor(
    readonly name: string,
    modules: Array<ModuleFixture | BuiltModule>,
  ) {
    this.key = newKey(name);
    this.otherKey = newKey(name); // same name, another key: its signatures are "unknown"
    this.verifierKey = this.key.vkey;
    this.modules = modules.map((m) => ('gosum' in m ? m : buildModule(m)));
    for (const m of this.modules) {
      this.records.push({ id: `${escapeCase(m.path)}@${escapeCase(m.version)}`, text: m.gosum });
      this.leaves.push(leafHash(Buffer.from(m.gosum)));
    }
    if (this.leaves.length >= 256) throw new Error('TestSumdb keeps every record in one partial tile (fewer than 256)');
  }

  /** The signed tree head, signed as `signing` says. */
  note(signing: SumdbSigning = this.signing): string {
    const text = `go.sum database tree\n${this.leaves.length}\n${treeHash(this.leaves).toString('base64')}\n`;
    const k = signing === 'unknown-key' ? this.otherKey : this.key;
    const sig = sign(null, Buffer.from(text), k.priv);
    if (signing === 'bad-signature') sig[0] ^= 0xff;
    return `${text}\n\u2014 ${k.name} ${Buffer.concat([k.hash, sig]).toString('base64')}\n`;
  }

  /** Answers a path below the database root: /latest, /lookup/<mod>@<ver>, /tile/8/0/000[.p/W]. */
  serve(path: string, signing: SumdbSigning = this.signing): { status: number; body: Buffer | string } {
    if (path === '/latest') return { status: 200, body: this.note(signing) };
    if (path.startsWith('/lookup/')) {
      const i = this.records.findIndex((r) => r.id === path.slice('/lookup/'.length));
      if (i < 0) return { status: 404, body: `not found: ${path.slice(8)}\n` };
      return { status: 200, body: `${i}\n${this.records[i].text}\n${this.note(signing)}` };
    }
    const t = /^\/tile\/8\/0\/000(?:\.p\/(\d+))?$/.exec(path);
    if (t) {
      const w = t[1] ? Number(t[1]) : 256;
      if (w > this.leaves.length || w === 0) return { status: 404, body: 'not found\n' };
      return { status: 200, body: Buffer.concat(this.leaves.slice(0, w)) };
    }
    return { status: 404, body: 'not found\n' };
  }
}

/** Serves databases mounted at path prefixes ("/good" → http://127.0.0.1:port/good is a GOSUMDB URL). */
export class SumdbServer {
  port = 0;
  readonly requests: string[] = [];
  private server?: Server;
  private readonly sockets = new Set<Socket>();

  constructor(readonly mounts: Record<string, TestSumdb>) {}

  url(prefix: string): string {
    return `http://127.0.0.1:${this.port}/${prefix}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => this.handle(req, res));
    this.server.on('connection', (s: Socket) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(0, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    let path = (req.url ?? '/').split('?')[0];
    try {
      path = decodeURIComponent(path); // the go command sends "!" as %21
    } catch {
      // keep it as sent
    }
    this.requests.push(path);
    const m = /^\/([^/]+)(\/.*)$/.exec(path);
    const db = m ? this.mounts[m[1]] : undefined;
    const r = db && req.method === 'GET' ? db.serve(m![2]) : { status: 404, body: 'not found\n' };
    res.writeHead(r.status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(r.body) });
    res.end(r.body);
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    if (this.server) await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}

// Helpers of the health-model tests: the language server bundle (dist/server.js) over stdio with a sealed go
// environment, a loopback server that accepts connections and never answers, and waits for health snapshots.
import { spawnSync } from 'node:child_process';
import { lstatSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { HealthSnapshot, InitializationOptions } from '../../../src/protocol';
import { repoRoot } from '../../support/cli';
import { LspClient } from '../../support/lspClient';

export const serverPath = join(repoRoot, 'dist', 'server.js');

/** The language server as the extension ships it, spoken to over stdio. */
export async function startServer(env: NodeJS.ProcessEnv, folder: string, init: InitializationOptions): Promise<LspClient> {
  const c = new LspClient(process.execPath, [serverPath, '--stdio'], env);
  await c.request('initialize', { processId: process.pid, rootUri: pathToFileURL(folder).href, capabilities: {}, initializationOptions: init });
  c.notify('initialized', {});
  return c;
}

export function openDoc(c: LspClient, file: string, text: string, languageId = 'go.mod'): string {
  const uri = pathToFileURL(file).href;
  c.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  return uri;
}

/** A request whose id we know, so that it can be cancelled with $/cancelRequest. */
export function cancellableRequest(c: LspClient, method: string, params: unknown, timeoutMs = 20_000): { id: number; answer: ReturnType<LspClient['request']> } {
  // LspClient numbers its requests 1, 2, 3…; the next one is the id this request gets.
  const id = (c as unknown as { nextId: number }).nextId;
  return { id, answer: c.request(method, params, timeoutMs) };
}

const isHealth = (m: { method?: string }) => m.method === 'gomodDoctor/healthChanged';

/** The first health notification (already received or to come) whose snapshot passes the test. */
export async function waitForHealth(c: LspClient, test: (s: HealthSnapshot) => boolean, timeoutMs = 15_000): Promise<HealthSnapshot> {
  const m = await c.waitFor((x) => isHealth(x) && test(x.params as HealthSnapshot), timeoutMs);
  return m.params as HealthSnapshot;
}

/** Every round finished: modules decided, probes and caches measured. */
export function settled(s: HealthSnapshot): boolean {
  return !s.running.modules && !s.running.probes && !s.running.cache && s.modules.every((m) => m.status !== 'checking');
}

/** A server that accepts connections and never answers: a proxy that stalls. */
export class StalledServer {
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();

  constructor() {
    this.server = createServer(() => undefined).on('connection', (s: Socket) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', () => r()));
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  get host(): string {
    return `127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}

/** Bytes the entries below dir occupy on disk, as du counts them (the directory's own block left out). */
export function duBelow(dir: string): number {
  const out = spawnSync('du', ['-s', '-B1', '--', dir], { encoding: 'utf8' });
  return Number(out.stdout.split(/\s/)[0]) - lstatSync(dir).blocks * 512;
}

/** Regular files below dir. */
export function fileCount(dir: string): number {
  const out = spawnSync('find', [dir, '-type', 'f'], { encoding: 'utf8' });
  return out.stdout.split('\n').filter((l) => l !== '').length;
}

// The language server as an editor starts it, in the three shapes the exit tests need: `gomod-doctor lsp --stdio`,
// dist/server.js over node IPC with the test as the parent, and the same behind a relay process standing in for
// the editor (so the test can kill "the editor" and leave the server orphaned). Plus the /proc look-ups that find
// the processes a test started, by a marker (its temp dir) in their environment.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliPath, repoRoot } from '../../support/cli';
import { LspFrames } from '../../support/lspClient';

export const serverBundle = join(repoRoot, 'dist', 'server.js');

export interface RpcMessage {
  jsonrpc: '2.0';
  id?: number;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: unknown;
}

export type Transport = 'stdio' | 'ipc' | 'ipc-relay';

// The editor stand-in: forks the server over IPC with itself as the client process, tells the test the server's
// pid, then passes messages both ways.
const RELAY = `
const { fork } = require('node:child_process');
const [bundle] = process.argv.slice(1);
const server = fork(bundle, ['--node-ipc', '--clientProcessId=' + process.pid], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
process.send({ relayServerPid: server.pid });
process.on('message', (m) => server.connected && server.send(m));
server.on('message', (m) => process.connected && process.send(m));
server.on('exit', () => process.exit(0));
`;

export class ServerSession {
  /** The process the test started: the server itself, or the relay in front of it. */
  readonly child: ChildProcess;
  serverPid = 0;
  stderr = '';
  private readonly frames = new LspFrames();
  private nextId = 1;
  private readonly pending = new Map<number, (m: RpcMessage) => void>();
  readonly notifications: RpcMessage[] = [];
  private readonly ready: Promise<void>;

  constructor(readonly transport: Transport, env: NodeJS.ProcessEnv) {
    if (transport === 'stdio') {
      this.child = spawn(process.execPath, [cliPath, 'lsp', '--stdio'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
      this.child.stdout!.on('data', (d: Buffer) => this.onData(d));
      this.serverPid = this.child.pid!;
      this.ready = Promise.resolve();
    } else if (transport === 'ipc') {
      this.child = fork(serverBundle, ['--node-ipc', `--clientProcessId=${process.pid}`], { env, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
      this.child.on('message', (m) => this.dispatch(m as RpcMessage));
      this.serverPid = this.child.pid!;
      this.ready = Promise.resolve();
    } else {
      this.child = spawn(process.execPath, ['-e', RELAY, serverBundle], { env, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
      this.ready = new Promise((resolve) => {
        this.child.on('message', (m: RpcMessage & { relayServerPid?: number }) => {
          if (m.relayServerPid) {
            this.serverPid = m.relayServerPid;
            resolve();
          } else this.dispatch(m);
        });
      });
    }
    this.child.stderr!.setEncoding('utf8').on('data', (d: string) => (this.stderr += d));
  }

  private onData(data: Buffer): void {
    for (const m of this.frames.push(data)) this.dispatch(m as RpcMessage);
  }

  private dispatch(m: RpcMessage): void {
    if (m.id !== undefined && !m.method) {
      this.pending.get(m.id)?.(m);
      this.pending.delete(m.id);
    } else if (m.id !== undefined && m.method) {
      this.send({ jsonrpc: '2.0', id: m.id, result: null }); // a request from the server: answer with nothing
    } else this.notifications.push(m);
  }

  private send(m: RpcMessage): void {
    if (this.transport === 'stdio') {
      const body = Buffer.from(JSON.stringify(m), 'utf8');
      if (this.child.stdin?.writable) this.child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]));
    } else if (this.child.connected) this.child.send(m);
  }

  async request(method: string, params: unknown, timeoutMs = 10_000): Promise<RpcMessage> {
    await this.ready;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`no answer to ${method}; stderr: ${this.stderr}`));
      }, timeoutMs);
      this.pending.set(id, (m) => {
        clearTimeout(timer);
        resolve(m);
      });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** Kills the server and the relay outright (test clean-up). */
  kill(): void {
    for (const pid of [this.serverPid, this.child.pid]) {
      if (pid && isRunning(pid)) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // gone meanwhile
        }
      }
    }
  }
}

/** Running: not gone and not a zombie (an orphan nobody reaps has ended all the same). */
export function isRunning(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) [ZX] /s.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** Running processes whose environment mentions the marker (a temp dir only this test uses), with their command lines. */
export function processesWithMarker(marker: string): Array<{ pid: number; cmd: string }> {
  const found: Array<{ pid: number; cmd: string }> = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      if (!readFileSync(`/proc/${name}/environ`, 'latin1').includes(marker) || !isRunning(Number(name))) continue;
      found.push({ pid: Number(name), cmd: readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' ').trim() });
    } catch {
      // ended while we looked, or not ours to read
    }
  }
  return found;
}

/** Polls until the check holds (true) or the time is up (false). */
export async function waitUntil(check: () => boolean, timeoutMs: number, everyMs = 25): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (check()) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

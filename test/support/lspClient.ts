// A raw JSON-RPC client over stdio, as any LSP editor speaks to `gomod-doctor lsp --stdio`.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

interface Message {
  jsonrpc: '2.0';
  id?: number;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: unknown;
}

/** Splits a byte stream into the JSON bodies of `Content-Length` framed LSP messages. */
export class LspFrames {
  private buffer = Buffer.alloc(0);

  push(data: Buffer): unknown[] {
    this.buffer = Buffer.concat([this.buffer, data]);
    const out: unknown[] = [];
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return out;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return out;
      out.push(JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8')));
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
    }
  }
}

export class LspClient {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly frames = new LspFrames();
  private nextId = 1;
  private readonly pending = new Map<number, (m: Message) => void>();
  private readonly notifications: Message[] = [];
  private readonly waiters: Array<{ test: (m: Message) => boolean; resolve: (m: Message) => void }> = [];
  stderr = '';
  private readonly exited: Promise<number | null>;

  constructor(command: string, args: string[], env: NodeJS.ProcessEnv) {
    this.child = spawn(command, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
    this.child.stdout.on('data', (d: Buffer) => this.onData(d));
    this.child.stderr.setEncoding('utf8').on('data', (d: string) => (this.stderr += d));
  }

  private onData(data: Buffer): void {
    for (const m of this.frames.push(data)) this.dispatch(m as Message);
  }

  private dispatch(m: Message): void {
    if (m.id !== undefined && !m.method) {
      this.pending.get(m.id)?.(m);
      this.pending.delete(m.id);
      return;
    }
    if (m.id !== undefined && m.method) {
      // A request from the server (e.g. workspace/configuration): answer with nothing.
      this.write({ jsonrpc: '2.0', id: m.id, result: null });
      return;
    }
    const i = this.waiters.findIndex((w) => w.test(m));
    if (i >= 0) this.waiters.splice(i, 1)[0].resolve(m);
    else this.notifications.push(m);
  }

  private write(m: Message): void {
    const body = Buffer.from(JSON.stringify(m), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  request(method: string, params: unknown, timeoutMs = 10_000): Promise<Message> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer to ${method}; stderr: ${this.stderr}`)), timeoutMs);
      this.pending.set(id, (m) => {
        clearTimeout(timer);
        resolve(m);
      });
      this.write({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.write({ jsonrpc: '2.0', method, params });
  }

  /** The first notification (already received or still to come) that passes the test. */
  waitFor(test: (m: Message) => boolean, timeoutMs = 10_000): Promise<Message> {
    const i = this.notifications.findIndex(test);
    if (i >= 0) return Promise.resolve(this.notifications.splice(i, 1)[0]);
    return new Promise((resolve, reject) => {
      const waiter = { test, resolve: (m: Message) => (clearTimeout(timer), resolve(m)) };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`no matching notification; stderr: ${this.stderr}`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** Shuts the server down politely (killing it if it does not answer) and returns its exit code. */
  async close(): Promise<number | null> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return this.exited;
    try {
      await this.request('shutdown', null, 5_000);
      this.notify('exit', null);
    } catch {
      this.child.kill('SIGKILL');
    }
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
    const code = await this.exited;
    clearTimeout(timer);
    return code;
  }
}

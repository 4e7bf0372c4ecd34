// Parent side of proxyHost: starts the proxy child for a scenario, reads its counters, stops it.
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { ProxyConfig, ProxyStats } from './proxyHost';

export class ProxyChild {
  private constructor(private readonly child: ChildProcess, readonly url: string) {}

  static async start(config: ProxyConfig, timeoutMs = 60_000): Promise<ProxyChild> {
    const child = fork(join(__dirname, 'proxyHost.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    try {
      const ready = await ask<{ type: 'ready'; url: string }>(child, { type: 'start', config }, 'ready', timeoutMs);
      return new ProxyChild(child, ready.url);
    } catch (err) {
      child.kill('SIGKILL');
      throw err;
    }
  }

  async stats(): Promise<ProxyStats> {
    return (await ask<{ stats: ProxyStats }>(this.child, { type: 'stats' }, 'stats', 10_000)).stats;
  }

  /** Forgets the counted requests and closes every open connection (so the next run starts cold). */
  async reset(): Promise<void> {
    await ask(this.child, { type: 'reset' }, 'reset', 10_000);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.disconnect();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }
}

function ask<T>(child: ChildProcess, message: unknown, answer: string, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`the proxy process did not answer ${answer} within ${timeoutMs} ms`));
    }, timeoutMs);
    const onMessage = (m: { type?: string }) => {
      if (m?.type !== answer) return;
      done();
      resolve(m as T);
    };
    const onExit = (code: number | null) => {
      done();
      reject(new Error(`the proxy process exited (${code})`));
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
    child.send(message as object);
  });
}

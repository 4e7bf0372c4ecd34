// The language server as an editor runs it (`gomod-doctor lsp --stdio`), over test/support's raw JSON-RPC client.
import { pathToFileURL } from 'node:url';
import { LspClient } from '../../test/support/lspClient';

export interface Publish {
  uri: string;
  version?: number;
  diagnostics: Array<{ code?: string; message: string; range: { start: { line: number } } }>;
}

export type Notification = { method?: string; params?: unknown };

export const isPublishFor = (uri: string) => (m: Notification) => m.method === 'textDocument/publishDiagnostics' && (m.params as Publish).uri === uri;

export class BenchServer {
  private constructor(readonly client: LspClient) {}

  /** Starts and initializes the server; no mirrors (they are public hosts), the environment as given. */
  static async start(cli: string, env: NodeJS.ProcessEnv, stateDir: string, rootDir: string): Promise<BenchServer> {
    const client = new LspClient(process.execPath, [cli, 'lsp', '--stdio'], env);
    try {
      await client.request('initialize', {
        processId: process.pid,
        rootUri: pathToFileURL(rootDir).href,
        capabilities: {},
        initializationOptions: { mirrors: [], stateDir, trusted: true },
      }, 30_000);
      client.notify('initialized', {});
      return new BenchServer(client);
    } catch (err) {
      await client.close();
      throw err;
    }
  }

  /** didOpen; resolves with the time (ms) until the first publish that passes `test`, and that publish. */
  async openAndWait(file: string, languageId: string, text: string, test: (p: Publish) => boolean, timeoutMs: number): Promise<{ ms: number; publish: Publish }> {
    const uri = pathToFileURL(file).href;
    const started = performance.now();
    this.client.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    const m = await this.client.waitFor((n) => isPublishFor(uri)(n) && test(n.params as Publish), timeoutMs);
    return { ms: performance.now() - started, publish: m.params as Publish };
  }

  /** Waits until the server has sent nothing for quietMs (at most maxMs), dropping what it sends meanwhile. */
  async quiet(quietMs: number, maxMs: number): Promise<void> {
    const until = performance.now() + maxMs;
    while (performance.now() < until) {
      try {
        await this.client.waitFor(() => true, quietMs);
      } catch {
        return; // nothing for quietMs
      }
    }
  }

  close(file: string): void {
    this.client.notify('textDocument/didClose', { textDocument: { uri: pathToFileURL(file).href } });
  }

  async stop(): Promise<void> {
    await this.client.close();
  }
}

// Helpers of the CLI tests: a sealed environment for the bundled CLI and the real go, an LSP session that keeps
// everything the server said, fenced blocks of the docs.
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliPath, repoRoot } from '../../support/cli';
import { LspClient } from '../../support/lspClient';
import { quietHome } from '../goenv/support';

export { removeTree } from '../goenv/support';

export function tempRoot(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `gmd-${prefix}-`));
}

/**
 * Everything the CLI and go read, pointed into root: HOME, XDG dirs, GOENV, caches; no proxy variables, no
 * telemetry. `values` override (GOPROXY, HTTPS_PROXY …). Suits runCli (which spreads process.env first).
 */
export function sealedCliEnv(root: string, values: Record<string, string> = {}): Record<string, string> {
  const home = quietHome(join(root, 'home'));
  mkdirSync(join(root, 'gopath'), { recursive: true });
  return {
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_STATE_HOME: join(root, 'state'),
    GOENV: join(root, 'goenv'),
    GOPATH: join(root, 'gopath'),
    GOMODCACHE: join(root, 'gopath', 'pkg', 'mod'),
    GOCACHE: join(root, 'gocache'),
    GOFLAGS: '-modcacherw',
    GOTOOLCHAIN: 'local',
    GOTELEMETRY: 'off',
    GOPRIVATE: '',
    GONOPROXY: '',
    GONOSUMDB: '',
    GOSUMDB: 'off',
    GOPROXY: 'off',
    GOAUTH: '',
    NETRC: '',
    HTTP_PROXY: '',
    HTTPS_PROXY: '',
    http_proxy: '',
    https_proxy: '',
    NO_PROXY: '',
    no_proxy: '',
    GIT_TERMINAL_PROMPT: '0',
    LC_ALL: '',
    LC_MESSAGES: '',
    LANG: 'C.UTF-8',
    NO_COLOR: '',
    FORCE_COLOR: '',
    ...values,
  };
}

/** The fenced code block right after `<!-- marker -->` in a docs page. */
export function docsBlock(page: string, marker: string): string {
  const text = readFileSync(join(repoRoot, 'docs', page), 'utf8');
  const at = text.indexOf(`<!-- ${marker} -->`);
  if (at < 0) throw new Error(`no <!-- ${marker} --> in docs/${page}`);
  const m = /```[\w-]*\n([\s\S]*?)```/.exec(text.slice(at));
  if (!m) throw new Error(`no code block after ${marker}`);
  return m[1];
}

/** The markdown table right after `<!-- marker -->`: its rows as arrays of cells (header and rule dropped). */
export function docsTable(page: string, marker: string): string[][] {
  const text = readFileSync(join(repoRoot, 'docs', page), 'utf8');
  const at = text.indexOf(`<!-- ${marker} -->`);
  if (at < 0) throw new Error(`no <!-- ${marker} --> in docs/${page}`);
  const rows = text.slice(at).split('\n').slice(1);
  const table: string[][] = [];
  for (const line of rows) {
    if (!line.startsWith('|')) break;
    table.push(line.split('|').slice(1, -1).map((c) => c.trim()));
  }
  return table.slice(2);
}

interface Message {
  id?: number;
  method?: string;
  params?: unknown;
  result?: unknown;
}

/** A stdio LSP session that also keeps every notification and answer the server sent, for assertions over all of it. */
export class RecordedLsp {
  readonly client: LspClient;
  readonly seen: unknown[] = [];

  constructor(env: NodeJS.ProcessEnv, args: string[] = []) {
    this.client = new LspClient(process.execPath, [cliPath, 'lsp', '--stdio', ...args], env);
  }

  async request(method: string, params: unknown, timeoutMs?: number): Promise<Message> {
    const m = await this.client.request(method, params, timeoutMs);
    this.seen.push(m);
    return m;
  }

  notify(method: string, params: unknown): void {
    this.client.notify(method, params);
  }

  async waitFor(test: (m: Message) => boolean, timeoutMs?: number): Promise<Message> {
    const m = await this.client.waitFor(test, timeoutMs).catch((err: Error) => {
      // Say what did arrive: the failure is then readable without a rerun.
      throw new Error(`${err.message}\nreceived so far: ${this.transcript().slice(-4000)}`);
    });
    this.seen.push(m);
    return m;
  }

  /** Takes every notification already received (and any arriving within quietMs). */
  async drain(quietMs = 20): Promise<void> {
    for (;;) {
      try {
        this.seen.push(await this.client.waitFor(() => true, quietMs));
      } catch {
        return;
      }
    }
  }

  /** Everything the server said, stderr included, as one string. */
  transcript(): string {
    return JSON.stringify(this.seen) + '\n' + this.client.stderr;
  }
}

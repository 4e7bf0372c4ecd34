// The language server over stdio, as any editor drives it: local diagnostics first, then module.* streaming in; a
// quick fix that switches GOPROXY through goenv's writer (a temp GOENV file) clears the squiggle; undo restores it.
import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cliPath } from '../../support/cli';
import { GoproxyServer } from '../../support/goproxy-server';
import { LspClient } from '../../support/lspClient';
import { buildModule, moduleFixture } from '../../support/modules';
import { rangeOf, removeTree, sealedGoEnv, tempRoot } from './support';

interface Diag {
  code: string;
  range: unknown;
  severity: number;
  message: string;
  data?: unknown;
  relatedInformation?: Array<{ location: { uri: string }; message: string }>;
}
interface Publish {
  uri: string;
  diagnostics: Diag[];
}
interface Action {
  title: string;
  isPreferred?: boolean;
  command?: { command: string; arguments: unknown[] };
  edit?: unknown;
}

const TIMEOUT_MS = 700;

describe('language server: module diagnostics, quick fix, hover, undo (stdio)', function () {
  this.timeout(45_000);
  let root: string;
  let good: GoproxyServer;
  let stall: Server;
  let client: LspClient | undefined;
  const sockets = new Set<Socket>();
  const healthy = buildModule(moduleFixture('example.com/healthy', 'v1.0.0'));

  before(async () => {
    root = tempRoot('modules-lsp');
    good = await new GoproxyServer({ modules: [healthy] }).start();
    stall = createServer(() => undefined).on('connection', (s: Socket) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    await new Promise<void>((r) => stall.listen(0, '127.0.0.1', () => r()));
  });
  after(async () => {
    await client?.close();
    await good.stop();
    for (const s of sockets) s.destroy();
    await new Promise<void>((r) => stall.close(() => r()));
    removeTree(root);
  });

  it('streams module.unreachable after the local diagnostics; the preferred fix clears it; undo brings it back', async () => {
    const stalled = `http://127.0.0.1:${(stall.address() as AddressInfo).port}`;
    const goenvFile = join(root, 'goenv');
    writeFileSync(goenvFile, `GOPROXY=${stalled}\n`);
    const dir = join(root, 'app');
    mkdirSync(dir);
    const text = 'module example.com/app\n\ngo 1.21\n\nrequire example.com/healthy v1.0.0\n';
    writeFileSync(join(dir, 'go.mod'), text);
    writeFileSync(join(dir, 'go.sum'), healthy.gosum);

    // GOPROXY comes from the env file only (the process has none), so the fix is written there.
    const env = sealedGoEnv(root, { GOSUMDB: 'off' });
    env.GOENV = goenvFile;
    client = new LspClient(process.execPath, [cliPath, 'lsp', '--stdio'], env);
    const c = client;
    await c.request('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(dir).href,
      capabilities: {},
      initializationOptions: { mirrors: [good.url], timeoutMs: TIMEOUT_MS, stateDir: join(root, 'state'), debounceMs: 50, slowMs: 0 },
    });
    c.notify('initialized', {});
    const isPublish = (m: { method?: string }) => m.method === 'textDocument/publishDiagnostics';
    const moduleCodes = (p: Publish) => p.diagnostics.map((d) => d.code).filter((x) => /^(module|gosum)\./.test(x));
    const drain = async () => {
      for (;;) {
        try {
          await c.waitFor(isPublish, 1);
        } catch {
          return;
        }
      }
    };

    const uri = pathToFileURL(join(dir, 'go.mod')).href;
    const opened = Date.now();
    c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'go.mod', version: 1, text } });
    const first = (await c.waitFor(isPublish, 5_000)).params as Publish;
    const localMs = Date.now() - opened;
    assert.deepEqual(moduleCodes(first), [], 'the first publish is the local one');
    assert.ok(localMs < TIMEOUT_MS, `local diagnostics took ${localMs} ms`);

    const withSquiggle = (await c.waitFor((m) => isPublish(m) && moduleCodes(m.params as Publish).includes('module.unreachable'), 10_000)).params as Publish;
    const diag = withSquiggle.diagnostics.find((d) => d.code === 'module.unreachable')!;
    assert.deepEqual(diag.range, rangeOf(text, 'require', 'example.com/healthy'));
    assert.equal(diag.severity, 1);
    assert.match(diag.relatedInformation![0].message, /^proxy\.timeout: /);
    assert.equal(diag.relatedInformation![0].location.uri, pathToFileURL(goenvFile).href);

    const hover = await c.request('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 12 } });
    const hoverText = (hover.result as { contents: { value: string } }).contents.value;
    assert.match(hoverText, new RegExp(`Fetched from \`${stalled}\``));
    assert.match(hoverText, /failed at the http stage/);

    const actions = (await c.request('textDocument/codeAction', { textDocument: { uri }, range: diag.range, context: { diagnostics: [diag] } })).result as Action[];
    const preferred = actions.filter((a) => a.isPreferred);
    assert.equal(preferred.length, 1, JSON.stringify(actions));
    assert.match(preferred[0].title, new RegExp(`Switch GOPROXY to ${good.url.replace(/[.]/g, '\\.')}`));
    assert.ok(actions.some((a) => /Use "\|" instead of ","/.test(a.title)) === false, 'no pipe fix: the stalled entry is the last one');

    await drain();
    const fixedAt = Date.now();
    const r = await c.request('workspace/executeCommand', preferred[0].command, 20_000);
    assert.equal((r.result as { status: string }).status, 'written', JSON.stringify(r));
    assert.match(readFileSync(goenvFile, 'utf8'), new RegExp(`^GOPROXY=${good.url},direct$`, 'm'));
    await c.waitFor((m) => isPublish(m) && (m.params as Publish).uri === uri && moduleCodes(m.params as Publish).length === 0, 10_000);
    const clearedMs = Date.now() - fixedAt;
    assert.ok(clearedMs < 3 * TIMEOUT_MS + 5_000, `cleared after ${clearedMs} ms`);

    await drain();
    const u = await c.request('workspace/executeCommand', { command: 'gomodDoctor.undoEnvWrite', arguments: [] }, 20_000);
    assert.equal((u.result as { status: string }).status, 'restored', JSON.stringify(u));
    assert.match(readFileSync(goenvFile, 'utf8'), new RegExp(`^GOPROXY=${stalled}$`, 'm'));
    await c.waitFor((m) => isPublish(m) && moduleCodes(m.params as Publish).includes('module.unreachable'), 10_000);
    assert.equal(await c.close(), 0);
    client = undefined;
  });

  it('gosum.missing: "Add missing go.sum entries" runs go mod download under the watchdog and the squiggle goes', async () => {
    const goenvFile = join(root, 'goenv2');
    writeFileSync(goenvFile, `GOPROXY=${good.url}\nGOSUMDB=off\n`);
    const dir = join(root, 'sums');
    mkdirSync(dir);
    const text = 'module example.com/app\n\ngo 1.21\n\nrequire example.com/healthy v1.0.0\n';
    writeFileSync(join(dir, 'go.mod'), text);
    const env = sealedGoEnv(root, {});
    env.GOENV = goenvFile;
    client = new LspClient(process.execPath, [cliPath, 'lsp', '--stdio'], env);
    const c = client;
    await c.request('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: {}, initializationOptions: { mirrors: [], timeoutMs: TIMEOUT_MS, stateDir: join(root, 'state2'), debounceMs: 50 } });
    c.notify('initialized', {});
    const uri = pathToFileURL(join(dir, 'go.mod')).href;
    c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'go.mod', version: 1, text } });
    const isPublish = (m: { method?: string }) => m.method === 'textDocument/publishDiagnostics';
    assert.deepEqual(((await c.waitFor(isPublish, 5_000)).params as Publish).diagnostics, [], 'the local publish comes first');
    const p = (await c.waitFor((m) => isPublish(m) && (m.params as Publish).diagnostics.some((d) => d.code === 'gosum.missing'), 10_000)).params as Publish;
    const diag = p.diagnostics.find((d) => d.code === 'gosum.missing')!;
    assert.deepEqual(diag.range, rangeOf(text, 'require', 'v1.0.0'));
    const actions = (await c.request('textDocument/codeAction', { textDocument: { uri }, range: diag.range, context: { diagnostics: [diag] } })).result as Action[];
    assert.equal(actions.length, 1);
    assert.equal(actions[0].isPreferred, true);
    for (;;) {
      // Drop publishes from before the command: the one that must come is the one after go.sum was written.
      try {
        await c.waitFor(isPublish, 1);
      } catch {
        break;
      }
    }
    const r = await c.request('workspace/executeCommand', actions[0].command, 30_000);
    assert.equal((r.result as { status: string }).status, 'done', JSON.stringify(r));
    assert.equal(readFileSync(join(dir, 'go.sum'), 'utf8'), healthy.gosum);
    await c.waitFor((m) => isPublish(m) && (m.params as Publish).diagnostics.length === 0, 10_000);
    assert.equal(await c.close(), 0);
    client = undefined;
  });
});

// `gomod-doctor lsp --stdio` driven as Neovim or Helix drive it (their language ids, no VS Code extras), with a raw
// JSON-RPC client: initialize → didOpen broken go.mod / go.work / go.sum → the expected codes → codeAction →
// workspace/executeCommand (the env fix) → cleared → undo. Also: docs/editors.md documents exactly the options
// the server takes.
import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../../support/cli';
import { GoproxyServer } from '../../support/goproxy-server';
import { buildModule, moduleFixture } from '../../support/modules';
import { docsTable, RecordedLsp, removeTree, sealedCliEnv, tempRoot } from './support';

interface Diag {
  code: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  message: string;
}
interface Publish {
  uri: string;
  diagnostics: Diag[];
}

const isPublish = (m: { method?: string }) => m.method === 'textDocument/publishDiagnostics';
const codes = (m: { params?: unknown }) => (m.params as Publish).diagnostics.map((d) => d.code).sort();

describe('the stdio language server as other editors use it', function () {
  this.timeout(60_000);
  let root: string;
  let good: GoproxyServer;
  let stall: Server;
  const sockets = new Set<Socket>();
  const healthy = buildModule(moduleFixture('example.com/healthy', 'v1.0.0'));

  before(async () => {
    root = tempRoot('editors');
    good = await new GoproxyServer({ modules: [healthy] }).start();
    stall = createServer(() => undefined).on('connection', (s: Socket) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    await new Promise<void>((r) => stall.listen(0, '127.0.0.1', () => r()));
  });
  after(async () => {
    await good.stop();
    for (const s of sockets) s.destroy();
    await new Promise<void>((r) => stall.close(() => r()));
    removeTree(root);
  });

  it('docs/editors.md lists exactly the initializationOptions of the protocol', () => {
    const documented = docsTable('editors.md', 'lsp:init-options').map((row) => row[0].replace(/`/g, ''));
    const protocol = readFileSync(join(repoRoot, 'src', 'protocol', 'index.ts'), 'utf8');
    const body = /export interface InitializationOptions \{([\s\S]*?)\n\}/.exec(protocol)![1];
    const keys = [...body.matchAll(/^\s{2}(\w+)\?:/gm)].map((m) => m[1]);
    assert.ok(keys.length >= 5, keys.join());
    assert.deepEqual([...documented].sort(), [...keys].sort());
  });

  it('Neovim-style session: diagnostics for gomod/gowork/gosum, the env fix through executeCommand clears the module error, undo restores', async () => {
    const stalled = `http://127.0.0.1:${(stall.address() as AddressInfo).port}`;
    const env = sealedCliEnv(root);
    delete (env as Record<string, string | undefined>).GOPROXY;
    writeFileSync(env.GOENV, `GOPROXY=${stalled}\n`);
    const mod = join(root, 'app');
    const work = join(root, 'work');
    const sums = join(root, 'sums');
    for (const d of [mod, work, sums]) mkdirSync(d);
    // A local error that leaves the file loadable (a missing replace directory), so the module checks run too.
    const gomod = 'module example.com/app\n\ngo 1.21\n\nrequire example.com/healthy v1.0.0\n\nreplace example.com/other => ./nope\n';
    writeFileSync(join(mod, 'go.mod'), gomod);
    writeFileSync(join(mod, 'go.sum'), healthy.gosum);
    const gowork = 'go 1.21\n\nuse ./missing\n';
    const gosum = 'example.com/healthy v1.0.0 h1:tooshort=\n';

    const lsp = new RecordedLsp({ ...process.env, ...env, GOPROXY: undefined });
    const c = lsp.client;
    try {
      // What Neovim 0.11 announces, in substance: plain-text diagnostics with related information, code action
      // literals, executeCommand without dynamic registration.
      const init = await lsp.request('initialize', {
        processId: process.pid,
        clientInfo: { name: 'Neovim', version: '0.11.0' },
        rootUri: pathToFileURL(root).href,
        workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'root' }],
        capabilities: {
          textDocument: {
            publishDiagnostics: { relatedInformation: true, tagSupport: { valueSet: [1, 2] } },
            codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } }, isPreferredSupport: true },
            hover: { contentFormat: ['markdown', 'plaintext'] },
          },
          workspace: { executeCommand: { dynamicRegistration: false }, applyEdit: true },
        },
        initializationOptions: { lang: 'en', mirrors: [good.url], timeoutMs: 700, slowMs: 0, debounceMs: 50, stateDir: join(root, 'state') },
      });
      const caps = (init.result as { capabilities: { executeCommandProvider: { commands: string[] }; hoverProvider: boolean } }).capabilities;
      assert.deepEqual([...caps.executeCommandProvider.commands].sort(), ['gomodDoctor.applyEnvFix', 'gomodDoctor.downloadSums', 'gomodDoctor.recheck', 'gomodDoctor.undoEnvWrite']);
      assert.equal(caps.hoverProvider, true);
      lsp.notify('initialized', {});

      const uri = (p: string) => pathToFileURL(p).href;
      const modUri = uri(join(mod, 'go.mod'));
      const workUri = uri(join(work, 'go.work'));
      const sumUri = uri(join(sums, 'go.sum'));
      lsp.notify('textDocument/didOpen', { textDocument: { uri: modUri, languageId: 'gomod', version: 1, text: gomod } });
      lsp.notify('textDocument/didOpen', { textDocument: { uri: workUri, languageId: 'gowork', version: 1, text: gowork } });
      lsp.notify('textDocument/didOpen', { textDocument: { uri: sumUri, languageId: 'gosum', version: 1, text: gosum } });
      const forUri = (u: string, test: (m: { params?: unknown }) => boolean = () => true) => (m: { method?: string; params?: unknown }) => isPublish(m) && (m.params as Publish).uri === u && test(m);

      assert.deepEqual(codes(await lsp.waitFor(forUri(workUri), 5_000)), ['gowork.use-missing']);
      assert.deepEqual(codes(await lsp.waitFor(forUri(sumUri), 5_000)), ['gosum.hash-invalid']);
      assert.deepEqual(codes(await lsp.waitFor(forUri(modUri), 5_000)), ['gomod.replace-dir-missing'], 'the local diagnostics come first');
      const withModule = await lsp.waitFor(forUri(modUri, (m) => codes(m).includes('module.unreachable')), 10_000);
      assert.deepEqual(codes(withModule), ['gomod.replace-dir-missing', 'module.unreachable']);
      const diag = (withModule.params as Publish).diagnostics.find((d) => d.code === 'module.unreachable')!;
      assert.deepEqual(diag.range, { start: { line: 4, character: 8 }, end: { line: 4, character: 27 } });

      const hover = await lsp.request('textDocument/hover', { textDocument: { uri: modUri }, position: { line: 4, character: 10 } });
      assert.match((hover.result as { contents: { value: string } }).contents.value, new RegExp(`\`${stalled}\``));

      const actions = (await lsp.request('textDocument/codeAction', { textDocument: { uri: modUri }, range: diag.range, context: { diagnostics: [diag] } })).result as Array<{
        title: string;
        isPreferred?: boolean;
        command?: { command: string; arguments: unknown[] };
      }>;
      const fix = actions.find((a) => a.isPreferred)!;
      assert.equal(fix.command?.command, 'gomodDoctor.applyEnvFix', JSON.stringify(actions));
      assert.ok(caps.executeCommandProvider.commands.includes(fix.command!.command), 'the editor can route the command to the server');

      await lsp.drain();
      const done = await lsp.request('workspace/executeCommand', fix.command, 20_000);
      assert.equal((done.result as { status: string }).status, 'written', JSON.stringify(done));
      assert.match(readFileSync(env.GOENV, 'utf8'), new RegExp(`^GOPROXY=${good.url},direct$`, 'm'));
      const cleared = await lsp.waitFor(forUri(modUri, (m) => !codes(m).includes('module.unreachable') && codes(m).includes('gomod.replace-dir-missing')), 10_000);
      assert.deepEqual(codes(cleared), ['gomod.replace-dir-missing']);
      await c.waitFor((m) => m.method === 'window/showMessage', 5_000).catch(() => undefined);

      await lsp.drain();
      const undo = await lsp.request('workspace/executeCommand', { command: 'gomodDoctor.undoEnvWrite', arguments: [] }, 20_000);
      assert.equal((undo.result as { status: string }).status, 'restored', JSON.stringify(undo));
      assert.match(readFileSync(env.GOENV, 'utf8'), new RegExp(`^GOPROXY=${stalled}$`, 'm'));
      await lsp.waitFor(forUri(modUri, (m) => codes(m).includes('module.unreachable')), 10_000);
      assert.equal(await c.close(), 0);
    } finally {
      await c.close();
    }
  });
});

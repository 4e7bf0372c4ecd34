// The language server over stdio against malformed traffic: bad JSON, wrong Content-Length, junk headers, unknown
// methods, wrong params, didChange for documents never opened, a 10 MB document. After each, it must still answer.
import * as assert from 'node:assert/strict';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cliPath } from '../../support/cli';
import { LspClient } from '../../support/lspClient';
import { removeTree, sealedGoEnv, tempRoot } from '../modules/support';

interface Publish {
  uri: string;
  diagnostics: Array<{ code: string; message: string }>;
}

function raw(c: LspClient, data: string | Buffer): void {
  (c as unknown as { child: ChildProcessWithoutNullStreams }).child.stdin.write(data);
}

function framed(body: string, length = Buffer.byteLength(body)): string {
  return `Content-Length: ${length}\r\n\r\n${body}`;
}

function alive(c: LspClient): boolean {
  const child = (c as unknown as { child: ChildProcessWithoutNullStreams }).child;
  return child.exitCode === null && child.signalCode === null;
}

/** Asks an unknown method until the server answers (a desynced stream may eat one or two requests). */
async function answers(c: LspClient, tries = 4): Promise<void> {
  for (let i = 0; i < tries; i++) {
    try {
      const r = await c.request('gomodDoctor/noSuchMethod', {}, 2_000);
      assert.equal((r.error as { code: number }).code, -32601);
      return;
    } catch (err) {
      if (i === tries - 1) throw err;
    }
  }
}

describe('reliability: the language server survives malformed LSP traffic', function () {
  this.timeout(60_000);
  let root: string;
  let c: LspClient;
  const isPublish = (uri: string) => (m: { method?: string; params?: unknown }) => m.method === 'textDocument/publishDiagnostics' && (m.params as Publish).uri === uri;

  before(async () => {
    root = tempRoot('lsp-malformed');
    c = new LspClient(process.execPath, [cliPath, 'lsp', '--stdio'], sealedGoEnv(root, { GOPROXY: 'off', GOSUMDB: 'off' }));
    await c.request('initialize', { processId: process.pid, rootUri: pathToFileURL(root).href, capabilities: {}, initializationOptions: { stateDir: join(root, 'state') } });
    c.notify('initialized', {});
  });
  after(async () => {
    const code = await c.close();
    removeTree(root);
    assert.equal(code, 0, 'the server exits cleanly after all of it');
  });

  it('bad JSON bodies, non-object bodies and junk header blocks are dropped', async () => {
    for (const body of ['{bad}', '[]', '42', 'null', '"x"', '{"jsonrpc":"2.0"}', '{"jsonrpc":"2.0","id":{},"method":7}', '\u0000\u0001']) {
      raw(c, framed(body));
    }
    raw(c, 'this is not a header\r\n\r\n');
    raw(c, 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n');
    await answers(c);
  });

  it('unknown methods are answered with MethodNotFound, unknown notifications ignored', async () => {
    c.notify('gomodDoctor/whatever', { a: 1 });
    c.notify('$/cancelRequest', { id: 'nope' });
    const r = await c.request('workspace/noSuchThing', null);
    assert.equal((r.error as { code: number }).code, -32601);
  });

  it('requests with wrong params get an error answer, not a crash', async () => {
    for (const [method, params] of [
      ['textDocument/hover', null],
      ['textDocument/hover', { textDocument: {} }],
      ['textDocument/codeAction', { textDocument: { uri: 'file:///nope/go.mod' } }],
      ['textDocument/codeAction', null],
      ['workspace/executeCommand', { command: 'gomodDoctor.downloadSums', arguments: [{}, 42] }],
      ['workspace/executeCommand', null],
    ] as const) {
      const r = await c.request(method, params, 5_000);
      assert.ok(r.error !== undefined || r.result !== undefined, `${method} was answered`);
    }
    assert.ok(alive(c));
  });

  it('didChange / didClose / hover for documents never opened, and didOpen without text, are survived', async () => {
    const uri = pathToFileURL(join(root, 'ghost', 'go.mod')).href;
    c.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: 'module x\n' }] });
    c.notify('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ range: { start: { line: 99, character: 0 }, end: { line: 99, character: 5 } }, text: 'x' }] });
    c.notify('textDocument/didClose', { textDocument: { uri } });
    c.notify('textDocument/didOpen', { textDocument: { uri: pathToFileURL(join(root, 'b', 'go.mod')).href, languageId: 'go.mod', version: 1 } });
    c.notify('textDocument/didOpen', null);
    const h = await c.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    assert.equal(h.result, null);
    await answers(c);
  });

  it('edits outside an open document are clamped: diagnostics still come for the new text', async () => {
    const uri = pathToFileURL(join(root, 'a', 'go.mod')).href;
    c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'go.mod', version: 1, text: 'module example.com/a\n' } });
    await c.waitFor(isPublish(uri), 10_000);
    c.notify('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 50, character: 80 }, end: { line: 10, character: 0 } }, text: 'require example.com/b v1.2\n' }],
    });
    const p = (await c.waitFor((m) => isPublish(uri)(m) && (m.params as { version?: number }).version === 2, 10_000)).params as Publish;
    assert.ok(p.diagnostics.some((d) => d.code === 'gomod.version-noncanonical'), JSON.stringify(p));
    c.notify('textDocument/didClose', { textDocument: { uri } });
  });

  // Untrusted, so that only the local rules run: the module checks, hover and code actions of a trusted workspace
  // still parse the whole text (reported to the server's owner; see SECURITY.md "Limits").
  it('a 10 MB document gets one too-large diagnostic at once and the server keeps answering', async () => {
    const big = new LspClient(process.execPath, [cliPath, 'lsp', '--stdio'], sealedGoEnv(root, { GOPROXY: 'off', GOSUMDB: 'off' }));
    try {
      await big.request('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { trusted: false } });
      big.notify('initialized', {});
      const uri = pathToFileURL(join(root, 'huge', 'go.mod')).href;
      const text = 'module x\n' + 'require example.com/some/module v1.2.3 // indirect\n'.repeat(200_000);
      const started = Date.now();
      big.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'go.mod', version: 1, text } });
      const p = (await big.waitFor(isPublish(uri), 20_000)).params as Publish;
      assert.deepEqual(p.diagnostics.map((d) => d.code), ['gomod.too-large']);
      assert.match(p.diagnostics[0].message, /go\.mod is 9\.7 MiB, above the 1 MiB/);
      big.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '// x\n' }] });
      await big.waitFor((m) => isPublish(uri)(m) && (m.params as { version?: number }).version === 2, 20_000);
      await answers(big);
      assert.ok(Date.now() - started < 10_000, `took ${Date.now() - started} ms`);
    } finally {
      assert.equal(await big.close(), 0);
    }
  });

  // vscode-jsonrpc cannot find the next message after a Content-Length that does not match the body: every later
  // header block swallows the next body. The server must stay up (not crash, not spin) and end with its input.
  it('a Content-Length shorter than its body: the process stays up, idle, and exits when its input ends', async () => {
    const other = new LspClient(process.execPath, [cliPath, 'lsp', '--stdio'], sealedGoEnv(root, { GOPROXY: 'off', GOSUMDB: 'off' }));
    const child = (other as unknown as { child: ChildProcessWithoutNullStreams }).child;
    try {
      await other.request('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
      const body = JSON.stringify({ jsonrpc: '2.0', id: 9_999, method: 'gomodDoctor/noSuchMethod' });
      raw(other, framed(body, body.length - 7));
      const cpuBefore = process.cpuUsage();
      for (let i = 0; i < 3; i++) await other.request('gomodDoctor/noSuchMethod', {}, 700).catch(() => undefined);
      assert.ok(alive(other), 'still running');
      assert.ok(process.cpuUsage(cpuBefore).user < 2_000_000);
      const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
      child.stdin.end();
      const code = await Promise.race([exited, new Promise<string>((r) => setTimeout(() => r('timeout'), 10_000))]);
      assert.notEqual(code, 'timeout', 'the server ends when its input ends');
    } finally {
      child.kill('SIGKILL');
    }
  });
});

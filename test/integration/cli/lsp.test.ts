import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cliPath } from '../../support/cli';
import { LspClient } from '../../support/lspClient';

interface PublishParams {
  uri: string;
  diagnostics: Array<{ code: string; codeDescription?: { href: string }; source: string; message: string; range: unknown; severity: number }>;
}

describe('gomod-doctor lsp --stdio', () => {
  let dir: string;
  let client: LspClient;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'gmd-lsp-'));
  });
  after(async () => {
    await client?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('publishes local diagnostics for an opened go.mod, then clears them when fixed', async () => {
    client = new LspClient(process.execPath, [cliPath, 'lsp', '--stdio'], { ...process.env, GOTOOLCHAIN: 'local', GOPROXY: 'off' });
    const init = await client.request('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: {}, initializationOptions: { lang: 'zh-cn' } });
    assert.equal((init.result as { serverInfo: { name: string } }).serverInfo.name, 'gomod-doctor');
    client.notify('initialized', {});

    const file = join(dir, 'go.mod');
    const text = 'module example.com/m\n\ngo 1.21\n\nrequire example.com/foo master\n';
    writeFileSync(file, text);
    const uri = pathToFileURL(file).href;
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'go.mod', version: 1, text } });
    const published = await client.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && (m.params as PublishParams).diagnostics.length > 0);
    const [d] = (published.params as PublishParams).diagnostics;
    assert.equal(d.code, 'gomod.version-invalid');
    assert.equal(d.source, 'gomod-doctor');
    assert.equal(d.severity, 1);
    assert.deepEqual(d.range, { start: { line: 4, character: 24 }, end: { line: 4, character: 30 } });
    assert.match(d.codeDescription!.href, /^file:\/\/.*docs\/findings\.md#gomodversion-invalid$/);
    assert.match(d.message, /go get example\.com\/foo@master/);

    client.notify('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 4, character: 24 }, end: { line: 4, character: 30 } }, text: 'v1.0.0' }],
    });
    const cleared = await client.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && (m.params as PublishParams & { version?: number }).diagnostics.length === 0);
    assert.equal((cleared.params as PublishParams).uri, uri);
    assert.equal(await client.close(), 0);
  });
});

// Privacy: with GOPRIVATE set, a recording public-proxy stand-in and a sumdb stand-in receive no request that
// names a private module, across `check`, `probe` and the language server (diagnostics, hover, code actions).
// Injection: module paths, versions and replace targets with shell metacharacters, quotes and `..` go from
// parse → rules → fixes → the go command's argv as single arguments, never through a shell, and nothing is
// written outside the workspace.
import * as assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cliPath, runCli } from '../../support/cli';
import { LspClient } from '../../support/lspClient';
import { RecordingProxy, TestSumdb, tinyModule } from '../../support/recording-proxy';
import { removeTree, sealedGoEnv, tempRoot } from '../modules/support';

interface Diag {
  code: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  source?: string;
  data?: unknown;
  message: string;
}
interface Publish {
  uri: string;
  version?: number;
  diagnostics: Diag[];
}
interface Action {
  title: string;
  command?: { command: string; arguments: unknown[] };
}

const PRIVATE = /corp\.example|internal\.example|secret/i;

describe('reliability: privacy and injection', function () {
  this.timeout(90_000);
  let root: string;
  let proxy: RecordingProxy;
  let sumdb: RecordingProxy;
  let env: NodeJS.ProcessEnv;
  const pub = tinyModule('example.com/pub', 'v1.0.0');

  before(async () => {
    root = tempRoot('privacy');
    const db = new TestSumdb('sum.test.example', [pub]);
    proxy = await new RecordingProxy({ modules: [pub] }).start();
    sumdb = await new RecordingProxy({ modules: [], rootSumdb: db }).start();
    env = sealedGoEnv(root, {
      GOPROXY: proxy.url,
      GOSUMDB: `${db.verifierKey} ${sumdb.url}`,
      GOPRIVATE: 'corp.example,*.internal.example',
      GOFLAGS: '',
    });
  });
  after(async () => {
    await proxy.stop();
    await sumdb.stop();
    removeTree(root);
  });

  function leaked(): string[] {
    return [...proxy.records, ...sumdb.records].map((r) => `${r.host}${r.path}`).filter((p) => PRIVATE.test(p));
  }

  it('check, probe and the language server send no private path to the proxy or the checksum database', async () => {
    const dir = join(root, 'app');
    mkdirSync(dir);
    const gomod = [
      'module corp.example/app',
      '',
      'go 1.21',
      '',
      'require (',
      '\tcorp.example/secret/lib v1.0.0',
      '\tgit.internal.example/team/tool v1.2.3',
      '\texample.com/pub v1.0.0',
      ')',
      '',
      'replace corp.example/secret/old => corp.example/secret/new v1.1.0',
      '',
    ].join('\n');
    writeFileSync(join(dir, 'go.mod'), gomod);

    const check = await runCli(['check', '--format', 'json', '--mirrors', proxy.url, '--timeout-ms', '3000', dir], { env, timeoutMs: 60_000 });
    assert.ok(check.code === 0 || check.code === 1, check.stderr);
    const probe = await runCli(['probe', '--json', '--mirrors', proxy.url, '--timeout-ms', '3000'], { cwd: dir, env, timeoutMs: 60_000 });
    assert.ok(probe.code === 0 || probe.code === 1, probe.stderr);

    const c = new LspClient(process.execPath, [cliPath, 'lsp', '--stdio'], env);
    try {
      await c.request('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: {}, initializationOptions: { mirrors: [proxy.url], stateDir: join(root, 'state'), debounceMs: 10, timeoutMs: 3_000 } });
      c.notify('initialized', {});
      const uri = pathToFileURL(join(dir, 'go.mod')).href;
      c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'go.mod', version: 1, text: gomod } });
      const withModules = (await c.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && (m.params as Publish).diagnostics.some((d) => d.code === 'gosum.missing'), 20_000)).params as Publish;
      for (let line = 5; line <= 10; line++) await c.request('textDocument/hover', { textDocument: { uri }, position: { line, character: 3 } });
      const all = { start: { line: 0, character: 0 }, end: { line: 12, character: 0 } };
      await c.request('textDocument/codeAction', { textDocument: { uri }, range: all, context: { diagnostics: withModules.diagnostics } });
      c.notify('workspace/executeCommand', { command: 'gomodDoctor.recheck' });
      await c.request('workspace/executeCommand', { command: 'gomodDoctor.recheck', arguments: [] });
      await new Promise((r) => setTimeout(r, 1_500));
    } finally {
      await c.close();
    }
    assert.ok(proxy.records.some((r) => r.module === 'example.com/pub'), 'the public module was looked up (the stand-ins are in use)');
    assert.ok(sumdb.records.length > 0 || proxy.records.some((r) => r.kind.startsWith('sumdb')), 'the checksum database stand-in was consulted');
    assert.deepEqual(leaked(), []);
  });

  it('hostile module paths, versions and replace targets never reach the go command or a shell', async () => {
    const dir = join(root, 'inject', 'ws');
    mkdirSync(dir, { recursive: true });
    // A go that records its argv (one argument a line) and its working directory.
    const argvLog = join(root, 'inject', 'argv.log');
    const fake = join(root, 'inject', 'fakego');
    writeFileSync(fake, `#!/bin/sh\nif [ "$1" = env ]; then echo go1.22.0; exit 0; fi\n{ pwd; for a in "$@"; do printf '[%s]\\n' "$a"; done; echo ---; } >> "${argvLog}"\nexit 1\n`);
    chmodSync(fake, 0o755);
    const hostile = ['example.com/a;touch PWNED1', 'example.com/$(touch PWNED2)', 'example.com/`touch PWNED3`', 'example.com/x|touch PWNED4', '-modfile=../evil.mod'];
    const served = await new RecordingProxy({ modules: hostile.map((m) => tinyModule(m, 'v1.0.0')) }).start();
    const gomod = [
      'module example.com/ws',
      '',
      'go 1.21',
      '',
      ...hostile.map((m) => `require "${m}" v1.0.0`),
      'require example.com/dots v1.0.0',
      'replace example.com/dots => ../../../../../../tmp/../etc',
      '',
    ].join('\n');
    writeFileSync(join(dir, 'go.mod'), gomod);
    const before = readdirSync(join(root, 'inject')).sort();

    const c = new LspClient(process.execPath, [cliPath, 'lsp', '--stdio'], { ...env, GOPROXY: served.url, GOSUMDB: 'off' });
    try {
      await c.request('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: {}, initializationOptions: { goPath: fake, stateDir: join(root, 'inject-state'), debounceMs: 10, timeoutMs: 3_000, mirrors: [] } });
      c.notify('initialized', {});
      const uri = pathToFileURL(join(dir, 'go.mod')).href;
      c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'go.mod', version: 1, text: gomod } });
      // Every hostile path is judged (invalid: no request is made for it).
      const p = (await c.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && hostile.every((h) => (m.params as Publish).diagnostics.some((d) => /^module\./.test(d.code) && d.message.includes(h))), 20_000)).params as Publish;
      assert.deepEqual(served.records.filter((r) => /PWNED|modfile/.test(r.path)), [], 'no request for a path that is not a module path');
      const actions = (await c.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 12, character: 0 } }, context: { diagnostics: p.diagnostics } })).result as Array<Action & { edit?: { changes: Record<string, unknown> } }>;
      assert.deepEqual(actions.filter((a) => a.command?.command === 'gomodDoctor.downloadSums'), [], 'no download is offered for an invalid path');
      assert.ok(actions.some((a) => a.edit), 'the replace of a directory without go.mod can be removed');
      for (const a of actions) if (a.edit) assert.deepEqual(Object.keys(a.edit.changes), [uri], 'edits touch only this go.mod');
      // A client may still send any target: the server refuses anything that is not a module@version.
      for (const h of hostile) {
        const r = await c.request('workspace/executeCommand', { command: 'gomodDoctor.downloadSums', arguments: [`${h}@v1.0.0`, uri] }, 20_000);
        assert.equal((r.result as { status: string }).status, 'failed', h);
      }
    } finally {
      await c.close();
      await served.stop();
    }
    // go ran only for its own queries (version, env), never with a hostile target, and only in the workspace.
    const log = existsSync(argvLog) ? readFileSync(argvLog, 'utf8') : '';
    for (const m of hostile) assert.ok(!log.includes(m), `${m} reached go:\n${log}`);
    for (const block of log.split('---\n').filter(Boolean)) assert.ok(!block.includes('download'), `go was asked to download:\n${block}`);
    for (const n of [1, 2, 3, 4]) {
      for (const where of [dir, join(root, 'inject'), root, process.cwd()]) assert.equal(existsSync(join(where, `PWNED${n}`)), false, `PWNED${n} in ${where}`);
    }
    assert.deepEqual(readdirSync(join(root, 'inject')).sort().filter((n) => !before.includes(n) && n !== 'argv.log'), [], 'nothing new next to the workspace');
  });
});

// Credentials planted where users keep them — GOPROXY userinfo, the go env file, ~/.netrc, HTTPS_PROXY — must not
// appear in any output of any command in any format, nor in anything the language server sends. Loopback only.
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCli, type CliResult } from '../../support/cli';
import { GoproxyServer } from '../../support/goproxy-server';
import { moduleFixture } from '../../support/modules';
import { RecordedLsp, removeTree, sealedCliEnv, tempRoot } from './support';

const SECRETS = ['s3cr3t-proxy', 's3cr3t-netrc', 's3cr3t-https', 's3cr3t-envfile'];
// The netrc password as it would travel in a Basic Authorization header.
const ENCODED = [Buffer.from('alice:s3cr3t-netrc').toString('base64'), Buffer.from('alice:s3cr3t-proxy').toString('base64')];

function assertClean(what: string, text: string): void {
  for (const s of [...SECRETS, ...ENCODED]) assert.ok(!text.includes(s), `${what} printed ${s}:\n${text}`);
}

describe('credentials never leave: every command, every format, the language server', function () {
  this.timeout(60_000);
  let root: string;
  let dir: string;
  let proxy: GoproxyServer;
  let forward: Server;
  let env: Record<string, string>;
  let goproxy: string;
  const outputs: Array<{ what: string; r: CliResult }> = [];

  before(async () => {
    root = tempRoot('secrets');
    proxy = await new GoproxyServer({ modules: [moduleFixture('example.com/lib', 'v0.1.0'), moduleFixture('golang.org/x/mod', 'v0.20.0')] }).start();
    // The HTTPS_PROXY stand-in: answers 407 to anything (loopback targets are not proxied, as in Go).
    forward = createServer((_req, res) => res.writeHead(407, { 'Proxy-Authenticate': 'Basic' }).end());
    await new Promise<void>((r) => forward.listen(0, '127.0.0.1', () => r()));
    // An https entry with userinfo on a port that speaks plain HTTP (it fails at TLS, its error quotes the URL),
    // then the working proxy after "|".
    goproxy = `https://alice:s3cr3t-proxy@127.0.0.1:${proxy.port}|${proxy.url}`;
    env = sealedCliEnv(root, {
      GOPROXY: goproxy,
      HTTPS_PROXY: `http://bob:s3cr3t-https@127.0.0.1:${(forward.address() as AddressInfo).port}`,
    });
    writeFileSync(env.GOENV, 'GOPROXY=https://carol:s3cr3t-envfile@127.0.0.1:1,direct\n');
    writeFileSync(join(env.HOME, '.netrc'), 'machine 127.0.0.1\nlogin alice\npassword s3cr3t-netrc\n');
    dir = join(root, 'app');
    require('node:fs').mkdirSync(dir);
    writeFileSync(join(dir, 'go.mod'), 'module example.com/app\n\ngo 1.21\n\nrequire (\n\texample.com/lib v0.1.0\n\texample.com/missing v1.0.0\n)\n');
    writeFileSync(join(dir, 'go.sum'), proxy.modules[0].gosum);
  });
  after(async () => {
    await proxy.stop();
    await new Promise<void>((r) => forward.close(() => r()));
    removeTree(root);
  });

  const cli = async (what: string, args: string[], input?: string): Promise<CliResult> => {
    const r = await runCli(args, { cwd: dir, env, input, timeoutMs: 30_000 });
    outputs.push({ what, r });
    return r;
  };

  it('check in all four formats, with and without --offline, names the proxy only with its credentials masked', async () => {
    const runs: Array<[string, string[]]> = [];
    for (const format of ['text', 'json', 'markdown', 'sarif']) {
      runs.push([`check ${format}`, ['check', '--format', format, '--mirrors', 'none', '--timeout-ms', '1500']]);
      runs.push([`check ${format} --offline`, ['check', '--format', format, '--offline']]);
    }
    // Two at a time: each is a node process plus go.
    const results: CliResult[] = [];
    for (let i = 0; i < runs.length; i += 2) results.push(...(await Promise.all(runs.slice(i, i + 2).map(([w, a]) => cli(w, a)))));
    for (const [i, [what]] of runs.entries()) {
      assert.ok(results[i].code === 0 || results[i].code === 1, `${what}: exit ${results[i].code}: ${results[i].stderr}`);
      assertClean(what, results[i].stdout + results[i].stderr);
    }
    // The secret-bearing values were there, masked: the test would see them if redaction failed.
    const json = JSON.parse(results[2].stdout);
    // Probe targets drop userinfo altogether.
    assert.deepEqual(json.probes.map((p: { target: string }) => p.target), [`https://127.0.0.1:${proxy.port}`, proxy.url]);
    assert.ok(json.env.some((v: { name: string; value: string }) => v.name === 'HTTPS_PROXY' && v.value.startsWith('http://***@127.0.0.1:')));
    assert.ok(json.findings.some((f: { code: string }) => f.code.startsWith('module.')), json.findings.map((f: { code: string }) => f.code).join());
    assert.match(results[4].stdout, /\| GOPROXY \| `https:\/\/\*\*\*@127\.0\.0\.1/);
    assert.match(results[4].stdout, /envfile=`https:\/\/\*\*\*@127\.0\.0\.1:1,direct`/);
  });

  it('env, probe, explain, watch, cache, fix --dry-run, undo and parse, text and JSON', async () => {
    const goError = `go: example.com/missing@v1.0.0: reading https://alice:s3cr3t-proxy@127.0.0.1:${proxy.port}/example.com/missing/@v/v1.0.0.info: 404 Not Found\n\tserver response: not found\n`;
    const runs: Array<[string, string[], string?]> = [
      ['env', ['env']],
      ['env --json', ['env', '--json', '--route', 'example.com/lib']],
      ['probe', ['probe', '--mirrors', 'none', '--timeout-ms', '1500']],
      ['probe --json', ['probe', '--json', '--mirrors', 'none', '--timeout-ms', '1500']],
      ['explain', ['explain'], goError],
      ['explain --json', ['explain', '--json'], goError],
      ['watch', ['watch', '--timeout-ms', '20000', '--', 'go', 'mod', 'download', 'example.com/missing@v1.0.0']],
      ['watch --json', ['watch', '--json', '--timeout-ms', '20000', '--', 'go', 'mod', 'download', 'example.com/missing@v1.0.0']],
      ['cache inspect', ['cache', 'inspect']],
      ['cache inspect --json', ['cache', 'inspect', '--json']],
      ['fix --dry-run', ['fix', `env:set:GOPROXY=https://alice:s3cr3t-proxy@127.0.0.1:${proxy.port},direct`, '--dry-run']],
      ['fix --dry-run --json', ['fix', `env:set:GOPROXY=https://alice:s3cr3t-proxy@127.0.0.1:${proxy.port},direct`, '--dry-run', '--json']],
      ['undo', ['undo', '--json']],
      ['parse', ['parse', 'go.mod', '--json']],
    ];
    const results: CliResult[] = [];
    for (let i = 0; i < runs.length; i += 2) results.push(...(await Promise.all(runs.slice(i, i + 2).map(([w, a, input]) => cli(w, a, input)))));
    for (const [i, [what]] of runs.entries()) {
      assert.ok(results[i].code !== null && results[i].code! <= 2, `${what}: exit ${results[i].code}: ${results[i].stderr}`);
      assertClean(what, results[i].stdout + results[i].stderr);
    }
    const byName = (n: string) => results[runs.findIndex(([w]) => w === n)];
    assert.match(byName('env').stdout, /HTTPS_PROXY\s+http:\/\/\*\*\*@127\.0\.0\.1/);
    assert.match(byName('explain').stdout, /module\.not-found/);
    assert.equal(byName('watch').code, 1, 'go failed, and watch passes its status on');
    assert.match(byName('watch').stderr, /example\.com\/missing/);
    assert.equal(JSON.parse(byName('probe --json').stdout).probes[0].target, `https://127.0.0.1:${proxy.port}`);
  });

  let lspTranscript = '';

  it('the language server: the diagnostics, hovers, code actions and log messages it shows carry no credentials', async () => {
    const lsp = new RecordedLsp({ ...process.env, ...env });
    try {
      await lsp.request('initialize', {
        processId: process.pid,
        rootUri: pathToFileURL(dir).href,
        capabilities: {},
        initializationOptions: { mirrors: [], timeoutMs: 1500, stateDir: join(root, 'lsp-state'), debounceMs: 20 },
      });
      lsp.notify('initialized', {});
      const uri = pathToFileURL(join(dir, 'go.mod')).href;
      const text = require('node:fs').readFileSync(join(dir, 'go.mod'), 'utf8') as string;
      lsp.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'gomod', version: 1, text } });
      const withModules = await lsp.waitFor(
        (m) => m.method === 'textDocument/publishDiagnostics' && (m.params as { diagnostics: Array<{ code: string }> }).diagnostics.some((d) => d.code.startsWith('module.')),
        15_000,
      );
      const diagnostics = (withModules.params as { diagnostics: Array<{ code: string; range: unknown; message: string }> }).diagnostics;
      const hovers: string[] = [];
      for (const line of [5, 6]) {
        const h = await lsp.request('textDocument/hover', { textDocument: { uri }, position: { line, character: 4 } });
        hovers.push((h.result as { contents: { value: string } }).contents.value);
      }
      const failing = diagnostics.find((d) => d.code.startsWith('module.'))!;
      const actions = (await lsp.request('textDocument/codeAction', { textDocument: { uri }, range: failing.range, context: { diagnostics } })).result as Array<{ title: string }>;
      await lsp.drain(200);
      assert.equal(await lsp.client.close(), 0);
      lspTranscript = lsp.transcript();
      const shown = lsp.seen
        .filter((m): m is { method: string; params: Record<string, unknown> } => typeof (m as { method?: string }).method === 'string')
        .flatMap((m) =>
          m.method === 'textDocument/publishDiagnostics'
            ? (m.params.diagnostics as Array<{ message: string }>).map((d) => d.message)
            : /^window\//.test(m.method) ? [String(m.params.message)] : [],
        );
      for (const [what, texts] of [['diagnostics and messages', shown], ['hovers', hovers], ['code actions', actions.map((a) => a.title)], ['stderr', [lsp.client.stderr]]] as const) {
        assertClean(`lsp ${what}`, texts.join('\n'));
      }
      // The hover says where the module came from: the proxy, masked.
      assert.match(hovers.join('\n'), new RegExp(`https://\\*\\*\\*@127\\.0\\.0\\.1:${proxy.port}`));
    } finally {
      await lsp.client.close();
    }
  });

  // Diagnostic data and related information carry evidence (proxy URLs as configured): the server redacts them.
  it('the language server: nothing it sends (diagnostic data, related information) carries credentials', () => {
    assert.ok(lspTranscript, 'runs after the session above');
    assertClean('lsp transcript', lspTranscript);
  });

  after(() => {
    // A summary for the log: how many outputs were checked.
    console.log(`      ${outputs.length} CLI outputs checked for ${SECRETS.length} planted secrets`);
  });
});

// Credentials planted where the CLI secrets test (test/integration/cli/secrets.test.ts) does not plant them:
// GOAUTH (a helper command with a token flag, set in the go env file), a netrc file named by NETRC, lowercase
// https_proxy userinfo, and GOPROXY userinfo. None may appear in any CLI output, in anything the language server
// sends, or in any file the tools write — except the env journal, which must keep the real previous value to undo
// and is readable by its owner only. A fix and its undo of GOAUTH run for real.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCli, type CliResult } from '../../support/cli';
import { GoproxyServer } from '../../support/goproxy-server';
import { moduleFixture } from '../../support/modules';
import { RecordedLsp, removeTree, sealedCliEnv, tempRoot } from '../cli/support';

const SECRETS = ['s3cr3t-goauth', 's3cr3t-netrc2', 's3cr3t-lower', 's3cr3t-proxy2'];
const ENCODED = ['alice:s3cr3t-netrc2', 'alice:s3cr3t-proxy2', 'bob:s3cr3t-lower'].map((s) => Buffer.from(s).toString('base64'));
const GOAUTH = 'netrc;/opt/bin/go-auth-helper --token=s3cr3t-goauth';

function leaks(text: string): string[] {
  return [...SECRETS, ...ENCODED].filter((s) => text.includes(s));
}

/** Every regular file below dir, with its text. */
function filesBelow(dir: string): Array<{ file: string; text: string }> {
  const out: Array<{ file: string; text: string }> = [];
  const walk = (d: string) => {
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      return;
    }
    for (const n of names) {
      const p = join(d, n);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (st.isFile()) out.push({ file: p, text: readFileSync(p, 'latin1') });
    }
  };
  walk(dir);
  return out;
}

describe('reliability: GOAUTH, NETRC, https_proxy and GOPROXY credentials never leave', function () {
  this.timeout(90_000);
  let root: string;
  let dir: string;
  let proxy: GoproxyServer;
  let forward: Server;
  let env: Record<string, string>;
  const scanned: string[] = [];
  const found: string[] = [];

  const scan = (what: string, text: string) => {
    scanned.push(what);
    for (const s of leaks(text)) found.push(`${what}: ${s}`);
  };

  before(async () => {
    root = tempRoot('secrets-goauth');
    proxy = await new GoproxyServer({ modules: [moduleFixture('example.com/lib', 'v0.1.0')] }).start();
    forward = createServer((_req, res) => res.writeHead(407, { 'Proxy-Authenticate': 'Basic' }).end());
    await new Promise<void>((r) => forward.listen(0, '127.0.0.1', () => r()));
    env = sealedCliEnv(root, {
      GOPROXY: `https://alice:s3cr3t-proxy2@127.0.0.1:${proxy.port}|${proxy.url}`,
      https_proxy: `http://bob:s3cr3t-lower@127.0.0.1:${(forward.address() as AddressInfo).port}`,
      NETRC: join(root, 'custom-netrc'),
    });
    // GOAUTH in the go env file (the OS value is empty), so that fix and undo can change it for real.
    writeFileSync(env.GOENV, `GOAUTH=${GOAUTH}\n`);
    writeFileSync(env.NETRC, `machine 127.0.0.1\nlogin alice\npassword s3cr3t-netrc2\n`);
    dir = join(root, 'app');
    require('node:fs').mkdirSync(dir);
    writeFileSync(join(dir, 'go.mod'), 'module example.com/app\n\ngo 1.21\n\nrequire (\n\texample.com/lib v0.1.0\n\texample.com/missing v1.0.0\n)\n');
  });
  after(async () => {
    await proxy.stop();
    await new Promise<void>((r) => forward.close(() => r()));
    removeTree(root);
    console.log(`      ${scanned.length} outputs and files scanned for ${SECRETS.length} planted secrets: ${found.length} leaks`);
  });

  const cli = async (what: string, args: string[]): Promise<CliResult> => {
    const r = await runCli(args, { cwd: dir, env, timeoutMs: 30_000 });
    scan(`cli ${what}`, r.stdout + r.stderr);
    return r;
  };

  it('env, check (four formats), probe, watch: GOAUTH is shown masked, nothing else of it', async () => {
    const runs: Array<[string, string[]]> = [
      ['env', ['env']],
      ['env --json', ['env', '--json']],
      ['probe --json', ['probe', '--json', '--mirrors', 'none', '--timeout-ms', '1500']],
      ['watch', ['watch', '--timeout-ms', '20000', '--', 'go', 'mod', 'download', 'example.com/missing@v1.0.0']],
      ...['text', 'json', 'markdown', 'sarif'].map((f): [string, string[]] => [`check ${f}`, ['check', '--format', f, '--mirrors', 'none', '--timeout-ms', '1500']]),
    ];
    const results: CliResult[] = [];
    for (let i = 0; i < runs.length; i += 2) results.push(...(await Promise.all(runs.slice(i, i + 2).map(([w, a]) => cli(w, a)))));
    for (const [i, [what]] of runs.entries()) assert.ok(results[i].code !== null && results[i].code! <= 2, `${what}: exit ${results[i].code}: ${results[i].stderr}`);
    // The planted value did reach the output, masked: the scan would have seen it otherwise.
    const json = JSON.parse(results[1].stdout) as { vars: Array<{ name: string; value: string }> };
    assert.equal(json.vars.find((v) => v.name === 'GOAUTH')?.value, 'netrc;/opt/bin/go-auth-helper --token=***');
    assert.match(results[0].stdout, /go-auth-helper --token=\*\*\*/);
    assert.deepEqual(found, []);
  });

  it('fix GOAUTH=netrc and undo: written and restored, the old value masked in every message; the journal keeps it, owner-only', async () => {
    const dry = await cli('fix --dry-run', ['fix', 'env:set:GOAUTH=netrc', '--dry-run']);
    assert.match(dry.stdout, /go-auth-helper --token=\*\*\*/);
    const fix = await cli('fix', ['fix', 'env:set:GOAUTH=netrc', '--json']);
    assert.equal(JSON.parse(fix.stdout).results[0].status, 'written', fix.stdout + fix.stderr);
    assert.equal(readFileSync(env.GOENV, 'utf8'), 'GOAUTH=netrc\n');
    const undo = await cli('undo', ['undo']);
    assert.equal(undo.code, 0, undo.stdout + undo.stderr);
    assert.equal(readFileSync(env.GOENV, 'utf8'), `GOAUTH=${GOAUTH}\n`, 'undo brings back the real value');
    await cli('undo --json (empty)', ['undo', '--json']);

    for (const f of filesBelow(env.XDG_STATE_HOME)) {
      if (f.file.endsWith('env-journal.json')) {
        // The journal is empty again after the undo; while it held the value, it was owner-only.
        assert.equal(statSync(f.file).mode & 0o077, 0, `${f.file} is readable by others`);
        continue;
      }
      scan(`file ${f.file}`, f.text);
    }
    assert.deepEqual(found, []);
  });

  it('the language server: diagnostics, hovers, code actions, logs and everything else it sends', async () => {
    const lsp = new RecordedLsp({ ...process.env, ...env });
    try {
      await lsp.request('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: {}, initializationOptions: { mirrors: [], timeoutMs: 1500, stateDir: join(root, 'lsp-state'), debounceMs: 20 } });
      lsp.notify('initialized', {});
      const uri = pathToFileURL(join(dir, 'go.mod')).href;
      lsp.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'go.mod', version: 1, text: readFileSync(join(dir, 'go.mod'), 'utf8') } });
      const withModules = await lsp.waitFor(
        (m) => m.method === 'textDocument/publishDiagnostics' && (m.params as { diagnostics: Array<{ code: string }> }).diagnostics.some((d) => d.code.startsWith('module.')),
        15_000,
      );
      const diagnostics = (withModules.params as { diagnostics: Array<{ code: string; range: unknown }> }).diagnostics;
      for (const line of [5, 6]) await lsp.request('textDocument/hover', { textDocument: { uri }, position: { line, character: 4 } });
      await lsp.request('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } });
      await lsp.drain(200);
      assert.equal(await lsp.client.close(), 0);
      scan('lsp transcript', lsp.transcript());
      for (const f of filesBelow(join(root, 'lsp-state'))) scan(`file ${f.file}`, f.text);
      assert.deepEqual(found, []);
    } finally {
      await lsp.client.close();
    }
  });
});

// `check` in each format on one workspace with problems of every kind (a stalled proxy, the env lint it sharpens, an
// unreachable module, a bad version), loopback only: grouping and fix commands of text, the JSON keys, the markdown
// sections, SARIF for code scanning; colour and the progress line only on a terminal.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import type { CliIo } from '../../../src/cli/io';
import { main } from '../../../src/cli/main';
import type { Finding } from '../../../src/core/finding';
import { setLanguage } from '../../../src/core/i18n';
import { cliPath, runCli, type CliResult } from '../../support/cli';
import { GoproxyServer } from '../../support/goproxy-server';
import { moduleFixture } from '../../support/modules';
import { removeTree, sealedCliEnv, tempRoot } from './support';

const ANSI = /\x1b\[[0-9;]*m/;

describe('gomod-doctor check: the four formats, colour and progress', function () {
  this.timeout(60_000);
  let root: string;
  let repo: string;
  let proxy: GoproxyServer;
  let stall: Server;
  let stalled: string;
  let env: Record<string, string>;
  const sockets = new Set<Socket>();
  const results = new Map<string, CliResult>();
  const args = ['check', '--mirrors', 'none', '--timeout-ms', '700'];

  before(async () => {
    root = tempRoot('formats');
    proxy = await new GoproxyServer({ modules: [moduleFixture('example.com/lib', 'v0.1.0'), moduleFixture('golang.org/x/mod', 'v0.20.0')] }).start();
    stall = createServer(() => undefined).on('connection', (s: Socket) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    await new Promise<void>((r) => stall.listen(0, '127.0.0.1', () => r()));
    stalled = `http://127.0.0.1:${(stall.address() as AddressInfo).port}`;
    repo = join(root, 'repo');
    mkdirSync(join(repo, 'tools'), { recursive: true });
    writeFileSync(join(repo, 'go.mod'), 'module example.com/app\n\ngo 1.21\n\nrequire example.com/lib v0.1.0\n');
    writeFileSync(join(repo, 'go.sum'), proxy.modules[0].gosum);
    writeFileSync(join(repo, 'tools', 'go.mod'), 'module example.com/tools\n\ngo 1.21\n\nrequire example.com/foo master\n');
    // GOPROXY from the go env file, so the env fixes go there (`gomod-doctor fix 'env:…'`).
    env = sealedCliEnv(root);
    delete (env as Record<string, string | undefined>).GOPROXY;
    writeFileSync(env.GOENV, `GOPROXY=${stalled},${proxy.url}\n`);
    // Every format from one run each, two at a time.
    const formats = ['text', 'json', 'markdown', 'sarif'];
    for (let i = 0; i < formats.length; i += 2) {
      await Promise.all(
        formats.slice(i, i + 2).map(async (f) => results.set(f, await runCli([...args, '--format', f], { cwd: repo, env: { ...env, GOPROXY: undefined } }))),
      );
    }
  });
  after(async () => {
    await proxy.stop();
    for (const s of sockets) s.destroy();
    await new Promise<void>((r) => stall.close(() => r()));
    removeTree(root);
  });
  afterEach(() => setLanguage('en'));

  it('text: grouped by environment, host and file, with the commands that apply the fixes; no colour, no progress in a pipe', () => {
    const r = results.get('text')!;
    assert.equal(r.code, 1, r.stderr);
    const headers = r.stdout.split('\n').filter((l) => l !== '' && !l.startsWith(' '));
    assert.deepEqual(headers.slice(0, -1), ['Go environment', `host 127.0.0.1:${(stall.address() as AddressInfo).port}`, 'go.mod', join('tools', 'go.mod')]);
    assert.equal(headers.at(-1), '3 error(s), 2 warning(s), 0 other finding(s) in 3 file(s)');
    const goMod = r.stdout.slice(r.stdout.indexOf('\ngo.mod\n'));
    assert.match(goMod, /^ {2}5:9 error module\.unreachable: /m);
    const quote = (s: string) => s.replace(/[.|]/g, (c) => `\\${c}`);
    assert.match(goMod, new RegExp(`\\n {4}fix: .*\\n {6}\\$ gomod-doctor fix 'env:set:GOPROXY=${quote(stalled)}\\|${quote(proxy.url)}'\\n`), 'the env fix, quoted for the shell');
    assert.match(r.stdout, /\n {2}warning env\.proxy-comma-stop: /);
    assert.match(r.stdout, /\ntools\/go\.mod\n {2}5:25 error gomod\.version-invalid: /);
    assert.doesNotMatch(r.stdout + r.stderr, ANSI);
    assert.ok(!r.stderr.includes('\r'), 'no progress line when stderr is not a terminal');
  });

  it('the printed env fix command works: it writes the go env file and the next check has no module error', async () => {
    const text = results.get('text')!.stdout;
    // The line as a shell reads it: words, one of them in single quotes.
    const line = /\$ gomod-doctor (fix .+)\n/.exec(text.slice(text.indexOf('\ngo.mod\n')))![1];
    const command = [...line.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]);
    const fixRoot = tempRoot('formats-fix');
    try {
      const fixEnv = sealedCliEnv(fixRoot);
      delete (fixEnv as Record<string, string | undefined>).GOPROXY;
      writeFileSync(fixEnv.GOENV, `GOPROXY=${stalled},${proxy.url}\n`);
      const fixed = await runCli(command, { cwd: repo, env: { ...fixEnv, GOPROXY: undefined } });
      assert.equal(fixed.code, 0, fixed.stdout + fixed.stderr);
      const again = await runCli([...args, '--format', 'json'], { cwd: repo, env: { ...fixEnv, GOPROXY: undefined } });
      const report = JSON.parse(again.stdout) as { findings: Finding[] };
      assert.match(readFileSync(fixEnv.GOENV, 'utf8'), new RegExp(`^GOPROXY=${stalled}\\|${proxy.url}$`, 'm'));
      assert.deepEqual(report.findings.filter((f) => f.code.startsWith('module.')).map((f) => f.code), [], 'the module is reached through "|" now');
      assert.ok(!report.findings.some((f) => f.code === 'env.proxy-comma-stop'));
    } finally {
      removeTree(fixRoot);
    }
  });

  it('json: the DESIGN §3 keys, then os and cache; the env with layers; the probes', () => {
    const r = results.get('json')!;
    assert.equal(r.code, 1, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(report), ['version', 'go', 'env', 'probes', 'findings', 'durationMs', 'os', 'cache']);
    assert.equal(report.os.platform, process.platform);
    assert.equal(report.os.node, process.version);
    assert.deepEqual(
      report.env.find((v: { name: string }) => v.name === 'GOPROXY'),
      { name: 'GOPROXY', value: `${stalled},${proxy.url}`, layer: 'envfile', shadowed: [{ layer: 'goroot', value: 'https://proxy.golang.org,direct' }] },
    );
    assert.deepEqual(report.probes.map((p: { target: string; ok: boolean }) => [p.target, p.ok]), [[stalled, false], [proxy.url, true]]);
    const modcache = report.cache.targets.find((c: { kind: string }) => c.kind === 'modcache');
    assert.deepEqual([modcache.path, modcache.variable, modcache.exists], [env.GOMODCACHE, 'GOMODCACHE', false]);
    assert.equal(report.cache.modcache, null, 'no layout to read in a cache that does not exist yet');
    const codes = (report.findings as Finding[]).map((f) => f.code);
    for (const c of ['proxy.timeout', 'env.proxy-comma-stop', 'module.unreachable', 'gomod.version-invalid']) assert.ok(codes.includes(c), c);
  });

  it('markdown: versions and OS, then findings, the environment with layers, probes and caches', () => {
    const r = results.get('markdown')!;
    assert.equal(r.code, 1, r.stderr);
    const md = r.stdout;
    assert.deepEqual(md.split('\n').filter((l) => l.startsWith('#')), ['# Go Mod Doctor report', '## Findings', '## Go environment', '## Probes', '## Caches']);
    assert.match(md, /^- go: go1\.\d+/m);
    assert.match(md, new RegExp(`^- OS: ${process.platform} `, 'm'));
    assert.match(md, /^- checked: 3 module file\(s\) in \d+ ms$/m);
    assert.match(md, /\| error \| `gomod\.version-invalid` \| tools\/go\.mod:5:25 \|/);
    assert.match(md, new RegExp(`\\| GOPROXY \\| \`${stalled},${proxy.url}\` \\| envfile \\| goroot=`.replace(/\./g, '\\.')));
    assert.match(md, new RegExp(`\\| \`${stalled}\` \\| proxy \\| \\*\\*failed\\*\\* \\| http \\|`.replace(/\./g, '\\.')));
    assert.match(md, new RegExp(`\\| modcache \\| GOMODCACHE \\| \`${env.GOMODCACHE}\` \\| no \\|`));
  });

  it('sarif: every result located in the repository; environment and host findings on line 1 of go.mod', () => {
    const r = results.get('sarif')!;
    assert.equal(r.code, 1, r.stderr);
    const run = JSON.parse(r.stdout).runs[0];
    for (const res of run.results) {
      assert.equal(res.locations.length, 1);
      assert.match(res.locations[0].physicalLocation.artifactLocation.uri, /^(go\.mod|tools\/go\.mod)$/);
    }
    const at = (code: string) => run.results.find((x: { ruleId: string }) => x.ruleId === code);
    assert.deepEqual(at('proxy.timeout').locations[0].physicalLocation, { artifactLocation: { uri: 'go.mod', uriBaseId: 'SRCROOT' }, region: { startLine: 1 } });
    assert.equal(at('proxy.timeout').properties.anchored, true);
    assert.deepEqual(at('gomod.version-invalid').locations[0].physicalLocation.region, { startLine: 5, startColumn: 25, endLine: 5, endColumn: 31 });
    assert.equal(at('module.unreachable').locations[0].physicalLocation.artifactLocation.uri, 'go.mod');
    for (const rule of run.tool.driver.rules) {
      assert.ok(rule.help?.markdown.includes('**Fix:**'), `${rule.id} carries its docs section`);
      assert.ok(rule.fullDescription.text.length >= rule.shortDescription.text.length);
    }
    assert.equal(run.originalUriBaseIds.SRCROOT.uri, `file://${repo}/`);
  });

  it('on a terminal (io.isTTY): colour on stdout, a progress line on stderr that is wiped before the report', async () => {
    let out = '';
    let err = '';
    const io: CliIo = { out: (s) => (out += s), err: (s) => (err += s), env: { ...process.env, ...env, GOPROXY: undefined }, cwd: repo, isTTY: { out: true, err: true } };
    assert.equal(await main(args, io), 1);
    assert.match(out, /\x1b\[1mGo environment\x1b\[0m/);
    assert.match(out, /\x1b\[1m\x1b\[31merror\x1b\[0m/);
    // The probes wait 700 ms on the stalled proxy, longer than the 300 ms before the line shows.
    assert.match(err, /\r\x1b\[Kprobing \d+ proxies and checksum databases…/);
    assert.ok(err.endsWith('\r\x1b[K'), 'wiped at the end');

    let plain = '';
    const noColor: CliIo = { ...io, out: (s) => (plain += s), err: () => undefined, env: { ...io.env, NO_COLOR: '1' } };
    await main(args, noColor);
    assert.doesNotMatch(plain, ANSI, 'NO_COLOR wins over a terminal');
    const timeless = (s: string) => s.replace(/\d+ ms/g, 'N ms');
    assert.equal(timeless(plain), timeless(out.replace(/\x1b\[[0-9;]*m/g, '')), 'the same report without the escape codes');
  });

  it('a real pseudo-terminal: the bundle itself detects it (and NO_COLOR)', function () {
    // python3's pty module gives the CLI a terminal without going through a shell.
    const probe = spawnSync('python3', ['-c', 'import pty'], { encoding: 'utf8' });
    if (probe.status !== 0) this.skip();
    const inPty = (extra: Record<string, string>) =>
      spawnSync('python3', ['-c', 'import pty, sys; sys.exit(pty.spawn(sys.argv[1:]) >> 8)', process.execPath, cliPath, 'check', '--offline', join(repo, 'tools')], {
        env: { ...process.env, ...env, ...extra },
        encoding: 'utf8',
        timeout: 20_000,
      });
    const tty = inPty({});
    assert.equal(tty.status, 1, tty.stderr);
    assert.match(tty.stdout, /\x1b\[1m\x1b\[31merror\x1b\[0m/);
    const noColor = inPty({ NO_COLOR: '1' });
    assert.equal(noColor.status, 1);
    assert.doesNotMatch(noColor.stdout, ANSI);
    assert.match(noColor.stdout, /error gomod\.version-invalid/);
  });
});

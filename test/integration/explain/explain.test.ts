// The error translator against errors the real go command produces here, offline: the fault server (HTTP status,
// TLS, resets, sumdb signatures), a few extra loopback answers (private-module bodies, sumdb 404s), file://
// proxies, broken go.mod/go.sum/env settings and toolchain switches. Each scenario names the code it must get.
import * as assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Readable } from 'node:stream';
import { explainGoError } from '../../../src/core/diagnose/explain';
import { setLanguage } from '../../../src/core/i18n';
import { runExplainCommand } from '../../../src/cli/commands/explain';
import { makeTestCerts, opensslAvailable, type TestCerts } from '../../support/certs';
import { FaultServer, FAULT_MODULE } from '../../support/fault-server';
import { buildModule, moduleFixture, zipStored, type BuiltModule } from '../../support/modules';
import { SumdbServer, TestSumdb } from '../../support/sumdb-server';
import { goIn, modules, removeAll, sandbox, writeFileProxy, writeMainModule, type GoSandbox } from '../cache/support';

interface Scenario {
  name: string;
  /** Directory to run in: the main module "app", or "out" (no module). */
  cwd: 'app' | 'out' | string;
  args: string[];
  env?: Record<string, string | undefined>;
  expect: { code: string; module?: string; host?: string; severity?: string };
  /** Needs openssl-made certificates. */
  tls?: boolean;
}

const FAULT = `${FAULT_MODULE}@v1.0.0`;

/** Loopback answers the fault server does not give: bodies of a public proxy that hit a private repository. */
function extraServer(mods: BuiltModule[]): Promise<{ server: Server; url: string }> {
  const gitAuth = "not found: example.com/a@v1.1.0: invalid version: git ls-remote -q origin in /tmp/gopath/pkg/mod/cache/vcs/0123: exit status 128:\n\tfatal: could not read Username for 'https://git.corp.example': terminal prompts disabled\nConfirm the import path was entered correctly.";
  const server = createServer((req, res) => {
    const p = decodeURIComponent((req.url ?? '').split('?')[0]);
    const [, mode, ...rest] = p.split('/');
    const tail = '/' + rest.join('/');
    const text = (status: number, body: string) => {
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(body);
    };
    const serve = () => {
      const m = /^\/(.+)\/@v\/(.+)\.(info|mod|zip)$/.exec(tail);
      const hit = m && mods.find((x) => x.path === m[1] && x.version === m[2]);
      if (!hit) return text(404, 'not found\n');
      res.writeHead(200);
      res.end(m![3] === 'info' ? hit.info : m![3] === 'mod' ? hit.mod : hit.zip);
    };
    if (tail.startsWith('/sumdb/')) {
      if (tail.endsWith('/supported')) return text(200, '');
      if (mode === 'sum-private') return text(404, gitAuth);
      return text(404, 'not found: example.com/a@v1.1.0: no such module\n');
    }
    switch (mode) {
      case 'private':
        return text(404, gitAuth);
      case 'unknown-revision':
        return text(404, 'not found: example.com/a@v1.1.0: invalid version: unknown revision v1.1.0\n');
      case 'fetch-timeout':
        return text(404, 'not found: example.com/a@v1.1.0: fetch timed out\n');
      default:
        return serve();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

describe('error translator against the real go command', function () {
  this.timeout(90_000);
  let sb: GoSandbox;
  let certs: TestCerts | undefined;
  let fault: FaultServer | undefined;
  let extra: { server: Server; url: string };
  let sumdbs: SumdbServer;
  let sumdbMismatch: TestSumdb;
  const dirs: Record<string, string> = {};
  const shapesSeen = new Set<string>();
  let reproduced = 0;

  before(async () => {
    setLanguage('en');
    sb = sandbox('explain');
    const mods = modules([
      ['example.com/a', 'v1.0.0'],
      ['example.com/a', 'v1.1.0'],
      ['example.com/BigCo/b', 'v1.0.0'],
      ['example.com/c', 'v0.1.0'],
    ]);
    const renamed = moduleFixture('example.com/renamed', 'v1.0.0');
    renamed.files['go.mod'] = 'module example.com/other\n\ngo 1.21\n';
    const newgo = moduleFixture('example.com/newgo', 'v1.0.0');
    newgo.files['go.mod'] = 'module example.com/newgo\n\ngo 1.99\n';
    const badzip = buildModule(moduleFixture('example.com/badzip', 'v1.0.0'));
    badzip.zip = zipStored([{ name: 'wrong@v1.0.0/go.mod', data: Buffer.from('module example.com/badzip\n') }]);
    writeFileProxy(sb.proxyDir, [...mods, buildModule(renamed), buildModule(newgo), badzip]);
    mkdirSync(path.join(sb.proxyDir, 'example.com', 'empty', '@v'), { recursive: true });
    writeFileSync(path.join(sb.proxyDir, 'example.com', 'empty', '@v', 'list'), '');
    const [A1, , B1] = mods;
    dirs.app = writeMainModule(sb.dir, 'app', [A1, B1]);
    const r = await goIn(sb, dirs.app, ['mod', 'download']);
    assert.equal(r.code, 0, r.stderr);
    dirs.out = path.join(sb.dir, 'out');
    mkdirSync(dirs.out);
    // Variants of the main module, each broken in one way.
    dirs.nosum = writeMainModule(sb.dir, 'nosum', [A1, B1], false);
    dirs.badsum = writeMainModule(sb.dir, 'badsum', [A1], false);
    writeFileSync(path.join(dirs.badsum, 'go.sum'), A1.gosum.replace(/ h1:[^\n]+\n/, ' h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n'));
    dirs.malformed = writeMainModule(sb.dir, 'malformed', [A1], false);
    writeFileSync(path.join(dirs.malformed, 'go.sum'), 'example.com/a v1.0.0\n');
    dirs.unreq = writeMainModule(sb.dir, 'unreq', [A1]);
    writeFileSync(path.join(dirs.unreq, 'extra.go'), 'package main\n\nimport _ "example.com/c"\n');
    for (const [name, gomod] of [
      ['directive', 'module example.com/directive\n\ngo 1.21\n\nfrobnicate x\n'],
      ['gover', 'module example.com/gover\n\ngo 1.21.0-rc1\n'],
      ['major', 'module example.com/major\n\ngo 1.21\n\nrequire example.com/a/v2 v1.0.0\n'],
      ['toonew', 'module example.com/toonew\n\ngo 1.99\n'],
    ]) {
      dirs[name] = path.join(sb.dir, name);
      mkdirSync(dirs[name]);
      writeFileSync(path.join(dirs[name], 'go.mod'), gomod);
    }
    dirs.vendor = writeMainModule(sb.dir, 'vendor', [A1]);
    mkdirSync(path.join(dirs.vendor, 'vendor'));
    writeFileSync(path.join(dirs.vendor, 'vendor', 'modules.txt'), '# example.com/a v1.0.0\nexample.com/a\n');
    writeFileSync(path.join(sb.dir, 'afile'), 'not a directory\n');
    writeFileSync(path.join(sb.dir, 'goenv-empty-sumdb'), 'GOSUMDB=\n');
    mkdirSync(path.join(sb.dir, 'empty-proxy'));

    extra = await extraServer(mods);
    // A checksum database that recorded different bytes for example.com/a v1.1.0 than the proxy serves.
    const other = moduleFixture('example.com/a', 'v1.1.0');
    other.files['a.go'] = 'package a\n\n// Retagged upstream.\nconst Version = "v1.1.0-retagged"\n';
    sumdbMismatch = new TestSumdb('sum.mismatch.example', [other]);
    sumdbs = await new SumdbServer({ mm: sumdbMismatch }).start();
    if (opensslAvailable()) {
      certs = makeTestCerts();
      fault = await new FaultServer(certs).start();
    }
  });

  after(async () => {
    await fault?.stop();
    await sumdbs?.stop();
    await new Promise((r) => extra?.server.close(r));
    if (sb) removeAll(sb.dir);
    if (certs) removeAll(certs.dir);
    console.log(`      ${reproduced} errors reproduced with the real go, ${shapesSeen.size} distinct shapes`);
    if (process.env.GMD_LIST_SHAPES) console.log([...shapesSeen].sort().join(" "));
  });

  const fp = (mode: string) => fault!.proxyUrl(mode);
  const faultHost = (mode: string) => new URL(fp(mode)).host;
  const fresh = (name: string) => path.join(sb.dir, 'mc-' + name);
  const dl = (mode: string, code: string, extraEnv: Record<string, string> = {}, tls = false): Scenario => ({
    name: `fault proxy ${mode}`,
    cwd: 'out',
    args: ['mod', 'download', FAULT],
    env: { GOPROXY: fp(mode), GOMODCACHE: fresh(mode), ...(tls ? { SSL_CERT_FILE: certs!.caFile } : {}), ...extraEnv },
    expect: { code, module: FAULT_MODULE, host: faultHost(mode) },
    tls: true,
  });

  function scenarios(): Scenario[] {
    const list: Scenario[] = [];
    if (fault) {
      list.push(
        dl('http-401', 'proxy.auth-required'),
        dl('http-403', 'proxy.http-4xx'),
        dl('http-404', 'module.not-found'),
        dl('http-410', 'module.not-found'),
        dl('http-429', 'proxy.http-4xx'),
        dl('http-500', 'proxy.http-5xx'),
        dl('http-502', 'proxy.http-5xx'),
        dl('http-503', 'proxy.http-5xx'),
        dl('http-504', 'proxy.http-5xx'),
        dl('captive-html', 'proxy.html'),
        dl('bad-json', 'proxy.bad-json'),
        dl('empty-200', 'proxy.bad-json'),
        { ...dl('wrong-version', 'proxy.wrong-version'), expect: { code: 'proxy.wrong-version', module: FAULT_MODULE } },
        dl('truncated', 'proxy.reset'),
        dl('reset', 'proxy.reset'),
        dl('refused', 'proxy.refused'),
        dl('tls-self-signed', 'proxy.tls-unknown-ca', {}, true),
        dl('tls-wrong-host', 'proxy.tls-hostname', {}, true),
        dl('tls-expired', 'proxy.tls-expired', {}, true),
        { ...dl('redirect-loop', 'proxy.redirect-loop'), expect: { code: 'proxy.redirect-loop', module: FAULT_MODULE } },
        { ...dl('insecure-redirect', 'proxy.insecure-redirect', {}, true), expect: { code: 'proxy.insecure-redirect', module: FAULT_MODULE, host: faultHost('insecure-redirect') } },
        {
          name: 'https to a plain-HTTP port',
          cwd: 'out',
          args: ['mod', 'download', FAULT],
          env: { GOPROXY: fp('good').replace('http://', 'https://'), GOMODCACHE: fresh('plainhttp') },
          expect: { code: 'proxy.tls-handshake', host: faultHost('good') },
        },
      );
      for (const [mode, code] of [
        ['sumdb-bad-signature', 'sumdb.bad-signature'],
        ['sumdb-unknown-key', 'sumdb.unknown-key'],
      ]) {
        const db = fault.sumdb(mode);
        list.push({ name: mode, cwd: 'out', args: ['mod', 'download', FAULT], env: { GOPROXY: fp('good'), GOSUMDB: `${db.key} ${db.url}`, GOMODCACHE: fresh(mode) }, expect: { code, module: FAULT_MODULE } });
      }
    }
    const A11 = 'example.com/a@v1.1.0';
    const extraHost = new URL(extra.url).host;
    list.push(
      { name: 'public proxy meets a private repo', cwd: 'out', args: ['mod', 'download', A11], env: { GOPROXY: `${extra.url}/private`, GOMODCACHE: fresh('private') }, expect: { code: 'module.private-public', module: 'example.com/a', host: extraHost } },
      { name: 'checksum database meets a private repo', cwd: 'out', args: ['mod', 'download', A11], env: { GOPROXY: `${extra.url}/sum-private`, GOSUMDB: 'sum.golang.org', GOMODCACHE: fresh('sumpriv') }, expect: { code: 'module.private-public', module: 'example.com/a', host: extraHost } },
      { name: 'checksum database does not know the module', cwd: 'out', args: ['mod', 'download', A11], env: { GOPROXY: `${extra.url}/sum-missing`, GOSUMDB: 'sum.golang.org', GOMODCACHE: fresh('summissing') }, expect: { code: 'sumdb.not-found', module: 'example.com/a', host: extraHost } },
      { name: 'proxy: unknown revision', cwd: 'out', args: ['mod', 'download', A11], env: { GOPROXY: `${extra.url}/unknown-revision`, GOMODCACHE: fresh('unkrev') }, expect: { code: 'module.unknown-revision', module: 'example.com/a' } },
      { name: 'proxy: fetch timed out upstream', cwd: 'out', args: ['mod', 'download', A11], env: { GOPROXY: `${extra.url}/fetch-timeout`, GOMODCACHE: fresh('fto') }, expect: { code: 'proxy.upstream-timeout', module: 'example.com/a' } },
      {
        name: 'checksum mismatch against the checksum database',
        cwd: 'out',
        args: ['mod', 'download', A11],
        env: { GOSUMDB: `${sumdbMismatch.verifierKey} ${sumdbs.url('mm')}`, GOMODCACHE: fresh('summm') },
        expect: { code: 'sumdb.mismatch', module: 'example.com/a' },
      },
    );
    const refused = 'http://127.0.0.1:1';
    list.push(
      { name: 'HTTPS_PROXY unreachable', cwd: 'out', args: ['mod', 'download', A11], env: { GOPROXY: 'https://proxy.gomod-doctor.test', HTTPS_PROXY: refused, NO_PROXY: '', GOMODCACHE: fresh('pc') }, expect: { code: 'proxy.proxyconnect', module: 'example.com/a' } },
      { name: 'direct go-get discovery unreachable', cwd: 'out', args: ['mod', 'download', 'example.com/x@v1.0.0'], env: { GOPROXY: 'direct', HTTPS_PROXY: refused, HTTP_PROXY: refused, NO_PROXY: '', GOMODCACHE: fresh('direct') }, expect: { code: 'module.unreachable', module: 'example.com/x' } },
      { name: 'GOVCS refusal', cwd: 'out', args: ['mod', 'download', 'example.com/repo.git@v1.0.0'], env: { GOPROXY: 'direct', GOVCS: '*:off', GOMODCACHE: fresh('govcs') }, expect: { code: 'env.govcs-refused', module: 'example.com/repo.git' } },
      { name: 'no protocol works for a direct fetch', cwd: 'out', args: ['mod', 'download', 'example.com/repo.git@v1.0.0'], env: { GOPROXY: 'direct', GOMODCACHE: fresh('nsp') }, expect: { code: 'module.unreachable', module: 'example.com/repo.git' } },
      { name: 'GOPROXY=off', cwd: 'out', args: ['mod', 'download', 'example.com/c@v0.1.0'], env: { GOPROXY: 'off', GOMODCACHE: fresh('off') }, expect: { code: 'env.goproxy-off', module: 'example.com/c' } },
      { name: 'GOPROXY of separators only', cwd: 'out', args: ['mod', 'download', 'example.com/c@v0.1.0'], env: { GOPROXY: ',' }, expect: { code: 'env.goproxy-empty' } },
      { name: 'GOPROXY with a bad scheme', cwd: 'out', args: ['mod', 'download', 'example.com/c@v0.1.0'], env: { GOPROXY: 'ftp://proxy.example' }, expect: { code: 'env.goproxy-invalid' } },
      { name: 'file:// GOPROXY with a host', cwd: 'out', args: ['mod', 'download', 'example.com/c@v0.1.0'], env: { GOPROXY: 'file://host/x' }, expect: { code: 'env.goproxy-invalid' } },
      { name: 'file proxy without that version', cwd: 'out', args: ['mod', 'download', 'example.com/c@v0.9.0'], expect: { code: 'module.not-found', module: 'example.com/c' } },
      { name: 'file proxy without that module', cwd: 'out', args: ['mod', 'download', 'example.com/zzz@latest'], expect: { code: 'module.not-found', module: 'example.com/zzz' } },
      { name: 'malformed module path', cwd: 'app', args: ['get', 'foo/bar'], expect: { code: 'module.path-invalid', module: 'foo/bar' } },
      { name: 'version of the main module', cwd: 'app', args: ['get', 'example.com/app@v1.0.0'], expect: { code: 'module.main-module-version' } },
      { name: 'module declares another path', cwd: 'app', args: ['get', 'example.com/renamed@v1.0.0'], expect: { code: 'module.path-mismatch', module: 'example.com/renamed' } },
      { name: 'no matching versions', cwd: 'app', args: ['get', 'example.com/empty@latest'], expect: { code: 'module.no-matching-versions', module: 'example.com/empty' } },
      { name: 'module without that package', cwd: 'app', args: ['get', 'example.com/a/nosuchpkg@v1.0.0'], expect: { code: 'module.package-missing', module: 'example.com/a' } },
      { name: 'import not required', cwd: dirs.unreq, args: ['build', './...'], expect: { code: 'module.missing-requirement' } },
      { name: 'go.sum missing for a package', cwd: dirs.nosum, args: ['build', './...'], expect: { code: 'gosum.missing' } },
      { name: 'go.sum missing for a go.mod', cwd: dirs.nosum, args: ['list', '-m', 'all'], expect: { code: 'gosum.missing', module: 'example.com/BigCo/b' } },
      { name: 'checksum mismatch against go.sum', cwd: dirs.badsum, args: ['mod', 'download'], env: { GOMODCACHE: fresh('badsum') }, expect: { code: 'gosum.mismatch', module: 'example.com/a' } },
      { name: 'malformed go.sum', cwd: dirs.malformed, args: ['list', './...'], expect: { code: 'gosum.syntax' } },
      { name: 'inconsistent vendoring', cwd: dirs.vendor, args: ['list', './...'], env: { GOFLAGS: '-mod=vendor' }, expect: { code: 'module.vendor-inconsistent' } },
      { name: 'GOSUMDB without a key', cwd: 'out', args: ['mod', 'download', 'example.com/a@v1.1.0'], env: { GOSUMDB: 'gosum.io', GOMODCACHE: fresh('gosumio') }, expect: { code: 'env.gosumdb-invalid', module: 'example.com/a' } },
      { name: 'GOSUMDB emptied in the env file', cwd: 'out', args: ['mod', 'download', 'example.com/a@v1.1.0'], env: { GOSUMDB: undefined, GOENV: path.join(sb.dir, 'goenv-empty-sumdb'), GOMODCACHE: fresh('nosumdb') }, expect: { code: 'env.gosumdb-invalid' } },
      { name: 'toolchain not on the proxy', cwd: 'out', args: ['version'], env: { GOTOOLCHAIN: 'go1.99.0', GOPROXY: 'file://' + path.join(sb.dir, 'empty-proxy') }, expect: { code: 'toolchain.not-available' } },
      { name: 'invalid GOTOOLCHAIN', cwd: 'out', args: ['version'], env: { GOTOOLCHAIN: 'bogus' }, expect: { code: 'env.gotoolchain-invalid' } },
      { name: 'toolchain not in PATH', cwd: 'out', args: ['version'], env: { GOTOOLCHAIN: 'go1.99.0+path' }, expect: { code: 'toolchain.not-in-path' } },
      { name: 'go line newer than the toolchain', cwd: dirs.toonew, args: ['list'], expect: { code: 'toolchain.too-old' } },
      { name: 'dependency needs a newer go', cwd: 'app', args: ['get', 'example.com/newgo@v1.0.0'], expect: { code: 'toolchain.too-old', module: 'example.com/newgo' } },
      { name: 'unknown go env variable', cwd: 'out', args: ['env', '-w', 'GONOSUMCHECK=1'], expect: { code: 'env.unknown-variable' } },
      { name: 'go env -w shadowed by the OS', cwd: 'out', args: ['env', '-w', 'GOPROXY=https://goproxy.cn,direct'], env: { GOPROXY: 'https://proxy.golang.org,direct' }, expect: { code: 'env.shadowed-envfile', severity: 'warning' } },
      { name: 'no module cache at all', cwd: 'out', args: ['clean', '-modcache'], env: { GOPATH: '', GOMODCACHE: '', HOME: '' }, expect: { code: 'cache.not-configured' } },
      { name: 'relative GOMODCACHE', cwd: 'out', args: ['mod', 'download', 'example.com/c@v0.1.0'], env: { GOMODCACHE: 'relative/mod' }, expect: { code: 'env.path-relative' } },
      { name: 'relative GOCACHE', cwd: 'app', args: ['build', './...'], env: { GOCACHE: 'relative' }, expect: { code: 'env.path-relative' } },
      { name: 'GOCACHE=off', cwd: 'app', args: ['build', './...'], env: { GOCACHE: 'off' }, expect: { code: 'cache.gocache-off' } },
      { name: 'module cache path is a file', cwd: 'out', args: ['mod', 'download', 'example.com/c@v0.1.0'], env: { GOMODCACHE: path.join(sb.dir, 'afile', 'mod') }, expect: { code: 'cache.not-directory' } },
      { name: 'zip with a wrong prefix', cwd: 'out', args: ['mod', 'download', 'example.com/badzip@v1.0.0'], env: { GOMODCACHE: fresh('badzip') }, expect: { code: 'module.bad-zip', module: 'example.com/badzip' } },
      { name: 'unknown go.mod directive', cwd: dirs.directive, args: ['list', '-m', 'all'], expect: { code: 'gomod.syntax' } },
      { name: 'invalid go version in go.mod', cwd: dirs.gover, args: ['list', '-m', 'all'], expect: { code: 'gomod.version-invalid' } },
      { name: 'major version mismatch in go.mod', cwd: dirs.major, args: ['list', '-m', 'all'], expect: { code: 'gomod.major-mismatch', module: 'example.com/a/v2' } },
      { name: 'no go.mod', cwd: 'out', args: ['list', '-m', 'all'], expect: { code: 'gomod.missing' } },
    );
    return list;
  }

  it('recognises every error the go command gives in these scenarios, with the module and host it names', async () => {
    const failures: string[] = [];
    const list = scenarios();
    const run = async (s: Scenario) => {
      const cwd = s.cwd === 'app' || s.cwd === 'out' ? dirs[s.cwd] : s.cwd;
      const r = await goIn(sb, cwd, s.args, s.env ?? {}, 30_000);
      const text = r.stderr + r.stdout;
      if (r.code === 0 && s.expect.severity !== 'warning') return failures.push(`${s.name}: go succeeded`);
      const res = explainGoError(text, { cwd });
      const f = res.findings[0];
      const got = f ? `${f.code} module=${f.module ?? ''} host=${f.host ?? ''}` : 'nothing';
      const ok = f && f.code === s.expect.code && (!s.expect.module || f.module === s.expect.module) && (!s.expect.host || f.host === s.expect.host) && (!s.expect.severity || f.severity === s.expect.severity);
      if (!ok) return failures.push(`${s.name}: expected ${JSON.stringify(s.expect)}, got ${got}\n--- go said:\n${text}`);
      // Every finding has a one-sentence cause and a fix, in both languages.
      const zh = explainGoError(text, { cwd, lang: 'zh-cn' }).findings[0];
      assert.ok(f.message.length > 10 && f.fixes?.[0]?.title && zh.message !== f.message && zh.fixes?.[0].title !== f.fixes[0].title, s.name);
      reproduced++;
      shapesSeen.add(res.shapes[0]);
      return undefined;
    };
    // Two at a time: go is mostly waiting on disk and sockets here.
    for (let i = 0; i < list.length; i += 2) await Promise.all(list.slice(i, i + 2).map(run));
    assert.deepEqual(failures, []);
    assert.ok(reproduced >= 40, `only ${reproduced} scenarios`);
  });

  it('gomod-doctor explain reads the error on stdin and prints Findings as text and JSON', async () => {
    const r = await goIn(sb, dirs.out, ['mod', 'download', 'example.com/c@v0.9.0']);
    const run = async (argv: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runExplainCommand(argv, { out: (s) => out.push(s), err: (s) => err.push(s), env: {}, cwd: dirs.out, stdin: Readable.from([Buffer.from(r.stderr)]) });
      return { code, out: out.join(''), err: err.join('') };
    };
    const text = await run([]);
    assert.equal(text.code, 1);
    assert.match(text.out, /error module\.not-found: .*example\.com\/c/);
    assert.match(text.out, /\n {4}fix: /);
    const json = await run(['--format', 'json']);
    const parsed = JSON.parse(json.out) as { findings: Array<{ code: string; module: string; version: string }>; unrecognized: string[] };
    assert.deepEqual(parsed.findings.map((f) => [f.code, f.module, f.version]), [['module.not-found', 'example.com/c', 'v0.9.0']]);
    assert.deepEqual(parsed.unrecognized, []);
  });
});

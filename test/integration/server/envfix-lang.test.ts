// Fix ids for the pickers through the real server: values validated with localized reasons, the id written to the
// layer in force (the editor's when the OS environment sets the variable), the preview refusing what cannot be
// written; and the server in Simplified Chinese: the overall reason and the findings of the snapshot.
import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EnvFixForResult, HealthSnapshot, PreviewEnvFixResult, ReportResult } from '../../../src/protocol';
import type { LspClient } from '../../support/lspClient';
import { removeTree, sealedGoEnv, tempRoot } from '../modules/support';
import { openDoc, settled, StalledServer, startServer, waitForHealth } from './support';

const han = /\p{Script=Han}/u;

describe('language server: env fix ids for the pickers, and zh-cn (stdio)', function () {
  this.timeout(20_000);
  let root: string;
  let stall: StalledServer;
  let client: LspClient | undefined;

  before(async () => {
    root = tempRoot('server-envfix');
    stall = await new StalledServer().start();
  });
  afterEach(async () => {
    await client?.close();
    client = undefined;
  });
  after(async () => {
    await stall.stop();
    removeTree(root);
  });

  const fixFor = async (c: LspClient, op: 'set' | 'addPattern', name: string, value: string) =>
    (await c.request('gomodDoctor/envFixFor', { op, name, value })).result as EnvFixForResult;

  it('validates values, names the layer in force, and the preview refuses a layer it cannot write', async () => {
    // GOPROXY and GOSUMDB come from the env file (changes go there); GOPRIVATE from the OS environment, so a change
    // to it must go to the editor's layer to take effect.
    const env = sealedGoEnv(root, { GOPRIVATE: 'corp.example' });
    writeFileSync(env.GOENV!, 'GOPROXY=off\nGOSUMDB=off\n');
    client = await startServer(env, root, { networkProbes: false, health: false, backgroundIntervalMin: 0, stateDir: join(root, 'state') });
    const c = client;

    assert.deepEqual(await fixFor(c, 'set', 'GOSUMDB', 'sum.golang.google.cn'), { fixId: 'env:set:GOSUMDB=sum.golang.google.cn' });
    assert.deepEqual(await fixFor(c, 'set', 'GOPROXY', ' https://goproxy.cn,direct '), { fixId: 'env:set:GOPROXY=https://goproxy.cn,direct' });
    assert.deepEqual(await fixFor(c, 'addPattern', 'GOPRIVATE', 'git.corp.example.com/team'), { fixId: 'env@editor:set:GOPRIVATE=corp.example,git.corp.example.com/team' });
    // Already there: the list stays as it is.
    assert.deepEqual(await fixFor(c, 'addPattern', 'GOPRIVATE', 'corp.example'), { fixId: 'env@editor:set:GOPRIVATE=corp.example' });

    const errors: Array<[('set' | 'addPattern'), string, string, RegExp]> = [
      ['set', 'GOSUMDB', 'nonsense+key', /^GOSUMDB "nonsense\+key" is not valid: invalid GOSUMDB: malformed verifier id\.$/],
      ['set', 'GOPROXY', 'ftp://mirror.example', /^GOPROXY "ftp:\/\/mirror\.example" is not valid: invalid proxy URL scheme/],
      ['set', 'GOPROXY', 'https://bob:hunter2@mirror.example', /^A fix must not carry credentials/],
      ['set', 'GOFLAGS', '-insecure', /^GOFLAGS cannot be set here/],
      ['set', 'GONOSUMDB', 'a,b c', /^"b c" is not a module path pattern: it contains white space\.$/],
      ['addPattern', 'GOPRIVATE', 'a[b', /^"a\[b" is not a module path pattern: a \[ \] class or a \\ escape is malformed\.$/],
      ['addPattern', 'GOPRIVATE', 'https://git.corp', /not a URL\.$/],
      ['addPattern', 'GOPRIVATE', 'a,b', /add one pattern at a time/],
      ['addPattern', 'GOPRIVATE', '  ', /^Enter a value\.$/],
      ['addPattern', 'GOPROXY', 'x', /^Patterns can be added to GOPRIVATE, GONOPROXY or GONOSUMDB, not to GOPROXY\.$/],
    ];
    for (const [op, name, value, re] of errors) {
      const r = await fixFor(c, op, name, value);
      assert.equal(r.fixId, undefined, `${name}=${value}`);
      assert.match(r.error ?? '', re, `${name}=${value}`);
      assert.ok(!(r.error ?? '').includes('hunter2'));
    }

    // The editor layer needs the client's settings target, which this client does not offer: refused, nothing written.
    const preview = (await c.request('gomodDoctor/previewEnvFix', { fixId: 'env@editor:set:GOPRIVATE=corp.example,x.example' })).result as PreviewEnvFixResult;
    assert.match(preview.refused ?? '', /no editor settings target/);
    const notEnv = (await c.request('gomodDoctor/previewEnvFix', { fixId: 'net.switch-mirror' })).result as PreviewEnvFixResult;
    assert.equal(notEnv.refused, 'net.switch-mirror is not an environment fix.');

    // This client does not listen for health: no round ran on start; the report runs one first.
    const md = ((await c.request('gomodDoctor/report', {}, 15_000)).result as ReportResult).markdown;
    assert.match(md, /\| GOPRIVATE \| `corp\.example` \| process \|/);
  });

  it('speaks Simplified Chinese with lang zh-cn: the overall reason and the findings', async () => {
    const env = sealedGoEnv(root, { GOSUMDB: 'off', GOPROXY: stall.url });
    const dir = join(root, 'zh');
    mkdirSync(dir);
    const text = 'module example.com/app\n\ngo 1.21\n\nrequire example.com/beta v1.2.0\n';
    writeFileSync(join(dir, 'go.mod'), text);
    client = await startServer(env, dir, { lang: 'zh-cn', timeoutMs: 500, debounceMs: 50, health: true, networkProbes: false, backgroundIntervalMin: 0 });
    const c = client;
    openDoc(c, join(dir, 'go.mod'), text);
    const snap: HealthSnapshot = await waitForHealth(c, (s) => settled(s) && s.cache !== null && s.modules.length === 1);
    assert.deepEqual([snap.overall.state, snap.overall.host], ['failing', stall.host]);
    assert.equal(snap.overall.reason, `${stall.host} 无法访问：1 个模块无法获取`);
    const f = snap.modules[0].finding!;
    assert.equal(f.code, 'module.unreachable');
    assert.match(f.message, han, f.message);
    const bad = await fixFor(c, 'addPattern', 'GOPRIVATE', 'a b');
    assert.equal(bad.error, '“a b”不是模块路径模式：其中包含空白字符。');
  });
});

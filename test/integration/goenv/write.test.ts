// Env writes against the real go: go env -w/-u into a temporary GOENV file, a real settings.json as the editor
// layer, the journal and undo, refusals when a higher layer would shadow the write, failures that change
// nothing, and concurrent writers (in this process and in other processes).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runGo } from '../../../src/core/gocmd/run';
import { JsonSettingsFileTarget } from '../../../src/core/goenv/editor';
import { parseEnvFile } from '../../../src/core/goenv/envfile';
import { parseFixId, type EnvFix } from '../../../src/core/goenv/fixid';
import { readJournal } from '../../../src/core/goenv/journal';
import { lintEnv } from '../../../src/core/goenv/lint';
import { loadEffectiveEnv } from '../../../src/core/goenv/load';
import { applyEnvWrite, planEnvWrite, undoLastWrite, type WriteContext } from '../../../src/core/goenv/write';
import { quietHome, realGo, removeTree, sealedEnv, tempDir } from './support';

const fix = (id: string): EnvFix => {
  const f = parseFixId(id);
  if (!f) throw new Error(`bad fix id ${id}`);
  return f;
};

describe('goenv: env writes, journal and undo (real go)', function () {
  this.timeout(60_000);
  let dir = '';
  let envFile = '';
  let ctx: WriteContext;
  let go = '';

  const goEnv = async (names: string[], extraEnv: Record<string, string | undefined> = {}) => {
    const r = await runGo(['env', '-json', ...names], { goPath: go, baseEnv: { ...ctx.env, ...extraEnv }, timeoutMs: 20_000, cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    return JSON.parse(r.stdout) as Record<string, string>;
  };
  const fileValues = () => {
    try {
      return Object.fromEntries(parseEnvFile(readFileSync(envFile, 'utf8')).values);
    } catch {
      return {};
    }
  };

  beforeEach(() => {
    go = realGo().bin;
    dir = tempDir('write');
    envFile = join(dir, 'config', 'go', 'env');
    quietHome(join(dir, 'home'));
    ctx = { goPath: go, env: sealedEnv({ HOME: join(dir, 'home'), GOENV: envFile }), cwd: dir, stateDir: join(dir, 'state'), platform: 'linux' };
  });
  afterEach(() => removeTree(dir));

  it('shows the effective result, writes with go env -w/-u, and undo restores set, empty and unset exactly', async () => {
    mkdirSync(join(dir, 'config', 'go'), { recursive: true });
    writeFileSync(envFile, 'GOFLAGS=-mod=mod\nGOSUMDB=\n');
    const f = fix('env:set:GOPROXY=https://goproxy.cn,direct&set:GOSUMDB=sum.golang.google.cn&unset:GOFLAGS');

    const plan = await planEnvWrite(f, ctx);
    assert.deepEqual(plan.problems, []);
    assert.ok(plan.allTakeEffect);
    const byName = Object.fromEntries(plan.changes.map((c) => [c.name, c]));
    assert.deepEqual([byName.GOPROXY.before.layer, byName.GOPROXY.after.value, byName.GOPROXY.after.layer], ['goroot', 'https://goproxy.cn,direct', 'envfile']);
    assert.equal(byName.GOSUMDB.previous, '');
    assert.equal(byName.GOFLAGS.previous, '-mod=mod');

    const r = await applyEnvWrite(f, ctx);
    assert.equal(r.status, 'written', r.reason);
    // What we predicted before writing is what go now reports.
    const after = await goEnv(['GOPROXY', 'GOSUMDB', 'GOFLAGS']);
    for (const c of plan.changes) assert.equal(after[c.name], c.after.value, c.name);
    assert.deepEqual(r.entry!.changes.map((c) => [c.name, c.previous, c.next]), [
      ['GOPROXY', null, 'https://goproxy.cn,direct'],
      ['GOSUMDB', '', 'sum.golang.google.cn'],
      ['GOFLAGS', '-mod=mod', null],
    ]);
    assert.equal(readJournal(ctx.stateDir).entries.length, 1);

    const u = await undoLastWrite(ctx);
    assert.equal(u.status, 'restored', u.reason);
    assert.deepEqual(fileValues(), { GOFLAGS: '-mod=mod', GOSUMDB: '' });
    const restored = await goEnv(['GOPROXY', 'GOSUMDB', 'GOFLAGS']);
    assert.deepEqual(restored, { GOPROXY: 'https://proxy.golang.org,direct', GOSUMDB: '', GOFLAGS: '-mod=mod' }, 'GOSUMDB= in the env file hides go.env again');
    assert.equal(readJournal(ctx.stateDir).entries.length, 0);
    assert.equal((await undoLastWrite(ctx)).status, 'empty');
  });

  it('refuses a write the OS environment would shadow, and offers the editor layer and the shell line', async () => {
    const settings = join(dir, 'settings.json');
    writeFileSync(settings, '{\n  // user settings\n  "editor.tabSize": 2\n}\n');
    ctx.env = { ...ctx.env, GOPROXY: 'https://proxy.golang.org,direct' };
    ctx.editor = new JsonSettingsFileTarget(settings);
    const f = fix('env:set:GOPROXY=https://goproxy.cn,direct');

    const refused = await applyEnvWrite(f, ctx);
    assert.equal(refused.status, 'refused');
    const c = refused.plan.changes[0];
    assert.deepEqual([c.takesEffect, c.shadowedBy?.layer, c.editorWorks], [false, 'process', true]);
    assert.ok(c.shellLines!.some((l) => l === "export GOPROXY='https://goproxy.cn,direct'"));
    assert.deepEqual(fileValues(), {}, 'nothing written');
    assert.equal(readJournal(ctx.stateDir).entries.length, 0);

    // The editor layer works for the tools VS Code starts: go sees the value when run with it.
    const ed = await applyEnvWrite({ ...f, layer: 'editor' }, ctx);
    assert.equal(ed.status, 'written', ed.reason);
    assert.equal(ed.plan.changes[0].after.layer, 'editor');
    const seenByTools = await goEnv(['GOPROXY'], await ctx.editor.read());
    assert.equal(seenByTools.GOPROXY, 'https://goproxy.cn,direct');
    assert.ok(readFileSync(settings, 'utf8').includes('// user settings'));

    // --force writes the env file anyway (still shadowed in this shell), and is journaled too.
    const forced = await applyEnvWrite(f, ctx, { force: true });
    assert.equal(forced.status, 'written');
    assert.equal(fileValues().GOPROXY, 'https://goproxy.cn,direct');
    assert.equal((await goEnv(['GOPROXY'])).GOPROXY, 'https://proxy.golang.org,direct');

    assert.equal((await undoLastWrite(ctx)).status, 'restored');
    assert.deepEqual(fileValues(), {});
    assert.equal((await undoLastWrite(ctx)).status, 'restored');
    assert.deepEqual(await ctx.editor.read(), {});
  });

  it('the first fix of each env-file finding applies with the real go and makes the finding go away', async () => {
    const scenarios: Array<[string, string]> = [
      ['GOSUMDB=off\n', 'env.gosumdb-off'],
      ['GOPROXY=\n', 'env.goproxy-empty'],
      ['GOPROXY=direct,https://goproxy.cn\n', 'env.goproxy-ignored'],
      ['GOPROXY=https://goproxy.cn,ftp://mirror.example\n', 'env.goproxy-invalid'],
      ['GOPROXY=https://athens.corp.example|https://proxy.golang.org,direct\n', 'env.proxy-pipe-leak'],
      ['GONOSUMCHECK=corp.example\n', 'env.unknown-variable'],
      ['GOFLAGS=-insecure -modcacherw\n', 'env.goflags-insecure'],
      ['GOFLAGS=-mod=vendor\n', 'env.goflags-mod-vendor'],
      ['GOPRIVATE=corp.example, other.example\n', 'env.pattern-space'],
      ['HTTPS_PROXY=http://proxy.corp.example:3128\n', 'env.envfile-os-only'],
      ['GO111MODULE=off\n', 'env.go111module-off'],
      ['GOSUMDB=\n', 'env.envfile-empty-masks'],
    ];
    mkdirSync(join(dir, 'config', 'go'), { recursive: true });
    for (const [text, code] of scenarios) {
      writeFileSync(envFile, text);
      const lintNow = async () => lintEnv((await loadEffectiveEnv({ goPath: go, env: ctx.env, cwd: dir, platform: 'linux' })).env, { platform: 'linux' });
      const finding = (await lintNow()).find((f) => f.code === code);
      assert.ok(finding?.fixes?.length, `${code}: a finding with a fix for ${JSON.stringify(text)}`);
      const r = await applyEnvWrite(fix(finding!.fixes![0].id), ctx);
      assert.equal(r.status, 'written', `${code}: ${r.reason}`);
      assert.ok(!(await lintNow()).some((f) => f.code === code), `${code} is gone after ${finding!.fixes![0].id}`);
    }
  });

  it('a write that is already in place is a no-op and is not journaled', async () => {
    mkdirSync(join(dir, 'config', 'go'), { recursive: true });
    writeFileSync(envFile, 'GOPROXY=off\n');
    const r = await applyEnvWrite(fix('env:set:GOPROXY=off'), ctx);
    assert.equal(r.status, 'noop');
    assert.equal(readJournal(ctx.stateDir).entries.length, 0);
  });

  describe('failures change nothing and say why', () => {
    it('a read-only env file', async () => {
      let target = envFile;
      if (process.getuid?.() === 0) {
        // root ignores file modes; /proc/version is a file even root cannot write.
        target = '/proc/version';
        ctx.env = { ...ctx.env, GOENV: target };
      } else {
        mkdirSync(join(dir, 'config', 'go'), { recursive: true });
        writeFileSync(envFile, 'GOFLAGS=-mod=mod\n');
        chmodSync(envFile, 0o444);
        chmodSync(join(dir, 'config', 'go'), 0o555);
      }
      const before = readFileSync(target, 'utf8');
      const r = await applyEnvWrite(fix('env:set:GOPROXY=off'), ctx);
      assert.equal(r.status, 'failed');
      assert.match(r.reason!, /go env config|permission denied|input\/output error/);
      assert.equal(readFileSync(target, 'utf8'), before);
      assert.equal(readJournal(ctx.stateDir).entries.length, 0);
      if (target === envFile) chmodSync(join(dir, 'config', 'go'), 0o755);
    });

    it('an env file path below a regular file', async () => {
      writeFileSync(join(dir, 'config-file'), 'x');
      ctx.env = { ...ctx.env, GOENV: join(dir, 'config-file', 'env') };
      const r = await applyEnvWrite(fix('env:set:GOPROXY=off'), ctx);
      assert.equal(r.status, 'failed');
      assert.match(r.reason!, /not a directory/);
      assert.equal(readJournal(ctx.stateDir).entries.length, 0);
    });

    it('an env file that is not text', async () => {
      mkdirSync(join(dir, 'config', 'go'), { recursive: true });
      const junk = Buffer.from([0x47, 0x4f, 0x3d, 0x00, 0xff, 0xfe, 0x0a]);
      writeFileSync(envFile, junk);
      const r = await applyEnvWrite(fix('env:set:GOPROXY=off'), ctx);
      assert.equal(r.status, 'failed');
      assert.match(r.reason!, /not a text file/);
      assert.ok(readFileSync(envFile).equals(junk));
    });

    it('an unparsable settings.json', async () => {
      const settings = join(dir, 'settings.json');
      writeFileSync(settings, '{ "go.toolsEnvVars": { "GOPROXY": "x" ');
      ctx.editor = new JsonSettingsFileTarget(settings);
      const r = await applyEnvWrite(fix('env@editor:set:GOPROXY=off'), ctx);
      assert.equal(r.status, 'failed');
      assert.equal(readFileSync(settings, 'utf8'), '{ "go.toolsEnvVars": { "GOPROXY": "x" ');
      assert.equal(readJournal(ctx.stateDir).entries.length, 0);
    });

    it('a missing go', async () => {
      mkdirSync(join(dir, 'config', 'go'), { recursive: true });
      writeFileSync(envFile, 'GOFLAGS=-mod=mod\n');
      ctx.goPath = join(dir, 'no', 'go');
      const r = await applyEnvWrite(fix('env:set:GOPROXY=off'), ctx);
      assert.equal(r.status, 'failed');
      assert.match(r.reason!, /go command not found/);
      assert.equal(readFileSync(envFile, 'utf8'), 'GOFLAGS=-mod=mod\n');
    });

    it('a corrupt journal: the write is rolled back', async () => {
      mkdirSync(join(dir, 'config', 'go'), { recursive: true });
      writeFileSync(envFile, 'GOFLAGS=-mod=mod\n');
      mkdirSync(ctx.stateDir, { recursive: true });
      writeFileSync(join(ctx.stateDir, 'env-journal.json'), '{ broken');
      const r = await applyEnvWrite(fix('env:set:GOPROXY=off&unset:GOFLAGS'), ctx);
      assert.equal(r.status, 'failed');
      assert.match(r.reason!, /not a valid journal/);
      assert.deepEqual(fileValues(), { GOFLAGS: '-mod=mod' });
    });

    it('GOENV=off, read-only and OS-only variables, bad values', async () => {
      const off = await applyEnvWrite(fix('env:set:GOPROXY=off'), { ...ctx, env: { ...ctx.env, GOENV: 'off' } });
      assert.equal(off.status, 'failed');
      assert.match(off.reason!, /no go env file/);
      for (const [id, why] of [
        ['env:set:GOVERSION=go1', /cannot be modified/],
        ['env:set:HTTPS_PROXY=http://p:1', /only be set in the OS environment/],
        ['env:set:GONOSUMCHECK=x', /unknown go command variable GONOSUMCHECK/],
        ['env:set:GO111MODULE=yes', /invalid GO111MODULE value/],
        ['env:set:GOPATH=relative/dir', /GOPATH entry is relative/],
      ] as const) {
        const r = await applyEnvWrite(fix(id), ctx);
        assert.equal(r.status, 'failed', id);
        assert.match(r.reason!, why, id);
      }
      assert.deepEqual(fileValues(), {});
    });
  });

  it('undo refuses when the value was changed since, unless forced', async () => {
    assert.equal((await applyEnvWrite(fix('env:set:GOPRIVATE=corp.example'), ctx)).status, 'written');
    const other = await runGo(['env', '-w', 'GOPRIVATE=other.example'], { goPath: go, baseEnv: ctx.env, timeoutMs: 20_000 });
    assert.equal(other.code, 0, other.stderr);
    const u = await undoLastWrite(ctx);
    assert.equal(u.status, 'conflict');
    assert.match(u.reason!, /other\.example/);
    assert.equal(fileValues().GOPRIVATE, 'other.example');
    assert.equal((await undoLastWrite(ctx, { force: true })).status, 'restored');
    assert.deepEqual(fileValues(), {});
  });

  it('concurrent writers (in this process and in other processes) lose nothing; undo unwinds them all', async () => {
    mkdirSync(join(dir, 'config', 'go'), { recursive: true });
    writeFileSync(envFile, 'GOFLAGS=-modcacherw\n');
    // [name, first value, second value]
    const inProcess: Array<[string, string, string]> = [
      ['GOPRIVATE', 'corp.example', 'corp2.example'], ['GONOPROXY', 'none', 'corp.example'], ['GONOSUMDB', 'corp.example', 'corp2.example'],
      ['GOINSECURE', 'insecure.example', 'insecure2.example'], ['GOVCS', 'public:git', 'public:git|hg'], ['GOAUTH', 'off', 'netrc'],
    ];
    const otherProcesses: Array<[string, string, string]> = [
      ['GOPROXY', 'https://goproxy.cn,direct', 'https://goproxy.cn|https://proxy.golang.org,direct'], ['GOSUMDB', 'sum.golang.google.cn', 'sum.golang.org'],
      ['GO111MODULE', 'on', 'auto'], ['GOTMPDIR', join(dir, 'tmp1'), join(dir, 'tmp2')],
    ];
    const writeModule = require.resolve('../../../src/core/goenv/write');
    const child = (name: string, value: string) =>
      new Promise<string>((resolve, reject) => {
        const script = `require(${JSON.stringify(writeModule)}).applyEnvWrite({ changes: [{ name: ${JSON.stringify(name)}, value: ${JSON.stringify(value)} }] }, ${JSON.stringify(ctx)}).then((r) => process.stdout.write(r.status + ' ' + (r.reason || '')))`;
        const p = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        p.stdout.on('data', (d) => (out += d));
        p.stderr.on('data', (d) => (out += d));
        const timer = setTimeout(() => p.kill('SIGKILL'), 30_000);
        p.on('error', reject);
        p.on('close', () => {
          clearTimeout(timer);
          resolve(out);
        });
      });
    // Two rounds, so that each variable's second write journals the first one's value as "previous".
    for (const round of [1, 2]) {
      const pick = (t: [string, string, string]) => (round === 1 ? t[1] : t[2]);
      const results = await Promise.all([
        ...inProcess.map((t) => applyEnvWrite({ changes: [{ name: t[0], value: pick(t) }] }, ctx).then((r) => `${r.status} ${r.reason ?? ''}`)),
        ...otherProcesses.map((t) => child(t[0], pick(t))),
      ]);
      for (const r of results) assert.match(r, /^written/, r);
    }
    const all = [...inProcess, ...otherProcesses];
    assert.deepEqual(fileValues(), Object.fromEntries([['GOFLAGS', '-modcacherw'], ...all.map((t) => [t[0], t[2]])]));
    const journal = readJournal(ctx.stateDir);
    assert.equal(journal.entries.length, 20);
    for (const [n, first, second] of all) {
      const mine = journal.entries.flatMap((e) => e.changes).filter((c) => c.name === n);
      assert.deepEqual(mine.map((c) => [c.previous, c.next]), [[null, first], [first, second]], n);
    }
    for (let i = 0; i < 20; i++) assert.equal((await undoLastWrite(ctx)).status, 'restored');
    assert.deepEqual(fileValues(), { GOFLAGS: '-modcacherw' });
    assert.equal(readJournal(ctx.stateDir).entries.length, 0);
  });
  it('a fix id with masked credentials (as reports and editors show it) keeps the real ones; an unknown one is refused', async () => {
    mkdirSync(join(dir, 'config', 'go'), { recursive: true });
    const secretProxy = 'https://alice:s3cret@proxy.corp.example/go';
    writeFileSync(envFile, `GOPROXY=${secretProxy},https://goproxy.cn\n`);
    const r = await applyEnvWrite(fix('env:set:GOPROXY=https://***@proxy.corp.example/go|https://goproxy.cn'), ctx);
    assert.equal(r.status, 'written', r.reason);
    assert.equal((await goEnv(['GOPROXY'])).GOPROXY, `${secretProxy}|https://goproxy.cn`);
    assert.equal(r.plan.changes[0].value, `${secretProxy}|https://goproxy.cn`, 'the plan carries the restored value');

    const before = readFileSync(envFile, 'utf8');
    const refused = await applyEnvWrite(fix('env:set:GOPROXY=https://***@elsewhere.example,direct'), ctx);
    assert.equal(refused.status, 'failed');
    assert.match(refused.reason ?? '', /masked credential/);
    assert.equal(readFileSync(envFile, 'utf8'), before);
  });
});

// The env, fix and undo commands as the CLI runs them (the lead's main.ts dispatches to these functions).
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runEnvCommand } from '../../../src/cli/commands/env';
import { isEnvFixId, runFixCommand } from '../../../src/cli/commands/fix';
import { runUndoCommand } from '../../../src/cli/commands/undo';
import { UsageError, type CliIo } from '../../../src/cli/io';
import { setLanguage } from '../../../src/core/i18n';
import { LAYERS } from '../../../src/core/goenv/resolve';
import { MODULE_VARIABLE_NAMES } from '../../../src/core/goenv/vars';
import { quietHome, realGo, removeTree, sealedEnv, tempDir } from './support';

function io(env: NodeJS.ProcessEnv, cwd: string): CliIo & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return { out: (s) => (out += s), err: (s) => (err += s), env, cwd, stdout: () => out, stderr: () => err };
}

describe('goenv: gomod-doctor env / fix / undo', function () {
  this.timeout(60_000);
  let dir = '';
  let env: NodeJS.ProcessEnv;
  let envFile = '';

  beforeEach(() => {
    realGo();
    dir = tempDir('cli');
    envFile = join(dir, 'config', 'go', 'env');
    mkdirSync(join(dir, 'config', 'go'), { recursive: true });
    quietHome(join(dir, 'home'));
    env = sealedEnv({ HOME: join(dir, 'home'), GOENV: envFile, XDG_STATE_HOME: join(dir, 'state') }) as NodeJS.ProcessEnv;
  });
  afterEach(() => {
    setLanguage('en');
    removeTree(dir);
  });

  it('env --json: the contract shape, every variable, valid layers, secrets redacted', async () => {
    writeFileSync(envFile, 'GOPROXY=https://goproxy.cn,direct\nGONOSUMCHECK=corp.example\n');
    env.GOPROXY = 'https://alice:hunter2@athens.corp.example|https://proxy.golang.org';
    const c = io(env, dir);
    assert.equal(await runEnvCommand(['--json'], c), 0);
    const out = JSON.parse(c.stdout());
    assert.ok(typeof out.go.path === 'string' && /^go1\.\d+/.test(out.go.version));
    assert.deepEqual(out.vars.map((v: { name: string }) => v.name), [...MODULE_VARIABLE_NAMES]);
    for (const v of out.vars) {
      assert.ok((LAYERS as readonly string[]).includes(v.layer), v.layer);
      assert.equal(typeof v.value, 'string');
      for (const s of v.shadowed) assert.ok((LAYERS as readonly string[]).includes(s.layer));
    }
    const goproxy = out.vars.find((v: { name: string }) => v.name === 'GOPROXY');
    assert.equal(goproxy.layer, 'process');
    assert.deepEqual(goproxy.shadowed.map((s: { layer: string }) => s.layer), ['envfile', 'goroot']);
    assert.ok(!c.stdout().includes('hunter2'), 'userinfo is redacted (values, evidence and fix ids)');
    const codes = out.findings.map((f: { code: string }) => f.code);
    for (const code of ['env.shadowed-envfile', 'env.proxy-pipe-leak', 'env.unknown-variable']) assert.ok(codes.includes(code), code);
  });

  it('env (text): a table, the route of a module, findings with their fix commands', async () => {
    writeFileSync(envFile, 'GOSUMDB=off\n');
    const c = io(env, dir);
    assert.equal(await runEnvCommand(['--route', 'golang.org/x/text'], c), 0);
    const out = c.stdout();
    assert.match(out, /^VARIABLE\s+VALUE\s+LAYER\s+SHADOWED\s+NOTES$/m);
    assert.match(out, /^GOSUMDB\s+off\s+envfile\s+goroot=sum\.golang\.org/m);
    assert.match(out, /Route for golang\.org\/x\/text:/);
    assert.match(out, /checksum database: not consulted \(gosumdb-off\)/);
    assert.match(out, /env\.gosumdb-off/);
    assert.match(out, /gomod-doctor fix 'env:unset:GOSUMDB'/);
  });

  it('env in Chinese', async () => {
    setLanguage('zh-cn');
    writeFileSync(envFile, 'GOSUMDB=off\n');
    const c = io(env, dir);
    await runEnvCommand([], c);
    assert.match(c.stdout(), /变量/);
    assert.match(c.stdout(), /校验和数据库/);
  });

  it('env still shows the layers when go is missing', async () => {
    const c = io(env, dir);
    assert.equal(await runEnvCommand(['--go', join(dir, 'no', 'go')], c), 0);
    assert.match(c.stderr(), /go was not found/);
    assert.match(c.stdout(), /^GOPROXY/m);
  });

  it('fix then undo, with the plan shown first; --dry-run writes nothing', async () => {
    writeFileSync(envFile, '');
    const dry = io(env, dir);
    assert.equal(await runFixCommand(['env:set:GOPROXY=https://goproxy.cn,direct', '--dry-run'], dry), 0);
    assert.match(dry.stdout(), /GOPROXY: https:\/\/proxy\.golang\.org,direct → https:\/\/goproxy\.cn,direct \(envfile\)/);
    assert.equal(readFileSync(envFile, 'utf8').includes('GOPROXY'), false);

    const c = io(env, dir);
    assert.equal(await runFixCommand(['env:set:GOPROXY=https://goproxy.cn,direct'], c), 0, c.stderr());
    assert.match(c.stdout(), /written/);
    assert.match(readFileSync(envFile, 'utf8'), /^GOPROXY=https:\/\/goproxy\.cn,direct$/m);

    const u = io(env, dir);
    assert.equal(await runUndoCommand([], u), 0, u.stderr());
    assert.equal(readFileSync(envFile, 'utf8').includes('GOPROXY'), false);
    const again = io(env, dir);
    assert.equal(await runUndoCommand([], again), 1);
    assert.match(again.stderr(), /Nothing to undo/);
  });

  it('a fix the shell would shadow is refused with the shell line and the editor alternative', async () => {
    env.GOPROXY = 'https://proxy.golang.org,direct';
    const settings = join(dir, 'settings.json');
    const c = io(env, dir);
    assert.equal(await runFixCommand(['env:set:GOPROXY=https://goproxy.cn,direct', '--settings', settings], c), 1);
    assert.match(c.stdout(), /would not take effect: the process value/);
    assert.match(c.stdout(), /--layer editor/);
    assert.match(c.stdout(), /export GOPROXY='https:\/\/goproxy\.cn,direct'/);
    const ed = io(env, dir);
    assert.equal(await runFixCommand(['env:set:GOPROXY=https://goproxy.cn,direct', '--settings', settings, '--layer', 'editor'], ed), 0, ed.stderr());
    const written = JSON.parse(readFileSync(settings, 'utf8'));
    assert.equal(written['go.toolsEnvVars'].GOPROXY, 'https://goproxy.cn,direct');
    assert.equal(written['terminal.integrated.env.linux'].GOPROXY, 'https://goproxy.cn,direct');
    const u = io(env, dir);
    assert.equal(await runUndoCommand([], u), 0, u.stderr());
    const restored = JSON.parse(readFileSync(settings, 'utf8'));
    assert.deepEqual([restored['go.toolsEnvVars'], restored['terminal.integrated.env.linux']], [{}, {}]);
  });

  it('fix --json reports status and plan', async () => {
    writeFileSync(envFile, 'GONOSUMCHECK=corp.example\n');
    const c = io(env, dir);
    assert.equal(await runFixCommand(['env:unset:GONOSUMCHECK&set:GONOSUMDB=corp.example', '--json'], c), 0, c.stderr());
    const out = JSON.parse(c.stdout());
    assert.equal(out.results[0].status, 'written');
    assert.deepEqual(out.results[0].plan.changes.map((x: { name: string }) => x.name), ['GONOSUMCHECK', 'GONOSUMDB']);
  });

  it('usage errors are UsageError (exit 2 in main), never a stack trace', async () => {
    const c = io(env, dir);
    await assert.rejects(runEnvCommand(['extra'], c), UsageError);
    await assert.rejects(runEnvCommand(['--frob'], c), UsageError);
    await assert.rejects(runFixCommand([], c), UsageError);
    await assert.rejects(runFixCommand(['gomod.something'], c), UsageError);
    await assert.rejects(runFixCommand(['env:set:GOPROXY=x', '--layer', 'os'], c), UsageError);
    await assert.rejects(runUndoCommand(['now'], c), UsageError);
    assert.ok(isEnvFixId('env@editor:unset:X') && !isEnvFixId('gomod.require-missing'));
  });
});

// Cleaning and pruning caches that cannot be changed (a read-only mount) or that sit on a full disk, with module
// caches the real go filled: a clear result (done / partial with the reason and what is left), never a throw,
// nothing outside the cache touched — a symlink in the cache pointing outside is removed, not followed. The real
// `go clean` on the same mount is the referee. Needs tmpfs mounts (root); skipped with the reason otherwise.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { clean, planClean, planPrune, prune, walkTree, type CacheEnv, type CleanResult, type PruneResult } from '../../../src/core/cache';
import { setLanguage } from '../../../src/core/i18n';
import { canMountTmpfs, goIn, modules, mountTmpfs, removeAll, sandbox, umount, writeFileProxy, writeMainModule, type GoSandbox } from '../cache/support';

const MODS = modules([
  ['example.com/kept', 'v1.0.0'],
  ['example.com/old', 'v1.0.0'],
  ['example.com/old', 'v1.1.0'],
]);
const [KEPT, OLD1, OLD2] = MODS;

/** Every path below root with its type, size and mode: equal lists mean nothing changed. */
function snapshot(root: string): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    const st = lstatSync(p);
    out.push(`${path.relative(root, p)} ${st.isDirectory() ? 'd' : st.isSymbolicLink() ? 'l' : st.size} ${(st.mode & 0o7777).toString(8)}`);
    if (st.isDirectory()) for (const n of readdirSync(p).sort()) walk(path.join(p, n));
  };
  if (existsSync(root)) walk(root);
  return out;
}

const mountable = canMountTmpfs();

/** A build cache in go's layout: README, 16 of the 00…ff directories, each with action (-a) and output (-d) entries. */
function writeBuildCache(dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'README'), 'This directory holds cached build artifacts from the Go build system.\nRun "go clean -cache" if the directory is getting too large.\nRun "go clean -fuzzcache" to delete the fuzz cache.\nSee golang.org to learn more about Go.\n');
  writeFileSync(path.join(dir, 'trim.txt'), `${Math.floor(Date.now() / 1000)}\n`);
  for (let i = 0; i < 16; i++) {
    const sub = path.join(dir, (i * 16 + 3).toString(16).padStart(2, '0'));
    mkdirSync(sub);
    for (let j = 0; j < 4; j++) {
      const key = `${sub.slice(-2)}${String(j).repeat(62)}`;
      writeFileSync(path.join(sub, `${key}-a`), `v1 ${key} ${key} 16384 ${Date.now()}\n`);
      writeFileSync(path.join(sub, `${key}-d`), Buffer.alloc(16 * 1024, i));
    }
  }
}

describe('reliability: cache clean and prune on read-only and full file systems', function () {
  this.timeout(120_000);
  let sb: GoSandbox;
  let app: string;
  const mounts: string[] = [];
  const faults: Record<string, number> = {};
  const count = (kind: string) => (faults[kind] = (faults[kind] ?? 0) + 1);

  // One real module-cache fill (go mod download of every module), copied into each mount. The build cache is laid
  // out as go lays it out (README, 00…ff directories of -a/-d entries): compiling the runtime into a fresh cache
  // would cost half a minute, and go clean -cache deletes by that layout, not by content.
  before(async function () {
    if (!mountable) this.skip(); // tmpfs mounts need root with CAP_SYS_ADMIN; a chmod-only read-only cache does not stop root
    sb = sandbox('cache-faults');
    writeFileProxy(sb.proxyDir, MODS);
    app = writeMainModule(sb.dir, 'app', [KEPT]);
    let r = await goIn(sb, app, ['mod', 'download']);
    assert.equal(r.code, 0, r.stderr);
    r = await goIn(sb, sb.dir, ['mod', 'download', `${OLD1.path}@${OLD1.version}`, `${OLD2.path}@${OLD2.version}`]);
    assert.equal(r.code, 0, r.stderr);
    writeBuildCache(sb.gocache);
    writeFileSync(path.join(sb.dir, 'app.bin'), Buffer.alloc(64 * 1024, 1));
  });
  afterEach(() => {
    while (mounts.length) umount(mounts.pop()!);
  });
  after(() => {
    setLanguage('en');
    if (sb) removeAll(sb.dir);
    if (Object.keys(faults).length) console.log(`      cache faults injected: ${Object.entries(faults).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  });

  /**
   * A tmpfs at <dir>/<name> holding a module cache the real go filled (every module), a build cache, a sibling
   * directory that is not cache, and a symlink inside the module cache pointing at that sibling.
   */
  async function filledMount(name: string, size = '8m'): Promise<{ base: string; env: CacheEnv; outside: string }> {
    const base = path.join(sb.dir, name);
    assert.ok(mountTmpfs(base, `size=${size}`), 'mount tmpfs');
    mounts.push(base);
    const env: CacheEnv = { GOMODCACHE: path.join(base, 'mod'), GOCACHE: path.join(base, 'build'), GOPATH: sb.gopath, GOFLAGS: '' };
    for (const [from, to] of [[sb.modcache, env.GOMODCACHE!], [sb.gocache, env.GOCACHE!], [path.join(sb.dir, 'app.bin'), path.join(base, 'app.bin')]]) {
      const cp = spawnSync('cp', ['-a', from, to], { encoding: 'utf8' });
      assert.equal(cp.status, 0, cp.stderr);
    }
    const outside = path.join(base, 'not-cache');
    mkdirSync(outside);
    writeFileSync(path.join(outside, 'precious.txt'), 'keep me\n');
    symlinkSync(outside, path.join(env.GOMODCACHE!, 'cache', 'link-outside'));
    return { base, env, outside };
  }

  const remount = (base: string, opts: string) => assert.equal(spawnSync('mount', ['-o', `remount,${opts}`, base]).status, 0, `remount ${opts}`);

  /** Fills the rest of the file system: a file grows until ENOSPC. */
  function fillUp(base: string): void {
    spawnSync('dd', ['if=/dev/zero', `of=${path.join(base, 'filler')}`, 'bs=4k'], { stdio: 'ignore' });
    assert.throws(() => writeFileSync(path.join(base, 'probe'), 'x'), /ENOSPC/, 'the file system is full');
  }

  function assertCleanResultIsClear(r: CleanResult, expectStatus: CleanResult['status']): void {
    assert.equal(r.status, expectStatus, JSON.stringify(r, null, 1).slice(0, 2000));
    if (expectStatus === 'partial') {
      const f = r.findings.find((x) => x.code === 'cache.clean-incomplete');
      assert.ok(f, 'a finding says the clean was incomplete');
      assert.ok(r.remainingFiles > 0 && r.remainingBytes > 0, 'it says what is left');
      assert.ok(r.failures.length > 0 && r.failures.every((x) => x.code === 'EROFS'), JSON.stringify(r.failures.slice(0, 5)));
      assert.match(f.message, /mounted read-only \(EROFS\)/, f.message);
      assert.match(f.fixes![0].title, /writable place/);
    }
  }

  for (const kind of ['modcache', 'buildcache'] as const) {
    it(`clean ${kind} on a read-only mount: partial, says why and what remains; go fails the same way; nothing changes`, async () => {
      const { base, env } = await filledMount(`ro-clean-${kind}`);
      remount(base, 'ro');
      count('read-only mount (clean)');
      const before = snapshot(base);
      const plan = await planClean(kind, env);
      assert.ok(plan.files > 0);
      const r = await clean(plan, { confirm: () => true, baseEnv: sb.env });
      assertCleanResultIsClear(r, 'partial');
      assert.notEqual(r.go?.code, 0, 'go clean fails on a read-only mount too');
      assert.match(r.go?.stderr ?? '', /read-only file system/);
      assert.equal(r.remainingFiles, plan.files);
      assert.deepEqual(snapshot(base), before, 'nothing changed');
    });
  }

  it('prune on a read-only mount: partial, every failure says EROFS, the plan items are all still there', async () => {
    const { base, env } = await filledMount('ro-prune');
    remount(base, 'ro');
    count('read-only mount (prune)');
    const before = snapshot(base);
    const plan = await planPrune(env.GOMODCACHE!, [app]);
    assert.deepEqual(plan.items.map((i) => `${i.module}@${i.version}`).sort(), [`${OLD1.path}@${OLD1.version}`, `${OLD2.path}@${OLD2.version}`]);
    let r: PruneResult | undefined;
    await assert.doesNotReject(async () => (r = await prune(plan, { confirm: () => true })));
    assert.equal(r!.status, 'partial');
    assert.deepEqual(r!.removed, []);
    assert.equal(r!.freedBytes, 0);
    assert.ok(r!.failures.length > 0 && r!.failures.every((f) => f.code === 'EROFS'), JSON.stringify(r!.failures.slice(0, 5)));
    const f = r!.findings.find((x) => x.code === 'cache.prune-incomplete');
    assert.ok(f, 'a finding says which versions are left, and why');
    assert.match(f.message, /2 of 2 versions/);
    assert.match(f.message, /example\.com\/old@v1\.0\.0/);
    assert.match(f.message, /mounted read-only \(EROFS\)/);
    assert.deepEqual(snapshot(base), before, 'nothing changed');
  });

  it('clean modcache on a full disk: done, space freed, the symlinked directory outside untouched', async () => {
    const { base, env, outside } = await filledMount('full-clean');
    fillUp(base);
    count('disk full (clean)');
    const outsideBefore = snapshot(outside);
    const plan = await planClean('modcache', env);
    const r = await clean(plan, { confirm: () => true, baseEnv: sb.env });
    assertCleanResultIsClear(r, 'done');
    assert.equal(r.go?.code, 0, r.go?.stderr);
    assert.equal(existsSync(env.GOMODCACHE!), false);
    assert.ok(r.freedBytes > 0);
    assert.deepEqual(snapshot(outside), outsideBefore, 'the link target outside the cache is untouched');
    assert.ok(existsSync(path.join(base, 'app.bin')) && existsSync(path.join(base, 'filler')), 'siblings untouched');
  });

  it('clean buildcache on a full disk: done, as go clean -cache', async () => {
    const { base, env } = await filledMount('full-build');
    fillUp(base);
    count('disk full (clean build cache)');
    const plan = await planClean('buildcache', env);
    const r = await clean(plan, { confirm: () => true, baseEnv: sb.env });
    // Deleting needs no space: go clean -cache succeeds and keeps only its README and trim.txt.
    assert.equal(r.status, 'done', JSON.stringify(r).slice(0, 2000));
    assert.equal(r.go?.code, 0, r.go?.stderr);
    assert.deepEqual(r.findings, []);
    assert.ok(r.freedBytes > 0 && r.remainingFiles <= 2);
    const left = await walkTree(env.GOCACHE!, { budgetMs: 5000 });
    assert.equal(r.remainingFiles, left.missing ? 0 : left.files);
  });

  it('prune on a full disk: done, exactly the unreferenced versions go', async () => {
    const { base, env, outside } = await filledMount('full-prune');
    fillUp(base);
    count('disk full (prune)');
    const outsideBefore = snapshot(outside);
    const plan = await planPrune(env.GOMODCACHE!, [app]);
    const r = await prune(plan, { confirm: () => true });
    assert.equal(r.status, 'done', JSON.stringify(r.failures));
    assert.deepEqual(r.findings, []);
    assert.deepEqual(r.removed.map((x) => `${x.module}@${x.version}`).sort(), [`${OLD1.path}@${OLD1.version}`, `${OLD2.path}@${OLD2.version}`]);
    // go still finds what the workspace needs, offline, from what is left.
    const v = await goIn(sb, app, ['mod', 'verify'], { GOMODCACHE: env.GOMODCACHE, GOPROXY: 'off', GOFLAGS: '-mod=mod' });
    assert.equal(v.code, 0, v.stderr);
    assert.deepEqual(snapshot(outside), outsideBefore);
  });

  it('the messages in Chinese too', async () => {
    const { base, env } = await filledMount('ro-zh');
    remount(base, 'ro');
    count('read-only mount (clean)');
    setLanguage('zh-cn');
    const r = await clean(await planClean('modcache', env), { confirm: () => true, baseEnv: sb.env });
    setLanguage('en');
    assert.match(r.findings[0].message, /[\u4e00-\u9fff]/);
    assert.match(r.findings[0].message, /只读方式挂载/);
  });
});

// The cache doctor against module caches the real go command filled from a file:// GOPROXY: inspection (read-only
// trees, held locks, interrupted downloads, unwritable and full file systems), prune, clean and clear-version.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  clean,
  clearVersion,
  inspectCaches,
  planClean,
  planClearVersion,
  planPrune,
  prune,
  readModcacheLayout,
  walkTree,
  type CacheEnv,
} from '../../../src/core/cache';
import { explainGoError } from '../../../src/core/diagnose/explain';
import { setLanguage } from '../../../src/core/i18n';
import { runCacheCommand } from '../../../src/cli/commands/cache';
import { canMountTmpfs, goIn, holdLock, isRoot, modules, mountTmpfs, NOBODY, removeAll, sandbox, umount, writeFileProxy, writeMainModule, type GoSandbox } from './support';

const MODS = modules([
  ['example.com/a', 'v1.0.0'],
  ['example.com/a', 'v1.1.0'],
  ['example.com/BigCo/b', 'v1.0.0'],
  ['example.com/c', 'v0.1.0'],
]);
const [A1, A11, B1, C1] = MODS;

function cacheEnv(sb: GoSandbox, modcache = sb.modcache): CacheEnv {
  return { GOMODCACHE: modcache, GOCACHE: sb.gocache, GOPATH: sb.gopath, GOFLAGS: '' };
}

/** Every path below root with its size and mode: equal snapshots mean nothing changed. */
function snapshot(root: string): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    const st = lstatSync(p);
    out.push(`${path.relative(root, p)} ${st.isDirectory() ? 'd' : st.size} ${(st.mode & 0o7777).toString(8)}`);
    if (st.isDirectory()) for (const n of readdirSync(p).sort()) walk(path.join(p, n));
  };
  if (existsSync(root)) walk(root);
  return out;
}

async function fill(sb: GoSandbox, app: string, modcache = sb.modcache): Promise<void> {
  const env = { GOMODCACHE: modcache };
  let r = await goIn(sb, app, ['mod', 'download'], env);
  assert.equal(r.code, 0, r.stderr);
  // Versions no workspace file mentions, fetched from outside any module.
  r = await goIn(sb, sb.dir, ['mod', 'download', `${A11.path}@${A11.version}`, `${C1.path}@${C1.version}`], env);
  assert.equal(r.code, 0, r.stderr);
}

describe('cache doctor (real go, file:// GOPROXY)', function () {
  this.timeout(60_000);
  let sb: GoSandbox;
  let app: string;
  let ws: string;

  before(async () => {
    setLanguage('en');
    sb = sandbox('cache');
    writeFileProxy(sb.proxyDir, MODS);
    ws = path.join(sb.dir, 'ws');
    app = writeMainModule(ws, 'app', [A1, B1]);
    await fill(sb, app);
  });

  after(() => removeAll(sb.dir));

  it('inspects a cache the go command filled: read-only module trees, nothing partial, nothing locked', async () => {
    const r = await inspectCaches(cacheEnv(sb));
    const mod = r.targets.find((t) => t.kind === 'modcache')!;
    assert.ok(mod.exists && mod.isDirectory && mod.writable, JSON.stringify(mod));
    assert.ok((mod.freeBytes ?? 0) > 0);
    assert.equal(r.modcache?.versions, 4);
    // Without -modcacherw the go command removes write bits from every extracted tree.
    assert.equal(r.modcache?.readOnlyDirs, 4);
    const codes = r.findings.map((f) => f.code);
    assert.ok(codes.includes('cache.readonly-tree'), codes.join());
    assert.ok(!codes.includes('cache.partial-download') && !codes.some((c) => c.startsWith('cache.lock')), codes.join());
    assert.ok(!codes.includes('cache.not-writable'));
    // Each version dir really is read-only on disk.
    const layout = await readModcacheLayout(sb.modcache);
    for (const v of layout.versions.values()) assert.equal(statSync(v.extractedDir!).mode & 0o222, 0, v.extractedDir);
    assert.ok([...layout.versions.keys()].includes('example.com/BigCo/b@v1.0.0'), 'case-encoded path decoded');
  });

  it('tells foreign-owned module trees apart by owner', async () => {
    const me = typeof process.getuid === 'function' ? process.getuid() : undefined;
    if (me === undefined) return;
    const other = me === 12345 ? 12346 : 12345;
    const r = await inspectCaches(cacheEnv(sb), { uid: other });
    assert.equal(r.modcache?.foreignOwnedDirs, 4);
    assert.ok(r.findings.some((f) => f.code === 'cache.foreign-owner'));
    const mine = await inspectCaches(cacheEnv(sb), { uid: me });
    assert.ok(!mine.findings.some((f) => f.code === 'cache.foreign-owner'));
  });

  it('names the process that holds a module version lock (stale lock)', async function () {
    const lockFile = path.join(sb.modcache, 'cache', 'download', 'example.com', 'a', '@v', 'v1.0.0.lock');
    const held = await holdLock(lockFile);
    if (!held) this.skip();
    try {
      const r = await inspectCaches(cacheEnv(sb), { staleLockMs: 0 });
      const f = r.findings.find((x) => x.code === 'cache.lock-stale');
      assert.ok(f, JSON.stringify(r.findings.map((x) => x.code)));
      assert.equal((f.evidence as { pid: number }).pid, held.pid);
      assert.match(f.message, /flock/);
    } finally {
      held.release();
    }
    await new Promise((r) => setTimeout(r, 100));
    const after = await inspectCaches(cacheEnv(sb), { staleLockMs: 0 });
    assert.ok(!after.findings.some((x) => x.code.startsWith('cache.lock')), 'a released lock is not reported');
  });

  it('reports an interrupted download the way the go command sees it, and go repairs it', async () => {
    const at = path.join(sb.modcache, 'cache', 'download', 'example.com', 'a', '@v');
    writeFileSync(path.join(at, 'v1.1.0.partial'), '');
    writeFileSync(path.join(at, 'v1.1.0.zip123456.tmp'), 'half a zip');
    const r = await inspectCaches(cacheEnv(sb));
    const partial = r.findings.filter((f) => f.code === 'cache.partial-download');
    assert.deepEqual(partial.map((f) => `${f.module}@${f.version}`), ['example.com/a@v1.1.0']);
    assert.equal(partial[0].fixes?.[0].id, 'cache:clear-version:example.com/a@v1.1.0');
    // The go command agrees that the version is incomplete: it extracts it again and removes the marker.
    const g = await goIn(sb, sb.dir, ['mod', 'download', `${A11.path}@${A11.version}`]);
    assert.equal(g.code, 0, g.stderr);
    assert.ok(!existsSync(path.join(at, 'v1.1.0.partial')), 'go removed the .partial marker after re-extracting');
    const fresh = await goIn(sb, sb.dir, ['mod', 'download', `${A11.path}@${A11.version}`]);
    assert.equal(fresh.code, 0);
    // Our leftover .tmp file is for the go command to clean on its next locked download of the zip; we still list it.
    const after = await inspectCaches(cacheEnv(sb));
    const left = after.findings.filter((f) => f.code === 'cache.partial-download');
    assert.ok(left.every((f) => (f.evidence as { paths: string[] }).paths.every((p) => p.endsWith('.tmp'))), JSON.stringify(left));
    removeAll(path.join(at, 'v1.1.0.zip123456.tmp'));
  });

  it('declined confirmation changes nothing (clean and prune)', async () => {
    const before = snapshot(sb.modcache);
    const plan = await planClean('modcache', cacheEnv(sb));
    assert.ok(plan.bytes > 0 && plan.files > 0 && plan.complete);
    let asked = 0;
    const r = await clean(plan, { confirm: (p) => (asked++, assert.equal(p, plan), false), baseEnv: sb.env });
    assert.equal(r.status, 'declined');
    assert.equal(asked, 1);
    const pp = await planPrune(sb.modcache, [ws]);
    const pr = await prune(pp, { confirm: async () => false });
    assert.equal(pr.status, 'declined');
    // A confirmation that throws counts as "no"; a cancel before the start changes nothing either.
    assert.equal((await clean(plan, { confirm: () => { throw new Error('dialog closed'); } })).status, 'declined');
    const ac = new AbortController();
    ac.abort();
    assert.equal((await clean(plan, { confirm: () => true, signal: ac.signal, baseEnv: sb.env })).status, 'cancelled');
    assert.equal((await prune(pp, { confirm: () => true, signal: ac.signal })).status, 'cancelled');
    assert.deepEqual(snapshot(sb.modcache), before);
  });

  it('prune keeps exactly the referenced versions (dry-run list first, sizes per version)', async () => {
    const plan = await planPrune(sb.modcache, [ws]);
    assert.deepEqual(plan.items.map((i) => `${i.module}@${i.version}`).sort(), ['example.com/a@v1.1.0', 'example.com/c@v0.1.0']);
    assert.equal(plan.kept, 2);
    assert.ok(plan.items.every((i) => i.bytes > 0 && i.readOnly), JSON.stringify(plan.items));
    assert.equal(plan.bytes, plan.items.reduce((n, i) => n + i.bytes, 0));
    assert.deepEqual(plan.references.files.map((f) => path.relative(ws, f)).sort(), ['app/go.mod', 'app/go.sum']);
    const r = await prune(plan, { confirm: () => true });
    assert.equal(r.status, 'done', JSON.stringify(r.failures));
    assert.equal(r.freedBytes, plan.bytes);
    const layout = await readModcacheLayout(sb.modcache);
    assert.deepEqual([...layout.versions.keys()].sort(), ['example.com/BigCo/b@v1.0.0', 'example.com/a@v1.0.0']);
    assert.ok(!existsSync(path.join(sb.modcache, 'cache', 'download', 'example.com', 'c')), 'a module with no version left is gone');
    assert.ok(!existsSync(path.join(sb.modcache, 'example.com', 'c@v0.1.0')));
    // The go command still finds everything the workspace needs, offline, and the cache verifies.
    const offline = await goIn(sb, app, ['list', '-deps', './...'], { GOPROXY: 'off' });
    assert.equal(offline.code, 0, offline.stderr);
    const verify = await goIn(sb, app, ['mod', 'verify'], { GOPROXY: 'off' });
    assert.equal(verify.code, 0, verify.stdout + verify.stderr);
    // And the pruned versions are really gone for go too.
    const gone = await goIn(sb, sb.dir, ['mod', 'download', `${C1.path}@${C1.version}`], { GOPROXY: 'off' });
    assert.notEqual(gone.code, 0);
    assert.equal(explainGoError(gone.stderr).findings[0]?.code, 'env.goproxy-off');
    await fill(sb, app); // back to four versions for the next tests
  });

  it('gomod-doctor cache prune prints the plan and removes nothing without --yes', async () => {
    const before = snapshot(sb.modcache);
    const out: string[] = [];
    const io = { out: (s: string) => out.push(s), err: (s: string) => out.push(s), env: sb.env, cwd: ws };
    assert.equal(await runCacheCommand(['prune'], io), 0);
    const text = out.join('');
    assert.match(text, /Would remove 2 module versions/);
    assert.match(text, /example\.com\/a@v1\.1\.0 /);
    assert.match(text, /example\.com\/c@v0\.1\.0 /);
    assert.match(text, /Nothing was removed/);
    out.length = 0;
    assert.equal(await runCacheCommand(['inspect', '--json'], io), 0);
    const j = JSON.parse(out.join('')) as { targets: Array<{ kind: string; path: string }>; findings: Array<{ code: string }> };
    assert.equal(j.targets[0].path, sb.modcache);
    assert.ok(j.findings.some((f) => f.code === 'cache.readonly-tree'));
    assert.deepEqual(snapshot(sb.modcache), before);
  });

  it('clears one corrupted module version so the go command downloads it again', async () => {
    const file = path.join(sb.modcache, 'example.com', 'a@v1.0.0', 'a.go');
    chmodSync(path.dirname(file), 0o755);
    chmodSync(file, 0o644);
    writeFileSync(file, 'package a // tampered\n');
    const bad = await goIn(sb, app, ['mod', 'verify'], { GOPROXY: 'off' });
    assert.notEqual(bad.code, 0, 'go mod verify notices the change');
    const plan = await planClearVersion(sb.modcache, 'example.com/a', 'v1.0.0');
    assert.equal(plan.items.length, 1);
    assert.ok(plan.items[0].paths.some((p) => p.endsWith('a@v1.0.0')) && plan.items[0].paths.some((p) => p.endsWith('v1.0.0.zip')));
    const r = await clearVersion(plan, { confirm: () => true });
    assert.equal(r.status, 'done', JSON.stringify(r.failures));
    assert.ok(existsSync(path.join(sb.modcache, 'example.com', 'a@v1.1.0')), 'other versions stay');
    const again = await goIn(sb, app, ['mod', 'download']);
    assert.equal(again.code, 0, again.stderr);
    const good = await goIn(sb, app, ['mod', 'verify'], { GOPROXY: 'off' });
    assert.equal(good.code, 0, good.stdout + good.stderr);
  });

  it('cleans the module cache with go clean -modcache after confirmation and reports what was freed', async () => {
    const mc = path.join(sb.dir, 'mc-clean');
    await fill(sb, app, mc);
    const plan = await planClean('modcache', cacheEnv(sb, mc));
    assert.deepEqual(plan.command, ['clean', '-modcache']);
    const progress: number[] = [];
    const r = await clean(plan, { confirm: () => true, baseEnv: sb.env, onProgress: (p) => progress.push(p.fraction), pollMs: 20 });
    assert.equal(r.status, 'done', JSON.stringify(r));
    assert.equal(r.go?.code, 0);
    assert.equal(r.fallback, false);
    assert.ok(!existsSync(mc));
    assert.equal(r.freedBytes, plan.bytes);
    assert.ok(progress.length > 0 && progress[progress.length - 1] === 1, JSON.stringify(progress));
  });

  it('removes a read-only tree itself when the go command is not there', async () => {
    const mc = path.join(sb.dir, 'mc-fallback');
    await fill(sb, app, mc);
    const plan = await planClean('modcache', cacheEnv(sb, mc));
    const r = await clean(plan, { confirm: () => true, baseEnv: sb.env, goPath: path.join(sb.dir, 'no-such-go') });
    assert.equal(r.fallback, true);
    assert.equal(r.status, 'done', JSON.stringify(r.failures));
    assert.ok(!existsSync(mc));
  });

  it('cleans the build cache with go clean -cache', async () => {
    const gc = path.join(sb.dir, 'gocache-clean');
    for (const d of ['00', '3f', 'ff']) {
      mkdirSync(path.join(gc, d), { recursive: true });
      writeFileSync(path.join(gc, d, `${d}0123456789abcdef-a`), 'x'.repeat(10_000));
    }
    writeFileSync(path.join(gc, 'README'), 'This directory holds cached build artifacts from the Go build system.\n');
    const plan = await planClean('buildcache', { GOCACHE: gc });
    const r = await clean(plan, { confirm: () => true, baseEnv: sb.env });
    assert.equal(r.go?.code, 0, r.go?.stderr);
    assert.equal(r.status, 'done');
    const left = await walkTree(gc);
    assert.ok(left.files <= 2, `left ${left.files} files`);
    assert.ok(r.freedBytes >= 30_000, String(r.freedBytes));
  });

  it('removes read-only module trees as an ordinary user (prune restores permissions first)', async function () {
    // As root every unlink succeeds, so the permission handling is only tested by running as another user.
    const user = isRoot ? NOBODY : undefined;
    const own = path.join(sb.dir, 'own');
    mkdirSync(own, { recursive: true });
    const mc = path.join(own, 'mod');
    const home = path.join(own, 'home');
    mkdirSync(home);
    const ownWs = path.join(own, 'ws');
    const ownApp = writeMainModule(ownWs, 'app', [A1]);
    if (user !== undefined) spawnSync('chown', ['-R', `${user}:${user}`, own]);
    const env = { ...sb.env, HOME: home, GOMODCACHE: mc, GOCACHE: path.join(own, 'gocache') };
    const asUser = { env, uid: user, gid: user, encoding: 'utf8' as const, timeout: 60_000 };
    let r = spawnSync('go', ['mod', 'download', `${A11.path}@${A11.version}`, `${C1.path}@${C1.version}`, `${A1.path}@${A1.version}`], { ...asUser, cwd: own });
    assert.equal(r.status, 0, r.stderr);
    // An ordinary rm cannot delete the tree: the go command left its directories read-only.
    const copy = path.join(own, 'probe-copy');
    spawnSync('cp', ['-a', path.join(mc, 'example.com', 'c@v0.1.0'), copy], asUser);
    r = spawnSync('rm', ['-rf', copy], asUser);
    assert.notEqual(r.status, 0, 'rm -rf of a read-only module tree fails for its owner');
    spawnSync('chmod', ['-R', 'u+w', copy], asUser);
    spawnSync('rm', ['-rf', copy], asUser);
    const cacheIndex = path.join(__dirname, '..', '..', '..', 'src', 'core', 'cache', 'index.js');
    const script = `const c = require(${JSON.stringify(cacheIndex)});
      c.planPrune(${JSON.stringify(mc)}, [${JSON.stringify(ownWs)}]).then((p) => c.prune(p, { confirm: () => true }))
        .then((r) => { console.log(JSON.stringify(r)); process.exit(r.status === 'done' ? 0 : 1); });`;
    r = spawnSync(process.execPath, ['-e', script], { ...asUser, cwd: own });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    const result = JSON.parse(r.stdout) as { removed: Array<{ module: string; version: string }> };
    assert.deepEqual(result.removed.map((x) => `${x.module}@${x.version}`).sort(), ['example.com/a@v1.1.0', 'example.com/c@v0.1.0']);
    assert.ok(!existsSync(path.join(mc, 'example.com', 'c@v0.1.0')));
    assert.ok(existsSync(path.join(mc, 'example.com', 'a@v1.0.0')));
    void ownApp;
    if (user !== undefined) chownSync(own, process.getuid!(), process.getgid!());
  });

  describe('unwritable and full file systems', () => {
    const mountable = canMountTmpfs();
    const mounts: string[] = [];
    afterEach(() => {
      while (mounts.length) umount(mounts.pop()!);
    });

    it('finds an unwritable module cache, and the go command fails the same way', async () => {
      const base = path.join(sb.dir, 'ro');
      if (mountable) {
        assert.ok(mountTmpfs(base, 'ro,size=1m'));
        mounts.push(base);
      } else if (!isRoot) {
        mkdirSync(base, { recursive: true });
        chmodSync(base, 0o555);
      } else {
        return; // root without mount: nothing is unwritable for us
      }
      const mc = path.join(base, 'mod');
      const r = await inspectCaches(cacheEnv(sb, mc));
      const f = r.findings.find((x) => x.code === 'cache.not-writable');
      assert.ok(f, JSON.stringify(r.findings.map((x) => x.code)));
      assert.match(String((r.targets[0].writeError ?? '')), mountable ? /EROFS/ : /EACCES/);
      const g = await goIn(sb, sb.dir, ['mod', 'download', `${A1.path}@${A1.version}`], { GOMODCACHE: mc });
      assert.notEqual(g.code, 0);
      assert.equal(explainGoError(g.stderr).findings[0]?.code, 'cache.not-writable', g.stderr);
      if (!mountable) chmodSync(base, 0o755);
    });

    it('finds a full disk (tmpfs when it can be mounted, else a size-limited check), and the go command agrees', async () => {
      if (mountable) {
        const base = path.join(sb.dir, 'full');
        assert.ok(mountTmpfs(base, 'size=256k'));
        mounts.push(base);
        mkdirSync(path.join(base, 'mod'));
        // Fill it: whatever remains is smaller than one module zip.
        spawnSync('dd', ['if=/dev/zero', `of=${path.join(base, 'fill')}`, 'bs=4k', 'count=1000'], { stdio: 'ignore' });
        const r = await inspectCaches(cacheEnv(sb, path.join(base, 'mod')));
        const f = r.findings.find((x) => x.code === 'cache.disk-full');
        assert.ok(f, JSON.stringify(r.findings.map((x) => x.code)));
        assert.equal(f.severity, 'error');
        const g = await goIn(sb, sb.dir, ['mod', 'download', `${A1.path}@${A1.version}`], { GOMODCACHE: path.join(base, 'mod') });
        assert.notEqual(g.code, 0);
        assert.equal(explainGoError(g.stderr).findings[0]?.code, 'cache.disk-full', g.stderr);
      } else {
        const free = (await inspectCaches(cacheEnv(sb))).targets[0].freeBytes!;
        const low = await inspectCaches(cacheEnv(sb), { lowSpaceBytes: free * 2, fullSpaceBytes: 1 });
        assert.ok(low.findings.some((x) => x.code === 'cache.disk-low'));
        const full = await inspectCaches(cacheEnv(sb), { fullSpaceBytes: free * 2 });
        assert.ok(full.findings.some((x) => x.code === 'cache.disk-full'));
      }
    });
  });

  it('reads nothing outside the budget: a zero budget gives an incomplete but honest answer', async () => {
    const r = await inspectCaches(cacheEnv(sb), { budgetMs: 0 });
    assert.equal(r.modcache?.complete, false);
    assert.ok(r.findings.some((f) => f.code === 'cache.scan-incomplete'));
    assert.ok(readFileSync(path.join(app, 'go.mod'), 'utf8').includes('example.com/a'));
  });
});

// The cache doctor's parts without the go command: /proc parsers, the module cache layout on a synthetic tree,
// the bounded walk, removal of read-only trees, workspace references, and the target checks of inspectCaches.
import * as assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  collectReferences,
  devString,
  formatBytes,
  inspectCaches,
  isNetworkFs,
  mountFor,
  parseDownloadName,
  parseMountInfo,
  parseProcLocks,
  readModcacheLayout,
  removeTrees,
  walkTree,
} from '../../../src/core/cache';
import { setLanguage } from '../../../src/core/i18n';

function tree(root: string, files: Record<string, string>): void {
  for (const [rel, data] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), data);
  }
}

function unlock(p: string): void {
  try {
    chmodSync(p, 0o755);
  } catch {
    return;
  }
}

describe('cache: /proc parsers', () => {
  it('reads holders from /proc/locks and skips waiters and OFD locks', () => {
    const text = [
      '1: FLOCK  ADVISORY  WRITE 2439 fe:00:9978387 0 EOF',
      '1: -> FLOCK  ADVISORY  WRITE 2500 fe:00:9978387 0 EOF',
      '2: OFDLCK ADVISORY  READ  -1 00:2d:12 0 EOF',
      '3: POSIX  ADVISORY  WRITE 77 103:01:5 0 EOF',
      'garbage',
    ].join('\n');
    assert.deepEqual(parseProcLocks(text), [
      { kind: 'FLOCK', pid: 2439, dev: 'fe:00', inode: 9978387n },
      { kind: 'POSIX', pid: 77, dev: '103:01', inode: 5n },
    ]);
  });

  it('encodes st_dev the way /proc/locks prints it', () => {
    assert.equal(devString(65024n), 'fe:00');
    assert.equal(devString((259n << 8n) | 1n), '103:01');
    // Large minor numbers use the high bits (new_encode_dev).
    assert.equal(devString(((0x12345n & ~0xffn) << 12n) | (8n << 8n) | (0x12345n & 0xffn)), '08:12345');
  });

  it('finds the mount of a path and tells network file systems', () => {
    const info = [
      '22 1 0:21 / / rw - ext4 /dev/vda rw',
      '30 22 0:50 / /home/dev/net\\040share rw - nfs4 server:/export rw',
      '31 22 0:51 / /mnt/c rw - 9p drvfs rw',
      '32 22 0:52 / /home rw - xfs /dev/vdb rw',
    ].join('\n');
    const mounts = parseMountInfo(info);
    assert.equal(mounts[1].mountPoint, '/home/dev/net share');
    assert.equal(mountFor('/home/dev/net share/go/pkg/mod', mounts)?.fsType, 'nfs4');
    assert.equal(mountFor('/home/dev/go', mounts)?.fsType, 'xfs');
    assert.equal(mountFor('/homestead', mounts)?.fsType, 'ext4');
    for (const t of ['nfs', 'nfs4', 'cifs', 'smb3', 'fuse.sshfs', '9p']) assert.equal(isNetworkFs(t), true, t);
    for (const t of ['ext4', 'xfs', 'btrfs', 'tmpfs', 'overlay', 'apfs']) assert.equal(isNetworkFs(t), false, t);
  });
});

describe('cache: module cache layout', () => {
  let root: string;
  before(() => {
    setLanguage('en');
    root = mkdtempSync(path.join(tmpdir(), 'gmd-unit-layout-'));
    const dl = 'cache/download/example.com/!big!co/b/@v/';
    tree(root, {
      'example.com/!big!co/b@v1.0.0/go.mod': 'module example.com/BigCo/b\n',
      [dl + 'list']: 'v1.0.0\n',
      [dl + 'v1.0.0.info']: '{}',
      [dl + 'v1.0.0.mod']: 'module example.com/BigCo/b\n',
      [dl + 'v1.0.0.zip']: 'zip',
      [dl + 'v1.0.0.ziphash']: 'h1:x',
      [dl + 'v1.0.0.lock']: '',
      // Extracted without its .ziphash and with a .partial marker: interrupted.
      'example.com/x@v2.0.0/x.go': 'package x\n',
      'cache/download/example.com/x/@v/v2.0.0.partial': '',
      'cache/download/example.com/x/@v/v2.0.0.zip': 'zip',
      // A download cut off mid-way, and an old-style temporary extraction directory.
      'cache/download/example.com/y/@v/v1.0.0.zip987654.tmp': 'half',
      'example.com/y@v1.0.0.tmp-123/y.go': 'package y\n',
      // Cached checksum-database tiles are not module versions.
      'cache/download/sumdb/sum.golang.org/lookup/example.com/b@v1.0.0': 'x',
      'cache/vcs/0123abcd.lock': '',
    });
    chmodSync(path.join(root, 'example.com/!big!co/b@v1.0.0'), 0o555);
  });
  after(() => {
    unlock(path.join(root, 'example.com/!big!co/b@v1.0.0'));
    rmSync(root, { recursive: true, force: true });
  });

  it('names download files', () => {
    assert.deepEqual(parseDownloadName('v1.2.3.zip'), { escVersion: 'v1.2.3', ext: 'zip', partial: false });
    assert.deepEqual(parseDownloadName('v1.2.3-!r!c1.partial'), { escVersion: 'v1.2.3-!r!c1', ext: 'partial', partial: true });
    assert.deepEqual(parseDownloadName('v1.2.3.zip123456.tmp'), { escVersion: 'v1.2.3', ext: 'zip', partial: true });
    assert.equal(parseDownloadName('list'), undefined);
    assert.equal(parseDownloadName('list.lock'), undefined);
  });

  it('lists versions with decoded paths, read-only trees, partials and lock files', async () => {
    const l = await readModcacheLayout(root);
    assert.ok(l.complete);
    assert.deepEqual([...l.versions.keys()].sort(), ['example.com/BigCo/b@v1.0.0', 'example.com/x@v2.0.0', 'example.com/y@v1.0.0']);
    const b = l.versions.get('example.com/BigCo/b@v1.0.0')!;
    assert.equal(b.extractedReadOnly, true);
    assert.equal(b.downloadFiles.length, 5);
    assert.deepEqual(b.partials, []);
    const x = l.versions.get('example.com/x@v2.0.0')!;
    assert.ok(x.partials.some((p) => p.endsWith('v2.0.0.partial')) && x.partials.includes(x.extractedDir!));
    const y = l.versions.get('example.com/y@v1.0.0')!;
    assert.equal(y.extractedDir, undefined);
    assert.equal(y.partials.length, 2);
    assert.deepEqual(l.modules.get('example.com/BigCo/b')!.otherFiles.map((f) => path.basename(f)), ['list']);
    assert.ok(l.lockFiles.some((f) => f.endsWith('v1.0.0.lock')) && l.lockFiles.some((f) => f.endsWith('0123abcd.lock')));
  });

  it('walks within a budget, and stops when cancelled', async () => {
    const full = await walkTree(root);
    assert.equal(full.complete, true);
    assert.ok(full.files >= 14 && full.bytes > 0);
    const none = await walkTree(root, { budgetMs: 0 });
    assert.equal(none.complete, false);
    const ac = new AbortController();
    ac.abort();
    const cancelled = await walkTree(root, { signal: ac.signal });
    assert.equal(cancelled.cancelled, true);
    const missing = await walkTree(path.join(root, 'nope'));
    assert.equal(missing.missing, true);
  });
});

describe('cache: removal and references', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'gmd-unit-rm-'));
  });
  afterEach(() => {
    for (const p of [root, path.join(root, 'm@v1'), path.join(root, 'm@v1', 'sub')]) unlock(p);
    rmSync(root, { recursive: true, force: true });
  });

  it('removes a tree whose directories are read-only, counting what it frees', async () => {
    tree(root, { 'm@v1/a.go': 'package a\n', 'm@v1/sub/b.go': 'package b\n', 'keep.txt': 'x' });
    chmodSync(path.join(root, 'm@v1', 'sub'), 0o555);
    chmodSync(path.join(root, 'm@v1'), 0o555);
    const progress: number[] = [];
    const r = await removeTrees([path.join(root, 'm@v1')], { onProgress: (p) => progress.push(p.removedFiles), progressIntervalMs: 0 });
    assert.deepEqual(r.failures, []);
    assert.equal(r.removedFiles, 2);
    assert.ok(r.removedBytes > 0);
    assert.ok(progress.length >= 1);
    assert.equal((await walkTree(root)).files, 1);
  });

  it('collects every module version a workspace mentions (go.mod, go.sum, go.work, go.work.sum), not vendor/', () => {
    tree(root, {
      'app/go.mod': 'module example.com/app\n\ngo 1.21\n\nrequire (\n\texample.com/a v1.0.0\n\texample.com/BigCo/b v1.2.0 // indirect\n)\n\nreplace example.com/old v1.0.0 => example.com/new v2.0.0+incompatible\nreplace example.com/local => ../local\n',
      'app/go.sum': 'example.com/a v1.0.0 h1:x=\nexample.com/a v1.0.0/go.mod h1:y=\nexample.com/c v0.1.0/go.mod h1:z=\n',
      'go.work': 'go 1.21\n\nuse ./app\n\nreplace example.com/w v1.0.0 => example.com/w2 v1.1.0\n',
      'go.work.sum': 'example.com/ws v0.2.0 h1:q=\n',
      'app/vendor/example.com/v/go.mod': 'module example.com/v\n\nrequire example.com/vendored v9.9.9\n',
    });
    const refs = collectReferences([root]);
    assert.deepEqual([...refs.keys].sort(), [
      'example.com/BigCo/b@v1.2.0',
      'example.com/a@v1.0.0',
      'example.com/c@v0.1.0',
      'example.com/new@v2.0.0+incompatible',
      'example.com/old@v1.0.0',
      'example.com/w2@v1.1.0',
      'example.com/w@v1.0.0',
      'example.com/ws@v0.2.0',
    ]);
    assert.equal(refs.files.length, 4);
  });
});

describe('cache: target checks', () => {
  let root: string;
  before(() => {
    setLanguage('en');
    root = mkdtempSync(path.join(tmpdir(), 'gmd-unit-inspect-'));
    writeFileSync(path.join(root, 'file'), 'x');
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('reports a file in the way, a relative path, a cache not created yet, and GOCACHE=off', async () => {
    const r = await inspectCaches({ GOMODCACHE: path.join(root, 'file'), GOCACHE: 'off' });
    assert.deepEqual(r.findings.map((f) => f.code), ['cache.not-directory', 'cache.gocache-off']);
    const rel = await inspectCaches({ GOMODCACHE: 'relative/mod', GOCACHE: path.join(root, 'gocache') });
    assert.deepEqual(rel.findings.filter((f) => f.severity === 'error').map((f) => [f.code, f.variable]), [['env.path-relative', 'GOMODCACHE']]);
    assert.ok(rel.findings.some((f) => f.code === 'cache.missing' && f.variable === 'GOCACHE'));
    const none = await inspectCaches({ GOMODCACHE: '', GOCACHE: path.join(root, 'gc') });
    assert.equal(none.findings[0].code, 'cache.not-configured');
  });

  it('formats sizes', () => {
    assert.deepEqual([0, 2048, 5 * 1024 * 1024, 3 * 1024 ** 3].map(formatBytes), ['0 B', '2.0 KiB', '5.0 MiB', '3.0 GiB']);
  });
});

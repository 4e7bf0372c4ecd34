import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkGo, resolveGoBinary, GoTooOldError } from '../../../src/core/gocmd/find';
import { GoNotFoundError } from '../../../src/core/gocmd/run';

function fakeGo(dir: string, name = 'go', version = 'go1.26.8'): string {
  mkdirSync(dir, { recursive: true });
  const p = join(dir, name);
  writeFileSync(p, `#!/bin/sh\nif [ "$1" = env ]; then echo ${version}; else echo "go version ${version} linux/amd64"; fi\n`);
  chmodSync(p, 0o755);
  return p;
}

describe('gocmd/find: locating go', function () {
  if (process.platform === 'win32') return;
  let dir = '';
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'gmd-find-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('explicit path first, then go.alternateTools.go, then GOBIN, go.goroot/bin, PATH', () => {
    const onPath = fakeGo(join(dir, 'path'));
    const inRoot = fakeGo(join(dir, 'root', 'bin'));
    const alt = fakeGo(join(dir, 'alt'), 'go1.22');
    const env = { PATH: join(dir, 'path') + ':' + join(dir, 'alt') };
    assert.deepEqual(resolveGoBinary({ explicit: '/x/go', env }), { path: '/x/go', source: 'explicit' });
    assert.deepEqual(resolveGoBinary({ alternateTools: { go: alt }, goroot: join(dir, 'root'), env }), { path: alt, source: 'alternateTools' });
    assert.deepEqual(resolveGoBinary({ alternateTools: { go: 'go1.22' }, env }), { path: alt, source: 'alternateTools' });
    assert.deepEqual(resolveGoBinary({ goroot: join(dir, 'root'), env }), { path: inRoot, source: 'goroot' });
    assert.deepEqual(resolveGoBinary({ env }), { path: onPath, source: 'path' });
    assert.deepEqual(resolveGoBinary({ env: { ...env, GOBIN: join(dir, 'root', 'bin') } }), { path: inRoot, source: 'gobin' });
  });

  it('reports a missing go and a too-old go clearly', async () => {
    await assert.rejects(checkGo(join(dir, 'nope', 'go')), GoNotFoundError);
    const old = fakeGo(join(dir, 'old'), 'go', 'go1.18.10');
    await assert.rejects(checkGo(old), (e: unknown) => e instanceof GoTooOldError && /1\.18\.10.*too old.*1\.21/.test((e as Error).message));
    assert.equal((await checkGo(fakeGo(join(dir, 'new')))).version, '1.26.8');
  });
});

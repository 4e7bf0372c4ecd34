import assert from 'node:assert/strict';
import { parseEnvFile } from '../../../src/core/goenv/envfile';
import { gorootForGoEnv, resolveEnv, type EnvSnapshot } from '../../../src/core/goenv/resolve';

function snap(p: Partial<EnvSnapshot> & { envText?: string; rootText?: string } = {}): EnvSnapshot {
  return {
    platform: 'linux',
    process: p.process ?? { HOME: '/home/u' },
    editor: p.editor,
    envFile: { path: '/home/u/.config/go/env', text: p.envText },
    gorootEnv: { dir: '/usr/local/go', text: p.rootText ?? 'GOPROXY=https://proxy.golang.org,direct\nGOSUMDB=sum.golang.org\nGOTOOLCHAIN=auto\n' },
    exeGoroot: '/usr/local/go',
    workSearch: p.workSearch ?? [{ dir: '/w', hasGoWork: false }, { dir: '/', hasGoWork: false }],
  };
}

describe('goenv/envfile: parsing', () => {
  it('reads KEY=VALUE lines as cmd/go does', () => {
    const p = parseEnvFile('# c\nGOPROXY=a\n GOFLAGS=x\ngoproxy=b\nNOEQ\nGOPROXY=b=c\r\n=x\nGOSUMDB=\n');
    assert.deepEqual([...p.values], [['GOPROXY', 'b=c\r'], ['GOSUMDB', '']]);
    assert.deepEqual(p.lines.map((l) => l.line), [1, 5, 7]);
  });
});

describe('goenv/resolve: layers and precedence', () => {
  it('process beats env file beats go.env beats default; lower values are listed as shadowed', () => {
    const e = resolveEnv(snap({ process: { HOME: '/home/u', GOPROXY: 'https://p.example' }, envText: 'GOPROXY=https://f.example\n' }));
    const v = e.get('GOPROXY')!;
    assert.equal(v.value, 'https://p.example');
    assert.equal(v.layer, 'process');
    assert.deepEqual(v.shadowed, [
      { layer: 'envfile', value: 'https://f.example' },
      { layer: 'goroot', value: 'https://proxy.golang.org,direct' },
    ]);
  });

  it('an empty OS value counts as unset and is listed as ignored', () => {
    const v = resolveEnv(snap({ process: { HOME: '/h', GOPROXY: '' }, envText: 'GOPROXY=https://f.example\n' })).get('GOPROXY')!;
    assert.equal(v.value, 'https://f.example');
    assert.equal(v.layer, 'envfile');
    assert.deepEqual(v.ignored, [{ layer: 'process', value: '' }]);
    assert.ok(v.notes.includes('empty-is-unset'));
  });

  it('an empty env-file entry hides go.env and leaves the built-in default', () => {
    const e = resolveEnv(snap({ envText: 'GOPROXY=\nGOAUTH=\n', rootText: 'GOPROXY=https://proxy.golang.org,direct\nGOAUTH=off\n' }));
    assert.equal(e.get('GOPROXY')!.value, '');
    assert.equal(e.get('GOPROXY')!.layer, 'default');
    assert.ok(e.get('GOPROXY')!.notes.includes('empty-envfile-masks-goroot'));
    assert.equal(e.get('GOAUTH')!.value, 'netrc');
  });

  it('the editor value replaces the process value for the tools it starts, even when empty', () => {
    const e = resolveEnv(snap({ process: { HOME: '/h', GOPROXY: 'https://p.example' }, editor: { GOPROXY: '' }, envText: 'GOPROXY=https://f.example\n' }));
    const v = e.get('GOPROXY')!;
    assert.equal(v.value, 'https://f.example');
    assert.deepEqual(v.shadowed[0], { layer: 'process', value: 'https://p.example' });
    const w = resolveEnv(snap({ process: { HOME: '/h', GOPROXY: 'https://p.example' }, editor: { GOPROXY: 'https://e.example' } })).get('GOPROXY')!;
    assert.equal(w.layer, 'editor');
  });

  it('GONOPROXY and GONOSUMDB inherit GOPRIVATE, with its layer', () => {
    const e = resolveEnv(snap({ envText: 'GOPRIVATE=corp.example\n', process: { HOME: '/h', GONOSUMDB: 'x.example' } }));
    assert.deepEqual([e.get('GONOPROXY')!.value, e.get('GONOPROXY')!.layer, e.get('GONOPROXY')!.from], ['corp.example', 'envfile', 'GOPRIVATE']);
    assert.equal(e.get('GONOSUMDB')!.value, 'x.example');
  });

  it('derives GOPATH, GOMODCACHE, GOCACHE and GOENV defaults from HOME and XDG', () => {
    const e = resolveEnv(snap({ process: { HOME: '/home/u', XDG_CACHE_HOME: '/xdg/cache', GOPATH: '/a:/b' } }));
    assert.equal(e.get('GOMODCACHE')!.value, '/a/pkg/mod');
    assert.equal(e.get('GOCACHE')!.value, '/xdg/cache/go-build');
    assert.equal(e.get('GOENV')!.value, '/home/u/.config/go/env');
    const noHome = resolveEnv(snap({ process: {} }));
    assert.deepEqual([noHome.get('GOPATH')!.value, noHome.get('GOCACHE')!.value, noHome.get('GOENV')!.value], ['', 'off', '']);
  });

  it('a relative GOCACHE turns the cache off; GOENV=off reads no file', () => {
    const e = resolveEnv(snap({ process: { HOME: '/h', GOCACHE: 'rel', GOENV: 'off' } }));
    assert.equal(e.get('GOCACHE')!.value, 'off');
    assert.ok(e.get('GOCACHE')!.notes.includes('gocache-relative'));
    assert.equal(e.get('GOENV')!.value, '');
  });

  it('OS-only variables ignore the env file; HTTPS_PROXY falls back to https_proxy', () => {
    const e = resolveEnv(snap({ process: { HOME: '/h', https_proxy: 'http://lower:3128', HTTP_PROXY: '' }, envText: 'HTTPS_PROXY=http://file:1\n' }));
    const v = e.get('HTTPS_PROXY')!;
    assert.deepEqual([v.value, v.from, v.layer], ['http://lower:3128', 'https_proxy', 'process']);
    assert.deepEqual(v.ignored, [{ layer: 'envfile', value: 'http://file:1' }]);
    assert.deepEqual([e.get('GIT_TERMINAL_PROMPT')!.value, e.get('GIT_TERMINAL_PROMPT')!.notes], ['', ['os-only', 'set-by-go-for-git']]);
  });

  it('GOROOT: the OS value as given, else the env file value cleaned, else the binary location', () => {
    assert.equal(resolveEnv(snap({ process: { HOME: '/h', GOROOT: '/opt/go/' } })).get('GOROOT')!.value, '/opt/go/');
    assert.equal(resolveEnv(snap({ envText: 'GOROOT=/opt/go//\n' })).get('GOROOT')!.value, '/opt/go');
    assert.equal(resolveEnv(snap()).get('GOROOT')!.value, '/usr/local/go');
    assert.equal(gorootForGoEnv({ GOROOT: '/os/go' }, 'GOROOT=/file/go/\n', '/exe', 'linux'), '/file/go');
    assert.equal(gorootForGoEnv({ GOROOT: '/os/go/' }, undefined, '/exe', 'linux'), '/os/go');
  });

  it('GOWORK: off, auto search from cwd (not crossing GOROOT), explicit path', () => {
    const chain = [{ dir: '/w/a/b', hasGoWork: false }, { dir: '/w/a', hasGoWork: true }, { dir: '/w', hasGoWork: false }, { dir: '/', hasGoWork: false }];
    assert.equal(resolveEnv(snap({ workSearch: chain })).get('GOWORK')!.value, '/w/a/go.work');
    assert.equal(resolveEnv(snap({ workSearch: chain, process: { HOME: '/h', GOWORK: 'off' } })).get('GOWORK')!.value, 'off');
    assert.equal(resolveEnv(snap({ workSearch: chain, process: { HOME: '/h', GOWORK: 'auto' } })).get('GOWORK')!.value, '/w/a/go.work');
    const inRoot = [{ dir: '/usr/local/go/src', hasGoWork: false }, { dir: '/usr/local/go', hasGoWork: true }];
    assert.equal(resolveEnv(snap({ workSearch: inRoot })).get('GOWORK')!.value, '');
  });
});

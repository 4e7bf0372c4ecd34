import assert from 'node:assert/strict';
import { route, simulateDownload, simulateFetch, simulateSumdb, walkSources, type RouteEnv } from '../../../src/core/goenv/route';

const base: RouteEnv = { GOPROXY: 'https://proxy.golang.org,direct', GONOPROXY: '', GONOSUMDB: '', GOSUMDB: 'sum.golang.org' };

describe('goenv/route', () => {
  it('lists proxies then direct, each with the rule for moving on', () => {
    const r = route('golang.org/x/text', base, 'linux');
    assert.deepEqual(r.sources.map((s) => [s.kind, s.host, s.fallback]), [
      ['proxy', 'proxy.golang.org', 'not-found'],
      ['direct', 'golang.org', 'not-found'],
    ]);
    assert.ok(r.sumdb.consulted && r.sumdb.probes[0].supportedUrl === 'https://proxy.golang.org/sumdb/sum.golang.org/supported');
  });

  it('GONOPROXY paths go direct first and again at a later direct entry; proxies and off are skipped', () => {
    const r = route('corp.test/x', { ...base, GOPROXY: 'https://a.example|off', GONOPROXY: 'corp.test' }, 'linux');
    assert.deepEqual(r.sources.map((s) => s.kind), ['direct']);
    assert.equal(r.sources[0].via?.pattern, 'corp.test');
    const again = route('corp.test/x', { ...base, GOPROXY: 'https://a.example,direct', GONOPROXY: 'corp.test' }, 'linux');
    assert.deepEqual(again.sources.map((s) => s.kind), ['direct', 'direct']);
  });

  it('marks a repeated proxy URL as answered from cache', () => {
    const r = route('m.example/a', { ...base, GOPROXY: 'https://a.example|https://a.example,https://a.example/' }, 'linux');
    assert.deepEqual(r.sources.map((s) => !!s.repeat), [false, true, false]);
  });

  it('GONOSUMDB and GOSUMDB=off skip the database, except for golang.org/toolchain', () => {
    assert.deepEqual(route('corp.test/x', { ...base, GONOSUMDB: 'corp.test' }, 'linux').sumdb, { consulted: false, reason: 'gonosumdb', pattern: 'corp.test' });
    assert.equal(route('m.example/a', { ...base, GOSUMDB: 'off' }, 'linux').sumdb.consulted, false);
    const tc = route('golang.org/toolchain', { ...base, GOSUMDB: 'off' }, 'linux').sumdb;
    assert.ok(tc.consulted && tc.error === 'checksum database disabled by GOSUMDB=off');
  });

  it('an explicit GOSUMDB URL bypasses the proxies', () => {
    const r = route('m.example/a', { ...base, GOSUMDB: 'sum.golang.google.cn' }, 'linux');
    assert.ok(r.sumdb.consulted && r.sumdb.explicitUrl === 'https://sum.golang.google.cn' && r.sumdb.probes.length === 0);
  });

  it('a bad GOPROXY fails every lookup and the database', () => {
    const r = route('m.example/a', { ...base, GOPROXY: 'ftp://x' }, 'linux');
    assert.match(r.error!, /invalid proxy URL scheme/);
    assert.ok(r.sumdb.consulted && r.sumdb.error);
  });

  it('-mod=vendor in GOFLAGS disables lookups', () => {
    assert.equal(route('m.example/a', { ...base, GOFLAGS: '-mod=vendor' }, 'linux').error, 'module lookup disabled by -mod=vendor');
  });

  it('walks: comma stops on errors, pipe does not; go ranks direct errors first', () => {
    const r = route('m.example/a', { ...base, GOPROXY: 'https://a.example,https://b.example|https://c.example,direct' }, 'linux');
    const ans = (m: Record<string, 'ok' | 'not-found' | 'error'>) => simulateFetch(r, (s) => m[s.host ?? ''] ?? 'not-found');
    assert.deepEqual(ans({ 'a.example': 'error' }).tried.map((s) => s.host), ['a.example']);
    assert.deepEqual(ans({ 'a.example': 'not-found', 'b.example': 'error', 'c.example': 'ok' }).tried.map((s) => s.host), ['a.example', 'b.example', 'c.example']);
    const w = walkSources([{ fallback: 'any-error' as const, d: false }, { fallback: 'not-found' as const, d: false }], (s) => (s.d ? 'not-found' : 'error'));
    assert.equal(w.result, 'error');
  });

  it('sumdb: a "|" error followed by 404 leaves the database unavailable, but reaching direct connects directly', () => {
    const pipe404 = route('m.example/a', { ...base, GOPROXY: 'https://a.example|https://b.example' }, 'linux');
    const sup = (m: Record<string, 'ok' | 'not-found' | 'error'>) => (p: { url: string }) => m[new URL(p.url).host];
    assert.equal(simulateSumdb(pipe404, sup({ 'a.example': 'error', 'b.example': 'not-found' })).unavailable, true);
    const pipeDirect = route('m.example/a', { ...base, GOPROXY: 'https://a.example|direct' }, 'linux');
    assert.equal(simulateSumdb(pipeDirect, sup({ 'a.example': 'error' })).base, 'https://sum.golang.org');
    assert.equal(simulateSumdb(pipe404, sup({ 'a.example': 'not-found', 'b.example': 'ok' })).base, 'https://b.example/sumdb/sum.golang.org');
  });

  it('download: a failed verification falls through "|" in the .mod walk', () => {
    const r = route('m.example/a', { ...base, GOPROXY: 'https://a.example|https://b.example' }, 'linux');
    const sim = simulateDownload(r, () => 'ok', () => 'not-found', () => false);
    assert.equal(sim.ok, false);
    assert.deepEqual(sim.walks.map((w) => [w.file, w.walk.tried.length]), [['info', 1], ['mod', 2]]);
  });
});

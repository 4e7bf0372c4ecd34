import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setLanguage } from '../../../src/core/i18n';
import { netMessages } from '../../../src/core/i18n/catalog/net';
import { failureFinding, fixesFor, FIX_IDS, severityOf } from '../../../src/core/net/findings';
import type { ProxyProbeResult } from '../../../src/core/net/goproxyProbe';
import { recommend } from '../../../src/core/net/probe';
import type { Failure, FailureKind } from '../../../src/core/net/types';

function result(target: string, over: Partial<ProxyProbeResult> = {}): ProxyProbeResult {
  return { kind: 'proxy', target, url: target, configured: true, module: 'example.com/m', ok: true, stage: 'done', ms: 100, warnings: [], requests: [], ...over };
}

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('net/findings', () => {
  afterEach(() => setLanguage('en'));

  it('every net message has both languages with the same placeholders', () => {
    for (const [key, e] of Object.entries(netMessages)) {
      assert.ok(e.en && e.zh && e.en !== e.zh, key);
      assert.deepEqual(placeholders(e.zh), placeholders(e.en), key);
    }
  });

  it('has a message for every failure kind that becomes a finding', () => {
    const kinds: FailureKind[] = [
      'dns', 'refused', 'unreachable', 'timeout', 'reset', 'proxyconnect', 'tls-unknown-ca', 'tls-hostname', 'tls-expired',
      'tls-handshake', 'auth-required', 'not-found', 'http-4xx', 'http-5xx', 'bad-response', 'empty', 'html', 'truncated',
      'body-too-large', 'redirect-loop', 'too-many-redirects', 'insecure-redirect', 'bad-json', 'wrong-version', 'bad-list',
      'bad-signature', 'unknown-key', 'malformed-note', 'bad-record', 'unsupported', 'redirect-other-host', 'slow', 'stale',
      'family-unreachable',
    ];
    for (const k of kinds) assert.ok(`net.${k}` in netMessages, k);
  });

  it('documents every code the probes can report in docs/findings.md', () => {
    const docs = readFileSync(join(__dirname, '..', '..', '..', '..', 'docs', 'findings.md'), 'utf8');
    const transport = ['dns', 'refused', 'unreachable', 'timeout', 'reset', 'proxyconnect', 'tls-unknown-ca', 'tls-hostname', 'tls-expired',
      'tls-handshake', 'auth-required', 'not-found', 'http-4xx', 'http-5xx', 'bad-response', 'empty', 'html', 'truncated', 'body-too-large',
      'redirect-loop', 'too-many-redirects', 'insecure-redirect', 'redirect-other-host', 'slow', 'family-unreachable', 'unsupported'];
    const codes = [
      ...transport.map((k) => `proxy.${k}`),
      ...['bad-json', 'wrong-version', 'bad-list', 'stale', 'faster-mirror', 'healthy-mirror'].map((k) => `proxy.${k}`),
      ...transport.map((k) => `sumdb.${k}`),
      ...['bad-signature', 'unknown-key', 'malformed-note', 'bad-record', 'unavailable'].map((k) => `sumdb.${k}`),
    ];
    for (const c of codes) assert.ok(docs.includes(`### \`${c}\``), `docs/findings.md has no section for ${c}`);
  });

  it('writes a one-sentence message with evidence, in English and Chinese, without secrets', () => {
    const r = result('https://proxy.example', {
      url: 'https://user:t0ken@proxy.example',
      ok: false,
      stage: 'http',
      ms: 5012,
      requests: [{ what: 'list', url: 'https://proxy.example/m/@v/list', ms: 5010, bytes: 0, redirects: [] }],
      connect: { reused: false, dns: { ms: 3, host: 'proxy.example', addresses: [{ address: '192.0.2.1', family: 4 }] }, tcp: { ms: 4, address: '192.0.2.1', port: 443, families: [] } },
    });
    const f: Failure = { kind: 'timeout', stage: 'http', detail: 'no response headers within 5000 ms' };
    const en = failureFinding(r, f, 'error', fixesFor('proxy', 'timeout', 'proxy.example', {}));
    assert.equal(en.code, 'proxy.timeout');
    assert.match(en.message, /^The GOPROXY entry https:\/\/proxy\.example did not answer within 5012 ms at the http stage/);
    assert.equal(en.evidence?.stage, 'http');
    assert.equal(en.evidence?.latencyMs, 5012);
    assert.deepEqual((en.evidence?.dns as { addresses: string[] }).addresses, ['192.0.2.1']);
    assert.ok(en.fixes?.some((x) => x.id === FIX_IDS.setHttpsProxy));
    assert.doesNotMatch(JSON.stringify(en), /t0ken/);
    setLanguage('zh-cn');
    const zh = failureFinding(r, f, 'error', []);
    assert.match(zh.message, /GOPROXY 条目 https:\/\/proxy\.example 在 http 阶段 5012 毫秒内没有应答/);
  });

  it('picks fixes by kind and never suggests turning the checksum database off', () => {
    const ctx = { mirror: { url: 'https://m.example', goproxy: 'https://m.example,direct', carriesSumdb: true }, pipeValue: 'a|b', sumdbName: 'sum.golang.org' };
    const ids = (family: 'proxy' | 'sumdb', k: FailureKind) => fixesFor(family, k, 'h', ctx).map((f) => f.id);
    assert.deepEqual(ids('proxy', 'tls-unknown-ca'), [FIX_IDS.trustCa]);
    assert.deepEqual(ids('proxy', 'tls-expired'), [FIX_IDS.checkClock]);
    assert.ok(ids('proxy', 'dns').includes(FIX_IDS.switchMirror));
    assert.ok(ids('proxy', 'http-4xx').includes(FIX_IDS.addCredentials));
    assert.ok(ids('proxy', 'http-4xx').includes(FIX_IDS.setGoprivate));
    assert.ok(ids('sumdb', 'timeout').includes(FIX_IDS.setGosumdbMirror));
    assert.ok(ids('sumdb', 'timeout').includes(FIX_IDS.useSumdbProxy));
    for (const k of ['timeout', 'bad-signature', 'unknown-key', 'http-5xx'] as FailureKind[]) {
      assert.doesNotMatch(JSON.stringify(fixesFor('sumdb', k, 'h', ctx)), /GOSUMDB=off/);
    }
  });

  it('grades kinds the go command survives below errors', () => {
    assert.equal(severityOf('timeout'), 'error');
    assert.equal(severityOf('body-too-large'), 'warning');
    assert.equal(severityOf('redirect-other-host'), 'warning');
    assert.equal(severityOf('slow'), 'info');
  });

  it('recommends the fastest healthy proxy, from measurements only', () => {
    const rs = [
      result('https://a.example', { ms: 900 }),
      result('https://b.example', { ms: 120, configured: false, sumdb: { name: 'sum.golang.org', answer: 'yes' } }),
      result('https://c.example', { ms: 50, ok: false, failure: { kind: 'timeout', stage: 'tcp', detail: '' } }),
      result('https://d.example', { ms: 10, skipped: 'gonoproxy' }),
    ];
    const rec = recommend(rs, 'https://a.example');
    assert.equal(rec.best?.target, 'https://b.example');
    assert.equal(rec.goproxy, 'https://b.example,direct');
    assert.equal(rec.keep, false);
    assert.deepEqual(rec.ranked.map((r) => r.target), ['https://b.example', 'https://a.example', 'https://c.example']);
    assert.equal(rec.ranked[2].code, 'proxy.timeout');
    // Swap the measurements: the recommendation follows.
    rs[0].ms = 100;
    rs[1].ms = 800;
    const again = recommend(rs, 'https://a.example/');
    assert.equal(again.best?.target, 'https://a.example');
    assert.equal(again.keep, true);
    assert.equal(recommend([], undefined).best, undefined);
  });
});

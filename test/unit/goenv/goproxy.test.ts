import assert from 'node:assert/strict';
import { checkProxyUrl, formatGoproxy, NO_ENTRIES_ERROR, parseGoproxy, proxyList } from '../../../src/core/goenv/goproxy';

const kinds = (v: string) => parseGoproxy(v, 'linux').entries.map((e) => (e.kind === 'url' ? `${e.url}${e.fallbackOnError ? '|' : ','}` : e.kind));

describe('goenv/goproxy: parsing a GOPROXY value', () => {
  it('takes the fallback mode from the separator after each entry', () => {
    assert.deepEqual(kinds('https://a.example|https://b.example,https://c.example'), ['https://a.example|', 'https://b.example,', 'https://c.example,']);
  });

  it('trims entries, skips empty ones and keeps trailing slashes (the go command trims them when building URLs)', () => {
    assert.deepEqual(kinds(' https://a.example/ ,, | https://b.example '), ['https://a.example/,', 'https://b.example,']);
  });

  it('stops at direct and off and reports what it ignores', () => {
    const p = parseGoproxy('https://a.example,direct,https://b.example|off', 'linux');
    assert.deepEqual(p.entries.map((e) => e.kind), ['url', 'direct']);
    assert.deepEqual(p.ignored, ['https://b.example', 'off']);
    assert.deepEqual(kinds('off,direct'), ['off']);
  });

  it('adds https:// to host-like entries but not to words, URLs or absolute paths', () => {
    assert.deepEqual(kinds('goproxy.cn'), ['https://goproxy.cn,']);
    assert.deepEqual(kinds('localhost:3000'), ['https://localhost:3000,']);
    assert.equal(parseGoproxy('goproxy', 'linux').error, 'invalid proxy URL missing scheme: goproxy');
    assert.equal(parseGoproxy('/srv/goproxy', 'linux').error, 'invalid proxy URL missing scheme: /srv/goproxy');
    assert.deepEqual(kinds('file:///srv/goproxy'), ['file:///srv/goproxy,']);
  });

  it('rejects bad schemes, file URLs with hosts, and unparsable URLs as the go command does', () => {
    assert.equal(parseGoproxy('ftp://x.example', 'linux').error, 'invalid proxy URL scheme (must be https, http, file): ftp://x.example');
    assert.equal(parseGoproxy('file://host/x', 'linux').error, 'invalid file:// proxy URL with non-path elements: file://host/x');
    assert.match(parseGoproxy('https://a b.example', 'linux').error!, /invalid character " " in host name/);
    assert.match(parseGoproxy('https://a.example:12ab', 'linux').error!, /invalid port ":12ab" after host/);
    assert.equal(parseGoproxy('HTTPS://A.EXAMPLE', 'linux').error, undefined);
  });

  it('reports the "no entries" error for empty and separator-only values', () => {
    for (const v of ['', ',', ' ', '|,|']) assert.equal(parseGoproxy(v, 'linux').error, NO_ENTRIES_ERROR, JSON.stringify(v));
  });

  it('redacts credentials in its errors', () => {
    assert.ok(!checkProxyUrl('ftp://user:hunter2@x.example')!.includes('hunter2'));
  });

  it('puts noproxy first when GONOPROXY is set, unless GOPROXY is exactly direct', () => {
    assert.equal(proxyList('https://a.example', 'corp.test', 'linux').list[0].kind, 'noproxy');
    assert.equal(proxyList('direct', 'corp.test', 'linux').list[0].kind, 'direct');
    assert.equal(proxyList('direct,off', 'corp.test', 'linux').list[0].kind, 'noproxy');
    assert.equal(proxyList(',', 'corp.test', 'linux').error, NO_ENTRIES_ERROR);
  });

  it('windows absolute paths get no https:// on windows only', () => {
    assert.equal(parseGoproxy('C:\\proxy', 'win32').entries[0].url, 'C:\\proxy');
    assert.equal(parseGoproxy('C:\\proxy', 'linux').entries.length, 1);
  });

  it('formats entries back into a value', () => {
    const p = parseGoproxy('https://a.example|https://b.example,direct', 'linux');
    assert.equal(formatGoproxy(p.entries), 'https://a.example|https://b.example,direct');
  });
});

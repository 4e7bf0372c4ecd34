import * as assert from 'node:assert/strict';
import { parseProxyValue, proxyEnvFrom, proxyForUrl, useProxy } from '../../../src/core/net/httpProxyEnv';

const chosen = (env: Record<string, string>, url: string) => {
  const r = proxyForUrl(proxyEnvFrom(env), new URL(url));
  return r.error ?? r.proxy?.display ?? 'direct';
};

describe('net/httpProxyEnv: HTTP(S)_PROXY and NO_PROXY as Go applies them', () => {
  it('prefers upper case and picks by the request scheme', () => {
    assert.equal(chosen({ HTTPS_PROXY: 'http://up:1', https_proxy: 'http://low:2' }, 'https://a.example/'), 'http://up:1');
    assert.equal(chosen({ HTTPS_PROXY: '', https_proxy: 'http://low:2' }, 'https://a.example/'), 'http://low:2');
    assert.equal(chosen({ HTTP_PROXY: 'http://p:1' }, 'https://a.example/'), 'direct', 'HTTP_PROXY does not cover https');
    assert.equal(chosen({ HTTP_PROXY: 'http://p:1' }, 'http://a.example/'), 'http://p:1');
    assert.equal(chosen({ ALL_PROXY: 'http://p:1' }, 'https://a.example/'), 'direct', 'ALL_PROXY is not read');
  });

  it('never proxies localhost or loopback', () => {
    for (const u of ['https://localhost/', 'https://localhost:8443/', 'https://127.0.0.1:9/', 'https://127.1.2.3/', 'https://[::1]:9/']) {
      assert.equal(chosen({ HTTPS_PROXY: 'http://p:1' }, u), 'direct', u);
    }
  });

  it('reads host:port values as http:// and keeps credentials out of display', () => {
    assert.deepEqual(
      { ...parseProxyValue('proxy.corp:3128'), auth: undefined },
      { scheme: 'http', host: 'proxy.corp', port: 3128, display: 'http://proxy.corp:3128', auth: undefined },
    );
    const p = parseProxyValue('http://u%3Ax:s3cr%40t@10.0.0.1:8080');
    assert.equal(p?.auth, 'u:x:s3cr@t');
    assert.equal(p?.display, 'http://10.0.0.1:8080');
    assert.equal(parseProxyValue('https://p.example')?.port, 443);
  });

  it('follows the NO_PROXY grammar', () => {
    const cases: Array<[string, string, string, boolean]> = [
      // [NO_PROXY, host, port, use proxy?]
      ['*', 'a.example', '443', false],
      ['example.com', 'example.com', '443', false],
      ['example.com', 'a.example.com', '443', false],
      ['example.com', 'badexample.com', '443', true],
      ['.example.com', 'example.com', '443', true],
      ['.example.com', 'a.example.com', '443', false],
      ['*.example.com', 'a.example.com', '443', false],
      ['*.example.com', 'example.com', '443', true],
      ['example.com:443', 'example.com', '443', false],
      ['example.com:80', 'example.com', '443', true],
      ['10.0.0.0/8', '10.1.2.3', '443', false],
      ['10.0.0.0/8', '11.1.2.3', '443', true],
      ['2001:db8::/32', '2001:db8::1', '443', false],
      ['192.168.1.1', '192.168.1.1', '443', false],
      ['192.168.1.1:80', '192.168.1.1', '443', true],
      [' Example.COM , other', 'a.example.com', '443', false],
      ['example.com', '93.184.216.34', '443', true],
      ['', 'a.example', '443', true],
    ];
    for (const [np, host, port, want] of cases) assert.equal(useProxy(np, host, port), want, `${np} / ${host}:${port}`);
  });

  it('refuses HTTP_PROXY for http requests in a CGI environment', () => {
    assert.match(chosen({ HTTP_PROXY: 'http://p:1', REQUEST_METHOD: 'GET' }, 'http://a.example/'), /CGI/);
    assert.equal(chosen({ HTTPS_PROXY: 'http://p:1', REQUEST_METHOD: 'GET' }, 'https://a.example/'), 'http://p:1');
  });
});

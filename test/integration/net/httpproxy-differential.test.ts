// HTTP(S)_PROXY / NO_PROXY selection compared with Go's own net/http.ProxyFromEnvironment: a small Go program
// prints the proxy it picks for each URL under generated environments; ours must pick the same.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { proxyEnvFrom, proxyForUrl } from '../../../src/core/net/httpProxyEnv';
import { quietHome, removeTree } from './helpers';

const PROGRAM = `package main

import (
	"fmt"
	"net/http"
	"net/url"
	"os"
)

func main() {
	for _, raw := range os.Args[1:] {
		u, err := url.Parse(raw)
		if err != nil {
			fmt.Println("bad-url")
			continue
		}
		p, err := http.ProxyFromEnvironment(&http.Request{URL: u})
		switch {
		case err != nil:
			fmt.Println("error")
		case p == nil:
			fmt.Println("direct")
		default:
			fmt.Println(p.Scheme + "://" + p.Host)
		}
	}
}
`;

const URLS = [
  'https://proxy.golang.org/x/@v/list',
  'https://goproxy.cn/',
  'https://sub.corp.example:8443/p',
  'https://corp.example/p',
  'http://corp.example/p',
  'https://10.1.2.3/p',
  'https://192.168.1.1:443/p',
  'https://[2001:db8::1]/p',
  'https://localhost:9/p',
  'https://127.0.0.1/p',
  'https://[::1]:8/p',
  'http://sum.golang.org/latest',
];

const NO_PROXY_ITEMS = [
  '*', 'corp.example', '.corp.example', '*.corp.example', 'corp.example:8443', 'corp.example:443', 'golang.org',
  '.golang.org', '10.0.0.0/8', '192.168.1.1', '192.168.1.1:80', '2001:db8::/32', 'goproxy.cn', ' Goproxy.CN ', '', 'sub',
];

const PROXY_VALUES = ['http://p.example:3128', 'p.example:8080', 'https://secure.example', 'http://u:pw@p.example:1', '', 'socks5://s.example:1080'];

describe('HTTP proxy selection: ours next to Go net/http', function () {
  this.timeout(120_000);
  let dir: string;
  let bin: string;

  before(() => {
    dir = quietHome(mkdtempSync(join(tmpdir(), 'gmd-httpproxy-')));
    writeFileSync(join(dir, 'go.mod'), 'module proxychoice\n\ngo 1.21\n');
    writeFileSync(join(dir, 'main.go'), PROGRAM);
    bin = join(dir, 'proxychoice');
    // The user's build cache (content-addressed, safe to share) keeps this build at a second instead of a minute.
    const gocache = execFileSync('go', ['env', 'GOCACHE'], { encoding: 'utf8', timeout: 30_000 }).trim();
    execFileSync('go', ['build', '-o', bin, '.'], {
      cwd: dir,
      env: { PATH: process.env.PATH, HOME: dir, GOCACHE: gocache, GOPATH: join(dir, 'gopath'), GOPROXY: 'off', GOFLAGS: '-mod=mod', GOTOOLCHAIN: 'local', GOENV: 'off' },
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: 90_000,
    });
  });

  after(() => removeTree(dir));

  it('chooses the same proxy for generated environments', () => {
    const envArb = fc.record({
      HTTPS_PROXY: fc.constantFrom(...PROXY_VALUES),
      https_proxy: fc.constantFrom(...PROXY_VALUES),
      HTTP_PROXY: fc.constantFrom(...PROXY_VALUES),
      NO_PROXY: fc.array(fc.constantFrom(...NO_PROXY_ITEMS), { maxLength: 4 }).map((a) => a.join(',')),
      no_proxy: fc.constantFrom('', 'golang.org', '*'),
      REQUEST_METHOD: fc.constantFrom('', '', '', 'GET'),
    });
    let runs = 0;
    fc.assert(
      fc.property(envArb, (env) => {
        runs++;
        const clean = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
        const out = execFileSync(bin, URLS, { env: { ...clean }, encoding: 'utf8', timeout: 10_000 }).trim().split('\n');
        const cfg = proxyEnvFrom(clean);
        URLS.forEach((u, i) => {
          const ours = proxyForUrl(cfg, new URL(u));
          const mine = ours.error ? 'error' : ours.proxy ? `${ours.proxy.scheme}://${hostAsWritten(ours.proxy.display)}` : 'direct';
          assert.equal(mine, out[i], `${u} with ${JSON.stringify(clean)}`);
        });
      }),
      { numRuns: 80, seed: 20240506 },
    );
    assert.equal(runs, 80);
  });
});

/** Go prints url.Host (as written, userinfo removed); our display is scheme://host. */
function hostAsWritten(display: string): string {
  return display.replace(/^[a-z0-9+.-]+:\/\//i, '');
}

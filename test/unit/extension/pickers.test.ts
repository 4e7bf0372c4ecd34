import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { HealthModule, HealthProbe } from '../../../src/protocol';
import {
  formatBytes, matchesPatterns, moduleDirective, patternFor, patternProblem, privateSuggestions, proxyItems, proxyProblem, sumdbItems,
} from '../../../src/extension/pickers';
import { chinese, english, snapshot } from './fakes';

function mod(module: string, over: Partial<HealthModule> = {}): HealthModule {
  return { uri: 'file:///w/go.mod', line: 3, module, version: 'v1.0.0', direct: true, route: 'https://proxy.golang.org', private: false, status: 'ok', ...over };
}

function sumdbProbe(target: string, ok: boolean, via?: string): HealthProbe {
  return { target, kind: 'sumdb', configured: true, ok, stage: ok ? 'done' : 'tls', ms: ok ? 80 : 5000, stages: [], ...(via ? { via } : {}) };
}

describe('extension: picker items', () => {
  it('Switch GOPROXY: the value in force, each mirror with latency and health in the server\'s order, then "Enter a URL…"', () => {
    const s = snapshot({
      mirrors: [
        { url: 'https://goproxy.cn', healthy: true, ms: 85, configured: false, fixId: 'env:GOPROXY=https://goproxy.cn,direct' },
        { url: 'https://proxy.golang.org', healthy: false, ms: 5000, configured: true, fixId: 'env:GOPROXY=https://proxy.golang.org,direct' },
      ],
    });
    const items = proxyItems(s, english);
    assert.deepEqual(
      items.map((i) => [i.label, i.description, i.action.kind]),
      [
        ['$(circle-filled) https://proxy.golang.org,direct', 'in use, from default', 'current'],
        ['https://goproxy.cn', '$(check) 85 ms', 'fix'],
        ['https://proxy.golang.org', '$(error) unreachable after 5000 ms · configured', 'fix'],
        ['$(edit) Enter a URL…', 'any GOPROXY list, e.g. https://goproxy.cn,direct', 'custom'],
      ],
    );
    assert.deepEqual(items[1].action, { kind: 'fix', fixId: 'env:GOPROXY=https://goproxy.cn,direct', value: 'https://goproxy.cn' });
  });

  it('Switch GOPROXY before any snapshot: only "Enter a URL…"', () => {
    assert.deepEqual(proxyItems(undefined, english).map((i) => i.action.kind), ['custom']);
  });

  it('Set GOSUMDB: the database, the China alias, proxies that carry it (once each), off with a warning, custom', () => {
    const s = snapshot({
      probes: [
        sumdbProbe('https://sum.golang.org', false),
        sumdbProbe('https://sum.golang.org', true, 'https://goproxy.cn'),
        sumdbProbe('https://sum.golang.org', true, 'https://goproxy.cn'),
      ],
    });
    const items = sumdbItems(s, english);
    const values = items.map((i) => (i.action.kind === 'value' || i.action.kind === 'current' ? i.action.value : i.action.kind));
    assert.deepEqual(values, ['sum.golang.org', 'sum.golang.org', 'sum.golang.google.cn', 'sum.golang.org https://goproxy.cn/sumdb/sum.golang.org', 'off', 'custom']);
    assert.equal(items[1].description, 'the default checksum database · $(error) unreachable after 5000 ms');
    assert.equal(items[3].description, 'through the proxy https://goproxy.cn · $(check) 80 ms');
    const off = items[4].action;
    assert.ok(off.kind === 'value' && off.warning && off.warning.includes('GOSUMDB=off'), 'off carries a warning');
    assert.ok(items.slice(0, 4).every((i) => i.action.kind !== 'value' || !i.action.warning), 'only off warns');
  });

  it('the items speak Chinese with the zh-cn bundle', () => {
    const zh = chinese();
    assert.equal(proxyItems(undefined, zh)[0].label, '$(edit) 输入 URL…');
    assert.ok(sumdbItems(undefined, zh).some((i) => i.description === '$(warning) 不进行校验和验证'));
  });
});

describe('extension: GOPRIVATE suggestions and patterns', () => {
  it('a pattern per path: host/org on shared hosts, the host elsewhere, none for public or dotless hosts', () => {
    assert.equal(patternFor('github.com/acme/widgets/v2'), 'github.com/acme');
    assert.equal(patternFor('git.corp.example.net/team/svc'), 'git.corp.example.net');
    assert.equal(patternFor('golang.org/x/mod'), undefined);
    assert.equal(patternFor('gopkg.in/yaml.v3'), undefined);
    assert.equal(patternFor('example.com/foo'), undefined);
    assert.equal(patternFor('localmodule'), undefined);
    assert.equal(patternFor('github.com'), undefined);
  });

  it('suggests the workspace\'s own modules first, then modules failing through a public route, skipping what GOPRIVATE covers', () => {
    const s = snapshot({
      env: [{ name: 'GOPRIVATE', value: 'git.covered.io', layer: 'envfile', shadowed: [], findings: [] }],
      modules: [
        mod('git.internal.example.org/lib/x', { status: 'error' }),
        mod('github.com/public/ok'),
        mod('git.covered.io/a/b', { status: 'error' }),
        mod('private.example.net/p', { status: 'error', private: true }),
        mod('github.com/acme/other', { status: 'error' }),
      ],
    });
    assert.deepEqual(privateSuggestions(['github.com/acme/svc', 'git.covered.io/me', 'github.com/acme/svc2'], s), [
      'github.com/acme',
      'git.internal.example.org',
    ]);
  });

  it('matchesPatterns follows GOPRIVATE\'s prefix-glob rule', () => {
    assert.ok(matchesPatterns('git.corp.com', 'git.corp.com/a/b'));
    assert.ok(matchesPatterns('*.corp.com', 'git.corp.com/a'));
    assert.ok(matchesPatterns('other.io, github.com/acme', 'github.com/acme/x'));
    assert.ok(matchesPatterns('github.com/a?me', 'github.com/acme/x'));
    assert.ok(matchesPatterns('github.com/[a-c]cme', 'github.com/acme'));
    assert.ok(!matchesPatterns('github.com/acme', 'github.com/acmeco/x'));
    assert.ok(!matchesPatterns('*.corp.com', 'corp.com/a'));
    assert.ok(!matchesPatterns('git.corp.com/a/b/c', 'git.corp.com/a/b'));
    assert.ok(!matchesPatterns('', 'x.io/y'));
  });

  it('matchesPatterns: a path always matches its own elements as a pattern (any prefix)', () => {
    const elem = fc.stringMatching(/^[a-z][a-z0-9.-]{0,10}$/);
    fc.assert(
      fc.property(fc.array(elem, { minLength: 1, maxLength: 5 }), fc.nat(), (elems, n) => {
        const path = elems.join('/');
        const prefix = elems.slice(0, 1 + (n % elems.length)).join('/');
        return matchesPatterns(prefix, path) && matchesPatterns(`nomatch.invalid,${prefix}`, path);
      }),
    );
  });

  it('patternProblem and proxyProblem catch what is plainly wrong before the server is asked', () => {
    assert.ok(patternProblem('', english));
    assert.ok(patternProblem('a.io, b.io', english));
    assert.ok(patternProblem('a.io,b.io', english), 'one pattern at a time');
    assert.ok(patternProblem('https://git.corp.com', english));
    assert.equal(patternProblem('github.com/acme', english), undefined);
    assert.equal(proxyProblem('https://goproxy.cn,direct', english), undefined);
    assert.equal(proxyProblem('https://a.example|https://b.example,off', english), undefined);
    assert.equal(proxyProblem('file:///srv/goproxy', english), undefined);
    assert.equal(proxyProblem('goproxy.cn', english), '"goproxy.cn" is not a URL, direct or off.');
    assert.equal(proxyProblem('ftp://x.example', english), '"ftp://x.example": GOPROXY URLs use https, http or file.');
    assert.ok(proxyProblem('  ', english));
  });

  it('moduleDirective reads the module path of a go.mod text', () => {
    assert.equal(moduleDirective('// c\nmodule github.com/acme/svc // comment\n\ngo 1.22\n'), 'github.com/acme/svc');
    assert.equal(moduleDirective('module "git.corp.com/x"\n'), 'git.corp.com/x');
    assert.equal(moduleDirective('go 1.22\n'), undefined);
  });

  it('formatBytes uses powers of 1024', () => {
    assert.equal(formatBytes(0), '0 B');
    assert.equal(formatBytes(1023), '1023 B');
    assert.equal(formatBytes(1536), '1.5 KB');
    assert.equal(formatBytes(200 * 1024 * 1024), '200 MB');
    assert.equal(formatBytes(1.25 * 1024 ** 3), '1.3 GB');
  });
});

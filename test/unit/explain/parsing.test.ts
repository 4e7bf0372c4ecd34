// The pieces under the translator and the watchdog: record splitting, URL roles, -x trace lines, network kinds.
import * as assert from 'node:assert/strict';
import { classifyUrl, netKind, privatePattern, splitRecords, SHAPES } from '../../../src/core/diagnose/explain';
import { urlsIn } from '../../../src/core/diagnose/explain/urls';
import { isTraceLine, parseTraceLine } from '../../../src/core/gocmd/xtrace';

describe('explain: records', () => {
  it('groups indented continuation, SECURITY ERROR paragraphs and quoted notes with their first line', () => {
    const text = [
      '# get https://proxy.golang.org/x/@v/list',
      'go: downloading example.com/a v1.0.0',
      'verifying example.com/a@v1.0.0: checksum mismatch',
      '\tdownloaded: h1:x',
      '\tgo.sum:     h1:y',
      '',
      'SECURITY ERROR',
      'This download does NOT match an earlier download recorded in go.sum.',
      '',
      "For more information, see 'go help module-auth'.",
      'go: example.com/f@v1.0.0: verifying go.mod: reading tree note: malformed note',
      'note:',
      'go.sum database tree',
      '2',
      'abc=',
      '',
      '\u2014 sum.x sig=',
      'malformed go.sum:',
      '/w/go.sum:1: wrong number of fields 2',
    ].join('\n');
    const r = splitRecords(text);
    assert.deepEqual(r.trace, ['# get https://proxy.golang.org/x/@v/list']);
    assert.deepEqual(r.progress, ['go: downloading example.com/a v1.0.0']);
    assert.equal(r.records.length, 3);
    assert.match(r.records[0].text, /SECURITY ERROR[\s\S]*module-auth/);
    assert.match(r.records[1].text, /go\.sum database tree\n2\nabc=\n\n\u2014 sum\.x/);
    assert.equal(r.records[2].text, 'malformed go.sum:\n/w/go.sum:1: wrong number of fields 2');
    assert.equal(r.records[2].line, 17);
  });

  it('does not take an error that quotes a git command for a trace line', () => {
    const r = splitRecords('git ls-remote -q origin in /x: exit status 128:\n\tfatal: boom\n');
    assert.equal(r.records.length, 1);
  });
});

describe('explain: URLs', () => {
  it('finds the proxy base, the module and the version, case-decoded', () => {
    const u = classifyUrl('https://artifacts.corp.example/api/go/golang/github.com/!azure/sdk/@v/v1.2.3.info');
    assert.deepEqual([u.role, u.host, u.base, u.module, u.version], ['proxy', 'artifacts.corp.example', 'https://artifacts.corp.example/api/go/golang', 'github.com/Azure/sdk', 'v1.2.3']);
    const list = classifyUrl('http://127.0.0.1:8080/good/example.com/fault/@v/list');
    assert.deepEqual([list.role, list.host, list.base, list.module, list.version], ['proxy', '127.0.0.1:8080', 'http://127.0.0.1:8080/good', 'example.com/fault', undefined]);
    assert.equal(classifyUrl('file:///tmp/p/example.com/c/@v/v0.9.0.info').base, 'file:///tmp/p');
    assert.equal(classifyUrl('https://proxy.golang.org/golang.org/x/text/@latest').module, 'golang.org/x/text');
  });

  it('tells checksum-database URLs (direct and through a proxy) and go-get discovery apart', () => {
    const direct = classifyUrl('https://sum.golang.org/lookup/github.com/!burnt!sushi/toml@v1.3.2');
    assert.deepEqual([direct.role, direct.module, direct.version], ['sumdb', 'github.com/BurntSushi/toml', 'v1.3.2']);
    assert.equal(classifyUrl('https://sum.golang.org/tile/8/1/488.p/229').role, 'sumdb');
    const via = classifyUrl('https://goproxy.cn/sumdb/sum.golang.org/supported');
    assert.deepEqual([via.role, via.sumdb, via.base], ['sumdb', 'sum.golang.org', 'https://goproxy.cn']);
    const gg = classifyUrl('https://git.corp.example/team/lib?go-get=1');
    assert.deepEqual([gg.role, gg.module], ['direct', 'git.corp.example/team/lib']);
    assert.equal(classifyUrl('not a url').role, 'unknown');
  });

  it('extracts URLs from the forms the go command prints', () => {
    assert.deepEqual(urlsIn('reading https://a.example/x/@v/list: 404 Not Found'), ['https://a.example/x/@v/list']);
    assert.deepEqual(urlsIn('Get "https://a.example/x/@v/v1.info": EOF'), ['https://a.example/x/@v/v1.info']);
    assert.deepEqual(urlsIn('Get https://a.example/x/@v/v1.mod: dial tcp'), ['https://a.example/x/@v/v1.mod']);
    assert.deepEqual(urlsIn('read "http://127.0.0.1:1/x/@v/v1.zip": unexpected EOF'), ['http://127.0.0.1:1/x/@v/v1.zip']);
  });
});

describe('explain: network kinds and GOPRIVATE patterns', () => {
  it('classifies transport failures, DNS before timeouts', () => {
    const cases: Array<[string, string]> = [
      ['dial tcp: lookup proxy.golang.org on 1.1.1.1:53: read udp 1.2.3.4:5->1.1.1.1:53: i/o timeout', 'dns'],
      ['dial tcp 1.2.3.4:443: i/o timeout', 'timeout'],
      ['proxyconnect tcp: dial tcp 127.0.0.1:3128: connect: connection refused', 'proxyconnect'],
      ['dial tcp 127.0.0.1:1: connect: connection refused', 'refused'],
      ['tls: failed to verify certificate: x509: certificate signed by unknown authority', 'tls-unknown-ca'],
      ['x509: certificate has expired or is not yet valid: current time', 'tls-expired'],
      ["x509: cannot validate certificate for 127.0.0.1 because it doesn't contain any IP SANs", 'tls-hostname'],
      ['http: server gave HTTP response to HTTPS client', 'tls-handshake'],
      ['dial tcp [2001:db8::1]:443: connect: network is unreachable', 'unreachable'],
      ['read: connection reset by peer', 'reset'],
      ['Get "https://x/": EOF', 'reset'],
    ];
    for (const [text, kind] of cases) assert.equal(netKind(text), kind, text);
    assert.equal(netKind('404 Not Found'), undefined);
  });

  it('suggests GOPRIVATE at the organisation on big code hosts, else the host', () => {
    assert.equal(privatePattern('github.com/acme/private/sub'), 'github.com/acme');
    assert.equal(privatePattern('git.corp.example/team/lib'), 'git.corp.example');
    assert.equal(privatePattern(undefined), '<module path prefix>');
  });

  it('has at least 30 distinct shapes with unique ids', () => {
    const ids = SHAPES.map((s) => s.id);
    assert.equal(new Set(ids).size, ids.length);
    assert.ok(ids.length >= 30, String(ids.length));
  });
});

describe('watchdog: -x trace lines', () => {
  it('parses requests, results, failures, locks and VCS commands', () => {
    assert.deepEqual(parseTraceLine('# get https://proxy.golang.org/x/@v/list'), { kind: 'get-start', url: 'https://proxy.golang.org/x/@v/list' });
    assert.deepEqual(parseTraceLine('# get https://proxy.golang.org/x/@v/list: 200 OK (1.187s)'), { kind: 'get-done', url: 'https://proxy.golang.org/x/@v/list', status: '200 OK', seconds: 1.187 });
    assert.deepEqual(parseTraceLine('# get https://sum.golang.org/lookup/x@v1: 404 Not Found (0.161s)'), { kind: 'get-done', url: 'https://sum.golang.org/lookup/x@v1', status: '404 Not Found', seconds: 0.161 });
    assert.deepEqual(parseTraceLine('# get https://example.com/x?go-get=1: Get "https://example.com/x?go-get=1": EOF'), { kind: 'get-failed', url: 'https://example.com/x?go-get=1', error: 'Get "https://example.com/x?go-get=1": EOF' });
    assert.deepEqual(parseTraceLine('# lock /home/u/go/pkg/mod/cache/vcs/ab.lock'), { kind: 'lock', path: '/home/u/go/pkg/mod/cache/vcs/ab.lock' });
    assert.deepEqual(parseTraceLine('go: downloading example.com/a v1.0.0'), { kind: 'downloading', module: 'example.com/a', version: 'v1.0.0' });
    assert.deepEqual(parseTraceLine('cd /tmp/vcs/ab; git ls-remote -q origin'), { kind: 'vcs-start', command: 'git ls-remote -q origin', dir: '/tmp/vcs/ab' });
    assert.deepEqual(parseTraceLine('git ls-remote https://example.com/repo'), { kind: 'vcs-start', command: 'git ls-remote https://example.com/repo' });
    assert.deepEqual(parseTraceLine('0.005s # cd /tmp/vcs/ab; git ls-remote -q origin'), { kind: 'vcs-done', seconds: 0.005, command: 'git ls-remote -q origin' });
    assert.equal(parseTraceLine('go: example.com/a@v1: reading …: 404').kind, 'other');
  });

  it('hides only the lines -x adds', () => {
    assert.equal(isTraceLine('# get https://a/x'), true);
    assert.equal(isTraceLine('mkdir -p /tmp/x # git https://example.com/repo'), true);
    assert.equal(isTraceLine('go: downloading example.com/a v1.0.0'), false);
    assert.equal(isTraceLine('go: example.com/a@v1: not found'), false);
    assert.equal(isTraceLine('git ls-remote -q origin in /x: exit status 128:'), false);
  });
});

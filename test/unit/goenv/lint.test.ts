import assert from 'node:assert/strict';
import { setLanguage } from '../../../src/core/i18n';
import { parseFixId } from '../../../src/core/goenv/fixid';
import { ENV_FINDING_CODES, lintEnv } from '../../../src/core/goenv/lint';
import { resolveEnv, type EnvSnapshot } from '../../../src/core/goenv/resolve';

const GOENV_DEFAULTS = 'GOPROXY=https://proxy.golang.org,direct\nGOSUMDB=sum.golang.org\nGOTOOLCHAIN=auto\n';

function lint(p: { process?: Record<string, string>; envText?: string; editor?: Record<string, string>; rootText?: string } = {}) {
  const snap: EnvSnapshot = {
    platform: 'linux',
    process: { HOME: '/home/u', ...(p.process ?? {}) },
    editor: p.editor,
    envFile: { path: '/home/u/.config/go/env', text: p.envText },
    gorootEnv: { dir: '/usr/local/go', text: p.rootText ?? GOENV_DEFAULTS },
    exeGoroot: '/usr/local/go',
    workSearch: [{ dir: '/', hasGoWork: false }],
  };
  return lintEnv(resolveEnv(snap), { platform: 'linux' });
}
const codes = (fs: ReturnType<typeof lint>) => fs.map((f) => f.code).sort();

describe('goenv/lint', () => {
  afterEach(() => setLanguage('en'));

  it('a default environment has no findings', () => {
    assert.deepEqual(lint(), []);
  });

  it('env.shadowed-envfile: an OS value hides the go env -w value', () => {
    const fs = lint({ process: { GOPROXY: 'https://proxy.golang.org,direct' }, envText: 'GOPROXY=https://goproxy.cn,direct\n' });
    assert.deepEqual(codes(fs), ['env.shadowed-envfile']);
    assert.equal(fs[0].severity, 'warning');
    assert.match(fs[0].message, /go env -w/);
    assert.deepEqual(fs[0].fixes!.map((f) => parseFixId(f.id)), [
      { layer: 'editor', changes: [{ name: 'GOPROXY', value: 'https://goproxy.cn,direct' }] },
      { changes: [{ name: 'GOPROXY', value: undefined }] },
    ]);
    assert.match(fs[0].message, /unset GOPROXY/);
    assert.deepEqual(lint({ process: { GOPROXY: 'https://goproxy.cn,direct' }, envText: 'GOPROXY=https://goproxy.cn,direct\n' }), []);
  });

  it('GOPROXY off, empty (and masked), direct-only, invalid, ignored entries', () => {
    assert.deepEqual(codes(lint({ process: { GOPROXY: 'off' } })), ['env.goproxy-off', 'env.sumdb-needs-network']);
    assert.deepEqual(codes(lint({ rootText: '' })), ['env.goproxy-empty', 'env.gosumdb-invalid']);
    const masked = lint({ envText: 'GOPROXY=\n' });
    assert.deepEqual(codes(masked), ['env.goproxy-empty']);
    assert.deepEqual(parseFixId(masked[0].fixes![0].id)!.changes, [{ name: 'GOPROXY', value: undefined }]);
    assert.deepEqual(codes(lint({ process: { GOPROXY: 'direct' } })), ['env.goproxy-direct-only']);
    const bad = lint({ envText: 'GOPROXY=https://goproxy.cn,ftp://x.example,direct\n' });
    assert.deepEqual(codes(bad), ['env.goproxy-invalid']);
    assert.deepEqual(parseFixId(bad[0].fixes![0].id)!.changes, [{ name: 'GOPROXY', value: 'https://goproxy.cn,direct' }]);
    assert.deepEqual(codes(lint({ envText: 'GOPROXY=direct,https://goproxy.cn\n' })), ['env.goproxy-direct-only', 'env.goproxy-ignored']);
  });

  it('fixes for values that come from the OS environment target the editor layer', () => {
    const fs = lint({ process: { GOSUMDB: 'off' } });
    assert.deepEqual(codes(fs), ['env.gosumdb-off']);
    assert.equal(parseFixId(fs[0].fixes![0].id)!.layer, 'editor');
    const fromFile = lint({ envText: 'GOSUMDB=off\n' });
    assert.deepEqual(parseFixId(fromFile[0].fixes![0].id), { changes: [{ name: 'GOSUMDB', value: undefined }] });
  });

  it('env.proxy-pipe-leak and env.proxy-comma-stop', () => {
    assert.deepEqual(codes(lint({ envText: 'GOPROXY=https://athens.corp.example|https://proxy.golang.org,direct\n' })), ['env.proxy-pipe-leak']);
    const comma = lint({ envText: 'GOPROXY=https://goproxy.cn,https://proxy.golang.org,direct\n' });
    assert.deepEqual(codes(comma), ['env.proxy-comma-stop']);
    assert.equal(parseFixId(comma[0].fixes![0].id)!.changes[0].value, 'https://goproxy.cn|https://proxy.golang.org,direct');
  });

  it('env.proxy-comma-stop with probe results: an unreachable first proxy before direct', () => {
    const snap = resolveEnv({
      platform: 'linux', process: { HOME: '/h' }, envFile: { path: '/h/env' }, gorootEnv: { dir: '/g', text: GOENV_DEFAULTS }, exeGoroot: '/g', workSearch: [],
    });
    assert.deepEqual(lintEnv(snap, { platform: 'linux' }), []);
    const fs = lintEnv(snap, { platform: 'linux', unreachableProxies: ['https://proxy.golang.org'] });
    assert.deepEqual(fs.map((f) => [f.code, f.severity]), [['env.proxy-comma-stop', 'warning']]);
    assert.equal(parseFixId(fs[0].fixes![0].id)!.changes[0].value, 'https://proxy.golang.org|direct');
  });

  it('env.goprivate-via-public-proxy: GONOPROXY narrowed while only public mirrors are listed', () => {
    assert.deepEqual(codes(lint({ envText: 'GOPRIVATE=corp.example.com\nGONOPROXY=none\n' })), ['env.goprivate-via-public-proxy']);
    assert.deepEqual(lint({ envText: 'GOPRIVATE=corp.example.com\nGONOPROXY=none\nGOPROXY=https://athens.corp.example.com,https://proxy.golang.org\n' }).map((f) => f.code), ['env.proxy-comma-stop']);
  });

  it('GOSUMDB invalid, and on while GOPROXY allows no network', () => {
    assert.deepEqual(codes(lint({ process: { GOSUMDB: 'gosum.io' } })), ['env.gosumdb-invalid']);
    assert.deepEqual(codes(lint({ process: { GOPROXY: 'file:///srv/mirror' } })), ['env.sumdb-needs-network']);
  });

  it('patterns: too broad, spaces', () => {
    assert.deepEqual(codes(lint({ envText: 'GOPRIVATE=github.com\n' })), ['env.pattern-too-broad']);
    assert.deepEqual(codes(lint({ envText: 'GOINSECURE=*\n' })), ['env.pattern-too-broad']);
    assert.deepEqual(lint({ envText: 'GOPRIVATE=github.com/mycorp,*.corp.example.com\n' }), []);
    const spaced = lint({ envText: 'GOPRIVATE=corp.example.com, other.example.com\n' });
    assert.deepEqual(codes(spaced), ['env.pattern-space']);
    assert.equal(parseFixId(spaced[0].fixes![0].id)!.changes[0].value, 'corp.example.com,other.example.com');
  });

  it('env.unknown-variable: GONOSUMCHECK in the env file, with the GONOSUMDB suggestion', () => {
    const fs = lint({ envText: 'GONOSUMCHECK=corp.example.com\n' });
    assert.deepEqual(codes(fs), ['env.unknown-variable']);
    assert.match(fs[0].message, /GONOSUMDB/);
    assert.deepEqual(parseFixId(fs[0].fixes![1].id)!.changes, [{ name: 'GONOSUMCHECK', value: undefined }, { name: 'GONOSUMDB', value: 'corp.example.com' }]);
    assert.deepEqual(codes(lint({ process: { GOPROXYY: 'x', GOOGLE_APPLICATION_CREDENTIALS: '/k.json' } })), ['env.unknown-variable']);
  });

  it('env-file entries go never reads there, and empty entries that hide go.env', () => {
    assert.deepEqual(codes(lint({ envText: 'HTTPS_PROXY=http://proxy.corp:3128\n' })), ['env.envfile-os-only']);
    assert.deepEqual(codes(lint({ envText: 'GOSUMDB=\n' })), ['env.envfile-empty-masks', 'env.gosumdb-invalid']);
  });

  it('GOFLAGS: -insecure, -mod=vendor, non-flags', () => {
    assert.deepEqual(codes(lint({ envText: 'GOFLAGS=-insecure -modcacherw\n' })), ['env.goflags-insecure']);
    const vendor = lint({ envText: 'GOFLAGS=-mod=vendor\n' });
    assert.deepEqual(codes(vendor), ['env.goflags-mod-vendor']);
    assert.deepEqual(parseFixId(vendor[0].fixes![0].id)!.changes, [{ name: 'GOFLAGS', value: undefined }]);
    assert.deepEqual(codes(lint({ process: { GOFLAGS: 'modcacherw' } })), ['env.goflags-invalid']);
  });

  it('HTTP_PROXY without HTTPS_PROXY; upper/lower case disagreement', () => {
    assert.deepEqual(codes(lint({ process: { HTTP_PROXY: 'http://proxy.corp:3128' } })), ['env.http-proxy-without-https']);
    assert.deepEqual(lint({ process: { http_proxy: 'http://p:1', HTTPS_PROXY: 'http://p:1' } }), []);
    assert.deepEqual(codes(lint({ process: { HTTPS_PROXY: 'http://a:1', https_proxy: 'http://b:1' } })), ['env.proxy-case-conflict']);
  });

  it('GO111MODULE, GIT_TERMINAL_PROMPT, relative paths', () => {
    assert.deepEqual(codes(lint({ envText: 'GO111MODULE=off\n' })), ['env.go111module-off']);
    assert.deepEqual(codes(lint({ process: { GO111MODULE: 'yes' } })), ['env.go111module-invalid']);
    assert.deepEqual(codes(lint({ process: { GIT_TERMINAL_PROMPT: '1' } })), ['env.git-terminal-prompt']);
    assert.deepEqual(codes(lint({ process: { GOCACHE: 'cache', GOMODCACHE: 'mods' } })), ['env.path-relative', 'env.path-relative']);
  });

  it('every code it emits is documented in ENV_FINDING_CODES, and messages are localized', () => {
    setLanguage('zh-cn');
    const fs = lint({ process: { GOSUMDB: 'off', HTTP_PROXY: 'http://p:1' }, envText: 'GONOSUMCHECK=x\nGOFLAGS=-insecure\n' });
    for (const f of fs) {
      assert.ok(f.code in ENV_FINDING_CODES, f.code);
      assert.match(f.message, /[\u4e00-\u9fff]/, f.message);
    }
  });

  it('never puts a credential in a message, evidence or fix title', () => {
    const fs = lint({ process: { GOPROXY: 'https://user:s3cret@athens.corp.example|https://proxy.golang.org' }, envText: 'GOPROXY=https://x:t0ken@other.example\n' });
    assert.ok(fs.length > 0);
    const text = JSON.stringify(fs.map((f) => ({ ...f, fixes: f.fixes?.map((x) => x.title) })));
    assert.ok(!text.includes('s3cret') && !text.includes('t0ken'), text);
  });
});

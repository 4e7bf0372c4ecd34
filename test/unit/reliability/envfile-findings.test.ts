// The env-file faults as findings, without go: a file that cannot be read, one that would block a reader, junk
// lines go skips, and Windows line endings. Both languages; no credential in any message or evidence.
import assert from 'node:assert/strict';
import type { Finding } from '../../../src/core/finding';
import { ignoredEnvFileLines, parseEnvFile } from '../../../src/core/goenv/envfile';
import { ENV_FINDING_CODES, lintEnv } from '../../../src/core/goenv/lint';
import { resolveEnv, type EnvSnapshot } from '../../../src/core/goenv/resolve';
import { MODULE_VARIABLE_NAMES } from '../../../src/core/goenv/vars';
import { setLanguage } from '../../../src/core/i18n';

const FILE = '/home/u/.config/go/env';

function lint(envFile: EnvSnapshot['envFile']): Finding[] {
  const snap: EnvSnapshot = {
    platform: 'linux',
    process: { HOME: '/home/u' },
    envFile,
    gorootEnv: { dir: '/usr/local/go', text: 'GOPROXY=https://proxy.golang.org,direct\nGOSUMDB=sum.golang.org\n' },
    exeGoroot: '/usr/local/go',
    workSearch: [{ dir: '/', hasGoWork: false }],
  };
  return lintEnv(resolveEnv(snap), { platform: 'linux' });
}

describe('reliability: env-file faults as findings', () => {
  afterEach(() => setLanguage('en'));

  it('an env file that cannot be read is a warning naming the file and the cause', () => {
    const fs = lint({ path: FILE, error: 'EISDIR: illegal operation on a directory, read' });
    assert.deepEqual(fs.map((f) => [f.code, f.severity]), [['env.file-unreadable', 'warning']]);
    assert.match(fs[0].message, /\/home\/u\/\.config\/go\/env cannot be read \(EISDIR/);
    assert.match(fs[0].message, /go env -w fails/);
    assert.deepEqual(fs[0].evidence, { envFile: FILE, error: 'EISDIR: illegal operation on a directory, read' });
  });

  it('a named pipe is an error: go would wait forever', () => {
    const fs = lint({ path: FILE, error: 'not a regular file: a named pipe' });
    assert.deepEqual(fs.map((f) => [f.code, f.severity]), [['env.file-unreadable', 'error']]);
    assert.match(fs[0].message, /waits forever/);
  });

  it('no env file (GOENV=off) or a missing one is not a finding', () => {
    assert.deepEqual(lint({ error: 'GOENV=off' }), []);
    assert.deepEqual(lint({ path: FILE }), []);
  });

  it('lines go skips are listed (1-based, quoted); comments and blank lines are not', () => {
    const text = '# a comment\n\nGOFLAGS=-mod=mod\n  GOPRIVATE=corp.example\ngoproxy=off\njunk\n=x\n\tGONOSUMDB=y\n';
    const skipped = ignoredEnvFileLines(text).map((l) => l.line + 1);
    assert.deepEqual(skipped, [4, 5, 6, 7, 8]);
    // Exactly the complement of what the parser (go's rules) reads, apart from blanks and comments.
    const read = new Set(parseEnvFile(text).lines.map((l) => l.line + 1));
    for (const n of skipped) assert.ok(!read.has(n));
    const fs = lint({ path: FILE, text });
    const f = fs.find((x) => x.code === 'env.envfile-ignored-lines')!;
    assert.equal(f.severity, 'warning', 'an indented assignment was meant to apply');
    assert.match(f.message, /4 \("  GOPRIVATE=corp\.example"\), 5 \("goproxy=off"\), 6 \("junk"\), 7 \("=x"\), 8 \("\\tGONOSUMDB=y"\)/);
    assert.deepEqual(f.evidence, { envFile: FILE, lines: [4, 5, 6, 7, 8] });
    const onlyJunk = lint({ path: FILE, text: 'GOFLAGS=-mod=mod\nthis is junk\n' });
    assert.deepEqual(onlyJunk.map((x) => [x.code, x.severity]), [['env.envfile-ignored-lines', 'info']]);
  });

  it('more than five skipped lines: five are quoted, the evidence has all', () => {
    const text = Array.from({ length: 9 }, (_, i) => `junk${i}`).join('\n');
    const f = lint({ path: FILE, text }).find((x) => x.code === 'env.envfile-ignored-lines')!;
    assert.equal((f.message.match(/"junk\d"/g) ?? []).length, 5);
    assert.match(f.message, /, …\./);
    assert.equal((f.evidence as { lines: number[] }).lines.length, 9);
  });

  // No fix: go env -w refuses to write the "\r" back, so the journal could not undo one.
  it('a value ending in a carriage return is flagged, without a fix', () => {
    const fs = lint({ path: FILE, text: 'GONOSUMDB=corp.example\r\nGOFLAGS=-mod=mod\n' });
    const f = fs.find((x) => x.code === 'env.envfile-crlf')!;
    assert.equal(f.variable, 'GONOSUMDB');
    assert.equal(f.fixes, undefined);
    assert.match(f.message, /LF line endings/);
    assert.ok(!fs.some((x) => x.code === 'env.envfile-crlf' && x.variable === 'GOFLAGS'));
  });

  it('the new codes are listed, translated, and never quote a credential', () => {
    setLanguage('zh-cn');
    const fs = [
      ...lint({ path: FILE, error: 'EACCES: permission denied' }),
      ...lint({ path: FILE, error: 'not a regular file: a socket' }),
      ...lint({ path: FILE, text: '  GOPROXY=https://alice:s3cr3t@proxy.corp.example\nGOPRIVATE=https://bob:t0ken@x.example\r\n' }),
    ];
    const codes = new Set(fs.map((f) => f.code));
    for (const c of ['env.envfile-crlf', 'env.envfile-ignored-lines', 'env.file-unreadable']) assert.ok(codes.has(c), c);
    for (const f of fs) {
      assert.ok(f.code in ENV_FINDING_CODES, f.code);
      assert.match(f.message, /[\u4e00-\u9fff]/, f.message);
    }
    const text = JSON.stringify(fs);
    assert.ok(!text.includes('s3cr3t') && !text.includes('t0ken'), text);
  });
});

describe('reliability: env lint quotes no credential, whatever variable or layer holds it', () => {
  // Userinfo, a token query and a GitHub token, bare and in the shapes that trip rules (spaces, CR, lists, pipes).
  const SECRET = /s3cr3t|t0k3n|ghp_[A-Za-z0-9]{20}/;
  const values = [
    'https://alice:s3cr3t@proxy.corp.example',
    ' https://alice:s3cr3t@proxy.corp.example ',
    'https://alice:s3cr3t@a.example|https://bob:s3cr3t@b.example,off',
    'corp.example,https://alice:s3cr3t@x.example/*, y.example',
    'https://proxy.example/?access_token=t0k3n',
    'ghp_' + 'A'.repeat(20) + 'B'.repeat(16),
    'https://alice:s3cr3t@x.example\r',
  ];
  it('every module variable × env file / OS / editor × every value', () => {
    let checked = 0;
    const leaks: string[] = [];
    for (const name of MODULE_VARIABLE_NAMES) {
      for (const value of values) {
        for (const layer of ['envfile', 'process', 'editor'] as const) {
          const snap: EnvSnapshot = {
            platform: 'linux',
            process: { HOME: '/home/u', ...(layer === 'process' ? { [name]: value } : {}) },
            editor: layer === 'editor' ? { [name]: value } : undefined,
            envFile: { path: FILE, text: layer === 'envfile' ? `${name}=${value}\n  ${name}=${value}\n` : undefined },
            gorootEnv: { dir: '/usr/local/go', text: 'GOPROXY=https://proxy.golang.org,direct\nGOSUMDB=sum.golang.org\n' },
            exeGoroot: '/usr/local/go',
            workSearch: [{ dir: '/', hasGoWork: false }],
          };
          const text = JSON.stringify(lintEnv(resolveEnv(snap), { platform: 'linux', unreachableProxies: ['https://alice:s3cr3t@proxy.corp.example'] }));
          checked++;
          if (SECRET.test(text)) leaks.push(`${name} in ${layer} = ${JSON.stringify(value)}: ${text.match(new RegExp(`.{0,80}(${SECRET.source}).{0,20}`))?.[0]}`);
        }
      }
    }
    assert.deepEqual(leaks, [], `${leaks.length} of ${checked} leaked`);
  });
});

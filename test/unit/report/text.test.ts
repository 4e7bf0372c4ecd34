// The text report: groups (environment, hosts, caches, files), fix commands, colour only on request, redaction.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Finding } from '../../../src/core/finding';
import { setLanguage } from '../../../src/core/i18n';
import { fixCommand, renderTextReport, shellQuote } from '../../../src/core/report/text';

const base = join('/work', 'repo');
const ESC = '\x1b[';

const findings: Finding[] = [
  { code: 'gomod.version-invalid', severity: 'error', message: 'bad version', file: join(base, 'svc', 'go.mod'), range: { start: { line: 4, character: 24 }, end: { line: 4, character: 30 } } },
  {
    code: 'module.unreachable', severity: 'error', message: 'cannot reach example.com/lib', file: join(base, 'svc', 'go.mod'), module: 'example.com/lib',
    range: { start: { line: 2, character: 8 }, end: { line: 2, character: 23 } },
    fixes: [
      { id: 'env:set:GOPROXY=https://goproxy.cn,direct', title: 'Switch GOPROXY to https://goproxy.cn' },
      { id: 'module.download:example.com/lib@v1.0.0', title: 'Add missing go.sum entries' },
    ],
  },
  { code: 'proxy.timeout', severity: 'error', message: 'proxy https://alice:s3cr3t@proxy.corp timed out', host: 'proxy.corp', variable: 'GOPROXY' },
  {
    code: 'env.proxy-comma-stop', severity: 'warning', message: 'comma stops go', variable: 'GOPROXY',
    fixes: [{ id: 'env@editor:set:GOPROXY=a|b', title: 'Use a pipe' }, { id: 'advice:env.proxy-comma-stop', title: 'Or fix the proxy' }],
  },
  { code: 'cache.partial-download', severity: 'warning', message: 'partial download', module: 'x.org/y', version: 'v1.0.0', fixes: [{ id: 'cache:clear-version:x.org/y@v1.0.0', title: 'Clear it' }] },
  { code: 'gomod.version-noncanonical', severity: 'warning', message: 'short version', file: join(base, 'a', 'go.mod'), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } },
  { code: 'toolchain.weird', severity: 'hint', message: 'something else' },
];

describe('report: text', () => {
  before(() => setLanguage('en'));

  it('groups findings: environment, hosts, caches, files (sorted, lines in order), then the rest, then a summary', () => {
    const text = renderTextReport(findings, { baseDir: base, fileCount: 2 });
    const headers = text.split('\n').filter((l) => l !== '' && !l.startsWith(' '));
    assert.deepEqual(headers, [
      'Go environment',
      'host proxy.corp',
      'caches',
      join('a', 'go.mod'),
      join('svc', 'go.mod'),
      'other',
      '3 error(s), 3 warning(s), 1 other finding(s) in 2 file(s)',
    ]);
    const svc = text.slice(text.indexOf(join('svc', 'go.mod')));
    assert.ok(svc.indexOf('3:9 error module.unreachable') < svc.indexOf('5:25 error gomod.version-invalid'), 'by line within a file');
  });

  it('prints the command that applies each fix that can be run, and only the title of advice', () => {
    const text = renderTextReport(findings, { baseDir: base, cwd: base });
    assert.match(text, /\n {4}fix: Switch GOPROXY to https:\/\/goproxy\.cn\n {6}\$ gomod-doctor fix env:set:GOPROXY=https:\/\/goproxy\.cn,direct\n/);
    assert.match(text, /\n {6}\$ go -C svc mod download example\.com\/lib@v1\.0\.0\n/);
    assert.match(text, /\$ gomod-doctor fix 'env@editor:set:GOPROXY=a\|b' --settings <settings\.json>\n/);
    assert.match(text, /\n {4}fix: Or fix the proxy\n(?! {6}\$)/, 'advice has no command line');
    assert.match(text, /\$ gomod-doctor cache clear x\.org\/y@v1\.0\.0\n/);
  });

  it('module commands run in the module directory relative to where the user stands, or at its absolute path', () => {
    const file = join(base, 'svc', 'go.mod');
    assert.equal(fixCommand('module.upgrade:example.com/a@v1.2.3', { file, cwd: join(base, 'svc') }), 'go mod edit -require=example.com/a@v1.2.3');
    assert.equal(fixCommand('module.remove-replace:example.com/a', { file, cwd: base }), 'go -C svc mod edit -dropreplace=example.com/a');
    assert.equal(fixCommand('module.remove-replace:example.com/a@v1.0.0', { file, cwd: '/elsewhere' }), `go -C ${join(base, 'svc')} mod edit -dropreplace=example.com/a@v1.0.0`);
    assert.equal(fixCommand('advice:cache.network-fs', { cwd: base }), undefined);
    assert.equal(fixCommand('net.switch-mirror', { cwd: base }), undefined);
  });

  it('quotes for POSIX shells only when needed, and survives single quotes', () => {
    assert.equal(shellQuote('env:set:GOPROXY=https://goproxy.cn,direct'), 'env:set:GOPROXY=https://goproxy.cn,direct');
    assert.equal(shellQuote('a b'), "'a b'");
    assert.equal(shellQuote("it's"), `'it'\\''s'`);
    assert.equal(shellQuote('a&b|c;d'), "'a&b|c;d'");
  });

  it('colour only when asked; the text is the same without the escape codes', () => {
    const plain = renderTextReport(findings, { baseDir: base, fileCount: 2 });
    const coloured = renderTextReport(findings, { baseDir: base, fileCount: 2, color: true });
    assert.ok(!plain.includes(ESC));
    assert.ok(coloured.includes(`${ESC}1m${ESC}31merror${ESC}0m`));
    assert.equal(coloured.replace(/\x1b\[[0-9;]*m/g, ''), plain);
  });

  it('never prints URL credentials from messages', () => {
    const text = renderTextReport(findings, { baseDir: base });
    assert.ok(!text.includes('s3cr3t'));
    assert.match(text, /https:\/\/\*\*\*@proxy\.corp/);
  });

  it('speaks Chinese, and a summary without a file count when none is given', () => {
    setLanguage('zh-cn');
    try {
      const text = renderTextReport(findings.slice(2, 4), { baseDir: base });
      assert.match(text, /^Go 环境$/m);
      assert.match(text, /^主机 proxy\.corp$/m);
      assert.match(text, /\n {4}修复: Use a pipe/);
      assert.match(text, /1 个错误、1 个警告、0 个其他问题\n$/);
    } finally {
      setLanguage('en');
    }
    assert.equal(renderTextReport([], { baseDir: base }), '0 error(s), 0 warning(s), 0 other finding(s)\n');
  });
});

// Checks on the panel's sources as files: every host string has its English and Chinese bundle entries, the
// webview script type-checks with the DOM library and never turns data into markup, and the CSS loads nothing remote.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const root = join(__dirname, '..', '..', '..', '..');
const read = (...p: string[]): string => readFileSync(join(root, ...p), 'utf8');
const filesIn = (dir: string): string[] => readdirSync(join(root, dir)).filter((f) => f.endsWith('.ts')).map((f) => join(dir, f));

function placeholders(s: string): string[] {
  return [...s.matchAll(/\{(\d+)\}/g)].map((m) => m[1]).sort();
}

/** Strings that read the same in Chinese (protocol names, file names, the format name). */
const SAME_IN_CHINESE = new Set(['DNS', 'TCP', 'TLS', 'HTTP', 'HTTP {0}', 'GOROOT/go.env', 'Markdown']);

describe('panel sources', () => {
  it('every vscode.l10n.t string of the panel is in both bundles, translated, with the same placeholders', () => {
    const en = JSON.parse(read('l10n', 'bundle.l10n.json')) as Record<string, string>;
    const zh = JSON.parse(read('l10n', 'bundle.l10n.zh-cn.json')) as Record<string, string>;
    let count = 0;
    for (const file of filesIn('src/extension/panel')) {
      for (const m of read(file).matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) {
        const key = m[1];
        count++;
        assert.equal(en[key], key, `${file}: "${key}" lacks its entry in l10n/bundle.l10n.json`);
        assert.ok(zh[key], `${file}: "${key}" lacks its entry in l10n/bundle.l10n.zh-cn.json`);
        if (!SAME_IN_CHINESE.has(key)) assert.notEqual(zh[key], key, `"${key}" is not translated`);
        assert.deepEqual(placeholders(zh[key]), placeholders(key), key);
      }
    }
    assert.ok(count > 100, `found only ${count} strings: the pattern no longer matches how the panel calls vscode.l10n.t`);
  });

  it('the panel uses the Chinese terms Go developers use', () => {
    const zh = JSON.parse(read('l10n', 'bundle.l10n.zh-cn.json')) as Record<string, string>;
    assert.equal(zh['proxy'], '代理');
    assert.equal(zh['checksum database'], '校验和数据库');
    assert.equal(zh['Module cache'], '模块缓存');
    assert.equal(zh['private'], '私有');
  });

  it('the webview script type-checks against the DOM library (src/webview/tsconfig.json)', function () {
    this.timeout(60_000);
    const configPath = join(root, 'src', 'webview', 'tsconfig.json');
    const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => assert.fail(ts.flattenDiagnosticMessageText(d.messageText, '\n')) });
    assert.ok(config);
    assert.ok(config.fileNames.some((f) => f.endsWith('src/webview/main.ts')));
    const program = ts.createProgram(config.fileNames, config.options);
    const problems = ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file ? `${d.file.fileName}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}: ` : '';
      return where + ts.flattenDiagnosticMessageText(d.messageText, '\n');
    });
    assert.deepEqual(problems, []);
  });

  it('the webview script builds the DOM with text nodes only: no HTML parsing sinks, no eval, no global API object', () => {
    for (const file of filesIn('src/webview')) {
      const src = read(file).replace(/\/\/.*$/gm, '');
      for (const sink of ['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write', 'DOMParser', 'eval(', 'new Function', 'setAttribute(\'on', 'srcdoc', 'window.vscode']) {
        assert.ok(!src.includes(sink), `${file} uses ${sink}`);
      }
    }
    assert.equal((read('src/webview/main.ts').match(/acquireVsCodeApi\(/g) ?? []).length, 1);
  });

  it('the stylesheet loads nothing (no url(), no @import) and uses the theme variables', () => {
    const css = read('media', 'panel.css');
    assert.ok(!/url\(|@import/i.test(css));
    for (const v of ['--vscode-foreground', '--vscode-button-background', '--vscode-focusBorder', '--vscode-input-background']) assert.ok(css.includes(v), v);
  });
});

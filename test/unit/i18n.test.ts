import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allKeys, normalizeLang, t } from '../../src/core/i18n';

const root = join(__dirname, '..', '..', '..');

function placeholders(s: string): string[] {
  return [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
}

describe('i18n', () => {
  it('maps locales to catalogues', () => {
    for (const l of ['zh-cn', 'zh-CN', 'zh_CN.UTF-8', 'zh-Hans', 'zh']) assert.equal(normalizeLang(l), 'zh-cn', l);
    for (const l of ['en', 'en_US.UTF-8', 'fr', '', undefined, 'zh-TW']) assert.equal(normalizeLang(l), 'en', String(l));
  });

  it('every core message has a Chinese translation with the same placeholders', () => {
    for (const key of allKeys()) {
      const en = t(key, {}, 'en');
      const zh = t(key, {}, 'zh-cn');
      assert.ok(zh.length > 0, key);
      // Messages that are only placeholders and punctuation ("{file}: {line}") read the same in both languages.
      if (/\p{L}/u.test(en.replace(/\{\w+\}/g, ''))) assert.notEqual(zh, en, `${key} is not translated`);
      assert.deepEqual(placeholders(zh), placeholders(en), key);
    }
  });

  for (const [en, zh] of [
    ['package.nls.json', 'package.nls.zh-cn.json'],
    ['l10n/bundle.l10n.json', 'l10n/bundle.l10n.zh-cn.json'],
  ]) {
    it(`${zh} translates every key of ${en}`, () => {
      const a = JSON.parse(readFileSync(join(root, en), 'utf8')) as Record<string, string>;
      const b = JSON.parse(readFileSync(join(root, zh), 'utf8')) as Record<string, string>;
      assert.deepEqual(Object.keys(b).sort(), Object.keys(a).sort());
      for (const k of Object.keys(a)) assert.deepEqual(placeholders(b[k]), placeholders(a[k]), k);
    });
  }

  it('every %key% of package.json is in package.nls.json', () => {
    const manifest = readFileSync(join(root, 'package.json'), 'utf8');
    const nls = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
    for (const m of manifest.matchAll(/"%([^%"]+)%"/g)) assert.ok(m[1] in nls, m[1]);
  });

  it('every vscode.l10n.t string of the extension is in the bundle', () => {
    const bundle = JSON.parse(readFileSync(join(root, 'l10n/bundle.l10n.json'), 'utf8')) as Record<string, string>;
    const dir = join(root, 'src', 'extension');
    for (const name of require('node:fs').readdirSync(dir) as string[]) {
      const src = readFileSync(join(dir, name), 'utf8');
      for (const m of src.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) assert.ok(m[1] in bundle, `${name}: ${m[1]}`);
    }
  });
});

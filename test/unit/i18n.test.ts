import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

  it('every %key% of package.json has an English and a Chinese entry', () => {
    const manifest = readFileSync(join(root, 'package.json'), 'utf8');
    const keys = [...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.length > 30, `only ${keys.length} %key% references in package.json`);
    for (const file of ['package.nls.json', 'package.nls.zh-cn.json']) {
      const nls = JSON.parse(readFileSync(join(root, file), 'utf8')) as Record<string, string>;
      for (const k of keys) assert.ok(typeof nls[k] === 'string' && nls[k].trim() !== '', `${file} lacks ${k}`);
    }
  });

  it('every walkthrough media file exists, in English and in Chinese', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      contributes: { walkthroughs?: Array<{ steps: Array<{ media: { markdown?: string; image?: string } }> }> };
    };
    const steps = (manifest.contributes.walkthroughs ?? []).flatMap((w) => w.steps);
    assert.ok(steps.length >= 4, `${steps.length} walkthrough steps`);
    for (const file of ['package.nls.json', 'package.nls.zh-cn.json']) {
      const nls = JSON.parse(readFileSync(join(root, file), 'utf8')) as Record<string, string>;
      const seen = new Set<string>();
      for (const step of steps) {
        const raw = step.media.markdown ?? step.media.image ?? '';
        // The manifest's %key% strings are localized as a whole, media paths included.
        const media = /^%(.+)%$/.test(raw) ? nls[raw.slice(1, -1)] : raw;
        assert.ok(media, `${file}: no media path for ${raw}`);
        assert.ok(existsSync(join(root, media)), `${file}: ${media} does not exist`);
        const text = readFileSync(join(root, media), 'utf8');
        assert.ok(text.trim().length > 100, `${media} is (nearly) empty`);
        if (file.includes('zh-cn')) assert.ok(/\p{Script=Han}{20}/u.test(text.replace(/[\s\p{P}a-zA-Z`*|]/gu, '')), `${media} is not in Chinese`);
        seen.add(media);
      }
      assert.equal(seen.size, steps.length, `${file}: two steps share a media file`);
    }
  });

  it('every vscode.l10n.t string of the extension is in the bundle', () => {
    const bundle = JSON.parse(readFileSync(join(root, 'l10n/bundle.l10n.json'), 'utf8')) as Record<string, string>;
    const files = (function walk(dir: string): string[] {
      return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
      );
    })(join(root, 'src', 'extension'));
    let count = 0;
    for (const file of files) {
      const src = readFileSync(file, 'utf8');
      for (const m of src.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) {
        const text = m[1].replace(/\\(.)/g, '$1');
        assert.ok(text in bundle, `${file}: ${text}`);
        count++;
      }
    }
    assert.ok(count > 100, `only ${count} translated strings found`);
  });
});

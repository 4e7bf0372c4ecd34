// Both languages of the translator and cache catalogues: every message has a Chinese text with the same
// placeholders, and every message key a shape refers to exists (the type system checks the keys; this checks
// that formatting leaves no placeholder unfilled for a real record).
import * as assert from 'node:assert/strict';
import { cacheMessages } from '../../../src/core/i18n/catalog/cache';
import { explainMessages } from '../../../src/core/i18n/catalog/explain';
import { explainT } from '../../../src/core/diagnose/explain';
import { cacheT } from '../../../src/core/cache';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('explain and cache catalogues (en + zh-cn)', () => {
  for (const [family, catalogue] of [
    ['explain', explainMessages],
    ['cache', cacheMessages],
  ] as const) {
    it(`${family}: every message is translated with the same placeholders`, () => {
      const entries = Object.entries(catalogue) as Array<[string, { en: string; zh: string }]>;
      assert.ok(entries.length > 20);
      for (const [key, e] of entries) {
        assert.ok(e.en.length > 0 && e.zh.length > 0, key);
        if (!/^(cache\.cli\.plan-item|x\.gomod\.syntax)$/.test(key)) assert.notEqual(e.zh, e.en, `${key} is not translated`);
        assert.deepEqual(placeholders(e.zh), placeholders(e.en), key);
      }
    });
  }

  it('fills nested reason keys in the same language', () => {
    const args = { host: 'proxy.golang.org', module: 'a@v1', reason: '{x.reason.dns}' };
    assert.match(explainT('x.net.proxy', args, 'en'), /does not resolve/);
    assert.match(explainT('x.net.proxy', args, 'zh-cn'), /无法解析/);
    assert.match(cacheT('cache.disk-low', { what: 'x', path: '/p', free: '1 B', threshold: '1 GiB' }, 'zh-cn'), /可用空间/);
  });
});

// Nested reason keys: a value "{key}" is filled with that message in the same language.
import * as assert from 'node:assert/strict';
import { t } from '../../../src/core/i18n';

describe('explain and cache messages', () => {
  it('fills nested reason keys in the same language', () => {
    const args = { host: 'proxy.golang.org', module: 'a@v1', reason: '{x.reason.dns}' };
    assert.match(t('x.net.proxy', args, 'en'), /does not resolve/);
    assert.match(t('x.net.proxy', args, 'zh-cn'), /无法解析/);
    assert.match(t('cache.disk-low', { what: 'x', path: '/p', free: '1 B', threshold: '1 GiB' }, 'zh-cn'), /可用空间/);
  });
});

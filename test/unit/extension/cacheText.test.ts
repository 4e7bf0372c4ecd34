import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE_COMMANDS, cacheConfirmation } from '../../../src/extension/cacheText';
import { PANEL_COMMANDS } from '../../../src/extension/panel/messages';
import { chinese, english } from './fakes';

const root = join(__dirname, '..', '..', '..', '..');

describe('extension: cache command confirmations', () => {
  it('says how much goes and from where; "at least" when the measure ran out of time', () => {
    const c = cacheConfirmation('modcache', { planId: 'p', root: '/root/go/pkg/mod', bytes: 3 * 1024 * 1024, items: 34512, complete: true }, english);
    assert.equal(c.message, 'Remove 3.0 MB (34,512 files) in /root/go/pkg/mod?');
    assert.equal(c.button, 'Clean');
    assert.ok(c.detail.includes('downloaded again'));
    const partial = cacheConfirmation('buildcache', { planId: 'p', root: '/c', bytes: 2048, items: 2, complete: false }, english);
    assert.equal(partial.message, 'Remove at least 2.0 KB (2 files) in /c?');
    assert.ok(partial.detail.includes('not measured completely'));
    const prune = cacheConfirmation('prune', { planId: 'p', root: '/m', bytes: 10, items: 3, complete: true }, english);
    assert.equal(prune.message, 'Remove 10 B (3 module versions no go.mod of this workspace needs) from /m?');
    assert.equal(prune.button, 'Prune');
  });

  it('the server\'s own summary wins when it sent one', () => {
    assert.equal(cacheConfirmation('modcache', { planId: 'p', summary: 'Remove 1 GB?' }, english).message, 'Remove 1 GB?');
  });

  it('in Chinese with the zh-cn bundle', () => {
    const c = cacheConfirmation('modcache', { planId: 'p', root: '/m', bytes: 1024, items: 1, complete: true }, chinese());
    assert.equal(c.message, '删除 /m 中的 1.0 KB（1 个文件）？');
    assert.equal(c.button, '清理');
  });

  it('the three cache commands are contributed, and the panel may call each of them', () => {
    const manifest = readFileSync(join(root, 'package.json'), 'utf8');
    for (const id of Object.keys(CACHE_COMMANDS)) {
      assert.ok(manifest.includes(`"command": "${id}"`), id);
      assert.ok((PANEL_COMMANDS as readonly string[]).includes(id), `${id} is not a panel command`);
    }
  });
});

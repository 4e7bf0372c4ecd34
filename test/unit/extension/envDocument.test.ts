import * as assert from 'node:assert/strict';
import { envMarkdown } from '../../../src/extension/envDocument';
import { chinese, english, snapshot } from './fakes';

describe('extension: Show Go Environment document', () => {
  it('one table row per variable with value, layer and shadowed values; findings listed', () => {
    const s = snapshot({
      env: [
        {
          name: 'GOPROXY',
          value: 'https://goproxy.cn,direct',
          layer: 'envfile',
          shadowed: [{ layer: 'default', value: 'https://proxy.golang.org,direct' }],
          findings: [{ code: 'env.proxy-no-fallback', severity: 'warning', message: 'no fallback' }],
        },
        { name: 'GOPRIVATE', value: '', layer: 'default', shadowed: [], findings: [] },
      ],
    });
    const md = envMarkdown(s, english);
    const rows = md.split('\n').filter((l) => l.startsWith('| GO'));
    assert.deepEqual(rows, [
      '| GOPROXY | `https://goproxy.cn,direct` | envfile | default: `https://proxy.golang.org,direct` |',
      '| GOPRIVATE | (empty) | default |  |',
    ]);
    assert.ok(md.includes('- **warning** `env.proxy-no-fallback`: no fallback'), md);
    assert.ok(md.includes('`/usr/local/go/bin/go` (go1.26.0)'), md);
    assert.ok(md.includes('`/root/.config/go/env`'), md);
  });

  it('redacts credentials and keeps table cells whole (pipes, newlines, backticks)', () => {
    const s = snapshot({
      env: [
        { name: 'GOPROXY', value: 'https://user:s3cret@proxy.corp|https://b.example', layer: 'process', shadowed: [], findings: [] },
        { name: 'GOFLAGS', value: 'a`b\nc', layer: 'process', shadowed: [], findings: [] },
      ],
    });
    const md = envMarkdown(s, english);
    assert.ok(!md.includes('s3cret'), md);
    assert.ok(md.includes('`https://***@proxy.corp\\|https://b.example`'), md);
    const flags = md.split('\n').find((l) => l.startsWith('| GOFLAGS'));
    assert.equal(flags, '| GOFLAGS | `` a`b c `` | process |  |');
  });

  it('untrusted: says the environment is not read, no table', () => {
    const md = envMarkdown(snapshot({ trusted: false, env: [] }), english);
    assert.ok(md.includes('Restricted Mode'));
    assert.ok(!md.includes('| Variable |'));
  });

  it('in Chinese with the zh-cn bundle', () => {
    const md = envMarkdown(snapshot(), chinese());
    assert.ok(md.startsWith('# Go 环境（go 命令看到的样子）'), md);
    assert.ok(md.includes('| 变量 | 值 | 层 | 被覆盖的值 |'), md);
  });
});

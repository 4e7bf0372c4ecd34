import * as assert from 'node:assert/strict';
import { redact } from '../../../src/extension/redact';
import { redactSecrets } from '../../../src/core/report/redact';

describe('extension: redaction of what reaches the log, the clipboard and documents', () => {
  it('removes URL userinfo and secret-named values, keeps the rest', () => {
    assert.equal(redact('GOPROXY=https://alice:tok3n@proxy.corp/x,direct'), 'GOPROXY=https://***@proxy.corp/x,direct');
    assert.equal(redact('https://gh_token@github.com/a'), 'https://***@github.com/a');
    assert.equal(redact('url?access_token=abc&x=1'), 'url?access_token=***&x=1');
    assert.equal(redact('password=hunter2 next'), 'password=*** next');
    assert.equal(redact('plain text https://proxy.golang.org'), 'plain text https://proxy.golang.org');
  });

  it('hides at least what the engine hides for URL userinfo and secret assignments', () => {
    const samples = [
      'https://u:p@h.example/a',
      'GOPROXY=http://x@127.0.0.1:1',
      'see ?token=zzz&a=b',
      'export api_key=k1 and secret=s2',
      'two https://a:b@c.d and ftp://e:f@g.h',
    ];
    for (const s of samples) {
      const ours = redact(s);
      for (const secret of ['u:p', ':p@', 'x@', 'zzz', 'k1', 's2', 'a:b', 'e:f']) {
        if (!redactSecrets(s).includes(secret)) assert.ok(!ours.includes(secret), `${s}: ours keeps ${secret}: ${ours}`);
      }
    }
  });
});

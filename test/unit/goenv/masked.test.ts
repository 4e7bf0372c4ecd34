// Masked credentials in fix ids come back from the value in force, or the write is refused.
import assert from 'node:assert/strict';
import { hasMaskedUserinfo, unmaskChange } from '../../../src/core/goenv/write/masked';
import { redactSecrets } from '../../../src/core/report/redact';

describe('goenv: masked credentials in fix values', () => {
  const current = 'https://alice:s3cret@proxy.corp.example/go,https://goproxy.cn|direct';

  it('a redacted pipe fix writes the real credentials back', () => {
    const wanted = 'https://alice:s3cret@proxy.corp.example/go|https://goproxy.cn|direct';
    const masked = redactSecrets(wanted);
    assert.ok(hasMaskedUserinfo(masked));
    assert.deepEqual(unmaskChange({ name: 'GOPROXY', value: masked }, [current]), { name: 'GOPROXY', value: wanted });
  });

  it('looks in every candidate value (a shadowed layer too)', () => {
    const masked = 'https://***@proxy.corp.example/go,direct';
    assert.deepEqual(unmaskChange({ name: 'GOPROXY', value: masked }, ['off', current]), { name: 'GOPROXY', value: 'https://alice:s3cret@proxy.corp.example/go,direct' });
  });

  it('refuses when no current value has that exact URL (other host, other path, other scheme)', () => {
    for (const masked of ['https://***@other.example/go', 'https://***@proxy.corp.example/other', 'http://***@proxy.corp.example/go']) {
      assert.equal(unmaskChange({ name: 'GOPROXY', value: masked }, [current]), undefined, masked);
    }
  });

  it('leaves unmasked values and removals alone', () => {
    assert.deepEqual(unmaskChange({ name: 'GOPROXY', value: 'https://goproxy.cn,direct' }, []), { name: 'GOPROXY', value: 'https://goproxy.cn,direct' });
    assert.deepEqual(unmaskChange({ name: 'GOPROXY', value: undefined }, []), { name: 'GOPROXY', value: undefined });
  });
});

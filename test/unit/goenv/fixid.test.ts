import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatFixId, parseFixId, type EnvFix } from '../../../src/core/goenv/fixid';

describe('goenv/fixid', () => {
  it('readable ids for common fixes', () => {
    assert.equal(formatFixId({ changes: [{ name: 'GOPROXY', value: 'https://goproxy.cn,direct' }] }), 'env:set:GOPROXY=https://goproxy.cn,direct');
    assert.equal(formatFixId({ layer: 'editor', changes: [{ name: 'GOSUMDB', value: undefined }] }), 'env@editor:unset:GOSUMDB');
    assert.equal(formatFixId({ changes: [{ name: 'GONOSUMCHECK', value: undefined }, { name: 'GONOSUMDB', value: 'a b&c' }] }), 'env:unset:GONOSUMCHECK&set:GONOSUMDB=a%20b%26c');
  });

  it('rejects ids of other families and malformed ids', () => {
    for (const id of ['gomod.fix', 'env:', 'env:set:', 'env:frob:X', 'env@remote:unset:X', 'env:set:1X=2']) assert.equal(parseFixId(id), undefined, id);
  });

  it('round-trips any change list (property)', () => {
    const change = fc.record({ name: fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,12}$/), value: fc.option(fc.string({ maxLength: 30 }), { nil: undefined }) });
    fc.assert(
      fc.property(fc.array(change, { minLength: 1, maxLength: 4 }), fc.constantFrom<EnvFix['layer']>(undefined, 'editor'), (raw, layer) => {
        const changes = raw.map((c) => ({ name: c.name, value: c.value }));
        const fix: EnvFix = layer ? { layer, changes } : { changes };
        assert.deepEqual(parseFixId(formatFixId(fix)), fix);
      }),
    );
  });
});

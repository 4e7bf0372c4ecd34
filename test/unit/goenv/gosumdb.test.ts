import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { KNOWN_SUMDB_KEYS, parseGosumdb, parseVerifierKey } from '../../../src/core/goenv/gosumdb';

function makeKey(name: string, alg = 1): string {
  const raw = generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  const key = Buffer.concat([Buffer.from([alg]), raw]);
  const hash = createHash('sha256').update(name + '\n').update(key).digest().subarray(0, 4).toString('hex');
  return `${name}+${hash}+${key.toString('base64')}`;
}

describe('goenv/gosumdb', () => {
  it('accepts the built-in sum.golang.org key (whose base64 contains "+")', () => {
    assert.deepEqual(parseVerifierKey(KNOWN_SUMDB_KEYS['sum.golang.org']), { name: 'sum.golang.org' });
  });

  it('off, a known name, name+key, name+key url', () => {
    assert.deepEqual(parseGosumdb('off'), { kind: 'off' });
    const byName = parseGosumdb('sum.golang.org');
    assert.equal(byName.kind === 'db' && byName.form, 'name');
    const k = makeKey('sum.example.com');
    const withKey = parseGosumdb(k);
    assert.ok(withKey.kind === 'db' && withKey.name === 'sum.example.com' && !withKey.url && withKey.direct === 'https://sum.example.com');
    const withUrl = parseGosumdb(`${k}  https://mirror.example/sumdb `);
    assert.ok(withUrl.kind === 'db' && withUrl.url === 'https://mirror.example/sumdb');
  });

  it('rewrites sum.golang.google.cn to sum.golang.org with an explicit URL', () => {
    const cn = parseGosumdb('sum.golang.google.cn');
    assert.ok(cn.kind === 'db' && cn.name === 'sum.golang.org' && cn.url === 'https://sum.golang.google.cn' && cn.form === 'alias');
  });

  it('reports the go command errors', () => {
    const err = (v: string) => {
      const r = parseGosumdb(v);
      return r.kind === 'error' ? r.error : undefined;
    };
    assert.equal(err(''), 'missing GOSUMDB');
    assert.equal(err('   '), 'missing GOSUMDB');
    assert.equal(err('a b c'), 'invalid GOSUMDB: too many fields');
    assert.equal(err('gosum.io'), 'invalid GOSUMDB: malformed verifier id');
    assert.equal(err('https://sum.golang.org'), 'invalid GOSUMDB: malformed verifier id');
    const k = makeKey('sum.example.com');
    assert.equal(err(k.replace(/\+([0-9a-f]{8})\+/, (_, h: string) => `+${h === '00000000' ? '00000001' : '00000000'}+`)), 'invalid GOSUMDB: invalid verifier hash');
    assert.equal(err(makeKey('sum.example.com', 2)), 'invalid GOSUMDB: unknown verifier algorithm');
    assert.match(err(makeKey('sum.example.com/'))!, /^invalid sumdb name \(must be host\[\/path\]\)/);
    assert.match(err(makeKey('user@sum.example.com'))!, /^invalid sumdb name/);
    assert.equal(err(`${k} https://a.example:12ab`), 'invalid GOSUMDB URL: parse "https://a.example:12ab": invalid port ":12ab" after host');
  });
});

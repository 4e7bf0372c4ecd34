import * as assert from 'node:assert/strict';
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { NoteError, openNote, parseLookup, parseTree, verifierFromKey } from '../../../src/core/net/note';

// The example of golang.org/x/mod/sumdb/note's documentation.
const PETER = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const NOTE = `${TEXT}\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`;
const SUM_GOLANG_ORG = 'sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8';

function keyPair(name: string) {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const keyBytes = Buffer.concat([Buffer.from([1]), publicKey.export({ format: 'der', type: 'spki' }).subarray(-32)]);
  const hash = createHash('sha256').update(name + '\n').update(keyBytes).digest().subarray(0, 4);
  const signNote = (text: string) =>
    `${text}\n\u2014 ${name} ${Buffer.concat([hash, sign(null, Buffer.from(text), privateKey)]).toString('base64')}\n`;
  return { vkey: `${name}+${hash.toString('hex')}+${keyBytes.toString('base64')}`, signNote };
}

function kindOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return e instanceof NoteError ? e.kind : (e as Error).message;
  }
  return 'ok';
}

describe('net/note: signed notes', () => {
  it('verifies the x/mod documentation example and rejects a tampered copy', () => {
    const v = verifierFromKey(PETER);
    assert.equal(openNote(Buffer.from(NOTE), v).text, TEXT);
    assert.equal(kindOf(() => openNote(Buffer.from(NOTE.replace('cryptography', 'cryptographY')), v)), 'bad-signature');
  });

  it('parses the sum.golang.org key (base64 with "+")', () => {
    const v = verifierFromKey(SUM_GOLANG_ORG);
    assert.equal(v.name, 'sum.golang.org');
    assert.equal(v.hash.toString(16).padStart(8, '0'), '033de0ae');
  });

  it('rejects malformed keys with the go command\'s words', () => {
    assert.equal(kindOf(() => verifierFromKey('sum.golang.org')), 'malformed verifier id');
    assert.equal(kindOf(() => verifierFromKey(PETER.replace('c74f20a3', 'c74f20a4'))), 'invalid verifier hash');
    assert.equal(kindOf(() => verifierFromKey('x+00000000+')), 'malformed verifier id');
  });

  it('tells a note signed by another key from one with a bad signature', () => {
    const a = keyPair('db.example');
    const b = keyPair('db.example');
    const v = verifierFromKey(a.vkey);
    const text = 'go.sum database tree\n3\n' + Buffer.alloc(32, 7).toString('base64') + '\n';
    assert.equal(kindOf(() => openNote(Buffer.from(a.signNote(text)), v)), 'ok');
    assert.equal(kindOf(() => openNote(Buffer.from(b.signNote(text)), v)), 'unknown-key');
    const bad = Buffer.from(a.signNote(text));
    const sigAt = bad.lastIndexOf(' ') + 10;
    bad[sigAt] = bad[sigAt] === 0x41 ? 0x42 : 0x41;
    assert.equal(kindOf(() => openNote(bad, v)), 'bad-signature');
    // A second, unknown signature beside a good one is fine.
    const both = a.signNote(text) + b.signNote(text).split('\n\n')[1];
    assert.equal(openNote(Buffer.from(both), v).unverified.length, 1);
  });

  it('rejects malformed notes', () => {
    const v = verifierFromKey(PETER);
    for (const bad of [TEXT, `${TEXT}\n`, `${TEXT}\nPeterNeumann abc\n`, `${TEXT}\n\u2014 PeterNeumann AAAA\n`, `a\u0001b\n\n\u2014 x AAAAAAAA\n`]) {
      assert.equal(kindOf(() => openNote(Buffer.from(bad), v)), 'malformed-note', JSON.stringify(bad));
    }
  });

  it('parses tree heads and lookup answers', () => {
    const hash = Buffer.alloc(32, 1).toString('base64');
    assert.deepEqual(parseTree(`go.sum database tree\n12\n${hash}\n`), { size: 12n, hash });
    assert.deepEqual(parseTree(`go.sum database tree\n12\n${hash}\nextra line\n`), { size: 12n, hash });
    for (const bad of [`go.sum database tree\n012\n${hash}\n`, `other\n1\n${hash}\n`, 'go.sum database tree\n1\nAAAA\n']) {
      assert.equal(kindOf(() => parseTree(bad)), 'malformed-note');
    }
    const k = keyPair('db.example');
    const v = verifierFromKey(k.vkey);
    const record = 'example.com/m v1.0.0 h1:abc=\nexample.com/m v1.0.0/go.mod h1:def=\n';
    const note = k.signNote(`go.sum database tree\n5\n${hash}\n`);
    const r = parseLookup(Buffer.from(`3\n${record}\n${note}`), v);
    assert.equal(r.id, 3n);
    assert.deepEqual(r.lines, record.trim().split('\n'));
    assert.equal(kindOf(() => parseLookup(Buffer.from(`7\n${record}\n${note}`), v)), 'malformed-note'); // outside the tree
  });
});

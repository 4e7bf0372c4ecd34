// Scopes the go.sum grammar gives checksum lines. The go command reads a go.sum line as exactly three
// whitespace-separated fields (module, version[/go.mod], hash) and rejects any other count.
import assert from 'node:assert/strict';
import { expectNoScope, expectScope, scopesWithPrefix, tokenize, type TokenizedLine } from './grammar-files.test';

const S = '.go.sum';

async function lines(text: string): Promise<TokenizedLine[]> {
  const result = await tokenize('go.sum', text);
  assert.equal(result.stoppedEarly, false);
  return result.lines;
}

function line(all: TokenizedLine[], i: number): TokenizedLine {
  const l = all[i];
  if (!l) throw new Error(`no line ${i}`);
  return l;
}

describe('go.sum grammar', () => {
  it('scopes module, version, /go.mod suffix and h1 hash', async () => {
    const doc = await lines(
      [
        'golang.org/x/mod v0.37.0 h1:vF1DjpVEshcIqoEaauuHebaLk1O1forxjxBaVn884JQ=',
        'golang.org/x/mod v0.37.0/go.mod h1:m8S8VeM9r4dzDwjrKO0a1sZP3YjeMamRRlD+fmR2Q/0=',
      ].join('\n'),
    );
    expectScope(line(doc, 0), 'golang.org/x/mod', `entity.name.type.module${S}`);
    expectScope(line(doc, 0), 'v0.37.0', `constant.numeric.version${S}`);
    expectScope(line(doc, 0), 'h1', `storage.type.hash-algorithm${S}`);
    expectScope(line(doc, 0), ':', `punctuation.separator.key-value${S}`);
    expectScope(line(doc, 0), 'vF1DjpVEshcIqoEaauuHebaLk1O1forxjxBaVn884JQ=', `constant.other.hash${S}`);
    expectScope(line(doc, 0), 'golang.org/x/mod v0.37.0 h1:vF1DjpVEshcIqoEaauuHebaLk1O1forxjxBaVn884JQ=', `meta.checksum${S}`);
    expectScope(line(doc, 1), 'v0.37.0', `constant.numeric.version${S}`);
    expectNoScope(line(doc, 1), 'v0.37.0', 'storage.modifier');
    expectScope(line(doc, 1), '/go.mod', `storage.modifier.go-mod${S}`);
    expectScope(line(doc, 1), '/', `punctuation.separator.slash${S}`, 2);
    // a "/" inside the base64 hash is part of the hash
    expectScope(line(doc, 1), 'm8S8VeM9r4dzDwjrKO0a1sZP3YjeMamRRlD+fmR2Q/0=', `constant.other.hash${S}`);
  });

  it('scopes pseudo-versions and +incompatible', async () => {
    const doc = await lines(
      [
        'github.com/a/b v2.0.0+incompatible/go.mod h1:oOW0eioCTA6cOiMLiUPZOpcVxMig6NIQQ7OS05n1F4g=',
        'github.com/c/d v0.0.0-20191109021931-daa7c04131f5 h1:XJtiaUW6dEEqVuZiMTn1ldk455QWwEIsMIJlo5vtkx0=',
        'github.com/e/f v1.2.4-0.20191109021931-daa7c04131f5+incompatible h1:XJtiaUW6dEEqVuZiMTn1ldk455QWwEIsMIJlo5vtkx0=',
      ].join('\n'),
    );
    expectScope(line(doc, 0), 'v2.0.0+incompatible', `constant.numeric.version${S}`);
    expectScope(line(doc, 0), '+incompatible', `storage.modifier.incompatible${S}`);
    expectScope(line(doc, 0), '/go.mod', `storage.modifier.go-mod${S}`);
    expectScope(line(doc, 1), 'v0.0.0-20191109021931-daa7c04131f5', `constant.numeric.version.pseudo${S}`);
    expectScope(line(doc, 2), 'v1.2.4-0.20191109021931-daa7c04131f5+incompatible', `constant.numeric.version.pseudo${S}`);
  });

  it('accepts blank lines and other hash algorithms, and marks lines with the wrong field count', async () => {
    const doc = await lines(
      [
        '',
        '   ',
        'example.com/m v1.0.0 h2:AAAA',
        'example.com/m v1.0.0',
        'example.com/m v1.0.0 h1:AAAA= extra',
        '\texample.com/m  v1.0.0\th1:AAAA=  ',
      ].join('\n'),
    );
    assert.deepEqual(scopesWithPrefix(line(doc, 0), 'invalid'), []);
    assert.deepEqual(scopesWithPrefix(line(doc, 1), 'invalid'), []);
    expectScope(line(doc, 2), 'h2', `storage.type.hash-algorithm${S}`);
    expectScope(line(doc, 3), 'example.com/m v1.0.0', `invalid.illegal.wrong-field-count${S}`);
    expectScope(line(doc, 4), 'example.com/m v1.0.0 h1:AAAA= extra', `invalid.illegal.wrong-field-count${S}`);
    assert.deepEqual(scopesWithPrefix(line(doc, 5), 'invalid'), []);
    expectScope(line(doc, 5), 'example.com/m', `entity.name.type.module${S}`);
    expectScope(line(doc, 5), 'AAAA=', `constant.other.hash${S}`);
  });
});

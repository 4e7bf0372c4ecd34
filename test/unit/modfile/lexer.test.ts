import * as assert from 'node:assert/strict';
import { Lexer, ModSyntaxError, Tok } from '../../../src/core/modfile/lexer';
import { LineIndex } from '../../../src/core/modfile/lines';

function lexAll(text: string): Tok[] {
  const lx = new Lexer(text);
  const out: Tok[] = [];
  for (;;) {
    const t = lx.next();
    out.push(t);
    if (t.kind === 'eof') return out;
  }
}

const brief = (text: string) => lexAll(text).map((t) => `${t.kind}:${JSON.stringify(t.text)}@${t.start}-${t.end}`);

function lexError(text: string): ModSyntaxError {
  try {
    lexAll(text);
  } catch (e) {
    if (e instanceof ModSyntaxError) return e;
    throw e;
  }
  assert.fail(`no error for ${JSON.stringify(text)}`);
}

describe('modfile lexer', () => {
  const cases: [string, string[]][] = [
    ['module x.com/m\n', ['ident:"module"@0-6', 'ident:"x.com/m"@7-14', '\n:"\\n"@14-15', 'eof:""@15-15']],
    ['a\t b\r\n', ['ident:"a"@0-1', 'ident:"b"@3-4', '\n:"\\n"@5-6', 'eof:""@6-6']],
    ['(a)[b]{c},', ['(:"("@0-1', 'ident:"a"@1-2', '):")"@2-3', '[:"["@3-4', 'ident:"b"@4-5', ']:"]"@5-6', '{:"{"@6-7', 'ident:"c"@7-8', '}:"}"@8-9', ',:","@9-10', 'eof:""@10-10']],
    ['a=>b', ['ident:"a=>b"@0-4', 'eof:""@4-4']],
    ['"a b" `c d`', ['string:"\\"a b\\""@0-5', 'string:"`c d`"@6-11', 'eof:""@11-11']],
    ['"a\\"b"x', ['string:"\\"a\\\\\\"b\\""@0-6', 'ident:"x"@6-7', 'eof:""@7-7']],
    ['x//c\n', ['ident:"x"@0-1', 'eolcomment:"//c"@1-5', 'eof:""@5-5']],
    ['// whole\r\nx // suffix\r\n', ['comment:"// whole"@0-10', 'ident:"x"@10-11', 'eolcomment:"// suffix"@12-23', 'eof:""@23-23']],
    ['  // indented is whole-line\n', ['comment:"// indented is whole-line"@2-28', 'eof:""@28-28']],
    ['é𝔁"q\'', ['ident:"é𝔁\\"q\'"@0-6', 'eof:""@6-6']],
  ];
  for (const [text, want] of cases) {
    it(`tokenizes ${JSON.stringify(text)}`, () => assert.deepEqual(brief(text), want));
  }

  it('keeps suffix comments in file order for attachment', () => {
    const lx = new Lexer('a // one\n// whole\nb // two');
    while (lx.next().kind !== 'eof');
    assert.deepEqual(lx.suffixComments, [{ start: 2, text: '// one' }, { start: 20, text: '// two' }]);
  });

  const errors: [string, string, number, [number, number]][] = [
    // text, message, offset go reports, offending span
    ['/* c */', 'mod files must use // comments (not /* */ comments)', 0, [0, 2]],
    ['module x/*', 'mod files must use // comments (not /* */ comments)', 8, [8, 10]],
    ['"abc\nx', 'unexpected newline in string', 4, [0, 4]],
    ['x "abc', 'unexpected EOF in string', 2, [2, 6]],
    ['x "abc\\', 'unexpected EOF in string', 2, [2, 7]],
    ['\ufeffmodule x', "unexpected input character '\\ufeff'", 0, [0, 1]],
    ['a\vb', "unexpected input character '\\v'", 1, [1, 2]],
    ['a\u00a0b', "unexpected input character '\\u00a0'", 1, [1, 2]],
    ['a \u0000', "unexpected input character '\\x00'", 2, [2, 3]],
  ];
  for (const [text, message, at, [start, end]] of errors) {
    it(`reports ${message} for ${JSON.stringify(text)}`, () => {
      const e = lexError(text);
      assert.deepEqual([e.message, e.at, e.start, e.end], [message, at, start, end]);
    });
  }

  it('lets a backslash carry a string over a newline (as x/mod does)', () => {
    assert.deepEqual(brief('"a\\\nb"'), ['string:"\\"a\\\\\\nb\\""@0-6', 'eof:""@6-6']);
  });
});

describe('modfile line index', () => {
  it('maps offsets to LSP positions (UTF-16, CR, LF, CRLF) and to go lines/columns (LF only, runes)', () => {
    const text = 'a𝔁b\r\nc\rd\ne';
    const idx = new LineIndex(text);
    assert.deepEqual(idx.position(3), { line: 0, character: 3 }); // after the surrogate pair
    assert.deepEqual(idx.position(6), { line: 1, character: 0 });
    assert.deepEqual(idx.position(8), { line: 2, character: 0 }); // LSP breaks at a lone CR
    assert.deepEqual(idx.position(10), { line: 3, character: 0 });
    assert.equal(idx.goLine(8), 2); // go does not
    assert.equal(idx.goColumn(8), 3);
    assert.equal(idx.goColumn(3), 3); // a, 𝔁 → column 3 in runes
    assert.equal(idx.goLine(10), 3);
  });
});

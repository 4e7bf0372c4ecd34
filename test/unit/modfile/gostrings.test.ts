import * as assert from 'node:assert/strict';
import { decodeGoBytes, goFields, goQuote, goQuoteRune, goTrimSpace, goUnquote } from '../../../src/core/modfile/gostrings';

// Expected values were printed by Go's strconv on this machine.
describe('Go string helpers', () => {
  const unquote: [string, string | undefined][] = [
    ['"a\\tb"', 'a\tb'],
    ['"\\x41\\101\\u00e9\\U0001F600"', 'AAé😀'],
    ['"\\a\\b\\f\\n\\r\\v\\\\\\""', '\x07\b\f\n\r\v\\"'],
    ['"\\\'"', undefined],
    ['"\\q"', undefined],
    ['"\\400"', undefined],
    ['"\\ud800"', undefined],
    ['"\\x4"', undefined],
    ['"\\u12"', undefined],
    ['"\\U00110000"', undefined],
    ['"plain é"', 'plain é'],
  ];
  for (const [lit, want] of unquote) it(`unquotes ${lit}`, () => assert.equal(goUnquote(lit), want));

  it('keeps bytes that are not UTF-8 apart, as Go strings do', () => {
    assert.equal(goUnquote('"\\xff"'), '\udcff');
    assert.equal(goQuote(goUnquote('"\\xffA\\xc3\\xa9"')!), '"\\xffAé"');
    assert.equal(decodeGoBytes([0xe2, 0x82, 0x41, 0xed, 0xa0, 0x80, 0xf0, 0x9f, 0x98, 0x80]), '\udce2\udc82A\udced\udca0\udc80😀');
  });

  it('quotes as strconv.Quote and QuoteRune do', () => {
    assert.equal(goQuote('a\u00a0\u200b\u2028\ufeff\u0085'), '"a\\u00a0\\u200b\\u2028\\ufeff\\u0085"');
    assert.equal(goQuote('\x07\b\f\n\r\v\\"\x00\x7f é😀'), '"\\a\\b\\f\\n\\r\\v\\\\\\"\\x00\\x7f é😀"');
    assert.equal(goQuoteRune(0xfeff), "'\\ufeff'");
    assert.equal(goQuoteRune(0x27), "'\\''");
    assert.equal(goQuoteRune(0x22), `'"'`);
    assert.equal(goQuoteRune(0xe9), "'é'");
  });

  it('trims and splits on Go spaces (U+0085 and U+00A0 yes, U+FEFF no)', () => {
    assert.equal(goTrimSpace('\u0085\u00a0 x \u3000'), 'x');
    assert.equal(goTrimSpace('\ufeffx'), '\ufeffx');
    assert.deepEqual(goFields(' a\tb\u2003c\u200bd '), ['a', 'b', 'c\u200bd']);
  });
});

import * as assert from 'node:assert/strict';
import type { Range } from '../../../src/core/finding';
import { formatGoError, parseGoMod } from '../../../src/core/modfile';
import type { ParseError, Token } from '../../../src/core/modfile';

const r = (l1: number, c1: number, l2: number, c2: number): Range => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });
const tok = (raw: string, value: string, range: Range): Token => ({ raw, value, range });

describe('parseGoMod: directives and exact ranges', () => {
  it('reads module, go, toolchain with token and statement ranges', () => {
    const f = parseGoMod('module "x.com/m"\n\ngo 1.21.0\ntoolchain go1.22.3-custom\n');
    assert.deepEqual(f.errors, []);
    assert.deepEqual(f.module, { path: tok('"x.com/m"', 'x.com/m', r(0, 7, 0, 16)), range: r(0, 0, 0, 16) });
    assert.deepEqual(f.go, { version: tok('1.21.0', '1.21.0', r(2, 3, 2, 9)), range: r(2, 0, 2, 9) });
    assert.deepEqual(f.toolchain, { name: tok('go1.22.3-custom', 'go1.22.3-custom', r(3, 10, 3, 25)), range: r(3, 0, 3, 25) });
  });

  it('reads require lines and blocks, canonicalising versions and keeping the raw text', () => {
    const f = parseGoMod('module m\nrequire x.com/a v1 // indirect\nrequire (\n\t"x.com/b" v1.2.3+meta\n\tx.com/c/v2 v2.0.0 // indirect; note\n)\n');
    assert.deepEqual(f.errors, []);
    assert.deepEqual(f.require, [
      { path: tok('x.com/a', 'x.com/a', r(1, 8, 1, 15)), version: tok('v1', 'v1.0.0', r(1, 16, 1, 18)), indirect: true, range: r(1, 0, 1, 18) },
      { path: tok('"x.com/b"', 'x.com/b', r(3, 1, 3, 10)), version: tok('v1.2.3+meta', 'v1.2.3', r(3, 11, 3, 22)), indirect: false, range: r(3, 1, 3, 22) },
      { path: tok('x.com/c/v2', 'x.com/c/v2', r(4, 1, 4, 11)), version: tok('v2.0.0', 'v2.0.0', r(4, 12, 4, 18)), indirect: true, range: r(4, 1, 4, 18) },
    ]);
  });

  it('reads exclude, tool, ignore and godebug', () => {
    const f = parseGoMod('module m\nexclude x.com/a v1.0.0+incompatible\ntool x.com/t\nignore ./node_modules\ngodebug (\n\tpanicnil=1\n)\n');
    assert.deepEqual(f.errors, []);
    assert.deepEqual(f.exclude, [
      { path: tok('x.com/a', 'x.com/a', r(1, 8, 1, 15)), version: tok('v1.0.0+incompatible', 'v1.0.0+incompatible', r(1, 16, 1, 35)), range: r(1, 0, 1, 35) },
    ]);
    assert.deepEqual(f.tool, [{ path: tok('x.com/t', 'x.com/t', r(2, 5, 2, 12)), range: r(2, 0, 2, 12) }]);
    assert.deepEqual(f.ignore, [{ path: tok('./node_modules', './node_modules', r(3, 7, 3, 21)), range: r(3, 0, 3, 21) }]);
    assert.deepEqual(f.godebug, [{ key: 'panicnil', value: '1', token: tok('panicnil=1', 'panicnil=1', r(5, 1, 5, 11)), range: r(5, 1, 5, 11) }]);
  });

  const replaces: [string, { old: [string, string?]; new: [string, string?]; isDirectory: boolean }][] = [
    ['x.com/a => ./a', { old: ['x.com/a'], new: ['./a'], isDirectory: true }],
    ['x.com/a v1.2 => ../b', { old: ['x.com/a', 'v1.2.0'], new: ['../b'], isDirectory: true }],
    ['x.com/a => /abs', { old: ['x.com/a'], new: ['/abs'], isDirectory: true }],
    ['x.com/a => C:/win', { old: ['x.com/a'], new: ['C:/win'], isDirectory: true }],
    ['x.com/a => .', { old: ['x.com/a'], new: ['.'], isDirectory: true }],
    ['x.com/a => y.com/b v1', { old: ['x.com/a'], new: ['y.com/b', 'v1.0.0'], isDirectory: false }],
    ['x.com/a v1.0.0 => y.com/b/v3 v1.0.0', { old: ['x.com/a', 'v1.0.0'], new: ['y.com/b/v3', 'v1.0.0'], isDirectory: false }],
  ];
  for (const [line, want] of replaces) {
    it(`reads replace ${line}`, () => {
      const f = parseGoMod(`module m\nreplace ${line}\n`);
      assert.deepEqual(f.errors, []);
      const [rep] = f.replace;
      assert.deepEqual(
        { old: [rep.old.path.value, rep.old.version?.value].filter(Boolean), new: [rep.new.path.value, rep.new.version?.value].filter(Boolean), isDirectory: rep.isDirectory },
        { old: want.old, new: want.new, isDirectory: want.isDirectory },
      );
      assert.deepEqual(rep.range, r(1, 0, 1, 8 + line.length));
    });
  }

  it('gives replace tokens their own ranges', () => {
    const [rep] = parseGoMod('module m\nreplace x.com/a v1 => y.com/b v2.0.0+incompatible\n').replace;
    assert.deepEqual(rep.old.path.range, r(1, 8, 1, 15));
    assert.deepEqual(rep.old.version?.range, r(1, 16, 1, 18));
    assert.deepEqual(rep.new.path.range, r(1, 22, 1, 29));
    assert.deepEqual(rep.new.version, tok('v2.0.0+incompatible', 'v2.0.0+incompatible', r(1, 30, 1, 49)));
  });

  it('reads retract versions and intervals, keeping the versions as written', () => {
    const f = parseGoMod('module m\nretract v1.0.0\nretract [v1.1.0, "v1.2"] // bad\n');
    assert.deepEqual(f.errors, []);
    assert.deepEqual(f.retract, [
      { low: tok('v1.0.0', 'v1.0.0', r(1, 8, 1, 14)), high: tok('v1.0.0', 'v1.0.0', r(1, 8, 1, 14)), rationale: '', range: r(1, 0, 1, 14) },
      { low: tok('v1.1.0', 'v1.1.0', r(2, 9, 2, 15)), high: tok('"v1.2"', 'v1.2', r(2, 17, 2, 23)), rationale: 'bad', range: r(2, 0, 2, 24) },
    ]);
  });

  it('counts range columns in UTF-16 code units', () => {
    const f = parseGoMod('module "é.com/𝔁" // 𝔁\nrequire "𝔁.com/a" v1.0.0\n');
    assert.deepEqual(f.module?.path.range, r(0, 7, 0, 17));
    assert.deepEqual(f.require[0].version.range, r(1, 19, 1, 25));
  });
});

describe('parseGoMod: comments', () => {
  const indirect: [string, boolean][] = [
    ['// indirect', true],
    ['//indirect', true],
    ['// indirect; why', true],
    ['//\tindirect\u00a0', true],
    ['// Indirect', false],
    ['// indirect why', false],
    ['// indirect;', false],
    ['// not indirect', false],
  ];
  for (const [comment, want] of indirect) {
    it(`reads ${JSON.stringify(comment)} as indirect=${want}`, () => {
      assert.equal(parseGoMod(`module m\nrequire x.com/a v1.0.0 ${comment}\n`).require[0].indirect, want);
    });
  }

  it('does not take // indirect from a comment on another line or on the block', () => {
    const f = parseGoMod('module m\n// indirect\nrequire x.com/a v1.0.0\nrequire ( // indirect\n\tx.com/b v1.0.0\n) // indirect\n');
    assert.deepEqual(f.require.map((x) => x.indirect), [false, false]);
  });

  const deprecations: [string, string | undefined][] = [
    ['// Deprecated: use x.com/new\nmodule x.com/m\n', 'use x.com/new'],
    ['// Deprecated: first\n// line two\n//\n// Deprecated: second\nmodule x.com/m\n', 'first\nline two'],
    ['// intro\n//\n// Deprecated:   spaced\nmodule x.com/m\n', 'spaced'],
    ['module x.com/m // Deprecated: in the suffix\n', 'in the suffix'],
    ['// Deprecated: on the block\nmodule (\n\tx.com/m\n)\n', 'on the block'],
    ['// Deprecated: block\nmodule (\n\t// own comment wins\n\tx.com/m\n)\n', undefined],
    ['// Deprecated: not attached\n\nmodule x.com/m\n', undefined],
    ['// deprecated: lower case\nmodule x.com/m\n', undefined],
    ['// intro Deprecated: mid-paragraph\nmodule x.com/m\n', undefined],
  ];
  for (const [text, want] of deprecations) {
    it(`reads the deprecation of ${JSON.stringify(text)}`, () => assert.equal(parseGoMod(text).module?.deprecated, want));
  }

  it('computes retract rationales from own comments, else the block comments', () => {
    const f = parseGoMod('module m\n// block\nretract (\n\tv1.0.0\n\t// own\n\n\tv1.1.0\n\n\t// after blank\n\t[v1.2.0, v1.3.0] // suffix\n)\n// a\n//\n// b\nretract v2.0.0\n');
    assert.deepEqual(f.retract.map((x) => x.rationale), ['block', 'own', 'after blank\nsuffix', 'a\n\nb']);
  });
});

describe('parseGoMod: line endings and BOM', () => {
  it('handles CRLF exactly like LF', () => {
    const lf = parseGoMod('module m\n// Deprecated: x\nrequire x.com/a v1 // indirect\nretract v1.0.0 // why\n');
    const crlf = parseGoMod('module m\r\n// Deprecated: x\r\nrequire x.com/a v1 // indirect\r\nretract v1.0.0 // why\r\n');
    assert.deepEqual(crlf, lf);
  });

  it('rejects a leading BOM, as the go command does', () => {
    const f = parseGoMod('\ufeffmodule m\n');
    assert.deepEqual(f.errors, [{ line: 1, column: 1, message: "unexpected input character '\\ufeff'", range: r(0, 0, 0, 1) }]);
  });
});

describe('parseGoMod: errors', () => {
  const cases: [string, string[], Range?][] = [
    // text, formatted errors, range of the first
    ['module m\nrequire x.com/a master\n', ['go.mod:2: require x.com/a: version "master" invalid: must be of the form v1.2.3'], r(1, 16, 1, 22)],
    ['module m\nrequire x.com/a/v2 v1.0.0\n', ['go.mod:2: require x.com/a/v2: version "v1.0.0" invalid: should be v2, not v1'], r(1, 19, 1, 25)],
    ['module m\nrequire x.com/a v2.0.0\n', ['go.mod:2: require x.com/a: version "v2.0.0" invalid: should be v0 or v1, not v2']],
    ['module m\nrequire x.com/v1 v1.0.0\n', ['go.mod:2: invalid module path'], r(1, 8, 1, 16)],
    ['module m\nrequire x.com/a\n', ['go.mod:2: usage: require module/path v1.2.3'], r(1, 0, 1, 15)],
    ['module m\nrequire `x` v1\n', ['go.mod:2: invalid quoted string: unquoted string cannot contain quote'], r(1, 8, 1, 11)],
    ['module m\nrequire "x\\q" v1\n', ['go.mod:2: invalid quoted string: invalid syntax']],
    ["module m\nretract 'v1'\n", [`go.mod:2: retract: version "'v1'" invalid: unquoted string cannot contain quote`]],
    ['module m\n  go 1.2.3.4\n', ["go.mod:2:3: invalid go version '1.2.3.4': must match format 1.23.0"], r(1, 5, 1, 12)],
    ['module m\ngo 1.21\ngo 1.22\n', ['go.mod:3: repeated go statement'], r(2, 0, 2, 7)],
    ['module m\ntoolchain 1.21\n', ["go.mod:2: invalid toolchain version '1.21': must match format go1.23.0 or default"]],
    ['module m\nmodule n\n', ['go.mod:2: repeated module statement']],
    ['module\nmodule n\n', ['go.mod:1: usage: module module/path', 'go.mod:2: repeated module statement']],
    ['module m\ngodebug x\n', ['go.mod:2: usage: godebug key=value']],
    ['module m\nfoo bar\n', ['go.mod:2: unknown directive: foo'], r(1, 0, 1, 3)],
    ['module m\ngo (\n\t1.21\n)\n', ['go.mod:2: unknown block type: go'], r(1, 0, 1, 2)],
    ['module m\nrequire x.com/a (\n)\n', ['go.mod:2: unknown block type: require x.com/a'], r(1, 0, 1, 15)],
    ['module m\nreplace x.com/a => y.com/b\n', ['go.mod:2: replacement module without version must be directory path (rooted or starting with . or ..)'], r(1, 19, 1, 26)],
    ['module m\nreplace x.com/a => y.com/b@v1\n', ["go.mod:2: replacement module must match format 'path version', not 'path@version'"]],
    ['module m\nreplace x.com/a => ./a v1.0.0\n', ['go.mod:2: replacement module directory path "./a" cannot have version'], r(1, 23, 1, 29)],
    ['module m\nreplace x.com/a => a\\b\n', ['go.mod:2: replacement module without version must be directory path (rooted or starting with . or ..)']],
    ['module m\nreplace x.com/a => ./a\\b\n', ['go.mod:2: replacement directory appears to be Windows path (on a non-windows system)']],
    ['module m\nreplace x.com/a=>./a\n', ['go.mod:2: usage: replace module/path [v1.2.3] => other/module v1.4\n\t or replace module/path [v1.2.3] => ../local/directory']],
    ['module m\nreplace x.com/a/v2 v1.0.0 => ./a\n', ['go.mod:2: replace x.com/a/v2: version "v1.0.0" invalid: should be v2, not v1']],
    ['module m\nretract\n', ["go.mod:2: expected '[' or version"]],
    ['module m\nretract [v1.0.0 v1.1.0]\n', ["go.mod:2: expected ',' after version"], r(1, 16, 1, 22)],
    ['module m\nretract [v1.0.0,\n', ["go.mod:2: expected version after ','"]],
    ['module m\nretract [v1.0.0, v1.1.0\n', ["go.mod:2: expected ']' after version"]],
    ['module m\nretract v1.0.0 "x"\n', ['go.mod:2: unexpected token after version: "\\"x\\""'], r(1, 15, 1, 18)],
    ['module m\ntool\n', ['go.mod:2: tool directive expects exactly one argument']],
    ['module m\nignore a b\n', ['go.mod:2: ignore directive expects exactly one argument']],
    // Syntax errors stop the parse and are the only error reported.
    ['module m\nfoo\nrequire x /* c */\n', ['go.mod:3:11: mod files must use // comments (not /* */ comments)'], r(2, 10, 2, 12)],
    ['foo\nmodule "m\n', ['go.mod:2:10: unexpected newline in string'], r(1, 7, 1, 9)],
    ['module "m', ['go.mod:1:8: unexpected EOF in string'], r(0, 7, 0, 9)],
    ['module m\nrequire (\n\tx.com/a v1.0.0\n', ['go.mod:4: syntax error (unterminated block started at go.mod:2:1)'], r(1, 0, 1, 9)],
    ['module m\nrequire (\n\tx.com/a v1.0.0\n) x\n', ['go.mod:4:4: syntax error (expected newline after closing paren)'], r(3, 2, 3, 3)],
    ['module m\n𝔁é\u00a0', ["go.mod:2:3: unexpected input character '\\u00a0'"], r(1, 3, 1, 4)],
  ];
  for (const [text, want, range] of cases) {
    it(`reports ${JSON.stringify(want[0])}`, () => {
      const f = parseGoMod(text);
      assert.deepEqual(f.errors.map((e) => formatGoError('go.mod', e)), want);
      if (range) assert.deepEqual(f.errors[0].range, range);
    });
  }

  it('keeps the statements before a syntax error, for editors', () => {
    const f = parseGoMod('module m\nrequire x.com/a bad\nrequire (\n\tx.com/b v1.0.0\n');
    assert.equal(f.errors.length, 1);
    assert.equal(f.module?.path.value, 'm');
    assert.deepEqual(f.require.map((x) => x.path.value), ['x.com/b']);
  });

  it('leaves a statement with an error out of the tree and goes on', () => {
    const f = parseGoMod('module m\nrequire x.com/a bad\nrequire x.com/b v1\n');
    assert.deepEqual(f.require.map((x) => x.path.value), ['x.com/b']);
    assert.deepEqual(f.errors.map((e: ParseError) => e.line), [2]);
  });

  it('uses the given file name in unterminated-block messages', () => {
    const f = parseGoMod('require (\n', 'sub/go.mod');
    assert.equal(f.errors[0].message, 'syntax error (unterminated block started at sub/go.mod:1:1)');
  });
});

describe('parseGoMod: robustness', () => {
  it('parses a large file in linear time', () => {
    const lines = ['module x.com/m', 'require ('];
    for (let i = 0; i < 20_000; i++) lines.push(`\tx.com/m${i} v1.${i}.0 // indirect`);
    lines.push(')');
    const text = lines.join('\n');
    const t0 = Date.now();
    const f = parseGoMod(text);
    const ms = Date.now() - t0;
    assert.equal(f.require.length, 20_000);
    assert.ok(ms < 3000, `took ${ms} ms`);
  });

  it('does not hang on pathological input', () => {
    const inputs = [
      'require x.com/a v1.2.3-' + '1'.repeat(200_000) + '!',
      'retract [' + '['.repeat(100_000),
      '('.repeat(100_000),
      'x ' + '( '.repeat(50_000) + '\n',
      '// Deprecated: ' + 'x\n//\n// Deprecated: '.repeat(20_000) + '\nmodule m\n',
      '"' + '\\'.repeat(100_001),
      'a'.repeat(300_000) + '/*',
      'module m\n' + 'x\n'.repeat(30_000),
    ];
    for (const text of inputs) {
      const t0 = Date.now();
      parseGoMod(text);
      assert.ok(Date.now() - t0 < 3000, `slow on ${JSON.stringify(text.slice(0, 40))}…`);
    }
  });
});

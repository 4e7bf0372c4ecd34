// Scopes the go.mod grammar gives representative go.mod and go.work lines.
// Expectations follow golang.org/x/mod/modfile's rules (lexer, IsDirectoryPath, isIndirect, parseDeprecation).
import assert from 'node:assert/strict';
import {
  expectNoScope,
  expectScope,
  scopesWithPrefix,
  tokenize,
  tokensFor,
  type TokenizedLine,
} from './grammar-files.test';

const S = '.go.mod';

/** Tokenizes a document and returns its lines; `lines[i]` is line i (0-based). */
async function lines(text: string): Promise<TokenizedLine[]> {
  const result = await tokenize('go.mod', text);
  assert.equal(result.stoppedEarly, false);
  return result.lines;
}

function line(all: TokenizedLine[], i: number): TokenizedLine {
  const l = all[i];
  if (!l) throw new Error(`no line ${i}`);
  return l;
}

describe('go.mod grammar', () => {
  it('scopes a require block, its versions and its // indirect comments', async () => {
    const doc = await lines(
      [
        'require (',
        '\tgolang.org/x/mod v0.37.0',
        '\tgithub.com/a/b v2.0.0+incompatible // indirect',
        '\tgithub.com/c/d v0.0.0-20191109021931-daa7c04131f5 // indirect; needed by tests',
        '\tgithub.com/e/f v1.2.4-0.20191109021931-daa7c04131f5+incompatible //indirect',
        '\tgithub.com/g/h v1.2.3-pre.0.20191109021931-daa7c04131f5 // Indirect',
        '\tgithub.com/i/j v1.0.0 // indirect but not really',
        ')',
        'require golang.org/x/sync v0.9.0 // indirect',
      ].join('\n'),
    );
    expectScope(line(doc, 0), 'require', `keyword.control.require${S}`);
    expectScope(line(doc, 0), '(', `punctuation.section.block.begin${S}`);
    expectScope(line(doc, 1), 'golang.org/x/mod', `entity.name.type.module${S}`);
    expectScope(line(doc, 1), 'golang.org/x/mod', `meta.block.require${S}`);
    expectScope(line(doc, 1), 'v0.37.0', `constant.numeric.version${S}`);
    expectScope(line(doc, 2), 'v2.0.0', `constant.numeric.version${S}`);
    expectScope(line(doc, 2), '+incompatible', `storage.modifier.incompatible${S}`);
    expectScope(line(doc, 2), '//', `punctuation.definition.comment${S}`);
    expectScope(line(doc, 2), 'indirect', `keyword.other.indirect${S}`);
    expectScope(line(doc, 2), 'indirect', `comment.line.double-slash${S}`);
    // the three pseudo-version forms
    expectScope(line(doc, 3), 'v0.0.0-20191109021931-daa7c04131f5', `constant.numeric.version.pseudo${S}`);
    expectScope(line(doc, 4), 'v1.2.4-0.20191109021931-daa7c04131f5+incompatible', `constant.numeric.version.pseudo${S}`);
    expectScope(line(doc, 4), '+incompatible', `storage.modifier.incompatible${S}`);
    expectScope(line(doc, 5), 'v1.2.3-pre.0.20191109021931-daa7c04131f5', `constant.numeric.version.pseudo${S}`);
    // x/mod isIndirect: "indirect" alone, or "indirect;" followed by more; case-sensitive
    expectScope(line(doc, 3), 'indirect', `keyword.other.indirect${S}`);
    expectScope(line(doc, 3), '; needed by tests', `comment.line.double-slash${S}`);
    expectScope(line(doc, 4), 'indirect', `keyword.other.indirect${S}`);
    expectNoScope(line(doc, 5), 'Indirect', 'keyword.other.indirect');
    expectScope(line(doc, 5), '// Indirect', `comment.line.double-slash${S}`);
    expectNoScope(line(doc, 6), 'indirect but', 'keyword.other.indirect');
    expectScope(line(doc, 7), ')', `punctuation.section.block.end${S}`);
    // the block is closed: the next line is a one-line directive, not a block statement
    expectScope(line(doc, 8), 'require', `meta.directive.require${S}`);
    expectNoScope(line(doc, 8), 'require', 'meta.block');
    expectScope(line(doc, 8), 'golang.org/x/sync', `entity.name.type.module${S}`);
    expectScope(line(doc, 8), 'v0.9.0', `constant.numeric.version${S}`);
    expectScope(line(doc, 8), 'indirect', `keyword.other.indirect${S}`);
  });

  it('keeps // indirect plain outside require', async () => {
    const doc = await lines('exclude golang.org/x/term v0.2.0 // indirect\n// indirect');
    expectNoScope(line(doc, 0), 'indirect', 'keyword.other.indirect');
    expectNoScope(line(doc, 1), 'indirect', 'keyword.other.indirect');
    expectScope(line(doc, 0), 'golang.org/x/term', `entity.name.type.module${S}`);
  });

  it('scopes non-semver versions as versions but not as numbers', async () => {
    const doc = await lines('require example.com/m master\nrequire example.com/n v1.2-pre');
    expectScope(line(doc, 0), 'master', `constant.other.version${S}`);
    expectScope(line(doc, 1), 'v1.2-pre', `constant.other.version${S}`); // short forms take no pre-release
    expectNoScope(line(doc, 1), 'v1.2-pre', 'constant.numeric');
  });

  it('scopes replace with a directory target', async () => {
    const doc = await lines(
      [
        'replace example.com/a v1.0.0 => ../a',
        'replace (',
        '\texample.com/b => ./b // local copy',
        '\texample.com/c => .',
        '\texample.com/d => /abs/d',
        '\texample.com/e => C:\\src\\e',
        '\texample.com/f => "../with space"',
        '\texample.com/g => ..\\g',
        ')',
      ].join('\n'),
    );
    expectScope(line(doc, 0), 'replace', `keyword.control.replace${S}`);
    expectScope(line(doc, 0), 'example.com/a', `entity.name.type.module${S}`);
    expectScope(line(doc, 0), 'v1.0.0', `constant.numeric.version${S}`);
    expectScope(line(doc, 0), '=>', `keyword.operator.arrow${S}`);
    expectScope(line(doc, 0), '../a', `string.unquoted.directory${S}`);
    expectScope(line(doc, 2), './b', `string.unquoted.directory${S}`);
    expectScope(line(doc, 2), '=>', `keyword.operator.arrow${S}`);
    expectScope(line(doc, 2), '// local copy', `comment.line.double-slash${S}`);
    expectScope(line(doc, 3), '.', `string.unquoted.directory${S}`, 1);
    expectScope(line(doc, 4), '/abs/d', `string.unquoted.directory${S}`);
    expectScope(line(doc, 5), 'C:\\src\\e', `string.unquoted.directory${S}`);
    expectScope(line(doc, 6), '"../with space"', `string.quoted.double${S}`);
    expectScope(line(doc, 6), '../with space', `meta.directory${S}`);
    expectScope(line(doc, 7), '..\\g', `string.unquoted.directory${S}`);
    for (const i of [2, 3, 4, 5, 6, 7]) expectScope(line(doc, i), '=>', `meta.statement.replace${S}`);
  });

  it('scopes replace with a module target', async () => {
    const doc = await lines(
      [
        'replace example.com/old => example.com/new v1.2.3 // fork',
        'replace example.com/old v0.1.0 => github.com/me/old/v2 v2.0.0-20200101000000-abcdefabcdef',
        'replace example.com/x => ..x v1.0.0', // "..x" is not a directory for IsDirectoryPath
      ].join('\n'),
    );
    expectScope(line(doc, 0), 'example.com/old', `entity.name.type.module${S}`);
    expectScope(line(doc, 0), 'example.com/new', `entity.name.type.module${S}`);
    expectNoScope(line(doc, 0), 'example.com/new', 'string');
    expectScope(line(doc, 0), 'v1.2.3', `constant.numeric.version${S}`);
    expectScope(line(doc, 0), '// fork', `comment.line.double-slash${S}`);
    expectScope(line(doc, 1), 'v0.1.0', `constant.numeric.version${S}`);
    expectScope(line(doc, 1), 'github.com/me/old/v2', `entity.name.type.module${S}`);
    expectScope(line(doc, 1), 'v2.0.0-20200101000000-abcdefabcdef', `constant.numeric.version.pseudo${S}`);
    expectScope(line(doc, 2), '..x', `entity.name.type.module${S}`);
  });

  it('scopes retract versions, intervals and their rationale', async () => {
    const doc = await lines(
      [
        '// v1.74.0 was published prematurely with known issues.',
        'retract [v1.74.0, v1.74.1]',
        'retract v1.0.0 // Published accidentally.',
        'retract (',
        '\t[v0.0.0-0, v0.15.2] // every version up to v0.15.2',
        '\tv0.9.0',
        ')',
      ].join('\n'),
    );
    expectScope(line(doc, 0), '// v1.74.0 was published prematurely with known issues.', `comment.line.double-slash${S}`);
    expectNoScope(line(doc, 0), 'v1.74.0', 'constant');
    expectScope(line(doc, 1), 'retract', `keyword.control.retract${S}`);
    expectScope(line(doc, 1), '[', `punctuation.section.brackets.begin${S}`);
    expectScope(line(doc, 1), 'v1.74.0', `constant.numeric.version${S}`);
    expectScope(line(doc, 1), ',', `punctuation.separator.comma${S}`);
    expectScope(line(doc, 1), 'v1.74.1', `constant.numeric.version${S}`);
    expectScope(line(doc, 1), ']', `punctuation.section.brackets.end${S}`);
    expectScope(line(doc, 1), '[v1.74.0, v1.74.1]', `meta.interval${S}`);
    expectScope(line(doc, 2), 'v1.0.0', `constant.numeric.version${S}`);
    expectScope(line(doc, 2), '// Published accidentally.', `comment.line.double-slash${S}`);
    expectScope(line(doc, 4), 'v0.0.0-0', `constant.numeric.version${S}`);
    expectScope(line(doc, 4), 'v0.15.2', `constant.numeric.version${S}`, 0);
    expectScope(line(doc, 4), '[v0.0.0-0, v0.15.2]', `meta.statement.retract${S}`);
    expectScope(line(doc, 4), '// every version up to v0.15.2', `comment.line.double-slash${S}`);
    expectScope(line(doc, 5), 'v0.9.0', `constant.numeric.version${S}`);
    expectScope(line(doc, 6), ')', `punctuation.section.block.end${S}`);
  });

  it('scopes quoted module paths and strings', async () => {
    const doc = await lines(
      [
        'module "example.com/quoted path"',
        'require "example.com/q" "v1.0.0"',
        'module `example.com/raw`',
        'module "example.com/\\x41\\q"',
      ].join('\n'),
    );
    expectScope(line(doc, 0), 'module', `keyword.control.module${S}`);
    expectScope(line(doc, 0), '"example.com/quoted path"', `string.quoted.double${S}`);
    expectScope(line(doc, 0), 'example.com/quoted path', `meta.module-path${S}`);
    expectScope(line(doc, 0), '"', `punctuation.definition.string.begin${S}`, 0);
    expectScope(line(doc, 0), '"', `punctuation.definition.string.end${S}`, 1);
    expectScope(line(doc, 1), 'example.com/q', `meta.module-path${S}`);
    expectScope(line(doc, 1), 'v1.0.0', `meta.version${S}`);
    expectScope(line(doc, 2), '`example.com/raw`', `string.quoted.other.raw${S}`);
    expectScope(line(doc, 3), '\\x41', `constant.character.escape${S}`);
    expectScope(line(doc, 3), '\\q', `invalid.illegal.unknown-escape${S}`); // strconv.Unquote rejects it
  });

  it('marks a // Deprecated: module comment', async () => {
    const doc = await lines(
      [
        '// Deprecated: Use the "google.golang.org/protobuf" module instead.',
        'module github.com/golang/protobuf // Deprecated: in a suffix too',
        '//Deprecated: no space is fine (x/mod trims it)',
        '// deprecated: lower case is not the marker',
        '// Not Deprecated: only at the start of a paragraph',
      ].join('\n'),
    );
    expectScope(line(doc, 0), 'Deprecated:', `keyword.other.deprecated${S}`);
    expectScope(line(doc, 0), 'Deprecated:', `comment.line.double-slash${S}`);
    expectScope(line(doc, 0), ' Use the "google.golang.org/protobuf" module instead.', `comment.line.double-slash${S}`);
    expectNoScope(line(doc, 0), '"google.golang.org/protobuf"', 'string');
    expectScope(line(doc, 1), 'github.com/golang/protobuf', `entity.name.type.module${S}`);
    expectScope(line(doc, 1), 'Deprecated:', `keyword.other.deprecated${S}`);
    expectScope(line(doc, 2), 'Deprecated:', `keyword.other.deprecated${S}`);
    expectNoScope(line(doc, 3), 'deprecated:', 'keyword');
    expectNoScope(line(doc, 4), 'Deprecated:', 'keyword');
  });

  it('scopes go, toolchain and godebug', async () => {
    const doc = await lines(
      [
        'go 1.23.0',
        'go 1.21rc1',
        'toolchain go1.22.3-custom',
        'toolchain default',
        'godebug default=go1.21',
        'godebug (',
        '\tpanicnil=1 // keep old behaviour',
        ')',
        'go 1.21-custom',
      ].join('\n'),
    );
    expectScope(line(doc, 0), 'go', `keyword.control.go${S}`);
    expectScope(line(doc, 0), '1.23.0', `constant.numeric.go-version${S}`);
    expectScope(line(doc, 1), '1.21rc1', `constant.numeric.go-version${S}`);
    expectScope(line(doc, 2), 'toolchain', `keyword.control.toolchain${S}`);
    expectScope(line(doc, 2), 'go1.22.3-custom', `constant.other.toolchain${S}`);
    expectScope(line(doc, 3), 'default', `constant.language.default${S}`);
    expectScope(line(doc, 4), 'godebug', `keyword.control.godebug${S}`);
    expectScope(line(doc, 4), 'default', `variable.other.key${S}`);
    expectScope(line(doc, 4), '=', `keyword.operator.assignment${S}`);
    expectScope(line(doc, 4), 'go1.21', `constant.other.value${S}`);
    expectScope(line(doc, 6), 'panicnil', `variable.other.key${S}`);
    expectScope(line(doc, 6), '1', `constant.other.value${S}`);
    expectScope(line(doc, 6), '// keep old behaviour', `comment.line.double-slash${S}`);
    // lax parsing accepts it, strict parsing does not: a version, but not a number
    expectScope(line(doc, 8), '1.21-custom', `constant.other.go-version${S}`);
  });

  it('scopes tool and ignore', async () => {
    const doc = await lines('tool golang.org/x/tools/cmd/stringer\nignore (\n\t./node_modules\n\tstatic\n)');
    expectScope(line(doc, 0), 'tool', `keyword.control.tool${S}`);
    expectScope(line(doc, 0), 'golang.org/x/tools/cmd/stringer', `entity.name.type.package${S}`);
    expectScope(line(doc, 1), 'ignore', `keyword.control.ignore${S}`);
    expectScope(line(doc, 2), './node_modules', `string.unquoted.directory${S}`);
    expectScope(line(doc, 3), 'static', `string.unquoted.directory${S}`);
  });

  it('scopes a go.work file', async () => {
    const doc = await lines(
      [
        'go 1.23.0',
        '',
        'toolchain go1.23.4',
        '',
        'use (',
        '\t.',
        '\t./tools // example.com/tools',
        '\t../shared',
        ')',
        'use ./cmd/gf',
        '',
        'replace example.com/x v1.0.0 => ./x',
      ].join('\n'),
    );
    expectScope(line(doc, 0), '1.23.0', `constant.numeric.go-version${S}`);
    expectScope(line(doc, 4), 'use', `keyword.control.use${S}`);
    expectScope(line(doc, 4), '(', `punctuation.section.block.begin${S}`);
    expectScope(line(doc, 5), '.', `string.unquoted.directory${S}`);
    expectScope(line(doc, 5), '.', `meta.statement.use${S}`);
    expectScope(line(doc, 6), './tools', `string.unquoted.directory${S}`);
    expectScope(line(doc, 6), '// example.com/tools', `comment.line.double-slash${S}`);
    expectScope(line(doc, 7), '../shared', `string.unquoted.directory${S}`);
    expectScope(line(doc, 8), ')', `punctuation.section.block.end${S}`);
    expectScope(line(doc, 9), './cmd/gf', `string.unquoted.directory${S}`);
    expectNoScope(line(doc, 9), './cmd/gf', 'meta.block');
    expectScope(line(doc, 11), './x', `string.unquoted.directory${S}`);
  });

  it('marks /* comments as illegal wherever the lexer would', async () => {
    const doc = await lines(
      [
        '/* block comments are not allowed */',
        'module example.com/m/*oops*/',
        'require (',
        '\t/* spans',
        '\t   lines */ example.com/a v1.0.0',
        ')',
        'require example.com/b v1.0.0 // a /* in a comment is fine',
        'replace example.com/c => "./a/*b"',
      ].join('\n'),
    );
    expectScope(line(doc, 0), '/* block comments are not allowed */', `invalid.illegal.block-comment${S}`);
    expectScope(line(doc, 0), '/* block comments are not allowed */', `comment.block${S}`);
    expectScope(line(doc, 1), 'example.com/m', `entity.name.type.module${S}`); // the identifier ends at /*
    expectScope(line(doc, 1), '/*oops*/', `invalid.illegal.block-comment${S}`);
    expectScope(line(doc, 3), '/* spans', `invalid.illegal.block-comment${S}`);
    expectScope(line(doc, 4), '\t   lines */', `invalid.illegal.block-comment${S}`);
    expectNoScope(line(doc, 4), 'example.com/a', 'invalid');
    expectScope(line(doc, 5), ')', `punctuation.section.block.end${S}`);
    assert.deepEqual(scopesWithPrefix(line(doc, 6), 'invalid'), []);
    assert.deepEqual(scopesWithPrefix(line(doc, 7), 'invalid'), []);
    expectScope(line(doc, 7), './a/*b', `meta.directory${S}`);
  });

  it('handles empty blocks, verb( without a space, and unknown directives', async () => {
    const doc = await lines(
      [
        'require ( )',
        'exclude example.com/a v1.0.0',
        'require(',
        '\texample.com/b v1.0.0',
        ')',
        'frobnicate example.com/c v1.0.0 // unknown verb',
        'gofmt 1.21',
        'replace ( // comment after the paren',
        '\texample.com/d => ../d',
        ')',
      ].join('\n'),
    );
    expectScope(line(doc, 0), ')', `punctuation.section.block.end${S}`);
    expectScope(line(doc, 1), 'exclude', `meta.directive.exclude${S}`);
    expectNoScope(line(doc, 1), 'exclude', 'meta.block');
    expectScope(line(doc, 2), 'require', `keyword.control.require${S}`);
    expectScope(line(doc, 2), '(', `punctuation.section.block.begin${S}`);
    expectScope(line(doc, 3), 'example.com/b', `entity.name.type.module${S}`);
    expectNoScope(line(doc, 5), 'frobnicate', 'keyword');
    expectScope(line(doc, 5), '// unknown verb', `comment.line.double-slash${S}`);
    expectScope(line(doc, 5), 'v1.0.0', `constant.numeric.version${S}`);
    expectNoScope(line(doc, 6), 'gofmt', 'keyword'); // "go" is a verb only as a whole token
    expectScope(line(doc, 7), '// comment after the paren', `comment.line.double-slash${S}`);
    expectScope(line(doc, 8), '../d', `string.unquoted.directory${S}`);
  });

  it('tokenizes 20,000-character adversarial lines within the per-line time limit', async function () {
    this.timeout(30_000);
    // VS Code stops tokenizing lines longer than 20,000 characters (editor.maxTokenizationLineLength)
    const adversarial = [
      `require ${'a'.repeat(20_000)} v1.0.0`,
      `require x.com/a v1.2.3-${'a.'.repeat(10_000)}0.20191109021931-abc`,
      `replace ${'a '.repeat(10_000)}=> b v1.0.0`,
      `replace a ${'=> '.repeat(6_600)}`,
      `retract ${'[v1.0.0, '.repeat(2_200)}`,
      `module "${'\\"'.repeat(10_000)}`,
      `require a${'/*'.repeat(10_000)}`,
    ];
    for (const text of adversarial) {
      const result = await tokenize('go.mod', text, 2_000);
      assert.equal(result.stoppedEarly, false, `stopped early on a line starting ${JSON.stringify(text.slice(0, 30))}`);
    }
  });

  it('splits tokens where the x/mod lexer does', async () => {
    const doc = await lines('require example.com/a//comment right after\nrequire example.com/[x] v1.0.0');
    expectScope(line(doc, 0), 'example.com/a', `entity.name.type.module${S}`);
    expectScope(line(doc, 0), '//comment right after', `comment.line.double-slash${S}`);
    // punctuation ends an identifier: the path is only "example.com/"
    assert.equal(tokensFor(line(doc, 1), 'example.com/').length, 1);
    expectScope(line(doc, 1), 'example.com/', `entity.name.type.module${S}`);
  });
});

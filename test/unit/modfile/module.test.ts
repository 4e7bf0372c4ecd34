import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  checkFilePath, checkImportPath, checkPath, checkPathMajor, escapePath, escapeVersion, isDirectoryPath, splitPathVersion,
  unescapePath, unescapeVersion,
} from '../../../src/core/modfile';

describe('module paths: checkPath', () => {
  const table: [string, string | undefined][] = [
    ['github.com/Azure/azure-sdk-for-go', undefined],
    ['golang.org/x/mod', undefined],
    ['x.com/a/v2', undefined],
    ['gopkg.in/yaml.v3', undefined],
    ['x.com/a_b~c.d-e', undefined],
    ['foo/bar', 'malformed module path "foo/bar": missing dot in first path element'],
    ['-x.com/a', 'malformed module path "-x.com/a": leading dash'],
    ['x.com/.a', 'malformed module path "x.com/.a": leading dot in path element'],
    ['x.com/con.txt', 'malformed module path "x.com/con.txt": "con" disallowed as path element component on Windows'],
    ['x.com/LPT1', 'malformed module path "x.com/LPT1": "LPT1" disallowed as path element component on Windows'],
    ['x.com/a~1', 'malformed module path "x.com/a~1": trailing tilde and digits in path element'],
    ['x.com/a~1.b', 'malformed module path "x.com/a~1.b": trailing tilde and digits in path element'],
    ['x.com/v1', 'malformed module path "x.com/v1": invalid version'],
    ['x.com/x/v2.0', 'malformed module path "x.com/x/v2.0": invalid version'],
    ['gopkg.in/yaml', 'malformed module path "gopkg.in/yaml": invalid version'],
    ['', 'malformed module path "": empty string'],
    ['/x.com/a', 'malformed module path "/x.com/a": empty path element'],
    ['x.com//a', 'malformed module path "x.com//a": double slash'],
    ['x.com/a/', 'malformed module path "x.com/a/": trailing slash'],
    ['x.com/a.', 'malformed module path "x.com/a.": trailing dot in path element'],
    ['x.com/..', 'malformed module path "x.com/..": invalid path element ".."'],
    ['X.com/a', "malformed module path \"X.com/a\": invalid char 'X' in first path element"],
    ['x_y.com/a', "malformed module path \"x_y.com/a\": invalid char '_' in first path element"],
    ['x.com/é', "malformed module path \"x.com/é\": invalid char 'é'"],
    ['x.com/a+b', "malformed module path \"x.com/a+b\": invalid char '+'"],
    ['x.com/a\tb', "malformed module path \"x.com/a\\tb\": invalid char '\\t'"],
  ];
  for (const [path, want] of table) {
    it(`checkPath(${JSON.stringify(path)})`, () => assert.equal(checkPath(path), want));
  }

  it('checks import and file paths with their own character sets', () => {
    assert.equal(checkImportPath('x/a+b'), undefined);
    assert.equal(checkImportPath('fmt'), undefined);
    assert.equal(checkImportPath('x/a b'), "malformed import path \"x/a b\": invalid char ' '");
    assert.equal(checkImportPath('x/.a'), undefined);
    assert.equal(checkFilePath('dir/a b@c(1).go'), undefined);
    assert.equal(checkFilePath('dir/é'), undefined);
    assert.equal(checkFilePath('-x'), undefined);
    assert.equal(checkFilePath('a/aux.go'), 'malformed file path "a/aux.go": "aux" disallowed as path element component on Windows');
  });
});

describe('module paths: major versions', () => {
  const splits: [string, string, string, boolean][] = [
    ['x.com/a', 'x.com/a', '', true],
    ['x.com/a/v2', 'x.com/a', '/v2', true],
    ['x.com/a/v10', 'x.com/a', '/v10', true],
    ['x.com/a/v1', 'x.com/a/v1', '', false],
    ['x.com/a/v0', 'x.com/a/v0', '', false],
    ['x.com/a/v02', 'x.com/a/v02', '', false],
    ['x.com/a/v2.1', 'x.com/a/v2.1', '', false],
    ['x.com/av2', 'x.com/av2', '', true],
    ['gopkg.in/yaml.v3', 'gopkg.in/yaml', '.v3', true],
    ['gopkg.in/yaml.v0', 'gopkg.in/yaml', '.v0', true],
    ['gopkg.in/check.v1-unstable', 'gopkg.in/check', '.v1-unstable', true],
    ['gopkg.in/yaml.v03', 'gopkg.in/yaml.v03', '', false],
    ['gopkg.in/yaml', 'gopkg.in/yaml', '', false],
  ];
  for (const [path, prefix, pathMajor, ok] of splits) {
    it(`splitPathVersion(${path})`, () => assert.deepEqual(splitPathVersion(path), { prefix, pathMajor, ok }));
  }

  const majors: [string, string, string | undefined][] = [
    ['v1.2.3', 'x.com/a', undefined],
    ['v0.1.0', '', undefined],
    ['v2.0.0+incompatible', 'x.com/a', undefined],
    ['v2.0.0', 'x.com/a', 'version "v2.0.0" invalid: should be v0 or v1, not v2'],
    ['v2.1.0', 'x.com/a/v2', undefined],
    ['v2.0.0', '/v2', undefined],
    ['v1.0.0', 'x.com/a/v2', 'version "v1.0.0" invalid: should be v2, not v1'],
    ['v2.0.0+incompatible', 'x.com/a/v2', undefined],
    ['v3.0.0+incompatible', 'x.com/a/v2', 'version "v3.0.0+incompatible" invalid: should be v2, not v3'],
    ['v3.0.1', 'gopkg.in/yaml.v3', undefined],
    ['v1.0.0', 'gopkg.in/check.v1-unstable', undefined],
    ['v0.0.0-20161208181325-20d25e280405', 'gopkg.in/check.v1', undefined],
    ['v1.0.0', 'gopkg.in/yaml.v0', 'version "v1.0.0" invalid: should be v0, not v1'],
  ];
  for (const [v, path, want] of majors) {
    it(`checkPathMajor(${v}, ${path || '""'})`, () => assert.equal(checkPathMajor(v, path), want));
  }
});

describe('module paths: escaping', () => {
  it('escapes upper case with !', () => {
    assert.equal(escapePath('github.com/BurntSushi/toml'), 'github.com/!burnt!sushi/toml');
    assert.equal(escapePath('github.com/Azure/azure-sdk-for-go'), 'github.com/!azure/azure-sdk-for-go');
    assert.equal(escapeVersion('v1.0.0-RC1'), 'v1.0.0-!r!c1');
    assert.throws(() => escapePath('foo/bar'), { message: 'malformed module path "foo/bar": missing dot in first path element' });
    assert.throws(() => escapeVersion('v1!'), { message: 'version "v1!" invalid: disallowed version string' });
    assert.throws(() => escapeVersion('a/b'), { message: 'version "a/b" invalid: disallowed version string' });
  });

  const badEscapes = ['github.com/Burnt', 'github.com/!', 'github.com/!1', 'github.com/é', 'x.com/!!a'];
  for (const s of badEscapes) {
    it(`refuses to unescape ${s}`, () => assert.equal(unescapePath(s), undefined));
  }
  it('refuses to unescape into an invalid path or version', () => {
    assert.equal(unescapePath('foo/!bar'), undefined);
    assert.equal(unescapeVersion('v1!'), undefined);
    assert.equal(unescapeVersion('v1.0.0-!r!c1'), 'v1.0.0-RC1');
  });

  const label = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,8}$/);
  const elem = fc.stringMatching(/^[A-Za-z0-9_~-][A-Za-z0-9._~-]{0,10}$/);
  const validPath = fc
    .tuple(label, label, fc.array(elem, { maxLength: 4 }))
    .map(([a, b, rest]) => [`${a}.${b}`, ...rest].join('/'))
    .filter((p) => checkPath(p) === undefined);

  it('round-trips every valid module path: unescapePath(escapePath(p)) === p', () => {
    fc.assert(
      fc.property(validPath, (p) => {
        const e = escapePath(p);
        return !/[A-Z]/.test(e) && unescapePath(e) === p;
      }),
      { seed: 4242, numRuns: 500 },
    );
  });

  it('round-trips versions: unescapeVersion(escapeVersion(v)) === v', () => {
    const version = fc.stringMatching(/^v[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}(-[A-Za-z0-9.]{1,8})?$/).filter((v) => !v.endsWith('.'));
    fc.assert(fc.property(version, (v) => unescapeVersion(escapeVersion(v)) === v), { seed: 4243, numRuns: 300 });
  });
});

describe('isDirectoryPath', () => {
  const table: [string, boolean][] = [
    ['.', true], ['..', true], ['./a', true], ['../a', true], ['.\\a', true], ['..\\a', true], ['/abs', true],
    ['\\abs', true], ['C:\\x', true], ['c:x', true], ['x.com/a', false], ['.a', false], ['...', false], ['a/b', false],
    ['1:x', false],
  ];
  for (const [p, want] of table) it(`${JSON.stringify(p)} → ${want}`, () => assert.equal(isDirectoryPath(p), want));
});

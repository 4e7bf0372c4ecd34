import assert from 'node:assert/strict';
import fc from 'fast-check';
import { matchPrefixPatterns, pathMatch, splitPatterns } from '../../../src/core/goenv/patterns';

describe('goenv/patterns: path.Match', () => {
  // Go's own path.Match vectors (pattern, name, matched, bad pattern).
  const vectors: Array<[string, string, boolean, boolean]> = [
    ['abc', 'abc', true, false], ['*', 'abc', true, false], ['*c', 'abc', true, false], ['a*', 'a', true, false],
    ['a*', 'abc', true, false], ['a*', 'ab/c', false, false], ['a*/b', 'abc/b', true, false], ['a*/b', 'a/c/b', false, false],
    ['a*b*c*d*e*/f', 'axbxcxdxe/f', true, false], ['a*b*c*d*e*/f', 'axbxcxdxexxx/f', true, false],
    ['a*b*c*d*e*/f', 'axbxcxdxe/xxx/f', false, false], ['a*b*c*d*e*/f', 'axbxcxdxexxx/fff', false, false],
    ['a*b?c*x', 'abxbbxdbxebxczzx', true, false], ['a*b?c*x', 'abxbbxdbxebxczzy', false, false],
    ['ab[c]', 'abc', true, false], ['ab[b-d]', 'abc', true, false], ['ab[e-g]', 'abc', false, false],
    ['ab[^c]', 'abc', false, false], ['ab[^b-d]', 'abc', false, false], ['ab[^e-g]', 'abc', true, false],
    ['a\\*b', 'a*b', true, false], ['a\\*b', 'ab', false, false], ['a?b', 'a☺b', true, false], ['a[^a]b', 'a☺b', true, false],
    ['a???b', 'a☺b', false, false], ['a[^a][^a][^a]b', 'a☺b', false, false], ['[a-ζ]*', 'α', true, false], ['*[a-ζ]', 'A', false, false],
    ['a?b', 'a/b', false, false], ['a*b', 'a/b', false, false], ['[\\]a]', ']', true, false], ['[\\-]', '-', true, false],
    ['[x\\-]', 'x', true, false], ['[x\\-]', '-', true, false], ['[x\\-]', 'z', false, false], ['[\\-x]', 'x', true, false],
    ['[\\-x]', '-', true, false], ['[\\-x]', 'a', false, false], ['[]a]', ']', false, true], ['[-]', '-', false, true],
    ['[x-]', 'x', false, true], ['[x-]', '-', false, true], ['[x-]', 'z', false, true], ['[-x]', 'x', false, true],
    ['[-x]', '-', false, true], ['[-x]', 'a', false, true], ['\\', 'a', false, true], ['[a-b-c]', 'a', false, true],
    ['[', 'a', false, true], ['[^', 'a', false, true], ['[^bc', 'a', false, true], ['a[', 'a', false, true],
    ['a[', 'ab', false, true], ['a[', 'x', false, true], ['a/b[', 'x', false, true], ['*x', 'xxx', true, false],
  ];
  for (const [pattern, name, matched, bad] of vectors) {
    it(`${JSON.stringify(pattern)} vs ${JSON.stringify(name)} → ${matched}${bad ? ' (bad pattern)' : ''}`, () => {
      const r = pathMatch(pattern, name);
      assert.equal(r.matched, matched);
      assert.equal(r.bad, bad);
    });
  }

  it('a literal pattern matches exactly itself (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9.\-/]{0,20}$/), fc.stringMatching(/^[a-z0-9.\-/]{0,20}$/), (a, b) => {
        assert.equal(pathMatch(a, b).matched, a === b);
      }),
    );
  });
});

describe('goenv/patterns: MatchPrefixPatterns', () => {
  const cases: Array<[string, string, boolean]> = [
    ['*.corp.example.com,rsc.io/private', 'git.corp.example.com/xyzzy', true],
    ['*.corp.example.com,rsc.io/private', 'rsc.io/private', true],
    ['rsc.io/private', 'rsc.io/private/quux', true],
    ['rsc.io/priv', 'rsc.io/private', false],
    ['github.com/org', 'github.com/org2/x', false],
    ['*', 'example.com/a', true],
    ['github.com/*/priv', 'github.com/x/priv/sub', true],
    ['github.com/*/priv', 'github.com/x/pub/sub', false],
    ['corp.example.com/', 'corp.example.com/a', true],
    ['corp.example.com//', 'corp.example.com/a', false],
    ['a/b/c', 'a/b', false],
    [',,corp.test,,', 'corp.test/x', true],
    ['', 'corp.test/x', false],
    ['corp.test, other.test', 'other.test/x', false],
    ['[', 'anything', false],
    ['none', 'corp.test/x', false],
  ];
  for (const [globs, target, want] of cases) {
    it(`${JSON.stringify(globs)} vs ${target} → ${want}`, () => assert.equal(matchPrefixPatterns(globs, target), want));
  }

  it('splits like the go command: one trailing slash trimmed, empty patterns dropped, spaces kept', () => {
    assert.deepEqual(splitPatterns(' a/,b//,,c'), [' a', 'b/', 'c']);
  });

  it('a module path always matches its own host and itself (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z][a-z0-9.-]{0,8}$/), { minLength: 1, maxLength: 4 }), (elems) => {
        const p = elems.join('/');
        assert.ok(matchPrefixPatterns(elems[0], p));
        assert.ok(matchPrefixPatterns(p, p));
        assert.ok(!matchPrefixPatterns(p + 'x', p));
      }),
    );
  });
});

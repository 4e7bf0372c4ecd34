import * as assert from 'node:assert/strict';
import type { Range } from '../../../src/core/finding';
import { emptyGoModHash, formatGoError, parseGoSum, parseGoWork } from '../../../src/core/modfile';

const r = (l1: number, c1: number, l2: number, c2: number): Range => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });

describe('parseGoWork', () => {
  it('reads go, toolchain, godebug, use and replace with ranges', () => {
    const f = parseGoWork('go 1.23\r\ntoolchain go1.23.1\r\ngodebug a=b\r\nuse ./a // x.com/a\r\nuse (\r\n\t"./b c"\r\n)\r\nreplace x.com/a => ../a\r\n');
    assert.deepEqual(f.errors, []);
    assert.equal(f.go?.version.value, '1.23');
    assert.equal(f.toolchain?.name.value, 'go1.23.1');
    assert.deepEqual(f.godebug.map((d) => [d.key, d.value]), [['a', 'b']]);
    assert.deepEqual(f.use, [
      { path: { raw: './a', value: './a', range: r(3, 4, 3, 7) }, range: r(3, 0, 3, 7) },
      { path: { raw: '"./b c"', value: './b c', range: r(5, 1, 5, 8) }, range: r(5, 1, 5, 8) },
    ]);
    assert.equal(f.replace[0].isDirectory, true);
    assert.deepEqual(f.replace[0].range, r(7, 0, 7, 23));
  });

  const errors: [string, string][] = [
    ['go 1.21\nuse\n', 'go.work:2: usage: use local/dir'],
    ['go 1.21\nuse ./a ./b\n', 'go.work:2: usage: use local/dir'],
    ['go 1.21\nrequire x.com/a v1.0.0\n', 'go.work:2: unknown directive: require'],
    ['go 1.21\nmodule (\n)\n', 'go.work:2: unknown block type: module'],
    ['go 1.21\ngo 1.22\n', 'go.work:2: repeated go statement'],
    ['go v1.21\n', "go.work:1: invalid go version 'v1.21': must match format 1.23.0"],
    ['go 1.21\nreplace x.com/a => y.com/b\n', 'go.work:2: replacement module without version must be directory path (rooted or starting with . or ..)'],
    ['go 1.21\nuse (\n\t./a\n', 'go.work:4: syntax error (unterminated block started at go.work:2:1)'],
  ];
  for (const [text, want] of errors) {
    it(`reports ${JSON.stringify(want)}`, () => {
      assert.deepEqual(parseGoWork(text).errors.map((e) => formatGoError('go.work', e)), [want]);
    });
  }
});

describe('parseGoSum', () => {
  const h = 'h1:m8S8VeM9r4dzDwjrKO0a1sZP3YjeMamRRlD+fmR2Q/0=';

  it('reads zip and go.mod lines with token ranges', () => {
    const f = parseGoSum(`golang.org/x/mod v0.37.0 ${h}\r\ngolang.org/x/mod v0.37.0/go.mod ${h}\r\n`);
    assert.deepEqual(f.errors, []);
    assert.deepEqual(f.lines[0], {
      module: { raw: 'golang.org/x/mod', value: 'golang.org/x/mod', range: r(0, 0, 0, 16) },
      version: { raw: 'v0.37.0', value: 'v0.37.0', range: r(0, 17, 0, 24) },
      goMod: false,
      hash: { raw: h, value: h, range: r(0, 25, 0, 72) },
      range: r(0, 0, 0, 72),
    });
    assert.equal(f.lines[1].goMod, true);
    assert.deepEqual(f.lines[1].version, { raw: 'v0.37.0', value: 'v0.37.0', range: r(1, 17, 1, 24) });
    assert.deepEqual(f.lines[1].hash.range, r(1, 32, 1, 79));
  });

  it('skips blank lines and counts lines as go does', () => {
    const f = parseGoSum(`\n  \t\nx.com/a v1.0.0 ${h}\nx.com/a v1.0.0\nx.com/b v1.0.0 ${h} extra\n`);
    assert.equal(f.lines.length, 1);
    assert.deepEqual(f.errors.map((e) => formatGoError('go.sum', e)), ['go.sum:4: wrong number of fields 2', 'go.sum:5: wrong number of fields 4']);
    assert.deepEqual(f.errors[0].range, r(3, 0, 3, 14));
  });

  it('marks the known-bad empty go.mod hash as ignored', () => {
    const f = parseGoSum(`x.com/a v1.0.0/go.mod ${emptyGoModHash}\n`);
    assert.equal(f.lines[0].ignored, true);
  });

  it('splits fields on any Unicode space, as strings.Fields does', () => {
    const f = parseGoSum(`x.com/a\u00a0v1.0.0\u2003${h}`);
    assert.deepEqual([f.errors.length, f.lines[0]?.version.value], [0, 'v1.0.0']);
  });
});

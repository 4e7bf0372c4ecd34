import * as assert from 'node:assert/strict';
import { formatEditJson, parseGoMod, parseGoWork, toEditJson, workToEditJson } from '../../../src/core/modfile';

describe('toEditJson / workToEditJson', () => {
  it('has go mod edit -json field order, nulls and omitted empties', () => {
    const json = toEditJson(parseGoMod('module m\n'));
    assert.deepEqual(Object.keys(json), ['Module', 'Require', 'Exclude', 'Replace', 'Retract', 'Tool', 'Ignore']);
    assert.deepEqual(json, { Module: { Path: 'm' }, Require: null, Exclude: null, Replace: null, Retract: null, Tool: null, Ignore: null });
  });

  it('fills every field in go order', () => {
    const json = toEditJson(parseGoMod(
      '// Deprecated: gone\nmodule m\ngo 1.21\ntoolchain go1.22.0\ngodebug a=b\nrequire x.com/a v1 // indirect\nexclude x.com/a v1.1.0\n' +
        'replace x.com/b => ./b\nretract [v1.0.0, v1.0.1] // oops\ntool x.com/t\nignore ./tmp\n',
    ));
    assert.deepEqual(Object.keys(json), ['Module', 'Go', 'Toolchain', 'GoDebug', 'Require', 'Exclude', 'Replace', 'Retract', 'Tool', 'Ignore']);
    assert.deepEqual(json.Module, { Path: 'm', Deprecated: 'gone' });
    assert.deepEqual(json.Require, [{ Path: 'x.com/a', Version: 'v1.0.0', Indirect: true }]);
    assert.deepEqual(json.Replace, [{ Old: { Path: 'x.com/b' }, New: { Path: './b' } }]);
    assert.deepEqual(json.Retract, [{ Low: 'v1.0.0', High: 'v1.0.1', Rationale: 'oops' }]);
  });

  it('drops duplicates and empty paths the way go mod edit cleans up before printing', () => {
    const json = toEditJson(parseGoMod(
      'module m\nexclude x.com/a v1.0.0\nexclude x.com/a v1\nexclude "" v1.0.0\nreplace x.com/a => ./1\nreplace x.com/b => ./2\n' +
        'replace x.com/a => ./3\nreplace "" => ./4\ntool t\ntool t\nignore i\nignore i\ngodebug =x\nrequire "" v1.0.0\nretract ""\n',
    ));
    assert.deepEqual(json.Exclude, [{ Path: 'x.com/a', Version: 'v1.0.0' }]);
    assert.deepEqual(json.Replace, [{ Old: { Path: 'x.com/b' }, New: { Path: './2' } }, { Old: { Path: 'x.com/a' }, New: { Path: './3' } }]);
    assert.deepEqual([json.Tool, json.Ignore, json.GoDebug, json.Require, json.Retract], [[{ Path: 't' }], [{ Path: 'i' }], undefined, null, null]);
  });

  it('prints only Go, Use and Replace for go.work', () => {
    const json = workToEditJson(parseGoWork('go 1.22\ntoolchain go1.22.1\nuse ./a\nuse ""\nreplace x.com/a v1 => y.com/b v2.0.0+incompatible\n'));
    assert.deepEqual(json, {
      Go: '1.22',
      Use: [{ DiskPath: './a' }],
      Replace: [{ Old: { Path: 'x.com/a', Version: 'v1.0.0' }, New: { Path: 'y.com/b', Version: 'v2.0.0+incompatible' } }],
    });
  });
});

describe('formatEditJson', () => {
  it('indents with tabs and ends with a newline, like MarshalIndent plus "\\n"', () => {
    assert.equal(formatEditJson({ A: { B: 'c' }, D: null, E: [{ F: true }], G: [] }), '{\n\t"A": {\n\t\t"B": "c"\n\t},\n\t"D": null,\n\t"E": [\n\t\t{\n\t\t\t"F": true\n\t\t}\n\t],\n\t"G": []\n}\n');
  });

  it('escapes strings as encoding/json does', () => {
    assert.equal(formatEditJson({ P: 'a<b>&c"\\\b\f\n\r\t\u0001\u007f\u2028\u2029é𝔁' }), '{\n\t"P": "a\\u003cb\\u003e\\u0026c\\"\\\\\\b\\f\\n\\r\\t\\u0001\u007f\\u2028\\u2029é𝔁"\n}\n');
  });
});

// Pure parts of the module rules: privacy heuristics, patterns, fix ids and their go.mod edits, the go.mod hash.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  formatModuleFixId, h1OfGoMod, looksSelfHosted, MODULE_FINDING_CODES, moduleFixEdits, parseModuleFixId, privatePattern,
} from '../../../src/core/diagnose/modules';
import { appendPattern } from '../../../src/core/diagnose/modules/privacy';
import { h1 } from '../../support/modules';

describe('module rules: pure parts', () => {
  it('tells self-hosted module hosts from public ones', () => {
    for (const p of ['gitlab.acme.internal/x/y', 'git.example.com/team/lib', '10.1.2.3/repo', 'code.corp/x', 'gitea.mycompany.cn/a/b']) assert.equal(looksSelfHosted(p), true, p);
    for (const p of ['github.com/acme/secret', 'gitlab.com/a/b', 'golang.org/x/mod', 'example.com/lib', 'go.uber.org/zap', 'code.gitea.io/sdk']) assert.equal(looksSelfHosted(p), false, p);
  });

  it('suggests the smallest GOPRIVATE pattern and appends it once', () => {
    assert.equal(privatePattern('github.com/acme/secret/v2'), 'github.com/acme');
    assert.equal(privatePattern('git.corp.example/team/lib'), 'git.corp.example');
    assert.equal(appendPattern('', 'a.b'), 'a.b');
    assert.equal(appendPattern('x.y, a.b', 'a.b'), 'x.y,a.b');
    assert.equal(appendPattern('x.y', 'a.b'), 'x.y,a.b');
  });

  it('round-trips module fix ids', () => {
    for (const f of [
      { kind: 'upgrade', module: 'example.com/a', version: 'v1.2.0' },
      { kind: 'download', module: 'example.com/A', version: 'v0.0.0-20240101000000-0123456789ab' },
      { kind: 'remove-replace', module: 'example.com/a' },
      { kind: 'remove-replace', module: 'example.com/a', version: 'v1.0.0' },
    ] as const) assert.deepEqual(parseModuleFixId(formatModuleFixId(f)), f);
    assert.equal(parseModuleFixId('module.upgrade:example.com/a'), undefined);
    assert.equal(parseModuleFixId('env:set:GOPROXY=off'), undefined);
  });

  it('edits go.mod: upgrade every require of the module, remove whole replace lines', () => {
    const text = 'module m\n\nrequire (\n\texample.com/a v1.0.0\n\texample.com/b v1.0.0 // indirect\n)\n\nreplace (\n\texample.com/a v1.0.0 => ../a\n\texample.com/b => example.com/c v1.1.0\n)\n';
    assert.deepEqual(moduleFixEdits({ kind: 'upgrade', module: 'example.com/b', version: 'v1.2.0' }, text), [
      { range: { start: { line: 4, character: 15 }, end: { line: 4, character: 21 } }, newText: 'v1.2.0' },
    ]);
    assert.deepEqual(moduleFixEdits({ kind: 'remove-replace', module: 'example.com/b' }, text), [
      { range: { start: { line: 9, character: 0 }, end: { line: 10, character: 0 } }, newText: '' },
    ]);
    assert.deepEqual(moduleFixEdits({ kind: 'remove-replace', module: 'example.com/a', version: 'v2.0.0' }, text), []);
  });

  it('hashes a go.mod as go.sum records it (dirhash Hash1 of one file)', () => {
    const mod = 'module example.com/x\n\ngo 1.21\n';
    assert.equal(h1OfGoMod(mod), h1([{ name: 'go.mod', data: Buffer.from(mod) }]));
  });

  it('every module code has a section in docs/findings.md', () => {
    const docs = readFileSync(join(__dirname, '..', '..', '..', '..', 'docs', 'findings.md'), 'utf8');
    assert.deepEqual(MODULE_FINDING_CODES.filter((c) => !docs.includes(`### \`${c}\``)), []);
  });
});

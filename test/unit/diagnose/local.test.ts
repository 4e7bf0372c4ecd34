import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { docsAnchor } from '../../../src/core/diagnose/docs';
import { diagnoseText, moduleFileKind, type ModuleFileKind } from '../../../src/core/diagnose/local';
import { setLanguage } from '../../../src/core/i18n';

interface Case {
  name: string;
  kind?: ModuleFileKind;
  text: string;
  goVersion?: string;
  /** Expected findings as "code@line:startChar-endChar" (0-based), in any order. */
  want: string[];
}

let dir: string;

function run(c: Case) {
  const kind = c.kind ?? 'go.mod';
  const file = join(dir, kind === 'go.sum' ? 'go.sum' : kind);
  return diagnoseText(kind, c.text, { file, localGoVersion: c.goVersion });
}

function summary(c: Case): string[] {
  return run(c)
    .map((f) => `${f.code}@${f.range!.start.line}:${f.range!.start.character}-${f.range!.end.character}`)
    .sort();
}

const cases: Case[] = [
  { name: 'a healthy go.mod', text: 'module example.com/m\n\ngo 1.21\n\nrequire example.com/a v1.2.3\n', goVersion: '1.26.8', want: [] },
  {
    name: 'a branch name as version',
    text: 'module example.com/m\n\nrequire example.com/foo master\n',
    want: ['gomod.version-invalid@2:24-30'],
  },
  {
    name: 'a major version that does not match /v2',
    text: 'module example.com/m\n\nrequire example.com/x/v2 v1.0.0\n',
    want: ['gomod.major-mismatch@2:25-31'],
  },
  {
    name: 'a short version form',
    text: 'module example.com/m\n\nrequire example.com/x v1.2\n',
    want: ['gomod.version-noncanonical@2:22-26'],
  },
  {
    name: 'a module path without a dot in its first element',
    text: 'module example.com/m\n\nrequire foo/bar v1.0.0\n',
    want: ['gomod.path-invalid@2:8-15'],
  },
  {
    name: 'the same module required twice (block and line)',
    text: 'module example.com/m\n\nrequire (\n\texample.com/a v1.0.0\n)\n\nrequire example.com/a v1.1.0\n',
    want: ['gomod.duplicate-require@6:8-21'],
  },
  {
    name: 'an unknown directive',
    text: 'module example.com/m\n\nfoo bar\n',
    want: ['gomod.syntax@2:0-3'],
  },
  {
    name: 'a go line newer than the local toolchain',
    text: 'module example.com/m\n\ngo 1.99.1\n',
    goVersion: '1.26.8',
    want: ['gomod.go-too-new@2:3-9'],
  },
  {
    name: 'a go line without a known local toolchain',
    text: 'module example.com/m\n\ngo 1.99.1\n',
    want: [],
  },
  {
    name: 'a toolchain line newer than the local toolchain',
    text: 'module example.com/m\n\ngo 1.21\n\ntoolchain go1.99.0\n',
    goVersion: '1.26.8',
    want: ['gomod.toolchain-too-new@4:10-18'],
  },
  {
    name: 'replace with a missing directory',
    text: 'module example.com/m\n\nreplace example.com/a => ./nowhere\n',
    want: ['gomod.replace-dir-missing@2:25-34'],
  },
  {
    name: 'replace with a directory without go.mod',
    text: 'module example.com/m\n\nreplace example.com/a => ./empty\n',
    want: ['gomod.replace-dir-no-gomod@2:25-32'],
  },
  {
    name: 'replace with a directory declaring another module',
    text: 'module example.com/m\n\nreplace example.com/a => ./other\n',
    want: ['gomod.replace-dir-module-mismatch@2:25-32'],
  },
  {
    name: 'replace with the right directory',
    text: 'module example.com/m\n\nreplace example.com/a => ./liba\n',
    want: [],
  },
  {
    name: 'replace with a module target with a bad path',
    text: 'module example.com/m\n\nreplace example.com/a => fork/a v1.0.0\n',
    want: ['gomod.path-invalid@2:25-31'],
  },
  {
    name: 'go.work: missing and go.mod-less use directories',
    kind: 'go.work',
    text: 'go 1.22\n\nuse (\n\t./liba\n\t./gone\n\t./empty\n)\n',
    want: ['gowork.use-missing@4:1-7', 'gowork.use-no-gomod@5:1-8'],
  },
  {
    name: 'go.work: syntax error',
    kind: 'go.work',
    text: 'go 1.22\n\nrequire example.com/a v1.0.0\n',
    want: ['gowork.syntax@2:0-7'],
  },
  {
    name: 'go.sum: a truncated h1 hash',
    kind: 'go.sum',
    text: 'example.com/a v1.0.0 h1:abc=\nexample.com/a v1.0.0/go.mod h1:G7mAYYxgmS0lVkHyy2hEOLQCFB0DlQFTMLWggykrydY=\n',
    want: ['gosum.hash-invalid@0:21-28'],
  },
  {
    name: 'go.sum: a line with two fields',
    kind: 'go.sum',
    text: 'example.com/a v1.0.0\n',
    want: ['gosum.syntax@0:0-20'],
  },
];

describe('local diagnostics', () => {
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'gmd-local-'));
    mkdirSync(join(dir, 'empty'));
    mkdirSync(join(dir, 'liba'));
    writeFileSync(join(dir, 'liba', 'go.mod'), 'module example.com/a\n');
    mkdirSync(join(dir, 'other'));
    writeFileSync(join(dir, 'other', 'go.mod'), 'module example.com/other\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  afterEach(() => setLanguage('en'));

  for (const c of cases) {
    it(c.name, () => assert.deepEqual(summary(c), [...c.want].sort()));
  }

  it('names the module and links every finding to its file', () => {
    const [f] = run(cases[1]);
    assert.equal(f.severity, 'error');
    assert.equal(f.file, join(dir, 'go.mod'));
    assert.equal(
      f.message,
      '"master" is not a semantic version: go.mod needs one such as v1.2.3. Run go get example.com/foo@master to turn a branch, tag or commit into the version go.mod needs.',
    );
  });

  it('speaks Simplified Chinese when asked', () => {
    setLanguage('zh-cn');
    const [f] = run({ name: '', text: 'module example.com/m\n\nreplace example.com/a => ./nowhere\n', want: [] });
    assert.equal(f.message, '替换目标目录 ./nowhere 不存在。');
  });

  it('every code has a section in docs/findings.md', () => {
    const docs = readFileSync(join(__dirname, '..', '..', '..', '..', 'docs', 'findings.md'), 'utf8');
    const anchors = new Set([...docs.matchAll(/^#+ (.+)$/gm)].map((m) => m[1].toLowerCase().replace(/[^a-z0-9-]/g, '')));
    const codes = new Set(cases.flatMap((c) => c.want.map((w) => w.split('@')[0])));
    for (const code of codes) assert.ok(anchors.has(docsAnchor(code)), code);
  });

  it('recognises module files by name', () => {
    assert.equal(moduleFileKind('/x/go.mod'), 'go.mod');
    assert.equal(moduleFileKind('/x/go.work'), 'go.work');
    assert.equal(moduleFileKind('/x/go.work.sum'), 'go.sum');
    assert.equal(moduleFileKind('/x/go.mod.bak'), undefined);
  });
});

// The language-configuration files: valid JSON, wired in package.json, regexes that compile the way VS Code
// compiles them, indentation rules that indent go.mod blocks, and word patterns that keep paths and versions whole.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './grammar-files.test';

interface LanguageConfiguration {
  comments?: { lineComment?: string; blockComment?: [string, string] };
  brackets?: [string, string][];
  autoClosingPairs?: { open: string; close: string; notIn?: string[] }[];
  surroundingPairs?: [string, string][];
  indentationRules?: { increaseIndentPattern: string; decreaseIndentPattern: string };
  wordPattern?: string;
}

function load(name: string): LanguageConfiguration {
  return JSON.parse(readFileSync(path.join(repoRoot, 'languages', name), 'utf8')) as LanguageConfiguration;
}

/** Compiles a pattern with the flags VS Code may use for it; returns the plain (no flag) version. */
function compile(pattern: string | undefined, what: string): RegExp {
  assert.equal(typeof pattern, 'string', `${what} missing`);
  for (const flags of ['', 'g', 'u', 'gu']) {
    assert.doesNotThrow(() => new RegExp(pattern ?? '', flags), `${what} does not compile with flags "${flags}"`);
  }
  return new RegExp(pattern ?? '');
}

function words(pattern: RegExp, text: string): string[] {
  return [...text.matchAll(new RegExp(pattern.source, 'g'))].map((m) => m[0]);
}

describe('language configuration', () => {
  const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
    contributes: { languages: { id: string; configuration?: string }[] };
  };

  it('is what package.json points each language at', () => {
    const expected: Record<string, string> = {
      'go.mod': 'go.mod.language-configuration.json',
      'go.work': 'go.mod.language-configuration.json',
      'go.sum': 'go.sum.language-configuration.json',
    };
    for (const [id, file] of Object.entries(expected)) {
      const lang = pkg.contributes.languages.find((l) => l.id === id);
      assert.ok(lang?.configuration, `no configuration for ${id}`);
      assert.equal(path.join(repoRoot, lang.configuration), path.join(repoRoot, 'languages', file));
      assert.doesNotThrow(() => load(file));
    }
  });

  describe('go.mod / go.work', () => {
    const config = load('go.mod.language-configuration.json');

    it('uses // line comments and no block comment (x/mod rejects /* */)', () => {
      assert.deepEqual(config.comments, { lineComment: '//' });
    });

    it('pairs (), [] and both quote kinds', () => {
      assert.deepEqual(config.brackets, [['(', ')'], ['[', ']']]);
      const pairs = (config.autoClosingPairs ?? []).map((p) => p.open + p.close).sort();
      assert.deepEqual(pairs, ['""', '()', '[]', '``']);
      for (const p of config.autoClosingPairs ?? []) {
        if (p.open === '"' || p.open === '`') assert.deepEqual(p.notIn, ['string', 'comment']);
      }
      const surrounding = (config.surroundingPairs ?? []).map(([a, b]) => a + b).sort();
      assert.deepEqual(surrounding, ['""', '()', '[]', '``']);
    });

    it('indents after a block opener and outdents on its closing paren', () => {
      const increase = compile(config.indentationRules?.increaseIndentPattern, 'increaseIndentPattern');
      const decrease = compile(config.indentationRules?.decreaseIndentPattern, 'decreaseIndentPattern');
      for (const opener of ['require (', 'replace(', '\tretract (  ', 'use ( // workspace modules', 'godebug (']) {
        assert.ok(increase.test(opener), `should indent after ${JSON.stringify(opener)}`);
      }
      for (const other of [
        'require golang.org/x/mod v0.37.0',
        '// see (',
        '\t// note: (',
        'require ( )',
        ')',
        '\tgolang.org/x/mod v0.37.0 // indirect',
      ]) {
        assert.ok(!increase.test(other), `should not indent after ${JSON.stringify(other)}`);
      }
      for (const closer of [')', '\t)', ') // end of requires']) assert.ok(decrease.test(closer), closer);
      for (const other of ['require (', '\tgolang.org/x/mod v0.37.0', '// )']) assert.ok(!decrease.test(other), other);
    });

    it('keeps module paths, versions and directories whole as words', () => {
      const word = compile(config.wordPattern, 'wordPattern');
      assert.equal(word.test(''), false, 'a word pattern must not match the empty string');
      assert.deepEqual(
        words(word, '\tgithub.com/Azure/go-autorest/v14 v14.2.1-0.20200101000000-abcdefabcdef+incompatible // indirect'),
        ['github.com/Azure/go-autorest/v14', 'v14.2.1-0.20200101000000-abcdefabcdef+incompatible', 'indirect'],
      );
      assert.deepEqual(words(word, 'replace gopkg.in/yaml.v3 => ../yaml_v3'), ['replace', 'gopkg.in/yaml.v3', '../yaml_v3']);
      assert.deepEqual(words(word, 'retract [v1.0.0, v1.1.0-rc.1]'), ['retract', 'v1.0.0', 'v1.1.0-rc.1']);
      assert.deepEqual(words(word, 'godebug panicnil=1'), ['godebug', 'panicnil', '1']);
      assert.deepEqual(words(word, 'module "example.com/m"'), ['module', 'example.com/m']);
    });
  });

  describe('go.sum', () => {
    const config = load('go.sum.language-configuration.json');

    it('has no comment syntax (go.sum has none)', () => {
      assert.equal(config.comments, undefined);
    });

    it('keeps module paths, versions and hashes whole as words, apart from the /go.mod suffix', () => {
      const word = compile(config.wordPattern, 'wordPattern');
      assert.equal(word.test(''), false, 'a word pattern must not match the empty string');
      assert.deepEqual(
        words(word, 'golang.org/x/mod v0.37.0/go.mod h1:m8S8VeM9r4dzDwjrKO0a1sZP3YjeMamRRlD+fmR2Q/0='),
        ['golang.org/x/mod', 'v0.37.0', 'go.mod', 'h1:m8S8VeM9r4dzDwjrKO0a1sZP3YjeMamRRlD+fmR2Q/0='],
      );
      assert.deepEqual(
        words(word, 'github.com/a/go.modx v2.0.0+incompatible h1:vF1DjpVEshcIqoEaauuHebaLk1O1forxjxBaVn884JQ='),
        ['github.com/a/go.modx', 'v2.0.0+incompatible', 'h1:vF1DjpVEshcIqoEaauuHebaLk1O1forxjxBaVn884JQ='],
      );
    });
  });
});

// The grammar and language-configuration files as files: wired in package.json, every regex compiles in
// Oniguruma (as VS Code compiles them), every include resolves, and scope names follow the conventions.
// Also exports the small TextMate harness the other grammar tests use.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

function findRepoRoot(start: string): string {
  let dir = start;
  // out/ may hold a copy of package.json, so look for the tsconfig.json next to it
  while (!existsSync(path.join(dir, 'package.json')) || !existsSync(path.join(dir, 'tsconfig.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${start}`);
    dir = parent;
  }
  return dir;
}

export const repoRoot = findRepoRoot(__dirname);

interface Contributes {
  languages: { id: string; filenames?: string[]; configuration?: string }[];
  grammars: { language: string; scopeName: string; path: string }[];
}
const contributes = (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { contributes: Contributes })
  .contributes;

/** The grammar file package.json contributes for a scope name. */
export function grammarPath(scopeName: string): string {
  const entry = contributes.grammars.find((g) => g.scopeName === scopeName);
  if (!entry) throw new Error(`package.json contributes no grammar with scopeName ${scopeName}`);
  return path.join(repoRoot, entry.path);
}

let onigLoaded: Promise<void> | undefined;
function loadOnig(): Promise<void> {
  if (!onigLoaded) {
    const wasm = readFileSync(path.join(repoRoot, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
    onigLoaded = oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  }
  return onigLoaded;
}

let registry: vsctm.Registry | undefined;
const grammars = new Map<string, Promise<vsctm.IGrammar>>();

export async function loadGrammar(scopeName: string): Promise<vsctm.IGrammar> {
  await loadOnig();
  registry ??= new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scope) => {
      const file = grammarPath(scope);
      return vsctm.parseRawGrammar(readFileSync(file, 'utf8'), file);
    },
  });
  const reg = registry;
  let grammar = grammars.get(scopeName);
  if (!grammar) {
    grammar = reg.loadGrammar(scopeName).then((g) => {
      if (!g) throw new Error(`grammar ${scopeName} did not load`);
      return g;
    });
    grammars.set(scopeName, grammar);
  }
  return grammar;
}

export interface Token {
  text: string;
  start: number;
  scopes: string[];
}
export interface TokenizedLine {
  text: string;
  tokens: Token[];
}
export interface Tokenized {
  lines: TokenizedLine[];
  /** true when some line hit the per-line time limit (the tokenizer then gives up on the rest of that line) */
  stoppedEarly: boolean;
}

/** Tokenizes a whole document line by line, as an editor does, carrying the rule stack across lines. */
export async function tokenize(scopeName: string, text: string, timeLimitMs = 1000): Promise<Tokenized> {
  const grammar = await loadGrammar(scopeName);
  let state = vsctm.INITIAL;
  let stoppedEarly = false;
  const lines: TokenizedLine[] = [];
  for (const line of text.split(/\r?\n/)) {
    const result = grammar.tokenizeLine(line, state, timeLimitMs);
    stoppedEarly ||= result.stoppedEarly;
    state = result.ruleStack;
    lines.push({
      text: line,
      tokens: result.tokens.map((t) => ({
        text: line.slice(t.startIndex, t.endIndex),
        start: t.startIndex,
        scopes: t.scopes,
      })),
    });
  }
  return { lines, stoppedEarly };
}

/** The tokens that make up exactly the columns [start, end) of a line; fails when a token crosses either end. */
export function tokensInRange(line: TokenizedLine, start: number, end: number): Token[] {
  const covering = line.tokens.filter((t) => t.start < end && t.start + t.text.length > start);
  const first = covering[0];
  const last = covering[covering.length - 1];
  if (!first || !last || first.start !== start || last.start + last.text.length !== end) {
    throw new Error(
      `${JSON.stringify(line.text.slice(start, end))} is not a whole token run on ${JSON.stringify(line.text)}: ` +
        covering.map((t) => JSON.stringify(t.text)).join(' '),
    );
  }
  return covering;
}

/**
 * The tokens that make up exactly `needle` (its nth occurrence) on a line. Fails when the needle is not on the line
 * or when a token runs across either end of it, so a passing check also proves the grammar kept the text whole.
 */
export function tokensFor(line: TokenizedLine, needle: string, occurrence = 0): Token[] {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = line.text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`${JSON.stringify(needle)} not found on line ${JSON.stringify(line.text)}`);
  }
  return tokensInRange(line, at, at + needle.length);
}

/** Asserts every token of `needle` carries `scope`. */
export function expectScope(line: TokenizedLine, needle: string, scope: string, occurrence = 0): void {
  for (const t of tokensFor(line, needle, occurrence)) {
    assert.ok(
      t.scopes.includes(scope),
      `${JSON.stringify(t.text)} in ${JSON.stringify(line.text)} should have ${scope}; has ${t.scopes.join(' ')}`,
    );
  }
}

/** Asserts no token overlapping `needle` carries a scope starting with `prefix`. */
export function expectNoScope(line: TokenizedLine, needle: string, prefix: string): void {
  const at = line.text.indexOf(needle);
  assert.ok(at >= 0, `${JSON.stringify(needle)} not found on ${JSON.stringify(line.text)}`);
  const end = at + needle.length;
  for (const t of line.tokens.filter((tok) => tok.start < end && tok.start + tok.text.length > at)) {
    const bad = t.scopes.find((s) => s.startsWith(prefix));
    assert.equal(bad, undefined, `${JSON.stringify(t.text)} in ${JSON.stringify(line.text)} should not have ${bad}`);
  }
}

/** Every scope on a line that starts with `prefix`, with the text it covers. */
export function scopesWithPrefix(line: TokenizedLine, prefix: string): string[] {
  return line.tokens.flatMap((t) => t.scopes.filter((s) => s.startsWith(prefix)).map((s) => `${s} ${JSON.stringify(t.text)}`));
}

// ---------------------------------------------------------------------------------------------------------------

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

interface Rule {
  where: string;
  key: string;
  value: Json;
}

/** Walks a grammar and yields every (key, value) with a JSON-path-ish location. */
function* walk(node: Json, where = '$'): Generator<Rule> {
  if (Array.isArray(node)) {
    for (const [i, child] of node.entries()) yield* walk(child, `${where}[${i}]`);
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      yield { where, key, value };
      yield* walk(value, `${where}.${key}`);
    }
  }
}

const ROOT_SCOPES = new Set([
  'comment', 'constant', 'entity', 'invalid', 'keyword', 'markup', 'meta', 'punctuation', 'storage', 'string',
  'support', 'variable',
]);

describe('grammar files', () => {
  const cases = [
    { scopeName: 'go.mod', languages: ['go.mod', 'go.work'], suffix: '.go.mod' },
    { scopeName: 'go.sum', languages: ['go.sum'], suffix: '.go.sum' },
  ];

  for (const { scopeName, languages, suffix } of cases) {
    describe(scopeName, () => {
      const file = grammarPath(scopeName);
      const grammar = JSON.parse(readFileSync(file, 'utf8')) as { [key: string]: Json };

      it('is contributed in package.json for its languages with a matching scopeName', () => {
        for (const language of languages) {
          const entry = contributes.grammars.find((g) => g.language === language);
          assert.ok(entry, `no grammar contributed for ${language}`);
          assert.equal(entry.scopeName, scopeName);
          assert.equal(path.join(repoRoot, entry.path), file);
        }
        assert.equal(grammar.scopeName, scopeName);
      });

      it('compiles every regex with Oniguruma', async () => {
        await loadOnig();
        let count = 0;
        for (const { where, key, value } of walk(grammar)) {
          if (!['match', 'begin', 'end', 'while'].includes(key) || typeof value !== 'string') continue;
          count++;
          try {
            new oniguruma.OnigScanner([value]).dispose();
          } catch (err) {
            assert.fail(`${where}.${key} does not compile: ${(err as Error).message}\n${value}`);
          }
        }
        assert.ok(count > 5, `expected regexes, found ${count}`);
      });

      it('resolves every include and uses every repository rule', () => {
        const repository = (grammar.repository ?? {}) as { [key: string]: Json };
        const used = new Set<string>();
        for (const { where, key, value } of walk(grammar)) {
          if (key !== 'include' || typeof value !== 'string') continue;
          assert.ok(value.startsWith('#'), `${where}: only local includes expected, got ${value}`);
          const name = value.slice(1);
          assert.ok(name in repository, `${where}: include ${value} has no repository entry`);
          used.add(name);
        }
        const unused = Object.keys(repository).filter((name) => !used.has(name));
        assert.deepEqual(unused, [], 'repository rules nothing includes');
      });

      it(`names every scope with a standard root and the ${suffix} suffix`, () => {
        for (const { where, key, value } of walk(grammar)) {
          if (!['name', 'contentName'].includes(key) || typeof value !== 'string') continue;
          if (where === '$') continue; // the grammar's display name
          for (const scope of value.split(' ')) {
            assert.ok(scope.endsWith(suffix), `${where}.${key}: ${scope} lacks ${suffix}`);
            assert.ok(ROOT_SCOPES.has(scope.split('.')[0] ?? ''), `${where}.${key}: ${scope} has a non-standard root`);
          }
        }
      });
    });
  }
});
